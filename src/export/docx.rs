//! The record as a Word document (docx-rs): A4 portrait, real Word lists for bullets and
//! sub-bullets, and a three-column table whose header row repeats on every page.

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, PageMargin, Paragraph, Run, RunFonts, Shading, SpecialIndentType,
    Start, Table, TableCell, TableRow, WidthType,
};

use crate::record::{Block, Item, Record, Section, group_items};

/// The numbering of bullets ("•", then "o" for sub-bullets); docx-rs uses 1 itself.
const BULLETS: usize = 2;
/// A4 in twentieths of a point, and 2 cm margins.
const A4: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;
/// Column widths of the table, in twentieths of a point (the text width is 9,638).
const COLUMNS: [usize; 3] = [700, 3_000, 5_938];
/// A row height used only to find the header row again in the XML.
const HEADER_MARK: f32 = 397.0;

fn text_runs(text: &str) -> Vec<Run> {
    // Line breaks inside an item stay inside the item.
    let mut runs = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        runs.push(run.add_text(line));
    }
    runs
}

fn paragraph(text: &str) -> Paragraph {
    text_runs(text)
        .into_iter()
        .fold(Paragraph::new(), |p, r| p.add_run(r))
}

fn bold(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).bold())
}

fn bullet(text: &str, level: usize) -> Paragraph {
    paragraph(text).numbering(NumberingId::new(BULLETS), IndentLevel::new(level))
}

fn list(items: &[Item]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for (item, subs) in group_items(items) {
        if let Some(item) = item {
            out.push(bullet(&item.text, 0));
        }
        for sub in subs {
            out.push(bullet(&sub.text, 1));
        }
    }
    out
}

fn blocks(blocks: &[Block]) -> Vec<Paragraph> {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) => paragraph(t),
            Block::Bullet { level, text } => bullet(text, usize::from(*level)),
            Block::Numbered { number, text } => paragraph(&format!("{number}. {text}")).indent(
                Some(360),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        })
        .collect()
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let cell = TableCell::new().width(width, WidthType::Dxa);
    if paragraphs.is_empty() {
        return cell.add_paragraph(Paragraph::new());
    }
    paragraphs.into_iter().fold(cell, |c, p| c.add_paragraph(p))
}

fn table(record: &Record, rows: &[crate::record::Row]) -> Table {
    let l = &record.labels;
    let header = TableRow::new(
        [l.number, l.commitments, l.observations]
            .iter()
            .zip(COLUMNS)
            .map(|(label, width)| {
                cell(vec![bold(label)], width).shading(Shading::new().fill("E6E6E6"))
            })
            .collect(),
    )
    .row_height(HEADER_MARK)
    .cant_split();
    let mut out = vec![header];
    for row in rows {
        let mut title = vec![paragraph(&row.title)];
        if let Some(new_title) = &row.new_title {
            title.push(
                Paragraph::new().add_run(Run::new().add_text(format!("→ {new_title}")).italic()),
            );
        }
        let mut observations = list(&row.items);
        if !row.history.is_empty() {
            observations.push(
                Paragraph::new().add_run(
                    Run::new()
                        .add_text(format!("{}{}", l.history, l.colon))
                        .italic(),
                ),
            );
            observations.extend(list(&row.history));
        }
        out.push(
            TableRow::new(vec![
                cell(
                    vec![paragraph(&row.number.to_string()).align(AlignmentType::Center)],
                    COLUMNS[0],
                ),
                cell(title, COLUMNS[1]),
                cell(observations, COLUMNS[2]),
            ])
            .cant_split(),
        );
    }
    Table::new(out)
        .set_grid(COLUMNS.to_vec())
        .width(COLUMNS.iter().sum(), WidthType::Dxa)
}

fn bullet_numbering() -> AbstractNumbering {
    let level = |n: usize, text: &str, font: &str| {
        Level::new(
            n,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(
            Some(360 + 360 * n as i32),
            Some(SpecialIndentType::Hanging(360)),
            None,
            None,
        )
        .fonts(RunFonts::new().ascii(font).hi_ansi(font))
    };
    AbstractNumbering::new(BULLETS)
        .add_level(level(0, "•", "Calibri"))
        .add_level(level(1, "o", "Courier New"))
}

pub fn render(record: &Record) -> Vec<u8> {
    let mut doc = front(record);
    doc = sections(doc, record);
    doc = decisions(doc, record);
    let mut xml = doc.build();
    xml.document = repeat_header_row(&xml.document);
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .expect("packing a document into memory cannot fail");
    bytes.into_inner()
}

/// The page, the fonts, the titles, the date and place, and the lists (present, absent…).
fn front(record: &Record) -> Docx {
    let l = &record.labels;
    let c = l.colon;
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .add_abstract_numbering(bullet_numbering())
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(&record.title).bold().size(32))
                .align(AlignmentType::Center),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(l.record).bold().size(28))
                .align(AlignmentType::Center),
        )
        .add_paragraph(Paragraph::new());
    for (label, value) in [(l.date, &record.date), (l.place, &record.place)] {
        if !value.is_empty() {
            doc = doc
                .add_paragraph(bold(&format!("{label}{c}")))
                .add_paragraph(paragraph(value));
        }
    }
    for (label, entries) in record.lists() {
        if entries.is_empty() {
            continue;
        }
        doc = doc.add_paragraph(bold(&format!("{label}{c}")));
        for e in entries {
            doc = doc.add_paragraph(bullet(e, 0));
        }
    }
    doc
}

/// The points of the agenda, each with its text or its table of commitments.
fn sections(mut doc: Docx, record: &Record) -> Docx {
    let c = record.labels.colon;
    if !record.sections.is_empty() {
        doc = doc.add_paragraph(bold(&format!("{}{c}", record.labels.points)));
    }
    for section in &record.sections {
        match section {
            Section::Point { title, blocks: b } => {
                let run = Run::new()
                    .add_text(format!("{title}{c}"))
                    .bold()
                    .underline("single");
                doc = doc.add_paragraph(Paragraph::new().add_run(run));
                for p in blocks(b) {
                    doc = doc.add_paragraph(p);
                }
            }
            Section::Table(rows) => {
                doc = doc
                    .add_table(table(record, rows))
                    .add_paragraph(Paragraph::new());
            }
        }
    }
    doc
}

/// The decisions as bullets, each followed by its owner and deadline in italics.
fn decisions(mut doc: Docx, record: &Record) -> Docx {
    if record.decisions.is_empty() {
        return doc;
    }
    let heading = format!("{}{}", record.labels.decisions, record.labels.colon);
    doc = doc.add_paragraph(bold(&heading));
    for d in &record.decisions {
        let mut paragraphs = blocks(&d.blocks);
        if let Some(first) = paragraphs.first_mut()
            && matches!(d.blocks.first(), Some(Block::Paragraph(_)))
        {
            *first = first
                .clone()
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
        }
        let tail = crate::record::decision_tail(record, d);
        if !tail.is_empty() {
            paragraphs.push(
                Paragraph::new()
                    .add_run(Run::new().add_text(tail).italic())
                    .indent(Some(360), None, None, None),
            );
        }
        for p in paragraphs {
            doc = doc.add_paragraph(p);
        }
    }
    doc
}

/// docx-rs cannot mark a header row, so the mark is added to the XML: every row with the
/// marker height becomes a header row (`w:tblHeader`), which Word and LibreOffice repeat
/// at the top of each page.
fn repeat_header_row(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let marker = format!("w:val=\"{HEADER_MARK}\"");
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest: &str = &xml;
    while let Some(at) = rest.find("<w:trHeight") {
        let end = at + rest[at..].find("/>").map_or(0, |e| e + 2);
        let tag = &rest[at..end];
        out.push_str(&rest[..end]);
        if tag.contains(&marker) {
            out.push_str("<w:tblHeader />");
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}
