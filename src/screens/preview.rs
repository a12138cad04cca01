//! Screen 5, the preview: the record as the text export writes it, scrolled.

use crate::ui::panel::Panel;
use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::effects::Effects;
use crate::app::screen::Screen;
use crate::app::state::App;
use crate::app::view::step;
use crate::i18n::{Ui, fill};
use crate::keys::{Action, Mode};
use crate::record::Record;
use crate::record::text::{Kind, render};
use crate::ui::context::Ctx;

/// The preview screen.
pub struct Preview;

/// Where the preview is scrolled; its page and its last useful position, as last drawn
/// (the one thing drawing may move).
pub struct Scroll {
    pub top: usize,
    pub page: Cell<usize>,
    pub max: Cell<usize>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            top: 0,
            page: Cell::new(15),
            max: Cell::new(usize::MAX / 2),
        }
    }
}

impl Screen<App> for Preview {
    fn name(&self) -> &'static str {
        "preview"
    }

    fn title(&self, ui: &Ui) -> &'static str {
        ui.screen_preview
    }

    fn mode(&self, _app: &App) -> Mode {
        Mode::Screen("preview")
    }

    fn init(&self, app: &mut App) {
        app.states.get_mut::<Scroll>();
    }

    fn update(&self, app: &mut App, action: Action) -> Effects {
        // The preview clamps the scroll to its length when it draws.
        let scroll = app.states.get_mut::<Scroll>();
        let mut pos = scroll.top;
        let page = scroll.page.get();
        match action {
            Action::PageDown => pos += page,
            Action::PageUp => pos = pos.saturating_sub(page),
            _ => step(&mut pos, usize::MAX / 2, &action),
        }
        if action == Action::Bottom {
            pos = usize::MAX / 2;
        }
        scroll.top = pos.min(scroll.max.get());
        Effects::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx) {
        draw(frame, area, cx)
    }
}

fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
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
    let panel = Panel::new(styles.focused_border).title(title);
    let inner = panel.render(area, frame.buffer_mut());
    let [text_area] = Layout::vertical([Constraint::Min(1)]).areas(inner);
    let lines = render(&record, text_area.width.saturating_sub(1) as usize);
    let max = lines.len().saturating_sub(text_area.height as usize);
    let state = app.states.get::<Scroll>();
    let scroll = state.map_or(0, |s| s.top).min(max);
    // A page is what shows, less a line kept for context.
    if let Some(state) = state {
        state
            .page
            .set((text_area.height as usize).saturating_sub(1).max(1));
        state.max.set(max);
    }
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
