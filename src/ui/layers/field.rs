//! A text field drawn by its own rows (`Field::rows`): the selection highlighted, the
//! cursor as the terminal's own (so that typing at it writes nothing but the letter, and a
//! screen reader follows it), the rows scrolled so that the cursor stays in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::layers::Field;
use crate::app::layers::field::{Row, chars};
use crate::ui::context::Ctx;
use crate::wrap::width;

pub fn draw(frame: &mut Frame, area: Rect, field: &Field, cx: &Ctx) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let cells = usize::from(area.width);
    field.width.set(cells);
    let rows = field.rows(cells);
    let at = field.cursor_row(&rows);
    let height = usize::from(area.height);
    // The cursor's row in view, and no empty rows below while text above is hidden (the
    // window grew).
    let top = (field.top.get().min(at))
        .max((at + 1).saturating_sub(height))
        .min(rows.len().saturating_sub(height));
    field.top.set(top);
    let buf = frame.buffer_mut();
    let mut cursor = None;
    for (y, (i, row)) in rows.iter().enumerate().skip(top).take(height).enumerate() {
        let y = area.y + y as u16;
        let line = styled(field, row, cx.styles.selected);
        buf.set_line(area.x, y, &line, area.width);
        if i == at {
            let (_, col) = field.cursor();
            let text = &field.lines()[row.line];
            let x = width(&chars(text, row.chars.start..col));
            // After a full row, the cursor waits at the start of the next, where the next
            // letter goes; on the last row shown, on its last cell.
            cursor = Some(match x >= cells && y + 1 < area.bottom() {
                true => (area.x, y + 1),
                false => (area.x + x.min(cells - 1) as u16, y),
            });
        }
    }
    if let Some(at) = cursor {
        frame.set_cursor_position(at);
    }
}

/// One row's text, its selected part in `selected`.
fn styled(field: &Field, row: &Row, selected: Style) -> Line<'static> {
    let text = &field.lines()[row.line];
    let Some(((l0, c0), (l1, c1))) = field.selection() else {
        return Line::raw(chars(text, row.chars.clone()));
    };
    let from = if l0 < row.line {
        0
    } else if l0 == row.line {
        c0
    } else {
        usize::MAX
    };
    let to = if l1 > row.line {
        usize::MAX
    } else if l1 == row.line {
        c1
    } else {
        0
    };
    let (start, end) = (row.chars.start, row.chars.end);
    let a = from.clamp(start, end);
    let b = to.clamp(a, end);
    Line::from(vec![
        Span::raw(chars(text, start..a)),
        Span::styled(chars(text, a..b), selected),
        Span::raw(chars(text, b..end)),
    ])
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::app::App;
    use crate::config::Config;

    #[test]
    fn a_field_that_grows_shows_the_text_above_rather_than_empty_rows() {
        let app = App::new(
            crate::model::generate::meeting(1, 1),
            Config::builtin(),
            None,
            crate::live::clock(),
        );
        let cx = Ctx {
            app: &app,
            ui: app.ui(),
            styles: app.styles(),
        };
        let text: Vec<String> = (1..=10).map(|i| format!("ligne {i}")).collect();
        let field = Field::new(&text.join("\n"));
        let mut small = Terminal::new(TestBackend::new(12, 3)).unwrap();
        small.draw(|f| draw(f, f.area(), &field, &cx)).unwrap();
        assert_eq!(field.top.get(), 7, "the cursor's row, the last, in view");
        let mut tall = Terminal::new(TestBackend::new(12, 8)).unwrap();
        tall.draw(|f| draw(f, f.area(), &field, &cx)).unwrap();
        assert_eq!(field.top.get(), 2, "eight rows shown, none empty");
        let shown = tall.backend().buffer().clone();
        assert_eq!(shown[(0, 7)].symbol(), "l", "the last row holds text");
    }
}
