//! A follow-up letter for one proposing institution, framed as an administration writes
//! one (`[export.letter]`): the sender, place and date, the addressee, "Réf. :", "Objet :",
//! the salutation, a short opening, its commitments with their observations and marks,
//! the decisions that concern it — those it owns and those whose owner means everyone —,
//! the closing formula and the signature.

use super::parts::{Framed, LetterFrame, Options, Record, Section};
use crate::fuzzy::fold;
use crate::i18n::fill;
use crate::model::dates::{day_date, long_date_inline};
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
        let frame = frame(meeting, institution, export, &record);
        record.letter = Some(frame);
        record.date.clear();
        record.place.clear();
        record.without_front();
        record.sections.retain(|s| matches!(s, Section::Table(_)));
        record
    }
}

/// The letter's frame for `institution`, in the record's language and typography.
fn frame(meeting: &Meeting, institution: &str, export: &Options, record: &Record) -> LetterFrame {
    let (language, l, t) = (record.language, &record.labels, record.typography);
    let settings = &export.letter;
    let line = |text: String| Framed::Line(t.apply(&text));
    let mut head = Vec::new();
    if !record.organisation.is_empty() {
        head.push(Framed::Strong(t.apply(&record.organisation)));
    }
    let day = day_date(crate::clock::document_day(record.held_on), language);
    head.push(Framed::Right(t.apply(&match settings.place.trim() {
        "" => crate::model::dates::capitalize(&day),
        place => fill(l.dated, &[&place, &day]),
    })));
    head.push(Framed::Gap);
    let to = settings.to.get(language);
    if !to.is_empty() {
        head.push(Framed::Right(t.apply(to)));
    }
    head.push(Framed::RightStrong(t.apply(institution)));
    head.push(Framed::Gap);
    let c = l.colon;
    if !settings.reference.is_empty() {
        let reference = reference(meeting, institution, export);
        head.push(line(format!("{}{c} {reference}", l.reference)));
    }
    let date = long_date_inline(meeting.header.date, language);
    let subject = format!("{} {} {date}", meeting.header.title, l.of_date);
    head.push(Framed::Strong(
        t.apply(&format!("{}{c} {subject}", l.subject)),
    ));
    head.push(Framed::Gap);
    head.push(line(settings.salutation.get(language).to_owned()));
    head.push(Framed::Gap);
    let mut tail = vec![line(settings.closing.get(language).to_owned()), Framed::Gap];
    for signed in [settings.signatory_title.get(language), &settings.signatory] {
        if !signed.trim().is_empty() {
            tail.push(Framed::Right(t.apply(signed)));
        }
    }
    head.retain(|f| !matches!(f, Framed::Line(s) if s.is_empty()));
    tail.retain(|f| !matches!(f, Framed::Line(s) if s.is_empty()));
    LetterFrame { head, tail }
}

/// The letter's reference: `[export.letter] reference` with {date} (the meeting's,
/// YYYY-MM-DD), {n} (the institution's place among the proposers, two digits) and {short}
/// (its short name, or its file name's).
fn reference(meeting: &Meeting, institution: &str, export: &Options) -> String {
    let institutions = meeting.institutions();
    let n = institutions
        .iter()
        .position(|i| *i == institution)
        .map_or(0, |i| i + 1);
    let short = super::names::short(institution, &export.institutions)
        .map_or_else(|| super::names::slug(institution), str::to_owned);
    export
        .letter
        .reference
        .replace(
            "{date}",
            &meeting.header.date.format("%Y-%m-%d").to_string(),
        )
        .replace("{n}", &format!("{n:02}"))
        .replace("{short}", &short)
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
