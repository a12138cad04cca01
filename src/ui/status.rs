//! The status line: meeting clock, time on the current item, save state, and the keys that
//! apply now, read from the keymap in force.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::context::Ctx;
use crate::app::{App, Layer, SaveStatus};
use crate::keys::Action;

fn clock(seconds: u64) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        (seconds % 3600) / 60,
        seconds % 60
    )
}

/// "a add  / search  …": each hinted action of the mode once, the marks together.
pub fn hints(app: &App) -> String {
    let mode = app.mode();
    let mut parts: Vec<String> = Vec::new();
    let mut marks_done = false;
    for (keys, action) in app.config.keymap.entries_in(mode, app.config.ui_language) {
        if let Action::ToggleMark(_) = action {
            if !marks_done && !app.read_only {
                let keys: Vec<String> = app
                    .config
                    .keymap
                    .bindings
                    .iter()
                    .filter(|(m, _, a)| *m == mode && matches!(a, Action::ToggleMark(_)))
                    .map(|(_, k, _)| k.to_string())
                    .collect();
                parts.push(format!(
                    "{} {}",
                    keys.join(""),
                    action.hint_in(app.config.ui_language)
                ));
                marks_done = true;
            }
            continue;
        }
        let hint = action.hint_in(app.config.ui_language);
        // A read-only copy offers only what it may do.
        if !hint.is_empty() && (!app.read_only || !action.changes_meeting()) {
            parts.push(format!("{keys} {hint}"));
        }
    }
    parts.join("  ")
}

/// What the saver says: saved, saving, failed (with its gist), held.
fn save_state(cx: &Ctx, compact: bool) -> (String, ratatui::style::Style) {
    let (app, styles, ui) = (cx.app, &cx.styles, cx.ui);
    match &app.save_status {
        _ if app.held.is_some() => (ui.held.to_owned(), styles.error),
        _ if app.read_only => (ui.saved_read_only.to_owned(), styles.muted),
        SaveStatus::NoFile => (ui.no_file.to_owned(), styles.muted),
        SaveStatus::Saved if compact => ("✓".to_owned(), styles.ok),
        SaveStatus::Saved => (ui.saved.to_owned(), styles.ok),
        SaveStatus::Saving => (ui.saving.to_owned(), styles.warning),
        SaveStatus::Failed { cause, copy } => {
            let copy = if copy.is_some() { ui.copy_kept } else { "" };
            // The gist: the last part of the message, after the file and the step.
            let cause = cause.rsplit(": ").next().unwrap_or(cause);
            (
                format!(
                    "{}{copy}, {}: {}",
                    ui.save_failed,
                    ui.retrying,
                    crate::wrap::truncate(cause, 40)
                ),
                styles.error,
            )
        }
    }
}

/// The meeting's clock, the time left, and on the review screen the item's time.
fn clocks<'a>(cx: &Ctx, compact: bool) -> Vec<Span<'a>> {
    let (app, styles, ui) = (cx.app, &cx.styles, cx.ui);
    // Until the call begins, the clock says so rather than counting.
    let shown = match app.clock_since {
        Some(_) => clock(app.meeting_seconds()),
        None if app.clock_at_open > 0 => {
            format!("{} ({})", clock(app.clock_at_open), ui.clock_not_started)
        }
        None => ui.clock_not_started.to_owned(),
    };
    let mut spans = vec![Span::styled(format!(" ⏱ {shown} "), styles.accent)];
    // The time left to the planned end counts only once the call has begun.
    if let Some(left) = app.seconds_left().filter(|_| app.clock_since.is_some()) {
        let (label, style) = if left >= 0 {
            (ui.left, styles.muted)
        } else {
            (ui.over_by, styles.error)
        };
        let text = match compact {
            true if left >= 0 => format!("-{} ", clock(left as u64)),
            true => format!("+{} ", clock(left.unsigned_abs())),
            false => format!("{label} {} ", clock(left.unsigned_abs())),
        };
        spans.push(Span::styled(text, style));
    }
    if app.on_screen().discusses() {
        let budget = app
            .meeting
            .header
            .item_budget_minutes
            .map(|m| format!("/{}", clock(u64::from(m) * 60)))
            .unwrap_or_default();
        let label = if compact { "·" } else { ui.item };
        spans.push(Span::styled(
            format!("{label} {}{budget} ", clock(app.item_seconds())),
            if app.over_budget() {
                styles.warning_badge
            } else {
                styles.muted
            },
        ));
    }
    spans
}

/// The most rows a message takes below the status line.
const MESSAGE_ROWS: usize = 6;

/// The rows of `message` that do not fit on the status line, wrapped to `width`.
fn overflow(message: &str, used: usize, width: usize) -> Vec<String> {
    if !message.contains('\n') && used + crate::wrap::width(message) <= width {
        return Vec::new();
    }
    let width = width.saturating_sub(1).max(1);
    let mut rows: Vec<String> = message
        .lines()
        .flat_map(|line| {
            let chars: Vec<char> = line.chars().collect();
            crate::wrap::rows(line, width)
                .into_iter()
                .map(|r| chars[r].iter().collect::<String>().trim_start().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    rows.truncate(MESSAGE_ROWS);
    rows
}

/// How many rows the status line takes: one, and those of a message too long for it.
pub fn height(cx: &Ctx, width: u16) -> u16 {
    let Some(message) = &cx.app.message else {
        return 1;
    };
    let used = line(cx, width)
        .iter()
        .map(|s| crate::wrap::width(&s.content))
        .sum();
    1 + overflow(message, used, usize::from(width)).len() as u16
}

pub fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let mut spans = line(cx, area.width);
    let used: usize = spans.iter().map(|s| crate::wrap::width(&s.content)).sum();
    let below = match &app.message {
        Some(message) => overflow(message, used, usize::from(area.width)),
        None => Vec::new(),
    };
    let style = match app.quit_armed {
        true => styles.error,
        false => styles.bold,
    };
    match (&app.message, below.is_empty()) {
        (Some(message), true) => spans.push(Span::styled(message.clone(), style)),
        (Some(_), false) => {}
        (None, _) if app.presenting && app.on_screen().discusses() => {}
        (None, _) if is_question(app) => {
            let yes_default = matches!(app.layers.last(), Some(Layer::Prompt(p)) if p.yes_default);
            let hint = match yes_default {
                true => cx.ui.confirm_yes_hint,
                false => cx.ui.confirm_hint,
            };
            spans.push(Span::raw(hint.trim()));
        }
        (None, _) => spans.push(Span::raw(hints(app))),
    }
    let mut lines = vec![Line::from(spans)];
    lines.extend(
        below
            .into_iter()
            .map(|r| Line::styled(format!(" {r}"), style)),
    );
    frame.render_widget(ratatui::widgets::Paragraph::new(lines), area);
}

fn is_question(app: &App) -> bool {
    matches!(app.layers.last(), Some(Layer::Prompt(p)) if p.yes_no)
}

/// The status line before its message (or its key hints).
fn line<'a>(cx: &'a Ctx, width: u16) -> Vec<Span<'a>> {
    let (app, styles) = (cx.app, &cx.styles);
    let ui = cx.ui;
    // The audience sees the commitment only: no clocks, overruns or keys. Typing still
    // says so; a message (a save that failed) still shows.
    if app.presenting && app.on_screen().discusses() {
        let mut spans = Vec::new();
        if app.writing() {
            spans.push(Span::styled(
                format!(" ✎ {} ", ui.mode_writing),
                styles.title,
            ));
        }
        spans.push(Span::raw(" "));
        return spans;
    }
    // The question before quitting with changes not in the file takes the whole line.
    if app.quit_armed && app.message.is_some() {
        return vec![Span::raw(" ")];
    }
    // At 80 columns the clocks and the save state take their short forms, so that the
    // hints keep their room.
    let compact = width < 100;
    let (save_text, save_style) = save_state(cx, compact);
    let mut spans = clocks(cx, compact);
    spans.push(Span::styled(save_text, save_style));
    spans.push(Span::styled(" │ ", styles.muted));
    if app.exporting {
        spans.push(Span::styled(format!("{} ", ui.exporting), styles.warning));
    } else if app.exported.is_some_and(|at| app.history.touched() > at) {
        // What was exported no longer says what the meeting says.
        let key = app.key(app.screen_mode(), Action::Export);
        let said = crate::i18n::fill(ui.export_stale, &[&key]);
        spans.push(Span::styled(format!("{said} "), styles.warning));
    }
    // Which kind of keys is on, always said: text until Esc, a question that one key
    // answers, or the list's commands.
    if is_question(app) {
        spans.push(Span::styled(
            format!(" {} ", ui.mode_question),
            styles.title,
        ));
    } else if app.writing() {
        spans.push(Span::styled(
            format!(" ✎ {} ", ui.mode_writing),
            styles.title,
        ));
    } else {
        spans.push(Span::styled(ui.mode_commands, styles.muted));
    }
    spans.push(Span::raw(" "));
    spans
}
