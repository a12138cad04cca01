//! A fuzzy picker: the query, and the matching entries with the matched letters marked.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::layers::Picker;
use crate::i18n::fill;
use crate::keys::{Action, Mode};
use crate::ui::context::Ctx;
use crate::ui::context::centered;
use crate::wrap::truncate;

pub fn draw(frame: &mut Frame, area: Rect, picker: &Picker, cx: &Ctx) {
    let (styles, ui) = (&cx.styles, cx.ui);
    let rect = centered(
        area,
        (area.width * 9 / 10).max(50),
        (area.height * 8 / 10).max(8),
    );
    let key = |action| cx.app.first_key(Mode::Picker, action);
    let hint = fill(
        ui.choose_hint,
        &[
            &key(Action::PickerUp),
            &key(Action::PickerDown),
            &key(Action::Confirm),
            &key(Action::Cancel),
        ],
    );
    frame.render_widget(Clear, rect);
    let panel = Panel::new(styles.focused_border)
        .title(format!(" {} ", picker.title))
        .title_bottom(
            Line::from(format!(
                " {}/{} · {} ",
                picker.hits.len(),
                picker.items.len(),
                hint
            ))
            .right_aligned(),
        );
    let inner = panel.render(rect, frame.buffer_mut());
    let [query, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let typed = Line::from(vec![
        Span::styled("> ", styles.accent),
        Span::raw(picker.query.clone()),
    ]);
    // The terminal's own cursor after the query, as in every field.
    let end = u16::try_from(typed.width()).unwrap_or(u16::MAX);
    if query.width > 0 && query.height > 0 {
        frame.set_cursor_position((query.x + end.min(query.width - 1), query.y));
    }
    frame.render_widget(typed, query);
    let height = list.height as usize;
    let mut offset = picker.offset.get();
    if picker.selected < offset {
        offset = picker.selected;
    } else if picker.selected >= offset + height {
        offset = picker.selected + 1 - height;
    }
    picker.offset.set(offset);
    let width = list.width as usize;
    let matcher = crate::fuzzy::Matcher::default();
    let lines: Vec<Line> = picker
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(row, hit)| {
            hit_line(
                picker,
                hit.index,
                row == picker.selected,
                width,
                &matcher,
                cx,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// One entry of the list, truncated to `width`, the letters the query matched highlighted.
fn hit_line<'a>(
    picker: &Picker,
    index: usize,
    selected: bool,
    width: usize,
    matcher: &crate::fuzzy::Matcher,
    cx: &Ctx,
) -> Line<'a> {
    let styles = &cx.styles;
    let item = picker
        .items
        .get(index)
        .cloned()
        .unwrap_or_else(|| format!("{} {}", cx.ui.new_entry, picker.query.trim()));
    let text = truncate(&item, width);
    let positions = picker
        .folded
        .get(index)
        .map(|f| matcher.positions(f, &picker.query))
        .unwrap_or_default();
    let base = if selected {
        styles.selected
    } else {
        Style::default()
    };
    let spans: Vec<Span> = text
        .chars()
        .enumerate()
        .map(|(i, ch)| {
            let style = if positions.binary_search(&i).is_ok() {
                base.patch(styles.highlight)
            } else {
                base
            };
            Span::styled(ch.to_string(), style)
        })
        .collect();
    Line::from(spans).style(base)
}
