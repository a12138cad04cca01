//! The record as wrapped lines of text, for the preview screen.

use super::parts::{Block, Item, Record, Row, Section};
use crate::wrap::wrap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Title,
    Heading,
    Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub kind: Kind,
    pub text: String,
}

struct Out {
    lines: Vec<Line>,
    width: usize,
}

impl Out {
    fn push(&mut self, kind: Kind, text: impl Into<String>) {
        self.lines.push(Line {
            kind,
            text: text.into(),
        });
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.text.is_empty()) {
            self.push(Kind::Text, "");
        }
    }

    /// `text` wrapped after `first`, continuation lines indented to match.
    fn hanging(&mut self, kind: Kind, first: &str, text: &str) {
        let lead = crate::wrap::width(first);
        let rest = " ".repeat(lead);
        for (i, line) in wrap(text, self.width.saturating_sub(lead).max(10))
            .into_iter()
            .enumerate()
        {
            let prefix = if i == 0 { first } else { &rest };
            self.push(kind, format!("{prefix}{line}"));
        }
    }

    fn blocks(&mut self, blocks: &[Block], indent: &str) {
        for b in blocks {
            match b {
                Block::Paragraph(t) => self.hanging(Kind::Text, indent, t),
                Block::Bullet { level: 0, text } => {
                    self.hanging(Kind::Text, &format!("{indent}• "), text)
                }
                Block::Bullet { text, .. } => {
                    self.hanging(Kind::Text, &format!("{indent}    o "), text)
                }
                Block::Numbered { number, text } => {
                    self.hanging(Kind::Text, &format!("{indent}{number}. "), text)
                }
            }
        }
    }

    fn items(&mut self, items: &[Item], indent: &str) {
        for item in items {
            let bullet = if item.level == 0 { "• " } else { "    o " };
            self.hanging(Kind::Text, &format!("{indent}{bullet}"), &item.text);
        }
    }
}

pub fn render(record: &Record, width: usize) -> Vec<Line> {
    let l = &record.labels;
    let mut out = Out {
        lines: Vec::new(),
        width,
    };
    front(&mut out, record);
    if !record.sections.is_empty() {
        out.blank();
        out.push(Kind::Heading, format!("{}{}", l.points, l.colon));
    }
    for section in &record.sections {
        out.blank();
        match section {
            Section::Point { title, blocks } => {
                out.hanging(Kind::Heading, "", &format!("{title}{}", l.colon));
                out.blocks(blocks, "");
            }
            Section::Table(rows) => table(&mut out, record, rows),
        }
    }
    decisions(&mut out, record);
    out.lines
}

/// The titles, the date and place, and the lists (present, absent…).
fn front(out: &mut Out, record: &Record) {
    let l = &record.labels;
    out.hanging(Kind::Title, "", &record.title);
    out.hanging(Kind::Title, "", l.record);
    out.blank();
    out.hanging(Kind::Text, &format!("{}{} ", l.date, l.colon), &record.date);
    if !record.place.is_empty() {
        let lead = format!("{}{} ", l.place, l.colon);
        out.hanging(Kind::Text, &lead, &record.place);
    }
    for (label, list) in record.lists() {
        if list.is_empty() {
            continue;
        }
        out.blank();
        out.push(Kind::Heading, format!("{label}{}", l.colon));
        for entry in list {
            out.hanging(Kind::Text, "• ", entry);
        }
    }
}

/// The observations table, one block per commitment.
fn table(out: &mut Out, record: &Record, rows: &[Row]) {
    let l = &record.labels;
    out.push(
        Kind::Heading,
        format!("{} | {} | {}", l.number, l.commitments, l.observations),
    );
    for row in rows {
        out.blank();
        out.hanging(Kind::Heading, &format!("{:>3}  ", row.number), &row.title);
        if let Some(new_title) = &row.new_title {
            out.hanging(Kind::Text, "     → ", new_title);
        }
        if row.items.is_empty() {
            out.hanging(Kind::Text, "     ", l.no_observation);
        }
        out.items(&row.items, "     ");
        if !row.history.is_empty() {
            out.hanging(Kind::Text, "     ", &format!("{}{}", l.history, l.colon));
            out.items(&row.history, "     ");
        }
    }
}

/// The decisions as bullets, the deadline and owner in brackets after the first paragraph.
fn decisions(out: &mut Out, record: &Record) {
    let l = &record.labels;
    for (heading, entries) in record.decision_parts() {
        out.blank();
        out.push(Kind::Heading, format!("{heading}{}", l.colon));
        decision_list(out, record, entries);
    }
}

fn decision_list(out: &mut Out, record: &Record, entries: &[super::parts::DecisionEntry]) {
    for d in entries {
        let mut blocks = d.blocks.clone();
        let tail = super::parts::decision_tail(record, d);
        if !tail.is_empty() {
            let suffix = format!(" ({tail})");
            match blocks.first_mut() {
                Some(Block::Paragraph(t)) => t.push_str(&suffix),
                _ => blocks.insert(0, Block::Paragraph(suffix.trim().to_owned())),
            }
        }
        let (first, rest) = blocks
            .split_first()
            .map_or((None, &[][..]), |(f, r)| (Some(f), r));
        if let Some(Block::Paragraph(t)) = first {
            out.hanging(Kind::Text, "• ", t);
        } else if let Some(b) = first {
            out.blocks(std::slice::from_ref(b), "");
        }
        out.blocks(rest, "  ");
    }
}
