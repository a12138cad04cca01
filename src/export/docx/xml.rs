//! WordprocessingML written by hand, each element's children in the order the ECMA-376
//! schema requires (`tests/docx.rs` checks every part against the schema's sequences).
//! A paragraph is built as data (`Para`), then written once.

use std::fmt::Write;

pub use crate::export::html::escape as esc;

/// A run of text: bold, italic or underlined.
#[derive(Clone, Debug, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl Run {
    pub fn new(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    pub fn italic(mut self) -> Run {
        self.italic = true;
        self
    }
}

/// A paragraph: its style, list, alignment and runs.
#[derive(Clone, Debug, Default)]
pub struct Para {
    pub style: Option<&'static str>,
    /// The numbering instance and the level.
    pub num: Option<(u32, u8)>,
    pub center: bool,
    pub indent: Option<i32>,
    /// Kept on the page of the paragraph after it.
    pub keep_next: bool,
    pub runs: Vec<Run>,
}

impl Para {
    pub fn styled(style: &'static str, text: &str) -> Para {
        Para {
            style: Some(style),
            runs: vec![Run::new(text)],
            ..Para::default()
        }
    }

    pub fn text(text: &str) -> Para {
        Para {
            runs: vec![Run::new(text)],
            ..Para::default()
        }
    }

    pub fn run(mut self, run: Run) -> Para {
        self.runs.push(run);
        self
    }

    /// Every run bold.
    pub fn run_bold(mut self) -> Para {
        self.runs.iter_mut().for_each(|r| r.bold = true);
        self
    }

    pub fn num(mut self, id: u32, level: u8) -> Para {
        self.num = Some((id, level));
        self
    }

    pub fn center(mut self) -> Para {
        self.center = true;
        self
    }

    pub fn indent(mut self, left: i32) -> Para {
        self.indent = Some(left);
        self
    }

    /// Whether the paragraph reads right to left: its first strong letter is Arabic.
    fn rtl(&self) -> bool {
        let text = self.runs.iter().flat_map(|r| r.text.chars());
        first_strong_is_rtl(text)
    }

    /// `<w:p>`: pPr (pStyle, numPr, bidi, ind, jc; keep-with-next comes from the styles), then the runs.
    pub fn write(&self, out: &mut String) {
        let rtl = self.rtl();
        out.push_str("<w:p><w:pPr>");
        if let Some(style) = self.style {
            let _ = write!(out, "<w:pStyle w:val=\"{style}\"/>");
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if let Some((id, level)) = self.num {
            let _ = write!(
                out,
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
            );
        }
        if rtl {
            out.push_str("<w:bidi/>");
        }
        if let Some(left) = self.indent {
            let _ = write!(out, "<w:ind w:left=\"{left}\"/>");
        }
        if self.center {
            out.push_str("<w:jc w:val=\"center\"/>");
        }
        out.push_str("</w:pPr>");
        for run in &self.runs {
            write_run(out, run);
        }
        out.push_str("</w:p>");
    }
}

/// A run, cut at line breaks and where the script changes, so that Arabic pieces are
/// marked right to left.
fn write_run(out: &mut String, run: &Run) {
    for (i, line) in run.text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:br/></w:r>");
        }
        for (piece, arabic) in scripts(line) {
            if piece.is_empty() {
                continue;
            }
            out.push_str("<w:r>");
            if run.bold || run.italic || run.underline || arabic {
                out.push_str("<w:rPr>");
                if run.bold {
                    out.push_str("<w:b/><w:bCs/>");
                }
                if run.italic {
                    out.push_str("<w:i/><w:iCs/>");
                }
                if run.underline {
                    out.push_str("<w:u w:val=\"single\"/>");
                }
                if arabic {
                    out.push_str("<w:rtl/><w:lang w:bidi=\"ar-MA\"/>");
                }
                out.push_str("</w:rPr>");
            }
            let _ = write!(
                out,
                "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(piece)
            );
        }
    }
}

/// The line cut into pieces of one direction: Arabic letters with the spaces and marks
/// between them, and the rest.
pub fn scripts(line: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in line.char_indices() {
        let Some(arabic) = strong(c) else { continue };
        match current {
            Some(now) if now != arabic => {
                // Neutral characters between the two stay with the earlier piece.
                let cut = line[..i]
                    .rfind(|c: char| strong(c).is_some())
                    .map_or(i, |j| {
                        j + line[j..].chars().next().map_or(0, char::len_utf8)
                    });
                out.push((&line[start..cut], now));
                start = cut;
                current = Some(arabic);
            }
            None => current = Some(arabic),
            _ => {}
        }
    }
    out.push((&line[start..], current.unwrap_or(false)));
    out
}

/// Whether a letter is Arabic (`Some(true)`), another letter (`Some(false)`), or neither.
fn strong(c: char) -> Option<bool> {
    if !c.is_alphabetic() {
        return None;
    }
    let arabic = matches!(
        c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
    );
    Some(arabic)
}

/// Whether the first letter with a direction reads right to left.
pub fn first_strong_is_rtl(text: impl Iterator<Item = char>) -> bool {
    text.filter_map(strong).next().unwrap_or(false)
}
