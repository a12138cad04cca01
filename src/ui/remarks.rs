//! Screen 6: the remarks received in writing, grouped by commitment in the table's order,
//! each with its author, the date it came and its file; rejected ones dimmed with their
//! reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::context::Ctx;
use super::screens::{row_style, scrolled};
use crate::app::update::remarks::order;
use crate::model::RemarkState;
use crate::wrap::{truncate, wrap};

pub fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles, ui) = (cx.app, &cx.styles, cx.ui);
    let m = &app.meeting;
    let width = area.width.saturating_sub(2) as usize;
    let order = order(m);
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut group: Option<u32> = None;
    // Only the remarks a screen can show around the selected one are laid out: thousands
    // of remarks cost a key no more than a few.
    let at = app.remarks_pos.min(order.len().saturating_sub(1));
    let reach = usize::from(area.height);
    let shown = at.saturating_sub(reach)..(at + reach + 1).min(order.len());
    for (pos, &i) in order.iter().enumerate().skip(shown.start).take(shown.len()) {
        let r = &m.remarks[i];
        if group != Some(r.number) {
            group = Some(r.number);
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            let head = match m.commitment_by_number(r.number) {
                Some(c) => format!("N° {} — {} ({})", c.number, c.title, c.institution),
                None => format!("N° {} — {}", r.number, ui.remark_not_in_list),
            };
            lines.push(Line::styled(truncate(&head, width), styles.bold));
        }
        let selected = pos == at;
        if selected {
            selected_line = lines.len();
        }
        let (mark, state, style) = looks(&r.state, selected, cx);
        let text = format!("{mark} {}", r.text.replace('\n', " / "));
        for (k, part) in wrap(&text, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 { "  " } else { "    " };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
        let about = format!(
            "    — {} · {} · {} · {state}",
            r.author,
            r.received.format("%d/%m/%Y"),
            r.source
        );
        lines.push(Line::styled(truncate(&about, width), styles.muted));
    }
    if lines.is_empty() {
        for line in wrap(ui.no_remarks, width.max(1)) {
            lines.push(Line::styled(line, styles.muted));
        }
    }
    let pending = m.pending_remarks();
    let title = format!(
        " {} · {} ",
        ui.screen_remarks,
        crate::i18n::fill(ui.remarks_waiting, &[&pending])
    );
    scrolled(frame, area, title, lines, selected_line, styles);
}

/// A remark's sign, state words and style: dimmed when rejected.
fn looks(state: &RemarkState, selected: bool, cx: &Ctx) -> (&'static str, String, Style) {
    let (ui, styles) = (cx.ui, &cx.styles);
    let plain = row_style(selected, styles);
    match state {
        RemarkState::Pending => ("✉", ui.remark_pending.to_owned(), plain),
        RemarkState::Accepted => ("✓", ui.remark_accepted.to_owned(), plain),
        RemarkState::Merged => ("✓", ui.remark_merged.to_owned(), plain),
        RemarkState::Rejected(reason) => {
            let state = match reason {
                Some(reason) => {
                    let colon = crate::i18n::msg_in(cx.app.config.ui_language).colon;
                    format!("{}{colon}{reason}", ui.remark_rejected)
                }
                None => ui.remark_rejected.to_owned(),
            };
            let style = if selected {
                styles.selected
            } else {
                styles.muted
            };
            ("✗", state, style)
        }
    }
}
