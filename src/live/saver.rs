//! Saving off the key path: a thread writes the latest meeting atomically, reports back,
//! and retries while the disk refuses, keeping a copy in the data directory meanwhile.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::app::view::SaveFailure;
use crate::model::{MarkSet, Meeting};
use crate::store;

const RETRY: Duration = Duration::from_secs(2);

pub struct Report {
    pub revision: u64,
    pub result: Result<(), SaveFailure>,
}

pub struct Saver {
    jobs: Option<Sender<(u64, Arc<Meeting>)>>,
    pub reports: Receiver<Report>,
    thread: Option<JoinHandle<()>>,
}

/// Writes `meeting` to `path`; on failure, a copy to `emergency`, and says where.
fn save(
    path: &std::path::Path,
    meeting: &Meeting,
    marks: &MarkSet,
    emergency: Option<&std::path::Path>,
) -> Result<(), SaveFailure> {
    store::save(path, meeting, marks).map_err(|e| {
        let copy = emergency.and_then(|copy| {
            let _ = std::fs::create_dir_all(copy.parent()?);
            store::save(copy, meeting, marks)
                .ok()
                .map(|()| copy.to_owned())
        });
        SaveFailure {
            cause: e.to_string(),
            copy,
        }
    })
}

impl Saver {
    /// `emergency`: where to write a copy of the meeting while its own file refuses it.
    pub fn spawn(path: PathBuf, marks: MarkSet, emergency: Option<PathBuf>) -> Self {
        let (jobs, inbox) = mpsc::channel::<(u64, Arc<Meeting>)>();
        let (outbox, reports) = mpsc::channel();
        let thread = thread::Builder::new()
            .name("copil-saver".to_owned())
            .spawn(move || {
                let mut pending: Option<(u64, Arc<Meeting>)> = None;
                let mut closed = false;
                loop {
                    let next = if pending.is_some() {
                        inbox.recv_timeout(RETRY)
                    } else {
                        inbox.recv().map_err(|_| RecvTimeoutError::Disconnected)
                    };
                    match next {
                        Ok(job) => pending = Some(job),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) if pending.is_none() => return,
                        Err(RecvTimeoutError::Disconnected) => closed = true,
                    }
                    // Only the newest state matters: older jobs still queued are skipped.
                    while let Ok(job) = inbox.try_recv() {
                        pending = Some(job);
                    }
                    let Some((revision, meeting)) = pending.take() else {
                        continue;
                    };
                    let result = save(&path, &meeting, &marks, emergency.as_deref());
                    let failed = result.is_err();
                    if outbox.send(Report { revision, result }).is_err() || closed {
                        return;
                    }
                    if failed {
                        pending = Some((revision, meeting));
                    }
                }
            })
            .expect("the saver thread starts");
        Saver {
            jobs: Some(jobs),
            reports,
            thread: Some(thread),
        }
    }

    pub fn send(&self, revision: u64, meeting: Arc<Meeting>) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send((revision, meeting));
        }
    }

    /// Waits up to `limit` for the report on `revision`.
    pub fn wait_for(&self, revision: u64, limit: Duration) -> Option<Report> {
        let deadline = std::time::Instant::now() + limit;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.reports.recv_timeout(left) {
                Ok(report) if report.revision >= revision => return Some(report),
                Ok(report) if report.result.is_err() => return Some(report),
                Ok(_) => {}
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
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::generate;

    #[test]
    fn a_failed_save_is_reported_and_retried_until_the_disk_takes_it() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("gone");
        let path = dir.join("meeting.toml");
        let marks = Config::builtin().marks;
        let copy = root.path().join("emergency/meeting.toml");
        let saver = Saver::spawn(path.clone(), marks.clone(), Some(copy.clone()));
        let meeting = generate::meeting(3, 1);
        saver.send(1, Arc::new(meeting.clone()));
        let report = saver.wait_for(1, Duration::from_secs(5)).expect("a report");
        let failure = report.result.unwrap_err();
        assert_eq!(failure.copy.as_deref(), Some(copy.as_path()), "{failure:?}");
        assert!(!failure.cause.is_empty());
        assert_eq!(
            store::load(&copy, &marks).unwrap(),
            meeting,
            "the emergency copy"
        );
        assert!(!path.exists());
        std::fs::create_dir(&dir).unwrap();
        let report = saver.wait_for(1, RETRY * 3).expect("a report of the retry");
        assert_eq!(report.result, Ok(()));
        assert_eq!(store::load(&path, &marks).unwrap(), meeting);
        saver.finish();
    }

    #[test]
    fn only_the_newest_state_is_written() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("meeting.toml");
        let marks = Config::builtin().marks;
        let saver = Saver::spawn(path.clone(), marks.clone(), None);
        for revision in 1..=20 {
            saver.send(revision, Arc::new(generate::meeting(revision as usize, 1)));
        }
        let report = saver
            .wait_for(20, Duration::from_secs(5))
            .expect("a report");
        assert_eq!(report.result, Ok(()));
        saver.finish();
        assert_eq!(store::load(&path, &marks).unwrap().commitments.len(), 20);
    }
}
