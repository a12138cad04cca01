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

fn paste(app: &mut copil::app::App, text: &str) {
    let now = app.now;
    let _ = copil::app::handle_paste(app, text, now);
}

#[test]
fn a_pasted_list_becomes_one_bullet_per_line_with_its_levels() {
    let mut app = app();
    press(&mut app, "a");
    paste(
        &mut app,
        "- Reformuler le titre\r\n  o Préciser l'échéance\r\n\r\n• Ajouter une activité\ro sous-point\n* Cafe\u{0301} noir\u{0007}\n",
    );
    let observations: Vec<(u8, String)> = app.meeting.commitments[0]
        .observations
        .iter()
        .map(|o| (o.level, o.text.clone()))
        .collect();
    assert_eq!(
        observations,
        [
            (0, "Reformuler le titre".to_owned()),
            (1, "Préciser l'échéance".to_owned()),
            (0, "Ajouter une activité".to_owned()),
            (1, "sous-point".to_owned()),
            (0, "Café noir".to_owned()),
        ]
    );
    assert_eq!(
        editor_text(&app).as_deref(),
        Some(""),
        "the editor waits for the next"
    );
}

#[test]
fn a_one_line_paste_stays_in_the_bullet_being_typed() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Voir : ");
    paste(&mut app, "le portail national\n");
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("Voir : le portail national")
    );
    assert!(app.meeting.commitments[0].observations.is_empty());
}

#[test]
fn a_paste_on_the_review_screen_opens_the_editor_with_it() {
    let mut app = app();
    paste(&mut app, "Texte collé depuis le chat");
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("Texte collé depuis le chat")
    );
}

#[test]
fn prompts_pickers_and_editors_take_the_keys_of_text_fields() {
    let mut app = app();
    // A prompt: Ctrl-U clears what was typed.
    press(&mut app, "e enter ctrl-u");
    type_text(&mut app, "Nouveau titre complet");
    press(&mut app, "ctrl-w");
    type_text(&mut app, "final");
    press(&mut app, "home");
    type_text(&mut app, "Le ");
    press(&mut app, "enter");
    assert_eq!(app.meeting.commitments[0].title, "Le Nouveau titre final");
    // The editor: Ctrl-← moves back a word, Ctrl-U clears to the start.
    press(&mut app, "a");
    type_text(&mut app, "un deux");
    press(&mut app, "ctrl-left");
    type_text(&mut app, "et ");
    assert_eq!(editor_text(&app).as_deref(), Some("un et deux"));
    press(&mut app, "ctrl-u");
    assert_eq!(editor_text(&app).as_deref(), Some("deux"));
    press(&mut app, "esc");
    // A picker: Ctrl-W takes the last word of the search back, Ctrl-U clears it.
    press(&mut app, "/");
    type_text(&mut app, "portail juridique");
    press(&mut app, "ctrl-w");
    type_text(&mut app, "Adala");
    press(&mut app, "enter");
    assert_eq!(current_number(&app), 14);
}

#[test]
fn words_starting_with_keys_that_open_things_are_still_words() {
    for word in ["problème", "Pas de fiche", "exemple", "Fiche"] {
        let mut app = app();
        type_text(&mut app, word);
        assert_eq!(editor_text(&app).as_deref(), Some(word), "{word}");
        assert!(!app.presenting, "{word}: no presentation left on");
        assert_eq!(app.layers.len(), 1, "{word}: the editor alone");
    }
}
