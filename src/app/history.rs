//! Undo and redo. Every change to the meeting goes through here, so undo reaches all of
//! them: observations, levels, order, marks and their arguments. The last changes outlive
//! the program: `kept` gives them to be written beside the program's data on the way out,
//! `restore` takes them back on reopening. A change from before the reopening is undone
//! only while the file still holds what it made; one that another hand changed since is
//! refused with the reason, never forced.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use crate::model::{Commitment, Decision, Header, Meeting, Participant, Point, Remark, merge};

/// How many changes outlive the program.
pub const KEPT: usize = 500;

/// A change to lists longer than this is not kept past the program (its two copies of the
/// whole list would weigh more than all the rest): undo after reopening stops before it.
const KEPT_LIST: usize = 2_000;

/// What the kept history starts with, and its version.
const MAGIC: &[u8; 8] = b"copil\0u2";

/// Everything of a meeting but its commitments: what the other screens change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Change {
    /// A change to one commitment (the common case, and cheap at any list size).
    Commitment {
        index: usize,
        before: Arc<Commitment>,
        after: Arc<Commitment>,
    },
    /// A change to the rest of the meeting: header, attendance, points, decisions.
    Rest { before: Box<Rest>, after: Box<Rest> },
    /// Changes made as one (an observation moved from one commitment to another).
    Group(Vec<Change>),
    /// A commitment added to or removed from the list.
    List {
        before: Box<Vec<Arc<Commitment>>>,
        after: Box<Vec<Arc<Commitment>>>,
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
                *current = if same_but_time(current, from) {
                    Arc::clone(to)
                } else {
                    Arc::new(merge::onto(from, current, to))
                };
                let current = Arc::make_mut(current);
                current.seconds_spent = seconds;
                current.last_discussed = last;
            }
            Change::List { before, after } => {
                let (from, to) = if forward {
                    (before, after)
                } else {
                    (after, before)
                };
                swap_members(&mut meeting.commitments, from, to);
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

/// Whether two states of a commitment differ only in the time spent on it, which is
/// measured, not edited.
fn same_but_time(a: &Commitment, b: &Commitment) -> bool {
    let mut a = a.clone();
    (a.seconds_spent, a.last_discussed) = (b.seconds_spent, b.last_discussed);
    a == *b
}

/// The commitments `from` had and `to` has not leave the list; those `to` has and `from`
/// had not come back at their place. The others stay as they are now, with whatever was
/// done to them since.
fn swap_members(list: &mut Vec<Arc<Commitment>>, from: &[Arc<Commitment>], to: &[Arc<Commitment>]) {
    let numbers = |l: &[Arc<Commitment>]| l.iter().map(|c| c.number).collect::<HashSet<u32>>();
    let (in_from, in_to) = (numbers(from), numbers(to));
    list.retain(|c| !in_from.contains(&c.number) || in_to.contains(&c.number));
    let here = numbers(list);
    for (i, c) in to.iter().enumerate() {
        if !in_from.contains(&c.number) && !here.contains(&c.number) {
            list.insert(i.min(list.len()), c.clone());
        }
    }
}

impl Change {
    /// Whether the meeting still holds what this change made: its commitment as it left
    /// it (but the time spent, which is measured), the parts of the rest it changed, the
    /// commitments it added or removed.
    fn still_in(&self, meeting: &Meeting) -> bool {
        match self {
            Change::Commitment { after, .. } => meeting
                .commitment_by_number(after.number)
                .is_some_and(|now| {
                    let mut now = now.clone();
                    (now.seconds_spent, now.last_discussed) =
                        (after.seconds_spent, after.last_discussed);
                    now == **after
                }),
            Change::Rest { before, after } => {
                let now = Rest::of(meeting);
                let mut header = now.header.clone();
                header.seconds_elapsed = after.header.seconds_elapsed;
                (before.header == after.header || header == after.header)
                    && (before.participants == after.participants
                        || now.participants == after.participants)
                    && (before.points == after.points || now.points == after.points)
                    && (before.decisions == after.decisions || now.decisions == after.decisions)
                    && (before.remarks == after.remarks || now.remarks == after.remarks)
            }
            Change::Group(changes) => changes.iter().all(|c| c.still_in(meeting)),
            Change::List { before, after } => {
                let numbers =
                    |l: &[Arc<Commitment>]| l.iter().map(|c| c.number).collect::<Vec<_>>();
                let now: HashSet<u32> = meeting.commitments.iter().map(|c| c.number).collect();
                let (was, is) = (numbers(before), numbers(after));
                is.iter()
                    .filter(|n| !was.contains(n))
                    .all(|n| now.contains(n))
                    && was
                        .iter()
                        .filter(|n| !is.contains(n))
                        .all(|n| !now.contains(n))
            }
        }
    }

    /// The commitments (by number) and whether the rest of the meeting this change touched:
    /// an older kept change on the same things cannot be undone once this one is refused.
    fn targets(&self) -> (Vec<u32>, bool) {
        match self {
            Change::Commitment { after, .. } => (vec![after.number], false),
            Change::Rest { .. } => (Vec::new(), true),
            Change::Group(changes) => changes.iter().map(Change::targets).fold(
                (Vec::new(), false),
                |(mut n, r), (m, s)| {
                    n.extend(m);
                    (n, r || s)
                },
            ),
            Change::List { .. } => (Vec::new(), false),
        }
    }

    /// Whether it is a change to a list too long to keep past the program.
    fn too_large(&self) -> bool {
        match self {
            Change::List { before, after } => before.len().max(after.len()) > KEPT_LIST,
            Change::Group(changes) => changes.iter().any(Change::too_large),
            _ => false,
        }
    }
}

/// Why an undo was not done.
#[derive(Clone, Debug)]
pub enum Refused {
    /// A change from before the reopening that the file no longer holds (another hand
    /// changed the same thing since): dropped, not forced, with the older kept changes on
    /// the same things (how many), which could no longer be undone either.
    Changed(Change, usize),
    /// The file changed after the history was last kept (a change the kill took before it
    /// was kept, or another program's): what the history holds is not the last change, so
    /// nothing of it is undone.
    Behind,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// How many changes at the bottom of `undo` came from before the file was reopened.
    earlier: usize,
    /// Counts every change, undo and redo (and another program's change merged in): what
    /// an export was made at, to tell when it is out of date.
    touched: u64,
    /// The history kept was behind the file it was read back with: the first undo says so.
    behind: bool,
}

impl History {
    pub fn record(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
        self.touched += 1;
    }

    /// How many times the meeting's content changed in this session.
    pub fn touched(&self) -> u64 {
        self.touched
    }

    /// The meeting changed without a change of its own (another program's, merged in).
    pub fn touch(&mut self) {
        self.touched += 1;
    }

    /// Undoes the last change; returns it so the caller can show where it happened. A
    /// change from before the reopening that the file no longer holds is dropped instead,
    /// and returned as refused.
    pub fn undo(&mut self, meeting: &mut Meeting) -> Result<Option<&Change>, Refused> {
        let Some(change) = self.undo.pop() else {
            return match std::mem::take(&mut self.behind) {
                true => Err(Refused::Behind),
                false => Ok(None),
            };
        };
        self.touched += 1;
        if self.undo.len() < self.earlier {
            self.earlier = self.undo.len();
            if !change.still_in(meeting) {
                let dropped = self.drop_older_on(&change);
                return Err(Refused::Changed(change, dropped));
            }
        }
        change.apply(meeting, false);
        self.redo.push(change);
        Ok(self.redo.last())
    }

    /// Drops the kept changes from before the reopening that touch what `refused` touched:
    /// each made a state the file no longer holds, so each would be refused in turn.
    fn drop_older_on(&mut self, refused: &Change) -> usize {
        let (numbers, rest) = refused.targets();
        let shares = |c: &Change| {
            let (n, r) = c.targets();
            (rest && r) || n.iter().any(|n| numbers.contains(n))
        };
        let older = self.earlier.min(self.undo.len());
        let mut kept: Vec<Change> = self.undo.drain(..older).filter(|c| !shares(c)).collect();
        self.earlier = kept.len();
        let dropped = older - kept.len();
        kept.append(&mut self.undo);
        self.undo = kept;
        dropped
    }

    pub fn redo(&mut self, meeting: &mut Meeting) -> Option<&Change> {
        let change = self.redo.pop()?;
        self.touched += 1;
        change.apply(meeting, true);
        self.undo.push(change);
        self.undo.last()
    }

    /// Whether commitment `number` held an observation reading `text` before one of the
    /// changes kept here replaced it: a copy that brings that text back is older, not a
    /// correction.
    pub fn replaced(&self, number: u32, text: &str) -> bool {
        fn walk(change: &Change, number: u32, text: &str) -> bool {
            match change {
                Change::Commitment { before, after, .. } => {
                    let has = |c: &Commitment| c.observations.iter().any(|o| o.text == text);
                    before.number == number && has(before) && !has(after)
                }
                Change::Group(changes) => changes.iter().any(|c| walk(c, number, text)),
                _ => false,
            }
        }
        self.undo.iter().any(|c| walk(c, number, text))
    }

    /// How many changes can be undone.
    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    /// The last changes, at most `KEPT`, to be written on the way out with `identity`
    /// (which meeting they belong to).
    pub fn kept(&self, identity: &str) -> Vec<u8> {
        History::pack(identity, &self.kept_changes())
    }

    /// The changes `kept` writes, without what they belong to: what the loop builds, the
    /// identity being added off the key path (`pack`).
    pub fn kept_changes(&self) -> Vec<u8> {
        let newest: Vec<&Change> = self
            .undo
            .iter()
            .rev()
            .take(KEPT)
            .take_while(|c| !c.too_large())
            .collect();
        let changes: Vec<&Change> = newest.into_iter().rev().collect();
        postcard::to_stdvec(&changes).unwrap_or_default()
    }

    /// The kept history: `identity`, then the `changes` of `kept_changes` (postcard writes
    /// a pair as its two parts one after the other); nothing when the changes are missing.
    pub fn pack(identity: &str, changes: &[u8]) -> Vec<u8> {
        let Ok(head) = postcard::to_stdvec(&identity).map_err(|_| ()) else {
            return Vec::new();
        };
        if changes.is_empty() {
            return Vec::new();
        }
        [MAGIC.as_slice(), &head, changes].concat()
    }

    /// The history kept by `kept` for the same meeting (`identity`, its first line naming
    /// the meeting, its second what the meeting held); nothing when the bytes are of
    /// another meeting, another version, or damaged; nothing but the word that it is
    /// behind when the meeting holds something else than when it was kept.
    pub fn restore(bytes: &[u8], identity: &str) -> History {
        let Some(body) = bytes.strip_prefix(MAGIC.as_slice()) else {
            return History::default();
        };
        match postcard::from_bytes::<(String, Vec<Change>)>(body) {
            Ok((of, undo)) if of == identity => History {
                earlier: undo.len(),
                undo,
                redo: Vec::new(),
                touched: 0,
                behind: false,
            },
            Ok((of, undo)) if !undo.is_empty() && of.lines().next() == identity.lines().next() => {
                History {
                    behind: true,
                    ..History::default()
                }
            }
            _ => History::default(),
        }
    }
}

#[cfg(test)]
mod tests;
