//! The attendance, points, decisions and preview screens, through the real update.

mod common;
mod pty_support;

use chrono::NaiveDate;
use common::{app, press, type_text};
use copil::app::Layer;
use copil::model::{Attendance, Decision};

#[test]
fn number_keys_switch_screens_from_anywhere() {
    let mut app = app();
    for (key, screen) in [
        ("1", "attendance"),
        ("2", "points"),
        ("4", "decisions"),
        ("5", "preview"),
        ("3", "review"),
    ] {
        press(&mut app, key);
        assert_eq!(app.screen_name(), screen);
    }
}

#[test]
fn roll_call_marks_and_moves_on() {
    let mut app = app();
    press(&mut app, "1 p p a e");
    let order = copil::app::view::attendance_order(&app.meeting);
    let status: Vec<Attendance> = order[..4]
        .iter()
        .map(|&i| app.meeting.participants[i].attendance)
        .collect();
    assert_eq!(
        status,
        [
            Attendance::Present,
            Attendance::Present,
            Attendance::Absent,
            Attendance::Excused
        ]
    );
    press(&mut app, "P");
    assert!(
        app.meeting
            .participants
            .iter()
            .all(|p| p.attendance != Attendance::NotCalled)
    );
    press(&mut app, "u");
    assert!(
        app.meeting
            .participants
            .iter()
            .any(|p| p.attendance == Attendance::NotCalled),
        "undo reaches attendance"
    );
}

#[test]
fn represented_by_a_name() {
    let mut app = app();
    press(&mut app, "1 r");
    type_text(&mut app, "M. Karim ALAMI");
    press(&mut app, "enter");
    let first = copil::app::view::attendance_order(&app.meeting)[0];
    let p = &app.meeting.participants[first];
    assert_eq!(p.represented_by.as_deref(), Some("M. Karim ALAMI"));
    assert_eq!(p.attendance, Attendance::Present);
}

#[test]
fn a_participant_added_on_the_fly_completes_known_organisations() {
    let mut app = app();
    let before = app.meeting.participants.len();
    press(&mut app, "1 n");
    type_text(&mut app, "Mme. Nadia BENALI");
    press(&mut app, "enter");
    type_text(&mut app, "justice");
    press(&mut app, "enter");
    // After the last of her organisation, as the record will list her.
    let list = &app.meeting.participants;
    let at = list
        .iter()
        .position(|p| p.name.as_deref() == Some("Mme. Nadia BENALI"))
        .unwrap();
    assert_eq!(list[at - 1].organization, "Ministère de Justice");
    assert_ne!(list[at + 1].organization, "Ministère de Justice");
    let p = &list[at];
    assert_eq!(app.meeting.participants.len(), before + 1);
    assert_eq!(p.name.as_deref(), Some("Mme. Nadia BENALI"));
    assert_eq!(p.organization, "Ministère de Justice");
    assert_eq!(p.attendance, Attendance::Present);
}

/// A civility typed without its full stop takes it, as the imported lists and the records
/// write it: "Mme Salma" is "Mme. Salma".
#[test]
fn a_civility_typed_without_its_stop_takes_it() {
    let mut app = app();
    press(&mut app, "1 n");
    type_text(&mut app, "Mme Salma IDRISSI");
    press(&mut app, "enter");
    type_text(&mut app, "justice");
    press(&mut app, "enter");
    let names: Vec<_> = (app.meeting.participants.iter())
        .filter_map(|p| p.name.as_deref())
        .collect();
    assert!(names.contains(&"Mme. Salma IDRISSI"), "{names:?}");
    assert!(!names.contains(&"Mme Salma IDRISSI"));
}

#[test]
fn a_new_organisation_is_typed_in_full() {
    let mut app = app();
    press(&mut app, "1 n enter");
    type_text(&mut app, "Réseau des jeunes pour le gouvernement ouvert");
    // The typed name is offered after the matches.
    let Some(Layer::Picker(picker)) = app.layers.last() else {
        panic!("no picker")
    };
    let last = picker.hits.len() - 1;
    for _ in 0..last {
        press(&mut app, "down");
    }
    press(&mut app, "enter");
    let p = app.meeting.participants.last().unwrap();
    assert_eq!(p.name, None);
    assert_eq!(
        p.organization,
        "Réseau des jeunes pour le gouvernement ouvert"
    );
}

#[test]
fn points_screen_edits_the_header_with_dates_as_typed() {
    let mut app = app();
    open_date_prompt(&mut app);
    type_text(&mut app, "lundi 4 mars 2024");
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.header.date,
        NaiveDate::from_ymd_opt(2024, 3, 4).unwrap()
    );
    press(&mut app, "j enter");
    type_text(&mut app, "11h");
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.header.time.map(|t| t.to_string()),
        Some("11:00:00".to_owned())
    );
    press(&mut app, "u");
    assert_eq!(app.meeting.header.time, None);
}

#[test]
fn a_wrong_weekday_is_refused_and_the_prompt_stays() {
    let mut app = app();
    open_date_prompt(&mut app);
    type_text(&mut app, "mardi 4 mars 2024");
    press(&mut app, "enter");
    let Some(Layer::Prompt(prompt)) = app.layers.last() else {
        panic!("the prompt closed")
    };
    assert!(prompt.error.as_deref().unwrap().contains("Monday"));
    assert_eq!(prompt.text(), "mardi 4 mars 2024", "nothing typed is lost");
    assert_eq!(app.meeting.header.date.to_string(), "2024-02-22");
}

/// Opens the date of the meeting on the points screen and clears the old value, which the
/// prompt starts with.
fn open_date_prompt(app: &mut copil::app::App) {
    press(app, "2 j enter");
    for _ in 0..10 {
        press(app, "backspace");
    }
}

fn go_to_entry(app: &mut copil::app::App, wanted: copil::app::view::Entry) {
    press(app, "2");
    for _ in 0..40 {
        press(app, "k");
    }
    let entries = copil::app::view::point_entries(&app.meeting);
    let pos = entries.iter().position(|e| *e == wanted).unwrap();
    for _ in 0..pos {
        press(app, "j");
    }
}

#[test]
fn agenda_items_are_added_reordered_and_deleted() {
    use copil::app::view::Entry;
    let mut app = app();
    go_to_entry(&mut app, Entry::Agenda(2));
    press(&mut app, "a");
    type_text(&mut app, "Divers");
    press(&mut app, "enter");
    assert_eq!(app.meeting.header.agenda.len(), 4);
    assert_eq!(app.meeting.header.agenda[3], "Divers");
    go_to_entry(&mut app, Entry::Agenda(3));
    press(&mut app, "K");
    assert_eq!(app.meeting.header.agenda[2], "Divers");
    press(&mut app, "d");
    assert_eq!(app.meeting.header.agenda.len(), 3);
    assert!(!app.meeting.header.agenda.contains(&"Divers".to_owned()));
    press(&mut app, "u");
    assert_eq!(app.meeting.header.agenda[2], "Divers");
}

#[test]
fn a_point_is_written_in_the_text_editor_and_holds_the_table() {
    use copil::app::view::Entry;
    let mut app = app();
    go_to_entry(&mut app, Entry::Point(2));
    press(&mut app, "a");
    type_text(&mut app, "Prochaines étapes");
    press(&mut app, "enter");
    assert_eq!(app.meeting.points[3].title, "Prochaines étapes");
    go_to_entry(&mut app, Entry::Point(3));
    press(&mut app, "enter");
    type_text(&mut app, "1. Diffusion des fiches");
    press(&mut app, "enter");
    type_text(&mut app, "  - par courriel");
    press(&mut app, "esc");
    assert_eq!(
        app.meeting.points[3].text,
        "1. Diffusion des fiches\n  - par courriel"
    );
    press(&mut app, "T");
    assert!(app.meeting.points[3].table);
    assert!(!app.meeting.points[2].table, "one point holds the table");
}

#[test]
fn decisions_with_deadlines_owners_and_order() {
    let mut app = app();
    press(&mut app, "4 a");
    type_text(&mut app, "Prolongation du délai de réception des remarques");
    press(&mut app, "esc D");
    type_text(&mut app, "lundi 26 février 2024");
    press(&mut app, "enter o");
    type_text(&mut app, "transition numerique");
    press(&mut app, "enter a");
    type_text(&mut app, "Mise à jour des fiches");
    press(&mut app, "esc D");
    type_text(&mut app, "4/03/2024");
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.decisions,
        [
            Decision {
                text: "Prolongation du délai de réception des remarques".into(),
                deadline: NaiveDate::from_ymd_opt(2024, 2, 26),
                owner: Some(
                    "Ministère de Transition Numérique et de Réforme de l'Administration".into()
                ),
                ..Decision::default()
            },
            Decision {
                text: "Mise à jour des fiches".into(),
                deadline: NaiveDate::from_ymd_opt(2024, 3, 4),
                owner: None,
                ..Decision::default()
            },
        ]
    );
    press(&mut app, "K");
    assert_eq!(app.meeting.decisions[0].text, "Mise à jour des fiches");
    press(&mut app, "d");
    assert_eq!(app.meeting.decisions.len(), 1);
    press(&mut app, "u u");
    assert_eq!(app.meeting.decisions[1].text, "Mise à jour des fiches");
}

/// "jusqu'au …" makes the deadline end a period, the date alone keeps what the decision
/// had, "au plus tard le …" makes it a delivery again; the prompt shows which.
#[test]
fn a_deadline_is_a_period_or_a_delivery_as_its_words_say() {
    let mut app = app();
    let deadline = |app: &copil::app::App| {
        let d = &app.meeting.decisions[0];
        (d.deadline, d.until)
    };
    press(&mut app, "4 a");
    type_text(&mut app, "Prolongation du délai");
    press(&mut app, "esc D");
    type_text(&mut app, "jusqu'au 26/02");
    press(&mut app, "enter");
    assert_eq!(deadline(&app), (NaiveDate::from_ymd_opt(2024, 2, 26), true));
    press(&mut app, "D");
    let Some(Layer::Prompt(p)) = app.layers.last() else {
        panic!("the deadline's prompt")
    };
    assert_eq!(
        p.input.lines(),
        ["until 2024-02-26"],
        "the prompt says it is a period"
    );
    press(&mut app, "ctrl-u");
    type_text(&mut app, "27/02");
    press(&mut app, "enter");
    assert_eq!(deadline(&app), (NaiveDate::from_ymd_opt(2024, 2, 27), true));
    press(&mut app, "D ctrl-u");
    type_text(&mut app, "au plus tard le 4 mars");
    press(&mut app, "enter");
    assert_eq!(deadline(&app), (NaiveDate::from_ymd_opt(2024, 3, 4), false));
    press(&mut app, "u");
    assert_eq!(deadline(&app), (NaiveDate::from_ymd_opt(2024, 2, 27), true));
    assert_eq!(
        app.message.as_deref(),
        Some("Undone: the deadline of the decision “Prolongation du délai”"),
        "the undo says which decision and what of it"
    );
}

#[test]
fn undoing_on_screen_4_says_which_decision_changed_and_how() {
    let mut app = app();
    let before = app.meeting.decisions.len();
    press(&mut app, "4 a");
    type_text(&mut app, "Réunion d'évaluation");
    press(&mut app, "esc u");
    assert_eq!(app.meeting.decisions.len(), before);
    assert_eq!(app.message.as_deref(), Some("Undone: a decision added"));
    press(&mut app, "ctrl-r");
    assert_eq!(app.message.as_deref(), Some("Redone: a decision added"));
}

#[test]
fn an_invalid_deadline_is_refused_not_dropped() {
    let mut app = app();
    press(&mut app, "4 a");
    type_text(&mut app, "Réunion d'évaluation");
    press(&mut app, "esc D");
    type_text(&mut app, "31 février 2024");
    press(&mut app, "enter");
    assert!(matches!(app.layers.last(), Some(Layer::Prompt(p)) if p.error.is_some()));
    assert_eq!(app.meeting.decisions[0].deadline, None);
}

#[test]
fn observations_can_name_who_made_them() {
    let mut app = app();
    press(&mut app, "a ctrl-o");
    type_text(&mut app, "ACODEC");
    press(&mut app, "enter");
    type_text(&mut app, "Ajouter des activités.");
    press(&mut app, "enter esc");
    let o = &app.meeting.commitments[0].observations[0];
    assert_eq!(o.text, "Ajouter des activités.");
    assert_eq!(
        o.by.as_deref(),
        Some("Association de Coopération pour le Développement et la Culture, ACODEC")
    );
}

#[test]
fn the_preview_scrolls_and_shows_the_record() {
    let mut app = app();
    press(&mut app, "5 j j j");
    assert_eq!(app.states.get::<copil::screens::Scroll>().unwrap().top, 3);
    press(&mut app, "g");
    assert_eq!(app.states.get::<copil::screens::Scroll>().unwrap().top, 0);
}

#[test]
fn time_left_and_budget() {
    use std::time::Duration;
    let mut app = app();
    app.meeting_mut().header.planned_minutes = Some(60);
    app.meeting_mut().header.item_budget_minutes = Some(5);
    assert_eq!(app.seconds_left(), Some(3600));
    press(&mut app, "ctrl-t");
    app.now += Duration::from_secs(301);
    assert!(app.over_budget());
    assert_eq!(app.seconds_left(), Some(3299));
}

#[test]
fn a_french_interface_refuses_in_french() {
    let mut app = common::app_in(copil::model::Language::Fr);
    open_date_prompt(&mut app);
    type_text(&mut app, "mardi 4 mars 2024");
    press(&mut app, "enter");
    let Some(Layer::Prompt(prompt)) = app.layers.last() else {
        panic!("the prompt closed")
    };
    assert_eq!(prompt.title, "Date");
    let error = prompt.error.as_deref().unwrap();
    assert!(error.contains("est un lundi, pas un mardi"), "{error}");
    press(&mut app, "esc j enter");
    type_text(&mut app, "midi et demi");
    press(&mut app, "enter");
    let Some(Layer::Prompt(prompt)) = app.layers.last() else {
        panic!("the prompt closed")
    };
    assert_eq!(prompt.title, "Heure");
    assert!(
        prompt
            .error
            .as_deref()
            .unwrap()
            .starts_with("Écrivez l'heure")
    );
}

/// In a real terminal: screen 5 says the time spent on the items, as `copil stats` sums it.
#[test]
fn the_preview_says_the_time_spent_on_the_items() {
    let home = tempfile::tempdir().unwrap();
    let file = pty_support::sample_in(home.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let timed = text
        .replacen("number = 1\n", "number = 1\nseconds_spent = 120\n", 1)
        .replacen("number = 2\n", "number = 2\nseconds_spent = 150\n", 1);
    assert_ne!(timed, text);
    std::fs::write(&file, timed).unwrap();
    let mut s = pty_support::Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("5");
    s.wait_for("Preview of the record · 4 min 30 s on 2 items");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// In a real terminal: exported files older than the meeting are said so after reopening
/// too, until the next export; files that still say what the meeting says are not.
#[test]
fn exports_out_of_date_are_said_after_reopening() {
    let home = tempfile::tempdir().unwrap();
    let file = pty_support::sample_in(home.path());
    let open = || {
        let mut s = pty_support::Session::start(&[file.to_str().unwrap()], home.path());
        s.wait_for("/22 ─");
        s
    };
    let mut s = open();
    s.send("E");
    s.wait_for("Exported");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let mut s = open();
    s.send("j");
    s.wait_for("Commitments 2/22");
    assert!(!s.contents().contains("out of date"), "{}", s.contents());
    s.send("aAprès l'export\x1b");
    s.wait_for("out of date");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let mut s = open();
    s.wait_for("out of date");
    s.send("E");
    s.wait_for("Exported");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// In a real terminal: with `pdf` among `[export] formats`, `E` writes the PDF too, beside
/// the meeting.
#[cfg(feature = "pdf")]
#[test]
fn e_writes_the_pdf_when_the_formats_list_it() {
    let home = tempfile::tempdir().unwrap();
    let file = pty_support::sample_in(home.path());
    let config = home.path().join("config").join("copil");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[export]\nformats = [\"docx\", \"pdf\"]\n",
    )
    .unwrap();
    let mut s = pty_support::Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("/22 ─");
    s.send("E");
    s.wait_for("Exported");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let pdf = std::fs::read(file.with_extension("pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF beside the meeting");
    assert!(file.with_extension("docx").exists());
}
