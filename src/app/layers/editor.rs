//! The observation editor: one bullet at a time. Enter commits the bullet and starts the
//! next; Enter on an empty bullet never closes it (a sub-bullet goes back to bullet level,
//! a bullet waits for the next one, as lists behave in Word). Esc is the one way out, and
//! it keeps what was typed: so typing can never fall into the list's commands.

use ratatui::crossterm::event::KeyEvent;

use super::component::{Component, Outcome};
use super::field::Field;
use crate::keys::Action;
use crate::model::Observation;

pub struct Editor {
    pub input: Field,
    pub level: u8,
    /// Index of the commitment in the meeting.
    pub commitment: usize,
    /// The observation being edited, or `None` for a new one.
    pub editing: Option<usize>,
    /// Where the next new bullet goes.
    pub insert_at: usize,
    /// The organisation that made the observation being typed, if noted.
    pub by: Option<String>,
    /// The text of the observation being edited, as it was when the editor opened: another
    /// program's change to it meanwhile is a conflict, never overwritten in silence.
    pub was: Option<String>,
}

/// Where a committed bullet goes in its commitment's observations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Replace(usize),
    Insert(usize),
}

/// A committed bullet, for the opener to write into the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bullet {
    pub commitment: usize,
    pub place: Place,
    pub observation: Observation,
    /// For an edit: the observation's text when the editor opened.
    pub was: Option<String>,
}

impl Editor {
    /// An editor for a new observation at the end of `commitment`'s `count` observations,
    /// or for observation `editing`.
    pub fn new(commitment: usize, editing: Option<(usize, &Observation)>, count: usize) -> Self {
        let (text, level, by, insert_at) = match editing {
            Some((i, o)) => (o.text.as_str(), o.level, o.by.clone(), i + 1),
            None => ("", 0, None, count),
        };
        Editor {
            input: Field::new(text),
            level,
            commitment,
            editing: editing.map(|(i, _)| i),
            insert_at,
            by,
            was: editing.map(|(_, o)| o.text.clone()),
        }
    }

    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }

    /// The bullet typed, if any; the editor then starts the next one after it.
    fn take_bullet(&mut self) -> Option<Bullet> {
        let text = self.text().trim().to_owned();
        if text.is_empty() {
            return None;
        }
        let place = match self.editing.take() {
            Some(i) => Place::Replace(i),
            None => Place::Insert(self.insert_at),
        };
        let (Place::Replace(at) | Place::Insert(at)) = place;
        self.insert_at = at + 1;
        self.input = Field::new("");
        Some(Bullet {
            commitment: self.commitment,
            was: matches!(place, Place::Replace(_))
                .then(|| self.was.take())
                .flatten(),
            place,
            observation: Observation {
                text,
                level: self.level,
                by: self.by.clone(),
            },
        })
    }
}

impl Component for Editor {
    type Value = Bullet;

    fn on_action(&mut self, action: &Action) -> Outcome<Bullet> {
        match action {
            Action::CommitBullet => match self.take_bullet() {
                Some(bullet) => Outcome::Emitted(bullet),
                None => {
                    self.level = self.level.saturating_sub(1);
                    Outcome::Consumed
                }
            },
            Action::CloseEditor => match self.take_bullet() {
                Some(bullet) => Outcome::Confirmed(bullet),
                None => Outcome::Cancelled,
            },
            Action::SubBullet | Action::Bullet => {
                self.level = u8::from(*action == Action::SubBullet);
                Outcome::Consumed
            }
            Action::LineBreak => {
                self.input.insert_newline();
                Outcome::Consumed
            }
            _ => Outcome::NotMine,
        }
    }

    fn on_key(&mut self, event: KeyEvent) -> Outcome<Bullet> {
        self.input.key(event);
        Outcome::Consumed
    }

    fn on_paste(&mut self, text: &str) -> bool {
        self.input.insert_str(text);
        true
    }
}
