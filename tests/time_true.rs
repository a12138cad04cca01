//! Time that is true: the meeting's clock resumes on reopening, the countdown counts from
//! the start time on the day a meeting is opened, and reopening goes back where the
//! secretary was.

mod common;
mod pty_support;

use std::time::Duration;

use copil::app::{App, Clock};
use copil::config::Config;
use pty_support::{Session, sample_in};

fn opened_at(meeting: copil::model::Meeting, wall: &str) -> App {
    let wall = chrono::NaiveDateTime::parse_from_str(wall, "%Y-%m-%d %H:%M").unwrap();
    let clock = Clock {
        instant: std::time::Instant::now(),
        wall,
    };
    App::new(meeting, Config::builtin(), None, clock)
}

#[test]
fn the_meeting_clock_resumes_from_the_file() {
    let mut meeting = common::sample();
    meeting.header.seconds_elapsed = 1_800;
    let mut app = opened_at(meeting, "2024-02-22 10:40");
    assert_eq!(app.meeting_seconds(), 1_800);
    app.now += Duration::from_secs(95);
    app.fold_time();
    assert_eq!(
        app.meeting.header.seconds_elapsed, 1_895,
        "written with the item's time"
    );
}

#[test]
fn the_countdown_counts_from_the_start_time_on_the_day_opened() {
    let mut meeting = common::sample();
    meeting.header.time = chrono::NaiveTime::from_hms_opt(10, 0, 0);
    meeting.header.planned_minutes = Some(120);
    // A rehearsal two years later, half an hour after the start time.
    let app = opened_at(meeting.clone(), "2026-11-22 10:30");
    assert_eq!(app.seconds_left(), Some(90 * 60));
    // Opened late at night: over by the evening, never more than a day.
    let app = opened_at(meeting, "2026-11-22 23:59");
    let left = app.seconds_left().unwrap();
    assert!((-86_400..0).contains(&left), "{left}");
}

#[test]
fn reopening_returns_to_the_screen_and_commitment_and_the_clock_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let path = file.to_str().unwrap();
    let mut s = Session::start(&[path], home.path());
    s.wait_for("Commitments 1/22");
    s.wait_for("not started");
    s.send(":");
    s.send("14\r");
    s.wait_for("Commitments 14/22");
    // A review action starts the call's clock.
    s.send("f");
    s.wait_for("En attente de fiche");
    std::thread::sleep(Duration::from_millis(2200));
    s.send("4");
    s.wait_for("Decisions (Points arrêtés)");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let saved = copil::store::load(&file, &Config::builtin().marks).unwrap();
    assert!(
        saved.header.seconds_elapsed >= 2,
        "{}",
        saved.header.seconds_elapsed
    );

    let mut s = Session::start(&[path], home.path());
    s.wait_for("Decisions (Points arrêtés)");
    s.send("3");
    s.wait_for("Commitments 14/22");
    // Another day than the meeting's: the time so far shows, and waits for the call.
    s.wait_for("(not started)");
    assert!(
        !s.contents().contains("⏱ 0:00:00"),
        "the time so far is kept:\n{}",
        s.contents()
    );
    s.send("\x14");
    s.wait_for("clock is running");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// Removing the current commitment, or an undo that brings another one in front, gives
/// the time so far to the one that had it; the next starts afresh.
#[test]
fn time_stays_with_the_commitment_it_was_spent_on() {
    let mut app = common::app();
    common::press(&mut app, "ctrl-t G k k");
    app.now += Duration::from_secs(16);
    common::press(&mut app, "D y");
    let spent = |app: &App, n: u32| app.meeting.commitment_by_number(n).map(|c| c.seconds_spent);
    assert_eq!(common::current_number(&app), 21);
    assert_eq!(app.item_seconds(), 0, "n° 21 starts afresh");
    app.now += Duration::from_secs(5);
    common::press(&mut app, "u");
    assert_eq!(
        spent(&app, 20),
        Some(16),
        "n° 20's own time came back with it"
    );
    assert_eq!(spent(&app, 21), Some(5));
}

/// A mark that takes the current item out of the filtered list brings the next one in
/// front: the time so far stays with the item it was spent on, the next starts afresh.
#[test]
fn a_filter_that_moves_on_leaves_the_time_with_the_item_it_was_spent_on() {
    let mut app = common::app();
    let spent = |app: &App, n: u32| app.meeting.commitment_by_number(n).map(|c| c.seconds_spent);
    common::press(&mut app, "ctrl-t");
    app.filter = copil::app::Filter::NotReviewed;
    app.refresh_view();
    common::press(&mut app, "G k k");
    let here = common::current_number(&app);
    app.now += Duration::from_secs(12);
    // Marked: reviewed now, out of the list; the next one comes in front.
    common::press(&mut app, "v");
    assert_ne!(common::current_number(&app), here);
    let next = common::current_number(&app);
    app.now += Duration::from_secs(5);
    app.fold_time();
    assert_eq!(spent(&app, here), Some(12), "n° {here} keeps its 12 s");
    assert_eq!(
        spent(&app, next),
        Some(5),
        "n° {next} counts from when it came in front"
    );
}

/// Preparing the file the day before counts no time: the clock waits for the call, on its
/// day, and starts at its first roll-call mark; the next meeting starts with no clock.
#[test]
fn the_clock_waits_for_the_call() {
    let mut day_before = opened_at(common::sample(), "2024-02-21 16:00");
    common::press(&mut day_before, "f j a");
    common::type_text(&mut day_before, "Préparé la veille");
    common::press(&mut day_before, "esc");
    day_before.now += Duration::from_secs(600);
    day_before.fold_time();
    assert_eq!(
        day_before.meeting_seconds(),
        0,
        "the day before: no call yet"
    );
    assert_eq!(day_before.meeting.commitments[0].seconds_spent, 0);

    let mut on_the_day = opened_at(common::sample(), "2024-02-22 10:55");
    on_the_day.now += Duration::from_secs(300);
    assert_eq!(on_the_day.meeting_seconds(), 0, "opened, waiting");
    common::press(&mut on_the_day, "1 p");
    on_the_day.now += Duration::from_secs(60);
    assert_eq!(
        on_the_day.meeting_seconds(),
        60,
        "from the first roll-call mark"
    );
}
