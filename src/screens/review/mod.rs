//! Screen 3, the review: the list of commitments on the left, the current one on the right
//! (or alone, large, in presentation), the observation editor under it. Its state is the
//! program's current commitment (`App::view`, `selected`, `focus`, …), which the clocks,
//! undo and the journal share. `actions.rs` its actions and the layers they open,
//! `observations.rs` the observation moves, `commitments.rs` the changes to the list,
//! `list.rs` and `detail.rs` its drawing.

mod actions;
mod commitments;
mod detail;
mod list;
mod observations;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::effects::Effects;
use crate::app::screen::{Part, Screen};
use crate::app::state::App;
use crate::app::view::Focus;
use crate::i18n::{Ui, fill};
use crate::keys::{Action, Mode};
use crate::store::journal::PendingKind;
use crate::ui::context::Ctx;
use crate::ui::layers::editor;

pub use actions::open_editor;

/// The review screen.
pub struct Review;

impl Screen<App> for Review {
    fn name(&self) -> &'static str {
        "review"
    }

    fn title(&self, ui: &Ui) -> &'static str {
        ui.screen_review
    }

    fn mode(&self, app: &App) -> Mode {
        match app.focus {
            Focus::Observations => Mode::OBSERVATIONS,
            Focus::List => Mode::LIST,
        }
    }

    fn shows(&self) -> &'static [Part] {
        &[Part::Commitments]
    }

    fn discusses(&self) -> bool {
        true
    }

    fn starts_the_call(&self) -> bool {
        true
    }

    fn update(&self, app: &mut App, action: Action) -> Effects {
        if observations::update(app, &action) || commitments::update(app, &action) {
            Effects::none()
        } else {
            actions::update(app, action)
        }
    }

    fn unbound(&self, app: &App, letter: char) -> Option<String> {
        if app.read_only {
            return None;
        }
        let mode = app.mode();
        let write = app.key(mode, Action::AddObservation);
        let help = app.first_key(mode, Action::Help);
        Some(fill(
            app.ui().msg_not_a_key_review,
            &[&letter, &write, &help],
        ))
    }

    fn before_paste(&self, app: &mut App) {
        open_editor(app, None);
    }

    fn reopen(&self, app: &mut App, kind: PendingKind, index: Option<usize>) -> bool {
        if kind != PendingKind::Observation {
            return false;
        }
        open_editor(app, index);
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx) {
        if cx.app.presenting {
            let (area, editor) = editor::split(area, cx);
            detail::presentation(frame, area, cx);
            if let Some(editor_area) = editor {
                editor::draw(frame, editor_area, cx);
            }
            return;
        }
        let list_width = (area.width * 42 / 100).clamp(32, 70);
        let [left, right] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(area);
        list::draw(frame, left, cx);
        let (detail_area, editor) = editor::split(right, cx);
        detail::draw(frame, detail_area, cx);
        if let Some(editor_area) = editor {
            editor::draw(frame, editor_area, cx);
        }
    }
}
