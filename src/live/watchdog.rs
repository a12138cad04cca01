//! A guard for the one case the event loop cannot see: a terminal that hangs up while the
//! loop waits inside the terminal library, which then spins on end-of-file and never
//! returns. The guard notices (a signal, or the terminal device gone, with the loop no
//! longer ticking), writes what the loop last handed it, and ends the process.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::model::{MarkSet, Meeting};
use crate::store::seen::{Known, Look};
use crate::store::{self, journal::Journal, journal::Pending};

/// What the loop last knew, for the guard to write if the loop is stuck.
pub struct Latest {
    pub meeting: Arc<Meeting>,
    /// Whether `meeting` is the state on disk.
    pub saved: bool,
    /// The text being typed, if any; `None` also while an old journal awaits its answer.
    pub pending: Option<Pending>,
}

pub struct Watchdog {
    pub latest: Arc<Mutex<Latest>>,
    beat: Arc<AtomicU64>,
    start: Instant,
}

/// How long the loop may go without ticking before the guard acts. The loop ticks at
/// least every 200 ms, and the guard acts only once a signal came or the terminal is gone,
/// when the loop would end within its next tick anyway.
const STUCK: Duration = Duration::from_millis(700);

impl Watchdog {
    pub fn spawn(
        meeting: Arc<Meeting>,
        (file, known): (PathBuf, Known),
        journal: Option<Vec<PathBuf>>,
        emergency: Vec<PathBuf>,
        (marks, lock): (MarkSet, Option<(PathBuf, PathBuf)>),
        signal: Arc<AtomicUsize>,
    ) -> Watchdog {
        let latest = Arc::new(Mutex::new(Latest {
            meeting,
            saved: true,
            pending: None,
        }));
        let beat = Arc::new(AtomicU64::new(0));
        let start = Instant::now();
        let (shared, pulse) = (Arc::clone(&latest), Arc::clone(&beat));
        std::thread::Builder::new()
            .name("copil-watchdog".to_owned())
            .spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_millis(200));
                    let now = start.elapsed().as_millis() as u64;
                    let stuck = now.saturating_sub(pulse.load(Ordering::Relaxed))
                        > STUCK.as_millis() as u64;
                    if !stuck {
                        continue;
                    }
                    let sig = signal.load(Ordering::Relaxed) as i32;
                    if sig == 0 && !crate::platform::terminal_gone() {
                        continue;
                    }
                    let latest = shared.lock().unwrap_or_else(|e| e.into_inner());
                    // Never over another program's change: the notes go aside instead.
                    let seen = *known.lock().unwrap_or_else(|e| e.into_inner());
                    let changed = seen.is_some_and(|s| matches!(s.look(&file), Look::Changed(..)));
                    let in_file = latest.saved
                        || (!changed && store::save(&file, &latest.meeting, &marks).is_ok());
                    if !in_file {
                        let _ = store::save_first(&emergency, &latest.meeting, &marks);
                    }
                    // Everything in the file: the next start finds no lock left behind.
                    if let (true, Some((place, beside))) = (in_file, &lock) {
                        store::lock::remove(place, beside);
                    }
                    if let (Some(path), Some(pending)) = (&journal, &latest.pending) {
                        let snapshot = Journal {
                            meeting_file: crate::paths::canonical(&file)
                                .to_string_lossy()
                                .into_owned(),
                            written_at: crate::clock::now().format("%Y-%m-%d %H:%M:%S").to_string(),
                            meeting_of: latest.meeting.identity(),
                            pending: Some(pending.clone()),
                            meeting: None,
                            base: None,
                        };
                        let _ = store::journal::write_first(path, &snapshot);
                    }
                    tracing::warn!(signal = sig, "the terminal hung up; saved and ended");
                    let code = if sig == 0 {
                        crate::platform::HANGUP
                    } else {
                        sig
                    };
                    std::process::exit(128 + code);
                }
            })
            .expect("the watchdog thread starts");
        Watchdog {
            latest,
            beat,
            start,
        }
    }

    /// The loop is alive.
    pub fn tick(&self) {
        self.beat
            .store(self.start.elapsed().as_millis() as u64, Ordering::Relaxed);
    }
}
