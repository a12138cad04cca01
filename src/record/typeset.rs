//! The language's typography as a rule on text: which spaces go before which marks, the
//! apostrophe. `typography.rs` applies it to every text of a record.

use crate::model::Language;

/// U+00A0, before `:` and inside `« »`.
pub const NBSP: char = '\u{a0}';
/// U+202F, before `;` `!` `?`.
pub const NARROW: char = '\u{202f}';

/// Which rules apply: the `[export]` settings and the record's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Typography {
    pub language: Language,
    pub spaces: bool,
    pub apostrophes: bool,
}

impl Typography {
    pub fn apply(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len() + 8);
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            match c {
                ' ' | NBSP | NARROW if self.spaces && self.space_goes(&chars, i) => {}
                // Arabic or Hebrew text keeps its own punctuation, unspaced.
                ':' | ';' | '!' | '?' if self.spaces && right_to_left(&chars[..i]) => out.push(c),
                ':' | ';' | '!' | '?' if self.spaces && ends_clause(after) => {
                    if self.language == Language::Fr && !is_high(before) {
                        trim_spaces(&mut out);
                        if !out.is_empty() {
                            out.push(if c == ':' { NBSP } else { NARROW });
                        }
                    } else if self.language == Language::En {
                        trim_spaces(&mut out);
                    }
                    out.push(c);
                }
                '»' if self.spaces && self.language == Language::Fr => {
                    trim_spaces(&mut out);
                    out.push(NBSP);
                    out.push(c);
                }
                '«' if self.spaces && self.language == Language::Fr => {
                    out.push(c);
                    out.push(NBSP);
                }
                '\'' if self.apostrophes
                    && self.language == Language::Fr
                    && before.is_some_and(char::is_alphabetic)
                    && after.is_some_and(char::is_alphabetic) =>
                {
                    out.push('’');
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// A space that the rules replace: after `«`, before `»`, or before a clause mark
    /// that ends a clause.
    fn space_goes(&self, chars: &[char], i: usize) -> bool {
        if self.language != Language::Fr {
            return false;
        }
        let prev = chars[..i].iter().rev().find(|c| !is_space(**c));
        prev == Some(&'«')
    }
}

/// Whether a clause mark is one: followed by a space, a closing mark or the end ("11:00"
/// and "https://" are not).
/// Whether the last letter before a mark is of a right-to-left script (Hebrew, Arabic).
fn right_to_left(before: &[char]) -> bool {
    let last = before.iter().rev().find(|c| c.is_alphabetic());
    last.is_some_and(|&c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

fn ends_clause(after: Option<char>) -> bool {
    after.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '»' | ')' | '"' | '”' | '.' | ',' | '!' | '?')
    })
}

/// A mark that already took the space before it: the second of "?!".
fn is_high(before: Option<char>) -> bool {
    matches!(before, Some(':' | ';' | '!' | '?'))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | NARROW)
}

fn trim_spaces(out: &mut String) {
    while out.ends_with(is_space) {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: Typography = Typography {
        language: Language::Fr,
        spaces: true,
        apostrophes: true,
    };
    const EN: Typography = Typography {
        language: Language::En,
        ..FR
    };

    #[test]
    fn french_punctuation_takes_no_break_spaces_never_doubled() {
        let n = NBSP;
        let t = NARROW;
        assert_eq!(
            FR.apply("Très » ; vraiment ?"),
            format!("Très{n}»{t}; vraiment{t}?")
        );
        assert_eq!(
            FR.apply("Remplacer le titre par: «titre»."),
            format!("Remplacer le titre par{n}: «{n}titre{n}».")
        );
        assert_eq!(FR.apply("A  :  b"), format!("A{n}:  b"));
        assert_eq!(FR.apply(&format!("déjà{n}: bon")), format!("déjà{n}: bon"));
        assert_eq!(FR.apply("Vraiment ?!"), format!("Vraiment{t}?!"));
        // Arabic keeps its own punctuation: no French space before it.
        assert_eq!(FR.apply("ملاحظة: إشراك"), "ملاحظة: إشراك");
        assert_eq!(
            FR.apply("à 11:00, voir https://x.ma"),
            "à 11:00, voir https://x.ma"
        );
        assert_eq!(
            FR.apply("l'Administration, Mot d'ouverture, 'cité'"),
            "l’Administration, Mot d’ouverture, 'cité'"
        );
    }

    #[test]
    fn english_has_no_space_before_punctuation_and_keeps_straight_apostrophes() {
        assert_eq!(
            EN.apply("Deadline : Monday ; Owner : X"),
            "Deadline: Monday; Owner: X"
        );
        assert_eq!(EN.apply("the committee's view"), "the committee's view");
        assert_eq!(EN.apply("«quoted»"), "«quoted»");
    }

    #[test]
    fn rules_turned_off_change_nothing() {
        let off = Typography {
            spaces: false,
            apostrophes: false,
            ..FR
        };
        let text = "Très » ; l'un : « deux »";
        assert_eq!(off.apply(text), text);
    }
}
