//! Keys and pastes from the terminal: a key bound in the mode in force becomes an action
//! for `update`; any other key, and pasted text, goes to the text input of the top layer.

use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::effects::{Effect, Effects};
use super::layers::{self, Input, clean_paste};
use super::state::App;
use crate::keys::Key;
use crate::model::Observation;

/// A key pressed at time `now`. Its meaning depends on the mode in force and the key,
/// never on when it came: `now` only moves the meeting's clocks.
pub fn handle_key(app: &mut App, event: KeyEvent, now: Instant) -> Effects {
    // Test builds can be made to fail on purpose, to prove that a crash loses nothing.
    #[cfg(debug_assertions)]
    if event.code == KeyCode::F(12) && std::env::var_os("COPIL_TEST_PANIC").is_some() {
        panic!("deliberate failure for a test");
    }
    app.now = now;
    // A terminal sends Alt-x as Esc then x: when Esc and a letter arrive in one read (a
    // quick hand, a slow link), they are read back as the two keys that were pressed.
    if let Some(letter) = after_escape(app, event) {
        let mut effects = dispatch(app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), now);
        effects.extend(dispatch(app, letter, now));
        return effects;
    }
    dispatch(app, event, now)
}

/// The key as the keymap of the mode in force says: a command, or typing for the top
/// layer.
fn dispatch(app: &mut App, event: KeyEvent, now: Instant) -> Effects {
    app.message = None;
    let key = Key::from_event(event);
    match app.config.keymap.action(app.mode(), key).cloned() {
        Some(action) => super::update::update(app, action, now),
        None if app.layers.is_empty() => {
            unbound(app, key);
            Effects::none()
        }
        // A key a layer takes may answer it (`y` to a question): a change asks a save.
        None => saving(app, |app| {
            layers::handle(app, Input::Key(event)).unwrap_or_default()
        }),
    }
}

/// What `step` returns, with a save when it changed the meeting.
fn saving(app: &mut App, step: impl FnOnce(&mut App) -> Effects) -> Effects {
    let revision = app.revision;
    let mut effects = step(app);
    if app.revision != revision && !effects.contains(Effect::Save) {
        effects.push(Effect::Save);
    }
    effects
}

/// The key of an Alt-key that no action of the mode in force takes: a character, Enter or
/// Tab always (Esc then a letter, Esc then Enter); another key only away from text, where
/// Alt-Backspace and the like edit words.
fn after_escape(app: &App, event: KeyEvent) -> Option<KeyEvent> {
    let character = matches!(
        event.code,
        KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab
    );
    if !event.modifiers.contains(KeyModifiers::ALT)
        || event.modifiers.contains(KeyModifiers::CONTROL)
        || (!character && app.writing())
        || app
            .config
            .keymap
            .action(app.mode(), Key::from_event(event))
            .is_some()
    {
        return None;
    }
    Some(KeyEvent::new(
        event.code,
        event.modifiers - KeyModifiers::ALT,
    ))
}

/// A letter that means nothing on the screen in front: say how to write, and where the
/// keys are, rather than nothing.
fn unbound(app: &mut App, key: Key) {
    let KeyCode::Char(c) = key.code else { return };
    if c.is_control() || key.mods.contains(KeyModifiers::CONTROL) {
        return;
    }
    let mode = app.mode();
    let help = app.first_key(mode, crate::keys::Action::Help);
    let ui = app.ui();
    let screen = app.on_screen();
    let said = screen.unbound(app, c);
    app.message = Some(said.unwrap_or_else(|| crate::i18n::fill(ui.msg_not_a_key, &[&c, &help])));
}

/// Text pasted into the terminal, at time `now`. Into the observation editor (or on the
/// review screen, which opens it), several lines become one bullet each: a leading `-`,
/// `•`, `*` makes a bullet, `o` or an indent a sub-bullet, and the markers go. One line
/// stays in the bullet being typed.
pub fn handle_paste(app: &mut App, text: &str, now: Instant) -> Effects {
    app.now = now;
    if app.read_only && app.top_editor().is_none() && !app.writing() {
        app.message = Some(app.ui().msg_read_only.to_owned());
        return Effects::none();
    }
    let text = clean_paste(text);
    if app.layers.is_empty() && !text.trim().is_empty() {
        let screen = app.on_screen();
        screen.before_paste(app);
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    saving(app, |app| {
        if app.top_editor().is_none() || lines.len() < 2 {
            // One line stays in the bullet being typed, without the line end it was copied
            // with.
            let text = match (app.top_editor().is_some(), lines.as_slice()) {
                (true, [line]) => line,
                _ => text.as_str(),
            };
            return layers::handle(app, Input::Paste(text)).unwrap_or_default();
        }
        paste_bullets(app, &lines);
        Effects::none()
    })
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
            let (level, words) = bullet_line(line, level);
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
        editor.level = level;
    }
    app.obs_selected = (at + count).saturating_sub(1);
}

/// A pasted line's level and words, its list marker gone (`clean_paste` made tabs spaces).
/// Levels count from `at`, the level of the bullet pasted into: a sub-bullet's `- ` lines
/// stay sub-bullets, an indent or an `o ` goes one deeper, as deep as a bullet may go.
fn bullet_line(line: &str, at: u8) -> (u8, &str) {
    let indented = u8::from(line.starts_with("  "));
    let trimmed = line.trim();
    let (deeper, words) = [("- ", 0), ("• ", 0), ("* ", 0), ("o ", 1), ("◦ ", 1)]
        .into_iter()
        .find_map(|(marker, level)| {
            trimmed
                .strip_prefix(marker)
                .map(|rest| (level, rest.trim()))
        })
        .unwrap_or((0, trimmed));
    let level = at.saturating_add(deeper.max(indented));
    (level.min(Observation::MAX_LEVEL), words)
}
