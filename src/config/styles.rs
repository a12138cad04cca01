//! Styles from the configured theme.

use ratatui::style::{Color, Modifier, Style};

use super::settings::{Config, parse_color};

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
    /// The whole screen's colours: the terminal's own, or the theme's.
    pub base: Style,
    marks: Vec<(String, Style)>,
    mark_fallback: Style,
}

impl Styles {
    pub fn new(config: &Config) -> Self {
        let t = &config.theme;
        if !t.color {
            return Styles::monochrome();
        }
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
            base: Style::new().fg(t.foreground).bg(t.background),
            mark_fallback: Style::new().fg(Color::Black).bg(Color::Gray),
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

    /// Bold, underline and reverse video only, for `NO_COLOR`.
    fn monochrome() -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Styles {
            base: plain,
            bold,
            muted: plain,
            accent: bold,
            title: reversed.add_modifier(Modifier::BOLD),
            selected: reversed,
            highlight: bold.add_modifier(Modifier::UNDERLINED),
            ok: plain,
            warning: bold,
            warning_badge: reversed.add_modifier(Modifier::BOLD),
            error: bold,
            border: plain,
            focused_border: bold,
            marks: Vec::new(),
            mark_fallback: reversed.add_modifier(Modifier::BOLD),
        }
    }

    /// The badge of a mark: its key in its colour.
    pub fn mark(&self, id: &str) -> Style {
        self.marks
            .iter()
            .find(|(m, _)| m == id)
            .map_or(self.mark_fallback, |(_, s)| *s)
    }
}
