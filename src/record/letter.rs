//! A follow-up letter for one proposing institution: addressed to it, a short opening, its
//! commitments with their observations and marks, then the decisions that concern it —
//! those it owns and those whose owner means everyone.

use super::parts::{Options, Record, Section};
use crate::fuzzy::fold;
use crate::model::dates::long_date_inline;
use crate::model::{MarkSet, Meeting};

impl Record {
    /// The letter to `institution` about `meeting`.
    pub fn letter(
        meeting: &Meeting,
        institution: &str,
        marks: &MarkSet,
        export: &Options,
    ) -> Record {
        let part = for_institution(meeting, institution, &export.everyone);
        let mut record = Record::build(&part, marks, export);
        let language = meeting.header.language;
        let date = long_date_inline(meeting.header.date, language);
        let l = &record.labels;
        let title = format!(
            "{} {} {} {date}",
            l.follow_up, meeting.header.title, l.of_date
        );
        let opening = export
            .opening
            .get(language)
            .replace("{institution}", institution)
            .replace("{date}", &date)
            .replace("{title}", &meeting.header.title);
        let t = record.typography;
        record.title = t.apply(&title);
        record.kind = t.apply(institution);
        record.opening = Some(t.apply(&opening)).filter(|o| !o.is_empty());
        record.date.clear();
        record.place.clear();
        record.without_front();
        record.sections.retain(|s| matches!(s, Section::Table(_)));
        record
    }
}

/// The part of the meeting that concerns one institution: its commitments, and the
/// decisions it owns, that have no owner, or whose owner is one of `everyone`.
pub fn for_institution(meeting: &Meeting, institution: &str, everyone: &[String]) -> Meeting {
    let mut part = meeting.clone();
    part.commitments.retain(|c| c.institution == institution);
    part.points.retain(|p| p.table);
    let mine = fold(institution);
    let shared: Vec<String> = everyone.iter().map(|e| fold(e)).collect();
    part.decisions.retain(|d| {
        d.owner.as_deref().is_none_or(|owner| {
            let owner = fold(owner);
            owner == mine || shared.contains(&owner)
        })
    });
    part
}
