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
    /// `"…"` as `« … »` in French, and `...` as `…`.
    pub quotes: bool,
}

impl Typography {
    pub fn apply(&self, text: &str) -> String {
        let chars = self.quoted(text);
        let mut out = String::with_capacity(text.len() + 8);
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            match c {
                ' ' | NBSP | NARROW if self.spaces && self.space_goes(&chars, i) => {}
                ' ' if self.spaces && self.language == Language::Fr && binds(&chars, i) => {
                    out.push(NBSP);
                }
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

    /// The text's characters with straight double quotes made French ones (opening and
    /// closing in turn) and three dots made one ellipsis, when `quotes` is on.
    fn quoted(&self, text: &str) -> Vec<char> {
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        if !self.quotes {
            chars.extend(text.chars());
            return chars;
        }
        let mut rest = text;
        let mut open = false;
        while let Some(c) = rest.chars().next() {
            let dots = rest.len() - rest.trim_start_matches('.').len();
            if dots > 1 {
                // Three dots are an ellipsis; other runs stay as typed.
                if dots == 3 {
                    chars.push('…');
                } else {
                    chars.extend(std::iter::repeat_n('.', dots));
                }
                rest = &rest[dots..];
                continue;
            }
            if c == '"' && self.language == Language::Fr {
                chars.push(if open { '»' } else { '«' });
                open = !open;
            } else {
                chars.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        chars
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

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
/// Units and signs written after a number, kept on its line.
const UNITS: [&str; 18] = [
    "%", "‰", "€", "$", "MAD", "DH", "Dh", "dh", "km", "m", "kg", "h", "min", "ko", "Mo", "Go",
    "jours", "ans",
];

/// Whether the space at `i` keeps two words on one line: after "n°", inside a date
/// ("lundi 4 mars 2024"), between a number and its unit ("12 %").
fn binds(chars: &[char], i: usize) -> bool {
    // Every rule has a digit or "°" beside the space, or "1er" before it: any other space
    // (nearly all of them, on every frame of the preview) is let go at once.
    let prev = i.checked_sub(1).map(|j| chars[j]);
    let next = chars.get(i + 1);
    let near = prev.is_some_and(|c| c.is_ascii_digit() || matches!(c, '°' | 'º' | 'r'))
        || next.is_some_and(char::is_ascii_digit);
    if !near {
        return false;
    }
    let start = chars[..i]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let end = chars[i + 1..]
        .iter()
        .position(|c| c.is_whitespace())
        .map_or(chars.len(), |p| i + 1 + p);
    let before: String = chars[start..i].iter().collect::<String>().to_lowercase();
    let after: String = chars[i + 1..end].iter().collect();
    let after = after.trim_end_matches([',', '.', ';', ':', ')', '»', '!', '?']);
    let lower = after.to_lowercase();
    let before = before.trim_start_matches(['(', '«']);
    let number = |w: &str| w == "1er" || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
    let amount = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | NBSP | NARROW))
    };
    let year = after.len() == 4 && number(after);
    before.ends_with("n°")
        || before.ends_with("nº")
        || (WEEKDAYS.contains(&before) && number(&lower))
        || (number(before) && MONTHS.contains(&lower.as_str()))
        || (MONTHS.contains(&before) && year)
        || (amount(before) && UNITS.contains(&after))
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
        quotes: true,
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
    fn numbers_dates_and_units_stay_on_one_line() {
        let n = NBSP;
        assert_eq!(
            FR.apply("Voir l'engagement n° 9, puis N° 12."),
            format!("Voir l’engagement n°{n}9, puis N°{n}12.")
        );
        assert_eq!(
            FR.apply("au plus tard le lundi 4 mars 2024, et le 1er avril."),
            format!("au plus tard le lundi{n}4{n}mars{n}2024, et le 1er{n}avril.")
        );
        assert_eq!(
            FR.apply("Atteindre 12,5 % des 3 000 km en 30 jours"),
            format!("Atteindre 12,5{n}% des 3 000{n}km en 30{n}jours")
        );
        // Words that only look like it are left alone.
        assert_eq!(
            FR.apply("mars est loin, 4 ministères"),
            "mars est loin, 4 ministères"
        );
        assert_eq!(EN.apply("by Monday 4 March 2024"), "by Monday 4 March 2024");
    }

    #[test]
    fn straight_quotes_become_french_ones_and_three_dots_one() {
        let n = NBSP;
        assert_eq!(
            FR.apply("Remplacer par : \"Accès à l'information\"..."),
            format!("Remplacer par{n}: «{n}Accès à l’information{n}»…")
        );
        assert_eq!(
            FR.apply("(\"a\") et \" b \""),
            format!("(«{n}a{n}») et «{n}b{n}»")
        );
        assert_eq!(EN.apply("\"as is\"..."), "\"as is\"…");
        assert_eq!(FR.apply("Suite...."), "Suite....");
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
            quotes: false,
            ..FR
        };
        let text = "Très » ; l'un : « deux »";
        assert_eq!(off.apply(text), text);
    }
}
