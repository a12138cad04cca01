//! Nothing typed is lost to a kill at the wrong moment: the journal keeps a bullet until
//! the saver reports a synced file that holds it.

mod pty_support;

use std::time::Duration;

use pty_support::{Session, observations, sample_in};

#[test]
fn a_bullet_committed_during_a_slow_save_survives_kill_9() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let path = file.to_str().unwrap();
    let mut s = Session::start_in(&[path], home.path(), &[("COPIL_TEST_SLOW_SAVE_MS", "3000")]);
    s.wait_for("Commitments 1/22");
    s.send("a");
    s.wait_for("New observation");
    s.send("Validée pendant un enregistrement lent\r");
    s.wait_for("Observations (1)");
    // Past the journal's delay, well before the slow save ends.
    std::thread::sleep(Duration::from_millis(1000));
    s.signal("KILL");
    s.exit_code();
    assert!(observations(&file, 0).is_empty(), "the save had not ended");

    let mut s = Session::start(&[path], home.path());
    s.wait_for("did not end cleanly");
    s.send("\r");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        observations(&file, 0),
        ["Validée pendant un enregistrement lent"]
    );
}

#[test]
fn a_demo_copy_that_no_longer_loads_is_set_aside_not_replaced_silently() {
    let home = tempfile::tempdir().unwrap();
    let demo_dir = home.path().join("data/copil/demo");
    std::fs::create_dir_all(&demo_dir).unwrap();
    let demo = demo_dir.join("copil-2024-02-22.toml");
    std::fs::write(&demo, "[meeting\nnotes = \"mes notes de démo\"\n").unwrap();
    let mut s = Session::start(&[], home.path());
    s.wait_for("DEMO COPY");
    s.wait_for("no longer loaded");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let kept: Vec<String> = std::fs::read_dir(&demo_dir)
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter(|t| t.contains("mes notes de démo"))
        .collect();
    assert_eq!(kept.len(), 1, "the old copy is kept beside the new one");
    assert!(copil::store::load(&demo, &copil::config::Config::builtin().marks).is_ok());
}

/// With the folder gone, `q` does not quit at once: it says where the notes are kept; a
/// second `q` quits, and they are there, offered back when the file can be opened again.
#[test]
fn quitting_while_saving_fails_says_where_the_notes_are_and_asks_again() {
    let home = tempfile::tempdir().unwrap();
    let (mut s, file) = pty_support::typed_while_the_folder_is_gone(home.path());
    let (folder, moved) = (home.path().join("meetings"), home.path().join("moved"));
    s.send("q");
    s.wait_for("Press q again to quit");
    // The saver retries every two seconds: its failure does not replace the question.
    let until = std::time::Instant::now() + Duration::from_millis(2500);
    while std::time::Instant::now() < until {
        s.pump(Duration::from_millis(50));
    }
    assert!(
        s.screen
            .screen()
            .contents()
            .contains("Press q again to quit"),
        "the question stays:\n{}",
        s.screen.screen().contents()
    );
    assert!(s.child.try_wait().unwrap().is_none(), "still running");
    s.send("q");
    assert_ne!(s.exit_code(), 0);
    let said = String::from_utf8_lossy(&s.raw).into_owned();
    assert_eq!(
        said.matches("could not be saved").count(),
        1,
        "the cause said once: {said}"
    );
    assert!(said.contains("Nothing is lost"), "{said}");
    let kept = std::fs::read_dir(home.path().join("data/copil/emergency"))
        .unwrap()
        .flatten()
        .any(|e| {
            std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("Écrite pendant la panne"))
        });
    assert!(kept, "the emergency copy holds the note");
    std::fs::rename(&moved, &folder).unwrap();
    let mut again = Session::start(&[file.to_str().unwrap()], home.path());
    again.wait_for("did not end cleanly");
    again.send("\r");
    again.wait_for("✓ saved");
    again.send("q");
    assert_eq!(again.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Écrite pendant la panne"]);
}
