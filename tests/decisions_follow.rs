//! Decisions followed from meeting to meeting: statuses set on screen 4, late ones standing
//! out, one owner's view, carried through `new --from`, counted by `stats`.

mod common;
mod pty_support;

use common::{press, screen_text, type_text};
use copil::model::{Decision, DecisionStatus};

fn with_decisions() -> copil::app::App {
    let mut app = common::app();
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    app.change_rest(|m| {
        m.decisions = vec![
            Decision {
                text: "Mise à jour des fiches".into(),
                deadline: day(2024, 3, 4),
                owner: Some("MTNRA".into()),
                ..Decision::default()
            },
            Decision {
                text: "Publication du feed-back".into(),
                deadline: day(2999, 1, 1),
                owner: Some("ACODEC".into()),
                ..Decision::default()
            },
            Decision {
                text: "Réunion d'évaluation".into(),
                owner: Some("MTNRA".into()),
                ..Decision::default()
            },
        ];
    });
    app
}

#[test]
fn done_dropped_and_reopened_on_screen_4_with_their_history() {
    let mut app = with_decisions();
    let today = app.wall_at_open.date();
    press(&mut app, "4");
    let screen = screen_text(&app, 120, 40);
    assert!(
        screen.contains("⚠ late · deadline: lundi 4 mars 2024"),
        "{screen}"
    );
    press(&mut app, "v");
    assert_eq!(app.meeting.decisions[0].status, DecisionStatus::Done(today));
    assert!(screen_text(&app, 120, 40).contains("✓ done on"));
    press(&mut app, "j X");
    type_text(&mut app, "hors PAN3");
    press(&mut app, "enter");
    assert_eq!(
        app.meeting.decisions[1].status,
        DecisionStatus::Dropped {
            on: today,
            reason: Some("hors PAN3".into())
        }
    );
    press(&mut app, "O");
    assert_eq!(app.meeting.decisions[1].status, DecisionStatus::Open);
    let log: Vec<&str> = app.meeting.decisions[1]
        .log
        .iter()
        .map(|c| c.status.as_str())
        .collect();
    assert_eq!(log, ["dropped", "open"]);
    press(&mut app, "u");
    assert!(matches!(
        app.meeting.decisions[1].status,
        DecisionStatus::Dropped { .. }
    ));
}

#[test]
fn one_owners_decisions_alone() {
    let mut app = with_decisions();
    press(&mut app, "4 F");
    type_text(&mut app, "MTNRA");
    press(&mut app, "enter");
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("owner: MTNRA"), "{screen}");
    assert!(screen.contains("Mise à jour des fiches") && screen.contains("Réunion d'évaluation"));
    assert!(!screen.contains("Publication du feed-back"), "{screen}");
    press(&mut app, "j");
    assert_eq!(
        app.states
            .get::<copil::screens::DecisionsShown>()
            .unwrap()
            .pos,
        2,
        "j walks the decisions shown"
    );
    insta::assert_snapshot!(
        "decisions_one_owner_120x40",
        common::body_text(&app, 120, 40)
    );
}

/// A decision added while one owner's alone show is that owner's, and shows.
#[test]
fn a_decision_added_while_filtered_is_the_owners() {
    let mut app = with_decisions();
    press(&mut app, "4 F");
    type_text(&mut app, "MTNRA");
    press(&mut app, "enter a");
    type_text(&mut app, "Envoyer le compte rendu");
    press(&mut app, "esc");
    let added = (app.meeting.decisions.iter())
        .find(|d| d.text == "Envoyer le compte rendu")
        .expect("added");
    assert!(
        added
            .owner
            .as_deref()
            .is_some_and(|o| o.contains("MTNRA") || o.contains("Transition")),
        "{:?}",
        added.owner
    );
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("Envoyer le compte rendu"), "{screen}");
}

#[test]
fn two_meetings_later_only_the_open_ones_remain_late_first_with_their_history() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("2024-02-22.toml");
    std::fs::copy("tests/fixtures/everything.toml", &first).unwrap();
    let marks = copil::config::Config::builtin().marks;
    let mut meeting = copil::store::load(&first, &marks).unwrap();
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    meeting.decisions[1].set_status(DecisionStatus::Done(day(2, 22)), day(2, 22));
    copil::store::save(&first, &meeting, &marks).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
            .args(args)
            .env("HOME", dir.path())
            .env("COPIL_DATA_DIR", dir.path().join("data").join("copil"))
            .env("COPIL_CONFIG_DIR", dir.path().join("config").join("copil"))
            .output()
            .unwrap()
    };
    let second = dir.path().join("2024-03-07.toml");
    let out = run(&[
        "new",
        second.to_str().unwrap(),
        "--from",
        first.to_str().unwrap(),
        "--date",
        "2024-03-07",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let next = copil::store::load(&second, &marks).unwrap();
    assert_eq!(next.decisions.len(), 2, "the done one stays behind");
    assert!(
        next.decisions
            .iter()
            .all(|d| d.carried && d.taken == Some(day(2, 22)))
    );
    let out = run(&[
        "export",
        second.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        dir.path().join("r.md").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    let follow = md
        .find("## Suivi des décisions précédentes")
        .expect("the follow-up part");
    let late = md
        .find("En retard au ")
        .expect("the late one, as of the record's day");
    assert!(md[late..].contains(", décidé le jeudi\u{a0}22"), "{md}");
    let open = md
        .find("En cours, décidé le jeudi\u{a0}22")
        .expect("the open one");
    assert!(follow < late && late < open, "late first: {md}");
    let third = dir.path().join("2024-03-21.toml");
    let out = run(&[
        "new",
        third.to_str().unwrap(),
        "--from",
        second.to_str().unwrap(),
        "--date",
        "2024-03-21",
    ]);
    assert!(out.status.success());
    let later = copil::store::load(&third, &marks).unwrap();
    assert_eq!(later.decisions.len(), 2);
    assert_eq!(
        later.decisions[0].taken,
        Some(day(2, 22)),
        "still the meeting that took it"
    );
    let stats = run(&["stats", third.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(text.contains("Decisions by owner"), "{text}");
    assert!(
        text.contains("1 open (of which 1 late), 0 done, 0 dropped"),
        "{text}"
    );
}

/// Late means one thing: open with its deadline before today, for `stats` as on screen 4.
#[test]
fn stats_count_late_as_of_today_as_screen_4_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.toml");
    let yesterday = chrono::Local::now().date_naive() - chrono::Duration::days(1);
    let text = std::fs::read_to_string("sample-data/copil-2024-02-22.toml").unwrap()
        + &format!(
            "\n[[decisions]]\ntext = \"Envoyer les fiches\"\ndeadline = {yesterday}\nowner = \"MTNRA\"\n"
        );
    std::fs::write(&file, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(["stats", file.to_str().unwrap()])
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 late"), "{said}");
}

/// In a real terminal: a deadline typed with a weekday that is not its date's is refused,
/// naming the date's own and the nearest matching dates, and nothing is saved until it
/// is corrected.
#[test]
fn a_wrong_weekday_in_a_deadline_is_named_and_nothing_is_saved() {
    let (_home, file, mut s) = pty_support::open_sample();
    s.send("4aMise à jour des fiches\x1b");
    s.wait_for("• Mise à jour des fiches");
    s.send("D\x15lundi 5 mars\r");
    s.wait_for("5 March 2024 is a Tuesday, not a Monday");
    s.wait_for("Monday 11 March 2024?");
    s.wait_for("✓ saved");
    let load = || copil::store::load(&file, &copil::config::Config::builtin().marks).unwrap();
    assert_eq!(
        load().decisions[0].deadline,
        None,
        "nothing saved meanwhile"
    );
    s.send("\x15lundi 4 mars\r");
    s.wait_for("deadline: lundi 4 mars 2024");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        load().decisions[0]
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-03-04")
    );
}
