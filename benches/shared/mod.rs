//! What the benchmarks share.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Paragraph, Wrap};

/// ratatui's own floor: draws a screen-full of text that differs entirely from the last
/// frame's, so that every cell is diffed and written. `flip` alternates the two texts.
pub struct Floor {
    frames: [String; 2],
    flip: usize,
}

impl Floor {
    pub fn new(width: u16, height: u16) -> Floor {
        let cells = usize::from(width) * usize::from(height);
        Floor {
            frames: ["x".repeat(cells), "y".repeat(cells)],
            flip: 0,
        }
    }

    pub fn draw(&mut self, terminal: &mut Terminal<TestBackend>) {
        self.flip ^= 1;
        let text = self.frames[self.flip].as_str();
        terminal
            .draw(|f| {
                let area = f.area();
                f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area)
            })
            .unwrap();
    }
}

/// A key handled by the program: the meeting's clock stands still, so that only the key's
/// own work is measured.
#[allow(dead_code)]
pub fn press(app: &mut copil::app::App, event: ratatui::crossterm::event::KeyEvent) {
    let now = app.now;
    let _ = copil::app::handle_key(app, event, now);
}

/// The clock for a program made by a benchmark.
#[allow(dead_code)]
pub fn clock() -> copil::app::Clock {
    copil::live::clock()
}
