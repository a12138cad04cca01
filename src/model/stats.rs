//! Counts that tell where a meeting stands.

use super::meeting::{Attendance, Meeting};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub commitments: usize,
    /// Discussed in this meeting (marked or observed here).
    pub reviewed: usize,
    /// Marks carried from the last meeting, not yet touched in this one.
    pub carried: usize,
    pub observations: usize,
    /// Per mark id, in the order the marks were first met.
    pub by_mark: Vec<(String, usize)>,
    pub participants: usize,
    pub present: usize,
    pub absent: usize,
    pub excused: usize,
    pub not_called: usize,
    pub seconds_spent: u64,
    pub decisions: usize,
}

impl Stats {
    pub fn of(meeting: &Meeting) -> Self {
        let mut stats = Stats {
            commitments: meeting.commitments.len(),
            participants: meeting.participants.len(),
            decisions: meeting.decisions.len(),
            ..Stats::default()
        };
        for c in &meeting.commitments {
            stats.reviewed += usize::from(meeting.reviewed(c));
            stats.carried += usize::from(c.carried && !c.marks.is_empty());
            stats.observations += c.observations.len();
            stats.seconds_spent += c.seconds_spent;
            for mark in &c.marks {
                match stats.by_mark.iter_mut().find(|(id, _)| *id == mark.id) {
                    Some((_, n)) => *n += 1,
                    None => stats.by_mark.push((mark.id.clone(), 1)),
                }
            }
        }
        for p in &meeting.participants {
            match p.attendance {
                Attendance::Present => stats.present += 1,
                Attendance::Absent => stats.absent += 1,
                Attendance::Excused => stats.excused += 1,
                Attendance::NotCalled => stats.not_called += 1,
            }
        }
        stats
    }

    pub fn not_reviewed(&self) -> usize {
        self.commitments - self.reviewed
    }
}

/// "1 h 05 min", "4 min 30 s", "12 s": durations as a secretary reads them.
pub fn format_duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    if h > 0 {
        format!("{h} h {m:02} min")
    } else if m > 0 {
        format!("{m} min {s:02} s")
    } else {
        format!("{s} s")
    }
}
