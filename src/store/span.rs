//! Finds where a field of the model stands in the file's text, for messages.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::model::{FieldPath, Seg};

/// The span of the deepest value along `path` that the document has. A path whose last
/// key is missing (a mark without its argument) points at the table that lacks it.
pub fn locate(text: &str, path: &FieldPath) -> Option<Range<usize>> {
    Spans::new(text).locate(path)
}

/// A document parsed once, to locate many paths in it (one per problem of a long file).
pub struct Spans<'i> {
    root: Option<toml::Spanned<DeTable<'i>>>,
}

impl<'i> Spans<'i> {
    pub fn new(text: &'i str) -> Self {
        Spans {
            root: DeTable::parse(text).ok(),
        }
    }

    pub fn locate(&self, path: &FieldPath) -> Option<Range<usize>> {
        let root = self.root.as_ref()?;
        let mut span = root.span();
        let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
        let mut value: Option<&DeValue<'_>> = None;
        for seg in &path.0 {
            let next = match (seg, table, value) {
                (Seg::Key(k), Some(t), _) => t.get(k.as_str()),
                (Seg::Key(k), None, Some(DeValue::Table(t))) => t.get(k.as_str()),
                (Seg::Index(i), _, Some(DeValue::Array(a))) => a.get(*i),
                _ => None,
            };
            let Some(next) = next else { break };
            span = next.span();
            table = None;
            value = Some(next.get_ref());
        }
        Some(span)
    }
}

/// The path of the deepest value whose span holds `offset`: the inverse of `locate`.
pub fn path_at(text: &str, offset: usize) -> FieldPath {
    let Ok(root) = DeTable::parse(text) else {
        return FieldPath::root();
    };
    let mut path = FieldPath::root();
    let mut value: Option<&DeValue<'_>> = None;
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    loop {
        let next = match (table, value) {
            (Some(t), _) | (None, Some(DeValue::Table(t))) => t
                .iter()
                .find(|(k, v)| v.span().contains(&offset) || k.span().contains(&offset))
                // A `[table]`'s span may be its header only: take the last key before.
                .or_else(|| {
                    t.iter()
                        .filter(|(k, _)| k.span().start <= offset)
                        .max_by_key(|(k, _)| k.span().start)
                })
                .map(|(k, v)| (Seg::Key(k.get_ref().to_string()), v)),
            (None, Some(DeValue::Array(a))) => a
                .iter()
                .enumerate()
                .find(|(_, v)| v.span().contains(&offset))
                // A `[[table]]`'s span may be its header only: take the last one before.
                .or_else(|| {
                    (a.iter().enumerate())
                        .filter(|(_, v)| v.span().start <= offset)
                        .max_by_key(|(_, v)| v.span().start)
                })
                .map(|(i, v)| (Seg::Index(i), v)),
            _ => None,
        };
        let Some((seg, next)) = next else { break };
        path.0.push(seg);
        table = None;
        value = Some(next.get_ref());
    }
    path
}
