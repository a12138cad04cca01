//! The question asked when the last session did not end cleanly: restore what the journal
//! kept, or set it aside and start from the file.

use super::component::{Component, Outcome};
use crate::keys::Action;
use crate::store::journal::Journal;

pub struct Recovery {
    pub journal: Journal,
}

/// The answer, with the journal it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Restore(Box<Journal>),
    SetAside,
}

impl Component for Recovery {
    type Value = Answer;

    fn on_action(&mut self, action: &Action) -> Outcome<Answer> {
        match action {
            Action::Restore => Outcome::Confirmed(Answer::Restore(Box::new(self.journal.clone()))),
            Action::SetAside => Outcome::Confirmed(Answer::SetAside),
            _ => Outcome::NotMine,
        }
    }
}
