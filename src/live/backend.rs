//! What goes to the terminal: only what changed. ratatui hands the backend the cells that
//! differ from the last frame; crossterm's own backend then resets the colours after every
//! frame, moves the cursor before the first cell, and hides or shows the cursor each time,
//! even when nothing changed — about 25 bytes five times a second while nothing happens,
//! and 50 per typed letter. This backend remembers what the terminal already has (the
//! colours and attributes in force, where its cursor stands, whether it shows) and writes
//! only the difference: a letter typed where the cursor stands is that letter, a frame with
//! nothing new is nothing.
//!
//! It also keeps the terminal's size, told by the loop when the terminal reports a resize,
//! instead of asking the terminal device twice a frame.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveLeft, MoveRight, MoveTo, Show};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Print, SetAttribute, SetBackgroundColor, SetColors, SetForegroundColor,
};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The colours and attributes the terminal writes with.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };
}

/// The attributes copil may draw with, and the code that turns each on.
const ATTRIBUTES: [(Modifier, Attribute); 7] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
];

pub struct Lean<W: Write> {
    out: W,
    size: Size,
    /// What the terminal writes with now; `None` when unknown.
    pen: Option<Pen>,
    /// Where the terminal's cursor stands; `None` when unknown.
    at: Option<Position>,
    /// Whether the terminal shows its cursor; `None` when unknown.
    shown: Option<bool>,
    /// Whether the frame being drawn wants the cursor shown.
    wanted: bool,
}

impl<W: Write> Lean<W> {
    pub fn new(out: W, size: Size) -> Lean<W> {
        Lean {
            out,
            size,
            pen: None,
            at: None,
            shown: None,
            wanted: false,
        }
    }

    /// On the terminal of the program: its size asked once.
    pub fn on_terminal(out: W) -> io::Result<Lean<W>> {
        let (width, height) = terminal::size()?;
        Ok(Lean::new(out, Size { width, height }))
    }

    /// The terminal reported a new size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Size { width, height };
    }

    #[cfg(test)]
    pub fn writer(&self) -> &W {
        &self.out
    }

    fn pen(&mut self, cell: &Cell) -> io::Result<()> {
        let want = Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        };
        let mut now = match self.pen {
            Some(pen) if pen == want => return Ok(()),
            Some(pen) => pen,
            None => {
                queue!(self.out, SetAttribute(Attribute::Reset))?;
                Pen::PLAIN
            }
        };
        if !(now.modifier - want.modifier).is_empty() {
            // An attribute to take off: all off, then on again what stays.
            queue!(self.out, SetAttribute(Attribute::Reset))?;
            now = Pen::PLAIN;
        }
        for (modifier, attribute) in ATTRIBUTES {
            if want.modifier.contains(modifier) && !now.modifier.contains(modifier) {
                queue!(self.out, SetAttribute(attribute))?;
            }
        }
        match (now.fg != want.fg, now.bg != want.bg) {
            (true, true) => queue!(
                self.out,
                SetColors(ratatui::crossterm::style::Colors::new(
                    want.fg.into_crossterm(),
                    want.bg.into_crossterm()
                ))
            )?,
            (true, false) => queue!(self.out, SetForegroundColor(want.fg.into_crossterm()))?,
            (false, true) => queue!(self.out, SetBackgroundColor(want.bg.into_crossterm()))?,
            (false, false) => {}
        }
        self.pen = Some(want);
        Ok(())
    }

    /// Plain writing before a clear, which fills with the background in force.
    fn plain(&mut self) -> io::Result<()> {
        if self.pen != Some(Pen::PLAIN) {
            queue!(self.out, SetAttribute(Attribute::Reset))?;
            self.pen = Some(Pen::PLAIN);
        }
        Ok(())
    }
}

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            let here = Position { x, y };
            if self.at != Some(here) {
                // The cursor is not seen jumping about the screen while it is drawn.
                if self.shown != Some(false) {
                    queue!(self.out, Hide)?;
                    self.shown = Some(false);
                }
                queue!(self.out, MoveTo(x, y))?;
            }
            self.pen(cell)?;
            let symbol = cell.symbol();
            queue!(self.out, Print(symbol))?;
            let next = x.saturating_add(symbol.width().max(1) as u16);
            // At the last column the terminal's cursor waits to wrap: where it is depends
            // on the terminal.
            self.at = (next < self.size.width).then_some(Position { x: next, y });
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.wanted = false;
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.wanted = true;
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.at.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let to = position.into();
        match self.at {
            Some(at) if at == to => return Ok(()),
            // Along the row, as after a space typed over a blank cell: shorter.
            Some(at) if at.y == to.y && at.x < to.x => queue!(self.out, MoveRight(to.x - at.x))?,
            Some(at) if at.y == to.y => queue!(self.out, MoveLeft(at.x - to.x))?,
            _ => queue!(self.out, MoveTo(to.x, to.y))?,
        }
        self.at = Some(to);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use ratatui::crossterm::terminal::ClearType as Their;
        self.plain()?;
        queue!(
            self.out,
            Clear(match clear_type {
                ClearType::All => Their::All,
                ClearType::AfterCursor => Their::FromCursorDown,
                ClearType::BeforeCursor => Their::FromCursorUp,
                ClearType::CurrentLine => Their::CurrentLine,
                ClearType::UntilNewLine => Their::UntilNewLine,
            })
        )?;
        self.out.flush()
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }

    /// The cursor shown or hidden as the frame wants, where it was put, then out.
    fn flush(&mut self) -> io::Result<()> {
        if self.shown != Some(self.wanted) {
            if self.wanted {
                queue!(self.out, Show)?;
            } else {
                queue!(self.out, Hide)?;
            }
            self.shown = Some(self.wanted);
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests;
