//! `copil export`: a document of the meeting (the record, the reasoned response to the
//! proposals) in one format, or one letter per institution.

use std::path::{Path, PathBuf};

use super::error::CliError;
use super::output::emit;
use crate::config::Config;
use crate::export::{self, Document, Format, TextLayout};
use crate::i18n::{fill, msg};
use crate::store;

/// The arguments of `copil export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The meeting file
    pub file: PathBuf,
    /// The document: the record, or the reasoned response to the proposals
    #[arg(long, short = 'd', value_enum, default_value = "record")]
    pub document: Document,
    /// The format
    #[arg(long, short = 'f', value_enum, default_value = "docx")]
    pub format: FormatArg,
    /// Where to write it (default: beside the meeting file)
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace an existing file
    #[arg(long)]
    pub force: bool,
    /// Write one follow-up file per proposing institution into DIR
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub by_institution: Option<PathBuf>,
    /// A house template: the Word file whose styles, page, header and footer to take
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Width of the text format, in columns
    #[arg(long, default_value_t = 100)]
    pub width: usize,
    /// Lines per page of the text format (0: no pages)
    #[arg(long, default_value_t = 64)]
    pub page_lines: usize,
    /// With --format response: the file's format (older spelling of --document response)
    #[arg(long = "as", value_enum, hide = true)]
    pub as_format: Option<Format>,
}

/// The formats `--format` takes: every export format, and the older way of asking for the
/// response (`--format response --as F`, now `--document response --format F`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Docx,
    Html,
    Md,
    Txt,
    Pdf,
    #[value(hide = true)]
    Response,
}
/// `copil export`: a document in one format, or one letter per institution.
pub fn run(config: Config, args: ExportArgs) -> Result<(), CliError> {
    let ExportArgs {
        file,
        document,
        format,
        output,
        force,
        by_institution,
        template,
        width,
        page_lines,
        as_format,
    } = args;
    let mut config = config;
    if let Some(template) = template {
        let here = std::env::current_dir().unwrap_or_default();
        config.export.docx_template = Some(here.join(template));
    }
    let layout = TextLayout {
        width,
        page_lines: (page_lines > 0).then_some(page_lines),
    };
    let (document, format) = match format {
        FormatArg::Response => (Document::Response, as_format.unwrap_or(Format::Docx)),
        FormatArg::Docx => (document, Format::Docx),
        FormatArg::Html => (document, Format::Html),
        FormatArg::Md => (document, Format::Md),
        FormatArg::Txt => (document, Format::Txt),
        FormatArg::Pdf => (document, Format::Pdf),
    };
    let (output, out) = (
        export::Output {
            format,
            force,
            layout,
        },
        output,
    );
    if document == Document::Response && by_institution.is_some() {
        return Err(CliError::BadInput(msg().response_by_institution.to_owned()));
    }
    export_to(&config, &file, (output, out), document, by_institution)
}

/// A `--deadline` as typed ("26/02", "lundi 26 février"), in the meeting's year or after.
pub(crate) fn deadline(
    meeting: &crate::model::Meeting,
    text: Option<String>,
) -> Result<Option<chrono::NaiveDate>, CliError> {
    let Some(text) = text else {
        return Ok(None);
    };
    let (language, date) = (meeting.header.language, meeting.header.date);
    crate::i18n::parse_date_after(&text, language, date)
        .map(Some)
        .map_err(|why| CliError::BadInput(format!("--deadline {text}: {why}")))
}

/// `NAME-word.ext` beside the meeting file `NAME.toml`.
pub(crate) fn beside(file: &Path, word: &str, extension: &str) -> PathBuf {
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    file.with_file_name(format!("{stem}-{word}.{extension}"))
}

/// An export that would replace a file says how to replace it.
pub(crate) fn export_error(e: crate::store::SaveError) -> CliError {
    if e.already_exists() {
        CliError::BadInput(fill(msg().export_exists, &[&e.path.display()]))
    } else if e.is_bad_input() {
        CliError::BadInput(e.to_string())
    } else {
        CliError::Runtime(e.to_string())
    }
}

/// `copil export`: one file (the record by default beside the meeting as NAME.ext, the
/// response as NAME-reponse.ext), or one letter per institution in a folder.
fn export_to(
    config: &Config,
    file: &Path,
    (output, out): (export::Output, Option<PathBuf>),
    document: Document,
    by_institution: Option<PathBuf>,
) -> Result<(), CliError> {
    let meeting = store::load(file, &config.marks)?;
    if let Some(dir) = by_institution {
        std::fs::create_dir_all(&dir)
            .map_err(|e| CliError::Runtime(fill(msg().cannot_create, &[&dir.display(), &e])))?;
        let recipe = (&config.marks, &config.export);
        let files =
            export::write_by_institution(&meeting, recipe, output, &dir).map_err(export_error)?;
        for f in &files {
            emit(&format!("{}\n", f.display()))?;
        }
        return Ok(());
    }
    let out = out.unwrap_or_else(|| match document {
        Document::Record => export::default_output(file, output.format),
        Document::Response => beside(file, msg().response_file, output.format.extension()),
    });
    if out == file {
        return Err(CliError::BadInput(fill(
            msg().export_is_meeting,
            &[&out.display()],
        )));
    }
    let record = document.build(&meeting, &config.marks, &config.export);
    export::write(&record, output, &out).map_err(export_error)?;
    let notes = match output.format {
        export::Format::Docx => export::template_notes(&record, &out),
        export::Format::Pdf => export::pdf_notes(&record, &out),
        _ => Vec::new(),
    };
    for note in notes {
        eprintln!("copil: {note}");
    }
    // The items the committee decided nothing on, named before the response is sent.
    let undecided = crate::record::response::undecided(&meeting, &config.marks);
    if document == Document::Response && !undecided.is_empty() {
        let numbers: Vec<String> = undecided.iter().map(u32::to_string).collect();
        let said = fill(msg().undecided, &[&undecided.len(), &numbers.join(", ")]);
        eprintln!("copil: {said}");
    }
    emit(&format!("{}\n", out.display()))
}
