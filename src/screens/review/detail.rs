//! The current commitment: number, full title, new title, institution, summary, marks with
//! their arguments, and the observations as "•" and "o" bullets.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::Focus;
use crate::i18n::fill;
use crate::keys::{Action, Mode};
use crate::model::{Commitment, MarkArg, Sheet, stats::format_duration};
use crate::ui::context::Ctx;
use crate::wrap::wrap;

/// Lines of `text` wrapped to `width`, the first after `first`, the others after `rest`.
fn hanging<'a>(text: &str, first: &str, rest: &str, width: usize, style: Style) -> Vec<Line<'a>> {
    let room = width.saturating_sub(crate::wrap::width(first)).max(1);
    // A few hundred rows at most: no screen shows more of one text.
    wrap(crate::wrap::head(text, room * 4 * 300), room)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { first } else { rest };
            Line::from(vec![
                Span::styled(lead.to_owned(), style),
                Span::styled(l, style),
            ])
        })
        .collect()
}

/// The current commitment, copied from the last frame when nothing it shows changed.
pub fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let app = cx.app;
    let what = (
        (app.selected, app.view.len(), app.obs_selected, app.focus),
        (
            app.layers.is_empty(),
            app.editor().is_some(),
            app.item_seconds(),
        ),
    );
    crate::ui::memo::region(frame, cx, (area, "detail"), what, |frame| {
        draw_detail(frame, area, cx);
    });
}

fn draw_detail(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let focused = app.focus == Focus::Observations && app.layers.is_empty();
    let border = if focused {
        styles.focused_border
    } else {
        styles.border
    };
    let Some(c) = app.current_commitment() else {
        let block = Block::default().borders(Borders::ALL).border_style(border);
        return draw_empty(frame, area, cx, block);
    };
    let panel = Panel::new(border)
        .title(format!(
            " {}N° {} ",
            if focused { "▶ " } else { "" },
            c.number
        ))
        .title(Line::from(format!(" {} ", format_duration(app.item_seconds()))).right_aligned());
    let inner = panel.render(area, frame.buffer_mut());
    let w = inner.width as usize;

    let mut lines = identity(c, w, cx);
    lines.extend(sheet(c, w, cx));
    lines.extend(marks(c, w, cx));
    lines.push(Line::default());
    let selected_line = observations(c, w, focused, cx, &mut lines);
    lines.extend(written(c, w, cx));
    lines.extend(history(c, w, cx));
    // Keep the selected observation in view on long items, and the end of the list,
    // where the new bullet goes, while the editor is open.
    let height = inner.height as usize;
    let scroll = if app.editor().is_some() {
        lines.len().saturating_sub(height)
    } else {
        (selected_line + 2).saturating_sub(height)
    };
    crate::ui::context::put_lines(frame, inner, &lines[scroll.min(lines.len())..]);
}

/// No commitment to show: the meeting has none, or the filter hides them all.
fn draw_empty(frame: &mut Frame, area: Rect, cx: &Ctx, block: Block) {
    let (app, ui) = (cx.app, cx.ui);
    let no_match = fill(ui.no_match, &[&app.key(Mode::LIST, Action::Filter)]);
    let text = if app.meeting.commitments.is_empty() {
        fill(
            ui.no_commitments,
            &[&app.key(Mode::LIST, Action::AddCommitment)],
        )
    } else {
        no_match
    };
    frame.render_widget(
        Paragraph::new(text).style(cx.styles.muted).block(block),
        area,
    );
}

/// Title, new title, institution and summary.
fn identity<'a>(c: &Commitment, w: usize, cx: &Ctx) -> Vec<Line<'a>> {
    let styles = &cx.styles;
    let mut lines = hanging(&c.title, "", "", w, styles.bold);
    if let Some(new_title) = cx.app.config.marks.new_title(c) {
        lines.extend(hanging(new_title, "→ ", "  ", w, styles.accent));
    }
    if !c.institution.is_empty() {
        lines.extend(hanging(&c.institution, "", "", w, styles.muted));
    }
    if let Some(summary) = &c.summary {
        lines.push(Line::default());
        lines.extend(hanging(summary, "", "", w, Style::default()));
    }
    lines
}

/// The warning line when the detailed sheet is missing or incomplete.
fn sheet<'a>(c: &Commitment, w: usize, cx: &Ctx) -> Vec<Line<'a>> {
    let (ui, styles) = (cx.ui, &cx.styles);
    let gaps = Sheet::gaps(c.sheet.as_ref());
    if gaps.is_empty() {
        return Vec::new();
    }
    let what = if c.sheet.is_none() {
        ui.no_sheet.to_owned()
    } else {
        let gaps: Vec<&str> = gaps
            .iter()
            .map(|g| crate::i18n::sheet_gap(g, cx.app.config.ui_language))
            .collect();
        format!("{} {}", ui.sheet_missing, gaps.join(", "))
    };
    let lead = format!("{} ", ui.sheet);
    let mut lines = hanging(&what, &lead, "      ", w, styles.warning);
    if let Some(first) = lines.first_mut() {
        first.spans[0] = Span::styled(ui.sheet, styles.warning_badge);
        first.spans.insert(1, Span::raw(" "));
    }
    lines
}

/// Each mark behind its key as a badge, with its argument.
fn marks<'a>(c: &Commitment, w: usize, cx: &Ctx) -> Vec<Line<'a>> {
    let (app, styles) = (cx.app, &cx.styles);
    let mut lines = Vec::new();
    let (marks, language) = (&app.config.marks, app.meeting.header.language);
    // A mark on another item that names this one (a merge) is said here too, as the
    // record says it.
    let pointing = app.pointing_at(c.number);
    if c.marks.is_empty() && pointing.is_empty() {
        return lines;
    }
    lines.push(Line::default());
    for m in &pointing {
        // In the interface's language, as the screen's own sentences.
        let on_target = marks.get(&m.id).map(|d| &d.label_on_target);
        let ui_language = app.config.ui_language;
        let text = (on_target.and_then(|t| marks.said(t, m, &app.meeting, ui_language)))
            .unwrap_or_else(|| marks.label(m, &app.meeting, language));
        let badge = Span::styled("←", styles.mark(&m.id));
        for (i, mut line) in (hanging(&text, " ", " ", w.saturating_sub(1), styles.muted))
            .into_iter()
            .enumerate()
        {
            line.spans.insert(
                0,
                if i == 0 {
                    badge.clone()
                } else {
                    Span::raw(" ")
                },
            );
            lines.push(line);
        }
    }
    for m in &c.marks {
        let mut text = marks.label(m, &app.meeting, language);
        match &m.arg {
            MarkArg::Text(t) if !marks.is_title(&m.id) => text = format!("{text} : {t}"),
            MarkArg::Commitment(n) => {
                if let Some(target) = app.meeting.commitment_by_number(*n) {
                    text = format!("{text} — {}", target.title);
                }
            }
            _ => {}
        }
        // Carried from the last meeting and not touched in this one: said, and muted.
        let style = if c.carried {
            text = format!("{text} ({})", cx.ui.carried_marks);
            styles.muted
        } else {
            Style::default()
        };
        let key = app.config.marks.get(&m.id).map_or('?', |d| d.key);
        let badge = Span::styled(key.to_uppercase().to_string(), styles.mark(&m.id));
        let wrapped = hanging(&text, " ", " ", w.saturating_sub(1), style);
        for (i, mut line) in wrapped.into_iter().enumerate() {
            let lead = if i == 0 {
                badge.clone()
            } else {
                Span::raw(" ")
            };
            line.spans.insert(0, lead);
            lines.push(line);
        }
    }
    lines
}

/// The observations' heading and bullets, pushed onto `lines`; returns the line of the
/// selected bullet.
fn observations(c: &Commitment, w: usize, focused: bool, cx: &Ctx, lines: &mut Vec<Line>) -> usize {
    let (app, ui, styles) = (cx.app, cx.ui, &cx.styles);
    let heading = if !c.observations.is_empty() {
        format!("{} ({})", ui.observations, c.observations.len())
    } else if app.meeting.reviewed(c) {
        ui.no_observations.to_owned()
    } else {
        let add = app.key(Mode::LIST, Action::AddObservation);
        fill(
            ui.not_reviewed_hint,
            &[&add, &app.config.keymap.mark_keys()],
        )
    };
    lines.extend(hanging(&heading, "", "", w, styles.muted));
    let mut selected_line = 0;
    for (i, o) in c.observations.iter().enumerate() {
        let (first, rest) = bullet(o.level);
        let selected = focused && i == app.obs_selected;
        if selected {
            selected_line = lines.len();
        }
        let style = if selected {
            styles.selected
        } else {
            Style::default()
        };
        let text = match &o.by {
            Some(by) => format!("{} — {by}", o.text),
            None => o.text.clone(),
        };
        lines.extend(hanging(&text, first, rest, w, style));
    }
    selected_line
}

/// The remarks received in writing and accepted on screen 6: observations in the record.
fn written<'a>(c: &Commitment, w: usize, cx: &Ctx) -> Vec<Line<'a>> {
    let accepted = cx
        .app
        .meeting
        .remarks
        .iter()
        .filter(|r| r.number == c.number && r.state == crate::model::RemarkState::Accepted);
    let mut lines = Vec::new();
    for r in accepted {
        let text = format!(
            "{} ({}, {})",
            r.text,
            r.author,
            r.received.format("%d/%m/%Y")
        );
        lines.extend(hanging(&text, "✉ ", "  ", w, Style::default()));
    }
    lines
}

/// Observations carried over from earlier meetings, muted.
fn history<'a>(c: &Commitment, w: usize, cx: &Ctx) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if c.history.is_empty() {
        return lines;
    }
    lines.push(Line::default());
    lines.push(Line::styled(cx.ui.earlier_meetings, cx.styles.muted));
    for o in &c.history {
        let (first, rest) = bullet(o.level);
        lines.extend(hanging(&o.text, first, rest, w, cx.styles.muted));
    }
    lines
}

/// The lead of a bullet's first line and of its other lines, by level.
fn bullet(level: u8) -> (&'static str, &'static str) {
    if level == 0 {
        ("• ", "  ")
    } else {
        ("    o ", "      ")
    }
}

/// The current commitment alone, in a wide, airy column for the committee to read on a
/// shared screen.
pub fn presentation(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let Some(c) = app.current_commitment() else {
        return draw(frame, area, cx);
    };
    let width = area.width.saturating_sub(4).min(110);
    let x = area.x + (area.width - width) / 2;
    let column = Rect::new(x, area.y + 1, width, area.height.saturating_sub(1));
    let w = width as usize;
    let language = app.meeting.header.language;
    let mut lines: Vec<Line> = vec![
        Line::styled(
            format!(
                "N° {}  ·  {}/{}",
                c.number,
                app.selected + 1,
                app.view.len()
            ),
            styles.accent,
        ),
        Line::default(),
    ];
    lines.extend(hanging(&c.title, "", "", w, styles.bold));
    if let Some(new_title) = app.config.marks.new_title(c) {
        lines.push(Line::default());
        lines.extend(hanging(new_title, "→ ", "  ", w, styles.accent));
    }
    lines.push(Line::default());
    lines.extend(hanging(&c.institution, "", "", w, styles.muted));
    // The number and title stay in view; what follows scrolls to its end.
    let head = std::mem::take(&mut lines);
    if !c.marks.is_empty() {
        lines.push(Line::default());
        for m in &c.marks {
            let label = app.config.marks.label(m, &app.meeting, language);
            let mut spans = vec![Span::styled(format!(" {label} "), styles.mark(&m.id))];
            if let MarkArg::Text(t) = &m.arg
                && !app.config.marks.is_title(&m.id)
            {
                spans.push(Span::raw(format!("  {t}")));
            }
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::default());
    for o in &c.observations {
        let (first, rest) = if o.level == 0 {
            ("•  ", "   ")
        } else {
            ("      o  ", "         ")
        };
        lines.extend(hanging(&o.text, first, rest, w, Style::default()));
        lines.push(Line::default());
    }
    let head_height = (head.len() as u16).min(column.height);
    let [top, rest] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(head_height),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(column);
    frame.render_widget(Paragraph::new(head), top);
    let skip = lines.len().saturating_sub(rest.height as usize);
    let visible: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(visible), rest);
}
