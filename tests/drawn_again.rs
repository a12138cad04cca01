//! A region copied from the last frame (`ui::memo`) shows exactly what drawing it again
//! would: after any keys, the frame with the copies equals a frame drawn from nothing.

mod common;

use common::{app, press};
use copil::app::App;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const KEYS: [&str; 18] = [
    "j", "k", "G", "g", "v", "f", "n", "a", "x", "é", "enter", "esc", "tab", "u", "ctrl-r", "3",
    "1", "F",
];

fn frame(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| copil::ui::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn same_as_drawn_afresh(app: &App, width: u16, height: u16) -> Result<(), TestCaseError> {
    let kept = frame(app, width, height);
    app.drawn.0.borrow_mut().clear();
    let fresh = frame(app, width, height);
    prop_assert_eq!(kept, fresh);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn a_region_copied_from_the_last_frame_is_what_drawing_it_would_give(
        keys in prop::collection::vec(0..KEYS.len(), 1..40),
        narrow in any::<bool>(),
    ) {
        let mut app = app();
        let (width, height) = if narrow { (80, 24) } else { (120, 40) };
        for k in keys {
            press(&mut app, KEYS[k]);
            // Drawn twice in a row, as the loop does between keys.
            frame(&app, width, height);
            same_as_drawn_afresh(&app, width, height)?;
        }
    }
}
