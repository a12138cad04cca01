//! A key means one thing, whatever the speed: the editor closes only with Esc, so typing
//! cannot fall into commands; commands typed fast act as commands; nothing destructive
//! comes from a stray letter.

mod common;

use common::{app, current_number, press, press_effects, type_text};
use copil::app::{App, Effect, Layer};

fn texts(app: &App, n: u32) -> Vec<String> {
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

fn marks(app: &App, n: u32) -> Vec<String> {
    let c = app.meeting.commitments.iter().find(|c| c.number == n);
    c.unwrap().marks.iter().map(|m| m.id.clone()).collect()
}

fn editor_text(app: &App) -> Option<String> {
    app.editor().map(|e| e.text())
}

fn prompt_open(app: &App) -> bool {
    matches!(app.layers.last(), Some(Layer::Prompt(_)))
}

#[test]
fn a_double_enter_keeps_the_editor_open_and_the_next_sentence_is_a_bullet() {
    let mut app = app();
    app.file = Some("réunion.toml".into());
    press(&mut app, "a");
    type_text(&mut app, "Préciser le lien avec Adala.");
    press(&mut app, "enter enter");
    assert!(
        app.editor().is_some(),
        "an empty Enter never closes the editor"
    );
    // "Exemple" starts with E (export) and x (cancel): here they are letters.
    type_text(&mut app, "Exemple");
    let effects = press_effects(&mut app, "enter");
    assert!(!effects.contains(Effect::Export), "{effects:?}");
    press(&mut app, "esc");
    assert!(app.layers.is_empty(), "Esc is the way out");
    assert_eq!(texts(&app, 1), ["Préciser le lien avec Adala.", "Exemple"]);
    assert!(marks(&app, 1).is_empty(), "no mark");
}

#[test]
fn enter_on_an_empty_sub_bullet_goes_back_to_bullet_level() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Ajouter les activités suivantes :");
    press(&mut app, "enter tab");
    type_text(&mut app, "Consultation");
    press(&mut app, "enter enter");
    assert_eq!(app.editor().map(|e| e.level), Some(0), "back to a bullet");
    press(&mut app, "enter");
    assert!(app.editor().is_some(), "a bullet waits for the next");
    type_text(&mut app, "Calendrier");
    press(&mut app, "esc");
    let levels = common::levels(&app, 0);
    assert_eq!(levels, [0, 1, 0]);
}

#[test]
fn esc_keeps_the_text_being_typed() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Gardé par Échap");
    press(&mut app, "esc");
    assert_eq!(texts(&app, 1), ["Gardé par Échap"]);
}

#[test]
fn an_expert_goes_to_an_item_and_marks_it_in_one_stream() {
    let mut app = app();
    press(&mut app, ": 1 5 enter n f");
    assert_eq!(current_number(&app), 15);
    assert_eq!(marks(&app, 15), ["no-remarks", "awaiting-fiche"]);
    assert!(app.layers.is_empty(), "no editor opened");
    press(&mut app, "j n f");
    assert_eq!(current_number(&app), 16);
    assert_eq!(marks(&app, 16), ["no-remarks", "awaiting-fiche"]);
    // A cancel right after a go-to asks its reason.
    press(&mut app, ": 3 enter x");
    assert!(prompt_open(&app), "x asks the reason at once");
    type_text(&mut app, "doublon");
    press(&mut app, "enter");
    assert_eq!(marks(&app, 3), ["cancelled"]);
}

#[test]
fn export_then_a_move_are_an_export_and_a_move() {
    let mut app = app();
    app.file = Some("réunion.toml".into());
    press(&mut app, "a");
    type_text(&mut app, "Une remarque");
    press(&mut app, "esc");
    let effects = press_effects(&mut app, "E");
    assert!(effects.contains(Effect::Export), "{effects:?}");
    press(&mut app, "j");
    assert_eq!(current_number(&app), 2);
    assert_eq!(texts(&app, 1), ["Une remarque"]);
}

#[test]
fn help_then_escape_then_quit_quits() {
    let mut app = app();
    press(&mut app, "? esc");
    let effects = press_effects(&mut app, "q");
    assert!(effects.contains(Effect::Quit), "{effects:?}");
}

#[test]
fn a_slow_word_on_the_list_removes_nothing() {
    let mut app = app();
    let before = app.meeting.commitments.len();
    // "Détailler" typed on the list, a key at a time: D asks, é answers no.
    type_text(&mut app, "D");
    assert!(prompt_open(&app), "D asks first");
    type_text(&mut app, "étailler");
    press(&mut app, "esc");
    assert_eq!(app.meeting.commitments.len(), before, "nothing removed");
    assert_eq!(
        app.meeting.commitments[0].title,
        common::sample().commitments[0].title
    );
    assert!(marks(&app, 1).is_empty());
}

#[test]
fn removing_a_commitment_asks_and_names_it_unless_added_here() {
    let mut app = app();
    press(&mut app, "D");
    let Some(Layer::Prompt(p)) = app.layers.last() else {
        panic!("a question")
    };
    assert!(p.title.contains("n° 1"), "{}", p.title);
    assert!(p.context.as_deref().unwrap().contains("Programme d'appui"));
    press(&mut app, "enter");
    assert_eq!(current_number(&app), 1, "Enter says no");
    press(&mut app, "D");
    let effects = press_effects(&mut app, "y");
    assert_eq!(current_number(&app), 2, "y removes it");
    assert!(effects.contains(Effect::Save), "and saves it: {effects:?}");
    assert!(app.message.as_deref().unwrap().contains("u brings it back"));
    press(&mut app, "u");
    assert_eq!(app.meeting.commitments[0].number, 1, "undo brings it back");
    // One added during this meeting goes at once.
    press(&mut app, "A enter");
    type_text(&mut app, "Ajouté par erreur");
    press(&mut app, "enter");
    type_text(&mut app, "ACODEC");
    press(&mut app, "enter");
    assert_eq!(current_number(&app), 23);
    press(&mut app, "D");
    assert!(app.layers.is_empty(), "no question");
    assert!(app.meeting.commitment_by_number(23).is_none());
}

#[test]
fn deleting_a_bullet_says_what_went_and_how_to_bring_it_back() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Une observation à supprimer");
    press(&mut app, "esc tab d");
    let said = app.message.clone().unwrap();
    assert!(said.contains("Une observation à supprimer"), "{said}");
    assert!(said.contains('u'), "{said}");
    press(&mut app, "u");
    assert_eq!(texts(&app, 1), ["Une observation à supprimer"]);
}

#[test]
fn global_keys_act_the_same_from_the_observations_pane() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Texte");
    press(&mut app, "esc tab");
    assert_eq!(app.mode(), copil::app::Mode::OBSERVATIONS);
    press(&mut app, ": 2 2 enter");
    assert_eq!(current_number(&app), 22);
    assert_eq!(app.screen_name(), "review");
    assert!(app.layers.is_empty(), "no editor");
    press(&mut app, "k a");
    type_text(&mut app, "x");
    press(&mut app, "esc tab /");
    assert!(matches!(app.layers.last(), Some(Layer::Picker(_))));
    press(&mut app, "esc ?");
    assert!(matches!(app.layers.last(), Some(Layer::Help(_))));
    press(&mut app, "esc tab 4");
    assert_eq!(app.screen_name(), "decisions");
}

#[test]
fn a_letter_that_is_no_command_says_how_to_write() {
    let mut app = app();
    type_text(&mut app, "z");
    let said = app.message.clone().unwrap();
    assert!(said.contains("to write an observation"), "{said}");
    assert!(app.layers.is_empty());
}

#[test]
fn escape_and_a_letter_in_one_read_are_both_keys() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Texte");
    // A terminal sends Esc then j as ESC j, which reads as Alt-j when both come at once.
    let now = app.now;
    let _ = copil::app::handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT),
        now,
    );
    assert!(app.layers.is_empty(), "Esc closed the editor");
    assert_eq!(current_number(&app), 2, "j moved");
    assert_eq!(texts(&app, 1), ["Texte"]);
}

fn paste(app: &mut App, text: &str) -> copil::app::Effects {
    let now = app.now;
    copil::app::handle_paste(app, text, now)
}

#[test]
fn a_pasted_list_becomes_one_bullet_per_line_with_its_levels() {
    let mut app = app();
    press(&mut app, "a");
    let effects = paste(
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
    assert!(effects.contains(Effect::Save), "{effects:?}");
    assert_eq!(
        editor_text(&app).as_deref(),
        Some(""),
        "the editor waits for the next"
    );
}

#[test]
fn a_paste_inside_a_sub_bullet_stays_at_its_level() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Ajouter les activités suivantes :");
    press(&mut app, "enter tab");
    let _ = paste(
        &mut app,
        "- Atelier régional\n- Consultation en ligne\n  - Détail indenté\n",
    );
    press(&mut app, "esc");
    let levels = common::levels(&app, 0);
    assert_eq!(levels, [0, 1, 1, 1], "capped at the deepest level");
}

#[test]
fn a_one_line_paste_stays_in_the_bullet_being_typed() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Voir : ");
    let _ = paste(&mut app, "le portail national\n");
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("Voir : le portail national")
    );
    assert!(app.meeting.commitments[0].observations.is_empty());
}

#[test]
fn a_paste_on_the_review_screen_opens_the_editor_with_it() {
    let mut app = app();
    let _ = paste(&mut app, "Texte collé depuis le chat");
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("Texte collé depuis le chat")
    );
}

#[test]
fn a_read_only_copy_opens_every_screen_and_exports_but_changes_nothing() {
    let mut app = app();
    app.file = Some("réunion.toml".into());
    app.read_only = true;
    let before = (*app.meeting).clone();
    for (key, screen) in [
        ("1", "attendance"),
        ("2", "points"),
        ("4", "decisions"),
        ("5", "preview"),
        ("6", "remarks"),
        ("3", "review"),
    ] {
        press(&mut app, key);
        assert_eq!(app.screen_name(), screen, "{key}");
    }
    let effects = press_effects(&mut app, "E");
    assert!(effects.contains(Effect::Export), "{effects:?}");
    press(&mut app, "a f D");
    type_text(&mut app, "y");
    let _ = paste(&mut app, "collé");
    assert!(app.layers.is_empty(), "no editor, no question");
    assert_eq!(*app.meeting, before);
    press(&mut app, "/");
    assert!(
        matches!(app.layers.last(), Some(Layer::Picker(_))),
        "search opens"
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

/// After `E`, a change makes the status line say the exported files are out of date, until
/// the next export.
#[test]
fn a_change_after_an_export_says_the_exports_are_out_of_date() {
    let mut app = app();
    app.file = Some("réunion.toml".into());
    let stale = |app: &App| common::screen_text(app, 140, 30).contains("exports out of date (E)");
    let effects = press_effects(&mut app, "E");
    assert!(effects.contains(Effect::Export));
    copil::app::update::reports::exported(&mut app, Ok(vec!["réunion.docx".into()]));
    assert!(!stale(&app), "just exported");
    press(&mut app, "f");
    assert!(stale(&app), "a mark since");
    press(&mut app, "E");
    copil::app::update::reports::exported(&mut app, Ok(vec!["réunion.docx".into()]));
    assert!(!stale(&app), "exported again");
}
