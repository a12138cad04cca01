//! The event loop: reads the clock and the terminal, hands keys to `app::handle_key`, and
//! performs the effects it returns — saving, exporting, journaling — on the threads that do
//! them, so that typing never waits on a save or a Word file. Then draws. Two writes stay on
//! the loop, both rare and asked for: a copy the secretary names when nothing else can be
//! written (`save_copy`), and her meeting written beside the file when another meeting
//! takes its place (`opening::keep_beside`).

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::crossterm::event::{Event, KeyEventKind};

use super::backend::Lean;
use super::exporter::{Exporter, Job};
use super::journal::Journaling;
use super::keeping::Keeping;
use super::saver::{Report, Saver};
use super::watchdog::Watchdog;
use crate::app::update::reports;
use crate::app::{App, Effect, Effects, SaveStatus, handle_key, handle_paste, outside, recovery};

/// How often the time on the current item is written even if nothing else changes.
const TIME_SAVE_EVERY: Duration = Duration::from_secs(30);

/// Longest wait for a key, so that a signal is acted on quickly.
const TICK: Duration = Duration::from_millis(200);

/// How the event loop ended.
pub enum End {
    Quit,
    /// SIGHUP, SIGTERM or SIGINT, by number.
    Signal(i32),
    /// The terminal went away or failed.
    Terminal(io::Error),
}

/// The threads that perform the effects, and the flag the signals set.
pub struct Workers<'a> {
    pub saver: &'a Saver,
    pub exporter: &'a Exporter,
    pub journaling: Journaling,
    /// The undo history and the known versions, kept when idle (none for a read-only copy).
    pub keeping: Option<Keeping>,
    pub watchdog: Option<&'a Watchdog>,
    pub signal: &'a AtomicUsize,
}

struct Loop<'a, 'w> {
    app: &'a mut App,
    workers: Workers<'w>,
    /// The newest revision handed to the saver.
    sent: u64,
}

/// Where the loop's events come from: the terminal (`super::terminal::Keys`), or a
/// channel that a benchmark or a test feeds.
pub trait Input {
    /// The next event and the moment it came, `None` after `timeout` without one; an error
    /// when the input is gone.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<(Event, Instant)>>;
}

impl Input for Receiver<(Event, Instant)> {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<(Event, Instant)>> {
        match self.recv_timeout(timeout) {
            Ok(arrived) => Ok(Some(arrived)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::other("the input closed")),
        }
    }
}

pub fn run<W: io::Write>(
    terminal: &mut Terminal<Lean<W>>,
    app: &mut App,
    workers: Workers,
    mut input: impl Input,
) -> End {
    let sent = app.revision;
    let mut this = Loop { app, workers, sent };
    let mut last_fold = this.app.now;
    loop {
        let now = Instant::now();
        this.app.now = now;
        let sig = this.workers.signal.load(Ordering::Relaxed);
        if sig != 0 {
            return End::Signal(sig as i32);
        }
        if now.duration_since(last_fold) >= TIME_SAVE_EVERY {
            let effects = reports::tick(this.app, now);
            this.perform(effects);
            last_fold = now;
        }
        this.collect_reports();
        // A terminal that reports an absurd size (65535 × 65535) is not drawn, not died of.
        let size = terminal.size().unwrap_or_default();
        if !super::terminal::too_large(size.width, size.height)
            && let Err(e) = terminal.draw(|frame| crate::ui::draw(frame, this.app))
        {
            return End::Terminal(e);
        }
        // After the frame, so that a key's echo waits on nothing but its own update.
        this.hand_over(now);
        let into_second = now.duration_since(this.app.opened).subsec_millis();
        let mut timeout = Duration::from_millis(u64::from(1000 - into_second).max(10)).min(TICK);
        if let Some(due) = this.workers.journaling.due {
            timeout = timeout.min(due.saturating_duration_since(now));
        }
        let (event, at) = match input.next(timeout) {
            Ok(None) => {
                this.keep();
                continue;
            }
            Err(e) => return End::Terminal(e),
            Ok(Some(arrived)) => arrived,
        };
        let effects = match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => handle_key(this.app, key, at),
            Event::Paste(text) => handle_paste(this.app, &text, at),
            Event::Resize(width, height) => {
                terminal.backend_mut().resize(width, height);
                Effects::none()
            }
            _ => Effects::none(),
        };
        if this.perform(effects) {
            return End::Quit;
        }
    }
}

impl Loop<'_, '_> {
    /// Does what an update asked; true when it asked to quit.
    fn perform(&mut self, effects: Effects) -> bool {
        let mut quit = false;
        for effect in effects.iter() {
            match effect {
                Effect::Save if !self.app.read_only => {
                    self.workers
                        .saver
                        .send(self.app.revision, Arc::clone(&self.app.meeting));
                    self.sent = self.app.revision;
                    self.app.save_status = SaveStatus::Saving;
                }
                Effect::Save => {}
                Effect::SaveOver => self.workers.saver.save_over(),
                Effect::Export => match Job::of(self.app) {
                    Some(job) => self.workers.exporter.send(job),
                    None => self.app.exporting = false,
                },
                Effect::Journal => self.workers.journaling.now(self.app.now),
                Effect::SetAsideJournal => self.workers.journaling.set_aside(),
                Effect::SaveCopy => self.save_copy(),
                Effect::Quit => quit = true,
            }
        }
        quit
    }

    /// Writes the meeting where the secretary said, nothing else taking it, and says how
    /// it went.
    fn save_copy(&mut self) {
        let Some(path) = self.app.copy_to.take() else {
            return;
        };
        let ui = self.app.ui();
        let shown = path.display().to_string();
        self.app.message = Some(
            match crate::store::save(&path, &self.app.meeting, &self.app.config.marks) {
                Ok(()) => crate::i18n::fill(ui.copy_written, &[&shown]),
                Err(e) => crate::i18n::fill(ui.copy_failed, &[&shown, &e]),
            },
        );
    }

    fn report(&mut self, report: Report) {
        match report {
            Report::Saved { revision, result } => {
                let result = match result {
                    Ok(meeting) => {
                        self.app.base = meeting;
                        self.keep();
                        Ok(())
                    }
                    Err(e) => {
                        tracing::error!(error = %e.cause, "saving failed");
                        Err(e)
                    }
                };
                reports::saved(self.app, revision, self.sent, result);
            }
            Report::Back => {
                tracing::info!("the file holds what copil wrote again: saving goes on");
                // What was said of the broken file no longer holds.
                let held = self.app.held.take().is_some();
                let armed = std::mem::take(&mut self.app.quit_armed);
                if held || armed {
                    self.app.message = None;
                }
                self.perform(Effect::Save.into());
            }
            Report::Gone => {
                tracing::warn!("the meeting file was deleted by another program: written back");
                // Not over the question before quitting, which says where the notes are.
                if !self.app.quit_armed {
                    self.app.message = Some(self.app.ui().file_gone.to_owned());
                }
                self.perform(Effect::Save.into());
            }
            Report::Stale(seen) => {
                tracing::warn!(
                    "an older version was put over the file: the newer one written back"
                );
                self.app.message = Some(self.app.ui().file_stale.to_owned());
                // Whatever stood there before (a file emptied, broken) is gone too.
                self.app.held = None;
                self.app.quit_armed = false;
                self.workers.saver.adopt(seen);
                self.app.revision += 1;
                self.perform(Effect::Save.into());
            }
            Report::Outside { theirs, .. }
                if theirs
                    .as_ref()
                    .as_ref()
                    .is_ok_and(|t| !recovery::same_meeting(t, &self.app.base)) =>
            {
                tracing::warn!("another meeting was put over the file: nothing written over it");
                super::opening::keep_beside(self.app);
            }
            Report::Outside { seen, theirs } => match *theirs {
                Ok(theirs) => {
                    tracing::warn!("the file was changed by another program: merged");
                    let effects = outside::absorb(self.app, theirs);
                    self.workers.saver.adopt(seen);
                    self.perform(effects);
                }
                Err(e) => {
                    tracing::warn!(error = %e, "the file was changed outside and does not load");
                    outside::unreadable(self.app, e.to_string());
                }
            },
        }
    }

    /// The undo history and the known versions, kept as they are now.
    fn keep(&mut self) {
        if let Some(keeping) = &mut self.workers.keeping {
            keeping.update(self.app, &self.workers.saver.versions);
        }
    }

    /// What the saver and the exporter have done since the last turn.
    fn collect_reports(&mut self) {
        while let Ok(report) = self.workers.saver.reports.try_recv() {
            self.report(report);
        }
        while let Ok(result) = self.workers.exporter.reports.try_recv() {
            if let Err(e) = &result {
                tracing::error!(error = %e, "the export failed");
            }
            reports::exported(self.app, result);
        }
    }

    /// Gives the journal and the watchdog what they need if the program ends now.
    fn hand_over(&mut self, now: Instant) {
        self.app.journal_failing = self.workers.journaling.failing();
        let app = &*self.app;
        let pending = recovery::pending(app);
        self.workers.journaling.turn(app, &pending, now);
        if let Some(watchdog) = self.workers.watchdog {
            // What to write if the terminal hangs up while the loop waits for a key.
            let mut latest = watchdog.latest.lock().unwrap_or_else(|e| e.into_inner());
            latest.meeting = Arc::clone(&app.meeting);
            latest.saved = self.sent == app.revision && app.save_status == SaveStatus::Saved;
            // The pending text was read above for the journal; no path or clock work here,
            // as this runs on every key and every tick.
            latest.pending = if recovery::unanswered(app) {
                None
            } else {
                pending
            };
            drop(latest);
            watchdog.tick();
        }
    }
}
