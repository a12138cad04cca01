//! Keys and pastes from the terminal: a key bound in the mode in force becomes an action
//! for `update`; any other key, and pasted text, goes to the text input of the top layer.

use std::time::Instant;

use ratatui::crossterm::event::KeyEvent;

use super::effects::Effects;
use super::layers::{self, Input, clean_paste};
use super::state::App;
use super::update::update;
use crate::keys::Key;

/// A key pressed at time `now`.
pub fn handle_key(app: &mut App, event: KeyEvent, now: Instant) -> Effects {
    // Test builds can be made to fail on purpose, to prove that a crash loses nothing.
    #[cfg(debug_assertions)]
    if event.code == ratatui::crossterm::event::KeyCode::F(12)
        && std::env::var_os("COPIL_TEST_PANIC").is_some()
    {
        panic!("deliberate failure for a test");
    }
    app.now = now;
    app.message = None;
    let key = Key::from_event(event);
    if let Some(action) = app.config.keymap.action(app.mode(), key).cloned() {
        return update(app, action, now);
    }
    // Typing changes no meeting: it stays in its layer until committed.
    layers::handle(app, Input::Key(event)).unwrap_or_default()
}

/// Text pasted into the terminal, at time `now`.
pub fn handle_paste(app: &mut App, text: &str, now: Instant) -> Effects {
    app.now = now;
    layers::handle(app, Input::Paste(&clean_paste(text))).unwrap_or_default()
}
