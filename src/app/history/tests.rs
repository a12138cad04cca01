use super::*;
use crate::model::Observation;

fn meeting() -> Meeting {
    let commitment = |number| Commitment {
        number,
        title: format!("Engagement {number}"),
        ..Commitment::default()
    };
    Meeting {
        commitments: (1..=3).map(commitment).map(std::sync::Arc::new).collect(),
        ..Meeting::default()
    }
}

/// Adds a bullet to commitment `index` through the history.
fn add(history: &mut History, meeting: &mut Meeting, index: usize, text: &str) {
    let before = meeting.commitments[index].clone();
    std::sync::Arc::make_mut(&mut meeting.commitments[index])
        .observations
        .push(Observation::new(text, 0));
    history.record(Change::Commitment {
        index,
        before,
        after: std::sync::Arc::clone(&meeting.commitments[index]),
    });
}

#[test]
fn the_kept_history_undoes_after_reopening() {
    let (mut history, mut m) = (History::default(), meeting());
    add(&mut history, &mut m, 0, "un");
    add(&mut history, &mut m, 1, "deux");
    let bytes = history.kept("Réunion — 2024-02-22");
    let mut again = History::restore(&bytes, "Réunion — 2024-02-22");
    assert_eq!(again.len(), 2);
    let change = again.undo(&mut m).unwrap().cloned();
    assert_eq!(change.and_then(|c| c.commitment()), Some(1));
    assert!(m.commitments[1].observations.is_empty());
    assert!(again.undo(&mut m).is_ok());
    assert!(m.commitments[0].observations.is_empty());
    assert!(History::restore(&bytes, "Autre réunion — 2024-03-04").is_empty());
    assert!(History::restore(&bytes[..bytes.len() / 2], "Réunion — 2024-02-22").is_empty());
}

#[test]
fn a_kept_change_the_file_no_longer_holds_is_refused() {
    let (mut history, mut m) = (History::default(), meeting());
    add(&mut history, &mut m, 0, "un");
    let mut again = History::restore(&history.kept("x"), "x");
    // Another hand rewrote the bullet meanwhile.
    std::sync::Arc::make_mut(&mut m.commitments[0]).observations[0].text =
        "un, corrigé ailleurs".into();
    assert!(matches!(again.undo(&mut m), Err(Refused::Changed(_, 0))));
    assert_eq!(
        m.commitments[0].observations[0].text,
        "un, corrigé ailleurs"
    );
    assert!(again.is_empty(), "dropped, not kept to fail again");
}

#[test]
fn one_refusal_drops_the_older_kept_changes_on_the_same_commitment_at_once() {
    let (mut history, mut m) = (History::default(), meeting());
    add(&mut history, &mut m, 0, "un");
    add(&mut history, &mut m, 1, "ailleurs");
    add(&mut history, &mut m, 0, "deux");
    add(&mut history, &mut m, 0, "trois");
    let mut again = History::restore(&history.kept("x"), "x");
    std::sync::Arc::make_mut(&mut m.commitments[0]).observations[2].text =
        "trois, corrigé ailleurs".into();
    assert!(matches!(again.undo(&mut m), Err(Refused::Changed(_, 2))));
    // The next `u` reaches the change on another commitment, not another refusal.
    let change = again.undo(&mut m).unwrap().cloned();
    assert_eq!(change.and_then(|c| c.commitment()), Some(1));
    assert!(m.commitments[1].observations.is_empty());
    assert_eq!(m.commitments[0].observations.len(), 3, "nothing forced");
    assert!(again.is_empty());
}

#[test]
fn the_time_spent_since_does_not_stop_an_undo_after_reopening() {
    let (mut history, mut m) = (History::default(), meeting());
    add(&mut history, &mut m, 2, "trois");
    let mut again = History::restore(&history.kept("x"), "x");
    std::sync::Arc::make_mut(&mut m.commitments[2]).seconds_spent += 90;
    assert!(again.undo(&mut m).is_ok());
    assert!(m.commitments[2].observations.is_empty());
    assert_eq!(m.commitments[2].seconds_spent, 90);
}

#[test]
fn undoing_a_removal_brings_back_only_the_commitment_removed() {
    let (mut history, mut m) = (History::default(), meeting());
    let before = m.commitments.clone();
    m.commitments.remove(1);
    history.record(Change::List {
        before: Box::new(before),
        after: Box::new(m.commitments.clone()),
    });
    // Meanwhile another commitment got a bullet from elsewhere.
    std::sync::Arc::make_mut(&mut m.commitments[0])
        .observations
        .push(Observation::new("gardée", 0));
    assert!(history.undo(&mut m).is_ok());
    let numbers: Vec<u32> = m.commitments.iter().map(|c| c.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(
        m.commitments[0].observations.len(),
        1,
        "the other change stays"
    );
}
