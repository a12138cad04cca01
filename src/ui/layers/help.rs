//! The help: every key in force, mode by mode, from the keymap itself.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::layers::Help;
use crate::i18n::fill;
use crate::keys::{Action, Mode};
use crate::ui::context::Ctx;
use crate::ui::context::centered;

pub fn draw(frame: &mut Frame, area: Rect, help: &Help, cx: &Ctx) {
    let (app, styles, ui, scroll) = (cx.app, &cx.styles, cx.ui, help.scroll);
    let key = |action| app.first_key(Mode::Help, action);
    let (up, down) = (key(Action::HelpUp), key(Action::HelpDown));
    let hint = fill(ui.help_hint, &[&up, &down, &key(Action::CloseHelp)]);
    let rect = centered(area, area.width.saturating_sub(4).min(100), area.height);
    frame.render_widget(Clear, rect);
    let panel = Panel::new(styles.focused_border)
        .title(ui.keys_in_force)
        .title_bottom(Line::from(hint).right_aligned());
    let inner = panel.render(rect, frame.buffer_mut());
    let language = app.meeting.header.language;
    let mut lines: Vec<Line> = vec![Line::styled(ui.help_typing_title, styles.accent)];
    let width = inner.width.saturating_sub(2) as usize;
    for line in crate::wrap::wrap(ui.help_typing, width) {
        lines.push(Line::raw(format!("  {line}")));
    }
    lines.push(Line::default());
    // The keys of the screen in front first, then the others.
    let front = app.screen_mode();
    let others = crate::config::modes().into_iter().filter(|m| *m != front);
    let modes = std::iter::once(front).chain(others);
    for mode in modes {
        lines.push(Line::styled(mode.title(ui), styles.accent));
        for (keys, action) in app.config.keymap.entries_in(mode, app.config.ui_language) {
            let description = match action {
                crate::keys::Action::ToggleMark(id) => format!(
                    "{}: {}",
                    ui.mark_prefix,
                    app.config
                        .marks
                        .get(id)
                        .map_or(id.clone(), |d| d.generic_label(language))
                ),
                other => other.description_in(app.config.ui_language).to_owned(),
            };
            // A long line goes on under itself, past the keys' column.
            let lead = format!("  {keys:<16}");
            let indent = crate::wrap::width(&lead);
            let room = (inner.width as usize).saturating_sub(indent).max(10);
            for (i, row) in crate::wrap::wrap(&description, room)
                .into_iter()
                .enumerate()
            {
                let head = match i {
                    0 => Span::styled(lead.clone(), styles.bold),
                    _ => Span::raw(" ".repeat(indent)),
                };
                lines.push(Line::from(vec![head, Span::raw(row)]));
            }
        }
        lines.push(Line::default());
    }
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let scroll = (scroll as usize).min(max_scroll);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()),
        inner,
    );
}
