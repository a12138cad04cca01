//! The record's body as WordprocessingML: the front (title, date, lists), the points with
//! the commitments table, the decisions.

use std::fmt::Write;

use super::parts::{BULLETS, first_list_id};
use super::xml::{Para, Run, esc};
use crate::export::pages::{self, KEPT_WHOLE};
use crate::record::{Block, Framed, Item, Record, Row, Section, group_items};

/// A4 in twentieths of a point, and 2 cm margins.
pub const A4: (u32, u32) = (11_906, 16_838);
pub const MARGIN: u32 = 1_134;
/// Column widths of the table, in twentieths of a point (the text width is 9,638).
const COLUMNS: [u32; 3] = [700, 3_000, 5_938];

/// The body being written, and the numbered lists met so far (their first numbers).
pub struct Body<'a> {
    pub xml: String,
    pub lists: Vec<u32>,
    record: &'a Record,
    /// Rows may cross a page break.
    split_rows: bool,
    /// The table's columns, fitted to the page's text width.
    columns: [u32; 3],
}

impl<'a> Body<'a> {
    pub fn new(record: &'a Record, split_rows: bool) -> Body<'a> {
        Body {
            xml: String::with_capacity(64 * 1024),
            lists: Vec::new(),
            record,
            split_rows,
            columns: COLUMNS,
        }
    }

    /// The table fitted to a page whose text is `width` twips wide (a house template's
    /// Letter page, its margins): the columns keep their shares.
    pub fn fit(&mut self, width: u32) {
        let ours: u32 = COLUMNS.iter().sum();
        let scale = |w: u32| (u64::from(w) * u64::from(width) / u64::from(ours)) as u32;
        let (first, second) = (scale(COLUMNS[0]), scale(COLUMNS[1]));
        self.columns = [first, second, width.saturating_sub(first + second)];
    }

    fn put(&mut self, p: Para) {
        p.write(&mut self.xml);
    }

    fn heading(&mut self, style: &'static str, text: &str) {
        let c = self.record.labels.colon;
        self.put(Para::styled(style, &format!("{text}{c}")));
    }

    /// A letter's frame: its lines at the left margin, in bold, or in the page's right
    /// half (from 9 cm).
    /// `together`: each line kept on the page of the next (the closing formula never
    /// apart from the signature).
    pub fn frame(&mut self, lines: &[Framed], together: bool) {
        for (i, line) in lines.iter().enumerate() {
            let mut para = match line {
                Framed::Line(text) => Para::text(text),
                Framed::Strong(text) => Para::text(text).run_bold(),
                Framed::Right(text) => Para::text(text).indent(RIGHT_HALF),
                Framed::RightStrong(text) => Para::text(text).indent(RIGHT_HALF).run_bold(),
                Framed::Gap => Para::default(),
            };
            para.keep_next = together && i + 1 < lines.len();
            self.put(para);
        }
    }

    /// The closing formula and the signature of a letter, on one page.
    pub fn tail(&mut self) {
        if let Some(letter) = &self.record.letter {
            self.put(Para::default());
            self.frame(&letter.tail, true);
        }
    }

    /// Title, subtitle, date and place, then the present, the absent and the agenda; a
    /// letter's frame in place of the title.
    pub fn front(&mut self) {
        let r = self.record;
        if let Some(letter) = &r.letter {
            self.frame(&letter.head, false);
        } else {
            self.put(Para::styled("Title", &r.title));
            self.put(Para::styled("Subtitle", &r.kind));
        }
        for (label, value) in [(r.labels.date, &r.date), (r.labels.place, &r.place)] {
            if !value.is_empty() {
                self.heading("Label", label);
                self.put(Para::text(value));
            }
        }
        if let Some(opening) = &r.opening {
            self.put(Para::text(opening));
            // A letter's opening stands apart from its table.
            if r.letter.is_some() {
                self.put(Para::default());
            }
        }
        for (label, entries) in r.lists() {
            if entries.is_empty() {
                continue;
            }
            self.heading("Heading1", label);
            for e in entries {
                self.put(bullet(e, 0));
            }
        }
    }

    /// The points, each with its text or the table.
    pub fn sections(&mut self) {
        let r = self.record;
        if r.has_points() {
            self.heading("Heading1", r.labels.points);
        }
        for section in &r.sections {
            match section {
                Section::Point { title, blocks } => {
                    self.heading("Heading2", title);
                    self.blocks(blocks, false);
                }
                Section::Table(rows) if rows.is_empty() => {
                    self.put(Para::text(r.labels.no_commitments));
                }
                Section::Table(rows) => self.table(rows),
            }
        }
    }

    /// Free text: paragraphs, bullets, and numbered lists as Word numbering, a list that
    /// follows a bullet set under it. `bulleted` says the first paragraph is a bullet (a
    /// decision).
    fn blocks(&mut self, blocks: &[Block], bulleted: bool) {
        let mut under_bullet = false;
        let mut list: Option<u32> = None;
        for (i, b) in blocks.iter().enumerate() {
            let p = match b {
                Block::Paragraph(t) if i == 0 && bulleted => {
                    under_bullet = true;
                    bullet(t, 0)
                }
                // A decision's later paragraph (its deadline after its list) stands under
                // its bullet, not as a paragraph of the page's own.
                Block::Paragraph(t) if bulleted => Para::text(t).indent(360),
                Block::Paragraph(t) => {
                    under_bullet = false;
                    Para::text(t)
                }
                Block::Bullet { level, text } => {
                    under_bullet = *level == 0;
                    bullet(text, *level)
                }
                Block::Numbered { number, text } => {
                    let id = *list.get_or_insert_with(|| {
                        self.lists.push(*number);
                        first_list_id() + self.lists.len() as u32 - 1
                    });
                    Para::styled("ListNumber", text).num(id, u8::from(under_bullet))
                }
            };
            if !matches!(b, Block::Numbered { .. }) {
                list = None;
            }
            self.put(p);
        }
    }

    /// A table's start: its properties, columns and the header row that repeats.
    fn open_table(&mut self, columns: &[u32], heads: &[&str]) {
        let width: u32 = columns.iter().sum();
        let _ = write!(
            self.xml,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"CopilTable\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0020\"/></w:tblPr><w:tblGrid>"
        );
        for w in columns {
            let _ = write!(self.xml, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.xml
            .push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (label, w) in heads.iter().zip(columns) {
            self.cell(*w, &[Para::text(label).run_bold()]);
        }
        self.xml.push_str("</w:tr>");
    }

    fn table(&mut self, rows: &[Row]) {
        let l = &self.record.labels;
        let columns = self.columns;
        self.open_table(&columns, &[l.number, l.commitments, l.observations]);
        for row in rows {
            self.row(row);
        }
        self.xml.push_str("</w:tbl>");
        self.put(Para::default());
    }

    /// A commitment's row. A row of a few lines never splits; a longer one is written as
    /// pieces of a few lines cut between its bullets, each kept whole, so that where a page
    /// breaks the row goes on under the repeated header with its number and "(suite)".
    fn row(&mut self, row: &Row) {
        let l = &self.record.labels;
        let columns = self.columns;
        let mut title = vec![Para::text(&row.title)];
        if let Some(new_title) = &row.new_title {
            title.push(Para::default().run(Run::new(format!("→ {new_title}")).italic()));
        }
        let heading = || {
            let heading = Run::new(format!("{}{}", l.history, l.colon)).italic();
            Para::default().run(heading)
        };
        let (said, pieces) =
            pages::laid_out(row, (columns, self.split_rows), heading, |i, level| {
                bullet(&i.text, level)
            });
        let number = row.number.to_string();
        for (i, (range, lines)) in pieces.into_iter().enumerate() {
            let observations = &said[range];
            self.xml.push_str("<w:tr>");
            if !self.split_rows || pages::whole(lines) {
                self.xml.push_str("<w:trPr><w:cantSplit/></w:trPr>");
            }
            if i == 0 {
                self.cell(columns[0], &[Para::text(&number).center()]);
                self.cell(columns[1], &title);
            } else {
                // "(suite)" where it has room, beside the number it goes on from.
                let continued = Para::default().run(Run::new(l.continued).italic());
                self.cell(columns[0], &[Para::text(&number).center()]);
                self.cell(columns[1], &[continued]);
            }
            self.cell(columns[2], observations);
            self.xml.push_str("</w:tr>");
        }
    }

    /// The remarks form: title, what it is, the instructions, the organisation field, and
    /// the table: N°, commitment, what was said, and an empty column for the remarks.
    pub fn form(&mut self, form: &crate::record::form::Form) {
        let r = self.record;
        let l = &r.labels;
        self.put(Para::styled("Title", &r.title));
        self.put(Para::styled("Subtitle", &r.kind));
        if !r.date.is_empty() {
            self.put(Para::text(&r.date).center());
        }
        self.put(Para::text(&form.instructions));
        self.organisation_field(form);
        // A landscape page: the remarks take a third of its width and more.
        let text = A4.1 - 2 * MARGIN;
        let remarks = text / 3 + 200;
        let said = (text - 700 - remarks) * 6 / 10;
        let columns = [700, text - 700 - remarks - said, said, remarks];
        let heads = [l.number, l.form_commitment, l.form_said, l.form_remarks];
        self.open_table(&columns, &heads);
        for (row, title) in form.rows() {
            self.xml.push_str("<w:tr>");
            let lines = tallest(
                (std::iter::once(title), columns[1]),
                (row.items.iter(), columns[2]),
            );
            if lines <= KEPT_WHOLE {
                self.xml.push_str("<w:trPr><w:cantSplit/></w:trPr>");
            }
            self.cell(columns[0], &[Para::text(&row.number.to_string()).center()]);
            self.cell(columns[1], &[Para::text(title)]);
            self.cell(columns[2], &items(&row.items));
            self.remarks_cell(columns[3], l.form_remarks);
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
    }

    /// "Organisation :" and the organisation picked from a list (a drop-down content
    /// control, which a form protected for filling leaves open).
    fn organisation_field(&mut self, form: &crate::record::form::Form) {
        let l = &self.record.labels;
        let _ = write!(
            self.xml,
            "<w:p><w:pPr><w:pStyle w:val=\"Label\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}{} </w:t></w:r>\
             <w:sdt><w:sdtPr><w:alias w:val=\"{}\"/><w:showingPlcHdr/><w:dropDownList>",
            esc(l.form_organisation),
            l.colon,
            esc(l.form_organisation),
        );
        for organisation in &form.organisations {
            let o = esc(organisation);
            let _ = write!(
                self.xml,
                "<w:listItem w:displayText=\"{o}\" w:value=\"{o}\"/>"
            );
        }
        let _ = write!(
            self.xml,
            "</w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:t>{}</w:t></w:r></w:sdtContent></w:sdt></w:p>",
            esc(l.form_blank)
        );
    }

    /// A cell left open for the member's remarks: a content control of its own, the one
    /// place of the row a form protected for filling lets them write.
    fn remarks_cell(&mut self, width: u32, name: &str) {
        let _ = write!(
            self.xml,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>\
             <w:sdt><w:sdtPr><w:alias w:val=\"{}\"/><w:richText/></w:sdtPr><w:sdtContent>",
            esc(name)
        );
        for _ in 0..3 {
            Para::default().write(&mut self.xml);
        }
        self.xml.push_str("</w:sdtContent></w:sdt></w:tc>");
    }

    fn cell(&mut self, width: u32, paragraphs: &[Para]) {
        let _ = write!(
            self.xml,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
        );
        if paragraphs.is_empty() {
            Para::default().write(&mut self.xml);
        }
        for p in paragraphs {
            p.write(&mut self.xml);
        }
        self.xml.push_str("</w:tc>");
    }

    /// The decisions as bullets, each followed by its owner (and deadline when apart).
    pub fn decisions(&mut self) {
        let r = self.record;
        for (heading, entries) in r.decision_parts() {
            self.heading("Heading1", heading);
            for d in entries {
                self.blocks(&d.blocks, true);
                let tail = crate::record::decision_tail(r, d);
                if !tail.is_empty() {
                    self.put(Para::default().indent(360).run(Run::new(tail).italic()));
                }
            }
        }
    }
}

/// The lines of the taller of two cells: titles at one width, items at another.
fn tallest<'b>(
    (titles, title_width): (impl Iterator<Item = &'b str>, u32),
    (items, items_width): (impl Iterator<Item = &'b Item>, u32),
) -> usize {
    let title: usize = titles.map(|t| pages::lines(t, title_width)).sum();
    let said: usize = items
        .map(|i| pages::bullet_lines(&i.text, items_width))
        .sum();
    title.max(said)
}

/// Where a letter's right-hand blocks start: 9 cm, in twentieths of a point.
const RIGHT_HALF: i32 = 5103;

/// Observations as bullets and sub-bullets.
fn items(items: &[Item]) -> Vec<Para> {
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

/// A bullet (level 0) or sub-bullet (level 1) in the List Bullet style.
fn bullet(text: &str, level: u8) -> Para {
    Para::styled("ListBullet", text).num(BULLETS, level)
}
