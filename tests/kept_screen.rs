//! The screen the last session left is shown at the next opening before the meeting is
//! read — only while the file is exactly what that session saved, at the same size, with
//! the same look — and keys typed meanwhile wait for the meeting. The kept screen is told
//! apart by its status line: "Opening the meeting…", which the meeting's frame replaces.
#![cfg(unix)]

mod pty_support;

use std::path::Path;

use pty_support::{Session, sample_in};

const OPENING: &str = "Opening the meeting…";

/// Opens `file` on the third commitment, and quits.
fn leave_on_the_third(file: &Path, home: &Path) {
    let mut s = Session::start(&[file.to_str().unwrap()], home);
    s.wait_for("/22");
    s.send(":3\r");
    s.wait_for("Commitments 3/22");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// Reopens `file` at `size` with `env`, and returns everything written to the terminal.
fn reopen(file: &Path, home: &Path, size: (u16, u16), env: &[(&str, &str)]) -> String {
    let mut s = Session::start_sized(&[file.to_str().unwrap()], home, env, size);
    s.wait_for("3/22");
    assert!(
        !s.contents().contains(OPENING),
        "the meeting's frame replaced it"
    );
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    String::from_utf8_lossy(&s.raw).into_owned()
}

#[test]
fn the_screen_left_is_shown_first_then_the_meeting() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    leave_on_the_third(&file, home.path());
    let raw = reopen(&file, home.path(), (30, 100), &[]);
    let kept = raw
        .find("Commitments 3/22")
        .expect("the kept screen was shown");
    let opening = raw.find(OPENING).expect("it says the meeting is opening");
    assert!(kept < opening);
    // Only what differs is written over it: the list's title is not written twice.
    assert_eq!(raw.matches("Commitments 3/22").count(), 1, "{raw:?}");
}

#[test]
fn a_file_changed_since_is_never_shown_from_the_kept_screen() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    leave_on_the_third(&file, home.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("Mot d'ouverture", "Mot d'accueil", 1);
    assert_ne!(edited, text);
    std::fs::write(&file, edited).unwrap();
    let raw = reopen(&file, home.path(), (30, 100), &[]);
    assert!(!raw.contains(OPENING), "a stale screen was shown");
}

#[test]
fn a_terminal_of_another_size_gets_no_kept_screen() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    leave_on_the_third(&file, home.path());
    let raw = reopen(&file, home.path(), (30, 101), &[]);
    assert!(!raw.contains(OPENING), "a screen of another size was shown");
}

/// Another language, or a configuration changed since: the old look is not shown.
#[test]
fn another_language_or_configuration_gets_no_kept_screen() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    leave_on_the_third(&file, home.path());
    let french = reopen(&file, home.path(), (30, 100), &[("LC_ALL", "fr_FR.UTF-8")]);
    assert!(!french.contains(OPENING) && !french.contains("Ouverture de la réunion"));
    leave_on_the_third(&file, home.path());
    let config = home.path().join("config/copil/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "[theme]\naccent = \"red\"\n").unwrap();
    let themed = reopen(&file, home.path(), (30, 100), &[]);
    assert!(!themed.contains(OPENING), "the old theme was shown");
}

#[test]
fn keys_typed_while_the_kept_screen_shows_wait_for_the_meeting() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    leave_on_the_third(&file, home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    // Sent at once, before anything is drawn: each key moves once, none is lost.
    s.send("jj");
    s.wait_for("Commitments 5/22");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// A signal while the kept screen shows and a large meeting is read: the program does
/// not die with the terminal taken, but ends as on any other signal — saved, the terminal
/// given back, no lock left, the signal's exit code.
#[test]
fn a_signal_while_the_kept_screen_shows_ends_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("plan.toml");
    let marks = copil::config::Config::builtin().marks;
    let meeting = copil::model::generate::meeting(3_000, 5);
    std::fs::write(&file, copil::store::write_meeting(&meeting, &marks)).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/3000");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let mut s = Session::start(&[file.to_str().unwrap()], home.path());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !String::from_utf8_lossy(&s.raw).contains("Opening the meeting…") {
            assert!(std::time::Instant::now() < deadline, "the kept screen");
            s.pump(std::time::Duration::from_millis(1));
        }
        s.signal(signal);
        assert_eq!(s.exit_code(), code, "SIG{signal}");
        let raw = String::from_utf8_lossy(&s.raw);
        assert!(raw.ends_with("\u{1b}[?1049l") || raw.contains("\u{1b}[?1049l"));
        assert!(!copil::store::lock::beside(&file).exists(), "SIG{signal}");
    }
}
