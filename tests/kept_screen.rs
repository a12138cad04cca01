//! The screen the last session left is shown at the next opening before the meeting is
//! read — only while the file is exactly what that session saved, at the same size — and
//! keys typed meanwhile wait for the meeting. The kept screen is told apart from the real
//! first frame by the interface's language: kept in English, reopened in French.
#![cfg(unix)]

mod pty_support;

use std::path::Path;

use pty_support::{Session, sample_in};

const FRENCH: &[(&str, &str)] = &[("LC_ALL", "fr_FR.UTF-8")];

/// Opens `file` in English on the third commitment, and quits.
fn leave_on_the_third(file: &Path, home: &Path) {
    let mut s = Session::start(&[file.to_str().unwrap()], home);
    s.wait_for("Commitments 1/22");
    s.send("jj");
    s.wait_for("Commitments 3/22");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// Reopens `file` in French at `size`, and returns everything written to the terminal.
fn reopen_in_french(file: &Path, home: &Path, size: (u16, u16)) -> String {
    let mut s = Session::start_sized(&[file.to_str().unwrap()], home, FRENCH, size);
    s.wait_for("Engagements 3/22");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    String::from_utf8_lossy(&s.raw).into_owned()
}

#[test]
fn the_screen_left_is_shown_first_then_the_meeting() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    leave_on_the_third(&file, home.path());
    let raw = reopen_in_french(&file, home.path(), (30, 100));
    let kept = raw
        .find("Commitments 3/22")
        .expect("the kept screen was shown");
    // Only what differs is written over it: the word, not the figures after it.
    let real = raw.find("Engage").expect("the meeting's frame was drawn");
    assert!(kept < real, "the kept screen comes first");
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
    let raw = reopen_in_french(&file, home.path(), (30, 100));
    assert!(!raw.contains("Commitments"), "a stale screen was shown");
}

#[test]
fn a_terminal_of_another_size_gets_no_kept_screen() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    leave_on_the_third(&file, home.path());
    let raw = reopen_in_french(&file, home.path(), (30, 101));
    assert!(
        !raw.contains("Commitments"),
        "a screen of another size was shown"
    );
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
