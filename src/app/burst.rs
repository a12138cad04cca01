//! Telling a word being typed from a command. A secretary types as in Word: a double Enter,
//! then the next word at once; or a word with the list in front. Keys that come in one
//! burst (each within `BURST` of the one before) are read as typing when they make a word:
//!
//! - Right after typing (the editor closed on an empty Enter, a prompt confirmed), a letter
//!   is held an instant: another letter at once makes it a word, written in a new bullet;
//!   alone, it is the command it is bound to (`j`, a mark). A wide or destructive command
//!   (export, quit, undo, delete, a mark that asks a question) held this way is not carried
//!   out: the status line says to press it again.
//! - On the review screen, a wide or destructive key is always held that instant, so that
//!   it never fires as the first letter of a word.
//! - Three letters in one burst on the review screen, not all moves, are a word: what the
//!   first two did is taken back and the three letters open a new bullet.
//!
//! Keys that are not letters (`:`, `/`, Enter, arrows) always act at once.

use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::effects::Effects;
use super::layers::Field;
use super::state::App;
pub use super::typing::BURST;
use super::typing::{Start, WORD};
use super::update::review;
use super::view::Screen;
use crate::keys::{Action, Key};

/// Whether the burst rule still waits on a held letter (the loop then wakes to settle it).
pub fn waiting(app: &App) -> bool {
    app.burst.held.is_some()
}

/// When the last key arrived.
pub fn last_arrival(app: &App) -> Option<Instant> {
    app.burst.last
}

/// A key that `arrived` then, handled at time `now`: through the burst rule, then as the
/// keymap says.
pub fn key(app: &mut App, event: KeyEvent, now: Instant, arrived: Instant) -> Effects {
    let in_burst = app
        .burst
        .last
        .is_some_and(|t| arrived.saturating_duration_since(t) <= BURST);
    app.burst.last = Some(arrived);
    if !in_burst {
        app.burst.typing = false;
        app.burst.word = None;
    }
    if let Some((held, after_typing)) = app.burst.held.take() {
        if in_burst && letter(&event).is_some() && event != held {
            let text: String = [held, event].iter().filter_map(letter).collect();
            return write(app, &text);
        }
        let mut effects = fire(app, held, after_typing, now);
        effects.extend(key(app, event, now, arrived));
        return effects;
    }
    let on_review = app.layers.is_empty() && app.screen == Screen::Review;
    if let (true, Some(c)) = (on_review, letter(&event)) {
        let action = action(app, event);
        let after_typing = app.burst.typing && in_burst;
        let word_going = in_burst && app.burst.word.as_ref().is_some_and(|w| !w.text.is_empty());
        let hold = after_typing
            || match kind(app, action.as_ref()) {
                Kind::AtOnce => false,
                Kind::Opens => word_going,
                Kind::Waits => true,
            };
        if hold {
            app.burst.held = Some((event, after_typing));
            return Effects::none();
        }
        if note(app, c, action.as_ref()) {
            return write(app, "");
        }
    } else if letter(&event).is_none() {
        app.burst.word = None;
    }
    let typing = app.layers.last().is_some_and(|l| l.mode().types_text());
    let effects = dispatch(app, event, now);
    if typing {
        app.burst.typing = true;
    }
    effects
}

/// Time passes with no key up to `at`: a held letter that no other letter followed is a
/// command, carried out at time `now`.
pub fn settle(app: &mut App, now: Instant, at: Instant) -> Effects {
    let pause = app
        .burst
        .last
        .is_some_and(|t| at.saturating_duration_since(t) > BURST);
    match app.burst.held {
        Some((held, after_typing)) if pause => {
            app.burst.held = None;
            fire(app, held, after_typing, now)
        }
        _ => Effects::none(),
    }
}

/// The key as the keymap says: a command, or typing for the top layer.
pub fn dispatch(app: &mut App, event: KeyEvent, now: Instant) -> Effects {
    app.message = None;
    match action(app, event) {
        Some(action) => super::update::update(app, action, now),
        None => super::layers::handle(app, super::layers::Input::Key(event)).unwrap_or_default(),
    }
}

/// A held letter carried out as its command; a wide one right after typing is not.
fn fire(app: &mut App, held: KeyEvent, after_typing: bool, now: Instant) -> Effects {
    if after_typing && action(app, held).is_some_and(|a| wide(app, &a)) {
        let key = Key::from_event(held).config_name();
        app.message = Some(crate::i18n::fill(app.ui().burst_ignored, &[&key]));
        return Effects::none();
    }
    dispatch(app, held, now)
}

/// Adds a letter to the possible word of this burst; true once it is a word.
fn note(app: &mut App, c: char, action: Option<&Action>) -> bool {
    let moves = action.is_some_and(is_move);
    let start = Start {
        text: String::new(),
        moves_only: true,
        selected: app.selected,
        focus: app.focus,
        obs_selected: app.obs_selected,
        presenting: app.presenting,
        layers: app.layers.len(),
        changes: app.history.len(),
    };
    let word = app.burst.word.get_or_insert(start);
    word.text.push(c);
    word.moves_only &= moves;
    word.text.chars().count() >= WORD && !word.moves_only
}

/// A word was being typed: what its first letters did is taken back, and they, then
/// `text`, open a new bullet.
fn write(app: &mut App, text: &str) -> Effects {
    let mut text = text.to_owned();
    if let Some(start) = app.burst.word.take() {
        app.layers.truncate(start.layers);
        let undone = app.history.len().saturating_sub(start.changes);
        let meeting = std::sync::Arc::make_mut(&mut app.meeting);
        app.history.take_back(undone, meeting);
        if undone > 0 {
            app.revision += 1;
            app.refresh_view();
        }
        (app.selected, app.focus, app.obs_selected) =
            (start.selected, start.focus, start.obs_selected);
        app.presenting = start.presenting;
        text = start.text + &text;
    }
    app.burst.held = None;
    app.burst.typing = true;
    review::open_editor(app, None);
    if let Some(editor) = app.top_editor() {
        editor.input = Field::new(&text);
    }
    Effects::none()
}

fn action(app: &App, event: KeyEvent) -> Option<Action> {
    app.config
        .keymap
        .action(app.mode(), Key::from_event(event))
        .cloned()
}

/// A move through the list or the observations: fast repeats of it are not a word.
fn is_move(action: &Action) -> bool {
    matches!(
        action,
        Action::MoveDown
            | Action::MoveUp
            | Action::First
            | Action::Last
            | Action::NextObservation
            | Action::PrevObservation
    )
}

/// How a letter's command meets the burst rule.
enum Kind {
    /// Acts at once, even inside a burst: it is taken back if a word follows (moves, marks
    /// without a question, the presentation) or does nothing.
    AtOnce,
    /// Opens the observation editor: at once when it starts a burst (then the typing goes
    /// into the editor), held inside a word.
    Opens,
    /// Opens a question or a list, or cannot be taken back: held an instant.
    Waits,
}

fn kind(app: &App, action: Option<&Action>) -> Kind {
    match action {
        None | Some(Action::ObservationUp | Action::ObservationDown | Action::Presentation) => {
            Kind::AtOnce
        }
        Some(a) if is_move(a) => Kind::AtOnce,
        Some(Action::ToggleMark(id))
            if app.config.marks.get(id).is_some_and(|d| d.arg.is_none()) =>
        {
            Kind::AtOnce
        }
        Some(Action::AddObservation) => Kind::Opens,
        Some(_) => Kind::Waits,
    }
}

/// A command that cannot be taken back at once or asks a question: not carried out when
/// it came right after typing.
fn wide(app: &App, action: &Action) -> bool {
    match action {
        Action::Export
        | Action::Quit
        | Action::Undo
        | Action::Redo
        | Action::DeleteObservation
        | Action::RemoveCommitment => true,
        Action::ToggleMark(id) => app.config.marks.get(id).is_some_and(|d| d.arg.is_some()),
        _ => false,
    }
}

/// The letter a key types, if it is a plain letter.
fn letter(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(c)
            if c.is_alphabetic()
                && !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}
