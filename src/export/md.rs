//! The record as CommonMark. A pipe table cannot hold lists, so the commitments table is
//! written as one section per commitment.

use std::fmt::Write as _;

use crate::record::{Block, Framed, Item, Record, Row, Section, group_items};

/// Escapes the characters that CommonMark would read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts like a list item or a heading would become one.
    let mut fixed = String::with_capacity(out.len());
    for (i, line) in out.split('\n').enumerate() {
        if i > 0 {
            fixed.push('\n');
        }
        let trimmed = line.trim_start();
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        let starts_list = trimmed.starts_with("- ")
            || trimmed.starts_with("+ ")
            || trimmed.starts_with("= ")
            || (digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.' | ')')));
        if starts_list {
            let indent = line.len() - trimmed.len();
            fixed.push_str(&line[..indent]);
            if digits > 0 {
                fixed.push_str(&trimmed[..digits]);
                fixed.push('\\');
                fixed.push_str(&trimmed[digits..]);
            } else {
                fixed.push('\\');
                fixed.push_str(trimmed);
            }
        } else {
            fixed.push_str(line);
        }
    }
    fixed
}

/// Text that may hold line breaks, inside a list item indented by `indent` spaces.
fn item_text(text: &str, indent: usize) -> String {
    escape(text).replace('\n', &format!("\\\n{}", " ".repeat(indent)))
}

fn list(out: &mut String, items: &[Item]) {
    for (item, subs) in group_items(items) {
        let text = item.map_or(String::new(), |i| item_text(&i.text, 2));
        let _ = writeln!(out, "- {text}");
        for sub in subs {
            let _ = writeln!(out, "  - {}", item_text(&sub.text, 4));
        }
    }
    out.push('\n');
}

fn blocks(out: &mut String, blocks: &[Block]) {
    let mut previous: Option<&Block> = None;
    for b in blocks {
        let same_list = matches!(
            (previous, b),
            (Some(Block::Bullet { .. }), Block::Bullet { .. })
                | (Some(Block::Numbered { .. }), Block::Numbered { .. })
        );
        if previous.is_some() && !same_list {
            out.push('\n');
        }
        match b {
            Block::Paragraph(t) => {
                let _ = writeln!(out, "{}", item_text(t, 0));
            }
            Block::Bullet { level: 0, text } => {
                let _ = writeln!(out, "- {}", item_text(text, 2));
            }
            Block::Bullet { text, .. } => {
                // A sub-bullet with no bullet before it still reads as one.
                let indent = if matches!(previous, Some(Block::Bullet { .. })) {
                    "  "
                } else {
                    ""
                };
                let _ = writeln!(out, "{indent}- {}", item_text(text, 4));
            }
            Block::Numbered { number, text } => {
                let _ = writeln!(out, "{number}. {}", item_text(text, 4));
            }
        }
        previous = Some(b);
    }
    out.push('\n');
}

pub fn render(record: &Record) -> String {
    let l = &record.labels;
    let c = l.colon;
    let mut out = String::new();
    match &record.letter {
        Some(letter) => frame(&mut out, &letter.head),
        None => {
            let _ = writeln!(out, "# {}\n", escape(&record.title));
            let _ = writeln!(out, "**{}**\n", escape(&record.kind));
        }
    }
    let facts: Vec<String> = [(l.date, &record.date), (l.place, &record.place)]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| format!("**{label}{c}** {}", escape(value)))
        .collect();
    if !facts.is_empty() {
        let _ = writeln!(out, "{}\n", facts.join("\\\n"));
    }
    if let Some(opening) = &record.opening {
        let _ = writeln!(out, "{}\n", escape(opening));
    }
    for (label, entries) in record.lists() {
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {label}{c}\n");
        for e in entries {
            let _ = writeln!(out, "- {}", item_text(e, 2));
        }
        out.push('\n');
    }
    if record.has_points() {
        let _ = writeln!(out, "## {}{c}\n", l.points);
    }
    for section in &record.sections {
        match section {
            Section::Point { title, blocks: b } => {
                let _ = writeln!(out, "### {}{c}\n", escape(title));
                blocks(&mut out, b);
            }
            Section::Table(rows) if rows.is_empty() => {
                let _ = writeln!(out, "{}\n", l.no_commitments);
            }
            Section::Table(rows) => table(&mut out, record, rows),
        }
    }
    decisions(&mut out, record);
    if let Some(letter) = &record.letter {
        frame(&mut out, &letter.tail);
    }
    out
}

/// A letter's frame, a paragraph a line (Markdown places nothing at the right).
fn frame(out: &mut String, lines: &[Framed]) {
    for line in lines {
        let _ = match line {
            Framed::Line(t) | Framed::Right(t) => writeln!(out, "{}\n", escape(t)),
            Framed::Strong(t) | Framed::RightStrong(t) => writeln!(out, "**{}**\n", escape(t)),
            Framed::Gap => Ok(()),
        };
    }
}

/// The observations table as one sub-heading per commitment, its bullets and history.
fn table(out: &mut String, record: &Record, rows: &[Row]) {
    let l = &record.labels;
    let c = l.colon;
    let _ = writeln!(
        out,
        "### {} — {}\n",
        escape(l.commitments),
        escape(l.observations)
    );
    for row in rows {
        let _ = writeln!(
            out,
            "#### {} {} — {}\n",
            l.number,
            row.number,
            escape(&row.title)
        );
        if let Some(new_title) = &row.new_title {
            let _ = writeln!(out, "*{}{c}* {}\n", l.new_title, escape(new_title));
        }
        if row.items.is_empty() {
            let _ = writeln!(out, "*{}*\n", l.no_observation);
        } else {
            list(out, &row.items);
        }
        if !row.history.is_empty() {
            let _ = writeln!(out, "*{}{c}*\n", l.history);
            list(out, &row.history);
        }
    }
}

/// The decisions, each one list item holding its own blocks and its owner and deadline.
fn decisions(out: &mut String, record: &Record) {
    for (heading, entries) in record.decision_parts() {
        let _ = writeln!(out, "## {heading}{}\n", record.labels.colon);
        decision_list(out, record, entries);
    }
}

fn decision_list(out: &mut String, record: &Record, entries: &[crate::record::DecisionEntry]) {
    for d in entries {
        let mut body = String::new();
        blocks(&mut body, &d.blocks);
        let tail = crate::record::decision_tail(record, d);
        if !tail.is_empty() {
            let _ = writeln!(body, "*{}*", escape(&tail));
        }
        for (i, line) in body.trim_end().lines().enumerate() {
            if i == 0 {
                let _ = writeln!(out, "- {line}");
            } else if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "  {line}");
            }
        }
        out.push('\n');
    }
}
