//! `copil export`: the record in one format, one letter per institution, or the reasoned
//! response to the proposals.

use std::path::{Path, PathBuf};

use super::error::CliError;
use super::output::emit;
use crate::config::Config;
use crate::export::Format;
use crate::export::{self, TextLayout};
use crate::i18n::{fill, msg};
use crate::store;

/// The arguments of `copil export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The meeting file
    pub file: PathBuf,
    /// The format
    #[arg(long, short = 'f', value_enum, default_value = "docx")]
    pub format: Format,
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
    /// With --format response: the file's format
    #[arg(long = "as", value_enum, default_value = "docx")]
    pub as_format: ResponseFormat,
}

/// The formats of the reasoned response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ResponseFormat {
    Docx,
    Html,
    Md,
}

/// `copil export`: the record in one format, one letter per institution, or the response.
pub fn run(config: Config, args: ExportArgs) -> Result<(), CliError> {
    let ExportArgs {
        file,
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
    let output = (
        export::Output {
            format,
            force,
            layout,
        },
        output,
    );
    match format {
        export::Format::Response => response(&config, &file, output, as_format),
        _ => export_to(&config, &file, output, by_institution),
    }
}

/// `copil export FILE --format response [--as docx|html|md]`: the reasoned response to the
/// proposals, by default beside the meeting as NAME-reponse.docx.
fn response(
    config: &Config,
    file: &Path,
    (mut output, out): (export::Output, Option<PathBuf>),
    as_format: ResponseFormat,
) -> Result<(), CliError> {
    let meeting = store::load(file, &config.marks)?;
    output.format = match as_format {
        ResponseFormat::Docx => export::Format::Docx,
        ResponseFormat::Html => export::Format::Html,
        ResponseFormat::Md => export::Format::Md,
    };
    let out = out.unwrap_or_else(|| beside(file, msg().response_file, output.format.extension()));
    let record = crate::record::Record::response(&meeting, &config.marks, &config.export);
    export::write(&record, output, &out).map_err(export_error)?;
    emit(&format!("{}\n", out.display()))
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

/// `copil export`: one file, or one per institution in a folder.
fn export_to(
    config: &Config,
    file: &Path,
    (output, out): (export::Output, Option<PathBuf>),
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
    let out = out.unwrap_or_else(|| export::default_output(file, output.format));
    if out == file {
        return Err(CliError::BadInput(fill(
            msg().export_is_meeting,
            &[&out.display()],
        )));
    }
    let record = crate::record::Record::build(&meeting, &config.marks, &config.export);
    export::write(&record, output, &out).map_err(export_error)?;
    emit(&format!("{}\n", out.display()))
}
