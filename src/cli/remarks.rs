//! `copil remarks`: remarks forms out to the members, filled forms back in.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::error::CliError;
use super::exporting::{self, export_error};
use super::output::emit;
use crate::config::Config;
use crate::export::{self, docx};
use crate::i18n::{fill, msg};
use crate::record::form::Form;
use crate::store::{self, Mode};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormFormat {
    Docx,
    Xlsx,
    Pdf,
}

impl FormFormat {
    fn extension(self) -> &'static str {
        match self {
            FormFormat::Docx => "docx",
            FormFormat::Xlsx => "xlsx",
            FormFormat::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum RemarksAction {
    /// Write a remarks form: the commitments, what the committee said, an empty column for remarks
    Export {
        /// The meeting file
        file: PathBuf,
        /// The format
        #[arg(long, short = 'f', value_enum, default_value = "docx")]
        format: FormFormat,
        /// Where to write it (default: beside the meeting file, NAME-remarques.docx)
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Write one form per proposing institution into DIR, with only its commitments
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        by_institution: Option<PathBuf>,
        /// The date by which the forms should come back (YYYY-MM-DD, 26/02, "26 février")
        #[arg(long, value_name = "DATE")]
        deadline: Option<String>,
        /// Replace existing files
        #[arg(long)]
        force: bool,
    },
    /// Read filled forms back: each remark waits in the meeting file for review (screen 6)
    Import {
        /// The meeting file
        file: PathBuf,
        /// The filled forms: docx, xlsx, ods or csv
        #[arg(required = true)]
        forms: Vec<PathBuf>,
        /// The day the forms were received (2024-02-25, 25/02/2024, "25 février 2024");
        /// default: each form's own date (the day it was last saved), else today
        #[arg(long, value_name = "DATE")]
        received: Option<String>,
        /// Import a form even though it is dated to another meeting
        #[arg(long)]
        force: bool,
    },
}

pub fn run(config: &Config, action: RemarksAction) -> Result<(), CliError> {
    match action {
        RemarksAction::Export {
            file,
            format,
            output,
            by_institution,
            deadline,
            force,
        } => forms_out(
            config,
            &file,
            (format, output, by_institution),
            deadline,
            force,
        ),
        RemarksAction::Import {
            file,
            forms,
            received,
            force,
        } => forms_in(
            config,
            &file,
            (&super::files::expanded(&forms)?, received),
            force,
        ),
    }
}

/// The day typed, in the interface's language, if it falls between the meeting and today:
/// a remark is received after the meeting it answers, and not in the future.
pub(crate) fn received_day(
    text: &str,
    meeting: &crate::model::Meeting,
    today: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, String> {
    crate::screens::received_in_range(text, meeting, today, crate::i18n::language())
}

/// Every form read, or none: one bad form and nothing of this run is kept. A remark already
/// in the meeting (same commitment, text and author) is not added again.
fn forms_in(
    config: &Config,
    file: &Path,
    (forms, received): (&[PathBuf], Option<String>),
    force: bool,
) -> Result<(), CliError> {
    use crate::store::forms::{self, AuthorFrom, DatedBy, When};
    let m = msg();
    let mut meeting = store::load(file, &config.marks)?;
    let today = crate::clock::today();
    let given = match received {
        None => None,
        Some(text) => Some(
            received_day(&text, &meeting, today)
                .map_err(|why| CliError::BadInput(format!("--received {text}: {why}")))?,
        ),
    };
    let when = When { given, today };
    let mut errors = Vec::new();
    let mut report = String::new();
    let mut added = 0;
    for form in forms {
        match forms::read(form, &meeting, (when, force)) {
            Err(e) => errors.push(e.to_string()),
            Ok(read) => {
                let before = meeting.remarks.len();
                for remark in read.remarks {
                    if !meeting.remarks.iter().any(|r| r.same(&remark)) {
                        meeting.remarks.push(remark);
                    }
                }
                let new = meeting.remarks.len() - before;
                added += new;
                let from = match read.author {
                    AuthorFrom::Field => m.author_from_field,
                    AuthorFrom::Comment => m.author_from_comment,
                    AuthorFrom::FileName => m.author_from_file,
                };
                let name = form.display();
                let dated = match read.dated_by {
                    DatedBy::Given => m.received_given,
                    DatedBy::Document => m.received_document,
                    DatedBy::Today => m.received_today,
                };
                let day =
                    crate::model::dates::long_date_inline(read.received, crate::i18n::language());
                let dated = fill(dated, &[&day]);
                let read_text = match new {
                    1 => m.form_read_one,
                    _ => m.form_read,
                };
                report.push_str(&fill(read_text, &[&name, &new, &from, &dated]));
                report.push('\n');
            }
        }
    }
    if !errors.is_empty() {
        errors.push(m.import_nothing_kept.to_owned());
        return Err(CliError::BadInput(errors.join("\n")));
    }
    if added > 0 {
        store::save(file, &meeting, &config.marks).map_err(|e| CliError::Runtime(e.to_string()))?;
    }
    // All that wait, this run's and those still waiting from before.
    let waiting = meeting.pending_remarks();
    let said = match waiting {
        1 => m.remarks_added_one,
        _ => m.remarks_added,
    };
    report.push_str(&fill(said, &[&waiting, &file.display()]));
    report.push('\n');
    emit(&report)
}

/// The form for the whole list, or one per institution.
fn forms_out(
    config: &Config,
    file: &Path,
    (format, output, by_institution): (FormFormat, Option<PathBuf>, Option<PathBuf>),
    deadline: Option<String>,
    force: bool,
) -> Result<(), CliError> {
    let meeting = store::load(file, &config.marks)?;
    let deadline = exporting::deadline(&meeting, deadline)?;
    let recipe = (&config.marks, &config.export);
    let mut jobs: Vec<(Form, PathBuf)> = Vec::new();
    match by_institution {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| CliError::Runtime(fill(msg().cannot_create, &[&dir.display(), &e])))?;
            let institutions = meeting.institutions();
            let names = export::letter_names(
                &institutions,
                &config.export.institutions,
                format.extension(),
            );
            for (institution, name) in institutions.iter().zip(names) {
                let form = Form::build(&meeting, recipe, Some(institution), deadline);
                jobs.push((form, dir.join(name)));
            }
        }
        None => {
            let out = output
                .unwrap_or_else(|| exporting::beside(file, msg().remarks_file, format.extension()));
            jobs.push((Form::build(&meeting, recipe, None, deadline), out));
        }
    }
    if !force && let Some((_, existing)) = jobs.iter().find(|(_, p)| p.exists()) {
        return Err(export_error(store::SaveError::exists(existing)));
    }
    let mode = if force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    for (form, path) in &jobs {
        let bytes = match format {
            FormFormat::Docx => docx::form(form, &docx::Properties::default()),
            FormFormat::Xlsx => export::forms::xlsx(form)
                .map_err(|e| CliError::Runtime(format!("{}: {e}", path.display())))?,
            FormFormat::Pdf => export::form_pdf(form)
                .map_err(|e| CliError::Runtime(format!("{}: {e}", path.display())))?,
        };
        store::write_document(path, &bytes, mode).map_err(export_error)?;
        emit(&format!("{}\n", path.display()))?;
    }
    Ok(())
}
