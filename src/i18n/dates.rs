//! Dates typed by the secretary, read by the model (`model::dates::read_date`) and refused
//! here in the interface's words: what is wrong, and for a wrong weekday the date's own and
//! the nearest dates that have the weekday said.

use chrono::{Datelike, NaiveDate};

use crate::model::Language;
use crate::model::dates::{DateRefusal, long_date_inline, read_date, read_date_after};

/// A date as people type it (`model::dates::read_date`), refused in `language`.
pub fn parse_date(text: &str, language: Language) -> Result<NaiveDate, String> {
    read_date(text).map_err(|r| word(r, text.trim(), language))
}

/// The same, a date without its year taking the year of `after` or the next
/// (`model::dates::read_date_after`).
pub fn parse_date_after(
    text: &str,
    language: Language,
    after: NaiveDate,
) -> Result<NaiveDate, String> {
    read_date_after(text, after).map_err(|r| word(r, text.trim(), language))
}

/// Words before a deadline's date saying what it ends, in either language: a period
/// ("jusqu'au", "until") or a delivery ("au plus tard le", "by").
const UNTIL: [&str; 6] = [
    "jusqu'au",
    "jusqu’au",
    "jusqu'à",
    "jusqu’à",
    "until",
    "till",
];
const BY: [&str; 5] = [
    "au plus tard le",
    "au plus tard",
    "avant le",
    "before",
    "by",
];

/// What a deadline typed with its words says: `Some(true)` a period, `Some(false)` a
/// delivery, `None` no word; and the date that follows.
pub fn deadline_kind(text: &str) -> (Option<bool>, &str) {
    let text = text.trim();
    let lower = text.to_lowercase();
    for (words, until) in [(&UNTIL[..], true), (&BY[..], false)] {
        for word in words {
            // Lower case keeps the length of these words: the rest is cut from `text`.
            if lower.starts_with(word)
                && let Some(rest) = text.get(word.len()..)
                && (rest.is_empty() || rest.starts_with(char::is_whitespace))
            {
                return (Some(until), rest.trim());
            }
        }
    }
    (None, text)
}

/// A deadline as the secretary edits it: "jusqu'au 2024-02-26" for a period, the date
/// alone for a delivery (the default).
pub fn deadline_typed(date: NaiveDate, until: bool, language: Language) -> String {
    let day = date.format("%Y-%m-%d");
    match (until, language) {
        (false, _) => day.to_string(),
        (true, Language::Fr) => format!("jusqu'au {day}"),
        (true, Language::En) => format!("until {day}"),
    }
}

/// The refusal in `language`, quoting what was typed.
fn word(refusal: DateRefusal, original: &str, language: Language) -> String {
    let fr = language == Language::Fr;
    match refusal {
        DateRefusal::NotADate if fr => format!(
            "« {original} » n'est pas une date : écrivez 2024-02-26, 26/02/2024 ou 26 février 2024"
        ),
        DateRefusal::NotADate => format!(
            "\"{original}\" is not a date: write it as 2024-02-26, 26/02/2024 or 26 février 2024"
        ),
        DateRefusal::NoSuchDay if fr => format!("« {original} » n'existe pas dans le calendrier"),
        DateRefusal::NoSuchDay => format!("\"{original}\" does not exist in the calendar"),
        DateRefusal::Weekday { date, said } => {
            let actual = date.weekday().num_days_from_monday();
            let back = u64::from((7 + actual - said) % 7);
            let (before, after) = (
                date - chrono::Days::new(back),
                date + chrono::Days::new(7 - back),
            );
            let long = |d| long_date_inline(d, language);
            // "5 mars 2024": the long date without its weekday; "mardi": the weekday alone.
            let (own, bare) = long(date)
                .split_once(' ')
                .map(|(w, r)| (w.to_owned(), r.to_owned()))
                .unwrap_or_default();
            let wanted = long(before)
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_owned();
            match fr {
                true => format!(
                    "« {original} » : le {bare} est un {own}, pas un {wanted} ; {} ou {} ?",
                    long(before),
                    long(after)
                ),
                false => format!(
                    "\"{original}\": {bare} is a {own}, not a {wanted}; {} or {}?",
                    long(before),
                    long(after)
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_words_before_a_deadline_say_a_period_or_a_delivery() {
        use super::{deadline_kind, deadline_typed};
        assert_eq!(deadline_kind("jusqu'au 26/02"), (Some(true), "26/02"));
        assert_eq!(
            deadline_kind("Jusqu’au lundi 26 février"),
            (Some(true), "lundi 26 février")
        );
        assert_eq!(
            deadline_kind("until 2024-02-26"),
            (Some(true), "2024-02-26")
        );
        assert_eq!(
            deadline_kind("au plus tard le 4 mars"),
            (Some(false), "4 mars")
        );
        assert_eq!(deadline_kind("by 4/3"), (Some(false), "4/3"));
        assert_eq!(deadline_kind(" 4 mars 2024 "), (None, "4 mars 2024"));
        // A word only counts whole.
        assert_eq!(deadline_kind("bye"), (None, "bye"));
        assert_eq!(deadline_kind("jusqu'au"), (Some(true), ""));
        let day = chrono::NaiveDate::from_ymd_opt(2024, 2, 26).unwrap();
        assert_eq!(
            deadline_typed(day, true, Language::Fr),
            "jusqu'au 2024-02-26"
        );
        assert_eq!(deadline_typed(day, false, Language::Fr), "2024-02-26");
        // What the prompt shows reads back as it was.
        let typed = deadline_typed(day, true, Language::En);
        assert_eq!(deadline_kind(&typed), (Some(true), "2024-02-26"));
    }

    #[test]
    fn a_date_without_its_year_takes_the_meeting_s_or_the_next() {
        let meeting = chrono::NaiveDate::from_ymd_opt(2024, 2, 22).unwrap();
        let read = |t: &str| parse_date_after(t, Language::Fr, meeting).unwrap();
        assert_eq!(read("26/02").to_string(), "2024-02-26");
        assert_eq!(read("lundi 26 février").to_string(), "2024-02-26");
        assert_eq!(
            read("15 janvier").to_string(),
            "2025-01-15",
            "after the meeting"
        );
        assert_eq!(
            read("2023-05-01").to_string(),
            "2023-05-01",
            "a year written stays"
        );
        assert!(parse_date_after("mardi 26 février", Language::Fr, meeting).is_err());
        let err = parse_date_after("lundi 5 mars", Language::Fr, meeting).unwrap_err();
        assert_eq!(
            err,
            "« lundi 5 mars » : le 5 mars 2024 est un mardi, pas un lundi ; \
             lundi 4 mars 2024 ou lundi 11 mars 2024 ?"
        );
    }

    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn dates_as_people_type_them() {
        let d = |y, m, d| Ok(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let table = [
            ("2024-02-26", d(2024, 2, 26)),
            ("26/02/2024", d(2024, 2, 26)),
            ("26-02-2024", d(2024, 2, 26)),
            ("26 février 2024", d(2024, 2, 26)),
            ("26 fevrier 2024", d(2024, 2, 26)),
            ("lundi 26 février 2024", d(2024, 2, 26)),
            ("Lundi 26 Février 2024", d(2024, 2, 26)),
            ("lun. 26 fév. 2024", d(2024, 2, 26)),
            ("1er mars 2024", d(2024, 3, 1)),
            ("lundi 4 mars 2024", d(2024, 3, 4)),
            ("Monday 26 February 2024", d(2024, 2, 26)),
            ("26 February 2024", d(2024, 2, 26)),
            ("February 26, 2024", d(2024, 2, 26)),
            ("Monday, February 26, 2024", d(2024, 2, 26)),
            ("Mon 26 Feb 2024", d(2024, 2, 26)),
            ("March 1st 2024", d(2024, 3, 1)),
            ("5 juil. 2024", d(2024, 7, 5)),
            ("3 sept 2024", d(2024, 9, 3)),
        ];
        for (text, expected) in table {
            assert_eq!(parse_date(text, Language::En), expected, "{text}");
        }
    }

    #[test]
    fn refusals_speak_the_interface_language() {
        let err = parse_date("mardi 26 février 2024", Language::Fr).unwrap_err();
        assert!(err.contains("est un lundi, pas un mardi"), "{err}");
        let err = parse_date("demain", Language::Fr).unwrap_err();
        assert!(err.contains("n'est pas une date"), "{err}");
        assert!(
            parse_date("demain", Language::En)
                .unwrap_err()
                .contains("is not a date")
        );
    }

    #[test]
    fn bad_dates_and_wrong_weekdays_are_refused_with_a_reason() {
        for text in [
            "",
            "demain",
            "31/02/2024",
            "30 février 2024",
            "26 frévier 2024",
            "2024-13-01",
            "26 février",
        ] {
            assert!(parse_date(text, Language::En).is_err(), "{text}");
        }
        let err = parse_date("mardi 26 février 2024", Language::En).unwrap_err();
        assert!(err.contains("Monday, not a Tuesday"), "{err}");
        assert!(
            err.contains("Tuesday 20 February 2024 or Tuesday 27 February 2024?"),
            "the nearest Tuesdays: {err}"
        );
        assert!(parse_date("Tuesday 26 February 2024", Language::En).is_err());
    }
}
