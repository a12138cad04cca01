//! The live program: the edge where effects happen. It opens the meeting, takes its lock,
//! offers a journal left behind, starts the threads that save, export, journal and watch
//! for a hang-up, runs the event loop, and on every way out saves once more and restores
//! the terminal.

mod error;
mod event_loop;
pub mod exporter;
mod journal;
pub mod saver;
mod terminal;
pub mod watchdog;

use std::io::{self, stdout};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use ratatui::crossterm::event::EnableBracketedPaste;
use ratatui::crossterm::execute;

use crate::app::{App, Clock, outside, recovery};
use crate::config::Config;
use crate::i18n::{fill, msg};
use crate::paths::MeetingFiles;
use crate::store::seen::{Known, Look};
use crate::store::{self, cache::Cache, lock};
pub use error::RunError;
use event_loop::{End, Workers};
use exporter::Exporter;
use journal::Journaling;
use saver::Saver;
use watchdog::Watchdog;

/// The bundled sample meeting, copied for the demo so the original is never written.
const SAMPLE: &str = include_str!("../../sample-data/copil-2024-02-22.toml");

/// The time now, the only place the program reads it.
pub fn clock() -> Clock {
    Clock {
        instant: Instant::now(),
        wall: chrono::Local::now().naive_local(),
    }
}

/// The demo copy of the sample meeting: made on first use, kept afterwards so that notes
/// taken in the demo are not lost. One that no longer loads is set aside, never replaced
/// silently: the answer then says where it went.
pub fn demo_file(config: &Config) -> Result<(PathBuf, Option<String>), RunError> {
    let path = crate::paths::demo_file();
    let dir = path.parent().unwrap_or(Path::new(".")).to_owned();
    let fail = |source| RunError::Demo {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(fail)?;
    let mut said = None;
    if let Err(e) = store::load(&path, &config.marks) {
        if path.exists() {
            let aside = store::journal::aside_name(&path.with_extension("toml.old"));
            std::fs::rename(&path, &aside).map_err(fail)?;
            said = Some(fill(msg().demo_set_aside, &[&e, &aside.display()]));
        }
        store::write_atomic(&path, SAMPLE.as_bytes(), store::Mode::Replace)
            .map_err(|e| fail(io::Error::other(e.to_string())))?;
    }
    Ok((path, said))
}

/// The meeting's locks, taken, or `None` when another copy holds the file and this one
/// opens read-only; and what to tell about it.
struct Taken {
    lock: Option<(lock::Lock, PathBuf)>,
    note: Option<String>,
}

fn take_lock(path: &Path, files: &MeetingFiles) -> Result<Taken, RunError> {
    tracing::debug!("locking");
    let read_only = Taken {
        lock: None,
        note: None,
    };
    // The data directory's lock, or a fallback's when it cannot be written.
    let mut acquired = None;
    for place in files.places(&files.lock) {
        match lock::acquire(&place) {
            Ok(outcome) => {
                acquired = Some((outcome, place));
                break;
            }
            Err(e) => tracing::warn!(lock = %place.display(), error = %e, "no lock there"),
        }
    }
    let (lock, place) = match acquired {
        Some((lock::Outcome::Acquired { lock, .. }, place)) => (lock, place),
        Some((lock::Outcome::Held(holder), _)) => {
            terminal::ask_holder(path, &holder, false)?;
            return Ok(read_only);
        }
        None => return Err(RunError::NoPlace(files.lock.display().to_string())),
    };
    // The lock beside the meeting: copies elsewhere (accounts, machines) see it too.
    let beside = lock::beside(path);
    let mut note = None;
    match lock::look_beside(&beside) {
        lock::Beside::Free => {}
        lock::Beside::Stale(h) if h.host == crate::platform::host_name() => {
            note = Some(fill(msg().stale_lock, &[&h]));
        }
        lock::Beside::Stale(h) | lock::Beside::Held(h) => {
            if terminal::ask_holder(path, &h, true)? == terminal::Choice::ReadOnly {
                lock::release(lock, &place, &beside);
                return Ok(read_only);
            }
        }
    }
    if let Err(e) = lock::write_beside(&beside) {
        tracing::warn!(lock = %beside.display(), error = %e, "no lock beside the meeting");
    }
    // The only writer now: what a save cut short by a crash left can go.
    let removed = store::remove_leftovers(path);
    if removed > 0 {
        tracing::warn!(removed, "temporary files of an interrupted save removed");
    }
    Ok(Taken {
        lock: Some((lock, place)),
        note,
    })
}

/// When the data directory cannot be written: which folder failed, and where the journal
/// and the copies go instead.
fn data_dir_note(files: &MeetingFiles) -> Option<String> {
    let writable = |dir: &Path| {
        let probe = dir.join(format!(".probe-{}", std::process::id()));
        let ok = std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&probe, b""))
            .map_err(|e| e.to_string());
        let _ = std::fs::remove_file(&probe);
        ok
    };
    let dir = files.journal.parent()?;
    let err = writable(dir).err()?;
    let instead = files.fallbacks.iter().find(|d| writable(d).is_ok());
    let instead = instead.map_or_else(|| msg().nowhere.to_owned(), |d| d.display().to_string());
    Some(fill(
        msg().data_dir_refused,
        &[&dir.display(), &err, &instead],
    ))
}

/// Opens the live screen on `file`, or on the demo copy.
pub fn run(file: Option<PathBuf>, config: Config) -> Result<(), RunError> {
    let (path, demo_said) = match &file {
        Some(path) => (path.clone(), None),
        None => demo_file(&config)?,
    };
    let demo = file.is_none();
    let files = MeetingFiles::for_meeting(&path);
    let cache = Cache::new(files.cache.clone(), &config.marks);
    let opened = store::open(&path, &config.marks, cache.as_ref())?;
    tracing::info!(
        file = %path.display(),
        commitments = opened.meeting.commitments.len(),
        demo,
        from_cache = opened.from_cache,
        "opened"
    );
    let Taken { lock, note } = take_lock(&path, &files)?;
    let read_only = lock.is_none();
    let note = note.or_else(|| data_dir_note(&files));
    let first_cache = cache
        .clone()
        .filter(|_| opened.large && !opened.from_cache)
        .map(|cache| (cache, opened.key));
    let opened_seen = opened.seen;
    let mut app = App::new(opened.meeting, config, Some(path.clone()), clock());
    (app.demo, app.read_only) = (demo, read_only);
    if let Some(said) = demo_said.or(note) {
        app.message = Some(said);
    }
    if !read_only {
        offer_journal(&mut app, &files);
    }
    tracing::debug!("state ready");
    let saver = Saver::spawn(
        path.clone(),
        app.config.marks.clone(),
        Some(opened_seen),
        files.places(&files.emergency),
    );
    let signal = Arc::new(AtomicUsize::new(0));
    crate::platform::watch_signals(&signal)?;
    // Read-only copies have nothing to write, but must not spin on a dead terminal either.
    let watchdog = Watchdog::spawn(
        Arc::clone(&app.meeting),
        (path.clone(), Arc::clone(&saver.known)),
        (!read_only).then(|| files.places(&files.journal)),
        files.places(&files.emergency),
        app.config.marks.clone(),
        Arc::clone(&signal),
    );
    let exporter = Exporter::spawn();
    let workers = Workers {
        saver: &saver,
        exporter: &exporter,
        journaling: Journaling::new((!read_only).then(|| files.places(&files.journal)), &app),
        watchdog: Some(&watchdog),
        signal: &signal,
    };
    let (end, caching) = on_screen(&mut app, workers, first_cache)?;
    let known = Arc::clone(&saver.known);
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
    let files = (&files, &known);
    finish(&mut app, end, files, lock, cache.as_ref(), &signal)
}

/// On the way out: the journal keeps what is not in the file (the text being typed, the
/// meeting when `unsaved`), or goes when nothing is left; one still unanswered stays as is.
fn keep_pending(app: &App, files: &MeetingFiles, unanswered: bool, unsaved: bool) {
    let snapshot = recovery::snapshot(app, unsaved);
    match (unanswered, snapshot.is_empty()) {
        (true, _) => {}
        (false, true) => store::journal::remove_all(&files.places(&files.journal)),
        (false, false) => {
            let _ = store::journal::write_first(&files.places(&files.journal), &snapshot);
        }
    }
}

/// A journal left by a session that did not end cleanly: its text is offered back.
fn offer_journal(app: &mut App, files: &MeetingFiles) {
    let places = files.places(&files.journal);
    match store::journal::read_first(&places) {
        Ok(Some((found, journal))) if !journal.is_empty() => match recovery::offer(app, journal) {
            recovery::Found::Asked => {
                tracing::warn!(journal = %found.display(), "a journal was left: recovery offered");
            }
            recovery::Found::AllInFile => store::journal::remove_all(&places),
            recovery::Found::OtherMeeting(of) => {
                let aside = store::journal::aside_name(&found);
                let _ = std::fs::rename(&found, &aside);
                let text = fill(app.ui().rec_other_meeting, &[&of, &aside.display()]);
                app.message = Some(text);
            }
        },
        Ok(_) => {}
        Err(e) => app.message = Some(e.to_string()),
    }
}

type Caching = Option<std::thread::JoinHandle<()>>;

/// The screen: the terminal taken, the first frame drawn, the cache of a large meeting
/// written while it is read, then the event loop, a panic in it caught.
fn on_screen(
    app: &mut App,
    workers: Workers,
    first_cache: Option<(Cache, store::cache::Key)>,
) -> Result<(std::thread::Result<End>, Caching), RunError> {
    let mut terminal = ratatui::try_init()?;
    tracing::debug!("terminal ready");
    terminal::set_panic_hook();
    let _guard = terminal::Guard;
    execute!(stdout(), EnableBracketedPaste)?;
    let _ = terminal.draw(|frame| crate::ui::draw(frame, app));
    let caching = first_cache.map(|(cache, key)| {
        let meeting = Arc::clone(&app.meeting);
        std::thread::spawn(move || {
            if let Err(e) = cache.write(key, &meeting) {
                tracing::warn!(cache = %cache.path().display(), error = %e, "the cache was not written");
            }
        })
    });
    let end = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop::run(&mut terminal, app, workers)
    }));
    let _ = terminal.show_cursor();
    // ratatui's terminal reports a cursor it cannot show with `eprintln!` when dropped,
    // which panics on a terminal that has gone away: it holds nothing else to free.
    std::mem::forget(terminal);
    Ok((end, caching))
}

/// The last save. Another program's change since the last look is merged in first; a
/// file changed into one that does not load is not written over: the notes go to the
/// emergency copy, and the error says where.
fn final_save(
    app: &mut App,
    known: &Known,
    files: &MeetingFiles,
    cache: Option<&Cache>,
) -> Result<(), RunError> {
    let path = app.file.clone().unwrap_or_default();
    let seen = *known.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(Look::Changed(_, bytes)) = seen.map(|s| s.look(&path)) {
        match store::parse_bytes(&path, bytes, &app.config.marks) {
            Ok(theirs) => {
                tracing::warn!(
                    "the file was changed by another program: merged before the last save"
                );
                let _ = outside::absorb(app, theirs);
            }
            Err(e) => app.held = Some(e.to_string()),
        }
    }
    if let Some(why) = &app.held {
        let places = files.places(&files.emergency);
        let copy = match store::save_first(&places, &app.meeting, &app.config.marks) {
            Ok(copy) => copy.display().to_string(),
            Err(e) => e.to_string(),
        };
        return Err(RunError::FinalSave(fill(
            msg().outside_not_written,
            &[why, &copy],
        )));
    }
    store::save_cached(&path, &app.meeting, &app.config.marks, cache)
        .map(|_| ())
        .map_err(|e| RunError::FinalSave(e.to_string()))
}

/// The way out: the final save, then what stays for the next start (the journal) and the
/// exit code, by how the loop ended.
fn finish(
    app: &mut App,
    end: std::thread::Result<End>,
    (files, known): (&MeetingFiles, &Known),
    lock: Option<(lock::Lock, PathBuf)>,
    cache: Option<&Cache>,
    signal: &AtomicUsize,
) -> Result<(), RunError> {
    // A journal still waiting for its answer is left exactly as it was found.
    let unanswered = recovery::unanswered(app);
    let journals = files.places(&files.journal);
    let journal = |app: &App, unsaved: bool| {
        if !unanswered {
            let _ = store::journal::write_first(&journals, &recovery::snapshot(app, unsaved));
        }
    };
    let Ok(end) = end else {
        tracing::error!("panic in the event loop");
        // The panic message is already printed; keep everything for the next start.
        let saved = match unanswered {
            true => Ok(files.journal.clone()),
            false => store::journal::write_first(&journals, &recovery::snapshot(app, true)),
        };
        let _ = final_save(app, known, files, cache);
        return Err(RunError::Crashed(match saved {
            Ok(journal) => {
                let path = app.file.clone().unwrap_or_default();
                fill(msg().crashed, &[&journal.display(), &path.display()])
            }
            Err(e) => fill(msg().crashed_no_journal, &[&e]),
        }));
    };
    let saved = final_save(app, known, files, cache);
    match end {
        End::Quit if saved.is_ok() => {
            // Text still in an editor is kept for the next start, never dropped.
            keep_pending(app, files, unanswered, false);
            if let Some((lock, place)) = lock {
                let path = app.file.clone().unwrap_or_default();
                lock::release(lock, &place, &lock::beside(&path));
            }
            Ok(())
        }
        End::Quit => {
            journal(app, true);
            let places = files.places(&files.emergency);
            let kept = store::save_first(&places, &app.meeting, &app.config.marks);
            saved.map_err(|e| match kept {
                Ok(copy) => RunError::FinalSave(fill(msg().kept_in, &[&e, &copy.display()])),
                Err(_) => e,
            })
        }
        End::Signal(sig) => {
            tracing::warn!(signal = sig, saved = saved.is_ok(), "ended by a signal");
            // The text being typed stays in the journal, to be offered at the next start.
            keep_pending(app, files, unanswered, saved.is_err());
            std::process::exit(128 + sig);
        }
        End::Terminal(e) => {
            tracing::error!(error = %e, "the terminal failed");
            journal(app, saved.is_err());
            // A terminal that went away is a hang-up, whether or not SIGHUP arrived.
            if crate::platform::terminal_gone() || signal.load(Ordering::Relaxed) != 0 {
                std::process::exit(128 + crate::platform::HANGUP);
            }
            Err(RunError::Terminal(e))
        }
    }
}
