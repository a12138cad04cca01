//! The record as plain text with the observations table drawn in box characters, fitted to
//! a width, in pages with the table header repeated, for `copil print FILE | lp`.

use crate::record::{Block, Framed, Item, Record, Row, Section};
use crate::wrap::{width as text_width, wrap};

/// The mark of a heading's lines, which the pages keep with what follows them (taken off
/// before the text is written).
const HEADING: char = '\u{1}';

/// A heading, wrapped to `width`: never left alone at a page's foot.
fn heading(out: &mut Vec<String>, text: &str, width: usize) {
    for line in wrap(text, width.max(1)) {
        out.push(format!("{HEADING}{line}"));
    }
}

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
            // A paragraph that opens a list stays with it, as a heading does.
            Block::Paragraph(t) if t.trim_end().ends_with(':') => heading(out, t, width),
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
    // Wide enough for "(suite)" on a row that runs on from the page before.
    let number = 7;
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
        heading(&mut text, &format!("{}{c}", l.points), width);
    }
    for section in &record.sections {
        match section {
            Section::Point { title, blocks: b } => {
                text.push(String::new());
                heading(&mut text, &format!("{title}{c}"), width);
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
    if let Some(letter) = &record.letter {
        text.push(String::new());
        frame(&mut text, &letter.tail, width);
    }
    out.push(Chunk::Lines(text));
    (out, header)
}

/// A letter's frame: lines at the left, or from the middle of the page.
fn frame(out: &mut Vec<String>, lines: &[Framed], width: usize) {
    let half = width / 2;
    for line in lines {
        match line {
            Framed::Line(t) | Framed::Strong(t) => hanging(out, "", t, width),
            Framed::Right(t) | Framed::RightStrong(t) => {
                for row in wrap(t, width - half) {
                    out.push(format!("{}{row}", " ".repeat(half)));
                }
            }
            Framed::Gap => out.push(String::new()),
        }
    }
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
    match &record.letter {
        Some(letter) => frame(&mut text, &letter.head, width),
        None => {
            for line in wrap(&record.title, width) {
                text.push(center(&line));
            }
            text.push(center(&record.kind));
            text.push(String::new());
        }
    }
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
        heading(&mut text, &format!("{label}{c}"), width);
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
    for (heading, entries) in record.decision_parts() {
        text.push(String::new());
        self::heading(text, &format!("{heading}{}", record.labels.colon), width);
        decision_list(text, record, entries, width);
    }
}

fn decision_list(
    text: &mut Vec<String>,
    record: &Record,
    entries: &[crate::record::DecisionEntry],
    width: usize,
) {
    for d in entries {
        let mut body = Vec::new();
        blocks(&mut body, &d.blocks, width.saturating_sub(2));
        let tail = crate::record::decision_tail(record, d);
        if !tail.is_empty() {
            hanging(&mut body, "", &tail, width.saturating_sub(2));
        }
        for (i, line) in body.into_iter().enumerate() {
            // Inside a decision's bullet a paragraph is not kept apart: the mark goes.
            let line = line.trim_start_matches(HEADING);
            text.push(format!("{}{line}", if i == 0 { "• " } else { "  " }));
        }
    }
}

/// The whole record as text, `width` cells wide; with `page_lines`, in pages separated by
/// a form feed, the table header repeated at the top of each page the table continues on,
/// and "Page X / Y" at the foot of each page.
pub fn render(record: &Record, width: usize, page_lines: Option<usize>) -> String {
    let width = width.max(30);
    let (chunks, header) = chunks(record, width);
    let pages = match page_lines {
        None => vec![
            chunks
                .into_iter()
                .flat_map(|(Chunk::Lines(l) | Chunk::Row(l))| l)
                .map(|l| l.trim_start_matches(HEADING).to_owned())
                .collect(),
        ],
        Some(page) => {
            let page = page.max(header.len() + 6);
            let mut pager = Pager {
                pages: vec![Vec::new()],
                body: page - 2,
                header,
                cols: columns(width),
                continued: record.labels.continued,
                labels: Vec::new(),
            };
            for chunk in chunks {
                pager.chunk(chunk);
            }
            number_pages(pager.pages, page, width, record)
        }
    };
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

/// The chunks laid out on pages: a row of a few lines is never cut, a longer one closes
/// the box at the page foot and runs on under the repeated header with its number and
/// "(suite)" in its number column; a heading is never alone at a page foot; each page ends
/// with its number.
struct Pager {
    pages: Vec<Vec<String>>,
    /// Lines of text on a page, its number below.
    body: usize,
    header: Vec<String>,
    cols: [usize; 3],
    continued: &'static str,
    /// What the number column says on the lines of a row going on from the page before.
    labels: Vec<String>,
}

/// The most lines a row may have and still never be cut across pages, as in Word.
const KEPT_WHOLE: usize = 8;

impl Pager {
    fn page(&mut self) -> &mut Vec<String> {
        self.pages.last_mut().expect("a page")
    }

    fn room(&self) -> usize {
        self.body - self.pages.last().map_or(0, Vec::len)
    }

    /// Ends the page (a table it stops inside gets its bottom border) and starts the next,
    /// with the table header when the table goes on.
    fn turn(&mut self, table: bool) {
        if let Some(last) = self.page().last_mut()
            && last.starts_with('├')
        {
            *last = last.replace('├', "└").replace('┼', "┴").replace('┤', "┘");
        }
        let next = if table {
            self.header.clone()
        } else {
            Vec::new()
        };
        self.pages.push(next);
    }

    fn chunk(&mut self, chunk: Chunk) {
        match chunk {
            Chunk::Lines(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    let fresh = self.room() == self.body;
                    if self.room() == 0
                        || (line.starts_with(HEADING) && !fresh && self.kept(&lines[i..]))
                    {
                        self.turn(false);
                    }
                    let line = line.trim_start_matches(HEADING).to_owned();
                    self.page().push(line);
                }
            }
            Chunk::Row(lines) => {
                let starts_table = lines.first() == self.header.first();
                // Its text, without the rule below it.
                let text = lines.len().saturating_sub(1);
                let whole = text <= KEPT_WHOLE && lines.len() <= self.body - self.header.len();
                if starts_table && lines.len() + 2 > self.room() {
                    self.turn(false);
                } else if !starts_table && lines.len() > self.room() && (whole || self.room() < 3) {
                    self.turn(true);
                }
                self.row_lines(lines, starts_table);
            }
        }
    }

    /// Whether the heading that starts `lines` must go to the next page: it, the lines of
    /// the heading and blank ones after it, and two lines of what it heads (the table's
    /// header and first line when the text ends there) do not fit on this one.
    fn kept(&self, lines: &[String]) -> bool {
        let mut need = 0;
        let mut body = 0;
        for line in lines {
            need += 1;
            if !line.starts_with(HEADING) && !line.trim().is_empty() {
                body += 1;
                if body == 2 {
                    break;
                }
            }
        }
        if body < 2 {
            need += self.header.len() + 2;
        }
        need > self.room() && need <= self.body
    }

    /// A row's lines; at the foot of a page inside the row, the box closes and the row goes
    /// on under the header, its number and "(suite)" in its number column.
    fn row_lines(&mut self, lines: Vec<String>, header: bool) {
        let number = match header {
            true => String::new(),
            false => lines
                .first()
                .map_or_else(String::new, |l| self.number_cell(l)),
        };
        self.labels.clear();
        let text = lines.iter().filter(|l| l.starts_with('│')).count();
        for (i, mut line) in lines.into_iter().enumerate() {
            // Never one line alone on the next page: its number and "(suite)" take two.
            let last_two = i + 2 == text && !header;
            if self.room() == 0 {
                self.turn(true);
            } else if line.starts_with('│') && (self.room() == 1 || (self.room() == 2 && last_two))
            {
                let bottom = rule('└', '┴', '┘', self.cols);
                self.page().push(bottom);
                self.turn(true);
                self.labels = self.continued_labels(&number);
            }
            let blank = line.starts_with('│') && self.number_cell(&line).is_empty();
            if blank && !self.labels.is_empty() {
                let label = self.labels.remove(0);
                line = self.with_number_cell(&line, &label);
            }
            self.page().push(line);
        }
        self.labels.clear();
    }

    /// "12 (suite)" when the number column holds it, else "12" and "(suite)" below.
    fn continued_labels(&self, number: &str) -> Vec<String> {
        let one = format!("{number} {}", self.continued);
        match number.is_empty() {
            true => vec![self.continued.to_owned()],
            false if text_width(&one) <= self.cols[0] => vec![one],
            false => vec![number.to_owned(), self.continued.to_owned()],
        }
    }

    /// Where a row's line holds its number cell, in bytes.
    fn number_span(&self, line: &str) -> Option<std::ops::Range<usize>> {
        let start = '│'.len_utf8() + 1;
        let end = start + self.cols[0];
        line.starts_with('│')
            .then_some(start..end)
            .filter(|_| line.get(start..end).is_some())
    }

    fn number_cell(&self, line: &str) -> String {
        self.number_span(line)
            .map_or_else(String::new, |r| line[r].trim().to_owned())
    }

    /// The line with `label` in its number cell.
    fn with_number_cell(&self, line: &str, label: &str) -> String {
        match self.number_span(line) {
            Some(r) => format!(
                "{}{}{}",
                &line[..r.start],
                pad(label, self.cols[0]),
                &line[r.end..]
            ),
            None => line.to_owned(),
        }
    }
}

/// Every page filled to `page - 1` lines, then "Page X / Y" centred.
fn number_pages(
    pages: Vec<Vec<String>>,
    page: usize,
    width: usize,
    record: &Record,
) -> Vec<Vec<String>> {
    let total = pages.len();
    let l = &record.labels;
    pages
        .into_iter()
        .enumerate()
        .map(|(i, mut lines)| {
            lines.resize(page - 1, String::new());
            let foot = format!("{} {} {} {total}", l.page, i + 1, l.page_of);
            lines.push(format!(
                "{}{foot}",
                " ".repeat(width.saturating_sub(text_width(&foot)) / 2)
            ));
            lines
        })
        .collect()
}
