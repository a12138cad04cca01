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
/// A header is a line whose first character other than spaces and tabs is `[`.
fn split(text: &str) -> (Vec<(usize, usize)>, String) {
    let bytes = text.as_bytes();
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut rest = String::new();
    let mut open: Option<usize> = None;
    // Where the text not yet given to a block or to the rest begins.
    let mut kept = 0;
    for at in memchr::memchr_iter(b'[', bytes) {
        let line = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        if !bytes[line..at].iter().all(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let header = text[at..end].trim_end();
        let is_item = header == "[[commitments]]";
        let is_part = header.starts_with("[commitments.");
        if (is_item || !is_part)
            && let Some(start) = open.take()
        {
            blocks.push((start, line));
            kept = line;
        }
        if is_item {
            rest.push_str(&text[kept..line]);
            open = Some(line);
            kept = line;
        }
    }
    match open {
        Some(start) => blocks.push((start, text.len())),
        None => rest.push_str(&text[kept..]),
    }
    (blocks, rest)
}

/// The commitments of one piece: read straight from the parser's events when every one is
/// usual, through serde otherwise.
fn convert(path: &Path, text: &str, marks: &MarkSet) -> Option<Vec<Commitment>> {
    if let Some(commitments) = super::events::commitments(text, marks) {
        return Some(commitments);
    }
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
    meeting.commitments = commitments.into_iter().map(std::sync::Arc::new).collect();
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
    fn the_file_is_cut_at_its_headers_and_nothing_is_left_out() {
        let text = "[meeting]\ntitle = \"[[commitments]]\"\n\n[[commitments]]\nnumber = 1\n\
                    marks = [\n  { id = \"x\" },\n]\n  [commitments.sheet]\nproblem = \"p\"\n\
                    \t[[commitments]]\nnumber = 2\n[[participants]]\nname = \"[a]\"\n\
                    [[commitments]]\nnumber = 3";
        let (blocks, rest) = split(text);
        let texts: Vec<&str> = blocks.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            texts,
            [
                "[[commitments]]\nnumber = 1\nmarks = [\n  { id = \"x\" },\n]\n  [commitments.sheet]\nproblem = \"p\"\n",
                "\t[[commitments]]\nnumber = 2\n",
                "[[commitments]]\nnumber = 3",
            ]
        );
        assert_eq!(
            rest,
            "[meeting]\ntitle = \"[[commitments]]\"\n\n[[participants]]\nname = \"[a]\"\n"
        );
    }

    #[test]
    fn the_reading_from_events_gives_what_serde_gives() {
        let marks = Config::builtin().marks;
        let mut meeting = generate::meeting(300, 9);
        std::sync::Arc::make_mut(&mut meeting.commitments[3]).summary =
            Some("Résumé \"cité\"".into());
        std::sync::Arc::make_mut(&mut meeting.commitments[4]).history =
            meeting.commitments[5].observations.clone();
        std::sync::Arc::make_mut(&mut meeting.commitments[6]).last_discussed =
            chrono::NaiveDate::from_ymd_opt(2024, 2, 22).and_then(|d| d.and_hms_opt(11, 42, 7));
        std::sync::Arc::make_mut(&mut meeting.commitments[7]).observations[0].by =
            Some("ACODEC".into());
        std::sync::Arc::make_mut(&mut meeting.commitments[8]).sheet =
            Some(crate::model::Sheet::default());
        let text = write_meeting(&meeting, &marks);
        let pieces = text.split("\n[[commitments]]").skip(1);
        for piece in pieces {
            let piece = format!("[[commitments]]{piece}");
            let piece = piece.split("\n[[decisions]]").next().unwrap();
            let through_serde = {
                let dto: FileDto = toml::from_str(piece).unwrap();
                let mut converter = Converter {
                    file: Path::new("p"),
                    text: piece,
                    marks: &marks,
                    errors: Vec::new(),
                };
                converter.commitments(dto.commitments)
            };
            assert_eq!(
                convert(Path::new("p"), piece, &marks).unwrap(),
                through_serde
            );
        }
    }

    #[test]
    fn a_header_inside_a_text_sends_the_file_to_the_whole_parse() {
        let marks = Config::builtin().marks;
        let mut meeting = generate::meeting(2_000, 3);
        std::sync::Arc::make_mut(&mut meeting.commitments[700]).observations[0].text =
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
