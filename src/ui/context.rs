//! What every drawing function shares: the draw context and the small helpers that place
//! text and boxes. Below every other file of `ui/`, which all import it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::theme::Styles;
use crate::app::App;
use crate::i18n::Ui;

/// Lines written one per row from the top of `area`, cut at its width and height. Cheaper
/// than a `Paragraph`, which styles the whole area and composes each line again, for text
/// that is already wrapped or truncated to fit.
pub fn put_lines(frame: &mut Frame, area: Rect, lines: &[Line]) {
    let buf = frame.buffer_mut();
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        buf.set_line(area.x, y, line, area.width);
    }
}

/// What every drawing function reads: the state, the interface's words, the styles.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub ui: &'static Ui,
    pub styles: Styles,
}

/// `width` × `height` in the middle of `area`, no larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
