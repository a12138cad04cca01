//! The observation editor, in a box at the foot of the detail pane.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::keys::{Action, Mode};
use crate::ui::context::Ctx;
use crate::wrap::truncate;

/// The detail pane, and below it the editor's box when the editor is open.
pub fn split(area: Rect, cx: &Ctx) -> (Rect, Option<Rect>) {
    if cx.app.editor().is_none() {
        return (area, None);
    }
    let height = (area.height / 3).clamp(5, 10);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(height)]).areas(area);
    (top, Some(bottom))
}

pub fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let Some(editor) = cx.app.editor() else {
        return;
    };
    let ui = cx.ui;
    let what = if editor.editing.is_some() {
        ui.edit_observation
    } else {
        ui.new_observation
    };
    let level = if editor.level == 0 {
        ui.bullet
    } else {
        ui.sub_bullet
    };
    let by = editor
        .by
        .as_deref()
        .map(|b| format!(" · {} {}", ui.by, truncate(b, 30)))
        .unwrap_or_default();
    let esc = cx.app.first_key(Mode::Editor, Action::CloseEditor);
    let finish = crate::i18n::fill(ui.to_finish, &[&esc]);
    let panel = Panel::new(cx.styles.focused_border)
        .title(format!(" ✎ {what} · {level}{by} "))
        .title_bottom(ratatui::text::Line::from(format!(" {finish} ")).right_aligned());
    let inner = panel.render(area, frame.buffer_mut());
    super::field::draw(frame, inner, &editor.input, cx);
}
