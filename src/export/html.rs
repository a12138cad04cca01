//! The record as one self-contained HTML page, ready to print on A4.

use std::fmt::Write as _;

use crate::record::{Block, Framed, Item, Record, Row, Section, group_items};

/// Escapes text for HTML and XML content and attribute values; characters XML does not
/// allow (controls, U+FFFE, U+FFFF) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::wrap::forbidden(c) => {}
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text whose line breaks become `<br>`.
fn lines(text: &str) -> String {
    escape(text).replace('\n', "<br>\n")
}

const STYLE: &str = "
@page { size: A4 portrait; margin: 2cm 1.8cm; }
body { font-family: Calibri, 'Segoe UI', Arial, sans-serif; font-size: 11pt; line-height: 1.35; color: #111; max-width: 18cm; margin: 1.5em auto; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 .2em; }
p.right { margin-left: 50%; }
p.gap { height: 1em; }
p.kind { font-size: 14pt; font-weight: bold; text-align: center; margin: 0 0 1.2em; }
h2 { font-size: 12pt; margin: 1.2em 0 .4em; text-decoration: underline; }
h3 { font-size: 11pt; margin: 1em 0 .3em; }
dl { margin: 0; } dt { font-weight: bold; margin-top: .4em; } dd { margin: 0 0 0 1.5em; }
ul, ol { margin: .2em 0 .2em 0; padding-left: 1.6em; }
ul ul { list-style-type: circle; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; }
thead { display: table-header-group; }
th, td { border: 1px solid #555; padding: .3em .45em; vertical-align: top; text-align: left; }
th { background: #e6e6e6; }
td.number { text-align: center; width: 2.5em; }
td.title { width: 32%; }
tr.whole { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3, dt, p.kind { break-after: avoid; page-break-after: avoid; }
p.new-title { font-style: italic; margin: .4em 0 0; }
p.history { font-style: italic; color: #555; margin: .4em 0 0; }
p { margin: .3em 0; }
@media print { body { margin: 0; max-width: none; } }
";

fn blocks(out: &mut String, blocks: &[Block]) {
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Paragraph(t) => {
                let _ = writeln!(out, "<p dir=\"auto\">{}</p>", lines(t));
                i += 1;
            }
            Block::Numbered { number, .. } => {
                let _ = writeln!(out, "<ol start=\"{number}\">");
                while let Some(Block::Numbered { text, .. }) = blocks.get(i) {
                    let _ = writeln!(out, "<li dir=\"auto\">{}</li>", lines(text));
                    i += 1;
                }
                out.push_str("</ol>\n");
            }
            Block::Bullet { .. } => {
                let start = i;
                while matches!(blocks.get(i), Some(Block::Bullet { .. })) {
                    i += 1;
                }
                let items: Vec<Item> = blocks[start..i]
                    .iter()
                    .map(|b| match b {
                        Block::Bullet { level, text } => Item {
                            level: *level,
                            text: text.clone(),
                        },
                        _ => unreachable!("only bullets were taken"),
                    })
                    .collect();
                list(out, &items);
            }
        }
    }
}

/// Bullets with their sub-bullets nested, as real lists.
fn list(out: &mut String, items: &[Item]) {
    out.push_str("<ul>\n");
    for (item, subs) in group_items(items) {
        match item {
            Some(item) => {
                let _ = write!(out, "<li dir=\"auto\">{}", lines(&item.text));
            }
            None => out.push_str("<li>"),
        }
        if !subs.is_empty() {
            out.push_str("\n<ul>\n");
            for sub in subs {
                let _ = writeln!(out, "<li dir=\"auto\">{}</li>", lines(&sub.text));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

pub fn render(record: &Record) -> String {
    let mut out = String::new();
    front(&mut out, record);
    if record.has_points() {
        let _ = writeln!(
            out,
            "<h2>{}{}</h2>",
            record.labels.points, record.labels.colon
        );
    }
    for section in &record.sections {
        match section {
            Section::Point { title, blocks: b } => {
                let c = record.labels.colon;
                let _ = writeln!(out, "<section>\n<h3>{}{c}</h3>", escape(title));
                blocks(&mut out, b);
                out.push_str("</section>\n");
            }
            Section::Table(rows) if rows.is_empty() => {
                let _ = writeln!(out, "<p>{}</p>", escape(record.labels.no_commitments));
            }
            Section::Table(rows) => table(&mut out, record, rows),
        }
    }
    decisions(&mut out, record);
    if let Some(letter) = &record.letter {
        frame(&mut out, &letter.tail);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The running header (committee and date) and "Page X / Y" of each printed page, in the
/// page's margins as the Word record has them (CSS page margin boxes: Chromium, Edge and
/// WeasyPrint print them; a browser without them prints the page plain).
fn page_boxes(record: &Record) -> String {
    let header = if record.date.is_empty() {
        record.title.clone()
    } else {
        format!("{} — {}", record.title, record.date)
    };
    let (page, of) = (record.labels.page, record.labels.page_of);
    format!(
        "@page {{ @top-center {{ content: {}; font-size: 9pt; color: #555; }} \
         @bottom-center {{ content: {} counter(page) {} counter(pages); font-size: 9pt; }} }}\n",
        css_string(&header),
        css_string(&format!("{page} ")),
        css_string(&format!(" {of} "))
    )
}

/// `text` as a CSS string: quoted, its quotes, backslashes and line ends escaped, and `<`
/// too, so that no text ends the style element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\A "),
            '<' => out.push_str("\\3C "),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The head, the titles, the date and place, and the lists (present, absent…).
fn front(out: &mut String, record: &Record) {
    let l = &record.labels;
    let c = l.colon;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} — {}</title>\n<style>{STYLE}{}</style>\n</head>\n<body>\n",
        record.language.code(),
        escape(&record.title),
        escape(&record.date),
        page_boxes(record)
    );
    match &record.letter {
        Some(letter) => frame(out, &letter.head),
        None => {
            let _ = writeln!(out, "<h1>{}</h1>", escape(&record.title));
            let _ = writeln!(out, "<p class=\"kind\">{}</p>", escape(&record.kind));
        }
    }
    out.push_str("<dl>\n");
    for (label, value) in [(l.date, &record.date), (l.place, &record.place)] {
        if !value.is_empty() {
            let _ = writeln!(
                out,
                "<dt>{label}{c}</dt><dd dir=\"auto\">{}</dd>",
                escape(value)
            );
        }
    }
    out.push_str("</dl>\n");
    if let Some(opening) = &record.opening {
        let _ = writeln!(out, "<p dir=\"auto\">{}</p>", lines(opening));
    }
    for (label, entries) in record.lists() {
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h2>{label}{c}</h2>\n<ul>");
        for e in entries {
            let _ = writeln!(out, "<li dir=\"auto\">{}</li>", lines(e));
        }
        out.push_str("</ul>\n");
    }
}

/// A letter's frame: lines at the left, in bold, or in the page's right half.
fn frame(out: &mut String, lines: &[Framed]) {
    for line in lines {
        let _ = match line {
            Framed::Line(t) => writeln!(out, "<p dir=\"auto\">{}</p>", escape(t)),
            Framed::Strong(t) => {
                writeln!(out, "<p dir=\"auto\"><strong>{}</strong></p>", escape(t))
            }
            Framed::Right(t) => writeln!(out, "<p class=\"right\" dir=\"auto\">{}</p>", escape(t)),
            Framed::RightStrong(t) => writeln!(
                out,
                "<p class=\"right\" dir=\"auto\"><strong>{}</strong></p>",
                escape(t)
            ),
            Framed::Gap => writeln!(out, "<p class=\"gap\"></p>"),
        };
    }
}

/// The observations table: number, title (and new title), observations and history.
fn table(out: &mut String, record: &Record, rows: &[Row]) {
    let l = &record.labels;
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        l.number, l.commitments, l.observations
    );
    for row in rows {
        let _ = write!(
            out,
            "<tr{}><td class=\"number\">{}</td><td class=\"title\" dir=\"auto\">{}",
            if record.split_rows {
                ""
            } else {
                " class=\"whole\""
            },
            row.number,
            lines(&row.title)
        );
        if let Some(new_title) = &row.new_title {
            let _ = write!(out, "<p class=\"new-title\">→ {}</p>", lines(new_title));
        }
        out.push_str("</td><td dir=\"auto\">");
        if !row.items.is_empty() {
            list(out, &row.items);
        }
        if !row.history.is_empty() {
            let _ = writeln!(out, "<p class=\"history\">{}{}</p>", l.history, l.colon);
            list(out, &row.history);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The decisions as a list, each followed by its owner and deadline in italics.
fn decisions(out: &mut String, record: &Record) {
    for (heading, entries) in record.decision_parts() {
        let _ = writeln!(out, "<h2>{heading}{}</h2>\n<ul>", record.labels.colon);
        decision_list(out, record, entries);
    }
}

fn decision_list(out: &mut String, record: &Record, entries: &[crate::record::DecisionEntry]) {
    for d in entries {
        out.push_str("<li dir=\"auto\">");
        blocks(out, &d.blocks);
        let tail = crate::record::decision_tail(record, d);
        if !tail.is_empty() {
            let _ = write!(out, "<p><em>{}</em></p>", escape(&tail));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    /// A text in the page's margin is a CSS string that no title can break out of.
    #[test]
    fn a_text_in_the_margin_cannot_end_the_style() {
        assert_eq!(super::css_string("Réunion"), "\"Réunion\"");
        assert_eq!(
            super::css_string("a \"b\" \\ </style>\nc"),
            "\"a \\\"b\\\" \\\\ \\3C /style>\\A c\""
        );
    }
}
