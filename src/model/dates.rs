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

/// The day, month and year, as a letter is dated: "26 février 2024", "26 February 2024".
pub fn day_date(date: NaiveDate, language: Language) -> String {
    date.format_localized("%-d %B %Y", locale(language))
        .to_string()
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

/// Why a text is not a date; `i18n::parse_date` words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRefusal {
    NotADate,
    NoSuchDay,
    /// The weekday said (0 = Monday) is not the date's.
    Weekday {
        date: NaiveDate,
        said: u32,
    },
}

/// Reads a date as `read_date` does; one written without its year (`26/02`, `26 février`,
/// `lundi 26 février`) takes the year of `after` (the meeting's date), or the next one
/// when that date would fall before it. A weekday that matches neither is refused with
/// the date it would be.
pub fn read_date_after(text: &str, after: NaiveDate) -> Result<NaiveDate, DateRefusal> {
    let text = text.trim();
    let refused = match read_date(text) {
        Ok(date) => return Ok(date),
        Err(refused) => refused,
    };
    for year in [after.year(), after.year() + 1] {
        for candidate in [format!("{text}/{year}"), format!("{text} {year}")] {
            match read_date(&candidate) {
                Ok(date) if date >= after => return Ok(date),
                Err(DateRefusal::Weekday { date, said }) if date >= after => {
                    return Err(DateRefusal::Weekday { date, said });
                }
                _ => {}
            }
        }
    }
    Err(refused)
}

/// Reads a date as people type it: `2024-02-26`, `26/02/2024`, `26 février 2024`,
/// `lundi 26 février 2024`, `Monday 26 February 2024`, `February 26, 2024`. A weekday that
/// does not match the date is refused, since one of the two is a typo.
pub fn read_date(text: &str) -> Result<NaiveDate, DateRefusal> {
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
            return read_date(numeric).and_then(|date| check(date, weekday));
        }
        _ => return Err(DateRefusal::NotADate),
    };
    let (Some(day), Some(month), Some(year)) = (day, month, year) else {
        return Err(DateRefusal::NotADate);
    };
    let date =
        NaiveDate::from_ymd_opt(year, month as u32 + 1, day).ok_or(DateRefusal::NoSuchDay)?;
    check(date, weekday)
}

/// The date, unless the weekday said is not its own.
fn check(date: NaiveDate, weekday: Option<usize>) -> Result<NaiveDate, DateRefusal> {
    match weekday {
        Some(said) if date.weekday().num_days_from_monday() as usize != said => {
            Err(DateRefusal::Weekday {
                date,
                said: said as u32,
            })
        }
        _ => Ok(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
