//! Checks on a whole meeting. Each problem names the field it is about as a path
//! (`commitments[3].marks[0].target`), which the file layer turns into a line and column.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::marks::{ArgKind, MarkSet};
use super::meeting::{MarkArg, Meeting, Observation};

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

/// One thing wrong with a meeting, and where. `i18n::problem` words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub kind: ProblemKind,
}

/// What is wrong, with what a message needs to say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    TitleEmpty,
    NoOrganisation,
    /// A second point says the table stands there; `first` is the 1-based first one.
    TwoTables {
        first: usize,
    },
    DecisionEmpty,
    NumberZero,
    /// `entry` is the 1-based entry that already uses the number; `free` a free number.
    DuplicateNumber {
        number: u32,
        entry: usize,
        free: u32,
    },
    CommitmentNoTitle {
        number: u32,
    },
    BadLevel {
        level: u8,
    },
    UnknownMark {
        id: String,
        known: Vec<String>,
    },
    MarkTwice {
        id: String,
    },
    MarkNoArgument {
        id: String,
    },
    MergeItself {
        number: u32,
    },
    MergeMissing {
        id: String,
        number: u32,
    },
    MarkNeedsText {
        id: String,
        argument: String,
    },
    MarkNeedsNumber {
        id: String,
        argument: String,
    },
}

impl Problem {
    fn new(path: FieldPath, kind: ProblemKind) -> Self {
        Problem { path, kind }
    }
}

/// Every problem of the meeting, in file order. An empty list means the meeting is sound.
pub fn validate(meeting: &Meeting, marks: &MarkSet) -> Vec<Problem> {
    let mut problems = Vec::new();
    if meeting.header.title.trim().is_empty() {
        problems.push(Problem::new(
            FieldPath::root().key("meeting").key("title"),
            ProblemKind::TitleEmpty,
        ));
    }
    for (i, p) in meeting.participants.iter().enumerate() {
        if p.organization.trim().is_empty() {
            problems.push(Problem::new(
                FieldPath::item("participants", i).key("organization"),
                ProblemKind::NoOrganisation,
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
            ProblemKind::TwoTables {
                first: tables[0] + 1,
            },
        ));
    }
    for (i, d) in meeting.decisions.iter().enumerate() {
        if d.text.trim().is_empty() {
            problems.push(Problem::new(
                FieldPath::item("decisions", i).key("text"),
                ProblemKind::DecisionEmpty,
            ));
        }
    }
    problems
}

fn validate_commitments(meeting: &Meeting, marks: &MarkSet, problems: &mut Vec<Problem>) {
    let mut first_of: HashMap<u32, usize> = HashMap::new();
    // Every number, for merge targets anywhere in the list, without a scan per mark.
    let numbers: HashSet<u32> = meeting.commitments.iter().map(|c| c.number).collect();
    let free = numbers.iter().max().map_or(1, |n| n + 1);
    for (i, c) in meeting.commitments.iter().enumerate() {
        // Paths are built only for a problem: most items have none.
        let at = || FieldPath::item("commitments", i);
        if c.number == 0 {
            problems.push(Problem::new(at().key("number"), ProblemKind::NumberZero));
        } else if let Some(&first) = first_of.get(&c.number) {
            problems.push(Problem::new(
                at().key("number"),
                ProblemKind::DuplicateNumber {
                    number: c.number,
                    entry: first + 1,
                    free,
                },
            ));
        } else {
            first_of.insert(c.number, i);
        }
        if c.title.trim().is_empty() {
            problems.push(Problem::new(
                at().key("title"),
                ProblemKind::CommitmentNoTitle { number: c.number },
            ));
        }
        for (j, o) in c.observations.iter().enumerate() {
            if o.level > Observation::MAX_LEVEL {
                problems.push(Problem::new(
                    at().key("observations").index(j).key("level"),
                    ProblemKind::BadLevel { level: o.level },
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
    let c = &meeting.commitments[i];
    for (j, mark) in c.marks.iter().enumerate() {
        let at = || FieldPath::item("commitments", i).key("marks").index(j);
        let Some(def) = marks.get(&mark.id) else {
            problems.push(Problem::new(
                at().key("id"),
                ProblemKind::UnknownMark {
                    id: mark.id.clone(),
                    known: marks.ids().iter().map(|s| s.to_string()).collect(),
                },
            ));
            continue;
        };
        if c.marks[..j].iter().any(|m| m.id == mark.id) {
            problems.push(Problem::new(
                at().key("id"),
                ProblemKind::MarkTwice {
                    id: mark.id.clone(),
                },
            ));
            continue;
        }
        let Some(arg) = &def.arg else {
            if mark.arg != MarkArg::None {
                problems.push(Problem::new(
                    at(),
                    ProblemKind::MarkNoArgument {
                        id: mark.id.clone(),
                    },
                ));
            }
            continue;
        };
        let at_arg = || at().key(&arg.name);
        match (&mark.arg, arg.kind) {
            (MarkArg::Text(text), kind) if kind.is_text() && !text.trim().is_empty() => {}
            (MarkArg::Commitment(n), ArgKind::Commitment) => {
                if *n == c.number {
                    problems.push(Problem::new(
                        at_arg(),
                        ProblemKind::MergeItself { number: *n },
                    ));
                } else if !numbers.contains(n) {
                    problems.push(Problem::new(
                        at_arg(),
                        ProblemKind::MergeMissing {
                            id: mark.id.clone(),
                            number: *n,
                        },
                    ));
                }
            }
            (_, ArgKind::Reason | ArgKind::Title) => problems.push(Problem::new(
                at(),
                ProblemKind::MarkNeedsText {
                    id: mark.id.clone(),
                    argument: arg.name.clone(),
                },
            )),
            (_, ArgKind::Commitment) => problems.push(Problem::new(
                at(),
                ProblemKind::MarkNeedsNumber {
                    id: mark.id.clone(),
                    argument: arg.name.clone(),
                },
            )),
        }
    }
}
