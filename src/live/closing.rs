//! The way out: the last save (merging another program's change first), what stays in the
//! journal for the next start, the locks released, the exit code.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::error::RunError;
use super::event_loop::End;
use super::saver::Versions;
use crate::app::{App, outside, recovery};
use crate::i18n::{fill, msg};
use crate::paths::MeetingFiles;
use crate::store::seen::{Known, Look};
use crate::store::{self, cache::Cache, lock};

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

/// What the final save knows of the file: what it held when last read or written, and the
/// versions copil wrote or read before.
pub type OnDisk = (Known, Versions);

/// The last save. Another program's change since the last look is merged in first; a
/// file changed into one that does not load, or into another meeting, is not written
/// over: the notes go to the emergency copy (or beside it), and the error says where. An
/// older version put back over the file is written over with the newer state.
fn final_save(
    app: &mut App,
    (known, versions): &OnDisk,
    files: &MeetingFiles,
    cache: Option<&Cache>,
) -> Result<(), RunError> {
    let path = app.file.clone().unwrap_or_default();
    let seen = *known.lock().unwrap_or_else(|e| e.into_inner());
    let older = |key| {
        versions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&key)
    };
    if let Some(Look::Changed(now, bytes)) = seen.map(|s| s.look(&path))
        && !older(now.key)
    {
        match store::parse_bytes(&path, bytes, &app.config.marks) {
            Ok(theirs) if !recovery::same_meeting(&theirs, &app.base) => {
                // Written beside it, the notes typed since included: that copy is ours.
                match &app.kept_beside {
                    None => super::opening::keep_beside(app),
                    Some(kept) => {
                        if let Err(e) = store::save(kept, &app.meeting, &app.config.marks) {
                            tracing::warn!(error = %e, "the copy beside was not brought up to date");
                        }
                    }
                }
            }
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
        let template = match app.kept_beside {
            Some(_) => msg().other_not_written,
            None => msg().outside_not_written,
        };
        return Err(RunError::FinalSave(fill(template, &[why, &copy])));
    }
    store::save_cached(&path, &app.meeting, &app.config.marks, cache)
        .map(|_| super::saver::keep_last(&path, &files.last))
        .map_err(|e| RunError::FinalSave(e.to_string()))
}

/// `q` with notes the final save could not put in the file: they go to the emergency copy
/// (and the journal); the error says where, once.
fn not_in_the_file(
    app: &mut App,
    files: &MeetingFiles,
    unanswered: bool,
    lock: Option<(lock::Lock, PathBuf)>,
    saved: Result<(), RunError>,
) -> Result<(), RunError> {
    keep_pending(app, files, unanswered, true);
    let places = files.places(&files.emergency);
    let kept = store::save_first(&places, &app.meeting, &app.config.marks);
    // Nobody writes the file any more: the next start finds no lock left behind.
    release(app, lock);
    // Another meeting took the file: hers is whole beside it, where she goes on.
    if let Some(beside) = &app.kept_beside {
        let shown = beside.display();
        return Err(RunError::FinalSave(fill(
            msg().kept_beside_exit,
            &[&shown, &shown],
        )));
    }
    // The cause once, then where the meeting is: not the first words twice.
    saved.map_err(|e| match (kept, e) {
        (Ok(copy), RunError::FinalSave(cause)) => {
            RunError::FinalSave(fill(msg().kept_in, &[&cause, &copy.display()]))
        }
        (_, e) => e,
    })
}

/// The locks released, here and beside the meeting's file.
fn release(app: &App, lock: Option<(lock::Lock, PathBuf)>) {
    if let Some((lock, place)) = lock {
        let path = app.file.clone().unwrap_or_default();
        lock::release(lock, &place, &lock::beside(&path));
    }
}

/// The way out: the final save, then what stays for the next start (the journal) and the
/// exit code, by how the loop ended.
pub fn finish(
    app: &mut App,
    end: std::thread::Result<End>,
    (files, known): (&MeetingFiles, &OnDisk),
    lock: Option<(lock::Lock, PathBuf)>,
    cache: Option<&Cache>,
    signal: &AtomicUsize,
) -> Result<(), RunError> {
    // Where the secretary was, to reopen there (a best effort: only a convenience).
    if let Some(dir) = files.place.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(&files.place, crate::app::place::describe(app));
    super::keeping::keep_now(app, &known.1, files);
    // A journal still waiting for its answer is left exactly as it was found.
    let unanswered = recovery::unanswered(app);
    let Ok(end) = end else {
        tracing::error!("panic in the event loop");
        // The panic message is already printed; keep everything for the next start.
        let saved = match unanswered {
            true => Ok(files.journal.clone()),
            false => {
                let places = files.places(&files.journal);
                store::journal::write_first(&places, &recovery::snapshot(app, true))
            }
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
            release(app, lock);
            Ok(())
        }
        End::Quit => not_in_the_file(app, files, unanswered, lock, saved),
        End::Signal(sig) => {
            tracing::warn!(signal = sig, saved = saved.is_ok(), "ended by a signal");
            // The text being typed stays in the journal, to be offered at the next start.
            keep_pending(app, files, unanswered, saved.is_err());
            // Everything is in the file: the next start finds no lock left behind.
            if saved.is_ok() {
                release(app, lock);
            }
            std::process::exit(128 + sig);
        }
        End::Terminal(e) => {
            tracing::error!(error = %e, "the terminal failed");
            keep_pending(app, files, unanswered, saved.is_err());
            // Everything is in the file: the next start finds no lock left behind.
            if saved.is_ok() {
                release(app, lock);
            }
            // A terminal that went away is a hang-up, whether or not SIGHUP arrived.
            if crate::platform::terminal_gone() || signal.load(Ordering::Relaxed) != 0 {
                std::process::exit(128 + crate::platform::HANGUP);
            }
            Err(RunError::Terminal(e))
        }
    }
}
