//! `copil mail`: one draft mail per institution, ready to edit and send.

use std::path::{Path, PathBuf};

use super::error::CliError;
use super::exporting::{self, export_error};
use super::output::emit;
use crate::config::Config;
use crate::export::mail::{Attach, draft};
use crate::i18n::{fill, msg};
use crate::store::{self, Mode};

/// What a draft carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Attachment {
    /// The institution's follow-up letter (Word)
    Docx,
    /// Its remarks form (Word)
    Remarks,
}

/// Who the drafts go to.
pub enum Whom {
    /// One draft per proposing institution, in this folder.
    ByInstitution(PathBuf),
    /// One draft to every member, the whole record attached, written here (by default
    /// beside the meeting as `NAME.eml`).
    All(Option<PathBuf>),
}

/// Writes the drafts `whom` says; names checked before writing.
pub fn run(
    config: &Config,
    file: &Path,
    (whom, attach): (Whom, Vec<Attachment>),
    deadline: Option<String>,
    force: bool,
) -> Result<(), CliError> {
    let meeting = store::load(file, &config.marks)?;
    let deadline = exporting::deadline(&meeting, deadline)?;
    let dir = match whom {
        Whom::ByInstitution(dir) => dir,
        Whom::All(out) => return to_all(config, (file, out), &meeting, deadline, force),
    };
    let attach = Attach {
        letter: attach.contains(&Attachment::Docx),
        form: attach.contains(&Attachment::Remarks),
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::Runtime(fill(msg().cannot_create, &[&dir.display(), &e])))?;
    let institutions = meeting.institutions();
    let stems: Vec<String> =
        crate::export::letter_names(&institutions, &config.export.institutions, "eml")
            .into_iter()
            .map(|n| n.trim_end_matches(".eml").to_owned())
            .collect();
    let paths: Vec<PathBuf> = stems.iter().map(|s| dir.join(format!("{s}.eml"))).collect();
    if !force && let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(export_error(store::SaveError::exists(existing)));
    }
    let mode = if force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    let recipe = (&config.marks, &config.export);
    let mut summary = String::new();
    for ((institution, stem), path) in institutions.iter().zip(&stems).zip(&paths) {
        let mail = draft(&meeting, institution, recipe, (attach, deadline, stem))
            .map_err(|e| CliError::Runtime(e.to_string()))?;
        store::write_document(path, &mail.bytes, mode).map_err(export_error)?;
        let line = match mail.recipients {
            0 => fill(msg().mail_no_address, &[&path.display(), institution]),
            1 => fill(msg().mail_written_one, &[&path.display()]),
            n => fill(msg().mail_written, &[&path.display(), &n]),
        };
        summary.push_str(&line);
        summary.push('\n');
    }
    emit(&summary)
}

/// `copil mail FILE --all`: one draft to every participant with an address, the record
/// attached.
fn to_all(
    config: &Config,
    (file, out): (&Path, Option<PathBuf>),
    meeting: &crate::model::Meeting,
    deadline: Option<chrono::NaiveDate>,
    force: bool,
) -> Result<(), CliError> {
    let out = out.unwrap_or_else(|| file.with_extension("eml"));
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    let recipe = (&config.marks, &config.export);
    let mail = crate::export::mail::draft_all(meeting, recipe, (deadline, &stem))
        .map_err(|e| CliError::Runtime(e.to_string()))?;
    let mode = if force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    store::write_document(&out, &mail.bytes, mode).map_err(export_error)?;
    let line = match mail.recipients {
        0 => fill(msg().mail_no_address_all, &[&out.display()]),
        1 => fill(msg().mail_written_one, &[&out.display()]),
        n => fill(msg().mail_written, &[&out.display(), &n]),
    };
    emit(&format!("{line}\n"))
}
