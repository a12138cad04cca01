//! Word wrapping by display width, so that accents, Arabic script, emoji and wide
//! characters never break a layout. Shared by the screen and the text exports.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a text in terminal cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts `text` to at most `max` cells, ending with "…" when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
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
/// longer than a line, inside the word. Line breaks in the text are kept.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split(' ') {
            let word_width = width(word);
            let space = usize::from(!line.is_empty());
            if line_width + space + word_width <= max {
                if space == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            for c in word.chars() {
                let w = c.width().unwrap_or(0);
                if line_width + w > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
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
    fn truncation_counts_cells() {
        assert_eq!(truncate("été", 3), "été");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert!(width(&truncate("Réunion du comité", 8)) <= 8);
    }
}
