//! Time on the meeting and on each commitment, from the clock the event loop hands in.

use std::time::Duration;

use chrono::{NaiveDateTime, Timelike};

use super::state::App;

impl App {
    /// The wall-clock time now, as the event loop last gave it.
    pub fn wall_now(&self) -> NaiveDateTime {
        let elapsed = self.now.saturating_duration_since(self.opened);
        self.wall_at_open + chrono::Duration::from_std(elapsed).unwrap_or_default()
    }

    /// Seconds left before the planned end of the meeting (negative once past it, never
    /// more than a day). A meeting opened on another day than its date (a rehearsal, the
    /// sample) counts from its start time on the day it is opened.
    pub fn seconds_left(&self) -> Option<i64> {
        let h = &self.meeting.header;
        let today = self.wall_at_open.date();
        let day = if h.date == today { h.date } else { today };
        let start = h.time.map(|t| day.and_time(t)).unwrap_or(self.wall_at_open);
        let end = match (h.planned_end, h.planned_minutes) {
            (Some(end), _) => day.and_time(end),
            (None, Some(minutes)) => start + chrono::Duration::minutes(minutes.into()),
            (None, None) => return None,
        };
        Some((end - self.wall_now()).num_seconds().max(-86_400))
    }

    /// Whether the current commitment has run over its budget.
    pub fn over_budget(&self) -> bool {
        self.meeting
            .header
            .item_budget_minutes
            .is_some_and(|m| self.item_seconds() > u64::from(m) * 60)
    }

    /// Starts the meeting's clock, if it has not started yet: the call has begun.
    pub fn start_clock(&mut self) {
        if self.clock_since.is_none() {
            self.clock_since = Some(self.now);
            self.item_since = self.now;
        }
    }

    /// Whether the call has begun: what a roll-call mark or a review action means on the
    /// meeting's day (or later: a rehearsal on an old meeting).
    pub fn call_day(&self) -> bool {
        self.wall_now().date() >= self.meeting.header.date
    }

    /// Adds the time spent on the current commitment since it became current.
    pub fn fold_time(&mut self) {
        if self.clock_since.is_none() {
            // No call yet: no time to count, on the meeting or its items.
            self.item_since = self.now;
            return;
        }
        let elapsed = self
            .now
            .saturating_duration_since(self.item_since)
            .as_secs();
        if elapsed == 0 {
            self.item_since = self.now;
            return;
        }
        // The meeting's clock goes into the file with the item's time.
        let clock = self.meeting_seconds();
        if self.meeting.header.seconds_elapsed != clock {
            self.meeting_mut().header.seconds_elapsed = clock;
            self.revision += 1;
        }
        // Only the review screen counts time on its commitment (not the roll call, not the
        // points).
        let current = (self.current())
            .filter(|&i| i < self.meeting.commitments.len())
            .filter(|_| self.on_screen().discusses());
        if let Some(index) = current {
            let wall = self.wall_now();
            let c = std::sync::Arc::make_mut(&mut self.meeting_mut().commitments[index]);
            c.seconds_spent += elapsed;
            c.last_discussed = Some(wall.with_nanosecond(0).unwrap_or(wall));
            self.revision += 1;
        }
        // The part of a second not counted yet stays with the item.
        self.item_since += Duration::from_secs(elapsed);
    }

    /// Does `change`, which may make another commitment current (one removed, an undo):
    /// the time so far goes to the commitment that had it, and the next one starts afresh.
    pub fn timed(&mut self, change: impl FnOnce(&mut App)) {
        self.fold_time();
        let before = self.current_commitment().map(|c| c.number);
        change(self);
        if self.current_commitment().map(|c| c.number) != before {
            self.item_since = self.now;
        }
    }

    /// Seconds on the current commitment, this visit included.
    pub fn item_seconds(&self) -> u64 {
        let running = match self.on_screen().discusses() && self.clock_since.is_some() {
            true => self.now.saturating_duration_since(self.item_since),
            false => Duration::ZERO,
        }
        .as_secs();
        self.current_commitment()
            .map_or(0, |c| c.seconds_spent + running)
    }

    /// The meeting's clock: earlier sessions' time, then this one's since the call began.
    pub fn meeting_seconds(&self) -> u64 {
        let running = self.clock_since.map_or(0, |since| {
            self.now.saturating_duration_since(since).as_secs()
        });
        self.clock_at_open + running
    }
}
