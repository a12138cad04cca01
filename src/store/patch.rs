//! Saving a file a person wrote without rewriting it. The meeting is written in copil's
//! layout, then laid over the file as it is: every part whose value did not change keeps
//! its text — comments, blank lines, key order, quoting — and only changed or new parts take
//! the house style. Commitments are matched by number, other tables by their place.

use std::collections::HashMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// `new` (copil's layout) laid over `old` (the file as it is); `None` when either is not
/// TOML.
pub fn patch(old: &str, new: &str) -> Option<String> {
    let mut doc: DocumentMut = old.parse().ok()?;
    let new: DocumentMut = new.parse().ok()?;
    patch_table(doc.as_table_mut(), new.as_table());
    Some(doc.to_string())
}

fn patch_table(old: &mut Table, new: &Table) {
    let gone: Vec<String> = old
        .iter()
        .map(|(k, _)| k.to_owned())
        .filter(|k| !new.contains_key(k))
        .collect();
    for key in gone {
        old.remove(&key);
    }
    for (key, item) in new.iter() {
        match old.get_mut(key) {
            Some(current) => patch_item(current, item),
            None => {
                old.insert(key, fresh(item));
            }
        }
    }
}

fn patch_item(old: &mut Item, new: &Item) {
    if same_item(old, new) {
        return;
    }
    match (&mut *old, new) {
        (Item::Table(o), Item::Table(n)) => patch_table(o, n),
        (Item::ArrayOfTables(o), Item::ArrayOfTables(n)) => patch_tables(o, n),
        (Item::Value(o), Item::Value(n)) => {
            // The comment after the value stays with it.
            let decor = o.decor().clone();
            let mut value = n.clone();
            *value.decor_mut() = decor;
            *o = value;
        }
        (o, n) => *o = fresh(n),
    }
}

/// Elements matched by their `number` when they have one (commitments), else by place.
fn patch_tables(old: &mut ArrayOfTables, new: &ArrayOfTables) {
    let number = |t: &Table| t.get("number").and_then(Item::as_integer);
    let mut olds: Vec<Option<Table>> = old.iter().cloned().map(Some).collect();
    let by_number: HashMap<i64, usize> = olds
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.as_ref().and_then(number).map(|n| (n, i)))
        .collect();
    let mut result = ArrayOfTables::new();
    for (i, table) in new.iter().enumerate() {
        let at = match number(table) {
            Some(n) => by_number.get(&n).copied(),
            None => Some(i),
        };
        match at.and_then(|j| olds.get_mut(j)).and_then(Option::take) {
            Some(mut kept) => {
                patch_table(&mut kept, table);
                result.push(kept);
            }
            None => {
                let mut table = table.clone();
                unplace(&mut table);
                result.push(table);
            }
        }
    }
    *old = result;
}

/// A part of the new text, without its place in that text: it goes after the part before
/// it in the file.
fn fresh(item: &Item) -> Item {
    let mut item = item.clone();
    match &mut item {
        Item::Table(t) => unplace(t),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(unplace),
        _ => {}
    }
    item
}

fn unplace(table: &mut Table) {
    table.set_position(None);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => unplace(t),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(unplace),
            _ => {}
        }
    }
}

/// The same values, however they are written.
fn same_item(a: &Item, b: &Item) -> bool {
    match (a, b) {
        (Item::None, Item::None) => true,
        (Item::Value(x), Item::Value(y)) => same_value(x, y),
        (Item::Table(x), Item::Table(y)) => same_table(x, y),
        (Item::ArrayOfTables(x), Item::ArrayOfTables(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(s, t)| same_table(s, t))
        }
        _ => false,
    }
}

fn same_table(a: &Table, b: &Table) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| same_item(v, w)))
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(s, t)| same_value(s, t))
        }
        (Value::InlineTable(x), Value::InlineTable(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_parts_keep_their_comments_and_changed_ones_change() {
        let old = "# my notes\n[meeting]\ntitle = 'Réunion' # single quotes\n\n# who came\n[[commitments]]\nnumber = 1\n# inferred\ntitle = \"A\"\n\n[[commitments]]\nnumber = 2\ntitle = \"B\" # keep me\n";
        let new = "[meeting]\ntitle = \"Réunion\"\n\n[[commitments]]\nnumber = 1\ntitle = \"A\"\nobservations = [\"x\"]\n\n[[commitments]]\nnumber = 2\ntitle = \"B2\"\n\n[[commitments]]\nnumber = 3\ntitle = \"C\"\n";
        let out = patch(old, new).unwrap();
        assert!(
            out.starts_with("# my notes\n[meeting]\ntitle = 'Réunion' # single quotes\n"),
            "{out}"
        );
        assert!(out.contains("# who came\n[[commitments]]\nnumber = 1\n# inferred\ntitle = \"A\"\nobservations = [\"x\"]\n"), "{out}");
        assert!(out.contains("title = \"B2\" # keep me\n"), "{out}");
        assert!(
            out.trim_end().ends_with("number = 3\ntitle = \"C\""),
            "{out}"
        );
    }
}
