//! The attendance, points and preview screens.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::context::Ctx;
use super::theme::Styles;
use crate::app::update::points::header_value;
use crate::app::view::{Entry, attendance_order, point_entries};
use crate::i18n::fill;
use crate::keys::{Action, Mode};
use crate::model::Attendance;
use crate::record::text::{Kind, render};
use crate::record::{Block as TextBlock, Record, parse_blocks};
use crate::wrap::truncate;

/// Draws `lines` in a bordered box, scrolled so that line `selected` is visible.
pub(super) fn scrolled(
    frame: &mut Frame,
    area: Rect,
    title: String,
    lines: Vec<Line>,
    selected: usize,
    styles: &Styles,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(styles.focused_border)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let offset = (selected + 1).saturating_sub(height);
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

pub(super) fn row_style(selected: bool, styles: &Styles) -> Style {
    if selected {
        styles.selected
    } else {
        Style::default()
    }
}

pub fn attendance(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let ui = cx.ui;
    let m = &app.meeting;
    let count = |a: Attendance| m.participants.iter().filter(|p| p.attendance == a).count();
    let title = format!(
        " {} · {} {} · {} {} · {} {} · {} {} ",
        ui.attendance,
        ui.present,
        count(Attendance::Present),
        ui.absent,
        count(Attendance::Absent),
        ui.excused,
        count(Attendance::Excused),
        ui.not_called,
        count(Attendance::NotCalled)
    );
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut last_org: Option<&str> = None;
    for (pos, &i) in attendance_order(m).iter().enumerate() {
        let p = &m.participants[i];
        if last_org != Some(p.organization.as_str()) {
            lines.push(Line::styled(
                truncate(&p.organization, width),
                styles.accent,
            ));
            last_org = Some(&p.organization);
        }
        let (mark, style) = match p.attendance {
            Attendance::Present => (ui.mark_present, styles.ok),
            Attendance::Absent => (ui.mark_absent, styles.error),
            Attendance::Excused => (ui.mark_excused, styles.warning),
            Attendance::NotCalled => (ui.mark_not_called, styles.muted),
        };
        let mut who = p
            .name
            .clone()
            .unwrap_or_else(|| ui.the_organisation.to_owned());
        if let Some(by) = &p.represented_by {
            // The word agrees with the person represented, where the civility says it.
            let word = if p.feminine() {
                ui.represented_by_f
            } else {
                ui.represented_by
            };
            who = format!("{who} — {word} {by}");
        }
        if let Some(email) = &p.email {
            who = format!("{who} ✉ {email}");
        }
        let selected = pos == app.attendance_pos;
        if selected {
            selected_line = lines.len();
        }
        let base = row_style(selected, styles);
        lines.push(Line::from(vec![
            Span::styled("  ", base),
            Span::styled(format!("{mark:<13}"), if selected { base } else { style }),
            Span::styled(truncate(&who, width.saturating_sub(15)), base),
        ]));
    }
    if lines.is_empty() {
        let add = app.key(Mode::Attendance, Action::AddParticipant);
        lines.push(Line::styled(
            fill(ui.no_participants, &[&add]),
            styles.muted,
        ));
    }
    scrolled(frame, area, title, lines, selected_line, styles);
}

pub fn points(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let ui = cx.ui;
    let m = &app.meeting;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut section = "";
    for (pos, entry) in point_entries(m).into_iter().enumerate() {
        let heading = match entry {
            Entry::Field(_) => ui.meeting,
            Entry::Agenda(_) | Entry::NewAgenda => ui.agenda,
            Entry::Point(_) | Entry::NewPoint => ui.points_discussed,
        };
        if heading != section {
            if !section.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(heading, styles.accent));
            section = heading;
        }
        let selected = pos == app.points_pos;
        if selected {
            selected_line = lines.len();
        }
        let base = row_style(selected, styles);
        let text = match entry {
            Entry::Field(field) => {
                let value = header_value(m, field);
                format!(
                    "  {:<24}{}",
                    field.label_in(ui),
                    if value.is_empty() {
                        "—".to_owned()
                    } else {
                        value
                    }
                )
            }
            Entry::Agenda(i) => format!("  • {}", m.header.agenda[i]),
            Entry::NewAgenda => ui.add_agenda.to_owned(),
            Entry::NewPoint => ui.add_point.to_owned(),
            Entry::Point(i) => {
                let p = &m.points[i];
                let table = if p.table { ui.table_here } else { "" };
                format!("  {}{table}", p.title)
            }
        };
        let style = match entry {
            Entry::NewAgenda | Entry::NewPoint if !selected => styles.muted,
            _ => base,
        };
        lines.push(Line::styled(truncate(&text, width), style));
        if let Entry::Point(i) = entry {
            point_text(&mut lines, &m.points[i].text, selected, width, cx);
        }
    }
    if m.header.agenda.is_empty() {
        let add = app.key(Mode::Points, Action::AddItem);
        lines.push(Line::styled(fill(ui.no_agenda, &[&add]), styles.muted));
    }
    scrolled(
        frame,
        area,
        ui.agenda_and_points.to_owned(),
        lines,
        selected_line,
        styles,
    );
}

/// A point's text under its title: the selected point's every line, wrapped; the others'
/// first three, cut, and how many more there are.
fn point_text(lines: &mut Vec<Line>, text: &str, selected: bool, width: usize, cx: &Ctx) {
    let blocks = parse_blocks(text);
    let shown = if selected { blocks.len() } else { 3 };
    for b in blocks.iter().take(shown) {
        let (lead, rest, t) = match b {
            TextBlock::Paragraph(t) => ("      ".to_owned(), "      ", t.as_str()),
            TextBlock::Bullet { level: 0, text } => {
                ("      • ".to_owned(), "        ", text.as_str())
            }
            TextBlock::Bullet { text, .. } => {
                ("          o ".to_owned(), "            ", text.as_str())
            }
            TextBlock::Numbered { number, text } => {
                (format!("      {number}. "), "         ", text.as_str())
            }
        };
        if !selected {
            lines.push(Line::styled(
                truncate(&format!("{lead}{t}"), width),
                cx.styles.muted,
            ));
            continue;
        }
        let room = width.saturating_sub(crate::wrap::width(&lead)).max(1);
        for (k, part) in crate::wrap::wrap(t, room).into_iter().enumerate() {
            let head = if k == 0 { lead.as_str() } else { rest };
            lines.push(Line::styled(format!("{head}{part}"), cx.styles.muted));
        }
    }
    if blocks.len() > shown {
        let more = fill(cx.ui.more_lines, &[&(blocks.len() - shown)]);
        lines.push(Line::styled(format!("      {more}"), cx.styles.muted));
    }
}

pub fn preview(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let record = Record::build(&app.meeting, &app.config.marks, &app.config.export);
    // The time the committee spent on the items, as `copil stats` sums it.
    let timed = (app.meeting.commitments.iter()).filter(|c| c.seconds_spent > 0);
    let (count, total) = timed.fold((0, 0), |(n, t), c| (n + 1, t + c.seconds_spent));
    let title = match count {
        0 => cx.ui.preview_title.to_owned(),
        _ => {
            let time = crate::model::stats::format_duration(total);
            let said = fill(cx.ui.preview_time, &[&time, &count]);
            format!("{}· {said} ", cx.ui.preview_title)
        }
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(styles.focused_border)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [text_area] = Layout::vertical([Constraint::Min(1)]).areas(inner);
    let lines = render(&record, text_area.width.saturating_sub(1) as usize);
    let max = lines.len().saturating_sub(text_area.height as usize);
    let scroll = app.preview_scroll.min(max);
    // A page is what shows, less a line kept for context.
    app.preview_page
        .set((text_area.height as usize).saturating_sub(1).max(1));
    app.preview_max.set(max);
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(text_area.height as usize)
        .map(|l| match l.kind {
            Kind::Title => Line::styled(l.text, styles.bold),
            Kind::Heading => Line::styled(l.text, styles.accent),
            Kind::Text => Line::raw(l.text),
        })
        .collect();
    frame.render_widget(Paragraph::new(visible), text_area);
}
