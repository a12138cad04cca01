//! The wall clock, read here and nowhere else: the commands, the locks, the caches and the
//! live screen (`live::clock`) take their time from it. A document's own date is not the
//! time of its writing but `SOURCE_DATE_EPOCH` when set (the reproducible-builds
//! convention), else the meeting's day and hour: two exports of the same meeting are the
//! same bytes.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};

/// Now, on this computer's calendar.
pub fn now() -> DateTime<Local> {
    Local::now()
}

/// Today, on this computer's calendar.
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// Now, as the file system counts it.
pub fn system() -> std::time::SystemTime {
    std::time::SystemTime::now()
}

/// The moment a document of the meeting held at `held_on` says it was written, in
/// W3CDTF ("2024-02-22T11:00:00Z").
pub fn document_stamp(held_on: NaiveDateTime) -> String {
    let at = source_date_epoch().unwrap_or_else(|| held_on.and_utc());
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The instant a document of the meeting is dated: `SOURCE_DATE_EPOCH`'s, else the
/// meeting's (UTC).
pub fn document_time(held_on: NaiveDateTime) -> NaiveDateTime {
    source_date_epoch().map_or(held_on, |at| at.naive_utc())
}

/// The day a document of the meeting is dated: `SOURCE_DATE_EPOCH`'s, else the meeting's.
pub fn document_day(held_on: NaiveDateTime) -> chrono::NaiveDate {
    source_date_epoch().map_or(held_on.date(), |at| at.date_naive())
}

/// `SOURCE_DATE_EPOCH`, in seconds since 1970, when set and valid.
fn source_date_epoch() -> Option<DateTime<Utc>> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    DateTime::from_timestamp(seconds, 0)
}
