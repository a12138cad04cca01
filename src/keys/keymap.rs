//! Keys to actions, per mode. The help overlay and the status-line hints read this table,
//! so they always show the keys in force.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::action::Action;
use super::key::Key;
use super::mode::Mode;
use crate::model::MarkSet;

/// The default keys of each mode, in the order help lists them.
const DEFAULTS: &[(Mode, &str, &str)] = &[
    (Mode::List, "down", "move_down"),
    (Mode::List, "j", "move_down"),
    (Mode::List, "up", "move_up"),
    (Mode::List, "k", "move_up"),
    (Mode::List, "g", "first"),
    (Mode::List, "home", "first"),
    (Mode::List, "G", "last"),
    (Mode::List, "end", "last"),
    (Mode::List, ":", "goto_number"),
    (Mode::List, "/", "search"),
    (Mode::List, "enter", "add_observation"),
    (Mode::List, "a", "add_observation"),
    (Mode::List, "tab", "toggle_focus"),
    (Mode::List, "p", "pick_phrase"),
    (Mode::List, "u", "undo"),
    (Mode::List, "ctrl-r", "redo"),
    (Mode::List, "F", "filter"),
    (Mode::List, "ctrl-s", "save"),
    (Mode::List, "?", "help"),
    (Mode::List, "P", "presentation"),
    (Mode::List, "q", "quit"),
    (Mode::Observations, "down", "next_observation"),
    (Mode::Observations, "j", "next_observation"),
    (Mode::Observations, "up", "prev_observation"),
    (Mode::Observations, "k", "prev_observation"),
    (Mode::Observations, "e", "edit_observation"),
    (Mode::Observations, "b", "attribute"),
    (Mode::Observations, "d", "delete_observation"),
    (Mode::Observations, ">", "indent"),
    (Mode::Observations, "<", "outdent"),
    (Mode::Observations, "enter", "add_observation"),
    (Mode::Observations, "a", "add_observation"),
    (Mode::Observations, "tab", "toggle_focus"),
    (Mode::Observations, "p", "pick_phrase"),
    (Mode::Observations, "u", "undo"),
    (Mode::Observations, "ctrl-r", "redo"),
    (Mode::Observations, "ctrl-s", "save"),
    (Mode::Observations, "?", "help"),
    (Mode::Observations, "P", "presentation"),
    (Mode::Observations, "q", "quit"),
    (Mode::Editor, "enter", "commit_bullet"),
    (Mode::Editor, "esc", "close_editor"),
    (Mode::Editor, "tab", "sub_bullet"),
    (Mode::Editor, "shift-tab", "bullet"),
    (Mode::Editor, "alt-enter", "line_break"),
    (Mode::Editor, "ctrl-p", "insert_phrase"),
    (Mode::Editor, "ctrl-o", "attribute"),
    (Mode::Attendance, "down", "next"),
    (Mode::Attendance, "j", "next"),
    (Mode::Attendance, "up", "prev"),
    (Mode::Attendance, "k", "prev"),
    (Mode::Attendance, "g", "top"),
    (Mode::Attendance, "G", "bottom"),
    (Mode::Attendance, "p", "present"),
    (Mode::Attendance, "a", "absent"),
    (Mode::Attendance, "e", "excused"),
    (Mode::Attendance, "r", "represented_by"),
    (Mode::Attendance, "P", "everyone_present"),
    (Mode::Attendance, "n", "add_participant"),
    (Mode::Attendance, "d", "delete_item"),
    (Mode::Points, "down", "next"),
    (Mode::Points, "j", "next"),
    (Mode::Points, "up", "prev"),
    (Mode::Points, "k", "prev"),
    (Mode::Points, "g", "top"),
    (Mode::Points, "G", "bottom"),
    (Mode::Points, "enter", "edit_item"),
    (Mode::Points, "e", "edit_item"),
    (Mode::Points, "a", "add_item"),
    (Mode::Points, "R", "rename_item"),
    (Mode::Points, "d", "delete_item"),
    (Mode::Points, "J", "move_item_down"),
    (Mode::Points, "K", "move_item_up"),
    (Mode::Points, "T", "set_table"),
    (Mode::Decisions, "down", "next"),
    (Mode::Decisions, "j", "next"),
    (Mode::Decisions, "up", "prev"),
    (Mode::Decisions, "k", "prev"),
    (Mode::Decisions, "g", "top"),
    (Mode::Decisions, "G", "bottom"),
    (Mode::Decisions, "a", "add_item"),
    (Mode::Decisions, "enter", "edit_item"),
    (Mode::Decisions, "e", "edit_item"),
    (Mode::Decisions, "D", "set_deadline"),
    (Mode::Decisions, "o", "set_owner"),
    (Mode::Decisions, "d", "delete_item"),
    (Mode::Decisions, "J", "move_item_down"),
    (Mode::Decisions, "K", "move_item_up"),
    (Mode::Preview, "down", "next"),
    (Mode::Preview, "j", "next"),
    (Mode::Preview, "up", "prev"),
    (Mode::Preview, "k", "prev"),
    (Mode::Preview, "pagedown", "page_down"),
    (Mode::Preview, "space", "page_down"),
    (Mode::Preview, "pageup", "page_up"),
    (Mode::Preview, "g", "top"),
    (Mode::Preview, "G", "bottom"),
    (Mode::Text, "esc", "close_text"),
    (Mode::Recovery, "enter", "restore"),
    (Mode::Recovery, "r", "restore"),
    (Mode::Recovery, "s", "set_aside"),
    (Mode::Picker, "enter", "confirm"),
    (Mode::Picker, "esc", "cancel"),
    (Mode::Picker, "down", "picker_down"),
    (Mode::Picker, "up", "picker_up"),
    (Mode::Prompt, "enter", "confirm"),
    (Mode::Prompt, "esc", "cancel"),
    (Mode::Help, "esc", "close_help"),
    (Mode::Help, "?", "close_help"),
    (Mode::Help, "q", "close_help"),
    (Mode::Help, "down", "help_down"),
    (Mode::Help, "j", "help_down"),
    (Mode::Help, "up", "help_up"),
    (Mode::Help, "k", "help_up"),
];

/// The keys in force: the defaults, plus the mark keys of the configured mark set on the
/// review screen.
#[derive(Clone, Debug)]
pub struct Keymap {
    /// In help order.
    pub bindings: Vec<(Mode, Key, Action)>,
    lookup: HashMap<(Mode, Key), Action>,
}

impl Keymap {
    /// The default keys, with the configuration's `[keys.MODE]` tables applied: an action
    /// named there takes exactly the keys given, in that mode.
    pub fn configured(
        marks: &MarkSet,
        overrides: &[(String, String, Vec<String>)],
    ) -> Result<Self, String> {
        let mut keymap = Keymap::new(marks);
        for (mode, action, keys) in overrides {
            let (Some(mode), Some(action)) = (Mode::from_name(mode), Action::from_name(action))
            else {
                continue;
            };
            // The new keys take the place of the old ones, so help keeps its order.
            let at = keymap
                .bindings
                .iter()
                .position(|(m, _, a)| *m == mode && *a == action)
                .unwrap_or(keymap.bindings.len());
            keymap
                .bindings
                .retain(|(m, _, a)| !(*m == mode && *a == action));
            let at = at.min(keymap.bindings.len());
            for (i, key) in keys.iter().filter_map(|k| Key::parse(k)).enumerate() {
                keymap.bindings.insert(at + i, (mode, key, action.clone()));
            }
        }
        let mut conflicts = Vec::new();
        for (i, (mode, key, action)) in keymap.bindings.iter().enumerate() {
            if let Some((_, _, other)) = keymap.bindings[..i]
                .iter()
                .find(|(m, k, a)| m == mode && k == key && a != action)
            {
                conflicts.push(crate::i18n::fill(
                    crate::i18n::msg().key_conflict,
                    &[
                        &mode.name(),
                        &key.config_name(),
                        &other.name(),
                        &action.name(),
                    ],
                ));
            }
        }
        if !conflicts.is_empty() {
            return Err(crate::i18n::fill(
                crate::i18n::msg().key_conflict_hint,
                &[&conflicts.join("; ")],
            ));
        }
        keymap.lookup = keymap
            .bindings
            .iter()
            .map(|(m, k, a)| ((*m, *k), a.clone()))
            .collect();
        Ok(keymap)
    }

    pub fn new(marks: &MarkSet) -> Self {
        let mut bindings = Vec::new();
        for &(mode, key, action) in DEFAULTS {
            let key = Key::parse(key).expect("default keys parse");
            let action = Action::from_name(action).expect("default actions exist");
            bindings.push((mode, key, action));
        }
        // Keys that work on every screen.
        for mode in Mode::SCREENS {
            for (key, action) in [
                ("1", "screen_attendance"),
                ("2", "screen_points"),
                ("3", "screen_review"),
                ("4", "screen_decisions"),
                ("5", "screen_preview"),
                ("u", "undo"),
                ("ctrl-r", "redo"),
                ("ctrl-s", "save"),
                ("E", "export"),
                ("?", "help"),
                ("q", "quit"),
            ] {
                let key = Key::parse(key).expect("global keys parse");
                if !bindings.iter().any(|(m, k, _)| *m == mode && *k == key) {
                    let action = Action::from_name(action).expect("global actions exist");
                    bindings.push((mode, key, action));
                }
            }
        }
        for mode in [Mode::List, Mode::Observations] {
            for def in &marks.defs {
                let key = Key::new(KeyCode::Char(def.key), KeyModifiers::NONE);
                bindings.push((mode, key, Action::ToggleMark(def.id.clone())));
            }
        }
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
