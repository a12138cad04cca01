//! Exports of the record: Word, HTML, Markdown and printable text, all built from the one
//! record view so that they cannot disagree.

pub mod docx;
pub mod forms;
pub mod html;
pub mod mail;
pub mod md;
pub mod pages;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod txt;

use std::path::{Path, PathBuf};

use crate::model::{MarkSet, Meeting};
use crate::record::{Options, Record};
use crate::store::{self, Mode, SaveError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Docx,
    Html,
    Md,
    Txt,
    Pdf,
}

/// Why a document could not be made (before anything is written).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// typst could not lay the record out or write it.
    #[error("{0}")]
    Pdf(String),
    /// This copil was built without the PDF writer (cargo feature `pdf`).
    #[error("{}", crate::i18n::msg().no_pdf)]
    NoPdf,
}

/// The documents a meeting gives, each writable in every format: the "Relevé de
/// conclusions", and the reasoned response to the proposals (each commitment's decision
/// and the observations behind it). No doc line on the values: clap would list them in
/// English under the French help.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Document {
    #[default]
    Record,
    Response,
}

impl Document {
    /// The document of `meeting` as a record every format writes.
    pub fn build(self, meeting: &Meeting, marks: &MarkSet, options: &Options) -> Record {
        match self {
            Document::Record => Record::build(meeting, marks, options),
            Document::Response => Record::response(meeting, marks, options),
        }
    }
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Docx,
        Format::Html,
        Format::Md,
        Format::Txt,
        Format::Pdf,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Pdf => "pdf",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension() == name)
    }
}

/// Printing options of the text format.
#[derive(Clone, Copy, Debug)]
pub struct TextLayout {
    pub width: usize,
    pub page_lines: Option<usize>,
}

impl Default for TextLayout {
    fn default() -> Self {
        TextLayout {
            width: 100,
            page_lines: Some(64),
        }
    }
}

/// The bytes of the record in `format` (the Word file in the built-in look).
pub fn render(record: &Record, format: Format, layout: TextLayout) -> Result<Vec<u8>, RenderError> {
    render_at(record, format, layout, None, None)
}

/// The bytes of the record in `format`, the Word file stamped as written at `at` (W3CDTF)
/// and dressed in `template`.
pub fn render_at(
    record: &Record,
    format: Format,
    layout: TextLayout,
    at: Option<String>,
    template: Option<&docx::Template>,
) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Docx => docx::render(
            record,
            &docx::Properties {
                author: record.author.clone(),
                organisation: record.organisation.clone(),
                written_at: at,
            },
            template,
        ),
        Format::Html => html::render(record).into_bytes(),
        Format::Md => md::render(record).into_bytes(),
        Format::Txt => txt::render(record, layout.width, layout.page_lines).into_bytes(),
        Format::Pdf => return pdf(record),
    })
}

#[cfg(feature = "pdf")]
fn pdf(record: &Record) -> Result<Vec<u8>, RenderError> {
    pdf::render(record).map_err(|e| RenderError::Pdf(e.to_string()))
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &Record) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::NoPdf)
}

/// What the secretary should know of the PDF of `record` written to `out`: it is not
/// PDF/A when a letter of it has no font (a flag, most emoji), and which.
#[cfg(feature = "pdf")]
pub fn pdf_notes(record: &Record, out: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(rows) = pdf::cut_table(record) {
        let said = crate::i18n::fill(crate::i18n::msg().pdf_untagged, &[&out.display(), &rows]);
        notes.push(said);
    }
    let missing = pdf::missing_letters(record);
    if !missing.is_empty() {
        let letters: String = missing.iter().map(|c| format!("« {c} » ")).collect();
        notes.push(crate::i18n::fill(
            crate::i18n::msg().pdf_not_archival,
            &[&out.display(), &letters.trim_end()],
        ));
    }
    notes
}

#[cfg(not(feature = "pdf"))]
pub fn pdf_notes(_: &Record, _: &Path) -> Vec<String> {
    Vec::new()
}

/// The remarks form as a PDF, to print and fill in by hand.
#[cfg(feature = "pdf")]
pub fn form_pdf(form: &crate::record::form::Form) -> Result<Vec<u8>, RenderError> {
    pdf::form(form).map_err(|e| RenderError::Pdf(e.to_string()))
}

#[cfg(not(feature = "pdf"))]
pub fn form_pdf(_: &crate::record::form::Form) -> Result<Vec<u8>, RenderError> {
    Err(RenderError::NoPdf)
}

/// Where an export goes by default: beside the meeting file, with the format's extension.
pub fn default_output(meeting_file: &Path, format: Format) -> PathBuf {
    meeting_file.with_extension(format.extension())
}

/// How an export is written: its format, the text format's layout, and whether it may
/// replace an existing file.
#[derive(Clone, Copy, Debug)]
pub struct Output {
    pub format: Format,
    pub layout: TextLayout,
    pub force: bool,
}

/// Writes `record` to `out` atomically; never over an existing file unless `force`.
pub fn write(record: &Record, output: Output, out: &Path) -> Result<(), SaveError> {
    let mode = if output.force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    let template = match (&record.docx_template, output.format) {
        (Some(path), Format::Docx) => {
            let path = out.parent().unwrap_or(Path::new(".")).join(path);
            let read = docx::Template::read(&path).map_err(|why| SaveError {
                path: out.to_path_buf(),
                step: store::SaveStep::Template,
                source: std::io::Error::other(format!("{}: {why}", path.display())),
            })?;
            Some(read)
        }
        _ => None,
    };
    let now = crate::clock::document_stamp(record.held_on);
    let bytes = render_at(
        record,
        output.format,
        output.layout,
        Some(now),
        template.as_ref(),
    )
    .map_err(|why| SaveError {
        path: out.to_path_buf(),
        step: store::SaveStep::Typeset,
        source: std::io::Error::other(why),
    })?;
    store::write_document(out, &bytes, mode)
}

/// What the secretary should know of the house template the Word file of `record`,
/// written to `out`, takes: a footer without page numbers drops the record's "Page X / Y".
pub fn template_notes(record: &Record, out: &Path) -> Vec<String> {
    let Some(path) = &record.docx_template else {
        return Vec::new();
    };
    let path = out.parent().unwrap_or(Path::new(".")).join(path);
    match docx::Template::read(&path) {
        Ok(t) if t.footer_without_pages => vec![crate::i18n::fill(
            crate::i18n::msg().template_no_page_numbers,
            &[&path.display()],
        )],
        _ => Vec::new(),
    }
}

pub use crate::record::names::slug;

/// One file name per institution, unique even when two names share their first words or
/// differ only in case: the second gets "-2", the third "-3".
/// A short name given in `[export.institutions]` goes first.
pub fn letter_names(
    institutions: &[&str],
    given: &crate::record::names::Institutions,
    extension: &str,
) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    for institution in institutions {
        let short = crate::record::names::short(institution, given);
        let base = slug(short.unwrap_or(institution));
        let mut name = base.clone();
        let mut n = 1;
        while taken.contains(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        taken.push(name);
    }
    taken
        .into_iter()
        .map(|name| format!("{name}.{extension}"))
        .collect()
}

/// One follow-up letter per proposing institution in `dir`; returns the files written.
/// Every name is checked before anything is written: without `force`, an existing file
/// stops the run with nothing written.
pub fn write_by_institution(
    meeting: &Meeting,
    (marks, options): (&MarkSet, &Options),
    output: Output,
    dir: &Path,
) -> Result<Vec<PathBuf>, SaveError> {
    let institutions = meeting.institutions();
    let names = letter_names(
        &institutions,
        &options.institutions,
        output.format.extension(),
    );
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    if !output.force
        && let Some(existing) = paths.iter().find(|p| p.exists())
    {
        return Err(SaveError::exists(existing));
    }
    for (institution, path) in institutions.iter().zip(&paths) {
        let letter = Record::letter(meeting, institution, marks, options);
        write(&letter, output, path)?;
    }
    Ok(paths)
}
