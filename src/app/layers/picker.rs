//! A fuzzy picker: the search, the merge target, the stock phrases, the filter, an
//! organisation. It shows entries and answers with the one chosen; what the entry means is
//! the opener's.

use std::cell::Cell;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::component::{Component, Outcome};
use crate::fuzzy::{Hit, Matcher, fold};
use crate::keys::Action;

pub struct Picker {
    pub title: String,
    pub query: String,
    pub items: Vec<String>,
    pub folded: Vec<String>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// First visible row; the one thing drawing may move.
    pub offset: Cell<usize>,
    /// Whether the typed text itself may be chosen (a new organisation, say).
    pub free_text: bool,
    /// The query the hits were ranked for.
    pub ranked: String,
}

/// What was chosen: entry `i` of the items, or the text typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Entry(usize),
    Typed(String),
}

impl Picker {
    pub fn new(title: impl Into<String>, items: Vec<String>, free_text: bool) -> Self {
        let folded = items.iter().map(|t| fold(t)).collect();
        let mut picker = Picker {
            title: title.into(),
            query: String::new(),
            items,
            folded,
            hits: Vec::new(),
            selected: 0,
            offset: Cell::default(),
            free_text,
            ranked: String::new(),
        };
        picker.rank();
        picker
    }

    fn rank(&mut self) {
        let matcher = Matcher::default();
        let query = self.query.trim();
        let narrowing = !self.ranked.is_empty() && query.starts_with(self.ranked.as_str());
        self.hits = if narrowing {
            // A longer query only keeps some of the previous hits.
            let previous: Vec<usize> = self
                .hits
                .iter()
                .map(|h| h.index)
                .filter(|&i| i < self.folded.len())
                .collect();
            matcher.rank_among(&self.folded, query, previous.into_iter())
        } else {
            matcher.rank(&self.folded, query)
        };
        self.ranked = query.to_owned();
        if self.free_text && !query.is_empty() && !self.items.iter().any(|i| i == query) {
            // The typed text itself, offered after the matches: a new organisation, say.
            self.hits.push(Hit {
                index: self.items.len(),
                score: 0,
                positions: Vec::new(),
            });
        }
        self.selected = 0;
        self.offset.set(0);
    }
}

impl Component for Picker {
    type Value = Choice;

    fn on_action(&mut self, action: &Action) -> Outcome<Choice> {
        match action {
            Action::Confirm => match self.hits.get(self.selected) {
                Some(hit) if hit.index < self.items.len() => {
                    Outcome::Confirmed(Choice::Entry(hit.index))
                }
                Some(_) => Outcome::Confirmed(Choice::Typed(self.query.trim().to_owned())),
                None => Outcome::Consumed,
            },
            Action::Cancel => Outcome::Cancelled,
            Action::PickerDown => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1));
                Outcome::Consumed
            }
            Action::PickerUp => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::Consumed
            }
            _ => Outcome::NotMine,
        }
    }

    fn on_key(&mut self, event: KeyEvent) -> Outcome<Choice> {
        let plain = !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match event.code {
            KeyCode::Char(c) if plain => self.query.push(c),
            // As text fields do: Ctrl-U clears, Ctrl-W takes the last word back.
            KeyCode::Char('u') if event.modifiers.contains(KeyModifiers::CONTROL) => {
                self.query.clear()
            }
            KeyCode::Char('w') if event.modifiers.contains(KeyModifiers::CONTROL) => {
                let kept = self.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.query.truncate(kept);
            }
            KeyCode::Backspace => {
                self.query.pop();
            }
            _ => return Outcome::Consumed,
        }
        self.rank();
        Outcome::Consumed
    }

    fn on_paste(&mut self, text: &str) -> bool {
        self.query.push_str(&text.replace('\n', " "));
        self.rank();
        true
    }
}
