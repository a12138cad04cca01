//! Dates as the record writes them: "Jeudi 22 février 2024", "Thursday 22 February 2024".

use chrono::{Datelike, Locale, NaiveDate, NaiveTime, Timelike};

use super::meeting::Language;

fn locale(language: Language) -> Locale {
    match language {
        Language::Fr => Locale::fr_FR,
        Language::En => Locale::en_GB,
    }
}

/// `text` with its first letter in capitals.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The weekday, day, month and year, the weekday capitalised to open a line.
pub fn long_date(date: NaiveDate, language: Language) -> String {
    capitalize(
        &date
            .format_localized("%A %-d %B %Y", locale(language))
            .to_string(),
    )
}

/// The same, in lower case, for use inside a sentence ("jusqu'au lundi 26 février 2024").
pub fn long_date_inline(date: NaiveDate, language: Language) -> String {
    let text = date
        .format_localized("%A %-d %B %Y", locale(language))
        .to_string();
    match language {
        Language::Fr => text,
        Language::En => capitalize(&text),
    }
}

/// "11h" or "11h30" in French, "11:00" in English.
pub fn short_time(time: NaiveTime, language: Language) -> String {
    match (language, time.minute()) {
        (Language::Fr, 0) => format!("{}h", time.hour()),
        (Language::Fr, m) => format!("{}h{m:02}", time.hour()),
        (Language::En, _) => time.format("%H:%M").to_string(),
    }
}

const MONTHS: [[&str; 2]; 12] = [
    ["janvier", "january"],
    ["fevrier", "february"],
    ["mars", "march"],
    ["avril", "april"],
    ["mai", "may"],
    ["juin", "june"],
    ["juillet", "july"],
    ["aout", "august"],
    ["septembre", "september"],
    ["octobre", "october"],
    ["novembre", "november"],
    ["decembre", "december"],
];

const WEEKDAYS: [[&str; 2]; 7] = [
    ["lundi", "monday"],
    ["mardi", "tuesday"],
    ["mercredi", "wednesday"],
    ["jeudi", "thursday"],
    ["vendredi", "friday"],
    ["samedi", "saturday"],
    ["dimanche", "sunday"],
];

fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// The index of a name, or of the one name that starts with at least three letters of it
/// ("fév", "Feb", "juil.", "lun.").
fn find_name<const N: usize>(names: &[[&str; 2]; N], word: &str) -> Option<usize> {
    let word = word.trim_end_matches('.');
    if word.chars().count() < 3 {
        return None;
    }
    let mut found = None;
    for (i, pair) in names.iter().enumerate() {
        if pair.contains(&word) {
            return Some(i);
        }
        if pair.iter().any(|n| n.starts_with(word)) {
            if found.is_some_and(|f| f != i) {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

/// Why a text is not a date.
enum Refusal {
    NotADate,
    NoSuchDay,
    /// The weekday said (index in `WEEKDAYS`) is not the date's.
    Weekday {
        date: NaiveDate,
        said: usize,
    },
}

/// The refusal in `language`, quoting what was typed. A wrong weekday names the date's
/// own and offers the nearest dates that have the weekday said.
fn word(refusal: Refusal, original: &str, language: Language) -> String {
    let fr = language == Language::Fr;
    match refusal {
        Refusal::NotADate if fr => format!(
            "« {original} » n'est pas une date : écrivez 2024-02-26, 26/02/2024 ou 26 février 2024"
        ),
        Refusal::NotADate => format!(
            "\"{original}\" is not a date: write it as 2024-02-26, 26/02/2024 or 26 février 2024"
        ),
        Refusal::NoSuchDay if fr => format!("« {original} » n'existe pas dans le calendrier"),
        Refusal::NoSuchDay => format!("\"{original}\" does not exist in the calendar"),
        Refusal::Weekday { date, said } => {
            let actual = date.weekday().num_days_from_monday() as usize;
            let back = (7 + actual - said) % 7;
            let days = |n: usize| chrono::Days::new(n as u64);
            let (before, after) = (date - days(back), date + days(7 - back));
            let long = |d| long_date_inline(d, language);
            // "5 mars 2024": the long date without its weekday.
            let bare = long(date)
                .split_once(' ')
                .map(|(_, rest)| rest.to_owned())
                .unwrap_or_default();
            let name = |i: usize| match fr {
                true => WEEKDAYS[i][0].to_owned(),
                false => capitalize(WEEKDAYS[i][1]),
            };
            match fr {
                true => format!(
                    "« {original} » : le {bare} est un {}, pas un {} ; {} ou {} ?",
                    name(actual),
                    name(said),
                    long(before),
                    long(after)
                ),
                false => format!(
                    "\"{original}\": {bare} is a {}, not a {}; {} or {}?",
                    name(actual),
                    name(said),
                    long(before),
                    long(after)
                ),
            }
        }
    }
}

/// Reads a date as `parse_date_in` does; one written without its year (`26/02`,
/// `26 février`, `lundi 26 février`) takes the year of `after` (the meeting's date), or
/// the next one when that date would fall before it. A weekday that matches neither is
/// refused naming the date's own.
pub fn parse_date_after(
    text: &str,
    language: Language,
    after: NaiveDate,
) -> Result<NaiveDate, String> {
    let text = text.trim();
    let refused = match read(text) {
        Ok(date) => return Ok(date),
        Err(refused) => refused,
    };
    for year in [after.year(), after.year() + 1] {
        for candidate in [format!("{text}/{year}"), format!("{text} {year}")] {
            match read(&candidate) {
                Ok(date) if date >= after => return Ok(date),
                Err(Refusal::Weekday { date, said }) if date >= after => {
                    return Err(word(Refusal::Weekday { date, said }, text, language));
                }
                _ => {}
            }
        }
    }
    Err(word(refused, text, language))
}

/// Reads a date as `parse_date` does, with the refusal in `language`.
pub fn parse_date_in(text: &str, language: Language) -> Result<NaiveDate, String> {
    read(text).map_err(|r| word(r, text.trim(), language))
}

/// Reads a date as people type it: `2024-02-26`, `26/02/2024`, `26 février 2024`,
/// `lundi 26 février 2024`, `Monday 26 February 2024`, `February 26, 2024`. A weekday that
/// does not match the date is refused, since one of the two is a typo.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    parse_date_in(text, Language::En)
}

fn read(text: &str) -> Result<NaiveDate, Refusal> {
    let folded = fold(text.trim()).replace([',', '\u{a0}'], " ");
    for format in ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(folded.trim(), format) {
            return Ok(date);
        }
    }
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    let mut weekday = None;
    if let Some(first) = words.first()
        && let Some(w) = find_name(&WEEKDAYS, first)
    {
        weekday = Some(w);
        words.remove(0);
    }
    let day_number = |w: &str| -> Option<u32> {
        w.trim_end_matches("er")
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th")
            .parse()
            .ok()
    };
    let (day, month, year) = match words.as_slice() {
        [d, m, y] if day_number(d).is_some() => {
            (day_number(d), find_name(&MONTHS, m), y.parse::<i32>().ok())
        }
        [m, d, y] => (day_number(d), find_name(&MONTHS, m), y.parse::<i32>().ok()),
        // "lundi 26/02/2024"
        [numeric] if weekday.is_some() => {
            return read(numeric).and_then(|date| check(date, weekday));
        }
        _ => return Err(Refusal::NotADate),
    };
    let (Some(day), Some(month), Some(year)) = (day, month, year) else {
        return Err(Refusal::NotADate);
    };
    let date = NaiveDate::from_ymd_opt(year, month as u32 + 1, day).ok_or(Refusal::NoSuchDay)?;
    check(date, weekday)
}

/// The date, unless the weekday said is not its own.
fn check(date: NaiveDate, weekday: Option<usize>) -> Result<NaiveDate, Refusal> {
    match weekday {
        Some(said) if date.weekday().num_days_from_monday() as usize != said => {
            Err(Refusal::Weekday { date, said })
        }
        _ => Ok(date),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_without_its_year_takes_the_meeting_s_or_the_next() {
        let meeting = chrono::NaiveDate::from_ymd_opt(2024, 2, 22).unwrap();
        let read = |t: &str| super::parse_date_after(t, super::Language::Fr, meeting).unwrap();
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
        assert!(super::parse_date_after("mardi 26 février", super::Language::Fr, meeting).is_err());
        let err =
            super::parse_date_after("lundi 5 mars", super::Language::Fr, meeting).unwrap_err();
        assert_eq!(
            err,
            "« lundi 5 mars » : le 5 mars 2024 est un mardi, pas un lundi ; \
             lundi 4 mars 2024 ou lundi 11 mars 2024 ?"
        );
    }

    use super::*;

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
            assert_eq!(parse_date(text), expected, "{text}");
        }
    }

    #[test]
    fn refusals_speak_the_interface_language() {
        let err = parse_date_in("mardi 26 février 2024", Language::Fr).unwrap_err();
        assert!(err.contains("est un lundi, pas un mardi"), "{err}");
        let err = parse_date_in("demain", Language::Fr).unwrap_err();
        assert!(err.contains("n'est pas une date"), "{err}");
        assert!(
            parse_date_in("demain", Language::En)
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
            assert!(parse_date(text).is_err(), "{text}");
        }
        let err = parse_date("mardi 26 février 2024").unwrap_err();
        assert!(err.contains("Monday, not a Tuesday"), "{err}");
        assert!(
            err.contains("Tuesday 20 February 2024 or Tuesday 27 February 2024?"),
            "the nearest Tuesdays: {err}"
        );
        assert!(parse_date("Tuesday 26 February 2024").is_err());
    }

    #[test]
    fn seed_dates_read_as_in_the_records() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 22).unwrap();
        assert_eq!(long_date(d, Language::Fr), "Jeudi 22 février 2024");
        assert_eq!(long_date(d, Language::En), "Thursday 22 February 2024");
        let d = NaiveDate::from_ymd_opt(2024, 2, 26).unwrap();
        assert_eq!(long_date_inline(d, Language::Fr), "lundi 26 février 2024");
        let t = NaiveTime::from_hms_opt(11, 0, 0).unwrap();
        assert_eq!(short_time(t, Language::Fr), "11h");
    }
}
