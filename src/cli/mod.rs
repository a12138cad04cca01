//! The command line: `copil [FILE]` and its subcommands.

mod help;

use crate::i18n::{fill, msg};
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::export::{self, Format, TextLayout};
use crate::live::RunError;
use crate::model::{Header, Language, Meeting, Sheet, Stats, stats::format_duration};
use crate::store::{self, LoadError, Mode, SaveError};

const EXAMPLES: &str = "\
Examples:
  copil sample-data/copil-2024-02-22.toml     open a meeting
  copil check meeting.toml                    validate a meeting file
  copil new 2024-03-04.toml --date 2024-03-04 --commitments list.csv
  copil import engagements.csv -o list.toml   turn a spreadsheet into a commitment list
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
    /// Export the record: Word, HTML, Markdown or printable text
    Export {
        /// The meeting file
        file: PathBuf,
        /// The format
        #[arg(long, short = 'f', value_enum, default_value = "docx")]
        format: Format,
        /// Where to write it (default: beside the meeting file)
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
        /// Write one follow-up file per proposing institution into DIR
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        by_institution: Option<PathBuf>,
        /// Width of the text format, in columns
        #[arg(long, default_value_t = 100)]
        width: usize,
        /// Lines per page of the text format (0: no pages)
        #[arg(long, default_value_t = 64)]
        page_lines: usize,
    },
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
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print where the user's configuration file goes
    Path,
    /// Write a commented copy of the defaults there (never over an existing file)
    Init,
}

/// What went wrong, and which exit code it deserves.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input or usage: exit code 2.
    #[error("{0}")]
    BadInput(String),
    /// A failure of the machine (disk, terminal): exit code 1.
    #[error("{0}")]
    Runtime(String),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::BadInput(_) => 2,
            CliError::Runtime(_) => 1,
        }
    }
}

impl From<LoadError> for CliError {
    fn from(e: LoadError) -> Self {
        if e.is_bad_input() {
            CliError::BadInput(e.to_string())
        } else {
            CliError::Runtime(e.to_string())
        }
    }
}

impl From<SaveError> for CliError {
    fn from(e: SaveError) -> Self {
        if e.already_exists() {
            CliError::BadInput(fill(msg().already_exists, &[&e.path.display()]))
        } else {
            CliError::Runtime(e.to_string())
        }
    }
}

/// Runs the command line, printing results on standard output.
pub fn run(cli: Cli) -> Result<(), CliError> {
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
        tracing::debug!("starting");
    }
    let user = crate::paths::config_file();
    let mut config =
        crate::config::layers::load(user.as_deref(), cli.config.as_deref(), cli.theme.as_deref())
            .map_err(|d| CliError::BadInput(d.to_string()))?;
    crate::i18n::set_language(config.ui_language);
    // https://no-color.org: any non-empty value turns colour off.
    config.theme.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    match cli.command {
        Some(Command::Check { file }) => {
            let meeting = store::load(&file, &config.marks)?;
            emit(&format!("{}\n", check_summary(&file, &meeting)))?;
            Ok(())
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
            Some(last) => next_from(&config, &file, date, &last),
            None => new_meeting(&config, &file, date, title, place, &language, commitments),
        },
        Some(Command::Import { csv, output, force }) => {
            let commitments = store::import_csv(&csv)?;
            let text = store::write_commitment_list(&commitments, &config.marks);
            match output {
                None => emit(&text)?,
                Some(out) => {
                    let mode = if force {
                        Mode::Replace
                    } else {
                        Mode::CreateNew
                    };
                    store::write_atomic(&out, text.as_bytes(), mode)?;
                    eprintln!(
                        "{}",
                        fill(
                            msg().wrote_commitments,
                            &[&commitments.len(), &out.display()]
                        )
                    );
                }
            }
            Ok(())
        }
        Some(Command::Export {
            file,
            format,
            output: out,
            force,
            by_institution,
            width,
            page_lines,
        }) => {
            let meeting = store::load(&file, &config.marks)?;
            let output = export::Output {
                format,
                force,
                layout: TextLayout {
                    width,
                    page_lines: (page_lines > 0).then_some(page_lines),
                },
            };
            if let Some(dir) = by_institution {
                std::fs::create_dir_all(&dir).map_err(|e| {
                    CliError::Runtime(fill(msg().cannot_create, &[&dir.display(), &e]))
                })?;
                let recipe = (&config.marks, &config.export);
                let files = export::write_by_institution(&meeting, recipe, output, &dir)?;
                for f in &files {
                    emit(&format!("{}\n", f.display()))?;
                }
                return Ok(());
            }
            let out = out.unwrap_or_else(|| export::default_output(&file, format));
            if out == file {
                return Err(CliError::BadInput(fill(
                    msg().export_is_meeting,
                    &[&out.display()],
                )));
            }
            let record = crate::record::Record::build(&meeting, &config.marks, &config.export);
            export::write(&record, output, &out).map_err(|e| {
                if e.already_exists() {
                    CliError::BadInput(fill(msg().export_exists, &[&e.path.display()]))
                } else {
                    CliError::Runtime(e.to_string())
                }
            })?;
            emit(&format!("{}\n", out.display()))?;
            Ok(())
        }
        Some(Command::Print {
            file,
            width,
            page_lines,
        }) => {
            let meeting = store::load(&file, &config.marks)?;
            let record = crate::record::Record::build(&meeting, &config.marks, &config.export);
            emit(&export::txt::render(
                &record,
                width,
                (page_lines > 0).then_some(page_lines),
            ))?;
            Ok(())
        }
        Some(Command::Completions { shell }) => {
            let mut command = command(crate::i18n::language());
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "copil", &mut script);
            emit(&String::from_utf8_lossy(&script))
        }
        Some(Command::Config { action }) => {
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
        Some(Command::Man) => {
            let command = command(crate::i18n::language());
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| CliError::Runtime(fill(msg().cannot_write_manual, &[&e])))?;
            emit(&String::from_utf8_lossy(&page))
        }
        Some(Command::Stats { file }) => {
            let meeting = store::load(&file, &config.marks)?;
            emit(&stats_report(&meeting, &config))?;
            Ok(())
        }
        None => crate::live::run(cli.file, config).map_err(|e| match e {
            RunError::Load(e) => e.into(),
            other => CliError::Runtime(other.to_string()),
        }),
    }
}

/// Writes to standard output. A reader that stops early (`copil print FILE | head`) is not
/// an error.
fn emit(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Runtime(fill(msg().cannot_write_output, &[&e]))),
    }
}

/// The one line `copil check` prints.
pub fn check_summary(file: &Path, meeting: &Meeting) -> String {
    let stats = Stats::of(meeting);
    let named = meeting
        .participants
        .iter()
        .filter(|p| p.name.is_some())
        .count();
    let marks = meeting.marks_in_use();
    let marks = if marks.is_empty() {
        msg().none.to_owned()
    } else {
        marks.join(", ")
    };
    fill(
        msg().check_ok,
        &[
            &file.display(),
            &stats.commitments,
            &stats.reviewed,
            &stats.participants,
            &named,
            &stats.present,
            &stats.absent,
            &stats.excused,
            &stats.not_called,
            &stats.decisions,
            &marks,
        ],
    )
}

/// The report `copil stats` prints.
pub fn stats_report(meeting: &Meeting, config: &Config) -> String {
    let s = Stats::of(meeting);
    let mut out = format!(
        "{} ({})\n",
        meeting.header.title,
        meeting.header.date.format("%Y-%m-%d")
    );
    let m = msg();
    let row = |label: &str, value: &dyn std::fmt::Display, detail: String| {
        let line = format!("{label:<13} {value:>5}   {detail}");
        format!("{}\n", line.trim_end())
    };
    out += &row(
        m.st_commitments,
        &s.commitments,
        fill(m.st_reviewed, &[&s.reviewed, &s.not_reviewed()]),
    );
    out += &row(m.st_observations, &s.observations, String::new());
    out += &row(m.st_time, &format_duration(s.seconds_spent), String::new());
    out += &row(
        m.st_participants,
        &s.participants,
        fill(
            m.st_attendance,
            &[&s.present, &s.absent, &s.excused, &s.not_called],
        ),
    );
    out += &row(m.st_decisions, &s.decisions, String::new());
    out += &format!("{}\n", m.st_marks);
    for def in &config.marks.defs {
        let n = s
            .by_mark
            .iter()
            .find(|(id, _)| *id == def.id)
            .map_or(0, |(_, n)| *n);
        out += &format!(
            "  {:<18} {:>4}   {}\n",
            def.id,
            n,
            def.generic_label(crate::i18n::language())
        );
    }
    for (id, n) in s
        .by_mark
        .iter()
        .filter(|(id, _)| config.marks.get(id).is_none())
    {
        out += &format!("  {id:<18} {n:>4}   {}\n", m.st_not_in_config);
    }
    out += &sheet_gaps(meeting);
    out
}

/// What the commitment sheets still lack, institution by institution.
fn sheet_gaps(meeting: &Meeting) -> String {
    let mut out = format!("{}\n", msg().st_sheets);
    for institution in meeting.institutions() {
        let mut lines = Vec::new();
        for c in meeting
            .commitments
            .iter()
            .filter(|c| c.institution == institution)
        {
            let gaps = Sheet::gaps(c.sheet.as_ref());
            if !gaps.is_empty() {
                lines.push(format!("    n° {}: {}\n", c.number, gaps.join(", ")));
            }
        }
        if !lines.is_empty() {
            let name = if institution.is_empty() {
                msg().st_no_institution
            } else {
                institution
            };
            out += &format!("  {name}\n");
            out += &lines.concat();
        }
    }
    out
}

fn next_from(
    config: &Config,
    file: &Path,
    date: Option<String>,
    last: &Path,
) -> Result<(), CliError> {
    let date = new_file_date(file, date)?;
    let last = store::load(last, &config.marks)?;
    let next = crate::model::next::next_meeting(&last, date);
    create(config, file, &next)?;
    let created = fill(
        msg().created_from,
        &[
            &file.display(),
            &next.commitments.len(),
            &next.decisions.len(),
            &date.format("%Y-%m-%d"),
        ],
    );
    emit(&format!("{created}\n"))
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
        None => Ok(Local::now().date_naive()),
        Some(d) => crate::model::dates::parse_date_in(&d, crate::i18n::language())
            .map_err(|e| CliError::BadInput(fill(msg().bad_date, &[&e]))),
    }
}

/// Writes a new meeting file, never over an existing one.
fn create(config: &Config, file: &Path, meeting: &Meeting) -> Result<(), CliError> {
    let text = store::write_meeting(meeting, &config.marks);
    store::write_atomic(file, text.as_bytes(), Mode::CreateNew)?;
    Ok(())
}

fn new_meeting(
    config: &Config,
    file: &Path,
    date: Option<String>,
    title: String,
    place: String,
    language: &str,
    commitments: Option<PathBuf>,
) -> Result<(), CliError> {
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
        commitments,
        ..Meeting::default()
    };
    create(config, file, &meeting)?;
    let created = fill(
        msg().created,
        &[
            &file.display(),
            &meeting.commitments.len(),
            &date.format("%Y-%m-%d"),
        ],
    );
    emit(&format!("{created}\n"))
}
