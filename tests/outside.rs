//! Another program changes the meeting file while copil has it open: a colleague's edit in
//! a shared folder, a `git pull`, a `sed`. Their change is merged, never written over.

mod pty_support;

use std::time::Duration;

use copil::config::Config;
use pty_support::{Session, observations, sample_in};

/// Waits until the first commitment's first bullet is in the file.
fn until_saved(file: &std::path::Path) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while observations(file, 0).is_empty() {
        assert!(std::time::Instant::now() < deadline, "never saved");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn append(file: &std::path::Path, text: &str) {
    let mut content = std::fs::read_to_string(file).unwrap();
    content.push_str(text);
    std::fs::write(file, content).unwrap();
}

#[test]
fn an_outside_edit_while_idle_is_merged_and_both_sides_reach_the_file() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("a");
    s.wait_for("New observation");
    s.send("Avant la modification extérieure\r\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    // From another shell, with no key pressed: a decision added, a title changed.
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replacen(
        "title = \"Renforcement de la liberté de presse et de publication\"",
        "title = \"Liberté de presse (titre corrigé ailleurs)\"",
        1,
    );
    std::fs::write(&file, text).unwrap();
    append(
        &file,
        "\n[[decisions]]\ntext = \"Envoyer les fiches avant lundi.\"\n",
    );
    s.wait_for("Changed by another program");
    s.send("j");
    s.wait_for("titre corrigé ailleurs");
    s.send("a");
    s.wait_for("New observation");
    s.send("Après la modification extérieure\r\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let meeting = copil::store::load(&file, &Config::builtin().marks).unwrap();
    assert_eq!(meeting.decisions.len(), 1, "their decision");
    assert_eq!(meeting.decisions[0].text, "Envoyer les fiches avant lundi.");
    assert_eq!(
        meeting.commitments[1].title,
        "Liberté de presse (titre corrigé ailleurs)"
    );
    assert_eq!(
        observations(&file, 0),
        vec!["Avant la modification extérieure"]
    );
    assert_eq!(
        observations(&file, 1),
        vec!["Après la modification extérieure"]
    );
}

#[test]
fn an_outside_edit_just_before_a_key_is_not_overwritten_by_the_save_it_triggers() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    append(
        &file,
        "\n[[decisions]]\ntext = \"Décision ajoutée par un collègue.\"\n",
    );
    // At once, before the next look: the mark's save must merge, not overwrite.
    s.send("f");
    s.wait_for("En attente de fiche");
    s.pump(Duration::from_millis(2500));
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let meeting = copil::store::load(&file, &Config::builtin().marks).unwrap();
    assert_eq!(meeting.decisions.len(), 1, "their decision survived");
    assert_eq!(meeting.commitments[0].marks[0].id, "awaiting-fiche");
}

#[test]
fn a_file_broken_outside_is_never_written_over_and_the_notes_are_kept_aside() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    let broken = "[header\ntitle = \"cassé par un collègue\"\n";
    std::fs::write(&file, broken).unwrap();
    s.wait_for("FILE CHANGED OUTSIDE");
    s.send("a");
    s.wait_for("New observation");
    s.send("Note à garder\r\x1b");
    s.wait_for("Observations (1)");
    s.pump(Duration::from_millis(1500));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
    s.send("q");
    s.wait_for("again to quit");
    s.send("q");
    let code = s.exit_code();
    assert_ne!(code, 0, "{}", s.contents());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
    let copy = std::fs::read_dir(home.path().join("data/copil"))
        .unwrap()
        .flatten()
        .flat_map(|d| walk(&d.path()))
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("Note à garder")))
        .expect("the notes are kept in a copy in the data directory");
    assert!(copy.exists());
}

#[test]
fn a_file_broken_outside_can_be_saved_over_on_purpose() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    std::fs::write(&file, "[header\n").unwrap();
    s.wait_for("FILE CHANGED OUTSIDE");
    s.send("\x13"); // Ctrl-s
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let meeting = copil::store::load(&file, &Config::builtin().marks).unwrap();
    assert_eq!(meeting.commitments.len(), 22);
}

fn walk(path: &std::path::Path) -> Vec<std::path::PathBuf> {
    if path.is_dir() {
        std::fs::read_dir(path)
            .unwrap()
            .flatten()
            .flat_map(|d| walk(&d.path()))
            .collect()
    } else {
        vec![path.to_owned()]
    }
}

#[test]
fn a_meeting_file_deleted_from_outside_is_written_back_at_once() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("aNote avant la suppression\x1b");
    s.wait_for("✓ saved");
    std::fs::remove_file(&file).unwrap();
    s.wait_for("written back");
    s.wait_for("✓ saved");
    assert_eq!(observations(&file, 0), ["Note avant la suppression"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// A sync client or an editor puts back the version copil read at the start: the notes
/// saved since are not deleted; the newer state is written back over the stale copy.
#[test]
fn a_stale_copy_put_over_the_file_does_not_delete_newer_notes() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let stale = std::fs::read(&file).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("aNote plus récente\x1b");
    s.wait_for("Observations (1)");
    until_saved(&file);
    std::fs::write(&file, &stale).unwrap();
    s.wait_for("older copy");
    s.wait_for("✓ saved");
    assert_eq!(observations(&file, 0), ["Note plus récente"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Note plus récente"]);
}

/// Another meeting moved over the open file: nothing is written over it, and the
/// secretary's meeting, with her note, is written beside it under a name of its own.
#[test]
fn another_meeting_moved_over_the_file_keeps_both() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("aNote de cette réunion\x1b");
    s.wait_for("Observations (1)");
    until_saved(&file);
    let other = home.path().join("other.toml");
    std::fs::copy("sample-data/copil-2023-11-30.toml", &other).unwrap();
    std::fs::rename(&other, &file).unwrap();
    s.wait_for("Another meeting");
    let kept = home.path().join("meeting-kept.toml");
    assert_eq!(observations(&kept, 0), ["Note de cette réunion"]);
    // A note typed after goes to the copy beside too, by the way out at the latest.
    s.send("aEt une autre\x1b");
    s.wait_for("Observations (2)");
    s.send("q");
    s.wait_for("Press q again");
    s.send("q");
    s.exit_code();
    let said = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(said.contains("meeting-kept.toml"), "{said}");
    assert!(
        !said.contains("does not load"),
        "it loads: it is another meeting\n{said}"
    );
    let theirs = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        theirs,
        std::fs::read_to_string("sample-data/copil-2023-11-30.toml").unwrap(),
        "the other meeting is untouched"
    );
    assert_eq!(
        observations(&kept, 0),
        ["Note de cette réunion", "Et une autre"]
    );
}

/// A colleague corrects the meeting's title in the file: the same meeting still (same date,
/// the same commitments), merged, and saving goes on.
#[test]
fn a_title_corrected_by_hand_is_merged_and_saving_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("aAvant la correction\x1b");
    s.wait_for("Observations (1)");
    until_saved(&file);
    let text = std::fs::read_to_string(&file).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title = "))
        .unwrap()
        .to_owned();
    std::fs::write(
        &file,
        text.replacen(&title, "title = \"COPIL PAN3, séance corrigée\"", 1),
    )
    .unwrap();
    s.wait_for("COPIL PAN3");
    s.send("aAprès la correction\x1b");
    s.wait_for("Observations (2)");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("title = \"COPIL PAN3, séance corrigée\""),
        "{saved}"
    );
    assert_eq!(
        observations(&file, 0),
        ["Avant la correction", "Après la correction"]
    );
    assert!(
        !home.path().join("meeting-kept.toml").exists(),
        "nothing set beside"
    );
}

/// The last look comes at the very instant before the rename: a change another program
/// made while copil was writing is not replaced; the save says so and the caller merges.
#[test]
fn a_change_made_while_the_save_is_written_is_never_replaced() {
    let marks = Config::builtin().marks;
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let read = std::fs::read(&file).unwrap();
    let seen = copil::store::seen::Seen::of(&file, &read);
    let meeting = copil::store::load(&file, &marks).unwrap();
    // Another program's edit, after copil's look and before its rename.
    append(&file, "\n# modifié ailleurs\n");
    let theirs = std::fs::read(&file).unwrap();
    let e = copil::store::save_unless_changed(&file, &meeting, &marks, Some(seen)).unwrap_err();
    assert!(e.changed_meanwhile(), "{e}");
    assert_eq!(std::fs::read(&file).unwrap(), theirs, "their edit stays");
    let again = copil::store::seen::Seen::of(&file, &theirs);
    assert!(copil::store::save_unless_changed(&file, &meeting, &marks, Some(again)).is_ok());
}

/// A first session on `file` that writes one note on n° 1 and quits.
fn first_session(home: &std::path::Path, file: &std::path::Path) {
    let mut s = Session::start(&[file.to_str().unwrap()], home);
    s.wait_for("Commitments 1/22");
    s.send("aNote de la première séance\x1b");
    s.wait_for("Observations (1)");
    until_saved(file);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// The versions are remembered across sessions: a copy from before a restart, put back
/// while the next session runs, is known as older and written over, its notes kept.
#[test]
fn a_stale_copy_from_before_a_restart_does_not_delete_notes() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let before = std::fs::read(&file).unwrap();
    first_session(home.path(), &file);

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("j");
    s.wait_for("Commitments 2/22");
    std::fs::write(&file, &before).unwrap();
    s.wait_for("older copy");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Note de la première séance"]);
}

/// A copy from before a restart, edited elsewhere and put back (not a version copil knows):
/// its change is merged, and the note of the first session it lacks stays, flagged.
#[test]
fn an_edited_older_copy_does_not_delete_notes_of_an_earlier_session() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let before = std::fs::read_to_string(&file).unwrap();
    first_session(home.path(), &file);

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    let edited = before.replacen("place = \"", "place = \"Salle B, ", 1);
    assert_ne!(edited, before, "the sample names a place");
    std::fs::write(&file, edited).unwrap();
    s.wait_for("merged");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let notes = observations(&file, 0);
    assert_eq!(notes[0], "Note de la première séance", "{notes:?}");
    assert!(notes[1].starts_with('⚠'), "{notes:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("place = \"Salle B, "), "their change merged");
}

/// While copil was closed, the version it read at the start is put back (a sync, a
/// backup): the next opening knows it as older and writes the newer one back.
#[test]
fn an_older_copy_put_back_while_closed_gives_way_to_the_newer_one() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let before = std::fs::read(&file).unwrap();
    first_session(home.path(), &file);
    std::fs::write(&file, &before).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Older copy than copil");
    s.wait_for("✓ saved");
    assert_eq!(observations(&file, 0), ["Note de la première séance"]);
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

/// While copil was closed, an older copy is edited and put back: its change is taken,
/// the note it lacks stays, flagged.
#[test]
fn an_edited_older_copy_put_back_while_closed_keeps_the_notes_it_lacks() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let before = std::fs::read_to_string(&file).unwrap();
    first_session(home.path(), &file);
    std::fs::write(
        &file,
        before.replacen("place = \"", "place = \"Salle B, ", 1),
    )
    .unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("File changed while closed");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let notes = observations(&file, 0);
    assert_eq!(notes[0], "Note de la première séance", "{notes:?}");
    assert!(notes[1].starts_with('⚠'), "{notes:?}");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Salle B, ")
    );
}

/// Killed with a draft in the editor, then an older copy put back by hand: the saved
/// note is not taken away, and the draft comes back too.
#[test]
fn a_restore_after_an_older_copy_put_back_keeps_the_saved_notes() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let before = std::fs::read(&file).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("aAlpha à\x1b");
    s.wait_for("Observations (1)");
    until_saved(&file);
    s.send("jaGamma en cours");
    s.wait_for("Gamma en cours");
    // The journal has the draft a third of a second after the last key.
    std::thread::sleep(Duration::from_millis(800));
    s.signal("KILL");
    let _ = s.exit_code();
    std::fs::write(&file, &before).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Gamma en cours");
    s.send("\r");
    s.wait_for("Recovered");
    s.send("\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Alpha à"]);
    assert_eq!(observations(&file, 1), ["Gamma en cours"]);
}

/// Deleted while copil was closed: opening it names the copy copil last saved.
#[test]
fn a_meeting_file_deleted_while_closed_names_the_copy_kept() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    first_session(home.path(), &file);
    std::fs::remove_file(&file).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    assert_eq!(s.exit_code(), 2);
    let said = s.contents();
    assert!(said.contains("does not exist any more"), "{said}");
    let copy = walk(home.path())
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with(".last.toml"))
        .expect("the copy kept");
    std::fs::copy(&copy, &file).unwrap();
    assert_eq!(observations(&file, 0), ["Note de la première séance"]);
}
