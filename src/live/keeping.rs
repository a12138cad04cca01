//! What outlives the program besides the meeting and its journal: the undo history and the
//! versions of the file copil knows. Written on the way out, and also after each save and
//! whenever the loop is idle after a change, by a thread of their own, so that a kill (even
//! `kill -9`, which leaves no way out) finds a history that matches the file it saved.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use super::saver::Versions;
use crate::app::App;
use crate::model::Meeting;
use crate::paths::MeetingFiles;
use crate::store;

/// The undo history of `app`, as it is kept with what the file holds (`on_disk`): read
/// back with another file, it says it is behind.
fn history(app: &App, on_disk: &Meeting) -> Vec<u8> {
    app.history.kept(&on_disk.fingerprint())
}

/// What the thread writes: bytes as they are, or the undo history's changes to go with the
/// fingerprint of what the file holds, worked out there rather than on the key path.
enum Job {
    Bytes(PathBuf, Vec<u8>),
    History(PathBuf, Vec<u8>, Arc<Meeting>),
}

/// The versions known, one line each.
fn versions(versions: &Versions) -> Vec<u8> {
    let versions = versions.lock().unwrap_or_else(|e| e.into_inner());
    versions
        .iter()
        .map(|k| k.to_line() + "\n")
        .collect::<String>()
        .into_bytes()
}

/// Writes `bytes` at `path`, whole or not at all (a best effort: the meeting itself is
/// already safe).
fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = store::write_atomic(path, bytes, store::Mode::Replace) {
        tracing::warn!(file = %path.display(), error = %e, "not kept");
    }
}

/// The undo history and the versions, written now (on the way out).
pub fn keep_now(app: &App, known: &Versions, files: &MeetingFiles) {
    // The way out saves the meeting as it is now.
    write(&files.undo, &history(app, &app.meeting));
    write(&files.versions, &versions(known));
}

/// Keeps them while the program runs.
pub struct Keeping {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    undo: PathBuf,
    versions: PathBuf,
    /// Where the secretary is (`app::place`), and what was last written of it: kept while
    /// the program runs, so that a reopening after a kill goes back there too.
    place: PathBuf,
    placed: String,
    /// The history's count of changes, the file's content it was kept with, and the
    /// versions, last handed over.
    touched: u64,
    base: Arc<Meeting>,
    known: Vec<u8>,
}

impl Keeping {
    pub fn spawn(files: &MeetingFiles, app: &App) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("copil-keeping".to_owned())
            .spawn(move || {
                crate::platform::in_background();
                while let Ok(job) = inbox.recv() {
                    match job {
                        Job::Bytes(path, bytes) => write(&path, &bytes),
                        Job::History(path, changes, on_disk) => {
                            let identity = on_disk.fingerprint();
                            let bytes = crate::app::history::History::pack(&identity, &changes);
                            write(&path, &bytes);
                        }
                    }
                }
            })
            .ok();
        Keeping {
            jobs: Some(jobs),
            thread,
            undo: files.undo.clone(),
            versions: files.versions.clone(),
            place: files.place.clone(),
            placed: crate::app::place::describe(app),
            touched: app.history.touched(),
            base: Arc::clone(&app.base),
            known: Vec::new(),
        }
    }

    /// A save reached the disk, or no key came for a while: what changed since the last
    /// time is handed to the thread, so that the history kept matches the file.
    pub fn update(&mut self, app: &App, known: &Versions) {
        let Some(jobs) = &self.jobs else { return };
        let saved = !Arc::ptr_eq(&app.base, &self.base);
        if app.history.touched() != self.touched || saved {
            self.touched = app.history.touched();
            self.base = Arc::clone(&app.base);
            // After a save, the file holds the base; the changes typed since, if any, come
            // back from the journal and are refused one by one if not.
            let changes = app.history.kept_changes();
            let _ = jobs.send(Job::History(
                self.undo.clone(),
                changes,
                Arc::clone(&app.base),
            ));
        }
        let place = crate::app::place::describe(app);
        if place != self.placed {
            let _ = jobs.send(Job::Bytes(self.place.clone(), place.clone().into_bytes()));
            self.placed = place;
        }
        let now = versions(known);
        if now != self.known {
            let _ = jobs.send(Job::Bytes(self.versions.clone(), now.clone()));
            self.known = now;
        }
    }
}

impl Drop for Keeping {
    /// Its last writes are done before the way out writes the final ones.
    fn drop(&mut self) {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
