//! The event loop: reads keys, updates the state, and around it does the effects —
//! saving, the clock, drawing. The terminal is restored on every way out.

use crate::i18n::{fill, msg};
use std::io::{self, stdout};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::recovery;
use super::saver::{Report, Saver};
use super::state::{App, Layer, SaveStatus};
use super::update::{handle_key, handle_paste};
use super::watchdog::Watchdog;
use crate::config::Config;
use crate::export::{Format, TextLayout};
use crate::store::journal::Journal;
use crate::store::{self, LoadError};

/// The bundled sample meeting, copied for the demo so the original is never written.
const SAMPLE: &str = include_str!("../../sample-data/copil-2024-02-22.toml");

/// How often the time on the current item is written even if nothing else changes.
const TIME_SAVE_EVERY: Duration = Duration::from_secs(30);

/// The most a key waits for the save of the previous change to reach the disk.
const SAVE_WAIT: Duration = Duration::from_millis(500);

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{}", fill(msg().terminal_error, &[.0]))]
    Terminal(#[from] io::Error),
    #[error("{}", fill(msg().demo_error, &[&path.display(), source]))]
    Demo { path: PathBuf, source: io::Error },
    #[error("{}", fill(msg().final_save_failed, &[.0]))]
    FinalSave(String),
    #[error("{0}")]
    Held(String),
    #[error("{0}")]
    Crashed(String),
}

/// The platform data directory, where the demo copy and recovery files live.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "copil").map(|d| d.data_dir().to_owned())
}

/// The demo copy of the sample meeting: made on first use, kept afterwards so that notes
/// taken in the demo are not lost; remade if it no longer loads.
pub fn demo_file(config: &Config) -> Result<PathBuf, RunError> {
    let dir = data_dir()
        .unwrap_or_else(|| std::env::temp_dir().join("copil"))
        .join("demo");
    let path = dir.join("copil-2024-02-22.toml");
    let fail = |source| RunError::Demo {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(fail)?;
    if store::load(&path, &config.marks).is_err() {
        store::write_atomic(&path, SAMPLE.as_bytes(), store::Mode::Replace)
            .map_err(|e| fail(io::Error::other(e.to_string())))?;
    }
    Ok(path)
}

/// Restores the terminal when dropped, whatever way the loop ends.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // On a terminal that has gone away these fail; that is no reason to fail again.
        let _ = execute!(stdout(), DisableBracketedPaste);
        let _ = ratatui::try_restore();
    }
}

/// Restores the terminal before a panic's message, and never panics itself: ratatui's own
/// hook prints with `eprintln!`, which panics when the terminal is gone, and a panic inside
/// a panic hook aborts the process before anything is saved.
fn set_panic_hook() {
    let _ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        use std::io::Write;
        let _ = ratatui::try_restore();
        let _ = writeln!(std::io::stderr(), "{info}");
    }));
}

/// How the event loop ended.
enum End {
    Quit,
    /// SIGHUP, SIGTERM or SIGINT, by number.
    Signal(i32),
    /// The terminal went away or failed.
    Terminal(io::Error),
}

/// The signals that end the program cleanly: the terminal closing, a polite kill, Ctrl-C
/// from outside the program.
const SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
];

/// The program's own files for one meeting: its lock, journal, emergency copy and cache.
struct Files {
    lock: PathBuf,
    journal: PathBuf,
    emergency: PathBuf,
    cache: PathBuf,
}

impl Files {
    fn for_meeting(meeting: &Path) -> Files {
        let data = data_dir().unwrap_or_else(|| std::env::temp_dir().join("copil"));
        Files {
            lock: store::journal::path_for(&data.join("locks"), meeting, "lock"),
            journal: store::journal::journal_path(&data, meeting),
            emergency: store::journal::path_for(&data.join("emergency"), meeting, "toml"),
            cache: store::journal::path_for(&data.join("cache"), meeting, "bin"),
        }
    }
}

/// Asks on the terminal whether to open a file held by another copy read-only.
fn ask_read_only(path: &Path, holder: &store::lock::Holder) -> Result<bool, RunError> {
    use std::io::{BufRead, IsTerminal, Write};
    eprintln!(
        "copil: {}",
        fill(msg().already_open, &[&path.display(), holder])
    );
    if !std::io::stdin().is_terminal() {
        return Err(RunError::Held(fill(
            msg().close_it_first,
            &[&path.display(), holder],
        )));
    }
    eprint!("{}", msg().open_read_only);
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim(),
        "y" | "Y" | "o" | "O" | "yes" | "oui"
    ))
}

/// Opens the live screen on `file`, or on the demo copy.
pub fn run(file: Option<PathBuf>, config: Config) -> Result<(), RunError> {
    let (path, demo) = match file {
        Some(path) => (path, false),
        None => (demo_file(&config)?, true),
    };
    let files = Files::for_meeting(&path);
    let cache = store::cache::Cache::new(files.cache.clone(), &config.marks);
    let opened = store::open(&path, &config.marks, cache.as_ref())?;
    let meeting = opened.meeting;
    tracing::info!(
        file = %path.display(),
        commitments = meeting.commitments.len(),
        demo,
        from_cache = opened.from_cache,
        "opened"
    );
    tracing::debug!("locking");
    let (lock, read_only) = match store::lock::acquire(&files.lock)? {
        store::lock::Outcome::Acquired { lock, .. } => (Some(lock), false),
        store::lock::Outcome::Held(holder) => {
            if !ask_read_only(&path, &holder)? {
                return Err(RunError::Held(fill(
                    msg().nothing_opened,
                    &[&path.display(), &holder],
                )));
            }
            (None, true)
        }
    };
    let marks = config.marks.clone();
    let mut app = App::new(meeting, config, Some(path.clone()), Instant::now());
    app.demo = demo;
    app.read_only = read_only;
    if !read_only {
        match store::journal::read(&files.journal) {
            Ok(Some(journal)) if !journal.is_empty() => {
                tracing::warn!(journal = %files.journal.display(), "a journal was left: recovery offered");
                app.layers.push(Layer::Recovery(journal))
            }
            Ok(_) => {}
            Err(e) => app.message = Some(e.to_string()),
        }
    }
    tracing::debug!("state ready");
    let saver = Saver::spawn(path.clone(), marks, Some(files.emergency.clone()));
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in SIGNALS {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }

    // Read-only copies have nothing to write, but must not spin on a dead terminal either.
    let watchdog = Some(Watchdog::spawn(
        Arc::clone(&app.meeting),
        path.clone(),
        (!read_only).then(|| files.journal.clone()),
        files.emergency.clone(),
        app.config.marks.clone(),
        Arc::clone(&signal),
    ));
    let caching;
    let end = {
        let mut terminal = ratatui::try_init()?;
        tracing::debug!("terminal ready");
        set_panic_hook();
        let _guard = TerminalGuard;
        execute!(stdout(), EnableBracketedPaste)?;
        // The first frame first; the cache for the next start is written while it is read.
        let _ = terminal.draw(|frame| crate::ui::draw(frame, &app));
        caching = cache
            .clone()
            .filter(|_| opened.large && !opened.from_cache)
            .map(|cache| {
                let (meeting, key) = (Arc::clone(&app.meeting), opened.key);
                std::thread::spawn(move || {
                    if let Err(e) = cache.write(key, &meeting) {
                        tracing::warn!(cache = %cache.path().display(), error = %e, "the cache was not written");
                    }
                })
            });
        let journal = (!read_only).then_some(files.journal.as_path());
        let end = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            event_loop(
                &mut terminal,
                &mut app,
                &saver,
                &signal,
                journal,
                watchdog.as_ref(),
            )
        }));
        let _ = terminal.show_cursor();
        // ratatui's terminal reports a cursor it cannot show with `eprintln!` when dropped,
        // which panics on a terminal that has gone away: it holds nothing else to free.
        std::mem::forget(terminal);
        end
    };
    saver.finish();
    // The final save's copy must not be overtaken by the one of the opening.
    if let Some(caching) = caching {
        let _ = caching.join();
    }
    if read_only {
        return match end {
            Ok(End::Signal(sig)) => std::process::exit(128 + sig),
            _ => Ok(()),
        };
    }
    app.now = Instant::now();
    app.fold_time();
    // A journal still waiting for its answer is left exactly as it was found.
    let unanswered = app.layers.iter().any(|l| matches!(l, Layer::Recovery(_)));
    let end = match end {
        Ok(end) => end,
        Err(_) => {
            tracing::error!("panic in the event loop");
            // The panic message is already printed; keep everything for the next start.
            let saved = if unanswered {
                Ok(())
            } else {
                store::journal::write(&files.journal, &recovery::snapshot(&app, true))
            };
            let _ = final_save(&path, &app, cache.as_ref());
            return Err(RunError::Crashed(match saved {
                Ok(()) => fill(msg().crashed, &[&files.journal.display(), &path.display()]),
                Err(e) => fill(msg().crashed_no_journal, &[&e]),
            }));
        }
    };
    let saved = final_save(&path, &app, cache.as_ref());
    match end {
        End::Quit if saved.is_ok() => {
            store::journal::remove(&files.journal);
            if let Some(lock) = lock {
                store::lock::release(lock, &files.lock);
            }
            Ok(())
        }
        End::Quit => {
            let _ = store::journal::write(&files.journal, &recovery::snapshot(&app, true));
            let _ = store::save(&files.emergency, &app.meeting, &app.config.marks);
            saved
        }
        End::Signal(sig) => {
            tracing::warn!(signal = sig, saved = saved.is_ok(), "ended by a signal");
            // The text being typed stays in the journal, to be offered at the next start.
            let snapshot = recovery::snapshot(&app, saved.is_err());
            match (unanswered, snapshot.is_empty()) {
                (true, _) => {}
                (false, true) => store::journal::remove(&files.journal),
                (false, false) => {
                    let _ = store::journal::write(&files.journal, &snapshot);
                }
            }
            std::process::exit(128 + sig);
        }
        End::Terminal(e) => {
            tracing::error!(error = %e, "the terminal failed");
            if !unanswered {
                let _ = store::journal::write(
                    &files.journal,
                    &recovery::snapshot(&app, saved.is_err()),
                );
            }
            // A terminal that went away is a hang-up, whether or not SIGHUP arrived.
            if super::watchdog::terminal_gone() || signal.load(Ordering::Relaxed) != 0 {
                std::process::exit(128 + signal_hook::consts::SIGHUP);
            }
            Err(RunError::Terminal(e))
        }
    }
}

/// Exports the record in the configured formats beside the meeting file, replacing the
/// previous exports; returns what to tell the user.
pub fn export_now(app: &App) -> String {
    let Some(file) = &app.file else {
        return crate::i18n::ui(app.config.ui_language)
            .nothing_to_export
            .to_owned();
    };
    let mut written = Vec::new();
    for name in &app.config.export.formats {
        let Some(format) = Format::from_name(name) else {
            continue;
        };
        let out = crate::export::default_output(file, format);
        if let Err(e) = crate::export::write(
            &app.meeting,
            &app.config,
            format,
            &out,
            true,
            TextLayout::default(),
        ) {
            return format!(
                "{} {e}",
                crate::i18n::ui(app.config.ui_language).export_failed
            );
        }
        written.push(out.display().to_string());
    }
    format!(
        "{} {}",
        crate::i18n::ui(app.config.ui_language).exported,
        written.join(", ")
    )
}

fn final_save(path: &Path, app: &App, cache: Option<&store::cache::Cache>) -> Result<(), RunError> {
    store::save_cached(path, &app.meeting, &app.config.marks, cache)
        .map_err(|e| RunError::FinalSave(e.to_string()))
}

fn apply_report(app: &mut App, report: Report, sent: u64) {
    if let Err(e) = &report.result
        && !matches!(app.save_status, SaveStatus::Failed(_))
    {
        tracing::error!(error = %e, "saving failed");
        // Said once in full, where the status line has room only for its gist.
        app.message = Some(format!(
            "{} {e}",
            crate::i18n::ui(app.config.ui_language).saving_failed
        ));
    }
    app.save_status = match report.result {
        Ok(()) if report.revision >= sent => SaveStatus::Saved,
        Ok(()) => SaveStatus::Saving,
        Err(e) => SaveStatus::Failed(e),
    };
}

/// Longest wait for a key, so that a signal is acted on quickly.
const TICK: Duration = Duration::from_millis(200);

/// How soon typed text reaches the journal.
const JOURNAL_DELAY: Duration = Duration::from_millis(300);

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &Saver,
    signal: &AtomicUsize,
    journal: Option<&Path>,
    watchdog: Option<&Watchdog>,
) -> End {
    let mut sent = app.revision;
    let mut last_fold = app.now;
    // What the journal last received: the pending text, and the revision of the meeting
    // it holds while saving fails (the text of a large meeting is built only when due).
    let mut journaled_pending = recovery::pending(app);
    let mut journaled_revision: Option<u64> = None;
    let mut journal_due: Option<Instant> = None;
    let journal_writer = journal.map(|path| JournalWriter::spawn(path.to_owned()));
    loop {
        app.now = Instant::now();
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return End::Signal(sig as i32);
        }
        if app.now.duration_since(last_fold) >= TIME_SAVE_EVERY {
            app.fold_time();
            last_fold = app.now;
        }
        while let Ok(report) = saver.reports.try_recv() {
            apply_report(app, report, sent);
        }
        if app.revision != sent && !app.read_only {
            saver.send(app.revision, std::sync::Arc::clone(&app.meeting));
            sent = app.revision;
            app.save_status = SaveStatus::Saving;
        }
        if let Some(done) = app.journal_done.take()
            && let Some(path) = journal
        {
            if done {
                // Restored: the journal stays until the restored text is in the file.
                journal_due = Some(app.now);
            } else {
                let _ = std::fs::rename(path, path.with_extension("set-aside"));
            }
        }
        let unanswered = app.layers.iter().any(|l| matches!(l, Layer::Recovery(_)));
        let pending = recovery::pending(app);
        if let Some(writer) = journal_writer.as_ref().filter(|_| !unanswered) {
            let failing = matches!(app.save_status, SaveStatus::Failed(_));
            let revision = failing.then_some(app.revision);
            if pending != journaled_pending || revision != journaled_revision {
                journal_due.get_or_insert(app.now + JOURNAL_DELAY);
            }
            if journal_due.is_some_and(|due| app.now >= due) {
                writer.send(recovery::snapshot(app, failing));
                journaled_pending = pending.clone();
                journaled_revision = revision;
                journal_due = None;
            }
        }
        if let Some(watchdog) = watchdog {
            // What to write if the terminal hangs up while the loop waits for a key.
            let mut latest = watchdog.latest.lock().unwrap_or_else(|e| e.into_inner());
            latest.meeting = Arc::clone(&app.meeting);
            latest.saved = sent == app.revision && app.save_status == SaveStatus::Saved;
            // The pending text was read above for the journal; no path or clock work here,
            // as this runs on every key and every tick.
            latest.pending = if unanswered { None } else { pending.clone() };
            drop(latest);
            watchdog.tick();
        }
        if let Err(e) = terminal.draw(|frame| crate::ui::draw(frame, app)) {
            return End::Terminal(e);
        }
        if app.quit {
            return End::Quit;
        }
        let into_second = app.now.duration_since(app.opened).subsec_millis();
        let mut timeout = Duration::from_millis(u64::from(1000 - into_second).max(10)).min(TICK);
        if let Some(due) = journal_due {
            timeout = timeout.min(due.saturating_duration_since(app.now));
        }
        match event::poll(timeout) {
            Ok(false) => continue,
            Ok(true) => {}
            Err(e) => return End::Terminal(e),
        }
        if app.save_status == SaveStatus::Saving
            && let Some(report) = saver.wait_for(sent, SAVE_WAIT)
        {
            apply_report(app, report, sent);
        }
        app.now = Instant::now();
        match event::read() {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => handle_key(app, key),
            Ok(Event::Paste(text)) => handle_paste(app, &text),
            Ok(_) => {}
            Err(e) => return End::Terminal(e),
        }
        if std::mem::take(&mut app.export_requested) {
            app.message = Some(export_now(app));
        }
    }
}

/// Writes journals off the key path, the newest only, each one fsynced.
struct JournalWriter {
    jobs: std::sync::mpsc::Sender<Journal>,
}

impl JournalWriter {
    fn spawn(path: PathBuf) -> Self {
        let (jobs, inbox) = std::sync::mpsc::channel::<Journal>();
        std::thread::Builder::new()
            .name("copil-journal".to_owned())
            .spawn(move || {
                while let Ok(mut journal) = inbox.recv() {
                    while let Ok(newer) = inbox.try_recv() {
                        journal = newer;
                    }
                    if journal.is_empty() {
                        store::journal::remove(&path);
                    } else {
                        let _ = store::journal::write(&path, &journal);
                    }
                }
            })
            .expect("the journal thread starts");
        JournalWriter { jobs }
    }

    fn send(&self, journal: Journal) {
        let _ = self.jobs.send(journal);
    }
}
