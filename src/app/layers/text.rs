//! The editor of a point's or a decision's text: Enter breaks lines, Esc saves and closes.

use ratatui::crossterm::event::KeyEvent;

use super::component::{Component, Outcome};
use super::field::Field;
use crate::keys::Action;

/// What the text is, for the journal to say and put back after a crash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTarget {
    Point(usize),
    Decision(usize),
    /// A decision not yet in the list, to go at this position.
    NewDecision(usize),
}

pub struct TextEdit {
    pub target: TextTarget,
    pub title: String,
    pub input: Field,
}

impl TextEdit {
    pub fn new(target: TextTarget, title: impl Into<String>, text: &str) -> Self {
        TextEdit {
            target,
            title: title.into(),
            input: Field::new(text),
        }
    }

    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }
}

impl Component for TextEdit {
    /// The text, without trailing blank lines.
    type Value = String;

    fn on_action(&mut self, action: &Action) -> Outcome<String> {
        match action {
            Action::CloseText => Outcome::Confirmed(self.text().trim_end().to_owned()),
            _ => Outcome::NotMine,
        }
    }

    fn on_key(&mut self, event: KeyEvent) -> Outcome<String> {
        self.input.key(event);
        Outcome::Consumed
    }

    fn on_paste(&mut self, text: &str) -> bool {
        self.input.insert_str(text);
        true
    }
}
