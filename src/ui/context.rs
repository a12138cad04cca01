//! What every drawing function shares: the draw context and the small helpers that place
//! text and boxes. Below every other file of `ui/`, which all import it.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::config::Styles;

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
pub type Ctx<'a> = crate::app::Ctx<'a, App>;

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

/// Draws `lines` in a bordered box, scrolled so that line `selected` is visible.
pub fn scrolled(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<Line>,
    selected: usize,
    styles: &Styles,
) {
    let panel = Panel::new(styles.focused_border).title(title);
    let inner = panel.render(area, frame.buffer_mut());
    let height = inner.height as usize;
    let offset = (selected + 1).saturating_sub(height);
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

pub fn row_style(selected: bool, styles: &Styles) -> Style {
    if selected {
        styles.selected
    } else {
        Style::default()
    }
}
