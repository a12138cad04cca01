//! Undo survives quitting: the last changes are kept beside the program's data, and `u`
//! after reopening takes back the last change made before `q`; a change the file no longer
//! holds (another hand changed it meanwhile) is refused with the reason.

mod pty_support;

use pty_support::{Session, marks, observations, open_sample};

#[test]
fn u_after_reopening_takes_back_the_changes_made_before_quitting() {
    let (home, file, mut s) = open_sample();
    s.send("aNote avant de quitter\x1b");
    s.wait_for("Observations (1)");
    s.send("f");
    s.wait_for("En attente de fiche");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(marks(&file, 0), ["awaiting-fiche"]);

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("u");
    s.wait_for("Undone: mark F");
    s.send("u");
    s.wait_for("Undone: an observation");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(marks(&file, 0).is_empty());
    assert!(observations(&file, 0).is_empty());
}

#[test]
fn a_change_made_again_elsewhere_is_not_undone_after_reopening() {
    let (home, file, mut s) = open_sample();
    s.send("aTexte tapé ici\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    // A colleague corrects the bullet while copil is closed.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Texte tapé ici", "Texte corrigé ailleurs"),
    )
    .unwrap();

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("u");
    s.wait_for("Not undone");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Texte corrigé ailleurs"]);
}

/// The files under `dir` whose name ends with `.undo`.
fn undo_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(undo_files(&path));
        } else if path.extension().is_some_and(|e| e == "undo") {
            out.push(path);
        }
    }
    out
}

/// `kill -9` leaves no way out: the history is also kept while the program waits for a
/// key, so `u` after the restart still takes back the change made before the kill.
#[test]
fn u_after_kill_9_takes_back_the_change_made_before_it() {
    let (home, file, mut s) = open_sample();
    s.send("aNote avant le kill\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    // The history kept with what the file now holds (its fingerprint is in it).
    let marks = copil::config::Config::builtin().marks;
    let saved = copil::store::load(&file, &marks).unwrap();
    let identity = saved.fingerprint();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !undo_files(home.path()).iter().any(|f| {
        let bytes = std::fs::read(f).unwrap_or_default();
        bytes
            .windows(identity.len())
            .any(|w| w == identity.as_bytes())
    }) {
        assert!(std::time::Instant::now() < deadline, "no undo history kept");
        s.pump(std::time::Duration::from_millis(50));
    }
    s.signal("KILL");
    let _ = s.exit_code();
    assert_eq!(observations(&file, 0), ["Note avant le kill"]);

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("u");
    s.wait_for("Undone: an observation");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(observations(&file, 0).is_empty());
}

/// Killed right after a second bullet reached the file, before or after its undo history
/// did: `u` after the restart takes back that bullet or says the history is behind, never
/// the first one.
#[test]
fn u_after_a_kill_never_takes_back_an_older_bullet_than_the_last() {
    for other in [true, false] {
        let (home, file, mut s) = open_sample();
        s.send("aPremier ça\x1b");
        s.wait_for("Observations (1)");
        s.wait_for("✓ saved");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        while undo_files(home.path()).is_empty() {
            assert!(std::time::Instant::now() < deadline, "no undo history kept");
            s.pump(std::time::Duration::from_millis(50));
        }
        if other {
            s.send("\x1bj");
            s.wait_for("Commitments 2/22");
        }
        s.send("aSecond à\x1b");
        let at = usize::from(other);
        while observations(&file, at).last().map(String::as_str) != Some("Second à") {
            s.pump(std::time::Duration::from_millis(5));
        }
        s.signal("KILL");
        let _ = s.exit_code();

        let mut s = Session::start(&[file.to_str().unwrap()], home.path());
        s.wait_for("/22 ─");
        // Killed after the file took the bullet but before the journal heard it was saved
        // (or with a later change not saved yet): the journal is offered back first.
        s.pump(std::time::Duration::from_millis(200));
        if s.contents().contains("did not end cleanly") {
            s.send("r");
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
            while s.contents().contains("did not end cleanly") {
                assert!(std::time::Instant::now() < deadline, "{}", s.contents());
                s.pump(std::time::Duration::from_millis(50));
            }
        }
        s.send("u");
        s.wait_for("ndo");
        s.send("q");
        assert_eq!(s.exit_code(), 0);
        let first = observations(&file, 0);
        assert_eq!(first[0], "Premier ça", "never the older bullet: {first:?}");
    }
}

/// Whether a file under `dir` holds `text` (not a file still being written, whose name
/// starts with a dot until it takes its place).
fn some_file_holds(dir: &std::path::Path, text: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let path = e.path();
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        match path.is_dir() {
            true => some_file_holds(&path, text),
            false => !hidden && std::fs::read_to_string(&path).is_ok_and(|t| t.contains(text)),
        }
    })
}

/// Where the secretary was is kept while the program runs: after a kill, reopening goes
/// back to the same screen and commitment, as after `q`.
#[test]
fn after_a_kill_the_program_reopens_where_it_stood() {
    let (home, file, mut s) = open_sample();
    s.send(":14\r");
    s.wait_for("Commitments 14/22");
    s.send("4");
    s.wait_for("Decisions (Points arrêtés)");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !some_file_holds(home.path(), "screen = \"decisions\"\ncommitment = 14") {
        assert!(
            std::time::Instant::now() < deadline,
            "the place was never kept"
        );
        s.pump(std::time::Duration::from_millis(100));
    }
    s.signal("KILL");
    let _ = s.exit_code();

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Decisions (Points arrêtés)");
    s.send("3");
    s.wait_for("Commitments 14/22");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}
