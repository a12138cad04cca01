//! Where the table's rows may cross a page, the same in every paged format (Word, PDF):
//! a row of a few lines never splits; a longer one is cut between its bullets into pieces
//! of a few lines, each kept whole, so that where a page breaks the row goes on under the
//! repeated header with its number and "(suite)". The lines are estimated from the
//! columns' widths in twips, at about 110 twips a character at 11 points.

use std::ops::Range;

use crate::record::{Item, Row, group_items};

/// The most lines a row may have and still never be cut into pieces.
pub const KEPT_WHOLE: usize = 8;

/// Whether a piece of `lines` lines is kept whole on its page. A piece is at most
/// `KEPT_WHOLE` lines, unless its title or one of its bullets is longer: it stays whole
/// too, up to most of a page, rather than split without its number.
pub fn whole(lines: usize) -> bool {
    lines <= 40
}

/// About how many lines `text` takes in a column `width` twips wide.
pub fn lines(text: &str, width: u32) -> usize {
    crate::wrap::count_rows(text, (width as usize / 110).max(8))
}

/// About how many lines a bullet takes in an observations column `width` wide (its
/// indent aside).
pub fn bullet_lines(text: &str, width: u32) -> usize {
    lines(text, width.saturating_sub(360))
}

/// The lines of the title cell: the title, and the proposed one below it.
pub fn title_lines(row: &Row, width: u32) -> usize {
    let titles = std::iter::once(row.title.as_str()).chain(row.new_title.as_deref());
    titles.map(|t| lines(t, width)).sum()
}

/// A row's observations in the order the table writes them, each bullet with its
/// sub-bullets (a piece never parts them), each with its level.
fn said(items: &[Item]) -> Vec<Vec<(&Item, u8)>> {
    (group_items(items).into_iter())
        .map(|(item, subs)| {
            let item = item.map(|i| (i, 0));
            item.into_iter()
                .chain(subs.into_iter().map(|s| (s, 1)))
                .collect()
        })
        .collect()
}

/// About how many lines `row` takes: its taller cell, title or observations.
pub fn row_lines(row: &Row, columns: [u32; 3]) -> usize {
    let said: usize = (row.items.iter().chain(&row.history))
        .map(|i| bullet_lines(&i.text, columns[2]))
        .sum();
    title_lines(row, columns[1]).max(said)
}

/// The observations of a long row (`counts`: each one's lines) cut into pieces of at most
/// `KEPT_WHOLE` lines between them, the first as tall as the title at least (`title`):
/// each piece's observations and its lines.
pub fn pieces(counts: &[usize], title: usize) -> Vec<(Range<usize>, usize)> {
    let mut pieces: Vec<(Range<usize>, usize)> = vec![(0..0, title)];
    let mut used = 0;
    for (i, &lines) in counts.iter().enumerate() {
        let room = match pieces.len() {
            1 => KEPT_WHOLE.max(title),
            _ => KEPT_WHOLE,
        };
        if used > 0 && used + lines > room {
            pieces.push((i..i, 0));
            used = 0;
        }
        used += lines;
        let piece = pieces.last_mut().expect("one piece at least");
        piece.0.end = i + 1;
        piece.1 = piece.1.max(used);
    }
    pieces
}

/// How `row` stands in the table: one piece for the whole row when it is short, or when
/// rows are not cut (`split`); else its pieces. Each piece: the range of its groups of
/// observations (`said(items)`, then a history heading and `said(history)`, as `counts`
/// gives their lines) and its lines.
fn row_pieces(
    row: &Row,
    columns: [u32; 3],
    counts: &[usize],
    split: bool,
) -> Vec<(Range<usize>, usize)> {
    let whole = row_lines(row, columns);
    match split && whole > KEPT_WHOLE {
        true => pieces(counts, title_lines(row, columns[1])),
        false => vec![(0..counts.len(), whole)],
    }
}

/// A row's observations made by `bullet` (each with its level), the history's after
/// `heading`, and the row's pieces as ranges of them, each with its lines.
pub fn laid_out<T>(
    row: &Row,
    (columns, split): ([u32; 3], bool),
    heading: impl FnOnce() -> T,
    mut bullet: impl FnMut(&Item, u8) -> T,
) -> (Vec<T>, Vec<(Range<usize>, usize)>) {
    // The observations, and where each group (a bullet and its sub-bullets) ends.
    let (mut out, mut ends, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    let mut group = |out: &mut Vec<T>, group: Vec<(&Item, u8)>| {
        let lines = group.iter().map(|(i, _)| bullet_lines(&i.text, columns[2]));
        counts.push(lines.sum());
        out.extend(group.into_iter().map(|(i, level)| bullet(i, level)));
        ends.push(out.len());
    };
    for g in said(&row.items) {
        group(&mut out, g);
    }
    if !row.history.is_empty() {
        out.push(heading());
        for g in said(&row.history) {
            group(&mut out, g);
        }
    }
    let pieces = row_pieces(row, columns, &counts, split);
    let last = pieces.len() - 1;
    let pieces = (pieces.into_iter().enumerate())
        .map(|(i, (range, lines))| {
            // The paragraphs of its groups; the last piece takes whatever is left.
            let start = if range.start == 0 {
                0
            } else {
                ends[range.start - 1]
            };
            let end = if i == last {
                out.len()
            } else {
                ends[range.end - 1]
            };
            (start..end, lines)
        })
        .collect();
    (out, pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_row_is_cut_between_bullets_into_pieces_of_a_few_lines() {
        // Bullets of 3 lines: two to a piece; the title's 10 lines make the first taller.
        assert_eq!(pieces(&[3; 5], 2), [(0..2, 6), (2..4, 6), (4..5, 3)]);
        assert_eq!(pieces(&[3; 5], 10), [(0..3, 10), (3..5, 6)]);
        // A bullet longer than a piece is a piece of its own.
        assert_eq!(pieces(&[2, 12, 1], 1), [(0..1, 2), (1..2, 12), (2..3, 1)]);
        assert_eq!(pieces(&[], 3), [(0..0, 3)]);
        // A piece longer than a few lines (a long title) is still kept whole.
        assert!(whole(9) && whole(40) && !whole(41));
    }
}
