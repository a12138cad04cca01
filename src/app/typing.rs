//! What the burst rule (`burst`) remembers between keys: plain data, kept in the state.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyEvent;

use super::view::Focus;

/// The longest pause between two keys of one burst.
pub const BURST: Duration = Duration::from_millis(250);

/// How many letters in one burst make a word on the review screen.
pub const WORD: usize = 3;

#[derive(Debug, Default)]
pub struct Burst {
    /// When the last key came.
    pub last: Option<Instant>,
    /// The burst went into text (an editor, a prompt, a picker).
    pub typing: bool,
    /// A letter waiting to be told a word from a command, and whether it came right after
    /// typing.
    pub held: Option<(KeyEvent, bool)>,
    /// The letters of this burst on the review screen, and where things stood before them.
    pub word: Option<Start>,
}

/// Where the secretary stood before the first letter of a possible word.
#[derive(Debug)]
pub struct Start {
    pub text: String,
    pub moves_only: bool,
    pub selected: usize,
    pub focus: Focus,
    pub obs_selected: usize,
    pub presenting: bool,
    pub layers: usize,
    pub changes: usize,
}
