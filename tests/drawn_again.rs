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

#[test]
fn the_marks_naming_an_item_follow_every_change_of_the_items_that_name_it() {
    use copil::model::{Mark, MarkArg};
    let mut app = app();
    let target = app.meeting.commitments[7].number;
    assert!(app.pointing_at(target).is_empty());
    // A mark naming no item keeps what was found; a merge onto the target is found.
    app.change_commitment(2, |c| c.marks.push(Mark::new("cancelled", MarkArg::None)));
    assert!(app.pointing_at(target).is_empty());
    app.change_commitment(2, |c| {
        c.marks
            .push(Mark::new("merge", MarkArg::Commitment(target)))
    });
    let from = app.meeting.commitments[2].number;
    assert_eq!(
        app.pointing_at(target),
        [Mark::new("merge", MarkArg::Commitment(from))]
    );
    app.change_commitment(2, |c| c.marks.retain(|m| m.id != "cancelled"));
    assert_eq!(
        app.pointing_at(target).len(),
        1,
        "another mark taken off keeps the merge"
    );
    app.change_commitment(2, |c| c.marks.clear());
    assert!(
        app.pointing_at(target).is_empty(),
        "the merge taken off is gone"
    );
}
