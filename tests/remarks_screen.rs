//! Screen 6: the written remarks reviewed in a few keys, every action undoable; and a real
//! run that imports a form, accepts its remark and finds it in the exported record.

mod common;
mod pty_support;

use chrono::NaiveDate;
use common::{press, screen_text, type_text};
use copil::app::App;
use copil::model::{Remark, RemarkState};
use pty_support::Session;

fn remark(number: u32, text: &str, author: &str) -> Remark {
    Remark {
        number,
        text: text.into(),
        author: author.into(),
        received: NaiveDate::from_ymd_opt(2024, 2, 25).unwrap(),
        source: format!("{}.docx", author.to_lowercase()),
        state: RemarkState::Pending,
    }
}

fn with_remarks() -> App {
    let mut app = common::app();
    app.change_rest(|m| {
        m.remarks = vec![
            remark(14, "Associer les tribunaux de première instance.", "ACODEC"),
            remark(
                2,
                "Citer le Conseil national de la presse.",
                "Transparency Maroc",
            ),
            remark(14, "Hors sujet.", "Anonyme"),
        ];
    });
    app
}

fn state(app: &App, i: usize) -> &RemarkState {
    &app.meeting.remarks[i].state
}

#[test]
fn the_screen_lists_remarks_by_commitment_and_the_title_bar_counts_them() {
    let mut app = with_remarks();
    press(&mut app, "6");
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("remarks 3 to review"), "{screen}");
    let two = screen.find("N° 2 —").unwrap();
    let fourteen = screen.find("N° 14 —").unwrap();
    assert!(two < fourteen, "in the table's order");
    assert!(
        screen.contains("— Transparency Maroc · 25/02/2024 · transparency maroc.docx · to review")
    );
    insta::assert_snapshot!("remarks_120x40", common::body_text(&app, 120, 40));
    insta::assert_snapshot!("remarks_80x24", common::body_text(&app, 80, 24));
}

#[test]
fn accept_reject_merge_and_edit_each_undo_in_one_key() {
    let mut app = with_remarks();
    press(&mut app, "6");
    // The first in the screen's order is n° 2's.
    press(&mut app, "a");
    assert_eq!(state(&app, 1), &RemarkState::Accepted);
    assert_eq!(
        app.states
            .get::<copil::screens::RemarkSelected>()
            .unwrap()
            .pos,
        1,
        "on to the next to review"
    );
    press(&mut app, "3 : 2 enter");
    let screen = screen_text(&app, 120, 40);
    assert!(
        screen.contains("✉ Citer le Conseil national de la presse. (Transparency Maroc,"),
        "among the commitment's observations: {screen}"
    );
    press(&mut app, "6 u");
    assert_eq!(state(&app, 1), &RemarkState::Pending);
    assert!(
        app.message
            .as_deref()
            .unwrap_or_default()
            .contains("the remarks")
    );

    press(&mut app, "j j x");
    type_text(&mut app, "hors sujet");
    press(&mut app, "enter");
    assert_eq!(
        state(&app, 2),
        &RemarkState::Rejected(Some("hors sujet".into()))
    );

    // The rejection moved on to the first still to review: n° 2's, then n° 14's below it.
    press(&mut app, "j e");
    press(&mut app, "ctrl-u");
    type_text(&mut app, "Associer les tribunaux.");
    press(&mut app, "enter");
    assert_eq!(app.meeting.remarks[0].text, "Associer les tribunaux.");
    assert_eq!(state(&app, 0), &RemarkState::Accepted);

    let n2 = app
        .meeting
        .commitments
        .iter()
        .position(|c| c.number == 2)
        .unwrap();
    app.change_commitment(n2, |c| {
        c.observations.push(copil::model::Observation::new(
            "Mettre l'accent sur l'espace civique.",
            0,
        ));
    });
    press(&mut app, "6 g m");
    let before = app.meeting.commitments[n2].observations.clone();
    press(&mut app, "enter");
    assert_eq!(state(&app, 1), &RemarkState::Merged);
    let merged = &app.meeting.commitments[n2].observations[0].text;
    assert!(
        merged.ends_with(
            "espace civique. Citer le Conseil national de la presse. \
             (Transparency Maroc, reçue par écrit le dimanche 25 février 2024)"
        ),
        "{merged}"
    );
    press(&mut app, "u");
    assert_eq!(
        app.meeting.commitments[n2].observations, before,
        "one undo takes both back"
    );
    assert_eq!(state(&app, 1), &RemarkState::Pending);
}

/// The record as printable text.
fn record_of(app: &App) -> String {
    let config = &app.config;
    let record = copil::record::Record::build(&app.meeting, &config.marks, &config.export);
    let layout = copil::export::TextLayout::default();
    String::from_utf8(copil::export::render(&record, copil::export::Format::Txt, layout).unwrap())
        .unwrap()
}

#[test]
fn d_corrects_the_day_a_remark_was_received() {
    let mut app = with_remarks();
    press(&mut app, "6 d");
    assert!(screen_text(&app, 120, 40).contains("25/02/2024"));
    press(&mut app, "ctrl-u");
    type_text(&mut app, "Monday 25 February 2024");
    press(&mut app, "enter");
    let screen = screen_text(&app, 120, 40);
    assert!(
        screen.contains("Sunday"),
        "a wrong weekday is named: {screen}"
    );
    assert_eq!(app.meeting.remarks[1].received.to_string(), "2024-02-25");
    press(&mut app, "ctrl-u");
    type_text(&mut app, "26/02/2024");
    press(&mut app, "enter");
    assert_eq!(app.meeting.remarks[1].received.to_string(), "2024-02-26");
    assert!(screen_text(&app, 120, 40).contains("26/02/2024"));
    press(&mut app, "u");
    assert_eq!(app.meeting.remarks[1].received.to_string(), "2024-02-25");
}

#[test]
fn accepting_a_remark_on_an_item_marked_no_remarks_asks_to_remove_the_mark() {
    let mut app = with_remarks();
    let at = app.meeting.position_of(2).unwrap();
    app.select_commitment(at);
    press(&mut app, "n");
    assert!(app.meeting.commitments[at].mark("no-remarks").is_some());
    press(&mut app, "6 a");
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("remove that mark"), "{screen}");
    assert!(screen.contains("Y/n"), "{screen}");
    press(&mut app, "enter");
    assert!(app.meeting.commitments[at].mark("no-remarks").is_none());
    assert_eq!(state(&app, 1), &RemarkState::Accepted);
    // Its remark reviews it still, though no mark or observation is left.
    assert!(app.meeting.reviewed(&app.meeting.commitments[at]));
    assert_eq!(app.reviewed, copil::model::Stats::of(&app.meeting).reviewed);
    assert!(app.reviewed >= 1);
    // One undo for the mark, one for the remark.
    press(&mut app, "u");
    assert!(app.meeting.commitments[at].mark("no-remarks").is_some());

    // Kept on purpose: the record still does not say both.
    press(&mut app, "u 6 g a n");
    assert!(app.meeting.commitments[at].mark("no-remarks").is_some());
    assert!(
        app.message
            .as_deref()
            .unwrap_or_default()
            .contains("Mark kept on n° 2")
    );
    let text = record_of(&app);
    assert!(
        text.contains("Citer le Conseil national de la presse."),
        "{text}"
    );
    assert!(!text.contains("No remarks were received"), "{text}");
}

#[test]
fn an_accepted_remark_reaches_the_exported_record() {
    let (home, file) = common::fixture_copy();
    let form = "tests/fixtures/forms/transparency.xlsx";
    let args = ["remarks", "import", file.to_str().unwrap(), form];
    let out = common::copil_at(home.path(), "C.UTF-8", &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("remarks 2 to review");
    s.send("6");
    s.wait_for("Nous regrettons");
    s.send("a");
    s.wait_for("remarks 1 to review");
    s.send("E");
    s.wait_for("Exported");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let html = std::fs::read_to_string(home.path().join("reunion.html")).unwrap();
    assert!(
        html.contains("Nous regrettons l’annulation. (Transparency Maroc, reçue par écrit le"),
        "{html}"
    );
    assert!(
        !html.contains("إشراك الجمعيات"),
        "the remark still to review stays out"
    );
}

/// In a real terminal: n° 4 is marked "no remarks", a form brings one; accepting it asks
/// about the mark, Enter removes it, and the exported record says the remark alone.
#[test]
fn enter_after_accepting_removes_the_no_remarks_mark_in_a_real_terminal() {
    let (home, file) = common::fixture_copy();
    let text = std::fs::read_to_string(&file).unwrap();
    let marked = text.replacen(
        "marks = [{ id = \"cancelled\", reason",
        "marks = [{ id = \"no-remarks\" }, { id = \"cancelled\", reason",
        1,
    );
    assert_ne!(marked, text);
    std::fs::write(&file, marked).unwrap();
    let form = "tests/fixtures/forms/transparency.xlsx";
    let args = ["remarks", "import", file.to_str().unwrap(), form];
    assert!(
        common::copil_at(home.path(), "C.UTF-8", &args)
            .status
            .success()
    );
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("remarks 2 to review");
    s.send("6");
    s.wait_for("Nous regrettons");
    s.send("a");
    s.wait_for("remove that mark");
    s.send("\r");
    s.wait_for("remarks 1 to review");
    // The day it came, corrected by hand.
    s.send("gd\x1501/03/2024\r");
    s.wait_for("01/03/2024");
    s.send("E");
    s.wait_for("Exported");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let m = copil::store::load(&file, &copil::config::Config::builtin().marks).unwrap();
    let four = m.commitment_by_number(4).unwrap();
    assert!(four.mark("no-remarks").is_none(), "{:?}", four.marks);
    assert_eq!(m.remarks[0].received.to_string(), "2024-03-01");
    let html = std::fs::read_to_string(home.path().join("reunion.html")).unwrap();
    assert!(html.contains("Nous regrettons"), "{html}");
    // N° 9 keeps its own; n° 4 no longer says it.
    assert_eq!(html.matches("Aucune remarque n").count(), 1, "{html}");
}
