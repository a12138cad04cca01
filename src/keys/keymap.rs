//! Keys to actions, per mode. The help overlay and the status-line hints read this table,
//! so they always show the keys in force.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::action::Action;
use super::key::Key;
use super::mode::Mode;
use crate::model::Language;

/// The keys in force: `[keys.*]` of the configuration (the built-in `config/default.toml`
/// and the user's), plus the mark keys on the review screen.
#[derive(Clone, Debug)]
pub struct Keymap {
    /// In help order.
    pub bindings: Vec<(Mode, Key, Action)>,
    lookup: HashMap<(Mode, Key), Action>,
    /// The modes that have keys of their own.
    tables: std::collections::HashSet<Mode>,
}

impl Keymap {
    /// The keymap of `bindings`, in help order. The configuration builds it, once, from
    /// the `[keys.*]` tables and the marks' keys, having refused any key bound twice.
    pub fn from_bindings(bindings: Vec<(Mode, Key, Action)>) -> Self {
        let lookup = bindings
            .iter()
            .map(|(m, k, a)| ((*m, *k), a.clone()))
            .collect();
        let tables = bindings.iter().map(|(m, _, _)| *m).collect();
        Keymap {
            bindings,
            lookup,
            tables,
        }
    }

    /// The action of `key` in `mode`; a screen without a table of its own has the keys
    /// every screen shares (`[keys.global]`).
    pub fn action(&self, mode: Mode, key: Key) -> Option<&Action> {
        let shared = || match mode {
            Mode::Screen(_) if !self.tables.contains(&mode) => {
                self.lookup.get(&(Mode::GLOBAL, key))
            }
            _ => None,
        };
        self.lookup.get(&(mode, key)).or_else(shared)
    }

    /// The keys bound to `action` in `mode`, joined for display: "↓ j".
    pub fn keys_for(&self, mode: Mode, action: &Action) -> String {
        self.keys_for_in(mode, action, crate::model::Language::En)
    }

    pub fn keys_for_in(
        &self,
        mode: Mode,
        action: &Action,
        language: crate::model::Language,
    ) -> String {
        self.bindings
            .iter()
            .filter(|(m, _, a)| *m == mode && a == action)
            .map(|(_, k, _)| k.label(language))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn keys_of<'a>(&'a self, mode: Mode, action: &'a Action) -> impl Iterator<Item = &'a Key> {
        self.bindings
            .iter()
            .filter(move |(m, _, a)| *m == mode && a == action)
            .map(|(_, k, _)| k)
    }

    /// The first key of `action` in `mode`, as a sentence names it ("Enter", "↑"); the
    /// action's name when no key is bound to it.
    pub fn first_key(&self, mode: Mode, action: &Action, language: Language) -> String {
        self.keys_of(mode, action)
            .next()
            .map_or_else(|| action.config_name().into_owned(), |k| k.label(language))
    }

    /// The key a person types for `action`: its first plain character ("a" rather than
    /// "Enter"), else its first key.
    pub fn typed_key(&self, mode: Mode, action: &Action, language: Language) -> String {
        let plain = self.keys_of(mode, action).find(|k| {
            matches!(k.code, KeyCode::Char(c) if c != ' ') && k.mods == KeyModifiers::NONE
        });
        plain.map_or_else(
            || self.first_key(mode, action, language),
            |k| k.label(language),
        )
    }

    /// Every key of `action`, as a sentence lists them: "Enter or r".
    pub fn any_key(&self, mode: Mode, action: &Action, language: Language) -> String {
        let or = crate::i18n::ui(language).or;
        let keys: Vec<String> = self
            .keys_of(mode, action)
            .map(|k| k.label(language))
            .collect();
        match keys.is_empty() {
            true => action.config_name().into_owned(),
            false => keys.join(or),
        }
    }

    /// The keys of the marks on the review list: "f r n x m t v".
    pub fn mark_keys(&self) -> String {
        let keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(m, _, a)| *m == Mode::LIST && matches!(a, Action::ToggleMark(_)))
            .map(|(_, k, _)| k.to_string())
            .collect();
        keys.join(" ")
    }

    /// Each action of a mode once, with all its keys, in help order.
    pub fn entries(&self, mode: Mode) -> Vec<(String, &Action)> {
        self.entries_in(mode, crate::model::Language::En)
    }

    pub fn entries_in(
        &self,
        mode: Mode,
        language: crate::model::Language,
    ) -> Vec<(String, &Action)> {
        let mut seen: Vec<&Action> = Vec::new();
        let mut out = Vec::new();
        for (m, _, a) in &self.bindings {
            if *m == mode && !seen.contains(&a) {
                seen.push(a);
                out.push((self.keys_for_in(mode, a, language), a));
            }
        }
        out
    }
}
