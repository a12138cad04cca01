//! What outlives the program besides the meeting and its journal: the undo history and the
//! versions of the file copil knows. Written on the way out, and also after each save and
//! whenever the loop is idle after a change, by a thread of their own, so that a kill (even
//! `kill -9`, which leaves no way out) finds a history that matches the file it saved.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use super::saver::Versions;
use crate::app::{App, recovery};
use crate::paths::MeetingFiles;
use crate::store;

/// The undo history of `app`, as it is kept.
fn history(app: &App) -> Vec<u8> {
    app.history.kept(&recovery::identity(&app.meeting))
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
    write(&files.undo, &history(app));
    write(&files.versions, &versions(known));
}

/// Keeps them while the program runs.
pub struct Keeping {
    jobs: Option<Sender<(PathBuf, Vec<u8>)>>,
    thread: Option<JoinHandle<()>>,
    undo: PathBuf,
    versions: PathBuf,
    /// The history's count of changes, and the versions, last handed over.
    touched: u64,
    known: Vec<u8>,
}

impl Keeping {
    pub fn spawn(files: &MeetingFiles, app: &App) -> Self {
        let (jobs, inbox) = mpsc::channel::<(PathBuf, Vec<u8>)>();
        let thread = std::thread::Builder::new()
            .name("copil-keeping".to_owned())
            .spawn(move || {
                while let Ok((path, bytes)) = inbox.recv() {
                    write(&path, &bytes);
                }
            })
            .ok();
        Keeping {
            jobs: Some(jobs),
            thread,
            undo: files.undo.clone(),
            versions: files.versions.clone(),
            touched: app.history.touched(),
            known: Vec::new(),
        }
    }

    /// A save reached the disk, or no key came for a while: what changed since the last
    /// time is handed to the thread, so that the history kept matches the file.
    pub fn update(&mut self, app: &App, known: &Versions) {
        let Some(jobs) = &self.jobs else { return };
        if app.history.touched() != self.touched {
            self.touched = app.history.touched();
            let _ = jobs.send((self.undo.clone(), history(app)));
        }
        let now = versions(known);
        if now != self.known {
            let _ = jobs.send((self.versions.clone(), now.clone()));
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
