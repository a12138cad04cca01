//! Typing as in a real call, with the real binary in a pseudo-terminal: keys sent with no
//! pause, bunched in one write or one by one slowly, mean what the screen says they mean.

mod pty_support;

use std::time::Duration;

use pty_support::{marks, observations, open_sample};

fn meeting(file: &std::path::Path) -> copil::model::Meeting {
    copil::store::load(file, &copil::config::Config::builtin().marks).unwrap()
}

/// A double Enter, then a sentence: the sentence is a bullet; nothing exported, no mark.
#[test]
fn in_a_terminal_a_double_enter_then_a_sentence_is_a_bullet() {
    let (home, file, mut s) = open_sample();
    s.send("a");
    s.wait_for("New observation");
    s.send("Préciser le lien avec Adala.\r\rExemple concret\r\x1b");
    s.wait_for("Observations (2)");
    s.wait_for("COMMANDS");
    s.send("j");
    s.wait_for("Commitments 2/22");
    s.send("a");
    s.wait_for("WRITING");
    s.send("Reformuler le titre\r\r\r");
    s.wait_for("Observations (1)");
    s.send("\x1b");
    s.wait_for("COMMANDS");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        observations(&file, 0),
        ["Préciser le lien avec Adala.", "Exemple concret"]
    );
    assert_eq!(observations(&file, 1), ["Reformuler le titre"]);
    assert!(marks(&file, 0).is_empty() && marks(&file, 1).is_empty());
    assert!(
        !home.path().join("meeting.docx").exists(),
        "nothing exported"
    );
}

/// An expert's rhythm, every key in one write: go to 15, two marks; then the next one.
#[test]
fn in_a_terminal_keys_bunched_in_one_write_are_commands() {
    let (_home, file, mut s) = open_sample();
    s.send(":15\rnfjnf");
    s.wait_for("Commitments 16/22");
    s.wait_for("✓ saved");
    s.send("?\x1bq");
    assert_eq!(s.exit_code(), 0, "? Esc q quits");
    assert_eq!(marks(&file, 14), ["no-remarks", "awaiting-fiche"]);
    assert_eq!(marks(&file, 15), ["no-remarks", "awaiting-fiche"]);
    assert!(observations(&file, 14).is_empty(), "no bullet \"nf\"");
}

/// `E` then `j` at once: an export and a move.
#[test]
fn in_a_terminal_export_then_a_move_are_both_done() {
    let (home, _file, mut s) = open_sample();
    s.send("Ej");
    s.wait_for("Commitments 2/22");
    s.wait_for("Exported");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(home.path().join("meeting.docx").exists());
}

/// A slow typist writes "Détailler" with the list in front, 0.4 s a key: `D` asks first,
/// `é` says no, `t` opens the retitle question and the rest goes into it; Esc leaves it.
#[test]
fn in_a_terminal_a_slow_word_on_the_list_removes_and_marks_nothing() {
    let (_home, file, mut s) = open_sample();
    s.send_slowly("Détailler", Duration::from_millis(400));
    s.wait_for("ailler");
    s.send("\x1b");
    s.wait_for("COMMANDS");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let m = meeting(&file);
    let sample = meeting(std::path::Path::new("sample-data/copil-2024-02-22.toml"));
    assert_eq!(
        m.commitments.len(),
        sample.commitments.len(),
        "nothing removed"
    );
    assert!(marks(&file, 0).is_empty(), "no mark");
    assert!(observations(&file, 0).is_empty());
}

/// A list copied from the chat and pasted in a real terminal (bracketed paste, CRLF).
#[test]
fn in_a_terminal_a_pasted_list_becomes_bullets() {
    let (_home, file, mut s) = open_sample();
    s.send("a");
    s.wait_for("New observation");
    s.send("\x1b[200~- Premier point\r\n  o Détail\r\n- Second point\r\n\x1b[201~");
    s.wait_for("Observations (3)");
    s.send("\x1b");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        observations(&file, 0),
        ["Premier point", "Détail", "Second point"]
    );
}

/// After editing a bullet from the observations pane and closing with Esc, `j r j a`
/// marks the next commitment and types on the one after it; all sent without a pause.
#[test]
fn in_a_terminal_j_walks_the_commitments_after_editing_a_bullet() {
    let (_home, file, mut s) = open_sample();
    s.send(":5\ra");
    s.wait_for("New observation");
    s.send("Premier point\r\x1b");
    s.wait_for("Observations (1)");
    s.send("\te corrigé\r\x1b");
    s.wait_for("Premier point corrigé");
    s.wait_for("COMMANDS");
    s.send("jrja");
    s.wait_for("New observation");
    s.send("Sur le septième\r\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 4), ["Premier point corrigé"]);
    assert_eq!(observations(&file, 6), ["Sur le septième"]);
    assert_eq!(marks(&file, 5), ["awaiting-remarks"]);
    assert!(marks(&file, 4).is_empty());
}

/// In presentation mode the audience sees the commitment only: no clock, no overrun, no
/// key hints; P gives them back.
#[test]
fn in_a_terminal_presentation_shows_no_clock_and_no_keys() {
    let (_home, _file, mut s) = open_sample();
    s.send(":2\rP");
    s.wait_for("N° 2  ·  2/22");
    // The whole frame drawn: no box of the list, no clock left on the screen.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while s.contents().contains(['│', '⏱']) && std::time::Instant::now() < deadline {
        s.pump(Duration::from_millis(50));
    }
    let shown = s.contents();
    assert!(
        !shown.contains('⏱') && !shown.contains("COMMANDS"),
        "{shown}"
    );
    s.send("P");
    s.wait_for("⏱");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
