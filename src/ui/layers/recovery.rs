//! The question after a session that did not end cleanly: what the journal holds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::layers::Recovery;
use crate::keys::{Action, Mode};
use crate::ui::context::Ctx;
use crate::ui::context::centered;

pub fn draw(frame: &mut Frame, area: Rect, question: &Recovery, cx: &Ctx) {
    let language = cx.app.config.ui_language;
    let mut lines: Vec<Line> = crate::app::recovery::describe(&question.journal, language)
        .into_iter()
        .map(Line::raw)
        .collect();
    lines.push(Line::default());
    let keymap = &cx.app.config.keymap;
    let restore = keymap.any_key(Mode::Recovery, &Action::Restore, language);
    let aside = keymap.any_key(Mode::Recovery, &Action::SetAside, language);
    let keys = crate::i18n::fill(cx.ui.recovery_keys, &[&restore, &aside]);
    lines.push(Line::styled(keys, cx.styles.accent));
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, area.width.saturating_sub(6).min(100), height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(cx.styles.warning)
        .title(cx.ui.recovery_title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
