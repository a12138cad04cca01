use std::num::NonZeroU16;

use ratatui::Terminal;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::Lean;

const SIZE: Size = Size {
    width: 30,
    height: 6,
};

fn terminal() -> Terminal<Lean<Vec<u8>>> {
    Terminal::new(Lean::new(Vec::new(), SIZE)).unwrap()
}

/// Draws `lines` with the cursor at `cursor`, and returns what went to the terminal.
fn frame(t: &mut Terminal<Lean<Vec<u8>>>, lines: &[Line], cursor: Option<(u16, u16)>) -> Vec<u8> {
    let before = t.backend().writer().len();
    t.draw(|f| {
        for (y, line) in lines.iter().enumerate() {
            f.render_widget(line.clone(), Rect::new(0, y as u16, SIZE.width, 1));
        }
        if let Some(at) = cursor {
            f.set_cursor_position(at);
        }
    })
    .unwrap();
    t.backend().writer()[before..].to_vec()
}

#[test]
fn a_letter_typed_at_the_cursor_is_that_letter_alone() {
    let mut t = terminal();
    frame(&mut t, &[Line::raw("Préciser")], Some((8, 0)));
    // A space over a blank cell: the cursor moves on.
    assert_eq!(
        frame(&mut t, &[Line::raw("Préciser ")], Some((9, 0))),
        b"\x1b[1C"
    );
    assert_eq!(
        frame(&mut t, &[Line::raw("Préciser l")], Some((10, 0))),
        b"l"
    );
    assert_eq!(
        frame(&mut t, &[Line::raw("Préciser lé")], Some((11, 0))),
        "é".as_bytes()
    );
}

#[test]
fn a_frame_with_nothing_new_writes_nothing() {
    let mut t = terminal();
    let lines = [
        Line::styled(
            "titre",
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ),
        Line::raw("texte"),
    ];
    assert!(!frame(&mut t, &lines, None).is_empty());
    assert_eq!(frame(&mut t, &lines, None), b"");
    // From the end of "texte" back to its fourth letter, then shown.
    assert_eq!(frame(&mut t, &lines, Some((3, 1))), b"\x1b[2D\x1b[?25h");
    assert_eq!(frame(&mut t, &lines, Some((3, 1))), b"");
}

/// What a terminal shows after all that was written, cell by cell: the symbol, the
/// colours and the attributes, and the cursor.
fn shown(bytes: &[u8]) -> vt100::Parser {
    let mut parser = vt100::Parser::new(
        NonZeroU16::new(SIZE.height).unwrap(),
        NonZeroU16::new(SIZE.width).unwrap(),
        0,
    );
    parser.process(bytes);
    parser
}

fn colour(c: Color) -> vt100::Color {
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        other => panic!("no such colour in this test: {other:?}"),
    }
}

#[test]
fn the_terminal_shows_every_frame_exactly_as_drawn() {
    let styles = [
        Style::new(),
        Style::new()
            .fg(Color::Indexed(6))
            .add_modifier(Modifier::BOLD),
        Style::new().bg(Color::Indexed(4)),
        Style::new()
            .fg(Color::Rgb(200, 10, 10))
            .add_modifier(Modifier::REVERSED),
        Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
        Style::new().fg(Color::Indexed(8)),
    ];
    let words = [
        "N° 12",
        "délai",
        "« titre »",
        "市民",
        " ",
        "Adala",
        "↳ suite",
    ];
    let mut t = terminal();
    let mut seed = 7u32;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) as usize % n
    };
    for round in 0..40 {
        let lines: Vec<Line> = (0..SIZE.height)
            .map(|_| {
                let spans = (0..next(5))
                    .map(|_| Span::styled(words[next(words.len())], styles[next(styles.len())]));
                Line::from(spans.collect::<Vec<_>>())
            })
            .collect();
        let cursor = (round % 3 != 0).then(|| (next(20) as u16, next(6) as u16));
        frame(&mut t, &lines, cursor);
        let parser = shown(t.backend().writer());
        let screen = parser.screen();
        assert_same(screen, &lines, round);
        assert_eq!(screen.hide_cursor(), cursor.is_none(), "round {round}");
        if let Some((x, y)) = cursor {
            assert_eq!(screen.cursor_position(), (y, x), "round {round}");
        }
    }
}

/// The terminal shows `lines` cell by cell: symbol, colours, attributes.
fn assert_same(screen: &vt100::Screen, lines: &[Line], round: usize) {
    let mut drawn = ratatui::buffer::Buffer::empty(Rect::new(0, 0, SIZE.width, SIZE.height));
    for (y, line) in lines.iter().enumerate() {
        drawn.set_line(0, y as u16, line, SIZE.width);
    }
    for y in 0..SIZE.height {
        for x in 0..SIZE.width {
            let want = &drawn[(x, y)];
            let Some(cell) = screen.cell(y, x) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let symbol = if cell.contents().is_empty() {
                " "
            } else {
                cell.contents()
            };
            let at = format!("round {round}, cell ({x}, {y})");
            assert_eq!(symbol, want.symbol(), "{at}");
            assert_eq!(cell.fgcolor(), colour(want.fg), "{at}");
            assert_eq!(cell.bgcolor(), colour(want.bg), "{at}");
            assert_eq!(cell.bold(), want.modifier.contains(Modifier::BOLD), "{at}");
            assert_eq!(
                cell.italic(),
                want.modifier.contains(Modifier::ITALIC),
                "{at}"
            );
            assert_eq!(
                cell.underline(),
                want.modifier.contains(Modifier::UNDERLINED),
                "{at}"
            );
            assert_eq!(
                cell.inverse(),
                want.modifier.contains(Modifier::REVERSED),
                "{at}"
            );
        }
    }
}

#[test]
fn a_clear_is_made_with_no_colour_in_force() {
    let mut t = terminal();
    frame(
        &mut t,
        &[Line::styled("x", Style::new().bg(Color::Indexed(4)))],
        None,
    );
    t.clear().unwrap();
    let parser = shown(t.backend().writer());
    assert_eq!(
        parser.screen().cell(3, 10).unwrap().bgcolor(),
        vt100::Color::Default
    );
}
