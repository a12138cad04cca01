//! Styles from the configured theme.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Config, parse_color};

pub struct Styles {
    pub bold: Style,
    pub muted: Style,
    pub accent: Style,
    pub title: Style,
    pub selected: Style,
    pub highlight: Style,
    pub ok: Style,
    pub warning: Style,
    pub warning_badge: Style,
    pub error: Style,
    pub border: Style,
    pub focused_border: Style,
    marks: Vec<(String, Style)>,
}

impl Styles {
    pub fn new(config: &Config) -> Self {
        let t = &config.theme;
        Styles {
            bold: Style::new().add_modifier(Modifier::BOLD),
            muted: Style::new().fg(t.muted),
            accent: Style::new().fg(t.accent),
            title: Style::new()
                .fg(t.selection_fg)
                .bg(t.accent)
                .add_modifier(Modifier::BOLD),
            selected: Style::new().fg(t.selection_fg).bg(t.selection_bg),
            highlight: Style::new()
                .fg(t.warning)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ok: Style::new().fg(t.ok),
            warning: Style::new().fg(t.warning),
            warning_badge: Style::new()
                .fg(Color::Black)
                .bg(t.warning)
                .add_modifier(Modifier::BOLD),
            error: Style::new().fg(t.error).add_modifier(Modifier::BOLD),
            border: Style::new().fg(t.muted),
            focused_border: Style::new().fg(t.accent),
            marks: config
                .marks
                .defs
                .iter()
                .map(|d| {
                    let color = parse_color(&d.color).unwrap_or(Color::Gray);
                    let style = Style::new()
                        .fg(Color::Black)
                        .bg(color)
                        .add_modifier(Modifier::BOLD);
                    (d.id.clone(), style)
                })
                .collect(),
        }
    }

    /// The badge of a mark: its key in its colour.
    pub fn mark(&self, id: &str) -> Style {
        self.marks
            .iter()
            .find(|(m, _)| m == id)
            .map_or(Style::new().fg(Color::Black).bg(Color::Gray), |(_, s)| *s)
    }
}
