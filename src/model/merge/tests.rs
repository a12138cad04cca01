use super::*;
use crate::model::{Attendance, Decision, Observation, generate};

fn obs(texts: &[&str]) -> Vec<Observation> {
    texts.iter().map(|t| Observation::new(*t, 0)).collect()
}

fn sample() -> Meeting {
    let mut m = generate::meeting(5, 1);
    for c in m.commitments.iter_mut().map(std::sync::Arc::make_mut) {
        c.observations.clear();
        c.marks.clear();
    }
    m.decisions.clear();
    m
}

#[test]
fn changes_to_different_parts_combine_without_conflict() {
    let base = sample();
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[0]).observations =
        obs(&["Reformuler le titre."]);
    std::sync::Arc::make_mut(&mut ours.commitments[1])
        .marks
        .push(Mark::new("fiche", MarkArg::None));
    let mut theirs = base.clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[2]).title =
        "Titre corrigé par un collègue".into();
    theirs.decisions.push(Decision {
        text: "Envoyer les fiches avant lundi.".into(),
        ..Decision::default()
    });
    theirs.header.place = "Rabat".into();
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let m = merged.meeting;
    assert_eq!(
        m.commitments[0].observations,
        obs(&["Reformuler le titre."])
    );
    assert_eq!(m.commitments[1].marks.len(), 1);
    assert_eq!(m.commitments[2].title, "Titre corrigé par un collègue");
    assert_eq!(m.decisions.len(), 1);
    assert_eq!(m.header.place, "Rabat");
}

#[test]
fn observations_added_on_both_sides_are_all_kept_in_order() {
    let mut base = sample();
    std::sync::Arc::make_mut(&mut base.commitments[0]).observations = obs(&["a", "b"]);
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[0]).observations = obs(&["a", "b", "ours"]);
    let mut theirs = base.clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[0]).observations = obs(&["a", "theirs", "b"]);
    let m = merge(&base, &ours, &theirs).meeting;
    assert_eq!(
        m.commitments[0].observations,
        obs(&["a", "theirs", "b", "ours"])
    );
}

#[test]
fn an_observation_edited_on_both_sides_is_there_in_both_versions() {
    let mut base = sample();
    std::sync::Arc::make_mut(&mut base.commitments[0]).observations = obs(&["Texte"]);
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[0]).observations = obs(&["Texte corrigé ici"]);
    let mut theirs = base.clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[0]).observations =
        obs(&["Texte corrigé là-bas"]);
    let m = merge(&base, &ours, &theirs).meeting;
    let texts: Vec<&str> = m.commitments[0]
        .observations
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert!(texts.contains(&"Texte corrigé ici"), "{texts:?}");
    assert!(texts.contains(&"Texte corrigé là-bas"), "{texts:?}");
    assert!(!texts.contains(&"Texte"), "{texts:?}");
}

#[test]
fn an_observation_removed_by_them_goes_and_one_removed_by_us_stays_gone() {
    let mut base = sample();
    std::sync::Arc::make_mut(&mut base.commitments[0]).observations = obs(&["a", "b", "c"]);
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[0]).observations = obs(&["a", "c", "new"]);
    let mut theirs = base.clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[0]).observations = obs(&["b", "c"]);
    let m = merge(&base, &ours, &theirs).meeting;
    assert_eq!(m.commitments[0].observations, obs(&["c", "new"]));
}

#[test]
fn the_same_field_changed_on_both_sides_keeps_ours_and_reports_theirs() {
    let base = sample();
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[3]).title = "Ours".into();
    ours.header.title = "Our meeting".into();
    let mut theirs = base.clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[3]).title = "Theirs".into();
    theirs.header.title = "Their meeting".into();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.meeting.commitments[3].title, "Ours");
    assert_eq!(merged.meeting.header.title, "Our meeting");
    let number = base.commitments[3].number;
    assert_eq!(
        merged.conflicts,
        vec![
            Conflict {
                part: Part::Header("title"),
                theirs: "Their meeting".into()
            },
            Conflict {
                part: Part::Commitment(number, "title".into()),
                theirs: "Theirs".into()
            },
        ]
    );
}

#[test]
fn a_commitment_added_outside_comes_in_after_the_one_it_follows() {
    let base = sample();
    let ours = base.clone();
    let mut theirs = base.clone();
    let mut new = Commitment {
        number: 99,
        title: "Ajout".into(),
        ..Commitment::default()
    };
    new.observations = obs(&["x"]);
    theirs
        .commitments
        .insert(2, std::sync::Arc::new(new.clone()));
    let mut ours2 = ours.clone();
    std::sync::Arc::make_mut(&mut ours2.commitments[4]).observations = obs(&["ours"]);
    let m = merge(&base, &ours2, &theirs).meeting;
    assert_eq!(m.commitments.len(), 6);
    assert_eq!(*m.commitments[2], new);
    assert_eq!(m.commitments[5].observations, obs(&["ours"]));
}

#[test]
fn a_commitment_both_add_under_one_number_keeps_both() {
    let base = sample();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let add = |m: &mut Meeting, title: &str| {
        m.commitments.push(std::sync::Arc::new(Commitment {
            number: 6,
            title: title.into(),
            ..Commitment::default()
        }))
    };
    add(&mut ours, "Ours");
    add(&mut theirs, "Theirs");
    let merged = merge(&base, &ours, &theirs);
    let titles: Vec<(u32, &str)> = merged
        .meeting
        .commitments
        .iter()
        .map(|c| (c.number, c.title.as_str()))
        .skip(5)
        .collect();
    assert_eq!(titles, vec![(6, "Ours"), (7, "Theirs")]);
    assert_eq!(
        merged.conflicts[0].part,
        Part::Renumbered { number: 6, now: 7 }
    );
}

#[test]
fn a_commitment_removed_outside_but_changed_here_is_kept() {
    let base = sample();
    let mut ours = base.clone();
    std::sync::Arc::make_mut(&mut ours.commitments[1]).observations = obs(&["gardée"]);
    let mut theirs = base.clone();
    theirs.commitments.remove(1);
    theirs.commitments.remove(2);
    let merged = merge(&base, &ours, &theirs);
    let numbers: Vec<u32> = merged
        .meeting
        .commitments
        .iter()
        .map(|c| c.number)
        .collect();
    let b: Vec<u32> = base.commitments.iter().map(|c| c.number).collect();
    assert_eq!(numbers, vec![b[0], b[1], b[2], b[4]]);
    assert_eq!(merged.conflicts[0].part, Part::Removed(b[1]));
}

#[test]
fn attendance_and_marks_merge_by_identity() {
    let mut base = sample();
    base.participants = vec![
        Participant {
            organization: "A".into(),
            ..Participant::default()
        },
        Participant {
            organization: "B".into(),
            ..Participant::default()
        },
    ];
    let mut ours = base.clone();
    ours.participants[0].attendance = Attendance::Present;
    std::sync::Arc::make_mut(&mut ours.commitments[0]).marks =
        vec![Mark::new("retenu", MarkArg::None)];
    let mut theirs = base.clone();
    theirs.participants[1].attendance = Attendance::Excused;
    std::sync::Arc::make_mut(&mut theirs.commitments[0]).marks =
        vec![Mark::new("fiche", MarkArg::None)];
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let m = merged.meeting;
    assert_eq!(m.participants[0].attendance, Attendance::Present);
    assert_eq!(m.participants[1].attendance, Attendance::Excused);
    let ids: Vec<&str> = m.commitments[0]
        .marks
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, vec!["retenu", "fiche"]);
}

#[test]
fn nothing_changed_on_one_side_gives_the_other_side_exactly() {
    let base = generate::meeting(50, 3);
    let mut theirs = base.clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[7])
        .observations
        .push(Observation::new("dehors", 1));
    theirs.commitments.swap(3, 4);
    assert_eq!(merge(&base, &base, &theirs).meeting, theirs);
    assert_eq!(merge(&base, &theirs, &base).meeting, theirs);
}

#[test]
fn an_older_copy_never_takes_back_time_spent() {
    let mut base = sample();
    std::sync::Arc::make_mut(&mut base.commitments[0]).seconds_spent = 300;
    base.header.seconds_elapsed = 900;
    let ours = base.clone();
    let mut theirs = base.clone();
    std::sync::Arc::make_mut(&mut theirs.commitments[0]).seconds_spent = 60;
    theirs.header.seconds_elapsed = 100;
    theirs.header.place = "Salle B".into();
    let m = merge(&base, &ours, &theirs).meeting;
    assert_eq!(m.header.place, "Salle B", "their change is taken");
    assert_eq!(m.commitments[0].seconds_spent, 300);
    assert_eq!(m.header.seconds_elapsed, 900);
}
