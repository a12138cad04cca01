//! The one place the state changes. A key becomes an action (`input`), and `update` applies
//! it: to the top layer first, then to what every screen shares, then to the screen in
//! front (a component of `crate::screens`, through `app::screen::Screen`). It returns what
//! the event loop must do.

pub mod reports;
mod undo;

use std::time::Instant;

use super::effects::{Effect, Effects};
use super::layers::{self, Help, Input, Layer, Open};
use super::state::App;
use super::view::{Focus, SaveStatus};
use crate::i18n::fill;
use crate::keys::Action;

/// Applies one action at time `now`; a change to the meeting asks for a save.
pub fn update(app: &mut App, action: Action, now: Instant) -> Effects {
    app.now = now;
    let revision = app.revision;
    let mut effects = apply(app, action);
    if app.revision != revision {
        effects.push(Effect::Save);
    }
    effects
}

fn apply(app: &mut App, action: Action) -> Effects {
    // A second `quit` in a row confirms the first; any other key disarms it.
    let armed = std::mem::take(&mut app.quit_armed);
    if armed && action != Action::Quit {
        app.message = None;
    }
    if app.read_only && action.changes_meeting() {
        app.message = Some(app.ui().msg_read_only.to_owned());
        return Effects::none();
    }
    // The call begins at its first roll-call mark or review action on the meeting's day.
    let in_call = app.on_screen().starts_the_call();
    if action.changes_meeting() && in_call && app.call_day() {
        app.start_clock();
    }
    let had_editor = app.editor().is_some();
    if let Some(effects) = layers::handle(app, Input::Action(&action)) {
        // Done with the observations: the next j or k walks the commitments again.
        if had_editor && app.editor().is_none() {
            app.focus = Focus::List;
        }
        return effects;
    }
    match action {
        Action::Show(screen) => app.show(&screen),
        Action::Undo | Action::Redo => undo::undo(app, action == Action::Undo),
        Action::Save => {
            app.fold_time();
            app.revision += 1;
            if app.held.take().is_some() {
                // The secretary chose her version over a file that does not load.
                let mut effects = Effects::one(Effect::SaveOver);
                effects.push(Effect::Save);
                return effects;
            }
        }
        Action::Help => app.layers.push(Layer::Help(Open::alone(Help::default()))),
        Action::StartClock => {
            app.start_clock();
            app.message = Some(app.ui().clock_started.to_owned());
        }
        Action::Export => return export(app),
        Action::Quit => return quit(app, armed),
        other => {
            let screen = app.on_screen();
            return screen.update(app, other);
        }
    }
    Effects::none()
}

/// Quits; while the last changes are not in the file (saving fails, or another program
/// left it unreadable), says where they are kept and waits for a second press.
fn quit(app: &mut App, armed: bool) -> Effects {
    app.fold_time();
    let ui = app.ui();
    let kept = match &app.save_status {
        SaveStatus::Failed {
            copy: Some(copy), ..
        } => Some(copy.display().to_string()),
        SaveStatus::Failed { copy: None, .. } => Some(ui.in_journal.to_owned()),
        _ if app.held.is_some() => Some(match &app.kept_beside {
            // Another meeting took the file's place: ours was written beside it.
            Some(kept) => kept.display().to_string(),
            None => ui.in_journal.to_owned(),
        }),
        _ => None,
    };
    // Nothing written anywhere: say it plainly, and offer a place of her choosing, once.
    let nowhere =
        matches!(app.save_status, SaveStatus::Failed { copy: None, .. }) && app.journal_failing;
    if nowhere && !std::mem::replace(&mut app.asked_copy, true) {
        ask_copy(app);
        return Effects::none();
    }
    match kept {
        Some(kept) if !armed && !nowhere => {
            let key = app.first_key(app.mode(), Action::Quit);
            let said = match app.kept_beside {
                Some(_) => ui.quit_kept_beside,
                None => ui.quit_unsaved,
            };
            app.message = Some(fill(said, &[&key, &kept]));
            app.quit_armed = true;
            Effects::none()
        }
        _ => Effect::Quit.into(),
    }
}

/// Asks where to write the meeting, nothing else taking it; a second quit quits anyway.
fn ask_copy(app: &mut App) {
    let ui = app.ui();
    let suggested = app
        .file
        .as_deref()
        .map(|f| crate::paths::kept_beside(f).display().to_string())
        .unwrap_or_default();
    let quit = app.first_key(app.screen_mode(), Action::Quit);
    let said = fill(ui.nowhere, &[&quit]);
    app.layers.push(Layer::ask_completing(
        ui.nowhere_title,
        said,
        |app: &mut App, path| {
            if path.is_empty() {
                return Err(app.ui().err_write_path.to_owned());
            }
            app.copy_to = Some(path.into());
            Ok(Effect::SaveCopy.into())
        },
    ));
    if let Some(Layer::Prompt(p)) = app.layers.last_mut() {
        p.input = crate::app::layers::Field::new(&suggested);
    }
}

/// Asks for the record in the configured formats; the event loop writes it off the key
/// path and reports back through `reports::exported`.
fn export(app: &mut App) -> Effects {
    if app.file.is_none() {
        app.message = Some(app.ui().nothing_to_export.to_owned());
        return Effects::none();
    }
    app.exporting = true;
    app.export_at = app.history.touched();
    Effect::Export.into()
}
