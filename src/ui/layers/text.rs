//! The text editor of a point or a decision, over most of the screen.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Clear;

use crate::app::layers::TextEdit;
use crate::keys::{Action, Mode};
use crate::ui::context::Ctx;
use crate::ui::context::centered;

pub fn draw(frame: &mut Frame, area: Rect, edit: &TextEdit, cx: &Ctx) {
    let close = cx.app.first_key(Mode::Text, Action::CloseText);
    let hint = crate::i18n::fill(cx.ui.text_hint, &[&close]);
    let rect = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, rect);
    let panel = Panel::new(cx.styles.focused_border)
        .title(format!(" {} ", edit.title))
        .title_bottom(Line::from(hint).right_aligned());
    let inner = panel.render(rect, frame.buffer_mut());
    super::field::draw(frame, inner, &edit.input, cx);
}
