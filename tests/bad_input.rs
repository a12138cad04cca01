//! Bad input everywhere gets a message or safe handling, never a panic.

mod common;

use std::path::Path;

use common::{app, press, type_text};
use copil::app::{Effect, Layer, handle_key, handle_paste};
use copil::config::Config;
use copil::store;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The fuzzers' seeds, known to have crashed TOML parsers, go through both loaders.
#[test]
fn fuzz_seeds_are_refused_or_loaded_without_a_panic() {
    let marks = Config::builtin().marks;
    for target in ["meeting_loader", "config_loader"] {
        let dir = Path::new("fuzz/corpus").join(target);
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let _ = store::parse_meeting(&path, &text, &marks);
            let _ = Config::parse(&path, &text);
            seen += 1;
        }
        assert!(seen >= 4, "{target}: {seen} seeds");
    }
    let brackets = "[".repeat(20_000);
    let err = store::parse_meeting(Path::new("b.toml"), &brackets, &marks).unwrap_err();
    assert!(err.to_string().starts_with("b.toml:1:"), "{err}");
}

/// The event reader's seeds: read as the ordinary loader reads them, or left to it.
#[test]
fn piece_seeds_read_as_the_whole_loader_reads_them() {
    let marks = Config::builtin().marks;
    let mut read_fast = 0;
    for entry in std::fs::read_dir("fuzz/corpus/commitment_pieces").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let Some(read) = store::commitments_from_events(&text, &marks) else {
            continue;
        };
        read_fast += 1;
        let read: Vec<_> = read.into_iter().map(std::sync::Arc::new).collect();
        let whole = format!("[meeting]\ntitle = \"t\"\ndate = 2024-01-01\n\n{text}");
        let meeting = store::parse_meeting(&path, &whole, &marks).unwrap();
        assert_eq!(meeting.commitments, read, "{}", path.display());
    }
    assert!(read_fast >= 2, "the usual seeds are read from events");
}

#[test]
fn a_pasted_megabyte_with_escape_sequences_is_taken_safely() {
    let mut app = app();
    press(&mut app, "a");
    let chunk = "Texte collé \u{1b}[2J\u{1b}]0;titre\u{7} avec des accents éèà\r\n";
    let big = chunk.repeat(1_000_000 / chunk.len() + 1);
    let now = app.now;
    let _ = handle_paste(&mut app, &big, now);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
    press(&mut app, "esc");
    // One bullet per pasted line, written as one change.
    let observations = &app.meeting.commitments[0].observations;
    let total: usize = observations.iter().map(|o| o.text.len()).sum();
    assert!(
        observations.len() > 10_000 && total > 700_000,
        "{} {total}",
        observations.len()
    );
    assert!(observations.iter().all(|o| {
        !o.text.contains('\u{1b}') && !o.text.contains('\u{7}') && !o.text.contains('\r')
    }));
    terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
    press(&mut app, "u");
    assert!(
        app.meeting.commitments[0].observations.is_empty(),
        "one undo takes it back"
    );
}

#[test]
fn a_very_long_line_wraps_on_every_screen() {
    let mut app = app();
    press(&mut app, "a");
    let now = app.now;
    let _ = handle_paste(&mut app, &"mot".repeat(3_000), now);
    press(&mut app, "enter esc");
    for screen in ["1", "2", "3", "4", "5"] {
        press(&mut app, screen);
        for (w, h) in [(60, 15), (80, 24), (250, 80)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        }
    }
}

#[test]
fn an_invalid_date_in_a_prompt_is_a_message() {
    let mut app = app();
    press(&mut app, "2 j enter");
    for _ in 0..10 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "2024-02-30");
    press(&mut app, "enter");
    assert!(matches!(app.layers.last(), Some(Layer::Prompt(p)) if p.error.is_some()));
}

/// Keys a secretary might press, in any order; none deletes, undoes or edits, so that the
/// observations already committed can only grow.
fn key() -> impl Strategy<Value = KeyEvent> {
    let plain = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    prop_oneof![
        prop::sample::select(vec![
            'j', 'k', 'g', 'G', 'a', 'f', 'r', 'n', 'v', 't', 'x', 'm', 'p', 'F', '/', ':', '?',
            '1', '2', '3', '4', '5', '>', '<', 'P', 'é', '🇲', ' ', 'z', '9', 'D', 'o', 'T', 'J',
            'K',
        ])
        .prop_map(plain),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::PageDown,
        ])
        .prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)),
        Just(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL)),
        Just(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL)),
    ]
}

fn committed(app: &copil::app::App) -> Vec<String> {
    let mut all: Vec<String> = app
        .meeting
        .commitments
        .iter()
        .flat_map(|c| c.observations.iter().map(|o| o.text.clone()))
        .collect();
    all.sort();
    all
}

/// Whether every element of `before` is still in `after` (both sorted multisets).
fn contains_all(after: &[String], before: &[String]) -> bool {
    let mut rest = after.iter();
    before.iter().all(|b| rest.any(|a| a == b))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn random_keys_never_panic_and_never_lose_a_committed_observation(
        keys in prop::collection::vec(key(), 1..300)
    ) {
        let mut app = app();
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut reference = committed(&app);
        for k in keys {
            let now = app.now;
            // A removal confirmed by a yes that named the commitment (undo brings it back)
            // is the one way observations may go.
            let asked = matches!(app.layers.last(), Some(Layer::Prompt(p)) if p.yes_no);
            let count = app.meeting.commitments.len();
            if handle_key(&mut app, k, now).contains(Effect::Quit) {
                break;
            }
            let now = committed(&app);
            let confirmed = asked && app.meeting.commitments.len() < count;
            prop_assert!(
                confirmed || contains_all(&now, &reference),
                "lost an observation after {:?}",
                k
            );
            reference = now;
            terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        }
        let marks = Config::builtin().marks;
        let saved = store::write_meeting(&app.meeting, &marks);
        let loaded = store::parse_meeting(Path::new("p.toml"), &saved, &marks).unwrap();
        prop_assert_eq!(&loaded, &*app.meeting);
    }
}
