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
/// Each new table laid over its old one: commitments by number; the others (participants,
/// decisions, points, remarks) by content first, so that an entry added or removed in the middle
/// moves none of the others, then by place after the entry matched before them (an entry
/// changed in place). What matches nothing is new, in the house style.
fn patch_tables(old: &mut ArrayOfTables, new: &ArrayOfTables) {
    // A number names an entry only where no two share it (remarks carry their
    // commitment's number, several to one).
    let numbers = |a: &ArrayOfTables| {
        let all: Vec<i64> = (a.iter())
            .filter_map(|t| t.get("number")?.as_integer())
            .collect();
        all.len() == all.iter().collect::<std::collections::HashSet<_>>().len()
    };
    let keyed = numbers(old) && numbers(new);
    let number = |t: &Table| t.get("number").and_then(Item::as_integer).filter(|_| keyed);
    let mut olds: Vec<Option<Table>> = old.iter().cloned().map(Some).collect();
    let matched = match_tables(old, new, number);
    let mut result = ArrayOfTables::new();
    for (table, at) in new.iter().zip(matched) {
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

/// For each new table, the old one it replaces, if any.
fn match_tables(
    old: &ArrayOfTables,
    new: &ArrayOfTables,
    number: impl Fn(&Table) -> Option<i64>,
) -> Vec<Option<usize>> {
    let olds: Vec<&Table> = old.iter().collect();
    let by_number: HashMap<i64, usize> = (olds.iter().enumerate())
        .filter_map(|(i, t)| number(t).map(|n| (n, i)))
        .collect();
    let mut used = vec![false; olds.len()];
    let mut taken = vec![None; new.len()];
    let mut from = 0;
    for (i, table) in new.iter().enumerate() {
        let at = match number(table) {
            Some(n) => by_number.get(&n).copied(),
            None => (from..olds.len())
                .find(|&j| !used[j] && number(olds[j]).is_none() && same_table(olds[j], table)),
        };
        if let Some(j) = at.filter(|&j| !used[j]) {
            used[j] = true;
            taken[i] = Some(j);
            if number(table).is_none() {
                from = j + 1;
            }
        }
    }
    // An entry changed in place: the old one left that shares most values with it (ties
    // to the nearest after the entry matched before it); none shared, it is new.
    let mut before: Option<usize> = None;
    for (i, table) in new.iter().enumerate() {
        if taken[i].is_none() && number(table).is_none() {
            let start = before.map_or(0, |b| b + 1);
            let shared = |t: &Table| {
                (t.iter())
                    .filter(|(k, v)| table.get(k).is_some_and(|w| same_item(v, w)))
                    .count()
            };
            let best = (0..olds.len())
                .filter(|&j| !used[j] && number(olds[j]).is_none())
                .map(|j| (shared(olds[j]), std::cmp::Reverse(j.abs_diff(start)), j))
                .filter(|(n, _, _)| *n > 0)
                .max();
            if let Some((_, _, j)) = best {
                used[j] = true;
                taken[i] = Some(j);
            }
        }
        before = taken[i].or(before);
    }
    taken
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

    #[test]
    fn an_entry_added_in_the_middle_moves_no_comment_and_rewrites_no_other() {
        let person = |name: &str, org: &str| {
            format!("[[participants]]\nname = \"{name}\"\norganization = \"{org}\"\n")
        };
        let old = format!(
            "{}\n{}\n# Those who sent word.\n[[participants]]\norganization = \"C\"\nname = \"Cy\"\n",
            person("Ann", "A"),
            person("Bob", "B")
        );
        // A late arrival of B, after Bob: copil writes every entry in its own order.
        let new = [("Ann", "A"), ("Bob", "B"), ("Bea", "B"), ("Cy", "C")]
            .map(|(n, o)| person(n, o))
            .join("\n");
        let out = patch(&old, &new).unwrap();
        let cy = out
            .find("# Those who sent word.\n[[participants]]\norganization = \"C\"\nname = \"Cy\"");
        assert!(
            cy.is_some(),
            "the comment stays above Cy, Cy's keys in their order:\n{out}"
        );
        assert!(out.find("Bea").unwrap() < cy.unwrap(), "{out}");
        // A change in place still keeps the entry's comment.
        let changed = new.replace("name = \"Cy\"", "name = \"Cyd\"");
        let out = patch(&old, &changed).unwrap();
        let cyd = out
            .find("# Those who sent word.\n[[participants]]\norganization = \"C\"\nname = \"Cyd\"");
        assert!(cyd.is_some(), "{out}");
        assert!(out.find("Bea").unwrap() < cyd.unwrap(), "{out}");
    }

    #[test]
    fn two_remarks_on_one_commitment_keep_their_own_comments() {
        let remark = |text: &str| format!("[[remarks]]\nnumber = 2\ntext = \"{text}\"\n");
        let old = format!(
            "{}\n# from the association\n{}",
            remark("one"),
            remark("two")
        );
        let new = [remark("zero"), remark("one"), remark("two")].join("\n");
        let out = patch(&old, &new).unwrap();
        assert!(
            out.contains("# from the association\n[[remarks]]\nnumber = 2\ntext = \"two\""),
            "{out}"
        );
    }
}
