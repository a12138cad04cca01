//! One writer for a meeting file, whoever and wherever the second copy is.

mod pty_support;

use pty_support::{Session, sample_in};

#[test]
fn a_copy_with_another_data_directory_is_warned_by_the_lock_beside_the_file() {
    let home = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let path = file.to_str().unwrap();
    let mut first = Session::start(&[path], home.path());
    first.wait_for("Commitments 1/22");
    let lock = home.path().join(".~lock.meeting.toml#");
    assert!(lock.exists(), "the lock beside the meeting");
    // Another account or data directory: the data directory's lock is not shared.
    let mut second = Session::start(&[path], other.path());
    second.wait_for("is already open in copil (process");
    second.wait_for("Open it read-only? [y/N]");
    second.send("y\r");
    second.wait_for("READ-ONLY");
    second.send("q");
    assert_eq!(second.exit_code(), 0);
    assert!(lock.exists(), "a read-only copy leaves the writer's lock");
    first.send("q");
    assert_eq!(first.exit_code(), 0);
    assert!(!lock.exists(), "removed on a clean exit");
}

#[test]
fn a_lock_left_by_a_process_that_is_gone_is_taken_over_and_said() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let host = copil::platform::host_name();
    let lock = home.path().join(".~lock.meeting.toml#");
    std::fs::write(
        &lock,
        format!(
            "pid = 999999\nhost = \"{host}\"\nsince = \"2024-02-22 10:00:00\"\nuser = \"amina\"\n"
        ),
    )
    .unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Lock taken over");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_recent_lock_from_another_machine_asks_and_can_be_taken_over() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let lock = home.path().join(".~lock.meeting.toml#");
    let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
    std::fs::write(
        &lock,
        format!("pid = 42\nhost = \"laptop-amina\"\nsince = \"{now}\"\nuser = \"amina\"\n"),
    )
    .unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("amina@laptop-amina");
    s.wait_for("t: take it over");
    s.send("t\r");
    s.wait_for("Commitments 1/22");
    assert!(
        std::fs::read_to_string(&lock)
            .unwrap()
            .contains(&format!("pid = {}", s.child.process_id().unwrap()))
    );
    s.send("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_data_directory_that_cannot_be_written_does_not_stop_the_meeting() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    // A data directory under a plain file: nothing can ever be made there.
    let blocker = home.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let data = blocker.join("data").join("copil");
    let mut s = Session::start_in(
        &[file.to_str().unwrap()],
        home.path(),
        &[("COPIL_DATA_DIR", data.to_str().unwrap())],
    );
    s.wait_for("Data folder not writable");
    s.send("a");
    s.wait_for("New observation");
    s.send("Notée malgré tout\r\x1b");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(pty_support::observations(&file, 0), ["Notée malgré tout"]);
}
