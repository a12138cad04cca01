//! Undo and redo. Every change to the meeting goes through here, so undo reaches all of
//! them: observations, levels, order, marks and their arguments.

use crate::model::{Commitment, Decision, Header, Meeting, Participant, Point, Remark, merge};

/// Everything of a meeting but its commitments: what the other screens change.
#[derive(Clone, Debug, PartialEq)]
pub struct Rest {
    pub header: Header,
    pub participants: Vec<Participant>,
    pub points: Vec<Point>,
    pub decisions: Vec<Decision>,
    pub remarks: Vec<Remark>,
}

impl Rest {
    pub fn of(meeting: &Meeting) -> Rest {
        Rest {
            header: meeting.header.clone(),
            participants: meeting.participants.clone(),
            points: meeting.points.clone(),
            decisions: meeting.decisions.clone(),
            remarks: meeting.remarks.clone(),
        }
    }

    /// A meeting with these parts and no commitments, to merge the parts.
    fn meeting(&self) -> Meeting {
        Meeting {
            header: self.header.clone(),
            participants: self.participants.clone(),
            commitments: Vec::new(),
            points: self.points.clone(),
            decisions: self.decisions.clone(),
            remarks: self.remarks.clone(),
        }
    }

    fn restore(&self, meeting: &mut Meeting) {
        meeting.header = self.header.clone();
        meeting.participants = self.participants.clone();
        meeting.points = self.points.clone();
        meeting.decisions = self.decisions.clone();
        meeting.remarks = self.remarks.clone();
    }
}

/// One reversible change.
#[derive(Clone, Debug)]
pub enum Change {
    /// A change to one commitment (the common case, and cheap at any list size).
    Commitment {
        index: usize,
        before: Box<Commitment>,
        after: Box<Commitment>,
    },
    /// A change to the rest of the meeting: header, attendance, points, decisions.
    Rest { before: Box<Rest>, after: Box<Rest> },
    /// Changes made as one (an observation moved from one commitment to another).
    Group(Vec<Change>),
    /// A commitment added to or removed from the list.
    List {
        before: Box<Vec<Commitment>>,
        after: Box<Vec<Commitment>>,
    },
}

impl Change {
    /// The commitment the change concerns, to bring it back into view.
    pub fn commitment(&self) -> Option<usize> {
        match self {
            Change::Commitment { index, .. } => Some(*index),
            Change::Rest { .. } => None,
            Change::Group(changes) => changes.last().and_then(Change::commitment),
            Change::List { .. } => None,
        }
    }

    /// Takes the change back (or does it again). What changed since by another hand (an
    /// outside change merged in) stays: only this change's own difference is carried over.
    fn apply(&self, meeting: &mut Meeting, forward: bool) {
        match self {
            Change::Commitment {
                index,
                before,
                after,
            } => {
                let (from, to) = if forward {
                    (before, after)
                } else {
                    (after, before)
                };
                // A merge may have moved it: found again by its number.
                let at = Some(*index)
                    .filter(|&i| {
                        meeting
                            .commitments
                            .get(i)
                            .is_some_and(|c| c.number == from.number)
                    })
                    .or_else(|| meeting.position_of(from.number));
                let Some(at) = at else { return };
                let current = &mut meeting.commitments[at];
                // Time spent is measured, not edited: undo never takes it back.
                let (seconds, last) = (current.seconds_spent, current.last_discussed);
                *current = if *current == **from {
                    (**to).clone()
                } else {
                    merge::onto(from, current, to)
                };
                current.seconds_spent = seconds;
                current.last_discussed = last;
            }
            Change::List { before, after } => {
                meeting.commitments = if forward {
                    (**after).clone()
                } else {
                    (**before).clone()
                };
            }
            Change::Group(changes) if forward => {
                changes.iter().for_each(|c| c.apply(meeting, true))
            }
            Change::Group(changes) => changes.iter().rev().for_each(|c| c.apply(meeting, false)),
            Change::Rest { before, after } => {
                let (from, to) = if forward {
                    (before, after)
                } else {
                    (after, before)
                };
                if Rest::of(meeting) == **from {
                    to.restore(meeting);
                } else {
                    let merged =
                        merge::merge(&from.meeting(), &Rest::of(meeting).meeting(), &to.meeting());
                    Rest::of(&merged.meeting).restore(meeting);
                }
            }
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    pub fn record(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }

    /// Undoes the last change; returns it so the caller can show where it happened.
    pub fn undo(&mut self, meeting: &mut Meeting) -> Option<&Change> {
        let change = self.undo.pop()?;
        change.apply(meeting, false);
        self.redo.push(change);
        self.redo.last()
    }

    pub fn redo(&mut self, meeting: &mut Meeting) -> Option<&Change> {
        let change = self.redo.pop()?;
        change.apply(meeting, true);
        self.undo.push(change);
        self.undo.last()
    }

    /// How many changes can be undone.
    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    /// Undoes the last `n` changes for good: they do not go to redo (keys read as commands
    /// that were in fact a word being typed).
    pub fn take_back(&mut self, n: usize, meeting: &mut Meeting) {
        for _ in 0..n {
            if let Some(change) = self.undo.pop() {
                change.apply(meeting, false);
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}
