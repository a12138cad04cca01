//! A key with its modifiers, as a configuration file writes it and as help shows it.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as written in configuration: "j", "G", "ctrl-r", "alt-enter".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        // A typed capital already says Shift; Shift-Tab arrives as BackTab.
        let mods = match code {
            KeyCode::Char(_) | KeyCode::BackTab => mods - KeyModifiers::SHIFT,
            _ => mods,
        };
        Key { code, mods }
    }

    pub fn from_event(event: KeyEvent) -> Self {
        Key::new(event.code, event.modifiers)
    }

    pub fn parse(text: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return None,
                }
            }
        };
        Some(Key::new(code, mods))
    }
}

impl Key {
    /// The key as a configuration file writes it: "j", "ctrl-r", "shift-tab", "down".
    pub fn config_name(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("alt-");
        }
        let code = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "enter".to_owned(),
            KeyCode::Esc => "esc".to_owned(),
            KeyCode::Tab => "tab".to_owned(),
            KeyCode::BackTab => "shift-tab".to_owned(),
            KeyCode::Up => "up".to_owned(),
            KeyCode::Down => "down".to_owned(),
            KeyCode::Left => "left".to_owned(),
            KeyCode::Right => "right".to_owned(),
            KeyCode::Home => "home".to_owned(),
            KeyCode::End => "end".to_owned(),
            KeyCode::PageUp => "pageup".to_owned(),
            KeyCode::PageDown => "pagedown".to_owned(),
            KeyCode::Backspace => "backspace".to_owned(),
            KeyCode::Delete => "delete".to_owned(),
            other => format!("{other:?}").to_lowercase(),
        };
        out + &code
    }
}

impl Key {
    /// The key as help shows it, in the interface's language: "Entrée", "Échap", "Maj-Tab".
    pub fn label(&self, language: crate::model::Language) -> String {
        let english = self.to_string();
        if language == crate::model::Language::En {
            return english;
        }
        let named = [
            ("Shift-Tab", "Maj-Tab"),
            ("Enter", "Entrée"),
            ("Esc", "Échap"),
            ("Space", "Espace"),
            ("Home", "Début"),
            ("End", "Fin"),
            ("PageUp", "PgPréc"),
            ("PageDown", "PgSuiv"),
            ("Backspace", "Retour"),
            ("Delete", "Suppr"),
        ];
        // Only whole key names change: "Ctrl-r" stays, "Alt-Enter" becomes "Alt-Entrée".
        let (mods, name) = match english.rfind('-') {
            Some(i) if i + 1 < english.len() && !english.ends_with("Tab") => {
                english.split_at(i + 1)
            }
            _ => ("", english.as_str()),
        };
        let name = named
            .iter()
            .find(|(en, _)| *en == name)
            .map_or(name, |(_, fr)| fr);
        format!("{mods}{name}")
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::PageUp => write!(f, "PageUp"),
            KeyCode::PageDown => write!(f, "PageDown"),
            KeyCode::Backspace => write!(f, "Backspace"),
            KeyCode::Delete => write!(f, "Delete"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_print_back() {
        for text in [
            "j",
            "G",
            "ctrl-r",
            "alt-enter",
            "shift-tab",
            "?",
            ":",
            "esc",
        ] {
            let key = Key::parse(text).unwrap();
            let shown = key.to_string();
            assert_eq!(
                Key::parse(&shown.replace("Shift-Tab", "shift-tab")),
                Some(key),
                "{text}"
            );
        }
        assert_eq!(
            Key::parse("ctrl-r"),
            Some(Key::new(KeyCode::Char('r'), KeyModifiers::CONTROL))
        );
        assert_eq!(Key::parse("ctrl-"), None);
    }

    #[test]
    fn key_names_in_french() {
        use crate::model::Language::Fr;
        let label = |k: &str| Key::parse(k).unwrap().label(Fr);
        assert_eq!(label("enter"), "Entrée");
        assert_eq!(label("alt-enter"), "Alt-Entrée");
        assert_eq!(label("shift-tab"), "Maj-Tab");
        assert_eq!(label("ctrl-r"), "Ctrl-r");
        assert_eq!(label("-"), "-");
        assert_eq!(label("esc"), "Échap");
    }

    #[test]
    fn capital_letters_match_whatever_shift_says() {
        let typed = Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Some(typed), Key::parse("G"));
    }
}
