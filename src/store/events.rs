//! Commitments read straight from the TOML parser's events, without building toml's
//! document tree: the usual fields, in the shapes a meeting file has. Anything else —
//! another table, a dotted key, a key given twice, an unknown field, a value of another
//! kind, any syntax error — and the reader gives up (`None`), so that serde reads the piece
//! and reports on it. toml_parser does the lexing, the grammar and the decoding of strings
//! and numbers; this only says where each value goes.

use std::borrow::Cow;

use chrono::NaiveDateTime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, ValidateWhitespace, parse_document};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

use super::format::{nfc, one_line};
use crate::model::{Commitment, Mark, MarkArg, MarkSet, Observation};

/// The `[[commitments]]` tables of `text`, or `None` when anything in it is unusual.
pub fn commitments(text: &str, marks: &MarkSet) -> Option<Vec<Commitment>> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut reader = Reader {
        text,
        marks,
        place: Place::Start,
        done: Vec::new(),
        item: None,
        failed: false,
    };
    let mut errors: Vec<ParseError> = Vec::new();
    parse_document(
        &tokens,
        &mut ValidateWhitespace::new(&mut reader, source),
        &mut errors,
    );
    if !errors.is_empty() || reader.failed {
        return None;
    }
    reader.close_item()?;
    Some(reader.done)
}

/// The fields of a commitment, as bits of the set of those already given.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Number = 1,
    Title = 2,
    Institution = 4,
    Summary = 8,
    Observations = 16,
    History = 32,
    SecondsSpent = 64,
    LastDiscussed = 128,
    Marks = 256,
    Carried = 512,
}

impl Field {
    fn from_key(key: &str) -> Option<Field> {
        Some(match key {
            "number" => Field::Number,
            "title" => Field::Title,
            "institution" => Field::Institution,
            "summary" => Field::Summary,
            "observations" => Field::Observations,
            "history" => Field::History,
            "seconds_spent" => Field::SecondsSpent,
            "last_discussed" => Field::LastDiscussed,
            "marks" => Field::Marks,
            "carried" => Field::Carried,
            _ => return None,
        })
    }
}

/// One `{ … }` of an observation or mark list, its keys in any order.
#[derive(Default)]
struct Entry<'i> {
    // Keys borrow from the text: no allocation per observation for "text" or "level".
    keys: Vec<(Cow<'i, str>, Scalar)>,
    key: Option<Cow<'i, str>>,
}

enum Scalar {
    Text(String),
    Integer(i64),
}

enum Place<'i> {
    /// Before the first table.
    Start,
    /// Inside `[[ … ]]`, and whether its name was read.
    Header(bool),
    /// In a commitment's table; a key read and waiting for its value.
    Table(Option<Field>),
    /// In the list of `Field`.
    List(Field),
    /// In one entry of the list of `Field`.
    Entry(Field, Entry<'i>),
}

struct Item {
    commitment: Commitment,
    given: u16,
}

struct Reader<'i, 'm> {
    text: &'i str,
    marks: &'m MarkSet,
    place: Place<'i>,
    done: Vec<Commitment>,
    item: Option<Item>,
    failed: bool,
}

impl<'i> Reader<'i, '_> {
    /// The source of a token; `None` (never expected) rather than a panic on a bad span.
    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<Raw<'i>> {
        let text = self.text.get(span.start()..span.end())?;
        Some(Raw::new_unchecked(text, encoding, span))
    }

    /// Files the commitment being read; `None` if it lacks its number or title.
    fn close_item(&mut self) -> Option<()> {
        if let Some(item) = self.item.take() {
            let required = Field::Number as u16 | Field::Title as u16;
            if item.given & required != required {
                return None;
            }
            self.done.push(item.commitment);
        }
        Some(())
    }

    fn scalar_of(
        &self,
        span: Span,
        encoding: Option<Encoding>,
        error: &mut dyn ErrorSink,
    ) -> Option<(ScalarKind, Cow<'i, str>)> {
        let mut decoded = Cow::Borrowed("");
        let kind = self.raw(span, encoding)?.decode_scalar(&mut decoded, error);
        Some((kind, decoded))
    }

    /// Puts a top-level value in its field.
    fn set(&mut self, field: Field, kind: ScalarKind, value: Cow<'_, str>) -> Option<()> {
        let c = &mut self.item.as_mut()?.commitment;
        match (field, kind) {
            (Field::Number, ScalarKind::Integer(radix)) => {
                c.number = u32::try_from(integer(&value, radix.value())?).ok()?;
            }
            (Field::SecondsSpent, ScalarKind::Integer(radix)) => {
                c.seconds_spent = u64::try_from(integer(&value, radix.value())?).ok()?;
            }
            (Field::Carried, ScalarKind::Boolean(b)) => c.carried = b,
            (Field::Title, ScalarKind::String) => c.title = one_line(value.into_owned()),
            (Field::Institution, ScalarKind::String) => {
                c.institution = one_line(value.into_owned())
            }
            (Field::Summary, ScalarKind::String) => c.summary = Some(nfc(value.into_owned())),
            (Field::LastDiscussed, ScalarKind::DateTime) => {
                let at: toml::value::Datetime = value.parse().ok()?;
                c.last_discussed = Some(
                    NaiveDateTime::parse_from_str(&at.to_string(), "%Y-%m-%dT%H:%M:%S%.f").ok()?,
                );
            }
            _ => return None,
        }
        Some(())
    }

    /// Files one `{ … }` of a list.
    fn close_entry(&mut self, field: Field, entry: Entry<'i>) -> Option<()> {
        let marks = self.marks;
        let c = &mut self.item.as_mut()?.commitment;
        match field {
            Field::Observations | Field::History => {
                let mut o = Observation::default();
                let mut has_text = false;
                for (key, value) in entry.keys {
                    match (key.as_ref(), value) {
                        ("text", Scalar::Text(t)) => {
                            o.text = t;
                            has_text = true;
                        }
                        ("level", Scalar::Integer(n)) => o.level = u8::try_from(n).ok()?,
                        ("by", Scalar::Text(t)) => o.by = Some(t),
                        _ => return None,
                    }
                }
                has_text.then_some(())?;
                if field == Field::History {
                    c.history.push(o);
                } else {
                    c.observations.push(o);
                }
            }
            Field::Marks => {
                let id = entry.keys.iter().find_map(|(k, v)| match (k.as_ref(), v) {
                    ("id", Scalar::Text(id)) => Some(id.clone()),
                    _ => None,
                })?;
                let def = marks.get(&id)?;
                let mut arg = MarkArg::None;
                for (key, value) in entry.keys {
                    if key == "id" {
                        continue;
                    }
                    if def.arg.as_ref()?.name != key {
                        return None;
                    }
                    arg = match value {
                        Scalar::Text(t) => MarkArg::Text(t),
                        Scalar::Integer(n) => MarkArg::Commitment(u32::try_from(n).ok()?),
                    };
                }
                c.marks.push(Mark::new(id, arg));
            }
            _ => return None,
        }
        Some(())
    }

    /// Runs one step of reading; `None` gives up on the piece.
    fn step(&mut self, f: impl FnOnce(&mut Self) -> Option<()>) {
        if !self.failed && f(self).is_none() {
            self.failed = true;
        }
    }
}

/// An integer as toml_parser decoded it: digits in `radix`, with `_` between some.
fn integer(digits: &str, radix: u32) -> Option<i64> {
    i64::from_str_radix(&digits.replace('_', ""), radix).ok()
}

impl EventReceiver for Reader<'_, '_> {
    fn std_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }

    fn array_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.step(|r| {
            matches!(r.place, Place::Start | Place::Table(None)).then_some(())?;
            r.close_item()?;
            r.place = Place::Header(false);
            Some(())
        });
    }

    fn array_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.step(|r| {
            matches!(r.place, Place::Header(true)).then_some(())?;
            r.item = Some(Item {
                commitment: Commitment::default(),
                given: 0,
            });
            r.place = Place::Table(None);
            Some(())
        });
    }

    fn inline_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.step(|r| {
            let Place::List(field) = r.place else {
                return None;
            };
            r.place = Place::Entry(field, Entry::default());
            Some(())
        });
        !self.failed
    }

    fn inline_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.step(|r| {
            let Place::Entry(field, entry) = std::mem::replace(&mut r.place, Place::Start) else {
                return None;
            };
            entry.key.is_none().then_some(())?;
            r.close_entry(field, entry)?;
            r.place = Place::List(field);
            Some(())
        });
    }

    fn array_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.step(|r| {
            let Place::Table(Some(field)) = r.place else {
                return None;
            };
            matches!(field, Field::Observations | Field::History | Field::Marks).then_some(())?;
            r.place = Place::List(field);
            Some(())
        });
        !self.failed
    }

    fn array_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.step(|r| {
            matches!(r.place, Place::List(_)).then_some(())?;
            r.place = Place::Table(None);
            Some(())
        });
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.step(|r| {
            let mut key = Cow::Borrowed("");
            r.raw(span, encoding)?.decode_key(&mut key, error);
            match &mut r.place {
                Place::Header(read @ false) if key == "commitments" => *read = true,
                Place::Table(pending @ None) => {
                    let field = Field::from_key(&key)?;
                    let item = r.item.as_mut()?;
                    // A key given twice is an error for the whole parse to report.
                    (item.given & field as u16 == 0).then_some(())?;
                    item.given |= field as u16;
                    *pending = Some(field);
                }
                Place::Entry(_, entry) if entry.key.is_none() => {
                    entry.keys.iter().all(|(k, _)| *k != key).then_some(())?;
                    entry.key = Some(key);
                }
                _ => return None,
            }
            Some(())
        });
    }

    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        // Dotted keys are for the whole parse.
        self.failed = true;
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.step(|r| {
            let (kind, value) = r.scalar_of(span, encoding, error)?;
            match &mut r.place {
                Place::Table(pending) => {
                    let field = pending.take()?;
                    r.set(field, kind, value)
                }
                Place::Entry(_, entry) => {
                    let key = entry.key.take()?;
                    let value = match kind {
                        ScalarKind::String => Scalar::Text(nfc(value.into_owned())),
                        ScalarKind::Integer(radix) => {
                            Scalar::Integer(integer(&value, radix.value())?)
                        }
                        _ => return None,
                    };
                    entry.keys.push((key, value));
                    Some(())
                }
                _ => None,
            }
        });
    }

    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
