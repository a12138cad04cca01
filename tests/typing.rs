//! Typing never turns into commands: a word typed in a burst — after a double Enter, or
//! with the list in front — is written, and commands pressed on their own still act.

mod common;

use common::{app, burst, current_number, press, press_effects, type_text};
use copil::app::{Effect, Layer};

fn texts(app: &copil::app::App, n: u32) -> Vec<String> {
    app.meeting
        .commitments
        .iter()
        .find(|c| c.number == n)
        .unwrap()
        .observations
        .iter()
        .map(|o| o.text.clone())
        .collect()
}

fn editor_text(app: &copil::app::App) -> Option<String> {
    app.editor().map(|e| e.text())
}

#[test]
fn a_word_typed_right_after_a_double_enter_opens_a_new_bullet() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Préciser le lien avec Adala.");
    burst(&mut app, "enter enter");
    assert!(app.layers.is_empty(), "the empty Enter closed the editor");
    type_text(&mut app, "Exemple");
    assert_eq!(editor_text(&app).as_deref(), Some("Exemple"));
    burst(&mut app, "enter enter");
    assert_eq!(texts(&app, 1), ["Préciser le lien avec Adala.", "Exemple"]);
    assert!(app.meeting.commitments[0].marks.is_empty(), "no mark");
}

#[test]
fn export_and_cancel_never_fire_from_a_word_after_a_double_enter() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Une remarque");
    burst(&mut app, "enter enter");
    // E then x at once: the first letters of "Exemple", never an export and a prompt.
    let mut effects = copil::app::Effects::none();
    for c in ["E", "x"] {
        let now = app.now;
        let at = copil::app::burst::last_arrival(&app).unwrap() + common::QUICK;
        let key = ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c.chars().next().unwrap()),
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        effects.extend(copil::app::handle_key_at(&mut app, key, now, at));
    }
    assert!(!effects.contains(Effect::Export), "{effects:?}");
    assert!(!matches!(app.layers.last(), Some(Layer::Prompt(_))));
    assert_eq!(editor_text(&app).as_deref(), Some("Ex"));
}

#[test]
fn a_word_typed_with_the_list_in_front_leaves_no_mark_and_no_picker() {
    let mut app = app();
    type_text(&mut app, "Reformuler");
    assert!(app.meeting.commitments[0].marks.is_empty(), "no F, no R");
    assert_eq!(editor_text(&app).as_deref(), Some("Reformuler"));
    assert_eq!(current_number(&app), 1);
    burst(&mut app, "enter enter");
    assert_eq!(texts(&app, 1), ["Reformuler"]);
    press(&mut app, "u");
    assert!(texts(&app, 1).is_empty(), "only the bullet to undo");
    assert!(app.meeting.commitments[0].marks.is_empty());
}

#[test]
fn commands_pressed_on_their_own_after_closing_the_editor_still_act() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Texte");
    burst(&mut app, "enter enter");
    // At once, but alone: j moves once the instant has passed.
    press(&mut app, "j");
    assert_eq!(current_number(&app), 2);

    press(&mut app, "a");
    type_text(&mut app, "Texte");
    burst(&mut app, "enter enter :");
    assert!(
        matches!(app.layers.last(), Some(Layer::Prompt(_))),
        "goto opens at once"
    );
    type_text(&mut app, "14");
    burst(&mut app, "enter");
    assert_eq!(current_number(&app), 14);

    press(&mut app, "a");
    type_text(&mut app, "Texte");
    burst(&mut app, "enter enter");
    press(&mut app, "f");
    assert_eq!(app.meeting.commitments[13].marks[0].id, "awaiting-fiche");
    press(&mut app, "a");
    type_text(&mut app, "Texte");
    burst(&mut app, "enter enter /");
    assert!(
        matches!(app.layers.last(), Some(Layer::Picker(_))),
        "search opens at once"
    );
}

#[test]
fn a_wide_command_alone_acts_and_fast_moves_stay_moves() {
    let mut app = app();
    let effects = press_effects(&mut app, "q");
    assert!(effects.contains(Effect::Quit), "{effects:?}");
    burst(&mut app, "j j j");
    assert_eq!(current_number(&app), 4, "jjj is three moves, not a word");
    assert!(app.layers.is_empty());
}

#[test]
fn a_wide_command_right_after_typing_is_not_taken_and_says_so() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Texte");
    burst(&mut app, "enter enter q");
    press(&mut app, "esc");
    // The q came in the burst: not a quit, and the message says to press it again.
    let effects = press_effects(&mut app, "q");
    assert!(
        effects.contains(Effect::Quit),
        "pressed again on its own, it quits"
    );
}

/// The two sequences of a real call, with the real binary: nothing exported, no prompt, no
/// mark; the words are bullets.
#[test]
fn in_a_terminal_words_typed_fast_never_become_commands() {
    #[path = "pty_support/mod.rs"]
    mod pty_support;
    let home = tempfile::tempdir().unwrap();
    let file = pty_support::sample_in(home.path());
    let mut s = pty_support::Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("a");
    s.wait_for("New observation");
    s.send("Préciser le lien avec Adala.\r\rExemple concret\r\r");
    s.wait_for("Observations (2)");
    s.send("j");
    s.wait_for("Commitments 2/22");
    s.send("Reformuler le titre\r\r");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        pty_support::observations(&file, 0),
        ["Préciser le lien avec Adala.", "Exemple concret"]
    );
    assert_eq!(pty_support::observations(&file, 1), ["Reformuler le titre"]);
    let meeting = copil::store::load(&file, &copil::config::Config::builtin().marks).unwrap();
    assert!(meeting.commitments[0].marks.is_empty() && meeting.commitments[1].marks.is_empty());
    assert!(
        !home.path().join("meeting.docx").exists(),
        "nothing exported"
    );
}
