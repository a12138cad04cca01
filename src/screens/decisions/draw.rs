//! Screen 4, the decisions ("Points arrêtés"): the selected one in full, each with what
//! became of it (late ones stand out), its deadline and owner; one owner's alone on demand.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::follow::{owner, pos, visible};
use crate::i18n::{fill, msg_in};
use crate::keys::{Action, Mode};
use crate::model::dates::long_date_inline;
use crate::model::{Decision, DecisionStatus};
use crate::ui::context::{Ctx, row_style, scrolled};
use crate::wrap::{truncate, wrap};

pub fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles, ui) = (cx.app, &cx.styles, cx.ui);
    let m = &app.meeting;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let at = pos(app);
    for i in visible(app) {
        let selected = i == at;
        if selected {
            selected_line = lines.len();
        }
        text_lines(&mut lines, &m.decisions[i], selected, width, cx);
        lines.extend(details(&m.decisions[i], width, cx));
    }
    if lines.is_empty() {
        let add = app.key(Mode::Screen("decisions"), Action::AddItem);
        lines.push(Line::styled(fill(ui.no_decisions, &[&add]), styles.muted));
    }
    let mut title = format!("{}{} ", ui.decisions_title, m.decisions.len());
    if let Some(owner) = owner(app) {
        let colon = msg_in(app.config.ui_language).colon;
        title = format!("{title}· {}{colon}{owner} ", ui.owner_filter);
    }
    scrolled(frame, area, title, lines, selected_line, styles);
}

/// The decision's text: whole and wrapped when selected, its first line otherwise.
fn text_lines(lines: &mut Vec<Line>, d: &Decision, selected: bool, width: usize, cx: &Ctx) {
    let base = row_style(selected, cx.styles);
    let carried = if d.carried { cx.ui.carried } else { "" };
    if selected {
        let text = format!("{}{carried}", d.text);
        for (k, line) in text.lines().enumerate() {
            for (j, part) in wrap(line, width.saturating_sub(2).max(1))
                .into_iter()
                .enumerate()
            {
                let lead = if k == 0 && j == 0 { "• " } else { "  " };
                lines.push(Line::styled(format!("{lead}{part}"), base));
            }
        }
    } else {
        let first = d.text.lines().next().unwrap_or_default();
        lines.push(Line::styled(
            truncate(&format!("• {first}{carried}"), width),
            base,
        ));
    }
}

/// Status, deadline and owner on one line, in the warning colour when late.
fn details(d: &Decision, width: usize, cx: &Ctx) -> Option<Line<'static>> {
    let (app, ui) = (cx.app, cx.ui);
    let today = app.wall_at_open.date();
    let colon = msg_in(app.config.ui_language).colon;
    let mut details: Vec<String> = status(d, today, cx).into_iter().collect();
    if let Some(deadline) = d.deadline {
        let language = app.meeting.header.language;
        let day = long_date_inline(deadline, language);
        // A period says so, as the record writes it ("jusqu'au …"); a delivery, the
        // default, is its day alone.
        let day = match d.until {
            true => format!("{} {day}", crate::i18n::Labels::of(language).until),
            false => day,
        };
        details.push(format!("{}{colon}{day}", ui.deadline));
    }
    if let Some(owner) = &d.owner {
        details.push(format!("{}{colon}{owner}", ui.owner));
    }
    if details.is_empty() {
        return None;
    }
    let style = if d.is_late(today) {
        cx.styles.warning
    } else {
        cx.styles.muted
    };
    Some(Line::styled(
        truncate(&format!("    {}", details.join(" · ")), width),
        style,
    ))
}

/// "⚠ late", "✓ done on 06/03/2024", "✗ dropped on 06/03/2024: reason", with the day it
/// was decided when it came from an earlier meeting.
fn status(d: &Decision, today: chrono::NaiveDate, cx: &Ctx) -> Option<String> {
    let ui = cx.ui;
    let day = |date: chrono::NaiveDate| date.format("%d/%m/%Y").to_string();
    let mut status = match &d.status {
        _ if d.is_late(today) => format!("⚠ {}", ui.decision_late),
        DecisionStatus::Open => String::new(),
        DecisionStatus::Done(on) => format!("✓ {} {}", ui.decision_done, day(*on)),
        DecisionStatus::Dropped { on, reason } => {
            let colon = msg_in(cx.app.config.ui_language).colon;
            let why = reason
                .as_ref()
                .map(|r| format!("{colon}{r}"))
                .unwrap_or_default();
            format!("✗ {} {}{why}", ui.decision_dropped, day(*on))
        }
    };
    if let Some(taken) = d.taken {
        let sep = if status.is_empty() { "" } else { " · " };
        status = format!("{status}{sep}{} {}", ui.decision_taken, day(taken));
    }
    (!status.is_empty()).then_some(status)
}
