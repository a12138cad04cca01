//! The decisions in the record: this meeting's, and the follow-up of those carried from
//! earlier meetings — late first, then open, then closed since — each with what became of
//! it.

use super::parts::{
    DeadlinePlace, DecisionEntry, Options, deadline_inside, full_stop, parse_blocks,
};
use crate::i18n::Labels;
use crate::model::dates::long_date_inline;
use crate::model::{Decision, DecisionStatus, Meeting};

/// (follow-up of earlier decisions, this meeting's decisions).
pub fn entries(
    meeting: &Meeting,
    export: &Options,
    labels: &Labels,
) -> (Vec<DecisionEntry>, Vec<DecisionEntry>) {
    let today = meeting.header.date;
    let rank = |d: &Decision| match d.status {
        _ if d.is_late(today) => 0,
        DecisionStatus::Open => 1,
        _ => 2,
    };
    let mut carried: Vec<&Decision> = meeting.decisions.iter().filter(|d| d.carried).collect();
    carried.sort_by_key(|d| rank(d));
    let entry = |d: &Decision| {
        let status = d.carried.then(|| status(d, meeting, labels));
        entry(d, status, meeting, export, labels)
    };
    let followed = carried.into_iter().map(entry).collect();
    let new = meeting
        .decisions
        .iter()
        .filter(|d| !d.carried)
        .map(entry)
        .collect();
    (followed, new)
}

/// "En retard au lundi 4 mars 2024, décidé le jeudi 22 février 2024", "Réalisé le lundi 4
/// mars 2024", …: no brackets of its own, since the record puts the status in brackets.
fn status(d: &Decision, meeting: &Meeting, l: &Labels) -> String {
    let language = meeting.header.language;
    let date = |day| long_date_inline(day, language);
    let mut out = match &d.status {
        // Late as of the record's own day, and it says so.
        _ if d.is_late(meeting.header.date) => {
            format!("{} {} {}", l.late, l.as_of, date(meeting.header.date))
        }
        DecisionStatus::Open => l.open.to_owned(),
        DecisionStatus::Done(on) => format!("{} {}", l.done_on, date(*on)),
        DecisionStatus::Dropped { on, reason } => {
            let mut s = format!("{} {}", l.dropped_on, date(*on));
            if let Some(reason) = reason {
                s = format!("{s}{} {reason}", l.colon);
            }
            s
        }
    };
    if let Some(taken) = d.taken {
        out = format!("{out}, {} {}", l.taken_on, date(taken));
    }
    out
}

fn entry(
    d: &Decision,
    status: Option<String>,
    meeting: &Meeting,
    export: &Options,
    labels: &Labels,
) -> DecisionEntry {
    let mut entry = DecisionEntry {
        status,
        blocks: parse_blocks(&d.text),
        owner: d.owner.clone(),
        deadline: d
            .deadline
            .map(|date| long_date_inline(date, meeting.header.language)),
    };
    if export.deadlines == DeadlinePlace::Sentence {
        deadline_inside(&mut entry, labels, d.until);
    }
    full_stop(&mut entry);
    entry
}
