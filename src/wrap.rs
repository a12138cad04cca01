//! Word wrapping by display width, so that accents, Arabic script, emoji and wide
//! characters never break a layout. Shared by the screen and the text exports.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text from outside (a paste, a returned form) without control characters other than line
/// breaks, so that escape sequences cannot get in, nor what XML forbids; line ends as
/// `\n`, tabs as two spaces, in NFC.
pub fn clean(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', "  ")
        .chars()
        .filter(|&c| !forbidden(c) || c == '\n')
        .nfc()
        .collect()
}

/// A character no XML document may hold (Word, LibreOffice and browsers refuse the file):
/// controls but tab and line ends, and the noncharacters U+FFFE and U+FFFF.
pub fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Display width of a text in terminal cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The start of `text`, at most `bytes` long (cut between characters): what a screen can
/// show of a text far longer than it, so that a title of megabytes costs a key no more than
/// a title of a line.
pub fn head(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Cuts `text` to at most `max` cells, ending with "…" when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    let whole = text;
    // No character is narrower than a cell but the joining and combining ones: far more
    // bytes than cells cannot fit.
    let text = head(text, (max + 8) * 64);
    if text.len() == whole.len() && width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Wraps `text` into lines of at most `max` cells, breaking at spaces and, for words
/// longer than a line, inside the word. Line breaks in the text are kept; the spaces at a
/// break are dropped.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let chars: Vec<char> = paragraph.chars().collect();
        for row in rows(paragraph, max) {
            let line: String = chars[row].iter().collect();
            lines.push(line.trim_end_matches(' ').to_owned());
        }
    }
    lines
}

/// Punctuation that must not begin a line: what French sets after a space, and the
/// comma or full stop that a stray space left alone.
fn clings_back(c: char) -> bool {
    matches!(c, ':' | ';' | '?' | '!' | '»' | '%' | ',' | '.' | ')' | '…')
}

/// How many rows `text` takes, its lines each wrapped at `max` columns (an empty line is
/// a row): the height a cell of a document needs for it.
pub fn count_rows(text: &str, max: usize) -> usize {
    text.split('\n')
        .map(|line| rows(line, max).len().max(1))
        .sum()
}

/// Where one line of text (no line break) breaks into rows of at most `max` cells: ranges of
/// character indices that cover the whole line, in order. A row breaks after spaces, which
/// stay at the end of the row they follow even past the width, so no row starts with a
/// space; never before `:` `;` `?` `!` `»` (or a stray `,` `.`) nor after `«`, so French punctuation stays with
/// its word; inside a word only when the word is wider than a row. The text inputs draw
/// and move by these rows, and `wrap` prints them.
pub fn rows(line: &str, max: usize) -> Vec<std::ops::Range<usize>> {
    let max = max.max(1);
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for unit in units(&chars) {
        let text = &chars[unit.clone()];
        let words = text.iter().rposition(|c| *c != ' ').map_or(0, |i| i + 1);
        let word_width = width(&text[..words].iter().collect::<String>());
        if used > 0 && used + word_width > max {
            out.push(start..unit.start);
            start = unit.start;
            used = 0;
        }
        if word_width > max {
            for (i, c) in text[..words].iter().enumerate() {
                let w = cell(*c);
                if used > 0 && used + w > max && *c != ' ' {
                    out.push(start..unit.start + i);
                    start = unit.start + i;
                    used = 0;
                }
                used += w;
            }
            used += text.len() - words;
        } else {
            used += word_width + (text.len() - words);
        }
    }
    out.push(start..chars.len());
    out
}

/// The line cut into units that never break inside: a word with the spaces after it, with
/// a clinging punctuation mark joined to the word before it and a `«` to the word after.
fn units(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && chars[i] != ' ' {
            i += 1;
        }
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let joins_back = clings_back(chars[start]);
        let after_quote =
            start > 0 && chars[..start].iter().rev().find(|c| **c != ' ') == Some(&'«');
        match out.last_mut() {
            Some(last) if joins_back || after_quote => last.end = i,
            _ => out.push(start..i),
        }
    }
    out
}

fn cell(c: char) -> usize {
    c.width().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_never_pass_the_width() {
        let text =
            "Réformer l'accès 🇲🇦 الحكومة المنفتحة aux services publics numériques 漢字漢字漢字漢字";
        for max in 1..30 {
            for line in wrap(text, max) {
                assert!(width(&line) <= max.max(2), "{max}: {line:?}");
            }
        }
    }

    #[test]
    fn words_are_kept_whole_when_they_fit() {
        assert_eq!(wrap("un deux trois", 7), ["un deux", "trois"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }

    #[test]
    fn no_row_starts_with_a_space_or_french_punctuation() {
        let text =
            "Préciser le lien avec la plateforme Chafafiya , où « les citoyens » ; vraiment ?";
        for max in 1..45 {
            for line in wrap(text, max) {
                let first = line.chars().next().unwrap_or('x');
                assert!(first != ' ', "{max}: {line:?}");
                if max > 12 {
                    assert!(!clings_back(first) && first != ',', "{max}: {line:?}");
                    assert!(!line.ends_with('«'), "{max}: {line:?}");
                }
            }
        }
    }

    #[test]
    fn rows_cover_the_line_and_keep_the_spaces_at_the_end() {
        let line = "un  deux trois";
        assert_eq!(rows(line, 8), [0..9, 9..14]);
        assert_eq!(rows(line, 7), [0..4, 4..9, 9..14]);
        assert_eq!(rows("", 5), vec![std::ops::Range { start: 0, end: 0 }]);
        assert_eq!(rows("abcdefgh", 3), [0..3, 3..6, 6..8]);
    }

    #[test]
    fn truncation_counts_cells() {
        assert_eq!(truncate("été", 3), "été");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert!(width(&truncate("Réunion du comité", 8)) <= 8);
    }

    #[test]
    fn a_huge_text_is_cut_from_its_start_only() {
        let huge = "é".repeat(5_000_000);
        assert_eq!(head(&huge, 7), "ééé", "cut between characters");
        let cut = truncate(&huge, 10);
        assert_eq!(cut, format!("{}…", "é".repeat(9)));
        assert_eq!(truncate("court", 10), "court");
        assert_eq!(truncate("exactement", 10), "exactement");
        assert_eq!(truncate("un peu trop long", 10), "un peu tr…");
    }
}
