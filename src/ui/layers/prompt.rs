//! A one-line question in a box, with the reason an answer was refused.

use crate::ui::panel::Panel;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::layers::Prompt;
use crate::i18n::fill;
use crate::keys::{Action, Mode};
use crate::ui::context::Ctx;
use crate::ui::context::centered;

pub fn draw(frame: &mut Frame, area: Rect, prompt: &Prompt, cx: &Ctx) {
    let key = |action| cx.app.first_key(Mode::Prompt, action);
    let hint = if prompt.yes_no && prompt.yes_default {
        cx.ui.confirm_yes_hint.to_owned()
    } else if prompt.yes_no {
        cx.ui.confirm_hint.to_owned()
    } else {
        fill(
            cx.ui.prompt_hint,
            &[&key(Action::Confirm), &key(Action::Cancel)],
        )
    };
    let rect = centered(area, (area.width * 3 / 4).max(50), 7);
    frame.render_widget(Clear, rect);
    let panel = Panel::new(cx.styles.focused_border)
        .title(format!(" {} ", prompt.title))
        .title_bottom(Line::from(hint).right_aligned());
    let inner = panel.render(rect, frame.buffer_mut());
    let [context, input, error] = Layout::vertical([
        Constraint::Length(u16::from(prompt.context.is_some())),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    if let Some(text) = &prompt.context {
        let text = crate::wrap::truncate(text, usize::from(context.width));
        frame.render_widget(Line::styled(text, cx.styles.muted), context);
    }
    if prompt.yes_no {
        let answers = match prompt.yes_default {
            true => cx.ui.yes_no_yes,
            false => cx.ui.yes_no,
        };
        frame.render_widget(Line::styled(answers, cx.styles.bold), input);
    } else {
        super::field::draw(frame, input, &prompt.input, cx);
    }
    if let Some(e) = &prompt.error {
        frame.render_widget(
            Paragraph::new(e.clone())
                .style(cx.styles.error)
                .wrap(Wrap { trim: true }),
            error,
        );
    }
}
