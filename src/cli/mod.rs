//! The command line: `copil [FILE]` and its subcommands.

mod error;
mod exporting;
mod files;
mod help;
mod mail;
mod new;
mod output;
mod people;
mod remarks;
mod report;

pub use error::CliError;
use new::{new_meeting, next_from};
pub use report::{check_summary, stats_report};

use crate::i18n::{fill, msg};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::export;
use crate::live::RunError;
use crate::model::Language;
use crate::store::{self, Mode};
use output::emit;

const EXAMPLES: &str = "\
Examples:
  copil sample-data/copil-2024-02-22.toml     open a meeting
  copil check meeting.toml                    validate a meeting file
  copil new 2024-03-04.toml --date 2024-03-04 --commitments list.csv
  copil import engagements.csv -o list.toml   turn a spreadsheet into a commitment list
  copil participants import meeting.toml invited.xlsx   the participants from the invitation list
  copil stats meeting.toml                    where the review stands
  copil export meeting.toml -f docx           the record for Word
  copil print meeting.toml --width 80 | lp    print the observations table";

/// The command line's definition, its help in `language`.
pub fn command(language: Language) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    match language {
        Language::En => command,
        Language::Fr => help::french(command),
    }
}

/// Reads the command line, with its help in the environment's language (the configuration,
/// which may name another, is read only after it).
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let matches = command(crate::i18n::language_from_env()).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[derive(Debug, Parser)]
#[command(
    name = "copil",
    // "copil" in the usage lines and errors, not the file's name (copil.exe on Windows).
    bin_name = "copil",
    version,
    about = "Live minutes for commitment review meetings, in the terminal",
    after_help = EXAMPLES
)]
pub struct Cli {
    /// The meeting file to open (without one, a demo copy of the sample meeting)
    pub file: Option<PathBuf>,
    /// A configuration file that overrides the built-in one and the user's, key by key
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// How much goes to the log file in the data directory: off, error, warn, info, debug, trace
    #[arg(long, global = true, value_name = "LEVEL", default_value = "info")]
    pub log_level: String,
    /// A built-in theme: default, or high-contrast (black on white, for screen sharing)
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a meeting file and print a one-line summary
    Check {
        /// The meeting file
        file: PathBuf,
    },
    /// Create a meeting file (never over an existing one)
    New {
        /// The file to create
        file: PathBuf,
        /// The meeting date: 2024-02-22 or 22/02/2024 (default: today)
        #[arg(long)]
        date: Option<String>,
        /// The meeting title
        #[arg(long, default_value = "Réunion du comité de pilotage")]
        title: String,
        /// Where the meeting takes place
        #[arg(long, default_value = "Réunion à distance")]
        place: String,
        /// The language of the record: fr or en
        #[arg(long, default_value = "fr")]
        language: String,
        /// The commitments to review: a commitment list (.toml) or a spreadsheet (.csv)
        #[arg(long, value_name = "LIST", conflicts_with = "from")]
        commitments: Option<PathBuf>,
        /// Start from the last meeting: its commitments with their marks, attendance
        /// reset, decisions carried, observations kept as history
        #[arg(long, value_name = "LAST.toml")]
        from: Option<PathBuf>,
    },
    /// Turn a CSV list of commitments (number,title,institution[,summary]) into TOML
    Import {
        /// The CSV file (header row; `,` or `;` between fields)
        csv: PathBuf,
        /// Where to write the commitment list (default: standard output)
        #[arg(short, long, value_name = "OUT.toml")]
        output: Option<PathBuf>,
        /// Replace OUT.toml if it exists
        #[arg(long)]
        force: bool,
    },
    /// Export the record or the reasoned response: Word, HTML, Markdown, printable text or PDF
    Export(exporting::ExportArgs),
    /// Print the record with its observations table as text: `copil print FILE | lp`
    Print {
        /// The meeting file
        file: PathBuf,
        /// Width in columns (80, 100, 132…)
        #[arg(long, default_value_t = 100)]
        width: usize,
        /// Lines per page, the table header repeated on each (0: no pages)
        #[arg(long, default_value_t = 64)]
        page_lines: usize,
        /// The record as PDF instead of text, for `lp` (written to the output, never to a terminal)
        #[arg(long)]
        pdf: bool,
    },
    /// Print a completion script for a shell: `copil completions bash > ~/.local/share/bash-completion/completions/copil`
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `copil man | man -l -`
    Man,
    /// Where the user's configuration goes, and a commented copy of the defaults
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Print counts by mark, review progress, attendance and time spent
    Stats {
        /// The meeting file
        file: PathBuf,
    },
    /// Draft mails (.eml): one per institution with its follow-up letter, or one to every
    /// member with the whole record (--all)
    #[command(group = clap::ArgGroup::new("whom").required(true).args(["by_institution", "all"]))]
    Mail {
        /// The meeting file
        file: PathBuf,
        /// Where to write the drafts, one per proposing institution
        #[arg(long, value_name = "DIR")]
        by_institution: Option<PathBuf>,
        /// One draft to every participant with an address, the whole record attached
        #[arg(long, conflicts_with = "by_institution")]
        all: bool,
        /// With --all: where to write the draft (default: beside the meeting, NAME.eml)
        #[arg(short, long, value_name = "FILE", requires = "all")]
        output: Option<PathBuf>,
        /// What to attach: docx (the follow-up letter), remarks (the remarks form)
        #[arg(long, value_enum, value_delimiter = ',', default_value = "docx")]
        attach: Vec<mail::Attachment>,
        /// The remarks deadline the mail gives (YYYY-MM-DD, 26/02, "26 février")
        #[arg(long, value_name = "DATE")]
        deadline: Option<String>,
        /// Replace existing drafts
        #[arg(long)]
        force: bool,
    },
    /// Remarks forms for the members, and their filled forms read back
    Remarks {
        #[command(subcommand)]
        action: remarks::RemarksAction,
    },
    /// The participants from the invitation list
    Participants {
        #[command(subcommand)]
        action: people::ParticipantsAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print where the user's configuration file goes
    Path,
    /// Write a commented copy of the defaults there (never over an existing file)
    Init,
}

/// Runs the command line, printing results on standard output.
/// The screen the last session left, shown before anything is read (the configuration
/// included) when it still shows the file as it is (`live::glimpse`).
fn glimpse(cli: &Cli) -> Result<crate::live::OnTerminal, CliError> {
    let mut front = crate::live::OnTerminal::default();
    if let (None, Some(file)) = (&cli.command, &cli.file) {
        let user = crate::paths::config_file();
        let look = crate::live::look(
            &[user.as_deref(), cli.config.as_deref()],
            cli.theme.as_deref(),
        );
        front = crate::live::OnTerminal::looking(look);
        let files = crate::paths::MeetingFiles::for_meeting(file);
        front
            .glimpse(&files, file)
            .map_err(|e| CliError::Runtime(e.to_string()))?;
    }
    Ok(front)
}

pub fn run(cli: Cli) -> Result<(), CliError> {
    let front = glimpse(&cli)?;
    let (user, config) = start(&cli)?;
    match cli.command {
        Some(Command::Check { file }) => {
            let meeting = store::load(&file, &config.marks)?;
            emit(&format!("{}\n", check_summary(&file, &meeting)))
        }
        Some(Command::New {
            file,
            date,
            title,
            place,
            language,
            commitments,
            from,
        }) => match from {
            Some(last) => emit(&next_from(&config, &file, date, &last)?),
            None => emit(&new_meeting(
                &config,
                &file,
                date,
                title,
                place,
                &language,
                commitments,
            )?),
        },
        Some(Command::Import { csv, output, force }) => import(&config, &csv, output, force),
        Some(Command::Export(args)) => exporting::run(config, args),
        Some(Command::Print {
            file,
            width,
            page_lines,
            pdf,
        }) => print(&config, &file, (width, page_lines), pdf),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Config { action }) => configure(user, action),
        Some(Command::Man) => manual(),
        Some(Command::Remarks { action }) => remarks::run(&config, action),
        Some(Command::Participants { action }) => people::run(&config, action),
        Some(Command::Mail {
            file,
            by_institution,
            all: _,
            output,
            attach,
            deadline,
            force,
        }) => {
            let whom = match by_institution {
                Some(dir) => mail::Whom::ByInstitution(dir),
                None => mail::Whom::All(output),
            };
            mail::run(&config, &file, (whom, attach), deadline, force)
        }
        Some(Command::Stats { file }) => {
            let meeting = store::load(&file, &config.marks)?;
            emit(&stats_report(&meeting, &config))
        }
        None => crate::live::run_on(cli.file, config, front).map_err(|e| match e {
            RunError::Load(e) => e.into(),
            RunError::Gone(said) => CliError::BadInput(said),
            other => CliError::Runtime(other.to_string()),
        }),
    }
}

/// What every command needs first: the interface language, the log for the live screen,
/// and the configuration with its layers (returned with the user's config file's path).
fn start(cli: &Cli) -> Result<(Option<PathBuf>, Config), CliError> {
    // The environment's language until the configuration, which may name another, is read.
    crate::i18n::set_language(crate::i18n::language_from_env());
    if !["off", "error", "warn", "info", "debug", "trace"].contains(&cli.log_level.as_str()) {
        return Err(CliError::BadInput(fill(
            msg().bad_log_level,
            &[&cli.log_level],
        )));
    }
    // Only the live screen logs: the other commands say everything on the terminal.
    if cli.command.is_none() {
        crate::log::init(&cli.log_level);
        crate::log::step("log opened");
    }
    let user = crate::paths::config_file();
    let mut config =
        crate::config::layers::load(user.as_deref(), cli.config.as_deref(), cli.theme.as_deref())
            .map_err(|d| CliError::BadInput(d.to_string()))?;
    crate::i18n::set_language(config.ui_language);
    crate::log::step("configuration read");
    // https://no-color.org: any non-empty value turns colour off.
    config.theme.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    Ok((user, config))
}

/// `copil print`: the record as text in pages, or as PDF (`pdf`) for `lp`.
fn print(
    config: &Config,
    file: &Path,
    (width, page_lines): (usize, usize),
    pdf: bool,
) -> Result<(), CliError> {
    use std::io::IsTerminal;
    if pdf && std::io::stdout().is_terminal() {
        return Err(CliError::BadInput(msg().pdf_to_terminal.to_owned()));
    }
    let meeting = store::load(file, &config.marks)?;
    let record = crate::record::Record::build(&meeting, &config.marks, &config.export);
    if pdf {
        let layout = export::TextLayout::default();
        let bytes = export::render(&record, export::Format::Pdf, layout)
            .map_err(|e| CliError::Runtime(e.to_string()))?;
        return output::emit_bytes(&bytes);
    }
    let pages = (page_lines > 0).then_some(page_lines);
    emit(&export::txt::render(&record, width, pages))
}

fn completions(shell: clap_complete::Shell) -> Result<(), CliError> {
    let mut command = command(crate::i18n::language());
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "copil", &mut script);
    emit(&String::from_utf8_lossy(&script))
}

fn manual() -> Result<(), CliError> {
    let command = command(crate::i18n::language());
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .map_err(|e| CliError::Runtime(fill(msg().cannot_write_manual, &[&e])))?;
    emit(&String::from_utf8_lossy(&page))
}

fn import(
    config: &Config,
    csv: &Path,
    output: Option<PathBuf>,
    force: bool,
) -> Result<(), CliError> {
    let commitments = store::import_csv(csv)?;
    let text = store::write_commitment_list(&commitments, &config.marks);
    let Some(out) = output else {
        return emit(&text);
    };
    let mode = if force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    store::write_document(&out, text.as_bytes(), mode)?;
    eprintln!(
        "{}",
        fill(
            msg().wrote_commitments,
            &[&commitments.len(), &out.display()]
        )
    );
    Ok(())
}

/// `copil config path` and `copil config init`.
fn configure(user: Option<PathBuf>, action: ConfigAction) -> Result<(), CliError> {
    let Some(path) = user else {
        return Err(CliError::Runtime(msg().no_config_dir.to_owned()));
    };
    match action {
        ConfigAction::Path => emit(&format!("{}\n", path.display())),
        ConfigAction::Init => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    CliError::Runtime(fill(msg().cannot_create, &[&dir.display(), &e]))
                })?;
            }
            let text = crate::config::layers::commented_defaults();
            store::write_atomic(&path, text.as_bytes(), Mode::CreateNew)?;
            emit(&format!("{}\n", fill(msg().wrote, &[&path.display()])))
        }
    }
}
