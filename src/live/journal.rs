//! The journal on the event loop's side: when the text being typed is written (a third of
//! a second after the last key), by a thread of its own, the newest only, each fsynced.
//! While the newest change is not yet confirmed on disk (saving, failed, held), the journal
//! also holds the whole meeting: a bullet committed with Enter leaves the journal only once
//! the saver reports a synced file that holds it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

use crate::app::{App, SaveStatus, recovery};
use crate::model::{MarkSet, Meeting};
use crate::store::journal::{self, Journal, Pending};

/// How soon typed text reaches the journal.
pub const DELAY: Duration = Duration::from_millis(300);

/// Writes journals off the key path.
struct Writer {
    /// The last write failed in every place.
    failed: Arc<AtomicBool>,
    /// The journal, and the meeting to put in it when its last change is not on disk, with
    /// the file's version it was made from (their text is built here, off the key path).
    jobs: Sender<(Journal, Option<[Arc<Meeting>; 2]>)>,
}

impl Writer {
    fn spawn(places: Vec<PathBuf>, marks: MarkSet) -> Self {
        let (jobs, inbox) = mpsc::channel::<(Journal, Option<[Arc<Meeting>; 2]>)>();
        let failed = Arc::new(AtomicBool::new(false));
        let failing = Arc::clone(&failed);
        std::thread::Builder::new()
            .name("copil-journal".to_owned())
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let (mut journal, meeting) = job;
                    if let Some([meeting, base]) = meeting {
                        journal.meeting = Some(crate::store::write_meeting(&meeting, &marks));
                        journal.base = Some(crate::store::write_meeting(&base, &marks));
                    }
                    if journal.is_empty() {
                        journal::remove_all(&places);
                    } else {
                        let written = journal::write_first(&places, &journal);
                        failing.store(written.is_err(), Ordering::Relaxed);
                    }
                }
            })
            .expect("the journal thread starts");
        Writer { jobs, failed }
    }
}

/// What the journal last received, and when it is due again.
pub struct Journaling {
    writer: Option<Writer>,
    places: Option<Vec<PathBuf>>,
    /// The pending text last written.
    written: Option<Pending>,
    /// The revision of the meeting it holds while saving fails (the text of a large
    /// meeting is built only when due).
    revision: Option<u64>,
    pub due: Option<Instant>,
}

impl Journaling {
    /// `places`: where the journal goes, the first that takes it, or `None` for a copy
    /// opened read-only, which writes nothing.
    pub fn new(places: Option<Vec<PathBuf>>, app: &App) -> Self {
        Journaling {
            writer: places
                .clone()
                .map(|p| Writer::spawn(p, app.config.marks.clone())),
            places,
            written: recovery::pending(app),
            revision: None,
            due: None,
        }
    }

    /// Whether the journal could be written nowhere, last time it was.
    pub fn failing(&self) -> bool {
        self.writer
            .as_ref()
            .is_some_and(|w| w.failed.load(Ordering::Relaxed))
    }

    /// Writes the journal soon, whatever changed.
    pub fn now(&mut self, now: Instant) {
        self.due = Some(now);
    }

    /// Keeps the old journal aside, renamed, never deleted.
    pub fn set_aside(&self) {
        for path in self.places.iter().flatten().filter(|p| p.exists()) {
            let _ = std::fs::rename(path, journal::aside_name(path));
        }
    }

    /// Called on every turn of the loop with the pending text already read.
    pub fn turn(&mut self, app: &App, pending: &Option<Pending>, now: Instant) {
        let Some(writer) = &self.writer else { return };
        if recovery::unanswered(app) {
            return;
        }
        // Not on disk yet: the meeting stays in the journal until the saver says it is.
        let unsaved = !matches!(app.save_status, SaveStatus::Saved | SaveStatus::NoFile)
            || app.held.is_some();
        let revision = unsaved.then_some(app.revision);
        if revision.is_some() && revision != self.revision {
            // A change not yet on disk is journaled at once: no key waits for the save,
            // and a slow disk must not widen what a kill can take.
            self.due = Some(now);
        } else if *pending != self.written || revision != self.revision {
            self.due.get_or_insert(now + DELAY);
        }
        if self.due.is_some_and(|due| now >= due) {
            let meeting = unsaved.then(|| [Arc::clone(&app.meeting), Arc::clone(&app.base)]);
            let _ = writer.jobs.send((recovery::snapshot(app, false), meeting));
            self.written = pending.clone();
            self.revision = revision;
            self.due = None;
        }
    }
}
