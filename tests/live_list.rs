//! The list and the roll corrected during the call: a commitment added, corrected or
//! removed; a participant's name and organisation changed; all undoable.

mod common;

use common::{app, current_number, press, screen_text, type_text};
use copil::app::Layer;

fn by_number(app: &copil::app::App, n: u32) -> Option<&copil::model::Commitment> {
    app.meeting.commitment_by_number(n)
}

#[test]
fn a_commitment_is_added_with_the_next_free_number_and_undone() {
    let mut app = app();
    press(&mut app, "A");
    assert!(matches!(app.layers.last(), Some(Layer::Prompt(_))));
    press(&mut app, "enter");
    type_text(&mut app, "Portail des budgets citoyens");
    press(&mut app, "enter");
    type_text(&mut app, "Justice");
    press(&mut app, "enter");
    assert!(app.layers.is_empty());
    let added = by_number(&app, 23).expect("n° 23 added");
    assert_eq!(added.title, "Portail des budgets citoyens");
    assert_eq!(added.institution, "Ministère de Justice");
    assert_eq!(current_number(&app), 23, "the new one is selected");
    press(&mut app, "u");
    assert!(by_number(&app, 23).is_none());
}

#[test]
fn a_number_already_used_is_refused_with_a_free_one_named() {
    let mut app = app();
    press(&mut app, "A backspace backspace");
    type_text(&mut app, "5");
    press(&mut app, "enter");
    assert!(
        matches!(app.layers.last(), Some(Layer::Prompt(_))),
        "still asking"
    );
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("already in the list; 23 is free"),
        "{screen}"
    );
}

#[test]
fn a_title_and_a_summary_are_corrected_live() {
    let mut app = app();
    press(&mut app, "e enter");
    type_text(&mut app, " (révisé)");
    press(&mut app, "enter");
    assert!(
        app.meeting.commitments[0]
            .title
            .ends_with("ouvertes (révisé)")
    );
    press(&mut app, "e");
    type_text(&mut app, "summary");
    press(&mut app, "enter");
    type_text(&mut app, "Un programme pour les communes.");
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.commitments[0].summary.as_deref(),
        Some("Un programme pour les communes.")
    );
    press(&mut app, "u u");
    assert!(app.meeting.commitments[0].title.ends_with("ouvertes"));
    assert_eq!(app.meeting.commitments[0].summary, None);
}

#[test]
fn a_commitment_named_by_a_merge_stays_and_another_is_removed_and_restored() {
    let mut app = app();
    press(&mut app, ": 8 enter m");
    type_text(&mut app, "forums jeunesse");
    press(&mut app, "enter");
    press(&mut app, ": 9 enter D");
    assert!(by_number(&app, 9).is_some());
    assert!(
        app.message.as_deref().unwrap().contains("n° 8"),
        "{:?}",
        app.message
    );
    press(&mut app, ": 1 0 enter D");
    assert!(by_number(&app, 10).is_some(), "a yes first");
    press(&mut app, "y");
    assert!(by_number(&app, 10).is_none());
    press(&mut app, "u");
    assert!(by_number(&app, 10).is_some());
}

#[test]
fn a_participant_is_renamed_and_moved_to_another_organisation() {
    let mut app = app();
    press(&mut app, "1");
    let first = copil::app::view::attendance_order(&app.meeting)[0];
    press(&mut app, "N ctrl-u");
    type_text(&mut app, "Mme. Nom Corrigé");
    press(&mut app, "enter O");
    type_text(&mut app, "Nouvelle Agence");
    press(&mut app, "enter");
    let p = app
        .meeting
        .participants
        .iter()
        .find(|p| p.name.as_deref() == Some("Mme. Nom Corrigé"))
        .expect("renamed");
    assert_eq!(p.organization, "Nouvelle Agence");
    let _ = first;
    press(&mut app, "u u");
    assert!(
        app.meeting
            .participants
            .iter()
            .all(|p| p.organization != "Nouvelle Agence")
    );
}

#[test]
fn an_empty_meeting_says_which_key_adds_the_first_commitment() {
    let meeting = copil::model::Meeting::default();
    let app = copil::app::App::new(
        meeting,
        copil::config::Config::builtin(),
        None,
        copil::live::clock(),
    );
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("A adds the first"), "{screen}");
}

#[test]
fn undo_and_redo_say_what_and_where_and_show_that_screen() {
    let mut app = app();
    press(&mut app, ": 1 4 enter f");
    press(&mut app, ": 2 enter u");
    assert_eq!(current_number(&app), 14, "brought back into view");
    assert_eq!(app.message.as_deref(), Some("Undone: mark F on n° 14"));
    press(&mut app, "ctrl-r");
    assert_eq!(app.message.as_deref(), Some("Redone: mark F on n° 14"));
    press(&mut app, "1 p 3 u");
    assert_eq!(app.screen_name(), "attendance", "the roll is shown");
    assert_eq!(app.message.as_deref(), Some("Undone: the attendance"));
}

#[test]
fn removing_a_mark_that_carries_words_says_what_went() {
    let mut app = app();
    press(&mut app, "x");
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("Annuler l'engagement proposé en raison de …"),
        "the cancel prompt shows the sentence it completes:\n{screen}"
    );
    type_text(&mut app, "doublon");
    press(&mut app, "enter x");
    let message = app.message.clone().unwrap();
    assert!(
        message.contains("doublon") && message.contains("u brings it back"),
        "{message}"
    );
    press(&mut app, "u");
    assert_eq!(app.meeting.commitments[0].marks.len(), 1);
}

/// Marks carried by `new --from` show as carried and count as reviewed only once the
/// committee touches the item in this meeting; the file and `stats` keep them apart.
#[test]
fn carried_marks_count_as_reviewed_only_once_touched() {
    let last = common::sample();
    let mut last = last;
    std::sync::Arc::make_mut(&mut last.commitments[0])
        .marks
        .push(copil::model::Mark::new(
            "awaiting-fiche",
            copil::model::MarkArg::None,
        ));
    let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 7).unwrap();
    let next =
        copil::model::next::next_meeting(&last, date, &copil::config::Config::builtin().marks);
    let carried = next
        .commitments
        .iter()
        .position(|c| c.carried)
        .expect("carried");
    assert!(!next.commitments[carried].is_reviewed());
    let marks = copil::config::Config::builtin().marks;
    let text = copil::store::write_meeting(&next, &marks);
    assert!(text.contains("carried = true"));
    let back = copil::store::parse_meeting(std::path::Path::new("m.toml"), &text, &marks).unwrap();
    assert_eq!(back, next, "carried survives the file");
    assert_eq!(copil::model::Stats::of(&next).carried, 1);

    let mut app = copil::app::App::new(
        next,
        copil::config::Config::builtin(),
        None,
        copil::live::clock(),
    );
    assert_eq!(app.reviewed, 0);
    app.select_commitment(carried);
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("(carried from the last meeting)"),
        "{screen}"
    );
    press(&mut app, "a");
    type_text(&mut app, "Fiche reçue ce matin");
    press(&mut app, "esc");
    assert!(
        app.meeting.commitments[carried].is_reviewed(),
        "touched in this meeting"
    );
    assert!(!app.meeting.commitments[carried].carried);
    assert_eq!(app.reviewed, 1);
}

/// Filtering to "not yet reviewed" from a reviewed commitment goes on to the next one to
/// review after it, not to whatever stands at the same row.
#[test]
fn the_not_yet_reviewed_filter_goes_on_from_the_current_commitment() {
    let mut app = common::app();
    let twenty = app.meeting.position_of(20).unwrap();
    app.select_commitment(twenty);
    common::press(&mut app, "a");
    common::type_text(&mut app, "Vu.");
    common::press(&mut app, "esc F");
    common::type_text(&mut app, "not yet");
    common::press(&mut app, "enter");
    assert_eq!(common::current_number(&app), 21);
}
