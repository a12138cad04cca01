//! The record built from small meetings: blocks, people, sentences, deadlines.

use super::*;
use crate::model::MarkArg;

#[test]
fn point_text_reads_bullets_sub_bullets_and_numbers() {
    let blocks = parse_blocks(
        "Le sommaire suivant :\n  - Présentation\n  o Méthodologie\n- Rapports finalisés\n1. Diffusion\n12) Publication\n\n",
    );
    assert_eq!(
        blocks,
        [
            Block::Paragraph("Le sommaire suivant :".into()),
            Block::Bullet {
                level: 1,
                text: "Présentation".into()
            },
            Block::Bullet {
                level: 1,
                text: "Méthodologie".into()
            },
            Block::Bullet {
                level: 0,
                text: "Rapports finalisés".into()
            },
            Block::Numbered {
                number: 1,
                text: "Diffusion".into()
            },
            Block::Numbered {
                number: 12,
                text: "Publication".into()
            },
        ]
    );
}
use crate::config::Config;
use crate::model::{Commitment, Mark, Observation, Participant};

fn meeting() -> Meeting {
    let mut m = Meeting {
        participants: vec![
            Participant {
                name: Some("Mme. A".into()),
                organization: "MTNRA".into(),
                attendance: Attendance::Present,
                represented_by: Some("M. B".into()),
                email: None,
            },
            Participant {
                name: None,
                organization: "DGCT".into(),
                attendance: Attendance::Absent,
                represented_by: None,
                email: None,
            },
        ],
        ..Meeting::default()
    };
    m.commitments.push(std::sync::Arc::new(Commitment {
        number: 1,
        title: "Un".into(),
        observations: vec![Observation {
            text: "Ajouter des activités.".into(),
            level: 0,
            by: Some("ACODEC".into()),
        }],
        marks: vec![Mark::new("awaiting-fiche", MarkArg::None)],
        history: vec![Observation::new("Dit la fois passée.", 0)],
        ..Commitment::default()
    }));
    m
}

#[test]
fn attribution_and_history_appear_only_when_asked() {
    let mut config = Config::builtin();
    let plain = Record::build(&meeting(), &config.marks, &config.export);
    let row = plain.rows().next().unwrap();
    assert_eq!(row.items[0].text, "Ajouter des activités.");
    assert!(row.history.is_empty());
    config.export.attribution = true;
    config.export.history = true;
    let full = Record::build(&meeting(), &config.marks, &config.export);
    let row = full.rows().next().unwrap();
    assert_eq!(row.items[0].text, "Ajouter des activités. (ACODEC)");
    assert_eq!(row.history[0].text, "Dit la fois passée.");
}

#[test]
fn mark_sentences_stand_where_the_config_says() {
    let mut config = Config::builtin();
    let after = Record::build(&meeting(), &config.marks, &config.export);
    assert!(
        after.rows().next().unwrap().items[1]
            .text
            .starts_with("En attente")
    );
    config.export.mark_sentences = SentencePlace::Before;
    let before = Record::build(&meeting(), &config.marks, &config.export);
    assert!(
        before.rows().next().unwrap().items[0]
            .text
            .starts_with("En attente")
    );
}

#[test]
fn a_deadline_ends_the_decision_or_stands_apart_and_excused_agrees() {
    let mut config = Config::builtin();
    let mut m = meeting();
    m.decisions.push(crate::model::Decision {
        text: "Prolongation du délai de réception des remarques.".into(),
        deadline: chrono::NaiveDate::from_ymd_opt(2024, 2, 26),
        until: true,
        owner: Some("MTNRA".into()),
        ..Default::default()
    });
    // A delivery by default, without its full stop as typed: the record adds it.
    m.decisions.push(crate::model::Decision {
        text: "Mise à jour des fiches".into(),
        deadline: chrono::NaiveDate::from_ymd_opt(2024, 3, 4),
        ..Default::default()
    });
    m.decisions.push(crate::model::Decision {
        text: "Organisation d'une réunion".into(),
        ..Default::default()
    });
    m.participants[0].attendance = Attendance::Excused;
    let r = Record::build(&m, &config.marks, &config.export);
    let d = &r.decisions[0];
    assert_eq!(
        d.blocks,
        [Block::Paragraph(
            "Prolongation du délai de réception des remarques jusqu’au lundi\u{a0}26\u{a0}février\u{a0}2024."
                .into()
        )]
    );
    assert_eq!(
        r.decisions[1].blocks,
        [Block::Paragraph(
            "Mise à jour des fiches au plus tard le lundi\u{a0}4\u{a0}mars\u{a0}2024.".into()
        )]
    );
    assert_eq!(
        r.decisions[2].blocks,
        [Block::Paragraph("Organisation d’une réunion.".into())]
    );
    assert_eq!(decision_tail(&r, d), "Responsable\u{a0}: MTNRA");
    assert_eq!(r.absents[0], "M. B (pour Mme. A), MTNRA (excusée)\u{202f};");
    config.export.deadlines = DeadlinePlace::Apart;
    let r = Record::build(&m, &config.marks, &config.export);
    assert_eq!(
        decision_tail(&r, &r.decisions[0]),
        "Échéance\u{a0}: lundi\u{a0}26\u{a0}février\u{a0}2024\u{202f}; Responsable\u{a0}: MTNRA"
    );
}

#[test]
fn people_are_listed_with_their_organisation_and_representatives() {
    let config = Config::builtin();
    let r = Record::build(&meeting(), &config.marks, &config.export);
    // Each line ends " ;", the last ".", as in the committee's records.
    assert_eq!(r.participants, ["M. B (pour Mme. A), MTNRA."]);
    assert_eq!(r.absents, ["DGCT."]);
    assert_eq!(
        r.sections.len(),
        1,
        "the table at the end when no point holds it"
    );
}

#[test]
fn accepted_remarks_join_the_observations_or_stand_in_their_own_section() {
    use crate::model::{Remark, RemarkState};
    let mut config = Config::builtin();
    let mut m = meeting();
    let remark = |text: &str, state| Remark {
        number: 1,
        text: text.into(),
        author: "ACODEC".into(),
        received: chrono::NaiveDate::from_ymd_opt(2024, 2, 25).unwrap(),
        source: "acodec.docx".into(),
        state,
    };
    m.remarks = vec![
        remark("Préciser les communes.", RemarkState::Accepted),
        remark("Pas encore vue.", RemarkState::Pending),
        remark("Hors sujet.", RemarkState::Rejected(None)),
    ];
    let r = Record::build(&m, &config.marks, &config.export);
    let texts: Vec<&str> = r
        .rows()
        .next()
        .unwrap()
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Ajouter des activités.",
            "Préciser les communes. (ACODEC, reçue par écrit le dimanche\u{a0}25\u{a0}février\u{a0}2024)",
            "En attente de recevoir une fiche détaillée de l’engagement.",
        ]
    );
    config.export.received_remarks = super::remarks::RemarksPlace::Section;
    let r = Record::build(&m, &config.marks, &config.export);
    assert_eq!(r.rows().next().unwrap().items.len(), 2);
    let Some(Section::Point { title, blocks }) = r.sections.last() else {
        panic!("{:?}", r.sections)
    };
    assert_eq!(title, "Remarques reçues par écrit");
    assert_eq!(
        blocks.len(),
        2,
        "the commitment, then its remark: {blocks:?}"
    );
}

#[test]
fn earlier_decisions_are_followed_up_late_first_before_this_meetings() {
    use crate::model::{Decision, DecisionStatus};
    let config = Config::builtin();
    let mut m = meeting();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
    m.header.date = day(8);
    let carried = |text: &str, deadline, status| Decision {
        text: text.into(),
        deadline,
        carried: true,
        status,
        taken: Some(day(1)),
        ..Decision::default()
    };
    m.decisions = vec![
        carried("Bilan.", None, DecisionStatus::Done(day(6))),
        carried("Portail.", Some(day(20)), DecisionStatus::Open),
        carried("Fiches.", Some(day(4)), DecisionStatus::Open),
        Decision {
            text: "Nouvelle réunion.".into(),
            ..Decision::default()
        },
    ];
    let r = Record::build(&m, &config.marks, &config.export);
    let parts = r.decision_parts();
    assert_eq!(parts[0].0, "Suivi des décisions précédentes");
    assert_eq!(parts[1].0, "Points arrêtés");
    let statuses: Vec<&str> = r
        .followed
        .iter()
        .map(|d| d.status.as_deref().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "En retard au vendredi\u{a0}8\u{a0}mars\u{a0}2024, décidé le vendredi\u{a0}1\u{a0}mars\u{a0}2024",
            "En cours, décidé le vendredi\u{a0}1\u{a0}mars\u{a0}2024",
            "Réalisé le mercredi\u{a0}6\u{a0}mars\u{a0}2024, décidé le vendredi\u{a0}1\u{a0}mars\u{a0}2024",
        ]
    );
    assert!(decision_tail(&r, &r.followed[0]).starts_with("En retard"));
    assert_eq!(r.decisions.len(), 1);
    assert_eq!(r.decisions[0].status, None);
}

#[test]
fn a_merge_marked_on_one_item_is_said_on_both() {
    let mut meeting = Meeting::default();
    meeting.header.language = crate::model::Language::Fr;
    for (number, title) in [(8, "Bénévolat"), (9, "Forums jeunesse")] {
        meeting
            .commitments
            .push(std::sync::Arc::new(crate::model::Commitment {
                number,
                title: title.into(),
                ..Default::default()
            }));
    }
    std::sync::Arc::make_mut(&mut meeting.commitments[0])
        .marks
        .push(crate::model::Mark::new("merge", MarkArg::Commitment(9)));
    let config = crate::config::Config::builtin();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let says = |i: usize| -> Vec<String> {
        let row = record.rows().nth(i).unwrap();
        row.items.iter().map(|i| i.text.clone()).collect()
    };
    let nbsp = '\u{a0}';
    let sentence = |n: u32, title: &str| {
        format!("Fusionner avec l’engagement n°{nbsp}{n} «{nbsp}{title}{nbsp}».")
    };
    assert_eq!(says(0), [sentence(9, "Forums jeunesse")]);
    assert_eq!(says(1), [sentence(8, "Bénévolat")]);
    // Marked on both (as in the seed): each says it once.
    std::sync::Arc::make_mut(&mut meeting.commitments[1])
        .marks
        .push(crate::model::Mark::new("merge", MarkArg::Commitment(8)));
    let record = Record::build(&meeting, &config.marks, &config.export);
    let row = record.rows().nth(1).unwrap();
    assert_eq!(row.items.len(), 1);
}

#[test]
fn two_items_of_one_institution_merged_say_the_seed_sentence() {
    let youth = "Ministère de la Jeunesse";
    let mut meeting = Meeting::default();
    meeting.header.language = crate::model::Language::Fr;
    for (number, institution) in [(8, youth), (9, youth), (10, youth), (11, "Agence")] {
        meeting
            .commitments
            .push(std::sync::Arc::new(crate::model::Commitment {
                number,
                title: format!("Titre {number}"),
                institution: institution.into(),
                ..Default::default()
            }));
    }
    let merge = |meeting: &mut Meeting, from: usize, to: u32| {
        std::sync::Arc::make_mut(&mut meeting.commitments[from])
            .marks
            .push(crate::model::Mark::new("merge", MarkArg::Commitment(to)));
    };
    let config = crate::config::Config::builtin();
    let mut plain = config.export.clone();
    plain.french_spaces = false;
    plain.apostrophes = false;
    let said = |meeting: &Meeting| -> Vec<Vec<String>> {
        let record = Record::build(meeting, &config.marks, &plain);
        (record.rows())
            .map(|r| r.items.iter().map(|i| i.text.clone()).collect())
            .collect()
    };
    let seed = "Fusionner les deux engagements proposés par le Ministère de la Jeunesse.";
    // Marked on one item only: said on both.
    merge(&mut meeting, 0, 9);
    assert_eq!(said(&meeting)[..2], [[seed], [seed]]);
    // Another institution's item: the sentence naming the other item.
    merge(&mut meeting, 3, 10);
    let three = said(&meeting);
    assert!(three[3][0].starts_with("Fusionner avec l'engagement n° 10 "));
    assert!(three[2][0].starts_with("Fusionner avec l'engagement n° 11 "));
    assert_eq!(three[..2], [[seed], [seed]]);
    // A third item of the ministry joins n° 9: "the two" is said of none of them.
    merge(&mut meeting, 2, 9);
    let joined = said(&meeting);
    assert!(joined[1].iter().all(|s| s != seed), "{:?}", joined[1]);
    assert!(joined[0][0].starts_with("Fusionner avec l'engagement n° 9 "));
    assert_eq!(joined[1].len(), 2, "{:?}", joined[1]);
}
