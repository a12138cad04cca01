//! Accepted written remarks in the record: among their commitment's observations, or in
//! their own section "Remarques reçues par écrit" when `[export] received_remarks =
//! "section"`.

pub use super::parts::RemarksPlace;
use super::parts::{Block, Item, Section};
use crate::i18n::Labels;
use crate::model::dates::long_date_inline;
use crate::model::{Language, Meeting, Remark, RemarkState};

fn accepted(meeting: &Meeting, number: u32) -> impl Iterator<Item = &Remark> {
    meeting
        .remarks
        .iter()
        .filter(move |r| r.number == number && r.state == RemarkState::Accepted)
}

/// "Texte (ACODEC, reçue par écrit le lundi 26 février 2024)", in `language`.
pub fn said(r: &Remark, language: Language) -> String {
    line(r, &Labels::of(language), language)
}

/// "Texte (ACODEC, reçue par écrit le lundi 26 février 2024)".
fn line(r: &Remark, labels: &Labels, language: Language) -> String {
    let date = long_date_inline(r.received, language);
    format!("{} ({}, {} {date})", r.text, r.author, labels.received_on)
}

/// The meeting with its accepted remarks written among their commitments' observations,
/// as the record says them ("Texte (ACODEC, reçue par écrit le …)"): what the next meeting
/// carries as history, the remarks themselves staying with their meeting.
pub fn into_observations(meeting: &Meeting) -> Meeting {
    let labels = Labels::of(meeting.header.language);
    let mut out = meeting.clone();
    for c in out.commitments.iter_mut().map(std::sync::Arc::make_mut) {
        c.observations.extend(
            items(meeting, c.number, &labels)
                .into_iter()
                .map(|i| crate::model::Observation::new(i.text, i.level)),
        );
    }
    out
}

/// The accepted remarks of commitment `number`, as observations.
pub fn items(meeting: &Meeting, number: u32, labels: &Labels) -> Vec<Item> {
    let language = meeting.header.language;
    accepted(meeting, number)
        .map(|r| Item {
            level: 0,
            text: line(r, labels, language),
        })
        .collect()
}

/// The section of accepted remarks, commitment by commitment in the table's order; none
/// when no remark was accepted.
pub fn section(meeting: &Meeting, labels: &Labels) -> Option<Section> {
    let language = meeting.header.language;
    let mut blocks = Vec::new();
    for c in &meeting.commitments {
        let lines: Vec<String> = accepted(meeting, c.number)
            .map(|r| line(r, labels, language))
            .collect();
        if lines.is_empty() {
            continue;
        }
        blocks.push(Block::Paragraph(format!(
            "{} {} — {}{}",
            labels.number, c.number, c.title, labels.colon
        )));
        blocks.extend(
            lines
                .into_iter()
                .map(|text| Block::Bullet { level: 0, text }),
        );
    }
    (!blocks.is_empty()).then(|| Section::Point {
        title: labels.received_title.to_owned(),
        blocks,
    })
}
