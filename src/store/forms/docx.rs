//! A Word form read back: the rows of its tables as cells of text, the paragraph that holds
//! the organisation field, and Word comments with their authors, anchored in the row where
//! they start.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::grid::Grid;

/// The grid of a .docx file's bytes, or why it cannot be read.
pub fn grid(bytes: &[u8]) -> Result<Grid, String> {
    let m = crate::i18n::msg();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("{} ({e})", m.form_not_word))?;
    let mut part = |name: &str| -> Result<Option<String>, String> {
        match zip.by_name(name) {
            Ok(entry) => crate::store::unpack_text(entry)
                .map(Some)
                .map_err(|e| e.to_string()),
            Err(_) => Ok(None),
        }
    };
    let document = part("word/document.xml")?.ok_or_else(|| m.form_not_word.to_owned())?;
    let comments = part("word/comments.xml")?
        .map(|c| comments(&c))
        .unwrap_or_default();
    let mut grid = walk(&document).map_err(|e| format!("{} ({e})", m.form_not_word))?;
    grid.comments = grid
        .comments
        .into_iter()
        .filter_map(|(row, id, _)| {
            let (author, text) = comments.get(&id)?;
            Some((row, author.clone(), text.clone()))
        })
        .collect();
    Ok(grid)
}

/// The local name of an element: `w:t` → `t`.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &quick_xml::events::BytesStart, want: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == want)
        .map(|a| a.value.into_owned())
}

/// The document walked once: table rows (the outermost tables' cells, nested text
/// flattened), paragraphs outside tables as one-cell rows, comment anchors by row.
/// Comments come out as (row, id, "") for `grid` to fill in.
fn walk(xml: &str) -> Result<Grid, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut grid = Grid::default();
    let (mut depth, mut in_text) = (0usize, false);
    let mut row: Vec<String> = Vec::new();
    let mut paragraph = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) | Event::Empty(e) if matches!(local(e.name().as_ref()), "tbl") => {
                depth += 1;
            }
            Event::Start(e) => match local(e.name().as_ref()) {
                "t" => in_text = true,
                "tc" if depth == 1 => row.push(String::new()),
                _ => {}
            },
            Event::Empty(e) => match local(e.name().as_ref()) {
                "tab" => paragraph.push('\t'),
                "br" | "cr" => paragraph.push('\n'),
                "commentRangeStart" | "commentReference" => {
                    if let Some(id) = attr(&e, "id") {
                        let at = grid.rows.len();
                        if !grid.comments.iter().any(|(_, i, _)| *i == id) {
                            grid.comments.push((at, id, String::new()));
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => entity(&r, &mut paragraph)?,
            Event::End(e) => match local(e.name().as_ref()) {
                "t" => in_text = false,
                "tbl" => depth = depth.saturating_sub(1),
                "p" => {
                    let text = std::mem::take(&mut paragraph);
                    match row.last_mut() {
                        Some(cell) if depth >= 1 => {
                            // Empty paragraphs (the form's blank lines) are not text.
                            if !text.trim().is_empty() {
                                if !cell.is_empty() {
                                    cell.push('\n');
                                }
                                cell.push_str(&text);
                            }
                        }
                        _ => field(&mut grid, text),
                    }
                }
                "tr" if depth == 1 => grid.rows.push(std::mem::take(&mut row)),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(grid)
}

/// An entity in a text: a character reference or one of XML's five. Word writes none
/// other: a text that says nothing rather than what it holds is refused, never read as
/// empty.
fn entity(r: &quick_xml::events::BytesRef, paragraph: &mut String) -> Result<(), quick_xml::Error> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        paragraph.push(c);
        return Ok(());
    }
    paragraph.push_str(match &**r {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => {
            let what = crate::i18n::fill(
                crate::i18n::msg().form_entity,
                &[&String::from_utf8_lossy(other.as_ref())],
            );
            return Err(quick_xml::Error::Io(std::sync::Arc::new(
                std::io::Error::new(std::io::ErrorKind::InvalidData, what),
            )));
        }
    });
    Ok(())
}

/// A paragraph outside the tables: the organisation field when it is one
/// ("Organisation : ACODEC"), else a row of one cell.
fn field(grid: &mut Grid, text: String) {
    let folded = crate::fuzzy::fold(text.trim_start());
    if folded.starts_with("organisation") || folded.starts_with("organization") {
        let value = text
            .split_once(':')
            .map(|(_, v)| v)
            .unwrap_or_default()
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '…' | '.' | '_' | '\u{a0}'));
        grid.organisation = Some(value.to_owned());
    } else if !text.trim().is_empty() {
        grid.rows.push(vec![text]);
    }
}

/// Word comments by id: (author, text).
fn comments(xml: &str) -> HashMap<String, (String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut current: Option<(String, String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match local(e.name().as_ref()) {
                "comment" => {
                    let id = attr(&e, "id").unwrap_or_default();
                    current = Some((id, attr(&e, "author").unwrap_or_default(), String::new()));
                }
                "t" => in_text = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Ok(Event::End(e)) => match local(e.name().as_ref()) {
                "t" => in_text = false,
                "p" => {
                    if let Some((_, _, text)) = current.as_mut()
                        && !text.is_empty()
                    {
                        text.push('\n');
                    }
                }
                "comment" => {
                    if let Some((id, author, text)) = current.take() {
                        out.insert(id, (author, text.trim().to_owned()));
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}
