//! A one-line question: a commitment number, a reason, a new title, a deadline. The opener
//! may refuse the answer; the question then stays, with what was typed and why. A yes/no
//! question (before removing something) takes one key: `y` (or `o`, oui) answers "y", any
//! other key, Enter and Esc included, answers "" (no). One whose answer is usually yes
//! (tidying up, nothing lost) takes Enter as yes too.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::component::{Component, Outcome};
use super::field::Field;
use crate::keys::Action;

pub struct Prompt {
    pub title: String,
    pub input: Field,
    pub error: Option<String>,
    /// What the answer completes, shown above it (the sentence of a mark).
    pub context: Option<String>,
    /// A yes/no question: one key answers, and no is the default.
    pub yes_no: bool,
    /// In a yes/no question, Enter answers yes.
    pub yes_default: bool,
}

impl Prompt {
    pub fn new(title: impl Into<String>, text: &str) -> Self {
        Prompt {
            title: title.into(),
            input: Field::new(text),
            error: None,
            context: None,
            yes_no: false,
            yes_default: false,
        }
    }

    /// A yes/no question about `context` (what would go).
    pub fn yes_no(title: impl Into<String>, context: String) -> Self {
        Prompt {
            yes_no: true,
            ..Prompt::new(title, "").with_context(context)
        }
    }

    /// A yes/no question whose Enter answers yes.
    pub fn yes_by_default(mut self) -> Self {
        self.yes_default = true;
        self
    }

    /// The same, with a line above the answer saying what it completes.
    pub fn with_context(mut self, context: String) -> Self {
        self.context = Some(context);
        self
    }

    pub fn text(&self) -> String {
        self.input.lines().join(" ")
    }
}

impl Component for Prompt {
    /// The answer, trimmed.
    type Value = String;

    fn on_action(&mut self, action: &Action) -> Outcome<String> {
        match action {
            Action::Confirm if self.yes_no && self.yes_default => Outcome::Confirmed("y".into()),
            Action::Confirm | Action::Cancel if self.yes_no => Outcome::Confirmed(String::new()),
            Action::Confirm => Outcome::Confirmed(self.text().trim().to_owned()),
            Action::Cancel => Outcome::Cancelled,
            _ => Outcome::NotMine,
        }
    }

    fn on_key(&mut self, event: KeyEvent) -> Outcome<String> {
        if self.yes_no {
            let plain = !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            return match event.code {
                KeyCode::Char('y' | 'Y' | 'o' | 'O') if plain => Outcome::Confirmed("y".into()),
                _ => Outcome::Confirmed(String::new()),
            };
        }
        if event.code != KeyCode::Enter {
            self.input.key(event);
            self.error = None;
        }
        Outcome::Consumed
    }

    fn on_paste(&mut self, text: &str) -> bool {
        if self.yes_no {
            return true;
        }
        self.input.insert_str(&text.replace('\n', " "));
        true
    }

    fn refuse(&mut self, why: String) {
        self.error = Some(why);
    }
}
