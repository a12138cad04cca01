//! A box with borders and titles, drawn as ratatui's `Block` draws one (`Borders::ALL`,
//! plain lines), cell for cell, but without styling every cell inside it first: a block
//! restyles its whole area even with no style of its own, which was a tenth of a frame
//! with four boxes on screen, paid on every key.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::line;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

pub struct Panel<'a> {
    style: Style,
    top: Vec<Line<'a>>,
    bottom: Vec<Line<'a>>,
}

impl<'a> Panel<'a> {
    /// A box whose borders are drawn in `style`.
    pub fn new(style: Style) -> Panel<'a> {
        Panel {
            style,
            top: Vec::new(),
            bottom: Vec::new(),
        }
    }

    /// A title on the top border, placed as its line's alignment says.
    pub fn title(mut self, title: impl Into<Line<'a>>) -> Panel<'a> {
        self.top.push(title.into());
        self
    }

    /// A title on the bottom border.
    pub fn title_bottom(mut self, title: impl Into<Line<'a>>) -> Panel<'a> {
        self.bottom.push(title.into());
        self
    }

    /// The area inside the borders.
    pub fn inner(area: Rect) -> Rect {
        Block::bordered().inner(area)
    }

    /// Draws the box over `area` and returns the area inside it.
    pub fn render(self, area: Rect, buf: &mut Buffer) -> Rect {
        let inner = Panel::inner(area);
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return inner;
        }
        let (left, right) = (area.left(), area.right() - 1);
        let (top, bottom) = (area.top(), area.bottom() - 1);
        // A wide letter just left of the box would cover its border: blanked.
        if left > buf.area.left() {
            for y in top..=bottom {
                let cell = &mut buf[(left - 1, y)];
                if cell.symbol().width() > 1 {
                    cell.set_symbol(" ");
                }
            }
        }
        for x in left..=right {
            for y in [top, bottom] {
                buf[(x, y)]
                    .set_symbol(line::HORIZONTAL)
                    .set_style(self.style);
            }
        }
        for y in top..=bottom {
            for x in [left, right] {
                buf[(x, y)].set_symbol(line::VERTICAL).set_style(self.style);
            }
        }
        // The titles as a block places them, on a block one row high: only that row is
        // styled.
        for (titles, y) in [(self.top, top), (self.bottom, bottom)] {
            if titles.is_empty() {
                continue;
            }
            let row = Block::new()
                .borders(Borders::LEFT | Borders::RIGHT)
                .border_style(self.style);
            let row = titles.into_iter().fold(row, Block::title);
            row.render(Rect::new(area.x, y, area.width, 1), buf);
        }
        for (x, y, corner) in [
            (right, bottom, line::BOTTOM_RIGHT),
            (right, top, line::TOP_RIGHT),
            (left, bottom, line::BOTTOM_LEFT),
            (left, top, line::TOP_LEFT),
        ] {
            buf[(x, y)].set_symbol(corner).set_style(self.style);
        }
        inner
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    use super::*;

    /// The same box drawn by ratatui's block and by the panel, over a buffer that already
    /// holds styled text.
    fn both(area: Rect, titles: &[(bool, Line<'static>)]) -> (Buffer, Buffer) {
        let style = Style::new().fg(Color::Indexed(8));
        let mut under = Buffer::empty(Rect::new(0, 0, 30, 8));
        for y in 0..8 {
            under.set_string(
                0,
                y,
                "x".repeat(30),
                Style::new().bg(Color::Indexed(4)).italic(),
            );
        }
        let (mut theirs, mut ours) = (under.clone(), under);
        let mut block = Block::default().borders(Borders::ALL).border_style(style);
        let mut panel = Panel::new(style);
        for (bottom, title) in titles {
            if *bottom {
                block = block.title_bottom(title.clone());
                panel = panel.title_bottom(title.clone());
            } else {
                block = block.title(title.clone());
                panel = panel.title(title.clone());
            }
        }
        let inner = block.inner(area);
        block.render(area, &mut theirs);
        assert_eq!(panel.render(area, &mut ours), inner);
        (theirs, ours)
    }

    #[test]
    fn a_panel_is_drawn_as_a_block_cell_for_cell() {
        let titles = [
            (false, Line::from(" ▶ Commitments 4/22 · Non revus ")),
            (false, Line::from(" 30 s ").right_aligned()),
            (true, Line::from(" Esc to finish ").right_aligned()),
            (
                false,
                Line::from(vec![Span::raw(" N° "), Span::styled("12", Modifier::BOLD)]),
            ),
        ];
        let areas = [
            Rect::new(0, 0, 30, 8),
            Rect::new(3, 1, 20, 5),
            Rect::new(2, 2, 9, 3),
            Rect::new(0, 0, 2, 2),
            Rect::new(5, 5, 1, 1),
            Rect::new(25, 6, 10, 5),
        ];
        for area in areas {
            for n in 0..=titles.len() {
                let (theirs, ours) = both(area, &titles[..n]);
                assert_eq!(ours, theirs, "{area:?} with {n} titles");
            }
        }
    }

    #[test]
    fn a_wide_letter_under_the_left_border_gives_way_to_it() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 4));
        for y in 0..4 {
            buf.set_string(0, y, "Titre😀😀😀😀😀", Style::new());
        }
        // "Titre" is five cells, each emoji two: one straddles column 6 and 7.
        Panel::new(Style::new()).render(Rect::new(7, 0, 8, 4), &mut buf);
        for y in 0..4 {
            assert_eq!(buf[(6, y)].symbol(), " ", "row {y}");
            assert_ne!(buf[(7, y)].symbol(), " ", "row {y}: the border stands");
        }
    }
}
