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

/// Writes `DIR/NAME.eml` for every proposing institution; names checked before writing.
pub fn run(
    config: &Config,
    file: &Path,
    (dir, attach): (PathBuf, Vec<Attachment>),
    deadline: Option<String>,
    force: bool,
) -> Result<(), CliError> {
    let meeting = store::load(file, &config.marks)?;
    let deadline = exporting::deadline(&meeting, deadline)?;
    let attach = Attach {
        letter: attach.contains(&Attachment::Docx),
        form: attach.contains(&Attachment::Remarks),
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError::Runtime(fill(msg().cannot_create, &[&dir.display(), &e])))?;
    let institutions = meeting.institutions();
    let stems: Vec<String> = crate::export::letter_names(&institutions, "eml")
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
