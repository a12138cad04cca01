//! The configuration as the program holds it, once read: the types every room of
//! `config` builds or reads, with the built-in files they start from.

use std::str::FromStr;

use ratatui::style::Color;

use crate::model::{Localized, MarkSet};

/// The built-in configuration, as shipped.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

/// The high-contrast light theme, layered on the defaults by `--theme high-contrast`.
pub const HIGH_CONTRAST_TOML: &str = include_str!("../../config/high-contrast.toml");

#[derive(Clone, Debug)]
pub struct Config {
    /// The language of the interface (the record has the meeting's own).
    pub ui_language: crate::model::Language,
    pub marks: MarkSet,
    /// The keys in force, from `[keys.*]` and the marks.
    pub keymap: crate::keys::Keymap,
    pub phrases: Vec<Localized>,
    pub theme: Theme,
    /// What the record shows (`[export]`).
    pub export: crate::record::Options,
    /// The formats `E` writes (`[export] formats`).
    pub export_formats: Vec<crate::export::Format>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    /// False under `NO_COLOR`: the screen then uses bold and reverse video only.
    pub color: bool,
    pub background: Color,
    pub foreground: Color,
    pub accent: Color,
    pub muted: Color,
    pub selection_fg: Color,
    pub selection_bg: Color,
    pub ok: Color,
    pub warning: Color,
    pub error: Color,
}

/// Colour names as written in the config: ratatui's names, with dashes or spaces allowed.
pub fn parse_color(name: &str) -> Option<Color> {
    let name = name.trim();
    if name.eq_ignore_ascii_case("reset") {
        return Some(Color::Reset);
    }
    Color::from_str(&name.replace('-', " ")).ok()
}
