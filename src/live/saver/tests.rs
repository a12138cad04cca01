use super::*;
use crate::config::Config;
use crate::model::generate;

fn saved(report: Report) -> Result<Arc<Meeting>, SaveFailure> {
    match report {
        Report::Saved { result, .. } => result,
        _ => panic!("an outside change reported"),
    }
}

fn outside(report: Option<Report>) -> (Seen, Result<Meeting, LoadError>) {
    match report {
        Some(Report::Outside { seen, theirs }) => (seen, *theirs),
        _ => panic!("no outside change reported"),
    }
}

/// Another program's change is reported, not written over, while idle and before a
/// save; once adopted, saving goes on; a version that does not load holds every save
/// until the secretary saves over it.
#[test]
fn an_outside_change_is_reported_and_never_written_over() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("meeting.toml");
    let copy = root.path().join("emergency.toml");
    let marks = Config::builtin().marks;
    let meeting = generate::meeting(3, 1);
    store::save(&path, &meeting, &marks).unwrap();
    let seen = Seen::of(&path, &std::fs::read(&path).unwrap());
    let saver = Saver::spawn(
        path.clone(),
        marks.clone(),
        (Some(seen), Vec::new()),
        (vec![copy.clone()], None),
    );
    // Idle: seen within the next look.
    let mut theirs = meeting.clone();
    theirs.header.place = "Rabat".into();
    store::save(&path, &theirs, &marks).unwrap();
    let (seen, read) = outside(saver.wait_for(0, WATCH * 3));
    assert_eq!(read.unwrap(), theirs);
    // A save sent before the merge is kept aside, not written.
    let mut ours = meeting.clone();
    ours.header.title = "Ours".into();
    saver.send(1, Arc::new(ours.clone()));
    assert!(saver.wait_for(1, WATCH * 2).is_none());
    assert_eq!(store::load(&path, &marks).unwrap(), theirs);
    assert_eq!(store::load(&copy, &marks).unwrap(), ours);
    saver.adopt(seen);
    saver.send(2, Arc::new(ours.clone()));
    assert_eq!(*saved(saver.wait_for(2, WATCH * 3).unwrap()).unwrap(), ours);
    assert_eq!(store::load(&path, &marks).unwrap(), ours);
    // A version that does not load: reported with its line, never written over.
    let good = std::fs::read(&path).unwrap();
    std::fs::write(&path, "[header\n").unwrap();
    let (_, read) = outside(saver.wait_for(2, WATCH * 3));
    assert!(read.is_err());
    // Undone by its author: the file is what copil wrote again, and saving goes on.
    std::fs::write(&path, &good).unwrap();
    assert!(matches!(saver.wait_for(2, WATCH * 3), Some(Report::Back)));
    std::fs::write(&path, "[header\n").unwrap();
    let (_, read) = outside(saver.wait_for(2, WATCH * 3));
    assert!(read.unwrap_err().to_string().contains(":1:"));
    saver.send(3, Arc::new(meeting.clone()));
    assert!(saver.wait_for(3, WATCH * 2).is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "[header\n");
    saver.save_over();
    saver.send(4, Arc::new(meeting.clone()));
    assert!(saved(saver.wait_for(4, WATCH * 3).unwrap()).is_ok());
    assert_eq!(store::load(&path, &marks).unwrap(), meeting);
    saver.finish();
}

#[test]
fn a_failed_save_is_reported_and_retried_until_the_disk_takes_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("gone");
    let path = dir.join("meeting.toml");
    let marks = Config::builtin().marks;
    let copy = root.path().join("emergency/meeting.toml");
    let saver = Saver::spawn(
        path.clone(),
        marks.clone(),
        (None, Vec::new()),
        (vec![copy.clone()], None),
    );
    let meeting = generate::meeting(3, 1);
    saver.send(1, Arc::new(meeting.clone()));
    let report = saver.wait_for(1, Duration::from_secs(5)).expect("a report");
    let failure = saved(report).unwrap_err();
    assert_eq!(failure.copy.as_deref(), Some(copy.as_path()), "{failure:?}");
    assert!(!failure.cause.is_empty());
    assert_eq!(
        store::load(&copy, &marks).unwrap(),
        meeting,
        "the emergency copy"
    );
    assert!(!path.exists());
    std::fs::create_dir(&dir).unwrap();
    let report = saver.wait_for(1, RETRY * 3).expect("a report of the retry");
    assert_eq!(*saved(report).unwrap(), meeting);
    assert_eq!(store::load(&path, &marks).unwrap(), meeting);
    saver.finish();
}

#[test]
fn only_the_newest_state_is_written() {
    let root = tempfile::tempdir().unwrap();
    let path = root.path().join("meeting.toml");
    let marks = Config::builtin().marks;
    let saver = Saver::spawn(
        path.clone(),
        marks.clone(),
        (None, Vec::new()),
        (Vec::new(), None),
    );
    for revision in 1..=20 {
        saver.send(revision, Arc::new(generate::meeting(revision as usize, 1)));
    }
    let report = saver
        .wait_for(20, Duration::from_secs(5))
        .expect("a report");
    assert!(saved(report).is_ok());
    saver.finish();
    assert_eq!(store::load(&path, &marks).unwrap().commitments.len(), 20);
}
