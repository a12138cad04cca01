//! `copil new`: a meeting file from nothing, or from the last meeting.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::CliError;
use crate::config::Config;
use crate::i18n::{fill, msg};
use crate::model::{Header, Language, Meeting};
use crate::store::{self, Mode};

pub fn next_from(
    config: &Config,
    file: &Path,
    date: Option<String>,
    last: &Path,
) -> Result<String, CliError> {
    let date = new_file_date(file, date)?;
    let last = store::load(last, &config.marks)?;
    // Remarks accepted in writing are part of what was said: history, like the rest.
    let last = crate::record::remarks::into_observations(&last);
    let next = crate::model::next::next_meeting(&last, date, &config.marks);
    create(config, file, &next)?;
    let created = crate::i18n::fill_counted(
        crate::i18n::language(),
        msg().created_from,
        &[
            &file.display(),
            &next.commitments.len(),
            &next.decisions.len(),
            &date.format("%Y-%m-%d"),
        ],
    );
    Ok(format!("{created}\n"))
}

/// Refuses an existing file, and reads the date given (today by default).
fn new_file_date(file: &Path, date: Option<String>) -> Result<NaiveDate, CliError> {
    if file.exists() {
        return Err(CliError::BadInput(fill(
            msg().already_exists,
            &[&file.display()],
        )));
    }
    match date {
        None => Ok(crate::clock::today()),
        Some(d) => crate::i18n::parse_date(&d, crate::i18n::language())
            .map_err(|e| CliError::BadInput(fill(msg().bad_date, &[&e]))),
    }
}

/// Writes a new meeting file, never over an existing one.
fn create(config: &Config, file: &Path, meeting: &Meeting) -> Result<(), CliError> {
    let text = store::write_meeting(meeting, &config.marks);
    store::write_atomic(file, text.as_bytes(), Mode::CreateNew)?;
    Ok(())
}

pub fn new_meeting(
    config: &Config,
    file: &Path,
    date: Option<String>,
    title: String,
    place: String,
    language: &str,
    commitments: Option<PathBuf>,
) -> Result<String, CliError> {
    let date = new_file_date(file, date)?;
    let language = Language::from_code(language)
        .ok_or_else(|| CliError::BadInput(fill(msg().bad_record_language, &[&language])))?;
    let commitments = match commitments {
        Some(list) => store::load_commitments(&list, &config.marks)?,
        None => Vec::new(),
    };
    let meeting = Meeting {
        header: Header {
            title,
            date,
            place,
            language,
            ..Header::default()
        },
        commitments: commitments.into_iter().map(std::sync::Arc::new).collect(),
        ..Meeting::default()
    };
    create(config, file, &meeting)?;
    let created = crate::i18n::fill_counted(
        crate::i18n::language(),
        msg().created,
        &[
            &file.display(),
            &meeting.commitments.len(),
            &date.format("%Y-%m-%d"),
        ],
    );
    Ok(format!("{created}\n"))
}
