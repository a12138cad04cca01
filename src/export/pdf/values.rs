//! The record as typst values, which the template (`record.typ`) lays out: texts as
//! strings (an Arabic paragraph as `(t: …, rtl: true)`), the table's rows cut into the
//! same pieces as the Word file's (`export::pages`).

use typst::foundations::{Array, Dict, Value};

use super::join;
use crate::export::pages;
use crate::record::form::Form;
use crate::record::{Block, DecisionEntry, Framed, Item, Record, Row, Section};

/// The table's columns, in twips, as the Word file's: the pieces are cut alike.
const COLUMNS: [u32; 3] = [700, 3_000, 5_938];

fn table<const N: usize>(pairs: [(&str, Value); N]) -> Dict {
    let mut d = Dict::new();
    for (key, value) in pairs {
        d.insert(key.into(), value);
    }
    d
}

fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Dict(table(pairs))
}

fn list(values: impl IntoIterator<Item = Value>) -> Value {
    Value::Array(values.into_iter().collect::<Array>())
}

fn plain(text: &str) -> Value {
    Value::Str(text.into())
}

/// A text the template says: right to left when its first letter with a direction is.
fn said(text: &str) -> Value {
    match crate::export::docx::first_strong_is_rtl(text.chars()) {
        true => dict([("t", plain(text)), ("rtl", Value::Bool(true))]),
        false => plain(text),
    }
}

fn blocks(blocks: &[Block]) -> Value {
    list(blocks.iter().map(|b| match b {
        Block::Paragraph(t) => dict([("kind", plain("paragraph")), ("text", said(t))]),
        Block::Bullet { level, text } => dict([
            ("kind", plain("bullet")),
            ("level", Value::Int((*level).into())),
            ("text", said(text)),
        ]),
        Block::Numbered { number, text } => dict([
            ("kind", plain("numbered")),
            ("number", Value::Int((*number).into())),
            ("text", said(text)),
        ]),
    }))
}

fn framed(lines: &[Framed]) -> Value {
    list(lines.iter().map(|line| {
        let (kind, text) = match line {
            Framed::Line(t) => ("line", t.as_str()),
            Framed::Strong(t) => ("strong", t.as_str()),
            Framed::Right(t) => ("right", t.as_str()),
            Framed::RightStrong(t) => ("right-strong", t.as_str()),
            Framed::Gap => ("gap", ""),
        };
        dict([("kind", plain(kind)), ("text", said(text))])
    }))
}

fn bullet(item: &Item, level: u8) -> Value {
    dict([
        ("kind", plain("bullet")),
        ("level", Value::Int(level.into())),
        ("text", said(&item.text)),
    ])
}

/// A row and its pieces: each piece its observations, whether it is the first (the title)
/// and whether it is kept whole on a page.
fn row(row: &Row, at: usize, record: &Record) -> Value {
    let l = &record.labels;
    let heading = || {
        let heading = format!("{}{}", l.history, l.colon);
        dict([("kind", plain("heading")), ("text", said(&heading))])
    };
    let (observations, pieces) =
        pages::laid_out(row, (COLUMNS, record.split_rows), heading, bullet);
    let pieces = (pieces.into_iter().enumerate()).map(|(i, (range, lines))| {
        dict([
            ("first", Value::Bool(i == 0)),
            (
                "whole",
                Value::Bool(!record.split_rows || pages::whole(lines)),
            ),
            ("said", list(observations[range].iter().cloned())),
        ])
    });
    dict([
        ("at", Value::Int(at as i64)),
        ("number", Value::Int(row.number.into())),
        ("title", said(&row.title)),
        (
            "new_title",
            row.new_title.as_deref().map_or(Value::None, said),
        ),
        ("pieces", list(pieces.collect::<Vec<_>>())),
    ])
}

fn decision(record: &Record, d: &DecisionEntry) -> Value {
    let tail = crate::record::decision_tail(record, d);
    dict([("blocks", blocks(&d.blocks)), ("tail", plain(&tail))])
}

/// The remarks form as the template reads it: the record's parts it shows (title, kind,
/// date, labels), and `form`: the instructions, the organisation's label, the columns'
/// heads and the rows.
pub fn form(form: &Form, paper: &str) -> Value {
    let r = &form.record;
    let l = &r.labels;
    let rows = form.rows().map(|(row, title)| {
        let said = (row.items.iter()).map(|i| bullet(i, i.level));
        dict([
            ("number", Value::Int(row.number.into())),
            ("title", self::said(title)),
            ("said", list(said.collect::<Vec<_>>())),
        ])
    });
    let heads = [l.number, l.form_commitment, l.form_said, l.form_remarks].map(plain);
    let part = dict([
        ("instructions", said(&form.instructions)),
        ("organisation", plain(l.form_organisation)),
        ("heads", list(heads)),
        ("rows", list(rows.collect::<Vec<_>>())),
    ]);
    let mut all = parts(r, paper, |_| 1);
    all.insert("form".into(), part);
    Value::Dict(all)
}

/// The record as the template reads it (`sys.inputs.record`); `paper`, "a4" or "us-letter";
/// each table of `n` rows cut into `runs(n)` runs, and the pages then numbered by copil
/// when any is cut (`join`).
pub fn record(record: &Record, paper: &str, runs: impl Fn(usize) -> usize) -> Value {
    Value::Dict(parts(record, paper, runs))
}

/// How many documents the record `values` is typeset as, side by side: one, or one for
/// each run of its cut tables (a new one where a run after a table's first begins).
pub fn chunks(values: &Value) -> usize {
    match values {
        Value::Dict(d) => match d.get("chunks") {
            Ok(Value::Int(n)) => (*n).max(1) as usize,
            _ => 1,
        },
        _ => 1,
    }
}

/// The `chunk`-th document of the record `values` ([`chunks`]): its pages from a run's
/// first to the next run's, as typst lays them out in one document with all the runs.
pub fn chunk(values: Value, chunk: usize) -> Value {
    with(values, "chunk", Value::Int(chunk as i64))
}

/// The document of footers alone which numbers the `pages` pages of the record `values`.
pub fn footers(values: Value, pages: usize) -> Value {
    with(values, "footers", Value::Int(pages as i64))
}

/// The document of the bridges' pages (`join::Part::Bridge`) of the record `values`, each
/// the pieces of a table from a mark to another, excluded.
pub fn bridges(values: Value, bridges: &[(join::Mark, join::Mark)]) -> Value {
    let bridges = bridges.iter().map(|&((s, r0, p0), (_, r1, p1))| {
        let mut d = run((r0, r1 + 1), (r0, p0), (r1, p1));
        d.insert("section".into(), Value::Int(s));
        Value::Dict(d)
    });
    with(values, "bridges", list(bridges.collect::<Vec<_>>()))
}

fn with(values: Value, key: &str, value: Value) -> Value {
    let Value::Dict(mut d) = values else {
        return values;
    };
    d.insert(key.into(), value);
    Value::Dict(d)
}

/// The runs of a table of `rows` rows cut in `runs`: each run's rows, and the pieces it
/// lays out, from (row, piece) to (row, piece) excluded — `join::SHARED` rows of the next
/// as well; and the document it is typeset in, from `chunk` on.
fn cut(rows: usize, runs: usize, chunk: usize) -> Value {
    list((0..runs).map(|i| {
        let (start, end) = (i * rows / runs, (i + 1) * rows / runs);
        let end = match i + 1 == runs {
            true => rows,
            false => (end + join::SHARED).min(rows),
        };
        let (start, end) = (start as i64, end as i64);
        let mut run = run((start, end), (start, 0), (end, 0));
        run.insert("chunk".into(), Value::Int((chunk + i) as i64));
        Value::Dict(run)
    }))
}

/// A run as the template reads it: the rows it needs, and the pieces it lays out, from a
/// (row, piece) to another, excluded.
fn run(rows: (i64, i64), from: (i64, i64), to: (i64, i64)) -> Dict {
    let pair = |(a, b): (i64, i64)| list([Value::Int(a), Value::Int(b)]);
    table([("rows", pair(rows)), ("from", pair(from)), ("to", pair(to))])
}

/// The words the template writes itself, in the record's language.
fn labels(record: &Record) -> Value {
    let l = &record.labels;
    dict([
        ("page", plain(l.page)),
        ("page_of", plain(l.page_of)),
        ("colon", plain(l.colon)),
        ("points", plain(l.points)),
        ("no_commitments", plain(l.no_commitments)),
        ("number", plain(l.number)),
        ("commitments", plain(l.commitments)),
        ("observations", plain(l.observations)),
        ("continued", plain(l.continued)),
    ])
}

/// The record's sections, each table cut into `runs(rows)` runs, each section and run with
/// the document it is typeset in ([`chunks`]); and how many documents there are (one when
/// no table is cut: typst then numbers the pages itself).
fn sections(record: &Record, runs: impl Fn(usize) -> usize) -> (Value, usize) {
    let mut chunk = 0;
    let sections = record.sections.iter().enumerate().map(|(at, s)| match s {
        Section::Point { title, blocks: b } => dict([
            ("kind", plain("point")),
            ("title", said(title)),
            ("blocks", blocks(b)),
            ("chunk", Value::Int(chunk as i64)),
        ]),
        Section::Table(rows) => {
            let runs = runs(rows.len()).clamp(1, rows.len().max(1));
            let first = chunk;
            chunk += runs - 1;
            let rows = rows.iter().enumerate().map(|(i, r)| row(r, i, record));
            dict([
                ("kind", plain("table")),
                ("at", Value::Int(at as i64)),
                ("runs", cut(rows.len(), runs, first)),
                ("rows", list(rows)),
                ("chunk", Value::Int(first as i64)),
            ])
        }
    });
    let sections = list(sections.collect::<Vec<_>>());
    (sections, chunk + 1)
}

fn parts(record: &Record, paper: &str, runs: impl Fn(usize) -> usize) -> Dict {
    let l = &record.labels;
    let lang = match record.language {
        crate::model::Language::Fr => "fr",
        crate::model::Language::En => "en",
    };
    // What the document is, of which meeting: the record, the response and the form of
    // one meeting, and the records of two meetings, are told apart by their title.
    let document_title = match record.date.is_empty() {
        true => format!("{} — {}", record.kind, record.title),
        false => format!("{} — {} — {}", record.kind, record.title, record.date),
    };
    let running = match record.date.is_empty() {
        true => record.title.clone(),
        false => format!("{} — {}", record.title, record.date),
    };
    let labels = labels(record);
    let front = [(l.date, &record.date), (l.place, &record.place)];
    let front = (front.into_iter())
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| list([plain(label), said(value)]));
    let lists = (record.lists().into_iter())
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(label, entries)| list([plain(label), list(entries.iter().map(|e| said(e)))]));
    let (sections, chunks) = sections(record, runs);
    let decisions = record
        .decision_parts()
        .into_iter()
        .map(|(heading, entries)| {
            let entries = entries.iter().map(|d| decision(record, d));
            dict([("heading", plain(heading)), ("entries", list(entries))])
        });
    let letter = record.letter.as_ref().map_or(Value::None, |letter| {
        dict([
            ("head", framed(&letter.head)),
            ("tail", framed(&letter.tail)),
        ])
    });
    table([
        ("labels", labels),
        ("lang", plain(lang)),
        ("paper", plain(paper)),
        ("title", plain(&record.title)),
        ("document_title", plain(&document_title)),
        ("kind_plain", plain(&record.kind)),
        ("kind", said(&record.kind)),
        ("author", plain(&record.author)),
        ("running", plain(&running)),
        ("front", list(front.collect::<Vec<_>>())),
        (
            "opening",
            record.opening.as_deref().map_or(Value::None, said),
        ),
        ("lists", list(lists.collect::<Vec<_>>())),
        ("points_heading", Value::Bool(record.has_points())),
        ("sections", sections),
        ("decisions", list(decisions.collect::<Vec<_>>())),
        ("letter", letter),
        ("form", Value::None),
        ("numbered", Value::Bool(chunks == 1)),
        ("chunks", Value::Int(chunks as i64)),
        ("chunk", Value::None),
        ("footers", Value::None),
        ("bridges", Value::None),
    ])
}
