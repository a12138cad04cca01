//! The meeting file on disk: loading with located messages, atomic saving, CSV import.

mod atomic;
pub mod cache;
mod csv_import;
mod dto;
mod events;
mod format;
pub mod forms;
pub mod journal;
mod large;
pub mod lock;
mod patch;
pub mod people;
mod read;
pub mod seen;
pub mod span;
mod write;

use std::path::{Path, PathBuf};

pub use atomic::{Mode, SaveError, SaveStep, remove_leftovers, write_atomic, write_document};
pub use csv_import::import_csv;
pub use format::parse_time;
pub use read::{LoadError, MAX_BYTES, read_regular, read_text, unpack, unpack_text};
use read::{decode, read_bytes};
pub use write::{write_commitments, write_meeting};

use crate::diag::{Diagnostic, Diagnostics, LineIndex};
use crate::i18n::msg;
use crate::model::{Commitment, MarkSet, Meeting, validate};
use cache::{Cache, Key};
use format::{Converter, FileDto};
use seen::Seen;

fn parse_dto(path: &Path, text: &str) -> Result<FileDto, LoadError> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().replace('\n', " ");
        let hint = if message.contains("unknown field") {
            msg().unknown_field_hint
        } else if message.contains("missing field") {
            msg().missing_field_hint
        } else {
            msg().syntax_hint
        };
        LoadError::Invalid(Diagnostics(vec![Diagnostic::at_offset(
            path, text, offset, message, hint,
        )]))
    })
}

/// Turns the model's problems into located diagnostics after the converter's own.
fn finish(
    path: &Path,
    text: &str,
    mut errors: Vec<Diagnostic>,
    problems: Vec<crate::model::Problem>,
) -> Result<(), LoadError> {
    let spans = (!problems.is_empty()).then(|| (span::Spans::new(text), LineIndex::new(text)));
    for p in problems {
        let Some((spans, lines)) = &spans else { break };
        let offset = spans.locate(&p.path).map_or(0, |s| s.start);
        let (message, hint) = crate::i18n::problem(&p.kind);
        let (line, column) = lines.line_column(offset);
        errors.push(Diagnostic {
            file: path.to_owned(),
            line,
            column,
            message,
            hint: hint.to_owned(),
        });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        errors.sort_by_key(|d| (d.line, d.column));
        Err(LoadError::Invalid(Diagnostics(errors)))
    }
}

/// Parses and validates a meeting file's text. `path` only names it in messages.
pub fn parse_meeting(path: &Path, text: &str, marks: &MarkSet) -> Result<Meeting, LoadError> {
    if text.len() >= large::LARGE
        && let Some(meeting) = large::parse(path, text, marks)
    {
        return Ok(meeting);
    }
    let dto = parse_dto(path, text)?;
    let mut converter = Converter {
        file: path,
        text,
        marks,
        errors: Vec::new(),
    };
    let meeting = converter.meeting(dto);
    finish(path, text, converter.errors, validate(&meeting, marks))?;
    Ok(meeting)
}

/// The reader of large files' pieces, straight from the TOML parser's events: the
/// commitments of `text`, or `None` when it leaves the piece to serde. For the fuzzer.
#[doc(hidden)]
pub fn commitments_from_events(text: &str, marks: &MarkSet) -> Option<Vec<Commitment>> {
    events::commitments(text, marks)
}

/// Loads and validates a meeting file.
pub fn load(path: &Path, marks: &MarkSet) -> Result<Meeting, LoadError> {
    Ok(open(path, marks, None)?.meeting)
}

/// A meeting as opened, and whether it is worth keeping in its cache.
pub struct Opened {
    pub meeting: Meeting,
    /// The content the meeting was read from.
    pub key: Key,
    /// Read from the cache rather than from the text: the meeting's fingerprint
    /// (`Meeting::fingerprint`) was kept with it.
    pub fingerprint: Option<String>,
    /// Large enough for the cache to be worth writing.
    pub large: bool,
    /// The file as read, to tell another program's change from ours.
    pub seen: Seen,
}

impl Opened {
    /// Whether the meeting was read from the cache rather than from its text.
    pub fn from_cache(&self) -> bool {
        self.fingerprint.is_some()
    }
}

/// Loads and validates a meeting file, from `cache` when it holds this exact content.
pub fn open(path: &Path, marks: &MarkSet, cache: Option<&Cache>) -> Result<Opened, LoadError> {
    // The time before the content: a change in between is seen again at the next look.
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    if let Some(cached) = cache.and_then(|c| c.read(path)) {
        let key = cached.key;
        return Ok(Opened {
            meeting: cached.meeting,
            key,
            fingerprint: Some(cached.fingerprint),
            large: true,
            seen: Seen { key, modified },
        });
    }
    let bytes = read_bytes(path)?;
    let key = Key::of(&bytes);
    Ok(Opened {
        large: bytes.len() >= large::LARGE,
        meeting: parse_bytes(path, bytes, marks)?,
        key,
        fingerprint: None,
        seen: Seen { key, modified },
    })
}

/// A meeting from the bytes of its file.
pub fn parse_bytes(path: &Path, bytes: Vec<u8>, marks: &MarkSet) -> Result<Meeting, LoadError> {
    let text = decode(path, bytes)?;
    parse_meeting(path, &text, marks)
}

/// Saves a meeting atomically over `path`.
pub fn save(path: &Path, meeting: &Meeting, marks: &MarkSet) -> Result<(), SaveError> {
    save_cached(path, meeting, marks, None).map(|_| ())
}

/// Saves a meeting to the first of `places` that takes it (its folder made if need be);
/// returns where it went.
pub fn save_first(
    places: &[PathBuf],
    meeting: &Meeting,
    marks: &MarkSet,
) -> Result<PathBuf, SaveError> {
    let mut last = None;
    for place in places {
        if let Some(dir) = place.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match save(place, meeting, marks) {
            Ok(()) => return Ok(place.clone()),
            Err(e) => last = Some(e),
        }
    }
    Err(last.expect("at least one place"))
}

/// Saves a meeting atomically over `path` unless the file no longer holds `seen` (what
/// copil last read or wrote) at the very instant before the rename: another program's
/// change that came while the text was being written is never replaced. Refused that way,
/// the error says `changed_meanwhile`, and the caller looks again and merges.
pub fn save_unless_changed(
    path: &Path,
    meeting: &Meeting,
    marks: &MarkSet,
    seen: Option<Seen>,
) -> Result<Seen, SaveError> {
    let text = layout(path, meeting, marks);
    let mut check = |step: SaveStep| match (step, seen.map(|s| s.look(path))) {
        (SaveStep::Rename, Some(seen::Look::Changed(..))) => Err(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            crate::i18n::msg().changed_meanwhile,
        )),
        _ => Ok(()),
    };
    atomic::write_atomic_with(path, text.as_bytes(), Mode::Replace, &mut check)?;
    Ok(Seen::of(path, text.as_bytes()))
}

/// Saves a meeting atomically over `path`, and keeps a large one in `cache` (a cache that
/// cannot be written only makes the next start slower).
pub fn save_cached(
    path: &Path,
    meeting: &Meeting,
    marks: &MarkSet,
    cache: Option<&Cache>,
) -> Result<Seen, SaveError> {
    let text = layout(path, meeting, marks);
    write_atomic(path, text.as_bytes(), Mode::Replace)?;
    let seen = Seen::of(path, text.as_bytes());
    if let Some(cache) = cache
        && text.len() >= large::LARGE
        && let Err(e) = cache.write(Key::of(text.as_bytes()), meeting)
    {
        tracing::warn!(cache = %cache.path().display(), error = %e, "the cache was not written");
    }
    Ok(seen)
}

/// The text to write over `path`: the file as it is, with only what changed rewritten (a
/// person's comments, blank lines and order survive); copil's own layout for a new file, a
/// large one (machine-made, and too long to patch on every save), or when the file as it is
/// cannot be kept (not TOML, or the patched text would not read back as this meeting).
/// The file's own line ends (CRLF, as Windows editors write) and byte-order mark are kept.
fn layout(path: &Path, meeting: &Meeting, marks: &MarkSet) -> String {
    let new = write_meeting(meeting, marks);
    if new.len() >= large::LARGE {
        return new;
    }
    let Ok(old) = std::fs::read_to_string(path) else {
        return new;
    };
    let (bom, crlf) = (old.starts_with('\u{feff}'), old.contains("\r\n"));
    let old = old.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let text = patched(path, old, new, meeting, marks);
    let text = if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    if bom { format!("\u{feff}{text}") } else { text }
}

/// `new` laid out as `old` (both with `\n` line ends) where a person wrote it.
fn patched(path: &Path, old: String, new: String, meeting: &Meeting, marks: &MarkSet) -> String {
    // A file in copil's own layout has nothing of a person's to keep.
    let text = if old == new || own_layout(path, &old, marks) {
        new
    } else {
        match patch::patch(&old, &new) {
            Some(patched) if parse_meeting(path, &patched, marks).is_ok_and(|m| m == *meeting) => {
                return patched;
            }
            _ => new,
        }
    };
    remember_own_layout(path, &text);
    text
}

/// The texts this process last wrote in its own layout, by file: a file that still holds
/// one needs no second look.
fn own_layouts() -> &'static std::sync::Mutex<std::collections::HashMap<PathBuf, Key>> {
    static WRITTEN: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<PathBuf, Key>>> =
        std::sync::OnceLock::new();
    WRITTEN.get_or_init(Default::default)
}

fn remember_own_layout(path: &Path, text: &str) {
    let mut written = own_layouts().lock().unwrap_or_else(|e| e.into_inner());
    written.insert(path.to_owned(), Key::of(text.as_bytes()));
}

/// Whether `text` is exactly what copil writes for the meeting it holds: no comment of a
/// person's, no order or quoting of their own.
fn own_layout(path: &Path, text: &str, marks: &MarkSet) -> bool {
    let written = own_layouts()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(path)
        .copied();
    if written == Some(Key::of(text.as_bytes())) {
        return true;
    }
    let header = text.lines().next().unwrap_or_default();
    let comments = text
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .count();
    if comments > usize::from(header.starts_with('#')) {
        return false;
    }
    parse_meeting(path, text, marks).is_ok_and(|m| write_meeting(&m, marks) == text)
}

/// Reads a list of commitments: a CSV file, or a TOML file with `[[commitments]]`
/// tables (a whole meeting file also does: its commitments are taken).
pub fn load_commitments(path: &Path, marks: &MarkSet) -> Result<Vec<Commitment>, LoadError> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        return import_csv(path);
    }
    let text = read_text(path)?;
    let dto = parse_dto(path, &text)?;
    let mut converter = Converter {
        file: path,
        text: &text,
        marks,
        errors: Vec::new(),
    };
    let commitments = converter.commitments(dto.commitments);
    let meeting = Meeting {
        commitments: commitments.into_iter().map(std::sync::Arc::new).collect(),
        ..Meeting::default()
    };
    finish(path, &text, converter.errors, validate(&meeting, marks))?;
    Ok((meeting.commitments.into_iter())
        .map(std::sync::Arc::unwrap_or_clone)
        .collect())
}

/// The text of a commitment list file.
pub fn write_commitment_list(commitments: &[Commitment], marks: &MarkSet) -> String {
    let mut out =
        String::from("# copil commitment list: use it with `copil new FILE --commitments LIST`.\n");
    write_commitments(&mut out, commitments, marks);
    out
}
