//! The list of commitments: number, short title, mark badges, observation count, tick.
//! Only the visible rows are built, so a frame costs the same at any list size.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{Filter, Focus};
use crate::model::Commitment;
use crate::ui::context::Ctx;
use crate::wrap::{truncate, width};

/// The list, copied from the last frame when nothing it shows changed (while the
/// secretary types in the editor, on every key).
pub fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let app = cx.app;
    let what = (
        (app.selected, app.list_offset.get(), app.view.len()),
        (
            app.focus,
            app.layers.is_empty(),
            &app.filter,
            app.number_width,
        ),
    );
    crate::ui::memo::region(frame, cx, (area, "list"), what, |frame| {
        draw_list(frame, area, cx);
    });
}

fn draw_list(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let ui = cx.ui;
    let filter = match &app.filter {
        Filter::All => String::new(),
        Filter::NotReviewed => format!(" · {}", ui.filter_not_reviewed),
        Filter::Mark(id) => {
            let language = app.config.ui_language;
            let label = app
                .config
                .marks
                .get(id)
                .map_or(id.clone(), |d| d.generic_label(language));
            format!(" · {label}")
        }
        Filter::Institution(name) => format!(" · {}", truncate(name, 20)),
    };
    let position = if app.view.is_empty() {
        0
    } else {
        app.selected + 1
    };
    let focused = app.focus == Focus::List && app.layers.is_empty();
    // The focused pane says so in its title, not only in its colour.
    let marker = if focused { "▶ " } else { "" };
    let panel = Panel::new(if focused {
        styles.focused_border
    } else {
        styles.border
    })
    .title(format!(
        " {marker}{} {position}/{}{filter} ",
        ui.commitments,
        app.view.len()
    ));
    let inner = panel.render(area, frame.buffer_mut());
    let height = inner.height as usize;
    if height == 0 {
        return;
    }
    let mut offset = app.list_offset.get();
    if app.selected < offset {
        offset = app.selected;
    } else if app.selected >= offset + height {
        offset = app.selected + 1 - height;
    }
    offset = offset.min(app.view.len().saturating_sub(height));
    app.list_offset.set(offset);

    let rows = app.view.iter().enumerate().skip(offset).take(height);
    for ((pos, &index), y) in rows.zip(inner.top()..) {
        let c = &app.meeting.commitments[index];
        let row = Rect::new(inner.x, y, inner.width, 1);
        draw_row(frame.buffer_mut(), row, c, pos == app.selected, cx);
    }
}

/// One commitment's row: its number and title at the left, its marks' badges, its count
/// of observations and ✓ when reviewed at the right edge.
fn draw_row(buf: &mut Buffer, row: Rect, c: &Commitment, selected: bool, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let mut right: Vec<Span> = c
        .marks
        .iter()
        .map(|m| {
            let key = app.config.marks.get(&m.id).map_or('?', |d| d.key);
            // Carried marks in lower case and muted until the item is touched.
            match c.carried {
                true => Span::styled(key.to_string(), styles.muted),
                false => Span::styled(key.to_uppercase().to_string(), styles.mark(&m.id)),
            }
        })
        .collect();
    if !c.observations.is_empty() {
        let count = format!(" {}", c.observations.len());
        right.push(Span::styled(count, styles.muted));
    }
    right.push(if cx.app.meeting.reviewed(c) {
        Span::styled(" ✓", styles.ok)
    } else {
        Span::raw("  ")
    });
    let right = Line::from(right);
    let right_width = right.width();
    let number_width = app.number_width;
    let number = format!("{:>number_width$} ", c.number);
    let title_room = (row.width as usize).saturating_sub(width(&number) + right_width + 1);
    let base = if selected {
        styles.selected
    } else {
        Default::default()
    };
    let left = Line::from(vec![
        Span::styled(number, if selected { base } else { styles.muted }),
        Span::styled(truncate(&c.title, title_room), base),
    ]);
    // The row's own colours first; the text goes over them, the badges at the right
    // edge, with no run of spaces drawn between.
    if selected {
        buf.set_style(row, base);
    }
    buf.set_line(row.x, row.y, &left, row.width);
    let right_x = row.right().saturating_sub(right_width as u16).max(row.x);
    buf.set_line(
        right_x,
        row.y,
        &right.patch_style(base),
        row.right() - right_x,
    );
}
