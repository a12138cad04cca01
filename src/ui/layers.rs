//! The layers drawn over the review screen: the observation editor, the pickers, the
//! prompts and the help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Styles;
use crate::app::keymap::Mode;
use crate::app::state::{App, Layer, Picker};
use crate::wrap::truncate;

/// The detail pane, and below it the editor's box when the editor is open.
pub fn editor_split(area: Rect, app: &App) -> (Rect, Option<Rect>) {
    if app.editor().is_none() {
        return (area, None);
    }
    let height = (area.height / 3).clamp(5, 10);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(height)]).areas(area);
    (top, Some(bottom))
}

pub fn draw_editor(frame: &mut Frame, area: Rect, app: &App, styles: &Styles) {
    let Some(editor) = app.editor() else { return };
    let ui = crate::i18n::ui(app.config.ui_language);
    let what = if editor.editing.is_some() {
        ui.edit_observation
    } else {
        ui.new_observation
    };
    let level = if editor.level == 0 {
        ui.bullet
    } else {
        ui.sub_bullet
    };
    let by = editor
        .by
        .as_deref()
        .map(|b| format!(" · {} {}", ui.by, truncate(b, 30)))
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(styles.focused_border)
        .title(format!(" {what} · {level}{by} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&editor.input, inner);
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

pub fn draw_popups(frame: &mut Frame, area: Rect, app: &App, styles: &Styles) {
    let ui = crate::i18n::ui(app.config.ui_language);
    for layer in &app.layers {
        match layer {
            Layer::Editor(_) => {}
            Layer::Picker(picker) => draw_picker(frame, area, picker, styles, ui),
            Layer::Prompt(prompt) => {
                let rect = centered(area, (area.width * 3 / 4).max(50), 7);
                frame.render_widget(Clear, rect);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .border_style(styles.focused_border)
                    .title(format!(" {} ", prompt.title))
                    .title_bottom(Line::from(ui.prompt_hint).right_aligned());
                let inner = block.inner(rect);
                frame.render_widget(block, rect);
                let [input, error] =
                    Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
                frame.render_widget(&prompt.input, input);
                if let Some(e) = &prompt.error {
                    frame.render_widget(
                        Paragraph::new(e.clone())
                            .style(styles.error)
                            .wrap(ratatui::widgets::Wrap { trim: true }),
                        error,
                    );
                }
            }
            Layer::Help { scroll } => draw_help(frame, area, app, *scroll, styles),
            Layer::Recovery(journal) => {
                let mut lines: Vec<Line> =
                    crate::app::recovery::describe(journal, app.config.ui_language)
                        .into_iter()
                        .map(Line::raw)
                        .collect();
                lines.push(Line::default());
                lines.push(Line::styled(ui.recovery_keys, styles.accent));
                let height = (lines.len() as u16 + 2).min(area.height);
                let rect = centered(area, area.width.saturating_sub(6).min(100), height);
                frame.render_widget(Clear, rect);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .border_style(styles.warning)
                    .title(ui.recovery_title);
                let inner = block.inner(rect);
                frame.render_widget(block, rect);
                frame.render_widget(
                    Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
                    inner,
                );
            }
            Layer::Text(edit) => {
                let rect = centered(
                    area,
                    area.width.saturating_sub(4),
                    area.height.saturating_sub(2),
                );
                frame.render_widget(Clear, rect);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .border_style(styles.focused_border)
                    .title(format!(" {} ", edit.title))
                    .title_bottom(Line::from(ui.text_hint).right_aligned());
                let inner = block.inner(rect);
                frame.render_widget(block, rect);
                frame.render_widget(&edit.input, inner);
            }
        }
    }
}

fn draw_picker(
    frame: &mut Frame,
    area: Rect,
    picker: &Picker,
    styles: &Styles,
    ui: &crate::i18n::Ui,
) {
    let rect = centered(
        area,
        (area.width * 9 / 10).max(50),
        (area.height * 8 / 10).max(8),
    );
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(styles.focused_border)
        .title(format!(" {} ", picker.title))
        .title_bottom(
            Line::from(format!(
                " {}/{} · {} ",
                picker.hits.len(),
                picker.items.len(),
                ui.choose_hint
            ))
            .right_aligned(),
        );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [query, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Line::from(vec![
            Span::styled("> ", styles.accent),
            Span::raw(picker.query.clone()),
            Span::styled("▏", styles.accent),
        ]),
        query,
    );
    let height = list.height as usize;
    let mut offset = picker.offset.get();
    if picker.selected < offset {
        offset = picker.selected;
    } else if picker.selected >= offset + height {
        offset = picker.selected + 1 - height;
    }
    picker.offset.set(offset);
    let width = list.width as usize;
    let matcher = crate::app::fuzzy::Matcher::default();
    let lines: Vec<Line> = picker
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(row, hit)| {
            let item = picker
                .items
                .get(hit.index)
                .cloned()
                .unwrap_or_else(|| format!("{} {}", ui.new_entry, picker.query.trim()));
            let text = truncate(&item, width);
            let positions = picker
                .folded
                .get(hit.index)
                .map(|f| matcher.positions(f, &picker.query))
                .unwrap_or_default();
            let base = if row == picker.selected {
                styles.selected
            } else {
                Style::default()
            };
            let spans: Vec<Span> = text
                .chars()
                .enumerate()
                .map(|(i, ch)| {
                    let style = if positions.binary_search(&i).is_ok() {
                        base.patch(styles.highlight)
                    } else {
                        base
                    };
                    Span::styled(ch.to_string(), style)
                })
                .collect();
            Line::from(spans).style(base)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn draw_help(frame: &mut Frame, area: Rect, app: &App, scroll: u16, styles: &Styles) {
    let ui = crate::i18n::ui(app.config.ui_language);
    let rect = centered(area, area.width.saturating_sub(4).min(100), area.height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(styles.focused_border)
        .title(ui.keys_in_force)
        .title_bottom(Line::from(ui.help_hint).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let language = app.meeting.header.language;
    let mut lines: Vec<Line> = Vec::new();
    for mode in Mode::ALL {
        lines.push(Line::styled(mode.title(ui), styles.accent));
        for (keys, action) in app.keymap.entries_in(mode, app.config.ui_language) {
            let description = match action {
                crate::app::Action::ToggleMark(id) => format!(
                    "{}: {}",
                    ui.mark_prefix,
                    app.config
                        .marks
                        .get(id)
                        .map_or(id.clone(), |d| d.generic_label(language))
                ),
                other => other.description_in(app.config.ui_language).to_owned(),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), styles.bold),
                Span::raw(description),
            ]));
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
