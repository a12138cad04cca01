//! Keys and pastes from the terminal: a key bound in the mode in force becomes an action
//! for `update`; any other key, and pasted text, goes to the text input of the top layer.

use std::time::Instant;

use ratatui::crossterm::event::KeyEvent;

use super::effects::Effects;
use super::layers::{self, Input, clean_paste};
use super::state::App;

/// A key pressed at time `now`.
pub fn handle_key(app: &mut App, event: KeyEvent, now: Instant) -> Effects {
    handle_key_at(app, event, now, now)
}

/// A key that `arrived` at that moment, handled at time `now` (the same moment, live; a
/// script may keep the meeting's clock still while its keys come one by one).
pub fn handle_key_at(app: &mut App, event: KeyEvent, now: Instant, arrived: Instant) -> Effects {
    // Test builds can be made to fail on purpose, to prove that a crash loses nothing.
    #[cfg(debug_assertions)]
    if event.code == ratatui::crossterm::event::KeyCode::F(12)
        && std::env::var_os("COPIL_TEST_PANIC").is_some()
    {
        panic!("deliberate failure for a test");
    }
    app.now = now;
    // A word being typed is told from commands (see `burst`); typing changes no meeting:
    // it stays in its layer until committed.
    super::burst::key(app, event, now, arrived)
}

/// Time passes with no key: a letter held to tell a word from a command acts if no other
/// letter followed by `at`. The loop calls it when it wakes with no key (`now` = `at`).
pub fn settle_keys(app: &mut App, now: Instant, at: Instant) -> Effects {
    app.now = now;
    super::burst::settle(app, now, at)
}

/// Text pasted into the terminal, at time `now`.
pub fn handle_paste(app: &mut App, text: &str, now: Instant) -> Effects {
    app.now = now;
    layers::handle(app, Input::Paste(&clean_paste(text))).unwrap_or_default()
}
