//! Dates as the record writes them: "Jeudi 22 février 2024", "Thursday 22 February 2024".

use chrono::{Locale, NaiveDate, NaiveTime, Timelike};

use super::Language;

fn locale(language: Language) -> Locale {
    match language {
        Language::Fr => Locale::fr_FR,
        Language::En => Locale::en_GB,
    }
}

fn capitalize(text: &str) -> String {
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
