//! The meeting and its parts, the types every room of the model shares: a sibling of the
//! rooms that use them, re-exported by `model`.

use super::decision::Decision;
use super::remark::{Remark, RemarkState};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
// Serde only for the binary cache of large meetings (`store::cache`); the file format has
// its own structures in `store::format`.
use serde::{Deserialize, Serialize};

/// The language a record is written in. The interface language is a separate setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub header: Header,
    pub participants: Vec<Participant>,
    pub commitments: Vec<std::sync::Arc<Commitment>>,
    pub points: Vec<Point>,
    pub decisions: Vec<Decision>,
    /// Remarks received in writing after the meeting.
    #[serde(default)]
    pub remarks: Vec<Remark>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub title: String,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub place: String,
    pub language: Language,
    pub agenda: Vec<String>,
    /// When the meeting should end, for the time left in the status line.
    pub planned_end: Option<NaiveTime>,
    /// Or how long it should last, in minutes, from its start (or from opening the file).
    pub planned_minutes: Option<u32>,
    /// The time each commitment should take, in minutes.
    pub item_budget_minutes: Option<u32>,
    /// The meeting's clock so far, over every session: it resumes on reopening.
    #[serde(default)]
    pub seconds_elapsed: u64,
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
            planned_end: None,
            planned_minutes: None,
            item_budget_minutes: None,
            seconds_elapsed: 0,
        }
    }
}

/// Whether a participant has answered the roll call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Attendance {
    #[default]
    NotCalled,
    Present,
    Absent,
    Excused,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Absent organisations are often listed without a person.
    pub name: Option<String>,
    pub organization: String,
    pub attendance: Attendance,
    /// Who attended in this person's place.
    pub represented_by: Option<String>,
    /// Where the institution's follow-up mail goes (`copil mail`).
    #[serde(default)]
    pub email: Option<String>,
}

/// Whether `text` looks like an e-mail address: one `@`, a name before it, a domain with a
/// dot after it, no spaces or angle brackets.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let clean = |s: &str| {
        !s.is_empty() && !s.contains(|c: char| c.is_whitespace() || "<>,;@\"".contains(c))
    };
    clean(local)
        && clean(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

impl Participant {
    /// Whether the civility before the name says a woman ("Mme", "Mlle"), for the words
    /// that agree with the person ("représentée par", "excusée").
    pub fn feminine(&self) -> bool {
        self.name
            .as_deref()
            .is_some_and(|n| n.starts_with("Mme") || n.starts_with("Mlle"))
    }

    /// A name as the records write it: a leading civility takes its full stop ("Mme
    /// Salma" → "Mme. Salma"); anything else as typed.
    pub fn written(name: &str) -> String {
        let name = name.trim();
        let (first, rest) = name.split_once(' ').unwrap_or((name, ""));
        let civility = ["M", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Dr", "Pr"].contains(&first);
        match (civility, rest.trim()) {
            (true, "") => format!("{first}."),
            (true, rest) => format!("{first}. {rest}"),
            (false, _) => name.to_owned(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub number: u32,
    pub title: String,
    pub institution: String,
    pub summary: Option<String>,
    pub observations: Vec<Observation>,
    pub marks: Vec<Mark>,
    pub seconds_spent: u64,
    pub last_discussed: Option<NaiveDateTime>,
    /// The observations of earlier meetings, kept read-only.
    pub history: Vec<Observation>,
    /// The commitment's sheet, after the OGP commitment template.
    pub sheet: Option<Sheet>,
    /// Its marks came from the last meeting (`new --from`) and the committee has not
    /// touched it in this one: they show as carried and do not count as reviewed.
    #[serde(default)]
    pub carried: bool,
}

/// The OGP values a commitment serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OgpValue {
    Transparency,
    Participation,
    Accountability,
}

impl OgpValue {
    pub const ALL: [OgpValue; 3] = [
        OgpValue::Transparency,
        OgpValue::Participation,
        OgpValue::Accountability,
    ];

    pub fn id(self) -> &'static str {
        match self {
            OgpValue::Transparency => "transparency",
            OgpValue::Participation => "participation",
            OgpValue::Accountability => "accountability",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        OgpValue::ALL.into_iter().find(|v| v.id() == id)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub text: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// The fields of an OGP commitment template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub problem: Option<String>,
    pub solution: Option<String>,
    pub lead_agency: Option<String>,
    pub activities: Vec<Activity>,
    pub values: Vec<OgpValue>,
}

impl Sheet {
    /// The parts of the template still missing, by their field names.
    pub fn gaps(sheet: Option<&Sheet>) -> Vec<&'static str> {
        let empty = Sheet::default();
        let s = sheet.unwrap_or(&empty);
        let blank = |f: &Option<String>| f.as_deref().is_none_or(|t| t.trim().is_empty());
        let mut gaps = Vec::new();
        if blank(&s.problem) {
            gaps.push("problem");
        }
        if blank(&s.solution) {
            gaps.push("solution");
        }
        if blank(&s.lead_agency) {
            gaps.push("lead_agency");
        }
        if s.activities.is_empty() {
            gaps.push("activities");
        } else if s
            .activities
            .iter()
            .any(|a| a.start.is_none() || a.end.is_none())
        {
            gaps.push("activity dates");
        }
        if s.values.is_empty() {
            gaps.push("values");
        }
        gaps
    }
}

impl Commitment {
    /// Not yet reviewed: nothing was marked and nothing was said.
    /// Discussed in this meeting: marked or observed here, not only carried.
    pub fn is_reviewed(&self) -> bool {
        !self.carried && (!self.marks.is_empty() || !self.observations.is_empty())
    }

    pub fn mark(&self, id: &str) -> Option<&Mark> {
        self.marks.iter().find(|m| m.id == id)
    }
}

/// One bullet of the observations column: level 0 is "•", level 1 is "o".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub text: String,
    pub level: u8,
    /// The organisation that made the observation, when the secretary notes it.
    pub by: Option<String>,
}

impl Observation {
    pub const MAX_LEVEL: u8 = 1;

    pub fn new(text: impl Into<String>, level: u8) -> Self {
        Observation {
            text: text.into(),
            level,
            by: None,
        }
    }
}

/// A status from the configured set, with its argument when the mark takes one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub id: String,
    pub arg: MarkArg,
}

impl Mark {
    pub fn new(id: impl Into<String>, arg: MarkArg) -> Self {
        Mark { id: id.into(), arg }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkArg {
    #[default]
    None,
    Text(String),
    Commitment(u32),
}

/// A "Points abordés" section; the one with `table` is where the commitments table stands.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    pub title: String,
    pub text: String,
    pub table: bool,
}

impl Meeting {
    /// The proposing institutions, each once, in the order of the list.
    pub fn institutions(&self) -> Vec<&str> {
        first_appearances(self.commitments.iter().map(|c| c.institution.as_str()))
    }

    /// Every organisation the meeting knows, for completion: the participants' first, then
    /// the proposing institutions; none empty.
    pub fn organisations(&self) -> Vec<&str> {
        let participants = self.participants.iter().map(|p| p.organization.as_str());
        let institutions = self.commitments.iter().map(|c| c.institution.as_str());
        first_appearances(participants.chain(institutions).filter(|n| !n.is_empty()))
    }

    /// How many written remarks wait for review.
    pub fn pending_remarks(&self) -> usize {
        self.remarks
            .iter()
            .filter(|r| r.state == RemarkState::Pending)
            .count()
    }

    /// Where commitment `number` stands in the list.
    pub fn position_of(&self, number: u32) -> Option<usize> {
        self.commitments.iter().position(|c| c.number == number)
    }

    pub fn commitment_by_number(&self, number: u32) -> Option<&Commitment> {
        self.commitments
            .iter()
            .find(|c| c.number == number)
            .map(|c| &**c)
    }

    /// Whether commitment `c` was reviewed in this meeting: marked or observed here, or a
    /// remark on it accepted in writing (which the record says among its observations).
    pub fn reviewed(&self, c: &Commitment) -> bool {
        c.is_reviewed()
            || (!c.carried && (self.remarks.iter()).any(|r| r.number == c.number && r.taken()))
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

/// Each name once, in the order of its first appearance: organisations as the attendance
/// groups them, institutions as the record and the follow-up letters list them.
pub fn first_appearances<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    names.into_iter().filter(|n| seen.insert(*n)).collect()
}
