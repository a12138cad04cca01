//! The record as plain text with the observations table drawn in box characters, fitted to
//! a width, in pages with the table header repeated, for `copil print FILE | lp`.

use crate::record::{Block, Item, Record, Row, Section};
use crate::wrap::{width as text_width, wrap};

/// Lines of text wrapped to `width`, the first after `first`, the rest indented to match.
fn hanging(out: &mut Vec<String>, first: &str, text: &str, width: usize) {
    let lead = text_width(first);
    let rest = " ".repeat(lead);
    for (i, line) in wrap(text, width.saturating_sub(lead).max(1))
        .into_iter()
        .enumerate()
    {
        out.push(format!("{}{line}", if i == 0 { first } else { &rest }));
    }
}

fn items(out: &mut Vec<String>, items: &[Item], width: usize) {
    for item in items {
        let bullet = if item.level == 0 { "• " } else { "   o " };
        hanging(out, bullet, &item.text, width);
    }
}

fn blocks(out: &mut Vec<String>, blocks: &[Block], width: usize) {
    for b in blocks {
        match b {
            Block::Paragraph(t) => hanging(out, "", t, width),
            Block::Bullet { level: 0, text } => hanging(out, "• ", text, width),
            Block::Bullet { text, .. } => hanging(out, "   o ", text, width),
            Block::Numbered { number, text } => hanging(out, &format!("{number}. "), text, width),
        }
    }
}

fn pad(text: &str, width: usize) -> String {
    let w = text_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The widths of the three columns' contents, for a table `width` cells wide.
fn columns(width: usize) -> [usize; 3] {
    // Borders and one space of padding on each side: "│ a │ b │ c │" is 10 cells.
    let inner = width.saturating_sub(10).max(12);
    let number = 3;
    let title = ((inner - number) * 3 / 10).max(4);
    [number, title, inner - number - title]
}

fn rule(left: char, middle: char, right: char, cols: [usize; 3]) -> String {
    let bar = |n: usize| "─".repeat(n + 2);
    format!(
        "{left}{}{middle}{}{middle}{}{right}",
        bar(cols[0]),
        bar(cols[1]),
        bar(cols[2])
    )
}

/// One table row: cells wrapped and laid side by side.
fn table_row(cells: [Vec<String>; 3], cols: [usize; 3]) -> Vec<String> {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    (0..height)
        .map(|i| {
            let cell = |c: usize| pad(cells[c].get(i).map_or("", String::as_str), cols[c]);
            format!("│ {} │ {} │ {} │", cell(0), cell(1), cell(2))
        })
        .collect()
}

/// A piece of the printed text: lines that may be cut anywhere, or a table row that is
/// kept on one page when it fits.
enum Chunk {
    Lines(Vec<String>),
    Row(Vec<String>),
}

fn chunks(record: &Record, width: usize) -> (Vec<Chunk>, Vec<String>) {
    let l = &record.labels;
    let c = l.colon;
    let cols = columns(width);
    let header = {
        let mut h = vec![rule('┌', '┬', '┐', cols)];
        h.extend(table_row(
            [
                wrap(l.number, cols[0]),
                wrap(l.commitments, cols[1]),
                wrap(l.observations, cols[2]),
            ],
            cols,
        ));
        h.push(rule('├', '┼', '┤', cols));
        h
    };
    let mut out = Vec::new();
    let mut text = front(record, width);
    if record.has_points() {
        text.push(String::new());
        text.push(format!("{}{c}", l.points));
    }
    for section in &record.sections {
        match section {
            Section::Point { title, blocks: b } => {
                text.push(String::new());
                hanging(&mut text, "", &format!("{title}{c}"), width);
                blocks(&mut text, b, width);
            }
            Section::Table(rows) if rows.is_empty() => {
                text.push(String::new());
                hanging(&mut text, "", l.no_commitments, width);
            }
            Section::Table(rows) => {
                text.push(String::new());
                out.push(Chunk::Lines(std::mem::take(&mut text)));
                out.push(Chunk::Row(header.clone()));
                for (i, row) in rows.iter().enumerate() {
                    let mut lines = table_lines(record, row, cols);
                    lines.push(if i + 1 == rows.len() {
                        rule('└', '┴', '┘', cols)
                    } else {
                        rule('├', '┼', '┤', cols)
                    });
                    out.push(Chunk::Row(lines));
                }
            }
        }
    }
    decisions(&mut text, record, width);
    out.push(Chunk::Lines(text));
    (out, header)
}

/// The titles centred, the date and place, and the lists (present, absent…).
fn front(record: &Record, width: usize) -> Vec<String> {
    let l = &record.labels;
    let c = l.colon;
    let mut text = Vec::new();
    let center = |t: &str| {
        let w = text_width(t);
        format!("{}{t}", " ".repeat(width.saturating_sub(w) / 2))
    };
    for line in wrap(&record.title, width) {
        text.push(center(&line));
    }
    text.push(center(&record.kind));
    text.push(String::new());
    for (label, value) in [(l.date, &record.date), (l.place, &record.place)] {
        if !value.is_empty() {
            hanging(&mut text, &format!("{label}{c} "), value, width);
        }
    }
    if let Some(opening) = &record.opening {
        hanging(&mut text, "", opening, width);
    }
    for (label, entries) in record.lists() {
        if entries.is_empty() {
            continue;
        }
        text.push(String::new());
        text.push(format!("{label}{c}"));
        for e in entries {
            hanging(&mut text, "• ", e, width);
        }
    }
    text
}

/// One commitment's row of the table, without the rule below it.
fn table_lines(record: &Record, row: &Row, cols: [usize; 3]) -> Vec<String> {
    let mut title = wrap(&row.title, cols[1]);
    if let Some(new_title) = &row.new_title {
        hanging(&mut title, "→ ", new_title, cols[1]);
    }
    let mut observations = Vec::new();
    items(&mut observations, &row.items, cols[2]);
    if !row.history.is_empty() {
        let heading = format!("{}{}", record.labels.history, record.labels.colon);
        hanging(&mut observations, "", &heading, cols[2]);
        items(&mut observations, &row.history, cols[2]);
    }
    table_row([vec![row.number.to_string()], title, observations], cols)
}

/// The decisions as bullets, each followed by its owner and deadline.
fn decisions(text: &mut Vec<String>, record: &Record, width: usize) {
    if record.decisions.is_empty() {
        return;
    }
    text.push(String::new());
    text.push(format!(
        "{}{}",
        record.labels.decisions, record.labels.colon
    ));
    for d in &record.decisions {
        let mut body = Vec::new();
        blocks(&mut body, &d.blocks, width.saturating_sub(2));
        let tail = crate::record::decision_tail(record, d);
        if !tail.is_empty() {
            hanging(&mut body, "", &tail, width.saturating_sub(2));
        }
        for (i, line) in body.into_iter().enumerate() {
            text.push(format!("{}{line}", if i == 0 { "• " } else { "  " }));
        }
    }
}

/// A page that stops inside the table ends with the table's bottom border.
fn close_table(page: &mut [String]) {
    if let Some(last) = page.last_mut()
        && last.starts_with('├')
    {
        *last = last.replace('├', "└").replace('┼', "┴").replace('┤', "┘");
    }
}

/// The whole record as text, `width` cells wide; with `page_lines`, in pages separated by
/// a form feed, the table header repeated at the top of each page the table continues on.
pub fn render(record: &Record, width: usize, page_lines: Option<usize>) -> String {
    let width = width.max(30);
    let (chunks, header) = chunks(record, width);
    let mut pages: Vec<Vec<String>> = vec![Vec::new()];
    let page = page_lines.map(|p| p.max(header.len() + 4));
    let mut in_table = false;
    for chunk in chunks {
        let (lines, keep) = match chunk {
            Chunk::Lines(lines) => {
                in_table = false;
                (lines, false)
            }
            Chunk::Row(lines) => (lines, true),
        };
        let Some(page) = page else {
            pages[0].extend(lines);
            continue;
        };
        let room = page - pages.last().map_or(0, Vec::len);
        // A row that fits on a page is never cut; a longer one runs on.
        if keep && lines.len() > room && lines.len() <= page - header.len() && in_table {
            close_table(pages.last_mut().expect("a page"));
            pages.push(header.clone());
        }
        for line in lines {
            if pages.last().is_some_and(|p| p.len() >= page) {
                close_table(pages.last_mut().expect("a page"));
                pages.push(if in_table { header.clone() } else { Vec::new() });
            }
            pages.last_mut().expect("a page").push(line);
        }
        if keep {
            in_table = true;
        }
    }
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            out.push('\u{c}');
        }
        for line in page {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}
