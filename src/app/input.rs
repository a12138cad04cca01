//! Keys and pastes from the terminal: a key bound in the mode in force becomes an action
//! for `update`; any other key, and pasted text, goes to the text input of the top layer.

use std::time::Instant;

use ratatui::crossterm::event::KeyEvent;

use super::effects::Effects;
use super::layers::{self, Input, clean_paste};
use super::state::App;
use super::update::review;
use super::view::Screen;
use crate::model::Observation;

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

/// Text pasted into the terminal, at time `now`. Into the observation editor (or on the
/// review screen, which opens it), several lines become one bullet each: a leading `-`,
/// `•`, `*` makes a bullet, `o` or an indent a sub-bullet, and the markers go. One line
/// stays in the bullet being typed.
pub fn handle_paste(app: &mut App, text: &str, now: Instant) -> Effects {
    app.now = now;
    let text = clean_paste(text);
    if app.layers.is_empty() && app.screen == Screen::Review && !text.trim().is_empty() {
        review::open_editor(app, None);
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if app.top_editor().is_none() || lines.len() < 2 {
        // One line stays in the bullet being typed, without the line end it was copied with.
        let text = match (app.top_editor().is_some(), lines.as_slice()) {
            (true, [line]) => line,
            _ => text.as_str(),
        };
        return layers::handle(app, Input::Paste(text)).unwrap_or_default();
    }
    paste_bullets(app, &lines);
    Effects::none()
}

/// Several pasted lines as bullets, written in one change (one undo takes the paste back,
/// and a paste of thousands of lines costs one copy of the commitment): the first joins
/// what the bullet being typed holds, the editor stays open on an empty bullet after them.
fn paste_bullets(app: &mut App, lines: &[&str]) {
    let Some(editor) = app.top_editor() else {
        return;
    };
    let typed = editor.text();
    let (commitment, editing, insert_at, level, by) = (
        editor.commitment,
        editor.editing.take(),
        editor.insert_at,
        editor.level,
        editor.by.take(),
    );
    let mut bullets: Vec<Observation> = lines
        .iter()
        .map(|line| {
            let (level, words) = bullet_line(line);
            Observation {
                text: words.to_owned(),
                level,
                by: None,
            }
        })
        .collect();
    // The first line joined to typed text keeps the bullet's level and attribution.
    if !typed.trim().is_empty()
        && let Some(first) = bullets.first_mut()
    {
        first.text = format!("{typed}{}", first.text);
        (first.level, first.by) = (level, by);
    }
    let count = bullets.len();
    let at = editing.unwrap_or(insert_at);
    app.change_commitment(commitment, |c| {
        let at = at.min(c.observations.len());
        if editing.is_some() && at < c.observations.len() {
            c.observations.remove(at);
        }
        let tail = c.observations.split_off(at);
        c.observations.extend(bullets);
        c.observations.extend(tail);
    });
    if let Some(editor) = app.top_editor() {
        editor.input = layers::Field::new("");
        editor.insert_at = at + count;
        editor.level = 0;
    }
    app.obs_selected = (at + count).saturating_sub(1);
}

/// A pasted line's level and words, its list marker gone (`clean_paste` made tabs spaces).
fn bullet_line(line: &str) -> (u8, &str) {
    let indented = line.starts_with("  ");
    let trimmed = line.trim();
    for (marker, level) in [("- ", 0), ("• ", 0), ("* ", 0), ("o ", 1), ("◦ ", 1)] {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            return (level.max(u8::from(indented)), rest.trim());
        }
    }
    (u8::from(indented), trimmed)
}
