//! Saving off the key path: a thread writes the latest meeting atomically, reports back,
//! and retries while the disk refuses, keeping a copy in the data directory meanwhile.
//!
//! It also watches the file: before each save, and every second while idle, it looks
//! whether another program changed it since copil last read or wrote it. Then it writes
//! nothing over it: it reads the other version and reports it, for the state to merge, and
//! waits until it is told the merged state's base (`adopt`) or to save over it.
//!
//! For tests of a slow disk, `COPIL_TEST_SLOW_SAVE_MS` delays every save by that many
//! milliseconds.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::app::view::SaveFailure;
use crate::model::{MarkSet, Meeting};
use crate::store::cache::Key;
use crate::store::seen::{Known, Look, Seen};
use crate::store::{self, LoadError};

const RETRY: Duration = Duration::from_secs(2);

/// How often the file is looked at while nothing is to be saved.
const WATCH: Duration = Duration::from_secs(1);

/// How many versions of the file copil remembers, to know an old one when it comes back.
const VERSIONS: usize = 64;

pub enum Report {
    /// `revision` written (the meeting as written), or why not.
    Saved {
        revision: u64,
        result: Result<Arc<Meeting>, SaveFailure>,
    },
    /// Another program changed the file: its meeting (to merge, then `adopt` `seen`), or
    /// why it does not load. Nothing is written over it meanwhile.
    Outside {
        seen: Seen,
        theirs: Box<Result<Meeting, LoadError>>,
    },
    /// The file holds again what copil last read or wrote (the other program's change was
    /// undone): saving goes on.
    Back,
    /// The file was deleted (or moved away) by another program: the loop asks for a save,
    /// which writes it back.
    Gone,
    /// The file holds again a version copil wrote or read earlier (a sync client, an
    /// editor that had it open, an old copy, a checkout): it drops what copil saved since,
    /// so the loop writes the newer state back over it, saying so.
    Stale(Seen),
}

enum Job {
    Save(u64, Arc<Meeting>),
    /// The state now holds the file's version `Seen`: saving over it is allowed again.
    Adopt(Seen),
    /// The secretary chose to write over what another program left.
    SaveOver,
}

/// The versions of the file copil wrote or read, shared with the final save.
pub type Versions = Arc<std::sync::Mutex<Vec<Key>>>;

pub struct Saver {
    jobs: Option<Sender<Job>>,
    pub reports: Receiver<Report>,
    /// What the file held when last read or written, shared with the final save.
    pub known: Known,
    /// The versions of the file it wrote or read.
    pub versions: Versions,
    thread: Option<JoinHandle<()>>,
}

/// Writes `meeting` to `path` unless the file changed from `seen` meanwhile (then `None`:
/// look again and merge); on failure, a copy to `emergency`, and says where.
fn save(
    path: &Path,
    meeting: &Meeting,
    marks: &MarkSet,
    (emergency, seen): (&[PathBuf], Option<Seen>),
) -> Option<Result<Seen, SaveFailure>> {
    match store::save_unless_changed(path, meeting, marks, seen) {
        Ok(seen) => Some(Ok(seen)),
        Err(e) if e.changed_meanwhile() => None,
        Err(e) => Some(Err(SaveFailure {
            cause: e.to_string(),
            copy: emergency_copy(meeting, marks, emergency),
        })),
    }
}

/// A copy of `meeting` in the first of the `emergency` places that takes it.
fn emergency_copy(meeting: &Meeting, marks: &MarkSet, emergency: &[PathBuf]) -> Option<PathBuf> {
    if emergency.is_empty() {
        return None;
    }
    store::save_first(emergency, meeting, marks).ok()
}

/// The saver thread's state.
struct Worker {
    path: PathBuf,
    marks: MarkSet,
    emergency: Vec<PathBuf>,
    known: Known,
    /// An outside change was reported and not yet merged: nothing goes to the file.
    held: bool,
    /// The outside version last reported, not to report it again each second.
    reported: Option<Key>,
    /// The file's absence was reported: not again until a save writes it back.
    gone: bool,
    /// A save found the file changed at the last instant: the next turn comes at once.
    again: bool,
    /// The versions copil wrote or read, newest last (a bounded few): one of them back in
    /// the file is a stale copy, not a change.
    versions: Versions,
    pending: Option<(u64, Arc<Meeting>)>,
    outbox: Sender<Report>,
    /// The test hook's delay before each save.
    slow: Option<Duration>,
    /// Where a copy of each saved file goes (`MeetingFiles::last`).
    last: Option<PathBuf>,
}

impl Worker {
    fn known(&self) -> Option<Seen> {
        *self.known.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set_known(&self, seen: Seen) {
        *self.known.lock().unwrap_or_else(|e| e.into_inner()) = Some(seen);
    }

    fn take(&mut self, job: Job) {
        match job {
            Job::Save(revision, meeting) => self.pending = Some((revision, meeting)),
            Job::Adopt(seen) => {
                self.remember(seen.key);
                self.set_known(seen);
                (self.held, self.reported) = (false, None);
            }
            Job::SaveOver => {
                if let Some(Look::Changed(seen, _)) = self.known().map(|k| k.look(&self.path)) {
                    self.set_known(seen);
                }
                (self.held, self.reported) = (false, None);
            }
        }
    }

    fn remember(&mut self, key: Key) {
        let mut versions = self.versions.lock().unwrap_or_else(|e| e.into_inner());
        versions.retain(|k| *k != key);
        versions.push(key);
        if versions.len() > VERSIONS {
            versions.remove(0);
        }
    }

    fn knows(&self, key: Key) -> bool {
        let versions = self.versions.lock().unwrap_or_else(|e| e.into_inner());
        versions.contains(&key)
    }

    /// Whether another program changed the file: reported once per version.
    fn look(&mut self) -> Option<Report> {
        match self.known()?.look(&self.path) {
            Look::Same(seen) => {
                self.set_known(seen);
                let back = std::mem::take(&mut self.held);
                self.reported = None;
                back.then_some(Report::Back)
            }
            Look::Changed(seen, _) if self.reported == Some(seen.key) => None,
            Look::Changed(seen, _) if self.knows(seen.key) => {
                self.reported = Some(seen.key);
                Some(Report::Stale(seen))
            }
            Look::Changed(seen, bytes) => {
                self.reported = Some(seen.key);
                let theirs = store::parse_bytes(&self.path, bytes, &self.marks);
                Some(Report::Outside {
                    seen,
                    theirs: Box::new(theirs),
                })
            }
            // Gone: said once, and the save it asks for writes it again.
            Look::Gone if !self.gone => {
                self.gone = true;
                Some(Report::Gone)
            }
            // Unreadable: the save says why.
            Look::Gone | Look::Unreadable(_) => None,
        }
    }

    /// One turn after the jobs are in: look at the file, then write or keep aside.
    /// False when the program is gone.
    fn turn(&mut self) -> bool {
        if let Some(report) = self.look() {
            self.held = matches!(report, Report::Outside { .. });
            if self.outbox.send(report).is_err() {
                return false;
            }
        }
        let Some((revision, meeting)) = self.pending.take() else {
            return true;
        };
        if self.held {
            // The state before the merge: kept aside, never written over their change.
            emergency_copy(&meeting, &self.marks, &self.emergency);
            return true;
        }
        if let Some(delay) = self.slow {
            thread::sleep(delay);
        }
        let seen = self.known();
        let Some(result) = save(&self.path, &meeting, &self.marks, (&self.emergency, seen)) else {
            // Changed while it was being written: look again at once, merge, then save.
            self.pending = Some((revision, meeting));
            self.again = true;
            return true;
        };
        let failed = result.is_err();
        let result = result.map(|seen| {
            self.remember(seen.key);
            self.set_known(seen);
            (self.reported, self.gone) = (None, false);
            if let Some(last) = &self.last {
                keep_last(&self.path, last);
            }
            Arc::clone(&meeting)
        });
        if self
            .outbox
            .send(Report::Saved { revision, result })
            .is_err()
        {
            return false;
        }
        if failed {
            self.pending = Some((revision, meeting));
        }
        true
    }
}

/// A copy of the file just saved at `path`, kept at `last` (a best effort: the file
/// itself is safe).
pub fn keep_last(path: &Path, last: &Path) {
    if let Some(dir) = last.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            if let Err(e) = store::write_atomic(last, &bytes, store::Mode::Replace) {
                tracing::warn!(error = %e, "the last saved copy was not kept");
            }
        }
        Err(e) => tracing::warn!(error = %e, "the file just saved could not be read back"),
    }
}

impl Saver {
    /// `seen`: the file as the meeting was read from it. `emergency`: where to write a copy
    /// of the meeting while its own file refuses it, the first place that takes it; `last`:
    /// where a copy of each saved file goes.
    pub fn spawn(
        path: PathBuf,
        marks: MarkSet,
        (seen, earlier): (Option<Seen>, Vec<Key>),
        (emergency, last): (Vec<PathBuf>, Option<PathBuf>),
    ) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, reports) = mpsc::channel();
        let known: Known = Arc::new(std::sync::Mutex::new(seen));
        // Those of earlier sessions, then the one just read.
        let mut known_versions = earlier;
        known_versions.extend(seen.iter().map(|s| s.key));
        let versions: Versions = Arc::new(std::sync::Mutex::new(known_versions));
        let mut worker = Worker {
            path,
            marks,
            emergency,
            known: Arc::clone(&known),
            held: false,
            reported: None,
            gone: false,
            again: false,
            versions: Arc::clone(&versions),
            pending: None,
            outbox,
            last,
            slow: std::env::var("COPIL_TEST_SLOW_SAVE_MS")
                .ok()
                .and_then(|ms| ms.parse().ok())
                .map(Duration::from_millis),
        };
        let thread = thread::Builder::new()
            .name("copil-saver".to_owned())
            .spawn(move || {
                loop {
                    let wait = if std::mem::take(&mut worker.again) {
                        Duration::ZERO
                    } else if worker.pending.is_some() {
                        RETRY
                    } else {
                        WATCH
                    };
                    let mut closed = false;
                    match inbox.recv_timeout(wait) {
                        Ok(job) => worker.take(job),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => closed = true,
                    }
                    // Only the newest state matters: older jobs still queued are skipped.
                    while let Ok(job) = inbox.try_recv() {
                        worker.take(job);
                    }
                    if closed && worker.pending.is_none() {
                        return;
                    }
                    if !worker.turn() || closed {
                        return;
                    }
                }
            })
            .expect("the saver thread starts");
        Saver {
            jobs: Some(jobs),
            reports,
            known,
            versions,
            thread: Some(thread),
        }
    }

    pub fn send(&self, revision: u64, meeting: Arc<Meeting>) {
        self.job(Job::Save(revision, meeting));
    }

    /// The state merged the file's version `seen`: it may be written over again.
    pub fn adopt(&self, seen: Seen) {
        self.job(Job::Adopt(seen));
    }

    /// Write over what another program left, even though it did not load.
    pub fn save_over(&self) {
        self.job(Job::SaveOver);
    }

    fn job(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Waits up to `limit` for the report on `revision`, or any report that needs an
    /// answer (a failure, an outside change).
    pub fn wait_for(&self, revision: u64, limit: Duration) -> Option<Report> {
        let deadline = std::time::Instant::now() + limit;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.reports.recv_timeout(left) {
                Ok(Report::Saved {
                    revision: r,
                    result: Ok(_),
                }) if r < revision => {}
                Ok(report) => return Some(report),
                Err(_) => return None,
            }
        }
    }

    /// Stops taking jobs and lets the thread finish the one under way; the caller saves
    /// the final state itself.
    pub fn finish(mut self) {
        self.jobs.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests;
