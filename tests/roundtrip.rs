//! Load, save, load gives the same meeting, for hand-written files and generated ones.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use copil::config::Config;
use copil::model::{
    Activity, Attendance, Commitment, Decision, DecisionStatus, Header, Language, Mark, MarkArg,
    Meeting, Observation, OgpValue, Participant, Point, Remark, RemarkState, Sheet, StatusChange,
};
use copil::store;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn roundtrip(meeting: &Meeting) -> Meeting {
    let marks = Config::builtin().marks;
    let text = store::write_meeting(meeting, &marks);
    store::parse_meeting(Path::new("generated.toml"), &text, &marks)
        .unwrap_or_else(|e| panic!("{e}\n--- file ---\n{text}"))
}

#[test]
fn sample_meeting_survives_load_save_load() {
    let marks = Config::builtin().marks;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &path).unwrap();
    let first = store::load(&path, &marks).unwrap();
    store::save(&path, &first, &marks).unwrap();
    let second = store::load(&path, &marks).unwrap();
    assert_eq!(first, second);
    // The order of items as written by hand is kept.
    let numbers: Vec<u32> = second.commitments.iter().map(|c| c.number).collect();
    assert_eq!(numbers, (1..=22).collect::<Vec<_>>());
    assert_eq!(
        second.participants[0].name.as_deref(),
        Some("Mme. Ouiame EL MOUSTAMIDE")
    );
    assert!(second.points[2].table);
}

#[test]
fn hand_written_order_and_values_are_kept_after_a_save() {
    let marks = Config::builtin().marks;
    let text = r#"
[meeting]
title = "Réunion"
date = 2024-02-22
time = "11h"
place = "Rabat"
agenda = ["B", "A"]

[[commitments]]
number = 9
title = "Neuf"
institution = "X"
marks = [{ id = "merge", target = 8 }, { id = "awaiting-fiche" }]
observations = [{ text = "deux" }, { text = "un", level = 1 }]
seconds_spent = 95
last_discussed = 2024-02-22T11:42:10

[[commitments]]
number = 8
title = "Huit"
marks = [{ id = "cancelled", reason = "l'absence de lien" }]

[[decisions]]
text = "Prolonger le délai"
deadline = 2024-02-26
owner = "MTNRA"
"#;
    let first = store::parse_meeting(Path::new("hand.toml"), text, &marks).unwrap();
    let saved = store::write_meeting(&first, &marks);
    let second = store::parse_meeting(Path::new("saved.toml"), &saved, &marks).unwrap();
    assert_eq!(first, second);
    assert_eq!(second.header.agenda, ["B", "A"]);
    assert_eq!(second.header.time, NaiveTime::from_hms_opt(11, 0, 0));
    assert_eq!(second.commitments[0].number, 9);
    assert_eq!(
        second.commitments[0].marks,
        [
            Mark::new("merge", MarkArg::Commitment(8)),
            Mark::new("awaiting-fiche", MarkArg::None)
        ]
    );
    assert_eq!(
        second.commitments[0].observations[1],
        Observation::new("un", 1)
    );
    assert_eq!(second.commitments[0].seconds_spent, 95);
    assert!(saved.contains("{ id = \"cancelled\", reason = \"l'absence de lien\" }"));
}

#[test]
fn decomposed_accents_are_normalised_when_loading() {
    let marks = Config::builtin().marks;
    let text = "[meeting]\ntitle = \"Re\u{301}union\"\ndate = 2024-02-22\n";
    let m = store::parse_meeting(Path::new("nfd.toml"), text, &marks).unwrap();
    assert_eq!(m.header.title, "Réunion");
}

/// Text that exercises escaping: accents, Arabic script, emoji, quotes, backslashes,
/// newlines and tabs. (Other control characters, which no exported document may hold, are
/// dropped when a file is read: `tests/docx.rs` checks it; `\r\n` becomes `\n`, checked
/// below with a file saved on Windows.)
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("é".to_owned()),
            Just("ç".to_owned()),
            Just("œ".to_owned()),
            Just("الحكومة المنفتحة".to_owned()),
            Just("🇲🇦".to_owned()),
            Just("👩🏽‍💼".to_owned()),
            Just("\"".to_owned()),
            Just("'''".to_owned()),
            Just("\"\"\"".to_owned()),
            Just("\\".to_owned()),
            Just("\n".to_owned()),
            Just("\t".to_owned()),
            Just("#".to_owned()),
            Just("[x]".to_owned()),
            "[a-zA-Z0-9 .,:;!?-]{1,12}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat().nfc().collect())
}

/// Text for a one-line field (a name, a title, a place): what copil holds there, no line
/// break or tab (the file's are made spaces when read).
fn line() -> impl Strategy<Value = String> {
    text().prop_map(|t| t.replace(['\n', '\t'], " "))
}

fn non_empty_line() -> impl Strategy<Value = String> {
    non_empty_text().prop_map(|t| t.replace(['\n', '\t'], " "))
}

fn non_empty_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        if t.trim().is_empty() {
            format!("T{t}")
        } else {
            t
        }
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn observation() -> impl Strategy<Value = Observation> {
    (
        non_empty_text(),
        0u8..=1,
        prop::option::of(non_empty_text()),
    )
        .prop_map(|(text, level, by)| Observation { text, level, by })
}

fn sheet() -> impl Strategy<Value = Sheet> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(
            (text(), prop::option::of(date()), prop::option::of(date())),
            0..3,
        ),
        prop::sample::subsequence(OgpValue::ALL.to_vec(), 0..=3),
    )
        .prop_map(
            |(problem, solution, lead_agency, activities, values)| Sheet {
                problem,
                solution,
                lead_agency,
                activities: activities
                    .into_iter()
                    .map(|(text, start, end)| Activity { text, start, end })
                    .collect(),
                values,
            },
        )
}

fn commitment(number: u32, count: u32) -> impl Strategy<Value = Commitment> {
    let mark = prop_oneof![
        Just(Mark::new("awaiting-fiche", MarkArg::None)),
        Just(Mark::new("retained", MarkArg::None)),
        non_empty_text().prop_map(|t| Mark::new("cancelled", MarkArg::Text(t))),
        non_empty_text().prop_map(|t| Mark::new("retitle", MarkArg::Text(t))),
        (1..=count).prop_map(move |n| match (count, n == number) {
            (1, _) => Mark::new("no-remarks", MarkArg::None),
            (_, true) => Mark::new("merge", MarkArg::Commitment(n % count + 1)),
            (_, false) => Mark::new("merge", MarkArg::Commitment(n)),
        }),
    ];
    (
        non_empty_line(),
        line(),
        prop::option::of(text()),
        prop::collection::vec(observation(), 0..4),
        prop::collection::vec(mark, 0..4),
        0u64..100_000,
        prop::option::of((date(), 0u32..86_400)),
        prop::collection::vec(observation(), 0..3),
        prop::option::of(sheet()),
    )
        .prop_map(
            move |(title, institution, summary, obs, marks, secs, last, history, sheet)| {
                let mut unique: Vec<Mark> = Vec::new();
                for m in marks {
                    if !unique.iter().any(|u| u.id == m.id) {
                        unique.push(m);
                    }
                }
                Commitment {
                    number,
                    title,
                    institution,
                    summary,
                    observations: obs,
                    history,
                    sheet,
                    marks: unique,
                    carried: secs % 3 == 0,
                    seconds_spent: secs,
                    last_discussed: last.map(|(d, s)| {
                        NaiveDateTime::new(
                            d,
                            NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap(),
                        )
                    }),
                }
            },
        )
}

fn header() -> impl Strategy<Value = Header> {
    (
        non_empty_line(),
        date(),
        prop::option::of((0u32..24, 0u32..60)),
        line(),
        prop::bool::ANY,
        prop::collection::vec(text(), 0..4),
        prop::option::of((0u32..24, 0u32..60)),
        prop::option::of(1u32..600),
        prop::option::of(1u32..60),
    )
        .prop_map(
            |(title, date, time, place, en, agenda, end, minutes, budget)| Header {
                title,
                date,
                time: time.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap()),
                place,
                language: if en { Language::En } else { Language::Fr },
                agenda,
                planned_end: end.map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap()),
                planned_minutes: minutes,
                item_budget_minutes: budget,
                seconds_elapsed: u64::from(budget.unwrap_or(0)) * 7,
            },
        )
}

fn participant() -> impl Strategy<Value = Participant> {
    (
        prop::option::of(line()),
        non_empty_line(),
        prop_oneof![
            Just(Attendance::NotCalled),
            Just(Attendance::Present),
            Just(Attendance::Absent),
            Just(Attendance::Excused)
        ],
        prop::option::of(line()),
        prop::option::of("[a-z]{1,8}@[a-z]{1,8}\\.(org|ma|fr)"),
    )
        .prop_map(
            |(name, organization, attendance, represented_by, email)| Participant {
                name,
                organization,
                attendance,
                represented_by,
                email,
            },
        )
}

fn point() -> impl Strategy<Value = Point> {
    (non_empty_text(), text()).prop_map(|(title, text)| Point {
        title,
        text,
        table: false,
    })
}

fn status() -> impl Strategy<Value = DecisionStatus> {
    (0u8..3, date(), prop::option::of(text())).prop_map(|(kind, on, reason)| match kind {
        0 => DecisionStatus::Open,
        1 => DecisionStatus::Done(on),
        _ => DecisionStatus::Dropped { on, reason },
    })
}

fn decision() -> impl Strategy<Value = Decision> {
    (
        (
            non_empty_text(),
            prop::option::of(date()),
            prop::option::of(text()),
            prop::bool::ANY,
        ),
        status(),
        prop::option::of(date()),
        prop::collection::vec((date(), text()), 0..3),
        prop::bool::ANY,
    )
        .prop_map(
            |((text, deadline, owner, carried), status, taken, log, until)| Decision {
                text,
                deadline,
                until,
                owner,
                carried,
                status,
                taken,
                log: log
                    .into_iter()
                    .map(|(date, status)| StatusChange { date, status })
                    .collect(),
            },
        )
}

fn remark() -> impl Strategy<Value = Remark> {
    (
        1u32..6,
        text(),
        line(),
        date(),
        text(),
        0u8..4,
        prop::option::of(text()),
    )
        .prop_map(
            |(number, text, author, received, source, state, reason)| Remark {
                number,
                text,
                author,
                received,
                source,
                state: match state {
                    0 => RemarkState::Pending,
                    1 => RemarkState::Accepted,
                    2 => RemarkState::Merged,
                    _ => RemarkState::Rejected(reason),
                },
            },
        )
}

fn meeting() -> impl Strategy<Value = Meeting> {
    (0u32..6).prop_flat_map(move |count| {
        let commitments: Vec<_> = (1..=count).map(|n| commitment(n, count)).collect();
        (
            header(),
            prop::collection::vec(participant(), 0..4),
            commitments,
            prop::collection::vec(point(), 0..3),
            prop::option::of(0usize..3),
            prop::collection::vec(decision(), 0..3),
            prop::collection::vec(remark(), 0..3),
        )
            .prop_map(
                |(header, participants, commitments, mut points, table, decisions, remarks)| {
                    if let Some(p) = table.and_then(|i| points.get_mut(i)) {
                        p.table = true;
                    }
                    Meeting {
                        header,
                        participants,
                        commitments: commitments.into_iter().map(std::sync::Arc::new).collect(),
                        points,
                        decisions,
                        remarks,
                    }
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_meeting_survives_write_and_read(m in meeting()) {
        prop_assert_eq!(roundtrip(&m), m);
    }
}

/// A file a person wrote stays theirs: after a save that adds an observation, a mark and a
/// decision, every comment and blank line of the sample is still there, and only the
/// changed commitment is rewritten.
#[test]
fn a_save_keeps_the_comments_and_layout_of_a_hand_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.toml");
    let original = std::fs::read_to_string("sample-data/copil-2024-02-22.toml").unwrap();
    std::fs::write(&file, &original).unwrap();
    let marks = copil::config::Config::builtin().marks;
    let mut meeting = copil::store::load(&file, &marks).unwrap();
    std::sync::Arc::make_mut(&mut meeting.commitments[2])
        .observations
        .push(copil::model::Observation::new("Reformuler le titre.", 0));
    std::sync::Arc::make_mut(&mut meeting.commitments[2])
        .marks
        .push(copil::model::Mark::new(
            "awaiting-fiche",
            copil::model::MarkArg::None,
        ));
    meeting.decisions.push(copil::model::Decision {
        text: "Envoyer les fiches.".into(),
        ..Default::default()
    });
    copil::store::save(&file, &meeting, &marks).unwrap();
    let saved = std::fs::read_to_string(&file).unwrap();
    let comments = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(comments(&saved), comments(&original));
    assert_eq!(
        saved.matches("# inferred").count(),
        original.matches("# inferred").count()
    );
    assert!(saved.starts_with(&original[..original.find("[[commitments]]").unwrap()]));
    assert_eq!(copil::store::load(&file, &marks).unwrap(), meeting);
    // Only the lines of what changed differ.
    let changed = saved.lines().filter(|l| !original.contains(l)).count();
    assert!(changed <= 12, "{changed} new lines:\n{saved}");
}

/// A file written on Windows keeps its line ends (CRLF) and its byte-order mark when copil
/// saves a change into it: no mixed line ends.
#[test]
fn a_windows_file_keeps_its_line_ends_and_byte_order_mark() {
    let marks = Config::builtin().marks;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    let text = std::fs::read_to_string("sample-data/copil-2024-02-22.toml").unwrap();
    std::fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    let mut meeting = store::load(&path, &marks).unwrap();
    std::sync::Arc::make_mut(&mut meeting.commitments[0])
        .observations
        .push(copil::model::Observation::new("Ajoutée sous Windows", 0));
    store::save(&path, &meeting, &marks).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.starts_with('\u{feff}'), "the mark stays");
    assert_eq!(
        saved.matches('\n').count(),
        saved.matches("\r\n").count(),
        "CRLF only"
    );
    assert!(saved.contains("Ajoutée sous Windows"));
    assert_eq!(store::load(&path, &marks).unwrap(), meeting);
}

/// A name, an organisation or a title holding a line break (pasted with its line end) is
/// read on one line: it never breaks a table, a letter's address or a mail header.
#[test]
fn one_line_fields_are_read_on_one_line() {
    let marks = Config::builtin().marks;
    let text = std::fs::read_to_string("sample-data/copil-2024-02-22.toml")
        .unwrap()
        .replacen(
            "name = \"Mme. Ouiame EL MOUSTAMIDE\"",
            r#"name = "Mme. Ouiame\r\nEL\tMOUSTAMIDE""#,
            1,
        );
    let m = store::parse_meeting(Path::new("m.toml"), &text, &marks).unwrap();
    assert_eq!(
        m.participants[0].name.as_deref(),
        Some("Mme. Ouiame EL MOUSTAMIDE")
    );
}
