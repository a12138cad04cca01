//! Drawing: reads the state and writes a frame, nothing else. The tab bar and the status
//! line here, the screen in front by its component (`crate::screens`), one file per layer
//! under `layers/`. Every drawing function gets the same `Ctx`: the state, the interface's
//! words and the styles, looked up once per frame.

pub mod context;
pub mod layers;
pub mod memo;
pub mod panel;
mod status;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::model::dates::long_date;
use context::Ctx;

/// Below this size the screen says so instead of drawing a broken layout.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

pub fn draw(frame: &mut Frame, app: &App) {
    let cx = Ctx {
        app,
        ui: app.ui(),
        styles: app.styles(),
    };
    let (area, styles, ui) = (frame.area(), &cx.styles, cx.ui);
    // A frame starts from blank cells: only a theme's own colours need painting over it.
    let blank = ratatui::style::Style::new()
        .fg(ratatui::style::Color::Reset)
        .bg(ratatui::style::Color::Reset);
    if styles.base != blank && styles.base != ratatui::style::Style::default() {
        frame.buffer_mut().set_style(area, styles.base);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "{} ({}×{}).\n{} {MIN_WIDTH}×{MIN_HEIGHT}.\n{}",
            ui.too_small, area.width, area.height, ui.make_it, ui.notes_safe
        );
        let y = area.height.saturating_sub(3) / 2;
        let rect = Rect::new(area.x, area.y + y, area.width, area.height - y);
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .style(styles.warning),
            rect,
        );
        return;
    }
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    // The tab bar, once, outside the screens.
    draw_title(frame, top, &cx);
    draw_screen(frame, body, &cx);
}

/// Everything below the tab bar in `area`: the screen on show, the status line, the layers
/// open on top. What a screen's snapshots show.
pub fn draw_body(frame: &mut Frame, area: Rect, app: &App) {
    let cx = Ctx {
        app,
        ui: app.ui(),
        styles: app.styles(),
    };
    draw_screen(frame, area, &cx);
}

fn draw_screen(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let app = cx.app;
    let [main, bottom] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status::height(cx, area.width)),
    ])
    .areas(area);
    app.on_screen().draw(frame, main, cx);
    status::draw(frame, bottom, cx);
    layers::draw(frame, main, cx);
}

/// The tab bar alone, as the top row of every screen draws it.
pub fn draw_tab_bar(frame: &mut Frame, area: Rect, app: &App) {
    let cx = Ctx {
        app,
        ui: app.ui(),
        styles: app.styles(),
    };
    draw_title(frame, area, &cx);
}

/// The tab bar, copied from the last frame when nothing it shows changed.
fn draw_title(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let app = cx.app;
    let what = (app.screen, app.read_only, app.demo, app.reviewed);
    memo::region(frame, cx, (area, "tabs"), what, |frame| {
        draw_tabs(frame, area, cx);
    });
}

fn draw_tabs(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles, ui) = (cx.app, &cx.styles, cx.ui);
    let h = &app.meeting.header;
    let pending = app.meeting.pending_remarks();
    let waiting = if pending > 0 {
        format!("· {} ", crate::i18n::fill(ui.remarks_waiting, &[&pending]))
    } else {
        String::new()
    };
    let right = format!(
        " {} {}/{} {waiting}",
        ui.reviewed,
        app.reviewed,
        app.meeting.commitments.len()
    );
    let demo = if app.read_only {
        ui.read_only
    } else if app.demo {
        ui.demo
    } else {
        ""
    };
    let tabs = |compact: bool| -> Vec<Span> {
        let mut spans = vec![Span::styled(" copil ", styles.title), Span::raw(" ")];
        for (i, screen) in app.screens.iter().enumerate() {
            let current = i == app.screen;
            let style = if current {
                styles.selected
            } else {
                styles.muted
            };
            // When room is short, the other screens keep only their number.
            let text = match compact && !current {
                true => format!("{}", i + 1),
                false => format!("{} {}", i + 1, screen.title(ui)),
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
        }
        spans
    };
    let fixed = crate::wrap::width(&right) + crate::wrap::width(demo);
    let mut spans = tabs(false);
    if spans.iter().map(|s| s.width()).sum::<usize>() + fixed > area.width as usize {
        spans = tabs(true);
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = (area.width as usize)
        .saturating_sub(used + crate::wrap::width(&right) + crate::wrap::width(demo));
    let heading = if room > 12 {
        crate::wrap::truncate(
            &format!(" {} — {}", h.title, long_date(h.date, h.language)),
            room,
        )
    } else {
        String::new()
    };
    let pad = room.saturating_sub(crate::wrap::width(&heading));
    spans.push(Span::styled(heading, styles.bold));
    spans.push(Span::raw(" ".repeat(pad)));
    if !demo.is_empty() {
        spans.push(Span::styled(demo, styles.warning_badge));
    }
    spans.push(Span::styled(right, styles.muted));
    frame.render_widget(Line::from(spans), area);
}
