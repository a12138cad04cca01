//! The record ("Relevé de conclusions") as one view of the meeting, in the seeds' order.
//! The preview and every export read this view, so they cannot disagree.

mod follow;
pub mod form;
mod letter;
pub mod names;
mod parts;
pub mod remarks;
pub mod response;
pub mod text;
pub mod typeset;
pub mod typography;

pub use crate::i18n::Labels;
pub use letter::for_institution;
pub use parts::{
    Block, DeadlinePlace, DecisionEntry, Framed, Item, LetterFrame, LetterSettings, Marks, Options,
    Paper, Record, RemarksPlace, Row, Section, SentencePlace, decision_tail, group_items,
    parse_blocks,
};

use crate::model::dates::{long_date, short_time};
use crate::model::{Attendance, Commitment, Mark, MarkArg, MarkSet, Meeting, Pointing};

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
        let pointing = marks.pointing(meeting);
        let table = || {
            Section::Table(
                meeting
                    .commitments
                    .iter()
                    .map(|c| row(c, meeting, (marks, &pointing), export))
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
        if export.received_remarks == RemarksPlace::Section {
            sections.extend(remarks::section(meeting, &labels));
        }
        let (followed, decisions) = follow::entries(meeting, export, &labels);
        let typography = export.typography(language);
        Record {
            language,
            labels,
            title: h.title.clone(),
            kind: Labels::of(language).record.to_owned(),
            opening: None,
            letter: None,
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
            paper: export.paper,
            // Nobody named in the settings: the user's full name, as Word does.
            author: if export.author.is_empty() {
                crate::platform::full_name()
            } else {
                export.author.clone()
            },
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
    (punctuated(participants), punctuated(absents))
}

/// The lines of a list as the committee's records end them: " ;" each, "." the last (the
/// language's typography then sets the space).
fn punctuated(mut lines: Vec<String>) -> Vec<String> {
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter_mut().enumerate() {
        if i == last {
            if !line.ends_with('.') {
                line.push('.');
            }
        } else {
            line.push_str(" ;");
        }
    }
    lines
}

/// Whether `m`, a mark of `c` or one naming it, joins `c` to one other item that the same
/// institution proposed, neither joined by it to a third: "the two commitments proposed by
/// …" says it then.
fn same_institution(c: &Commitment, m: &Mark, meeting: &Meeting, pointing: &Pointing) -> bool {
    let MarkArg::Commitment(n) = m.arg else {
        return false;
    };
    let Some(other) = meeting.commitment_by_number(n) else {
        return false;
    };
    let name = |c: &Commitment| crate::fuzzy::fold(c.institution.trim());
    // The items `c` is joined to by this mark, either way.
    let joined = |c: &Commitment| {
        let theirs = pointing.get(&c.number).map_or(&[][..], Vec::as_slice);
        (c.marks.iter().chain(theirs))
            .filter(|o| o.id == m.id && matches!(o.arg, MarkArg::Commitment(_)))
            .count()
    };
    !name(c).is_empty() && name(c) == name(other) && joined(c) == 1 && joined(other) == 1
}

/// One commitment's row; `pointing`, the marks of other items naming each item.
fn row(c: &Commitment, meeting: &Meeting, (marks, pointing): Marks, export: &Options) -> Row {
    let language = meeting.header.language;
    let observation = |o: &crate::model::Observation| Item {
        level: o.level,
        text: match (&o.by, export.attribution) {
            (Some(by), true) => format!("{} ({by})", o.text),
            _ => o.text.clone(),
        },
    };
    let institutions = &export.institutions;
    // A mark between two items (a merge) is said on both: on the other with this one's number.
    let all = pointing;
    let pointing = pointing.get(&c.number).map_or(&[][..], Vec::as_slice);
    let sentences = |first: bool| -> Vec<Item> {
        c.marks
            .iter()
            .chain(pointing)
            .filter(|m| marks.first(&m.id) == first)
            // "No remarks received" is not said of an item whose remark came in writing.
            .filter(|m| marks.stands(m, c, meeting))
            .filter_map(|m| {
                let shared = same_institution(c, m, meeting, all);
                let the =
                    shared.then(|| names::with_article(&c.institution, language, institutions));
                marks.sentence(m, meeting, language, the.as_deref())
            })
            .map(|text| Item { level: 0, text })
            .collect()
    };
    let mut typed: Vec<Item> = c.observations.iter().map(observation).collect();
    if export.received_remarks == RemarksPlace::Observations {
        typed.extend(remarks::items(meeting, c.number, &Labels::of(language)));
    }
    let mut items = sentences(true);
    match export.mark_sentences {
        SentencePlace::Before => items.extend(sentences(false).into_iter().chain(typed)),
        SentencePlace::After => items.extend(typed.into_iter().chain(sentences(false))),
    }
    let new_title = marks.new_title(c).map(str::to_owned);
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

#[cfg(test)]
mod tests;
