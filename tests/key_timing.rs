//! The same keys give the same meeting whatever their rhythm: random key sequences sent
//! with random gaps (0–600 ms) and all at one instant end in the same meeting, at the same
//! place on the same screen.

mod common;

use std::time::Duration;

use copil::app::{App, Clock, handle_key};
use copil::config::Config;
use copil::model::Meeting;
use proptest::prelude::*;

/// Keys a secretary presses during a review: moves, marks, the editor and its way out,
/// deletions and their answers, undo, screens, searches, letters with accents.
const KEYS: &[&str] = &[
    "j",
    "k",
    "g",
    "G",
    "a",
    "enter",
    "esc",
    "tab",
    "shift-tab",
    "f",
    "n",
    "r",
    "x",
    "t",
    "m",
    "v",
    "e",
    "d",
    "D",
    "y",
    "u",
    "ctrl-r",
    ":",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "é",
    "s",
    "space",
    "backspace",
    ">",
    "<",
    "J",
    "K",
    "?",
    "/",
    "p",
    "E",
    "q",
    "A",
    "P",
    "o",
];

/// The program on the sample, at a fixed wall time (a date typed on a screen reads the
/// same whatever the day the test runs).
fn program() -> App {
    let mut config = Config::builtin();
    config.ui_language = copil::model::Language::En;
    let wall = chrono::NaiveDate::from_ymd_opt(2024, 2, 22)
        .unwrap()
        .and_hms_opt(11, 0, 0)
        .unwrap();
    let clock = Clock {
        instant: std::time::Instant::now(),
        wall,
    };
    App::new(common::sample(), config, None, clock)
}

/// The meeting without what the clocks measure (the time on each item, the meeting's
/// clock): the one thing the rhythm may change.
fn without_clocks(meeting: &Meeting) -> Meeting {
    let mut m = meeting.clone();
    m.header.seconds_elapsed = 0;
    for c in m.commitments.iter_mut().map(std::sync::Arc::make_mut) {
        c.seconds_spent = 0;
        c.last_discussed = None;
    }
    m
}

fn run(keys: &[usize], gaps: Option<&[u64]>) -> App {
    let mut app = program();
    let start = app.now;
    let mut at = start;
    for (i, &k) in keys.iter().enumerate() {
        if let Some(gaps) = gaps {
            at += Duration::from_millis(gaps[i]);
        }
        let _ = handle_key(&mut app, common::key_event(KEYS[k]), at);
    }
    app
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_rhythm_never_changes_the_meeting(
        keys_and_gaps in prop::collection::vec((0..KEYS.len(), 0u64..=600), 1..80)
    ) {
        let (keys, gaps): (Vec<usize>, Vec<u64>) = keys_and_gaps.into_iter().unzip();
        let paced = run(&keys, Some(&gaps));
        let batched = run(&keys, None);
        prop_assert_eq!(without_clocks(&paced.meeting), without_clocks(&batched.meeting));
        prop_assert_eq!(paced.screen, batched.screen);
        prop_assert_eq!(paced.current(), batched.current());
        prop_assert_eq!(paced.layers.len(), batched.layers.len());
        prop_assert_eq!(paced.mode(), batched.mode());
    }
}
