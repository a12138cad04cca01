//! Typing as in a real call, with the real binary in a pseudo-terminal: words typed fast
//! never become commands, and a list pasted from the chat becomes bullets.

mod pty_support;

/// The two sequences of a real call, with the real binary: nothing exported, no prompt, no
/// mark; the words are bullets.
#[test]
fn in_a_terminal_words_typed_fast_never_become_commands() {
    let (home, file, mut s) = pty_support::open_sample();
    s.send("a");
    s.wait_for("New observation");
    s.send("Préciser le lien avec Adala.\r\rExemple concret\r\r");
    s.wait_for("Observations (2)");
    s.send("j");
    s.wait_for("Commitments 2/22");
    s.send("Reformuler le titre\r\r");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        pty_support::observations(&file, 0),
        ["Préciser le lien avec Adala.", "Exemple concret"]
    );
    assert_eq!(pty_support::observations(&file, 1), ["Reformuler le titre"]);
    let meeting = copil::store::load(&file, &copil::config::Config::builtin().marks).unwrap();
    assert!(meeting.commitments[0].marks.is_empty() && meeting.commitments[1].marks.is_empty());
    assert!(
        !home.path().join("meeting.docx").exists(),
        "nothing exported"
    );
}

/// A list copied from the chat and pasted in a real terminal (bracketed paste, CRLF).
#[test]
fn in_a_terminal_a_pasted_list_becomes_bullets() {
    let (_home, file, mut s) = pty_support::open_sample();
    s.send("a");
    s.wait_for("New observation");
    s.send("\x1b[200~- Premier point\r\n  o Détail\r\n- Second point\r\n\x1b[201~");
    s.wait_for("Observations (3)");
    s.send("\x1b");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        pty_support::observations(&file, 0),
        ["Premier point", "Détail", "Second point"]
    );
}

/// The focus trap of a real call, in a terminal: after editing a bullet from the
/// observations pane and closing with a double Enter, `j r j a` marks the next commitment
/// and types on the one after it.
#[test]
fn in_a_terminal_j_walks_the_commitments_after_editing_a_bullet() {
    let (_home, file, mut s) = pty_support::open_sample();
    s.send(":");
    s.send("5\r");
    s.wait_for("Commitments 5/22");
    s.send("a");
    s.wait_for("New observation");
    s.send("Premier point\r\r");
    s.wait_for("Observations (1)");
    s.send("\t");
    s.send("e");
    s.send_at_once(" corrigé\r\r");
    s.wait_for("Premier point corrigé");
    s.send("j");
    s.wait_for("Commitments 6/22");
    s.send("r");
    s.wait_for("En attente des remarques");
    s.send("j");
    s.wait_for("Commitments 7/22");
    s.send("a");
    s.wait_for("New observation");
    s.send("Sur le septième\r\r");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        pty_support::observations(&file, 4),
        ["Premier point corrigé"]
    );
    assert_eq!(pty_support::observations(&file, 6), ["Sur le septième"]);
    let meeting = copil::store::load(&file, &copil::config::Config::builtin().marks).unwrap();
    assert_eq!(meeting.commitments[5].marks[0].id, "awaiting-remarks");
    assert!(meeting.commitments[4].marks.is_empty());
}
