//! Every change to the meeting, through the history so that undo reaches it, and with the
//! revision bumped so that it is saved.

use super::history::{Change, Rest};
use super::state::App;
use super::view::Filter;
use std::sync::Arc;

use crate::model::{Commitment, Meeting};

impl App {
    /// Changes one commitment through the history, so that undo reaches it.
    pub fn change_commitment(&mut self, index: usize, edit: impl FnOnce(&mut Commitment)) {
        let before = Arc::clone(&self.meeting.commitments[index]);
        edit(Arc::make_mut(&mut self.meeting_mut().commitments[index]));
        if self.meeting.commitments[index] == before {
            return;
        }
        // Touched in this meeting: its marks are this meeting's now.
        Arc::make_mut(&mut self.meeting_mut().commitments[index]).carried = false;
        let after = Arc::clone(&self.meeting.commitments[index]);
        // Keep the counts without walking the list: this is the path of every mark key.
        let reviewed = |c: &Commitment| usize::from(self.meeting.reviewed(c));
        self.reviewed = self.reviewed + reviewed(&after) - reviewed(&before);
        self.history.record(Change::Commitment {
            index,
            before: Arc::clone(&before),
            after: Arc::clone(&after),
        });
        self.revision += 1;
        self.pointing_holds(self.revision - 1, &before, &after);
        if self.filter == Filter::All {
            self.clamp_observation();
        } else {
            self.refresh_view();
        }
    }

    /// Changes commitment `number` as it is now: a question answered after another program
    /// moved the list still reaches the commitment it was asked about (nothing if it is gone).
    pub fn change_numbered(&mut self, number: u32, edit: impl FnOnce(&mut Commitment)) {
        if let Some(index) = self.meeting.position_of(number) {
            self.change_commitment(index, edit);
        }
    }

    /// Adds or removes commitments through the history.
    pub fn change_list(&mut self, edit: impl FnOnce(&mut Vec<Arc<Commitment>>)) {
        self.timed(|app| {
            let before = app.meeting.commitments.clone();
            edit(&mut app.meeting_mut().commitments);
            if app.meeting.commitments == before {
                return;
            }
            let after = app.meeting.commitments.clone();
            app.history.record(Change::List {
                before: Box::new(before),
                after: Box::new(after),
            });
            app.revision += 1;
            app.refresh_view();
        });
    }

    /// Changes two commitments as one change, `edit` getting `from` then `to` (an
    /// observation moved or copied between them).
    pub fn change_two(
        &mut self,
        from: usize,
        to: usize,
        edit: impl FnOnce(&mut Commitment, &mut Commitment),
    ) {
        if from == to {
            return;
        }
        let before = [from, to].map(|i| self.meeting.commitments[i].clone());
        {
            let list = &mut self.meeting_mut().commitments;
            let (a, b) = if from < to {
                let (left, right) = list.split_at_mut(to);
                (&mut left[from], &mut right[0])
            } else {
                let (left, right) = list.split_at_mut(from);
                (&mut right[0], &mut left[to])
            };
            edit(Arc::make_mut(a), Arc::make_mut(b));
        }
        let changes: Vec<Change> = [from, to]
            .into_iter()
            .zip(before)
            .filter(|(i, b)| self.meeting.commitments[*i] != *b)
            .map(|(i, b)| Change::Commitment {
                index: i,
                before: b,
                after: Arc::clone(&self.meeting.commitments[i]),
            })
            .collect();
        if changes.is_empty() {
            return;
        }
        self.history.record(Change::Group(changes));
        self.revision += 1;
        self.refresh_view();
    }

    /// Changes one commitment and the rest of the meeting as one change (a written remark
    /// merged into an observation).
    pub fn change_commitment_and_rest(
        &mut self,
        index: usize,
        commitment: impl FnOnce(&mut Commitment),
        rest: impl FnOnce(&mut Meeting),
    ) {
        let before = (
            self.meeting.commitments[index].clone(),
            Rest::of(&self.meeting),
        );
        commitment(Arc::make_mut(&mut self.meeting_mut().commitments[index]));
        rest(self.meeting_mut());
        let after = (
            self.meeting.commitments[index].clone(),
            Rest::of(&self.meeting),
        );
        if after == before {
            return;
        }
        self.history.record(Change::Group(vec![
            Change::Commitment {
                index,
                before: before.0,
                after: after.0,
            },
            Change::Rest {
                before: Box::new(before.1),
                after: Box::new(after.1),
            },
        ]));
        self.revision += 1;
    }

    /// Changes the header, attendance, points or decisions through the history.
    pub fn change_rest(&mut self, edit: impl FnOnce(&mut Meeting)) {
        let before = Rest::of(&self.meeting);
        edit(self.meeting_mut());
        let after = Rest::of(&self.meeting);
        if after == before {
            return;
        }
        self.history.record(Change::Rest {
            before: Box::new(before),
            after: Box::new(after),
        });
        self.revision += 1;
    }
}
