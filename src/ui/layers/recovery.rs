//! The question after a session that did not end cleanly: what the journal holds.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::layers::Recovery;
use crate::keys::{Action, Mode};
use crate::ui::context::Ctx;
use crate::ui::context::centered;

pub fn draw(frame: &mut Frame, area: Rect, question: &Recovery, cx: &Ctx) {
    let language = cx.app.config.ui_language;
    let width = area.width.saturating_sub(6).min(100);
    let room = usize::from(width.saturating_sub(2)).max(1);
    // Each line wrapped to the box beforehand, so that the box is as high as its text.
    let wrapped = |text: &str, style| -> Vec<Line<'static>> {
        (crate::wrap::wrap(text, room).into_iter())
            .map(|row| Line::styled(row, style))
            .collect()
    };
    let plain = ratatui::style::Style::default();
    let mut lines: Vec<Line> = crate::app::recovery::describe(&question.journal, language)
        .iter()
        .flat_map(|l| wrapped(l, plain))
        .collect();
    lines.push(Line::default());
    let keymap = &cx.app.config.keymap;
    let restore = keymap.any_key(Mode::Recovery, &Action::Restore, language);
    let aside = keymap.any_key(Mode::Recovery, &Action::SetAside, language);
    let keys = crate::i18n::fill(cx.ui.recovery_keys, &[&restore, &aside]);
    lines.extend(wrapped(&keys, cx.styles.accent));
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let panel = Panel::new(cx.styles.warning).title(cx.ui.recovery_title);
    let inner = panel.render(rect, frame.buffer_mut());
    frame.render_widget(Paragraph::new(lines), inner);
}
