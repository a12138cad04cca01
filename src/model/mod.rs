//! The meeting as plain data: what the secretary records, with no knowledge of files,
//! terminals or configuration files. Everything a test wants to check is checkable here.

pub mod dates;
pub mod generate;
mod marks;
pub mod stats;
mod validate;

pub use marks::{ArgKind, MarkArgDef, MarkDef, MarkSet};
pub use stats::Stats;
pub use validate::{FieldPath, Problem, Seg, validate};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The language a record is written in. The interface language is a separate setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    Fr,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// A piece of text in both record languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    pub fr: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.fr,
            Language::En => &self.en,
        }
    }
}

/// One meeting: the header, who was invited, what is reviewed, what was said and decided.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meeting {
    pub header: Header,
    pub participants: Vec<Participant>,
    pub commitments: Vec<Commitment>,
    pub points: Vec<Point>,
    pub decisions: Vec<Decision>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub title: String,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub place: String,
    pub language: Language,
    pub agenda: Vec<String>,
}

impl Default for Header {
    fn default() -> Self {
        Header {
            title: "Réunion du comité de pilotage".to_owned(),
            date: NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid constant date"),
            time: None,
            place: String::new(),
            language: Language::Fr,
            agenda: Vec::new(),
        }
    }
}

/// Whether a participant has answered the roll call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Attendance {
    #[default]
    NotCalled,
    Present,
    Absent,
    Excused,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Participant {
    /// Absent organisations are often listed without a person.
    pub name: Option<String>,
    pub organization: String,
    pub attendance: Attendance,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Commitment {
    pub number: u32,
    pub title: String,
    pub institution: String,
    pub summary: Option<String>,
    pub observations: Vec<Observation>,
    pub marks: Vec<Mark>,
    pub seconds_spent: u64,
    pub last_discussed: Option<NaiveDateTime>,
}

impl Commitment {
    /// Not yet reviewed: nothing was marked and nothing was said.
    pub fn is_reviewed(&self) -> bool {
        !self.marks.is_empty() || !self.observations.is_empty()
    }

    pub fn mark(&self, id: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.id == id)
    }
}

/// One bullet of the observations column: level 0 is "•", level 1 is "o".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observation {
    pub text: String,
    pub level: u8,
}

impl Observation {
    pub const MAX_LEVEL: u8 = 1;

    pub fn new(text: impl Into<String>, level: u8) -> Self {
        Observation {
            text: text.into(),
            level,
        }
    }
}

/// A status from the configured set, with its argument when the mark takes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub id: String,
    pub arg: MarkArg,
}

impl Mark {
    pub fn new(id: impl Into<String>, arg: MarkArg) -> Self {
        Mark { id: id.into(), arg }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MarkArg {
    #[default]
    None,
    Text(String),
    Commitment(u32),
}

/// A "Points abordés" section; the one with `table` is where the commitments table stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Point {
    pub title: String,
    pub text: String,
    pub table: bool,
}

/// A "Points arrêtés" entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decision {
    pub text: String,
    pub deadline: Option<NaiveDate>,
    pub owner: Option<String>,
}

impl Meeting {
    pub fn commitment_by_number(&self, number: u32) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.number == number)
    }

    /// The next free commitment number, for items added during the meeting.
    pub fn next_number(&self) -> u32 {
        self.commitments.iter().map(|c| c.number).max().unwrap_or(0) + 1
    }

    pub fn marks_in_use(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for mark in self.commitments.iter().flat_map(|c| &c.marks) {
            if !ids.contains(&mark.id.as_str()) {
                ids.push(&mark.id);
            }
        }
        ids
    }
}
