//! Checks on a whole meeting. Each problem names the field it is about as a path
//! (`commitments[3].marks[0].target`), which the file layer turns into a line and column.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{ArgKind, MarkArg, MarkSet, Meeting, Observation};

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
    let mut problems = Vec::new();
    if meeting.header.title.trim().is_empty() {
        problems.push(Problem::new(
            FieldPath::root().key("meeting").key("title"),
            "the meeting title is empty",
            "write the title of the meeting, for example \"Réunion du comité de pilotage\"",
        ));
    }
    for (i, p) in meeting.participants.iter().enumerate() {
        if p.organization.trim().is_empty() {
            problems.push(Problem::new(
                FieldPath::item("participants", i).key("organization"),
                "a participant has no organisation",
                "write the organisation the person represents",
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
            "more than one point holds the commitments table",
            format!(
                "keep `table = true` on one point only (point {} already has it)",
                tables[0] + 1
            ),
        ));
    }
    for (i, d) in meeting.decisions.iter().enumerate() {
        if d.text.trim().is_empty() {
            problems.push(Problem::new(
                FieldPath::item("decisions", i).key("text"),
                "a decision has no text",
                "write the decision, or delete the empty [[decisions]] entry",
            ));
        }
    }
    problems
}

fn validate_commitments(meeting: &Meeting, marks: &MarkSet, problems: &mut Vec<Problem>) {
    let mut first_of: HashMap<u32, usize> = HashMap::new();
    // Every number, for merge targets anywhere in the list, without a scan per mark.
    let numbers: HashSet<u32> = meeting.commitments.iter().map(|c| c.number).collect();
    for (i, c) in meeting.commitments.iter().enumerate() {
        // Paths are built only for a problem: most items have none.
        let at = || FieldPath::item("commitments", i);
        if c.number == 0 {
            problems.push(Problem::new(
                at().key("number"),
                "commitment number 0",
                "number commitments from 1",
            ));
        } else if let Some(&first) = first_of.get(&c.number) {
            problems.push(Problem::new(
                at().key("number"),
                format!(
                    "duplicate commitment number {} (entry {} already uses it)",
                    c.number,
                    first + 1
                ),
                format!(
                    "give this commitment a free number, such as {}",
                    meeting.next_number()
                ),
            ));
        } else {
            first_of.insert(c.number, i);
        }
        if c.title.trim().is_empty() {
            problems.push(Problem::new(
                at().key("title"),
                format!("commitment {} has an empty title", c.number),
                "write the title as the proposing institution gave it",
            ));
        }
        for (j, o) in c.observations.iter().enumerate() {
            if o.level > Observation::MAX_LEVEL {
                problems.push(Problem::new(
                    at().key("observations").index(j).key("level"),
                    format!("observation level {} does not exist", o.level),
                    "use level 0 for a bullet (•) or 1 for a sub-bullet (o)",
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
                format!("unknown mark \"{}\"", mark.id),
                format!("use one of: {}", marks.ids().join(", ")),
            ));
            continue;
        };
        if c.marks[..j].iter().any(|m| m.id == mark.id) {
            problems.push(Problem::new(
                at().key("id"),
                format!("mark \"{}\" is given twice", mark.id),
                "keep one of the two",
            ));
            continue;
        }
        let Some(arg) = &def.arg else {
            if mark.arg != MarkArg::None {
                problems.push(Problem::new(
                    at(),
                    format!("mark \"{}\" takes no argument", mark.id),
                    format!("write it as {{ id = \"{}\" }}", mark.id),
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
                        format!("commitment {n} is marked to merge with itself"),
                        "name the other commitment's number",
                    ));
                } else if !numbers.contains(n) {
                    problems.push(Problem::new(
                        at_arg(),
                        format!(
                            "mark \"{}\" names commitment {n}, which does not exist",
                            mark.id
                        ),
                        "name the number of a commitment of this meeting",
                    ));
                }
            }
            (_, ArgKind::Text) => problems.push(Problem::new(
                at(),
                format!("mark \"{}\" needs its {} as text", mark.id, arg.name),
                format!(
                    "write it as {{ id = \"{}\", {} = \"…\" }}",
                    mark.id, arg.name
                ),
            )),
            (_, ArgKind::Commitment) => problems.push(Problem::new(
                at(),
                format!("mark \"{}\" needs a commitment number", mark.id),
                format!("write it as {{ id = \"{}\", {} = 9 }}", mark.id, arg.name),
            )),
        }
    }
}
