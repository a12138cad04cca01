//! Checks on a whole meeting. Each problem names the field it is about as a path
//! (`commitments[3].marks[0].target`), which the file layer turns into a line and column.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{ArgKind, MarkArg, MarkSet, Meeting, Observation};
use crate::i18n::{fill, msg};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Where in the meeting file a value lives, as TOML keys and array indices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    pub fn key(mut self, key: &str) -> Self {
        self.0.push(Seg::Key(key.to_owned()));
        self
    }

    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Seg::Index(index));
        self
    }

    fn item(table: &str, index: usize) -> Self {
        FieldPath::root().key(table).index(index)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// One thing wrong with a meeting, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub message: String,
    pub hint: String,
}

impl Problem {
    fn new(path: FieldPath, message: impl Into<String>, hint: impl Into<String>) -> Self {
        Problem {
            path,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Every problem of the meeting, in file order. An empty list means the meeting is sound.
pub fn validate(meeting: &Meeting, marks: &MarkSet) -> Vec<Problem> {
    let m = msg();
    let mut problems = Vec::new();
    if meeting.header.title.trim().is_empty() {
        problems.push(Problem::new(
            FieldPath::root().key("meeting").key("title"),
            m.title_empty,
            m.title_empty_hint,
        ));
    }
    for (i, p) in meeting.participants.iter().enumerate() {
        if p.organization.trim().is_empty() {
            problems.push(Problem::new(
                FieldPath::item("participants", i).key("organization"),
                m.no_organisation,
                m.no_organisation_hint,
            ));
        }
    }
    validate_commitments(meeting, marks, &mut problems);
    let tables: Vec<usize> = (0..meeting.points.len())
        .filter(|&i| meeting.points[i].table)
        .collect();
    for &i in tables.iter().skip(1) {
        problems.push(Problem::new(
            FieldPath::item("points", i).key("table"),
            m.two_tables,
            fill(m.two_tables_hint, &[&(tables[0] + 1)]),
        ));
    }
    for (i, d) in meeting.decisions.iter().enumerate() {
        if d.text.trim().is_empty() {
            problems.push(Problem::new(
                FieldPath::item("decisions", i).key("text"),
                m.decision_empty,
                m.decision_empty_hint,
            ));
        }
    }
    problems
}

fn validate_commitments(meeting: &Meeting, marks: &MarkSet, problems: &mut Vec<Problem>) {
    let m = msg();
    let mut first_of: HashMap<u32, usize> = HashMap::new();
    // Every number, for merge targets anywhere in the list, without a scan per mark.
    let numbers: HashSet<u32> = meeting.commitments.iter().map(|c| c.number).collect();
    for (i, c) in meeting.commitments.iter().enumerate() {
        // Paths are built only for a problem: most items have none.
        let at = || FieldPath::item("commitments", i);
        if c.number == 0 {
            problems.push(Problem::new(
                at().key("number"),
                m.number_zero,
                m.number_zero_hint,
            ));
        } else if let Some(&first) = first_of.get(&c.number) {
            problems.push(Problem::new(
                at().key("number"),
                fill(m.duplicate_number, &[&c.number, &(first + 1)]),
                fill(m.duplicate_number_hint, &[&meeting.next_number()]),
            ));
        } else {
            first_of.insert(c.number, i);
        }
        if c.title.trim().is_empty() {
            problems.push(Problem::new(
                at().key("title"),
                fill(m.commitment_no_title, &[&c.number]),
                m.commitment_no_title_hint,
            ));
        }
        for (j, o) in c.observations.iter().enumerate() {
            if o.level > Observation::MAX_LEVEL {
                problems.push(Problem::new(
                    at().key("observations").index(j).key("level"),
                    fill(m.bad_level, &[&o.level]),
                    m.bad_level_hint,
                ));
            }
        }
        validate_marks(meeting, marks, i, &numbers, problems);
    }
}

fn validate_marks(
    meeting: &Meeting,
    marks: &MarkSet,
    i: usize,
    numbers: &HashSet<u32>,
    problems: &mut Vec<Problem>,
) {
    let m = msg();
    let c = &meeting.commitments[i];
    for (j, mark) in c.marks.iter().enumerate() {
        let at = || FieldPath::item("commitments", i).key("marks").index(j);
        let Some(def) = marks.get(&mark.id) else {
            problems.push(Problem::new(
                at().key("id"),
                fill(m.unknown_mark, &[&mark.id]),
                fill(m.use_one_of, &[&marks.ids().join(", ")]),
            ));
            continue;
        };
        if c.marks[..j].iter().any(|m| m.id == mark.id) {
            problems.push(Problem::new(
                at().key("id"),
                fill(m.mark_twice, &[&mark.id]),
                m.mark_twice_hint,
            ));
            continue;
        }
        let Some(arg) = &def.arg else {
            if mark.arg != MarkArg::None {
                problems.push(Problem::new(
                    at(),
                    fill(m.mark_no_argument, &[&mark.id]),
                    fill(m.mark_no_argument_hint, &[&mark.id]),
                ));
            }
            continue;
        };
        let at_arg = || at().key(&arg.name);
        match (&mark.arg, arg.kind) {
            (MarkArg::Text(text), ArgKind::Text) if !text.trim().is_empty() => {}
            (MarkArg::Commitment(n), ArgKind::Commitment) => {
                if *n == c.number {
                    problems.push(Problem::new(
                        at_arg(),
                        fill(m.merge_itself, &[n]),
                        m.merge_itself_hint,
                    ));
                } else if !numbers.contains(n) {
                    problems.push(Problem::new(
                        at_arg(),
                        fill(m.merge_missing, &[&mark.id, n]),
                        m.merge_missing_hint,
                    ));
                }
            }
            (_, ArgKind::Text) => problems.push(Problem::new(
                at(),
                fill(m.mark_needs_text, &[&mark.id, &arg.name]),
                fill(m.mark_needs_text_hint, &[&mark.id, &arg.name]),
            )),
            (_, ArgKind::Commitment) => problems.push(Problem::new(
                at(),
                fill(m.mark_needs_number, &[&mark.id]),
                fill(m.mark_needs_number_hint, &[&mark.id, &arg.name]),
            )),
        }
    }
}
