//! Large meeting files, parsed in pieces on every core: the `[[commitments]]` tables are
//! cut apart and parsed separately, which also keeps the parser's memory small. Any doubt —
//! a piece that does not parse, a value the model refuses — and the caller parses the
//! whole file the ordinary way, which gives the exact messages.

use std::path::Path;

use super::format::{Converter, FileDto};
use crate::model::{Commitment, MarkSet, Meeting, validate};

/// Files from this size on are parsed in pieces.
pub const LARGE: usize = 1 << 20;

/// How many commitments one piece holds.
const PIECE: usize = 256;

/// The byte ranges of each commitment's tables, in file order, and the rest of the file.
fn split(text: &str) -> (Vec<(usize, usize)>, String) {
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut rest = String::new();
    let mut open: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            let header = t.trim_end();
            let is_item = header == "[[commitments]]";
            let is_part = header.starts_with("[commitments.");
            if (is_item || !is_part)
                && let Some(start) = open.take()
            {
                blocks.push((start, offset));
            }
            if is_item {
                open = Some(offset);
            }
        }
        if open.is_none() {
            rest.push_str(line);
        }
        offset += line.len();
    }
    if let Some(start) = open {
        blocks.push((start, text.len()));
    }
    (blocks, rest)
}

fn convert(path: &Path, text: &str, marks: &MarkSet) -> Option<Vec<Commitment>> {
    let dto: FileDto = toml::from_str(text).ok()?;
    if dto.meeting.is_some() {
        return None;
    }
    let mut converter = Converter {
        file: path,
        text,
        marks,
        errors: Vec::new(),
    };
    let commitments = converter.commitments(dto.commitments);
    converter.errors.is_empty().then_some(commitments)
}

/// The meeting, or `None` when the file must be parsed whole.
pub fn parse(path: &Path, text: &str, marks: &MarkSet) -> Option<Meeting> {
    let (blocks, rest) = split(text);
    if blocks.len() < 2 * PIECE {
        return None;
    }
    let pieces: Vec<&str> = blocks
        .chunks(PIECE)
        .map(|c| &text[c[0].0..c[c.len() - 1].1])
        .collect();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let per_worker = pieces.len().div_ceil(workers);
    let parsed: Vec<Option<Vec<Commitment>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pieces
            .chunks(per_worker)
            .map(|group| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for piece in group {
                        out.extend(convert(path, piece, marks)?);
                    }
                    Some(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut commitments = Vec::with_capacity(blocks.len());
    for part in parsed {
        commitments.extend(part?);
    }
    let dto: FileDto = toml::from_str(&rest).ok()?;
    if !dto.commitments.is_empty() {
        return None;
    }
    let mut converter = Converter {
        file: path,
        text: &rest,
        marks,
        errors: Vec::new(),
    };
    let mut meeting = converter.meeting(dto);
    if !converter.errors.is_empty() {
        return None;
    }
    meeting.commitments = commitments;
    validate(&meeting, marks).is_empty().then_some(meeting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::generate;
    use crate::store::{parse_meeting, write_meeting};

    #[test]
    fn a_large_file_parses_in_pieces_to_the_same_meeting() {
        let marks = Config::builtin().marks;
        let meeting = generate::meeting(2_000, 3);
        let text = write_meeting(&meeting, &marks);
        assert!(text.len() >= LARGE, "{} bytes", text.len());
        assert_eq!(
            parse(Path::new("m.toml"), &text, &marks),
            Some(meeting.clone())
        );
        assert_eq!(
            parse_meeting(Path::new("m.toml"), &text, &marks).unwrap(),
            meeting
        );
    }

    #[test]
    fn a_header_inside_a_text_sends_the_file_to_the_whole_parse() {
        let marks = Config::builtin().marks;
        let mut meeting = generate::meeting(2_000, 3);
        meeting.commitments[700].observations[0].text =
            "une ligne\n[[commitments]]\nnumber = 1\n".repeat(3);
        let text = write_meeting(&meeting, &marks);
        let loaded = parse_meeting(Path::new("m.toml"), &text, &marks).unwrap();
        assert_eq!(loaded, meeting);
    }

    #[test]
    fn errors_in_a_large_file_keep_their_exact_place() {
        let marks = Config::builtin().marks;
        let meeting = generate::meeting(2_000, 3);
        let original = write_meeting(&meeting, &marks);
        let at = original.find("number = 900\n").unwrap();
        let text = original.replacen("number = 900\n", "number = 1\n", 1);
        let err = parse_meeting(Path::new("m.toml"), &text, &marks).unwrap_err();
        let line = text[..at].matches('\n').count() + 1;
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("m.toml:{line}:10: duplicate commitment number 1")),
            "{shown}"
        );
    }
}
