//! A text field, as in the editor, the prompts and the text of a point: ratatui-textarea
//! keeps the text, the cursor, the selection and the undo of typing; the rows are copil's
//! own (`wrap::rows`), so that no row starts with a space or with French punctuation, and
//! Up and Down move by the rows the secretary sees.

use std::cell::Cell;
use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use crate::wrap::{rows, width};

pub struct Field {
    input: TextArea<'static>,
    /// The width in cells the field was last drawn at, for Up and Down; set by the drawing.
    pub width: Cell<usize>,
    /// The first row shown, kept by the drawing so that the cursor stays in view.
    pub top: Cell<usize>,
}

/// One row on screen: which line of the text and which of its characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub chars: Range<usize>,
    /// The last row of its line: the cursor may stand after its last character.
    pub last: bool,
}

impl Field {
    /// A field holding `text`, its cursor at the end.
    pub fn new(text: &str) -> Field {
        let mut input = TextArea::new(text.split('\n').map(str::to_owned).collect());
        input.move_cursor(CursorMove::Bottom);
        input.move_cursor(CursorMove::End);
        Field {
            input,
            width: Cell::new(usize::MAX),
            top: Cell::new(0),
        }
    }

    pub fn lines(&self) -> &[String] {
        self.input.lines()
    }

    /// The cursor: line and character.
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.input.cursor();
        (c.0, c.1)
    }

    /// The selected text's start and end (line, character), when text is selected.
    pub fn selection(&self) -> Option<((usize, usize), (usize, usize))> {
        self.input.selection_range()
    }

    pub fn insert_str(&mut self, text: &str) {
        self.input.insert_str(text);
    }

    pub fn insert_newline(&mut self) {
        self.input.insert_newline();
    }

    /// The rows of the text at `width` cells.
    pub fn rows(&self, width: usize) -> Vec<Row> {
        let mut out = Vec::new();
        for (line, text) in self.lines().iter().enumerate() {
            let ranges = rows(text, width);
            let count = ranges.len();
            out.extend(ranges.into_iter().enumerate().map(|(i, chars)| Row {
                line,
                chars,
                last: i + 1 == count,
            }));
        }
        out
    }

    /// The row the cursor is on, among `rows`.
    pub fn cursor_row(&self, rows: &[Row]) -> usize {
        let (line, col) = self.cursor();
        rows.iter()
            .position(|r| r.line == line && r.chars.start <= col && holds(r, col))
            .unwrap_or(0)
    }

    /// A key typed into the field, as text fields do: Ctrl-U clears to the start of the
    /// line, Ctrl-W deletes a word back, Ctrl-← and Ctrl-→ move by words, Home and End to
    /// the ends of the line, Up and Down by the rows on screen (with Shift, selecting); the
    /// rest as the input's own keys.
    pub fn key(&mut self, event: KeyEvent) {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let input = &mut self.input;
        match event.code {
            KeyCode::Char('u') if ctrl => {
                input.delete_line_by_head();
            }
            KeyCode::Char('w') if ctrl => {
                input.delete_word();
            }
            KeyCode::Backspace if ctrl => {
                input.delete_word();
            }
            KeyCode::Left if ctrl => input.move_cursor(CursorMove::WordBack),
            KeyCode::Right if ctrl => input.move_cursor(CursorMove::WordForward),
            KeyCode::Home => input.move_cursor(CursorMove::Head),
            KeyCode::End => input.move_cursor(CursorMove::End),
            KeyCode::Up | KeyCode::Down => {
                let shift = event.modifiers.contains(KeyModifiers::SHIFT);
                self.vertical(event.code == KeyCode::Down, shift);
            }
            _ => {
                input.input(event);
            }
        }
    }

    /// Moves the cursor one row up or down, to the character under it.
    fn vertical(&mut self, down: bool, shift: bool) {
        let rows = self.rows(self.width.get());
        let here = self.cursor_row(&rows);
        let there = if down { here + 1 } else { here.wrapping_sub(1) };
        let Some(target) = rows.get(there) else {
            return;
        };
        let (line, col) = self.cursor();
        let x = width(&chars(&self.lines()[line], rows[here].chars.start..col));
        let text = &self.lines()[target.line];
        let mut to = target.chars.start;
        while holds(target, to + 1) && width(&chars(text, target.chars.start..to + 1)) <= x {
            to += 1;
        }
        if shift && self.input.selection_range().is_none() {
            self.input.start_selection();
        } else if !shift {
            self.input.cancel_selection();
        }
        let (row, col) = (
            u16::try_from(target.line).unwrap_or(u16::MAX),
            u16::try_from(to).unwrap_or(u16::MAX),
        );
        self.input.move_cursor(CursorMove::Jump(row, col));
    }
}

/// Whether the cursor at character `col` stands on `row`: up to its end on the last row of
/// a line, before its end on the others (the end is the next row's start).
fn holds(row: &Row, col: usize) -> bool {
    if row.last {
        col <= row.chars.end
    } else {
        col < row.chars.end
    }
}

/// The characters `range` of `text`.
pub fn chars(text: &str, range: Range<usize>) -> String {
    text.chars()
        .skip(range.start)
        .take(range.end - range.start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(field: &mut Field, code: KeyCode) {
        field.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn up_and_down_move_by_the_rows_on_screen() {
        let mut field = Field::new("Préciser le lien avec Adala, où les citoyens\nsuite");
        field.width.set(12);
        let rows = field.rows(12);
        let shown: Vec<String> = rows
            .iter()
            .map(|r| chars(&field.lines()[r.line], r.chars.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                "Préciser le ",
                "lien avec ",
                "Adala, où ",
                "les citoyens",
                "suite"
            ]
        );
        assert_eq!(field.cursor_row(&rows), 4);
        key(&mut field, KeyCode::Up);
        assert_eq!(field.cursor(), (0, 37), "under the end of « suite »");
        key(&mut field, KeyCode::Up);
        assert_eq!(field.cursor(), (0, 27));
        key(&mut field, KeyCode::Home);
        for expected in [(0, 12), (0, 22), (0, 32), (1, 0)] {
            key(&mut field, KeyCode::Down);
            assert_eq!(field.cursor(), expected, "the row below, at its start");
        }
        key(&mut field, KeyCode::Down);
        assert_eq!(field.cursor(), (1, 0), "nothing below the last row");
    }

    #[test]
    fn the_cursor_at_a_row_break_stands_on_the_next_row() {
        let mut field = Field::new("abc def");
        let rows = field.rows(4);
        assert_eq!(rows.len(), 2);
        field.input.move_cursor(CursorMove::Jump(0, 4));
        assert_eq!(field.cursor_row(&rows), 1);
    }
}
