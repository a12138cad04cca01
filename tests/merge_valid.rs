//! What another program changes while a question is open never makes a meeting that does
//! not load: the answer is applied to the commitment as it is when Enter is pressed.

mod common;

use common::{app, press, type_text};
use copil::app::outside::absorb;
use copil::model::{Mark, MarkArg, validate};

/// Another program inserts a commitment numbered `number` before all the others: every
/// index moves by one.
fn insert_first_outside(app: &mut copil::app::App, number: u32) {
    let mut theirs = (*app.meeting).clone();
    let mut first = (*theirs.commitments[0]).clone();
    first.number = number;
    theirs.commitments.insert(0, std::sync::Arc::new(first));
    let _ = absorb(app, theirs);
}

fn valid(app: &copil::app::App) {
    let problems = validate(&app.meeting, &app.config.marks);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_mark_given_outside_while_its_question_is_open_is_replaced_not_doubled() {
    for (key, id) in [("x", "cancelled"), ("t", "retitle")] {
        let mut app = app();
        press(&mut app, key);
        type_text(&mut app, "notre texte");
        // Meanwhile another program gives n° 1 the same mark.
        let mut theirs = (*app.meeting).clone();
        std::sync::Arc::make_mut(&mut theirs.commitments[0])
            .marks
            .push(Mark::new(id.to_owned(), MarkArg::Text("leur texte".into())));
        let _ = absorb(&mut app, theirs);
        press(&mut app, "enter");
        valid(&app);
        let marks = &app.meeting.commitments[0].marks;
        assert_eq!(marks.len(), 1, "{key}: {marks:?}");
        assert_eq!(marks[0].arg, MarkArg::Text("notre texte".into()));
        let theirs = &app.meeting.commitments[0].observations.last().unwrap().text;
        assert!(
            theirs.starts_with('⚠') && theirs.contains("leur texte"),
            "{theirs}"
        );
    }
}

#[test]
fn a_number_taken_outside_while_adding_goes_to_the_next_free_one() {
    let mut app = app();
    press(&mut app, "A enter");
    type_text(&mut app, "Ajouté pendant la réunion");
    let mut theirs = (*app.meeting).clone();
    let mut taken = (*theirs.commitments[0]).clone();
    taken.number = 23;
    theirs.commitments.push(std::sync::Arc::new(taken));
    let _ = absorb(&mut app, theirs);
    press(&mut app, "enter");
    type_text(&mut app, "ACODEC");
    press(&mut app, "enter");
    valid(&app);
    let added = app
        .meeting
        .commitment_by_number(24)
        .expect("added as n° 24");
    assert_eq!(added.title, "Ajouté pendant la réunion");
    assert!(app.message.as_deref().unwrap().contains("n° 24"));
}

#[test]
fn a_question_answers_the_commitment_it_was_asked_about_after_an_insert_outside() {
    let mut app = app();
    press(&mut app, ": 5 enter x");
    type_text(&mut app, "doublon");
    // Another program inserts a commitment before n° 5: the indices move.
    insert_first_outside(&mut app, 40);
    press(&mut app, "enter");
    valid(&app);
    let five = app.meeting.commitment_by_number(5).unwrap();
    assert_eq!(five.marks[0].id, "cancelled");
    assert!(
        app.meeting
            .commitment_by_number(4)
            .unwrap()
            .marks
            .is_empty()
    );
}

#[test]
fn a_bullet_changed_outside_while_it_is_edited_keeps_both_texts() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "un élément collé");
    press(&mut app, "esc tab e end");
    type_text(&mut app, " (moi)");
    let mut theirs = (*app.meeting).clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[0]).observations[0].text =
        "un élément collé (eux)".into();
    let _ = absorb(&mut app, theirs);
    press(&mut app, "esc");
    let texts = common::bullets(&app, 0);
    assert_eq!(texts[0], "un élément collé (moi)");
    assert!(
        texts[1].starts_with('⚠') && texts[1].contains("un élément collé (eux)"),
        "{texts:?}"
    );
}

/// A merge mark whose target another program removed would make a file that does not
/// load: the merged meeting is checked first, and the mark is set aside as a conflict.
#[test]
fn a_merge_whose_target_was_removed_outside_is_set_aside_not_saved() {
    let mut app = app();
    press(&mut app, ": 8 enter m");
    type_text(&mut app, "forums jeunesse");
    press(&mut app, "enter");
    assert_eq!(app.meeting.commitments[7].marks[0].id, "merge");
    let mut theirs = (*app.base).clone();
    theirs.commitments.retain(|c| c.number != 9);
    let _ = absorb(&mut app, theirs);
    valid(&app);
    let eight = app.meeting.commitment_by_number(8).unwrap();
    assert!(eight.marks.is_empty());
    let said = &eight.observations.last().unwrap().text;
    assert!(said.starts_with('⚠') && said.contains("merge"), "{said}");
}

/// A copy older than this session's notes, edited elsewhere and put back over the file, does
/// not delete them in silence: they stay, each followed by a "⚠" line.
#[test]
fn an_edited_stale_copy_does_not_delete_this_sessions_notes_in_silence() {
    let mut app = app();
    let stale = (*app.meeting).clone();
    press(&mut app, "a");
    type_text(&mut app, "Note de cette séance");
    press(&mut app, "esc");
    // What copil wrote is the base now.
    app.base = std::sync::Arc::clone(&app.meeting);
    let mut theirs = stale;
    theirs.header.place = "Salle du conseil".into();
    let _ = absorb(&mut app, theirs);
    valid(&app);
    assert_eq!(
        app.meeting.header.place, "Salle du conseil",
        "their change is in"
    );
    let texts = common::bullets(&app, 0);
    assert_eq!(texts[0], "Note de cette séance");
    assert!(texts[1].starts_with('⚠'), "{texts:?}");
    // A colleague's correction of the same bullet is merged as a change, no warning.
    let mut app2 = common::app();
    press(&mut app2, "a");
    type_text(&mut app2, "Note à corriger");
    press(&mut app2, "esc");
    app2.base = std::sync::Arc::clone(&app2.meeting);
    let mut corrected = (*app2.meeting).clone();
    std::sync::Arc::make_mut(&mut corrected.commitments[0]).observations[0].text =
        "Note corrigée".into();
    let _ = absorb(&mut app2, corrected);
    assert_eq!(common::bullets(&app2, 0), ["Note corrigée"]);
}

/// A picker keeps the commitments it offered, not their places: the target of a merge or a
/// move is found again when chosen, and one removed meanwhile is said, not a crash.
#[test]
fn a_picker_finds_its_commitments_again_after_an_outside_change() {
    // A merge whose target went meanwhile.
    let mut app = app();
    press(&mut app, ": 4 enter m");
    type_text(&mut app, "forums jeunesse");
    let mut theirs = (*app.meeting).clone();
    theirs.commitments.retain(|c| c.number != 9);
    let _ = absorb(&mut app, theirs);
    press(&mut app, "enter");
    valid(&app);
    assert!(
        app.meeting
            .commitment_by_number(4)
            .unwrap()
            .marks
            .is_empty()
    );
    assert!(
        app.message.as_deref().unwrap().contains("N° 9"),
        "{:?}",
        app.message
    );
    // A merge chosen after a commitment was inserted before everything.
    let mut app = common::app();
    press(&mut app, ": 4 enter m");
    type_text(&mut app, "forums jeunesse");
    insert_first_outside(&mut app, 40);
    press(&mut app, "enter");
    valid(&app);
    let four = app.meeting.commitment_by_number(4).unwrap();
    assert_eq!(four.marks[0].arg, MarkArg::Commitment(9));
    // A bullet moved after its commitment shifted.
    let mut app = common::app();
    press(&mut app, ": 2 enter a");
    type_text(&mut app, "À déplacer");
    press(&mut app, "esc tab M");
    type_text(&mut app, "Adala");
    insert_first_outside(&mut app, 41);
    press(&mut app, "enter");
    valid(&app);
    let bullets = |n: u32| {
        app.meeting
            .commitment_by_number(n)
            .unwrap()
            .observations
            .len()
    };
    assert_eq!((bullets(2), bullets(14)), (0, 1));
}

/// The commitment whose bullet is being typed, removed by another program meanwhile, stays:
/// the text goes where it was meant, never to the commitment after it.
#[test]
fn a_commitment_removed_outside_while_typing_on_it_stays() {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Z1");
    press(&mut app, "enter");
    type_text(&mut app, "Z2");
    // Z1 is saved: the file holds it.
    app.base = std::sync::Arc::clone(&app.meeting);
    let mut theirs = (*app.meeting).clone();
    theirs.commitments.remove(0);
    let _ = absorb(&mut app, theirs);
    press(&mut app, "esc");
    valid(&app);
    let one = app.meeting.commitment_by_number(1).expect("kept");
    let texts: Vec<&str> = one.observations.iter().map(|o| o.text.as_str()).collect();
    assert!(texts.contains(&"Z1") && texts.contains(&"Z2"), "{texts:?}");
    assert!(
        app.meeting
            .commitment_by_number(2)
            .unwrap()
            .observations
            .is_empty()
    );
}
