//! Keys to actions, per mode. The help overlay and the status-line hints read this table,
//! so they always show the keys in force.

use std::collections::HashMap;

use super::action::Action;
use super::key::Key;
use super::mode::Mode;

/// The keys in force: `[keys.*]` of the configuration (the built-in `config/default.toml`
/// and the user's), plus the mark keys on the review screen.
#[derive(Clone, Debug)]
pub struct Keymap {
    /// In help order.
    pub bindings: Vec<(Mode, Key, Action)>,
    lookup: HashMap<(Mode, Key), Action>,
}

impl Keymap {
    /// The keymap of `bindings`, in help order. The configuration builds it, once, from
    /// the `[keys.*]` tables and the marks' keys, having refused any key bound twice.
    pub fn from_bindings(bindings: Vec<(Mode, Key, Action)>) -> Self {
        let lookup = bindings
            .iter()
            .map(|(m, k, a)| ((*m, *k), a.clone()))
            .collect();
        Keymap { bindings, lookup }
    }

    pub fn action(&self, mode: Mode, key: Key) -> Option<&Action> {
        self.lookup.get(&(mode, key))
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
