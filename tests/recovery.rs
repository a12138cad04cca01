//! What a journal left by a crash gives back: only what is not in the file, on the right
//! meeting, never dropped.

mod common;

use copil::app::recovery::{self, Found};
use copil::store::journal::{Journal, Pending, PendingKind};

fn draft(commitment: u32, text: &str) -> Journal {
    Journal {
        meeting_file: "/tmp/m.toml".into(),
        written_at: "2024-02-22 11:00:00".into(),
        pending: Some(Pending {
            kind: PendingKind::Observation,
            commitment: Some(commitment),
            index: None,
            level: 0,
            text: text.into(),
            ..Pending::default()
        }),
        ..Journal::default()
    }
}

#[test]
fn a_bullet_already_in_the_file_is_not_offered_again() {
    let mut app = common::app();
    let number = app.meeting.commitments[2].number;
    app.change_commitment(2, |c| {
        c.observations
            .push(copil::model::Observation::new("Déjà enregistrée", 0))
    });
    let journal = draft(number, "Déjà enregistrée ");
    assert_eq!(recovery::offer(&mut app, journal), Found::AllInFile);
    assert!(app.layers.is_empty(), "no question asked");
}

#[test]
fn a_journal_of_another_meeting_is_never_restored_over_this_one() {
    let mut app = common::app();
    let mut journal = draft(1, "Texte d'une autre réunion");
    journal.meeting_of = "Autre réunion — 2023-01-01".into();
    assert_eq!(
        recovery::offer(&mut app, journal),
        Found::OtherMeeting("Autre réunion — 2023-01-01".into())
    );
    assert!(app.layers.is_empty());
}

#[test]
fn a_draft_whose_commitment_is_gone_lands_on_the_current_one_and_says_so() {
    let mut app = common::app();
    let journal = draft(999, "Texte orphelin");
    assert_eq!(recovery::offer(&mut app, journal.clone()), Found::Asked);
    let message = recovery::restore(&mut app, &journal);
    assert!(message.contains("999"), "{message}");
    let editor = app.editor().expect("the text is in an editor");
    assert_eq!(editor.text(), "Texte orphelin");
}

#[test]
fn a_journal_of_this_meeting_with_new_text_is_offered() {
    let mut app = common::app();
    let mut journal = draft(1, "Pas encore dans le fichier");
    journal.meeting_of = app.meeting.identity();
    assert_eq!(recovery::offer(&mut app, journal), Found::Asked);
    assert!(recovery::unanswered(&app));
}

/// A journal holding the whole meeting `ours`, made from the file's version `base`.
fn whole(base: &copil::model::Meeting, ours: &copil::model::Meeting) -> Journal {
    let marks = &copil::config::Config::builtin().marks;
    Journal {
        meeting_file: "/tmp/m.toml".into(),
        written_at: "2024-02-22 11:00:00".into(),
        meeting_of: base.identity(),
        meeting: Some(copil::store::write_meeting(ours, marks)),
        base: Some(copil::store::write_meeting(base, marks)),
        ..Journal::default()
    }
}

/// The whole meeting kept by the journal goes back onto the file as it is now: a place
/// changed by a colleague since survives; the bullet typed before the crash comes back.
#[test]
fn restoring_the_whole_meeting_keeps_a_newer_change_to_the_file() {
    let base = common::sample();
    // What copil held: the base and a bullet that never reached the file.
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[0])
        .observations
        .push(copil::model::Observation::new("Tapée pendant la panne", 0));
    let journal = whole(&base, &ours);
    // The file as the colleague repaired it, with another place.
    let mut theirs = base.clone();
    theirs.header.place = "Salle du conseil".into();
    let mut config = copil::config::Config::builtin();
    config.ui_language = copil::model::Language::En;
    let mut app = copil::app::App::new(theirs, config, None, copil::live::clock());
    assert_eq!(recovery::offer(&mut app, journal.clone()), Found::Asked);
    let _ = recovery::restore(&mut app, &journal);
    assert_eq!(app.meeting.header.place, "Salle du conseil");
    assert_eq!(
        app.meeting.commitments[0].observations[0].text,
        "Tapée pendant la panne"
    );
}

/// The secretary put back an old copy by hand after the crash: restoring the journal onto
/// it does not drop the bullets the file held when the journal was written.
#[test]
fn restoring_onto_an_older_copy_put_back_by_hand_keeps_the_saved_bullets() {
    let old = common::sample();
    let mut base = old.clone();
    std::sync::Arc::make_mut(&mut base.commitments[0])
        .observations
        .push(copil::model::Observation::new("Déjà enregistrée", 0));
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[0])
        .observations
        .push(copil::model::Observation::new("Tapée pendant la panne", 0));
    let journal = whole(&base, &ours);
    let mut app = copil::app::App::new(
        old,
        copil::config::Config::builtin(),
        None,
        copil::live::clock(),
    );
    assert_eq!(recovery::offer(&mut app, journal.clone()), Found::Asked);
    let _ = recovery::restore(&mut app, &journal);
    let texts: Vec<&str> = app.meeting.commitments[0]
        .observations
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert!(texts.contains(&"Déjà enregistrée"), "{texts:?}");
    assert!(texts.contains(&"Tapée pendant la panne"), "{texts:?}");
}

fn pending(text: &str) -> Pending {
    Pending {
        kind: PendingKind::Observation,
        commitment: Some(1),
        text: text.into(),
        ..Pending::default()
    }
}

/// "Budget à précis" journaled, then "er" and Enter saved the bullet, then a kill before
/// the journal caught up: the bullet is in the file, finished; it is not offered again.
#[test]
fn a_bullet_finished_and_saved_after_the_journal_is_not_doubled() {
    let mut app = common::app();
    app.change_commitment(0, |c| {
        c.observations
            .push(copil::model::Observation::new("Budget à préciser", 0))
    });
    let mut journal = draft(1, "Budget à précis");
    journal.meeting_of = app.meeting.identity();
    journal.pending = Some(Pending {
        at: Some(0),
        count: Some(0),
        ..pending("Budget à précis")
    });
    assert_eq!(recovery::offer(&mut app, journal), Found::AllInFile);
}

/// An edit journaled half-typed, then finished and saved: the file's newer text stays.
#[test]
fn an_edit_finished_and_saved_after_the_journal_is_not_cut() {
    let mut app = common::app();
    app.change_commitment(0, |c| {
        c.observations.push(copil::model::Observation::new(
            "Préciser le calendrier des activités",
            0,
        ))
    });
    let mut journal = draft(1, "");
    journal.meeting_of = app.meeting.identity();
    journal.pending = Some(Pending {
        index: Some(0),
        was: Some("Préciser le calendrier".into()),
        ..pending("Préciser le calendrier des activ")
    });
    assert_eq!(recovery::offer(&mut app, journal), Found::AllInFile);
}

/// The same text typed as a new bullet where another began the same way before it was
/// journaled is still offered: only a bullet that appeared since counts.
#[test]
fn a_draft_that_only_begins_an_older_bullet_is_still_offered() {
    let mut app = common::app();
    app.change_commitment(0, |c| {
        c.observations
            .push(copil::model::Observation::new("Budget à préciser", 0))
    });
    let mut journal = draft(1, "");
    journal.meeting_of = app.meeting.identity();
    journal.pending = Some(Pending {
        at: Some(1),
        count: Some(1),
        ..pending("Budget")
    });
    assert_eq!(recovery::offer(&mut app, journal), Found::Asked);
}
