//! Configuration in layers: the built-in `config/default.toml`, then the user's file in
//! the platform configuration directory, then `--config FILE`, merged key by key (a list,
//! such as `marks`, is replaced whole). Every message names the file and line it is about.

use std::path::{Path, PathBuf};

use toml::Table;

use super::settings::{Config, DEFAULT_TOML, HIGH_CONTRAST_TOML};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{fill, msg};
use crate::store::span::{locate, path_at};

fn read(path: &Path) -> Result<String, Diagnostics> {
    crate::store::read_text(path).map_err(|e| match e {
        crate::store::LoadError::Invalid(d) => d,
        other => Diagnostics(vec![Diagnostic::whole_file(
            path,
            other.to_string(),
            msg().config_path_hint,
        )]),
    })
}

/// Reports keys that the built-in configuration does not have, with their line.
fn unknown_keys(
    builtin: &Table,
    layer: &Table,
    file: &Path,
    text: &str,
    prefix: crate::model::FieldPath,
    out: &mut Vec<Diagnostic>,
) {
    for (key, value) in layer {
        let path = prefix.clone().key(key);
        if prefix.0.is_empty() && key == "keys" {
            // Checked with the keymap, when the configuration is read as a whole.
            continue;
        }
        match (builtin.get(key), value) {
            (None, _) => {
                let offset = locate(text, &path).map_or(0, |s| s.start);
                let known: Vec<&str> = builtin.keys().map(String::as_str).collect();
                out.push(Diagnostic::at_offset(
                    file,
                    text,
                    offset,
                    fill(msg().unknown_setting, &[&path]),
                    fill(msg().settings_here, &[&known.join(", ")]),
                ));
            }
            // An empty built-in table is a map the user fills with names of their own
            // (`[export.institutions]`); its entries' fields are checked when it is read.
            (Some(toml::Value::Table(b)), toml::Value::Table(_)) if b.is_empty() => {}
            (Some(toml::Value::Table(b)), toml::Value::Table(l)) => {
                unknown_keys(b, l, file, text, path, out)
            }
            (Some(toml::Value::Array(b)), toml::Value::Array(l)) => {
                // The fields any built-in entry has: some marks take an argument, some not.
                let mut fields = Table::new();
                for entry in b {
                    if let toml::Value::Table(t) = entry {
                        merge(&mut fields, t.clone());
                    }
                }
                if !fields.is_empty() {
                    for (i, item) in l.iter().enumerate() {
                        if let toml::Value::Table(t) = item {
                            unknown_keys(&fields, t, file, text, path.clone().index(i), out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn merge(into: &mut Table, layer: Table) {
    for (key, value) in layer {
        match (into.get_mut(&key), value) {
            (Some(toml::Value::Table(a)), toml::Value::Table(b)) => merge(a, b),
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

/// A user's mark with a built-in mark's id takes the built-in fields it does not write, so
/// that a list written before a field existed (`closes`, `response`, …) keeps the mark's
/// behaviour; its argument's old kind "text" takes the built-in kind (a reason or a title).
fn complete_marks(builtin: &Table, layer: &mut Table) {
    let (Some(toml::Value::Array(ours)), Some(toml::Value::Array(theirs))) =
        (builtin.get("marks"), layer.get_mut("marks"))
    else {
        return;
    };
    for entry in theirs.iter_mut() {
        let toml::Value::Table(theirs) = entry else {
            continue;
        };
        let same = |o: &&Table| o.get("id").is_some_and(|id| theirs.get("id") == Some(id));
        let Some(known) = ours.iter().filter_map(toml::Value::as_table).find(same) else {
            continue;
        };
        let mut whole = known.clone();
        let mut written = theirs.clone();
        if let Some(toml::Value::Table(arg)) = written.get_mut("argument")
            && arg.get("kind").and_then(toml::Value::as_str) == Some("text")
        {
            arg.remove("kind");
        }
        merge(&mut whole, written);
        *theirs = whole;
    }
}

/// The built-in themes besides the default.
pub const THEMES: [&str; 2] = ["default", "high-contrast"];

/// The configuration in force: built-in, then a built-in theme, then the user's file (if
/// any), then `extra`.
pub fn load(
    user: Option<&Path>,
    extra: Option<&Path>,
    theme: Option<&str>,
) -> Result<Config, Diagnostics> {
    let mut layers: Vec<PathBuf> = Vec::new();
    if let Some(user) = user.filter(|p| p.exists()) {
        layers.push(user.to_owned());
    }
    if let Some(extra) = extra {
        layers.push(extra.to_owned());
    }
    // Nothing to layer: the built-in file read once, as it is (at every start).
    if layers.is_empty() && matches!(theme, None | Some("default")) {
        return Config::parse(Path::new("config/default.toml"), DEFAULT_TOML);
    }
    let builtin: Table = toml::from_str(DEFAULT_TOML).expect("the built-in configuration parses");
    let mut merged = builtin.clone();
    match theme {
        None | Some("default") => {}
        Some("high-contrast") => merge(
            &mut merged,
            toml::from_str(HIGH_CONTRAST_TOML).expect("the built-in theme parses"),
        ),
        Some(other) => {
            return Err(Diagnostics(vec![Diagnostic::whole_file(
                Path::new("--theme"),
                fill(msg().unknown_theme, &[&other]),
                fill(msg().use_one_of, &[&THEMES.join(", ")]),
            )]));
        }
    }
    for file in &layers {
        let text = read(file)?;
        let mut table: Table = toml::from_str(&text).map_err(|e| {
            Diagnostics(vec![Diagnostic::at_offset(
                file,
                &text,
                e.span().map_or(0, |s| s.start),
                e.message().trim().replace('\n', " "),
                msg().syntax_hint_short,
            )])
        })?;
        let mut problems = Vec::new();
        unknown_keys(
            &builtin,
            &table,
            file,
            &text,
            crate::model::FieldPath::root(),
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(Diagnostics(problems));
        }
        complete_marks(&builtin, &mut table);
        merge(&mut merged, table);
        // A value of the wrong kind is found on the merged whole, then traced back to
        // the place in this file that set it.
        let whole = toml::to_string(&merged).unwrap_or_default();
        if let Err(errors) = Config::parse(file, &whole) {
            let traced = errors
                .0
                .into_iter()
                .map(|d| {
                    let offset = line_offset(&whole, d.line, d.column);
                    let path = path_at(&whole, offset);
                    let at = locate(&text, &path).map_or(0, |s| s.start);
                    Diagnostic::at_offset(file, &text, at, d.message, d.hint)
                })
                .collect();
            return Err(Diagnostics(traced));
        }
    }
    let whole = toml::to_string(&merged).unwrap_or_default();
    Config::parse(Path::new("config/default.toml"), &whole)
}

/// The byte offset of a 1-based line and character column.
fn line_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    start
        + text[start..]
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum::<usize>()
}

/// The built-in configuration as a commented file for `copil config init`: every setting
/// with its default, each key with what it does.
pub fn commented_defaults() -> String {
    let mut out = format!("{}\n\n", msg().config_init_header);
    let language = crate::i18n::language();
    let mut in_keys = false;
    let defaults = super::comments::in_language(DEFAULT_TOML, language);
    for line in defaults.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            in_keys = trimmed.starts_with("[keys.");
        }
        // Every setting commented out: uncomment only what you change, so that later
        // versions' defaults still reach you.
        if trimmed.is_empty() || trimmed.starts_with('#') {
            out.push_str(line);
        } else {
            out.push_str("# ");
            out.push_str(line);
        }
        let action = line.split_once(" = ").map(|(name, _)| name.trim());
        if let Some(action) = action
            .filter(|_| in_keys)
            .and_then(crate::keys::Action::from_name)
        {
            out.push_str("   # ");
            out.push_str(action.description_in(language));
        }
        out.push('\n');
    }
    out
}
