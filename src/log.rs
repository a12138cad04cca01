//! Diagnostics for the people who maintain copil go to a log file in the data directory,
//! never onto the screen: the screen belongs to the meeting.

use std::fs::OpenOptions;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use tracing::Level;

/// Starts logging at `level` ("error", "warn", "info", "debug", "trace", or "off").
/// Returns the file's path, or `None` when logging is off or the file cannot be opened —
/// which never stops the program.
pub fn init(level: &str) -> Option<PathBuf> {
    let level = match level.to_ascii_lowercase().as_str() {
        "off" => return None,
        "error" => Level::ERROR,
        "warn" => Level::WARN,
        "debug" => Level::DEBUG,
        "trace" => Level::TRACE,
        _ => Level::INFO,
    };
    let path = crate::paths::log_file();
    std::fs::create_dir_all(path.parent()?).ok()?;
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_max_level(level)
        .try_init()
        .ok()?;
    // The steps taken before the log was open (the kept screen shown) come first.
    let early = std::mem::take(&mut *EARLY.lock().unwrap_or_else(|e| e.into_inner()));
    for (what, ms) in early.into_iter().flatten() {
        tracing::debug!(step = what, ms, "start-up");
    }
    Some(path)
}

/// The start-up steps taken before the log was opened; `None` once it was.
static EARLY: Mutex<Option<Vec<(&str, f64)>>> = Mutex::new(Some(Vec::new()));

/// When the program started, for the steps of its start-up.
static STARTED: OnceLock<Instant> = OnceLock::new();

/// The program starts: the steps of its start-up count from here.
pub fn started() {
    STARTED.get_or_init(Instant::now);
}

/// A step of the start-up done, logged at debug level with the milliseconds since the
/// program started: what the first frame waits on (`cargo bench --bench startup` reads
/// them).
pub fn step(what: &'static str) {
    let ms = STARTED
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    if let Some(early) = EARLY.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        early.push((what, ms));
        return;
    }
    tracing::debug!(step = what, ms, "start-up");
}
