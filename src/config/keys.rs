//! The `[keys.*]` tables: the built-in ones of `config/default.toml` and the user's, read
//! by the same code into the keymap, checked once: known modes, known actions, keys that
//! parse, and no key bound to two things in one mode. Every problem names its place.

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::diag::Diagnostic;
use crate::i18n::{fill, msg};
use crate::keys::{Action, Key, Keymap, Mode};
use crate::model::{FieldPath, MarkSet};
use crate::store::span::locate;

/// What users call the review screen's list: `[keys.review]` is `[keys.list]`.
const ALIASES: [(&str, Mode); 1] = [("review", Mode::LIST)];

/// The screens' modes: the tables of keys of the built-in configuration that name no layer
/// and are not `[keys.global]`, in its order.
pub fn screen_modes() -> Vec<Mode> {
    let tables = (super::DEFAULT_TOML.lines())
        .filter_map(|l| l.trim().strip_prefix("[keys.")?.strip_suffix(']'));
    tables
        .filter(|name| *name != GLOBAL && Mode::layer_named(name).is_none())
        .map(Mode::Screen)
        .collect()
}

/// Every mode, in the built-in configuration's order: the screens' (the review's list and
/// observations first), the editor after them, then the other layers.
pub fn modes() -> Vec<Mode> {
    let mut all = screen_modes();
    let at = all.len().min(2);
    all.insert(at, Mode::Editor);
    all.extend(Mode::LAYERS.into_iter().filter(|m| *m != Mode::Editor));
    all
}

fn mode_named(name: &str) -> Option<Mode> {
    let screen = || screen_modes().into_iter().find(|m| m.name() == name);
    let alias = || ALIASES.iter().find(|(a, _)| *a == name).map(|(_, m)| *m);
    Mode::layer_named(name).or_else(screen).or_else(alias)
}

/// Whether a screen of that name exists, for `screen_NAME`: a screen's table of keys, or
/// an alias (`review`).
fn is_screen(name: &str) -> bool {
    screen_modes().iter().any(|m| m.name() == name) || ALIASES.iter().any(|(a, _)| *a == name)
}

/// The keymap of the `keys` table of `text` (the configuration file `file`), with the mark
/// keys on the review screen.
pub fn keymap(
    keys: &toml::Table,
    marks: &MarkSet,
    file: &Path,
    text: &str,
) -> Result<Keymap, Vec<Diagnostic>> {
    let places = Places { file, text };
    let mut errors = Vec::new();
    let mut bindings = read(keys, &places, &mut errors);
    for mode in [Mode::LIST, Mode::OBSERVATIONS] {
        for (i, def) in marks.defs.iter().enumerate() {
            let key = Key::new(KeyCode::Char(def.key), KeyModifiers::NONE);
            let path = FieldPath::root().key("marks").index(i).key("key");
            bindings.push((mode, key, Action::ToggleMark(def.id.clone()), Some(path)));
        }
    }
    conflicts(&bindings, &places, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let bindings = bindings.into_iter().map(|(m, k, a, _)| (m, k, a)).collect();
    Ok(Keymap::from_bindings(bindings))
}

/// A binding with the place in the file that made it, for a conflict to point at.
type Placed = (Mode, Key, Action, Option<FieldPath>);

/// Where in the configuration a problem is.
struct Places<'a> {
    file: &'a Path,
    text: &'a str,
}

impl Places<'_> {
    fn problem(&self, path: &FieldPath, message: String, hint: String) -> Diagnostic {
        let offset = locate(self.text, path).map_or(0, |s| s.start);
        Diagnostic::at_offset(self.file, self.text, offset, message, hint)
    }
}

/// The table of keys every screen shares (undo, save, help, export, the screen digits).
const GLOBAL: &str = "global";

/// Every `[keys.<mode>]` entry as bindings, then `[keys.global]` on every screen but where
/// the screen's own table binds the same key or the same action (it overrides it);
/// unknown modes, actions and keys as problems.
fn read(keys: &toml::Table, places: &Places, errors: &mut Vec<Diagnostic>) -> Vec<Placed> {
    let mut bindings: Vec<Placed> = Vec::new();
    let mut global: Vec<Placed> = Vec::new();
    for (mode_name, actions) in keys {
        let mode_path = FieldPath::root().key("keys").key(mode_name);
        let table = (mode_name.as_str(), &mode_path, actions);
        if mode_name == GLOBAL {
            read_table(&mut global, Mode::LIST, table, places, errors);
            continue;
        }
        let Some(mode) = mode_named(mode_name) else {
            let known: Vec<&str> = modes().iter().map(|m| m.name()).collect();
            let known = known.join(", ");
            errors.push(places.problem(
                &mode_path,
                fill(msg().unknown_key_table, &[mode_name]),
                fill(msg().use_one_of, &[&known]),
            ));
            continue;
        };
        read_table(&mut bindings, mode, table, places, errors);
    }
    for mode in screen_modes().into_iter().chain([Mode::GLOBAL]) {
        for (_, key, action, path) in &global {
            let own = |(m, k, a, _): &Placed| *m == mode && (k == key || a == action);
            if !bindings.iter().any(own) {
                bindings.push((mode, *key, action.clone(), path.clone()));
            }
        }
    }
    bindings
}

/// The entries of one `[keys.<mode>]` table into `bindings`.
fn read_table(
    bindings: &mut Vec<Placed>,
    mode: Mode,
    (mode_name, mode_path, actions): (&str, &FieldPath, &toml::Value),
    places: &Places,
    errors: &mut Vec<Diagnostic>,
) {
    for (action_name, value) in actions.as_table().into_iter().flatten() {
        let path = mode_path.clone().key(action_name);
        let action = Action::from_name(action_name);
        let unknown = |a: &Action| matches!(a, Action::Show(screen) if !is_screen(screen));
        let Some(action) = action.filter(|a| !unknown(a)) else {
            errors.push(places.problem(
                &path,
                fill(msg().unknown_action, &[action_name, &mode_name]),
                msg().unknown_action_hint.to_owned(),
            ));
            continue;
        };
        // Quitting from where text is typed would drop the text.
        if action == Action::Quit && mode.types_text() {
            errors.push(places.problem(
                &path,
                fill(msg().quit_in_text_mode, &[&mode_name]),
                msg().quit_in_text_mode_hint.to_owned(),
            ));
            continue;
        }
        // An alias's entry takes the place of the same action's entry.
        bindings.retain(|(m, _, a, _)| !(*m == mode && *a == action));
        let values = match value {
            toml::Value::Array(list) => list.iter().collect(),
            other => vec![other],
        };
        for value in values {
            match value.as_str().and_then(Key::parse) {
                Some(key) => bindings.push((mode, key, action.clone(), Some(path.clone()))),
                None => errors.push(places.problem(
                    &path,
                    fill(msg().not_a_key, &[value, action_name, &mode_name]),
                    msg().not_a_key_hint.to_owned(),
                )),
            }
        }
    }
}

/// One key bound to two actions in the same mode is a problem, at the later binding.
fn conflicts(bindings: &[Placed], places: &Places, errors: &mut Vec<Diagnostic>) {
    for (i, (mode, key, action, path)) in bindings.iter().enumerate() {
        let earlier = bindings[..i]
            .iter()
            .find(|(m, k, a, _)| m == mode && k == key && a != action);
        if let Some((_, _, other, other_path)) = earlier {
            // The later binding's place, or the earlier's when this file does not hold it
            // (a mark of the built-in list).
            let here = |p: &&FieldPath| locate(places.text, p).is_some();
            let at = (path.as_ref().filter(here)).or(other_path.as_ref().filter(here));
            let message = fill(
                msg().key_conflict,
                &[
                    &mode.name(),
                    &key.config_name(),
                    &other.config_name(),
                    &action.config_name(),
                ],
            );
            let hint = msg().key_conflict_help.to_owned();
            errors.push(match at {
                Some(at) => places.problem(at, message, hint),
                None => Diagnostic::whole_file(places.file, message, hint),
            });
        }
    }
}
