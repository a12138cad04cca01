//! Before the screen: the demo copy, the meeting's locks, the data folder's check, and the
//! journal a session that did not end cleanly left.

use std::io;
use std::path::{Path, PathBuf};

use super::error::RunError;
use super::terminal;
use crate::app::{App, recovery};
use crate::config::Config;
use crate::i18n::{fill, msg};
use crate::paths::MeetingFiles;
use crate::store::cache::Key;
use crate::store::{self, lock};

/// The bundled sample meeting, copied for the demo so the original is never written.
const SAMPLE: &str = include_str!("../../sample-data/copil-2024-02-22.toml");

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
pub struct Taken {
    pub lock: Option<(lock::Lock, PathBuf)>,
    pub note: Option<String>,
}

pub fn take_lock(path: &Path, files: &MeetingFiles) -> Result<Taken, RunError> {
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
    let claimed = lock::claim_beside(&beside);
    let take_over = match claimed {
        Ok(lock::Beside::Free) => false,
        Ok(lock::Beside::Stale(h)) if h.host == crate::platform::host_name() => {
            note = Some(fill(msg().stale_lock, &[&h]));
            true
        }
        Ok(lock::Beside::Stale(h) | lock::Beside::Held(h)) => {
            if terminal::ask_holder(path, &h, true)? == terminal::Choice::ReadOnly {
                lock::release(lock, &place, &beside);
                return Ok(read_only);
            }
            true
        }
        Err(e) => {
            tracing::warn!(lock = %beside.display(), error = %e, "no lock beside the meeting");
            false
        }
    };
    if take_over && let Err(e) = lock::write_beside(&beside) {
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
pub fn data_dir_note(files: &MeetingFiles) -> Option<String> {
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

/// Deleted while copil was away (or in the instant before a kill): the copy it last saved
/// is named, with the command that takes it back.
pub fn named_if_gone(path: &Path, files: &MeetingFiles) -> Result<(), RunError> {
    if path.exists() || !files.last.is_file() {
        return Ok(());
    }
    let (gone, last) = (path.display(), files.last.display());
    Err(RunError::Gone(fill(
        msg().file_gone_kept,
        &[&gone, &last, &gone],
    )))
}

/// The file just opened, compared with the copy of it copil last saved: an older version
/// put back while copil was closed (one it wrote or read before: `earlier`, newest last)
/// gives way to the newer one; an edited older copy is merged, and the notes it lacks stay,
/// flagged. True when the state now differs from the file, to be saved.
pub fn against_last(app: &mut App, files: &MeetingFiles, key: Key, earlier: &[Key]) -> bool {
    // The file is the newest version copil wrote or read, the usual case: the copy it
    // last saved holds nothing newer.
    if earlier.last() == Some(&key) {
        return false;
    }
    let Ok(bytes) = store::read_regular(&files.last) else {
        return false;
    };
    // The same bytes as the file just opened: nothing to read.
    if Key::of(&bytes) == key {
        return false;
    }
    let Ok(last) = store::parse_bytes(&files.last, bytes, &app.config.marks) else {
        return false;
    };
    if last == *app.meeting || !recovery::same_meeting(&last, &app.meeting) {
        return false;
    }
    let older = earlier.contains(&key) && earlier.last() != Some(&key);
    tracing::warn!(older, "the file differs from what copil last saved");
    crate::app::outside::reopened(app, last, older)
}

/// Files exported in an earlier session: known as exported, so that a change says they
/// are out of date; and said so at once when they no longer say what the meeting says,
/// until the next export.
pub fn exports_behind(app: &mut App, files: &MeetingFiles) {
    let Ok(kept) = std::fs::read_to_string(&files.exported) else {
        return;
    };
    let config = &app.config;
    let now = super::exporter::said(&app.meeting, &config.marks, &config.export);
    app.exported = Some(app.history.touched());
    if kept.trim() != now {
        app.history.touch();
    }
}

/// A journal left by a session that did not end cleanly: its text is offered back.
pub fn offer_journal(app: &mut App, files: &MeetingFiles) {
    let places = files.places(&files.journal);
    // What a journal's write cut short by a kill left beside it.
    for place in &places {
        store::remove_leftovers(place);
    }
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

/// Another meeting now stands where the open file was (moved or copied over it): nothing
/// is written over it. The secretary's meeting is written beside it under a name of its
/// own, said on screen, and saving holds until she chooses (`Ctrl-s` writes over it).
pub fn keep_beside(app: &mut crate::app::App) {
    let Some(file) = app.file.clone() else { return };
    let kept = crate::paths::kept_beside(&file);
    let said = match crate::store::save(&kept, &app.meeting, &app.config.marks) {
        Ok(()) => {
            app.kept_beside = Some(kept.clone());
            kept.display().to_string()
        }
        Err(e) => e.to_string(),
    };
    let ui = app.ui();
    let why = crate::i18n::fill(ui.other_meeting, &[&said]);
    app.message = Some(why.clone());
    app.held = Some(why);
}
