//! Filled remarks forms read back: Word (the table, and Word comments with their authors),
//! spreadsheets (xlsx, ods) and csv. Every format becomes a grid of cells first; the rows
//! are then matched by their N° cell, never by position or hidden marks, so a form that
//! went through Word, LibreOffice or Google Docs still reads.

mod dated;
mod docx;
mod grid;
pub(crate) mod sheet;

pub use grid::Grid;

use std::path::Path;

use chrono::NaiveDate;

use crate::fuzzy::fold;
use crate::model::{Meeting, Remark, RemarkState};

/// Where a remark's author came from, for the import's report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthorFrom {
    Field,
    Comment,
    FileName,
}

/// Where the day a form's remarks were received came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatedBy {
    /// `--received`.
    Given,
    /// The day the form was last saved, as its own file says.
    Document,
    /// Neither: the day of the import.
    Today,
}

/// A form read: its remarks, where their author came from, and the day they were received.
pub struct Read {
    pub remarks: Vec<Remark>,
    pub author: AuthorFrom,
    pub received: NaiveDate,
    pub dated_by: DatedBy,
}

/// When a form's remarks were received: the day given, else the form's own date, else
/// `today`.
#[derive(Clone, Copy, Debug)]
pub struct When {
    pub given: Option<NaiveDate>,
    pub today: NaiveDate,
}

/// Why a form was refused: the file, the row when there is one, what is wrong and what to do.
#[derive(Debug)]
pub struct FormError {
    pub message: String,
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Reads one filled form about `meeting`.
pub fn read(
    path: &Path,
    meeting: &Meeting,
    (when, force): (When, bool),
) -> Result<Read, FormError> {
    let refuse = |what: String| FormError {
        message: crate::i18n::fill(crate::i18n::msg().form_at, &[&path.display(), &what]),
    };
    // Only a regular file, of a bounded size: a pipe or a device is refused, not waited on.
    let bytes = crate::store::read_regular(path).map_err(|e| refuse(e.to_string()))?;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(refuse(crate::i18n::msg().form_protected.to_owned()));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let h = &meeting.header;
    let ours = crate::clock::document_stamp(h.date.and_time(h.time.unwrap_or_default()));
    // A form is filled after its meeting and before today: a date outside (a template's
    // own, a computer's wrong clock) says nothing of when it came.
    let stamped = (ext != "csv")
        .then(|| dated::saved_on(&bytes, &ours))
        .flatten()
        .filter(|d| (meeting.header.date..=when.today).contains(d));
    let (received, dated_by) = match (when.given, stamped) {
        (Some(day), _) => (day, DatedBy::Given),
        (None, Some(day)) => (day, DatedBy::Document),
        (None, None) => (when.today, DatedBy::Today),
    };
    let grid = match ext.as_str() {
        "docx" => docx::grid(&bytes),
        "csv" => sheet::csv(&bytes),
        _ => sheet::workbook(bytes),
    }
    .map_err(refuse)?;
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (remarks, author) =
        remarks(&grid, meeting, (&source, received, force)).map_err(|(row, what)| match row {
            Some(row) => refuse(crate::i18n::fill(
                crate::i18n::msg().form_row,
                &[&row, &what],
            )),
            None => refuse(what),
        })?;
    Ok(Read {
        remarks,
        author,
        received,
        dated_by,
    })
}

const MONTHS: [&str; 24] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The line above a form's table that dates it to another meeting, if any: a date (a month
/// and a year) other than this meeting's, in either language. A form that gives no date
/// (a table made by hand) belongs to no other meeting.
fn other_meeting(above: &[Vec<String>], meeting: &Meeting) -> Option<String> {
    use crate::model::{Language, dates::long_date};
    let lines: Vec<&str> = above.iter().flatten().flat_map(|c| c.lines()).collect();
    let ours = [Language::Fr, Language::En].map(|l| fold(&long_date(meeting.header.date, l)));
    if lines
        .iter()
        .any(|l| ours.iter().any(|d| fold(l).contains(d.as_str())))
    {
        return None;
    }
    let dated = |line: &str| {
        let folded = fold(line);
        let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
        words.iter().any(|w| MONTHS.contains(w))
            && words
                .iter()
                .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
    };
    lines
        .into_iter()
        .find(|l| dated(l))
        .map(|l| l.trim().to_owned())
}

/// The header words of the number and remarks columns, folded.
const NUMBER: [&str; 6] = ["n°", "no", "no.", "n", "numero", "number"];
const REMARKS: [&str; 5] = ["remarques", "remarks", "remarque", "remark", "commentaires"];

fn is_head(cell: &str, words: &[&str]) -> bool {
    let folded = fold(cell.trim());
    words.contains(&folded.as_str())
}

/// The remarks of a grid, or the row (1-based) and why it is refused.
fn remarks(
    grid: &Grid,
    meeting: &Meeting,
    (source, received, force): (&str, NaiveDate, bool),
) -> Result<(Vec<Remark>, AuthorFrom), (Option<usize>, String)> {
    let m = crate::i18n::msg();
    let header = grid.rows.iter().position(|row| {
        row.iter().any(|c| is_head(c, &NUMBER)) && row.iter().any(|c| is_head(c, &REMARKS))
    });
    let Some(header) = header else {
        return Err((None, m.form_no_columns.to_owned()));
    };
    if !force && let Some(theirs) = other_meeting(&grid.rows[..header], meeting) {
        let ours = crate::model::dates::long_date(meeting.header.date, meeting.header.language);
        return Err((
            None,
            crate::i18n::fill(m.form_other_meeting, &[&theirs, &ours]),
        ));
    }
    let heads = &grid.rows[header];
    let number_col = heads.iter().position(|c| is_head(c, &NUMBER)).unwrap_or(0);
    let remarks_col = heads.iter().position(|c| is_head(c, &REMARKS)).unwrap_or(0);
    let field = grid
        .organisation
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty() && o.chars().any(char::is_alphanumeric));
    let stem = source.rsplit_once('.').map_or(source, |(s, _)| s);
    let (default_author, mut from) = match field {
        Some(o) => (o.to_owned(), AuthorFrom::Field),
        None => (stem.to_owned(), AuthorFrom::FileName),
    };
    let mut out = Vec::new();
    let mut row_numbers = Vec::new();
    for (i, row) in grid.rows.iter().enumerate().skip(header + 1) {
        let cell = |c: usize| row.get(c).map_or("", |s| s.trim());
        let text = cell(remarks_col);
        let number = number_of(cell(number_col));
        row_numbers.push((i, number));
        if text.is_empty() {
            continue;
        }
        let Some(number) = number else {
            return Err((Some(i + 1), m.form_no_number.to_owned()));
        };
        if meeting.commitment_by_number(number).is_none() {
            return Err((Some(i + 1), crate::i18n::fill(m.form_unknown, &[&number])));
        }
        out.push(remark(number, text, &default_author, (source, received)));
    }
    for (row, author, text) in &grid.comments {
        let number = row_numbers
            .iter()
            .find(|(i, _)| i == row)
            .and_then(|(_, n)| *n);
        let (Some(number), false) = (number, text.trim().is_empty()) else {
            continue;
        };
        let author = match field {
            Some(o) => o.to_owned(),
            None => {
                from = AuthorFrom::Comment;
                author.clone()
            }
        };
        out.push(remark(number, text.trim(), &author, (source, received)));
    }
    Ok((out, from))
}

fn remark(number: u32, text: &str, author: &str, (source, received): (&str, NaiveDate)) -> Remark {
    Remark {
        number,
        text: crate::wrap::clean(text),
        author: author.to_owned(),
        received,
        source: source.to_owned(),
        state: RemarkState::Pending,
    }
}

/// The commitment number a N° cell holds: "14", "14.0" (a spreadsheet's number), "n° 14".
fn number_of(cell: &str) -> Option<u32> {
    let digits: String = cell
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let rest = cell[cell.find(&digits[..]).map_or(0, |i| i + digits.len())..].trim();
    if digits.is_empty()
        || !(rest.is_empty() || rest.trim_start_matches('.').trim_matches('0').is_empty())
    {
        return None;
    }
    digits.parse().ok()
}
