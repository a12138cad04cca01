//! The record ("Relevé de conclusions") as one view of the meeting, in the seeds' order.
//! The preview and every export read this view, so they cannot disagree.

mod follow;
pub mod form;
mod labels;
mod letter;
pub mod remarks;
pub mod response;
pub mod text;
pub mod typography;

pub use labels::Labels;
pub use letter::for_institution;

use crate::model::dates::{long_date, short_time};
use crate::model::{Attendance, Commitment, Language, MarkArg, MarkSet, Meeting};

/// Where a commitment's mark sentences stand among its observations in the record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentencePlace {
    Before,
    #[default]
    After,
}

/// Where a decision's deadline is written: inside its sentence ("… jusqu'au lundi 26 février
/// 2024."), as the seeds do, or apart after it ("Échéance : …").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlinePlace {
    #[default]
    Sentence,
    Apart,
}

/// What the record shows beyond its essentials: the `[export]` settings of the
/// configuration, handed in by whoever builds the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub mark_sentences: SentencePlace,
    /// Name the organisation that made an observation.
    pub attribution: bool,
    /// Add the observations of earlier meetings under each commitment.
    pub history: bool,
    pub deadlines: DeadlinePlace,
    /// French no-break spaces before `: ; ! ?` and inside `« »`.
    pub french_spaces: bool,
    /// The apostrophe ’ in a French record.
    pub apostrophes: bool,
    /// A long row of the table may cross a page break, as in the seeds.
    pub split_rows: bool,
    /// Who writes the record, for the Word file's properties.
    pub author: String,
    pub organisation: String,
    /// The owners of a decision that concerns every institution ("Administrations
    /// concernées"), for the follow-up letters.
    pub everyone: Vec<String>,
    /// The first paragraph of a follow-up letter: {institution}, {date}, {title}.
    pub opening: crate::model::Localized,
    /// The subject and body of the draft mail to each institution ({date}, {institution},
    /// {deadline}).
    pub mail_subject: crate::model::Localized,
    pub mail_body: crate::model::Localized,
    /// The introduction of the reasoned response to the proposals ({date}).
    pub response_intro: crate::model::Localized,
    /// Accepted written remarks among the observations, or in their own section.
    pub received_remarks: remarks::RemarksPlace,
    /// The administration's own Word file whose styles, page, header and footer the Word
    /// export takes; a relative path is read from the folder the record is written to.
    pub docx_template: Option<std::path::PathBuf>,
}

/// A piece of free text: a paragraph, a bullet or sub-bullet, or an item of a numbered list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Bullet { level: u8, text: String },
    Numbered { number: u32, text: String },
}

/// Reads the text of a point or a decision: `- ` a bullet, an indented `- ` (or `o `) a
/// sub-bullet, `1. ` an item of a numbered list, anything else a paragraph.
pub fn parse_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for line in text.lines() {
        let content = line.trim_start();
        if content.is_empty() {
            continue;
        }
        let indented = line.len() - content.len() >= 2;
        let bullet = ["- ", "• ", "* "]
            .iter()
            .find_map(|p| content.strip_prefix(p))
            .map(|t| (u8::from(indented), t))
            .or_else(|| content.strip_prefix("o ").map(|t| (1, t)));
        if let Some((level, text)) = bullet {
            blocks.push(Block::Bullet {
                level,
                text: text.trim().to_owned(),
            });
            continue;
        }
        let digits: String = content.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty()
            && let Some(rest) = content[digits.len()..]
                .strip_prefix(". ")
                .or_else(|| content[digits.len()..].strip_prefix(") "))
            && let Ok(number) = digits.parse()
        {
            blocks.push(Block::Numbered {
                number,
                text: rest.trim().to_owned(),
            });
            continue;
        }
        blocks.push(Block::Paragraph(content.trim_end().to_owned()));
    }
    blocks
}

/// One line of the observations column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub level: u8,
    pub text: String,
}

/// One commitment in the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: u32,
    pub title: String,
    pub new_title: Option<String>,
    pub institution: String,
    pub items: Vec<Item>,
    /// Earlier meetings' observations, when the configuration asks for them.
    pub history: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Section {
    Point { title: String, blocks: Vec<Block> },
    Table(Vec<Row>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionEntry {
    /// What became of a decision taken earlier: "En retard", "Réalisé le …".
    pub status: Option<String>,
    pub blocks: Vec<Block>,
    pub owner: Option<String>,
    /// The deadline as it reads in a sentence: "lundi 26 février 2024".
    pub deadline: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub language: Language,
    pub labels: Labels,
    pub title: String,
    /// What the document is, under the title: "Relevé de conclusions", or the institution a
    /// follow-up letter is for.
    pub kind: String,
    /// A letter's opening paragraph.
    pub opening: Option<String>,
    /// "Jeudi 22 février 2024 à 11h".
    pub date: String,
    /// The day and hour of the meeting, which a document's properties give as its date.
    pub held_on: chrono::NaiveDateTime,
    pub place: String,
    pub participants: Vec<String>,
    pub absents: Vec<String>,
    pub agenda: Vec<String>,
    pub sections: Vec<Section>,
    pub decisions: Vec<DecisionEntry>,
    /// Decisions of earlier meetings: late first, then open, then closed since.
    pub followed: Vec<DecisionEntry>,
    pub split_rows: bool,
    pub author: String,
    pub organisation: String,
    pub typography: typography::Typography,
    /// The sections stand alone, without the "Points abordés" heading (the response).
    pub plain_sections: bool,
    pub docx_template: Option<std::path::PathBuf>,
}

impl Record {
    pub fn build(meeting: &Meeting, marks: &MarkSet, export: &Options) -> Record {
        let language = meeting.header.language;
        let labels = Labels::of(language);
        let h = &meeting.header;
        let mut date = long_date(h.date, language);
        if let Some(time) = h.time {
            date = format!("{date} {} {}", labels.at, short_time(time, language));
        }
        let (participants, absents) = people(meeting, &labels);
        let table = || {
            Section::Table(
                meeting
                    .commitments
                    .iter()
                    .map(|c| row(c, meeting, marks, export))
                    .collect(),
            )
        };
        let mut sections = Vec::new();
        for p in &meeting.points {
            sections.push(Section::Point {
                title: p.title.clone(),
                blocks: parse_blocks(&p.text),
            });
            if p.table {
                sections.push(table());
            }
        }
        if !meeting.points.iter().any(|p| p.table) && !meeting.commitments.is_empty() {
            sections.push(table());
        }
        if export.received_remarks == remarks::RemarksPlace::Section {
            sections.extend(remarks::section(meeting, &labels));
        }
        let (followed, decisions) = follow::entries(meeting, export, &labels);
        let typography = typography::Typography {
            language,
            spaces: export.french_spaces,
            apostrophes: export.apostrophes,
        };
        Record {
            language,
            labels,
            title: h.title.clone(),
            kind: Labels::of(language).record.to_owned(),
            opening: None,
            held_on: h.date.and_time(h.time.unwrap_or_default()),
            date,
            place: h.place.clone(),
            participants,
            absents,
            agenda: h.agenda.clone(),
            sections,
            decisions,
            followed,
            split_rows: export.split_rows,
            author: export.author.clone(),
            organisation: export.organisation.clone(),
            typography,
            plain_sections: false,
            docx_template: export.docx_template.clone(),
        }
        .typeset(typography)
    }

    /// The three lists of the record's head, with their labels: present participants,
    /// absent ones, the agenda.
    pub fn lists(&self) -> [(&'static str, &[String]); 3] {
        [
            (self.labels.participants, &self.participants),
            (self.labels.absents, &self.absents),
            (self.labels.agenda, &self.agenda),
        ]
    }

    /// Without the meeting's front: participants, absentees and agenda (a letter, the
    /// response).
    fn without_front(&mut self) {
        self.participants.clear();
        self.absents.clear();
        self.agenda.clear();
    }

    /// The decisions' parts with their headings: the follow-up of earlier decisions, then
    /// this meeting's "Points arrêtés"; empty parts left out.
    pub fn decision_parts(&self) -> Vec<(&'static str, &[DecisionEntry])> {
        [
            (self.labels.followed, &self.followed[..]),
            (self.labels.decisions, &self.decisions[..]),
        ]
        .into_iter()
        .filter(|(_, entries)| !entries.is_empty())
        .collect()
    }

    /// Whether the record has discussion points, under the "Points abordés" heading (a
    /// follow-up letter has only the table).
    pub fn has_points(&self) -> bool {
        !self.plain_sections
            && self
                .sections
                .iter()
                .any(|s| matches!(s, Section::Point { .. }))
    }

    /// The rows of the commitments table, wherever it stands.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.sections.iter().flat_map(|s| match s {
            Section::Table(rows) => rows.as_slice(),
            Section::Point { .. } => &[],
        })
    }
}

/// The present participants and the absent ones, as the record lists them: "Name,
/// Organisation", a representative before the person represented, "(excusée)" agreeing.
fn people(meeting: &Meeting, labels: &Labels) -> (Vec<String>, Vec<String>) {
    let mut participants = Vec::new();
    let mut absents = Vec::new();
    for p in &meeting.participants {
        let person = match (&p.name, &p.represented_by) {
            (Some(name), Some(by)) => format!("{by} ({} {name})", labels.for_person),
            (None, Some(by)) => by.clone(),
            (Some(name), None) => name.clone(),
            (None, None) => String::new(),
        };
        let line = if person.is_empty() {
            p.organization.clone()
        } else {
            format!("{person}, {}", p.organization)
        };
        match p.attendance {
            Attendance::Present => participants.push(line),
            Attendance::Absent => absents.push(line),
            Attendance::Excused => {
                let word = if p.feminine() {
                    labels.excused_f
                } else {
                    labels.excused
                };
                absents.push(format!("{line} ({word})"));
            }
            Attendance::NotCalled => {}
        }
    }
    (participants, absents)
}

fn row(c: &Commitment, meeting: &Meeting, marks: &MarkSet, export: &Options) -> Row {
    let language = meeting.header.language;
    let observation = |o: &crate::model::Observation| Item {
        level: o.level,
        text: match (&o.by, export.attribution) {
            (Some(by), true) => format!("{} ({by})", o.text),
            _ => o.text.clone(),
        },
    };
    // "No remarks received" is not said of an item whose remark came in writing.
    let came = (meeting.remarks.iter()).any(|r| r.number == c.number && r.taken());
    // A merge is said on both items: the one merged into says it with the other's number.
    let merged: Vec<crate::model::Mark> = (meeting.merging_into(c.number).iter())
        .map(|o| crate::model::Mark::new(crate::model::MERGE, MarkArg::Commitment(o.number)))
        .collect();
    let sentences = |first: bool| -> Vec<Item> {
        c.marks
            .iter()
            .chain(&merged)
            .filter(|m| marks.first(&m.id) == first)
            .filter(|m| !(came && m.id == crate::model::NO_REMARKS))
            .filter_map(|m| marks.sentence(m, meeting, language))
            .map(|text| Item { level: 0, text })
            .collect()
    };
    let mut typed: Vec<Item> = c.observations.iter().map(observation).collect();
    if export.received_remarks == remarks::RemarksPlace::Observations {
        typed.extend(remarks::items(meeting, c.number, &Labels::of(language)));
    }
    let mut items = sentences(true);
    match export.mark_sentences {
        SentencePlace::Before => items.extend(sentences(false).into_iter().chain(typed)),
        SentencePlace::After => items.extend(typed.into_iter().chain(sentences(false))),
    }
    let new_title = c.mark("retitle").and_then(|m| match &m.arg {
        MarkArg::Text(t) => Some(t.clone()),
        _ => None,
    });
    Row {
        number: c.number,
        title: c.title.clone(),
        new_title,
        institution: c.institution.clone(),
        items,
        history: if export.history {
            c.history.iter().map(observation).collect()
        } else {
            Vec::new()
        },
    }
}

/// Writes the deadline at the end of the decision's last sentence: "… partagé) jusqu'au
/// lundi 26 février 2024." A decision with no text keeps it apart.
fn deadline_inside(entry: &mut DecisionEntry, labels: &Labels) {
    let Some(last) = entry.blocks.last_mut() else {
        return;
    };
    let Some(deadline) = entry.deadline.take() else {
        return;
    };
    let (Block::Paragraph(text) | Block::Bullet { text, .. } | Block::Numbered { text, .. }) = last;
    // The sentence ends with its deadline, and a full stop, as the seeds write it.
    let body = text.trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    *text = format!("{body} {} {deadline}.", labels.until);
}

/// Bullets with the sub-bullets that follow them; sub-bullets with no bullet before them
/// hang from an empty one.
pub fn group_items(items: &[Item]) -> Vec<(Option<&Item>, Vec<&Item>)> {
    let mut groups: Vec<(Option<&Item>, Vec<&Item>)> = Vec::new();
    for item in items {
        if item.level == 0 {
            groups.push((Some(item), Vec::new()));
        } else {
            match groups.last_mut() {
                Some((_, subs)) => subs.push(item),
                None => groups.push((None, vec![item])),
            }
        }
    }
    groups
}

/// "échéance : lundi 26 février 2024 ; responsable : MTNRA".
pub fn decision_tail(record: &Record, d: &DecisionEntry) -> String {
    let l = &record.labels;
    let mut parts: Vec<String> = d.status.iter().cloned().collect();
    if let Some(deadline) = &d.deadline {
        parts.push(format!(
            "{}{} {deadline}",
            crate::model::dates::capitalize(l.deadline),
            l.colon
        ));
    }
    if let Some(owner) = &d.owner {
        parts.push(format!(
            "{}{} {owner}",
            crate::model::dates::capitalize(l.owner),
            l.colon
        ));
    }
    parts.join(l.separator)
}

#[cfg(test)]
mod tests;
