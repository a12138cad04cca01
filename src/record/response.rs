//! The reasoned response to the proposals: for each commitment in the table's order, what
//! the committee decided in one sentence (from its marks) and the observations that justify
//! it, under a short heading and introduction. Built as a record of sections, so every
//! format writes it as it writes the record.

use super::parts::{Block, Marks, Options, Record, Section, group_items};
use crate::model::{Commitment, Language, Mark, MarkDef, MarkSet, Meeting};

/// The committee's decision on `c`, in one sentence, from what its marks say in the
/// response (each mark's `response` in the configuration): the decision of the first mark
/// that makes one (a new title's last, or folded into another's `titled`), the clauses of
/// the marks still pending unless the decision stands alone, and what marks on other items
/// say of this one (`pointing`, the marks of other items naming each item).
pub fn sentence(
    c: &Commitment,
    meeting: &Meeting,
    (marks, pointing): Marks,
    language: Language,
) -> String {
    let l = crate::i18n::Labels::of(language);
    let body = decided(c, meeting, (marks, pointing), language).unwrap_or_else(|| {
        match meeting.reviewed(c) {
            true => l.reviewed.to_owned(),
            false => l.not_reviewed.to_owned(),
        }
    });
    format!("{body}.")
}

/// The numbers of the commitments the committee decided nothing on (no mark decides or
/// waits for anything): their response says so, and the secretary is told before sending.
pub fn undecided(meeting: &Meeting, marks: &MarkSet) -> Vec<u32> {
    let pointing = marks.pointing(meeting);
    let language = meeting.header.language;
    (meeting.commitments.iter())
        .filter(|c| decided(c, meeting, (marks, &pointing), language).is_none())
        .map(|c| c.number)
        .collect()
}

/// What the marks decide of `c` and what it waits for, without the full stop; none when
/// they say nothing.
fn decided(
    c: &Commitment,
    meeting: &Meeting,
    (marks, pointing): Marks,
    language: Language,
) -> Option<String> {
    let carried = |d: &'_ MarkDef| c.mark(&d.id).filter(|m| marks.stands(m, c, meeting));
    let said = |text, m: &Mark| marks.said(text, m, meeting, language);
    let title = marks.title_mark(c);
    let (others, titles): (Vec<&MarkDef>, Vec<&MarkDef>) =
        marks.defs.iter().partition(|d| !marks.is_title(&d.id));
    let decider = (others.into_iter().chain(titles))
        .filter_map(|d| Some((d, carried(d)?)))
        .find_map(|(d, m)| Some((d, m, said(&d.response.decision, m)?)));
    let alone = decider.as_ref().is_some_and(|(d, ..)| d.response.alone);
    let main = decider.map(|(d, m, decision)| match title.filter(|t| t.id != m.id) {
        Some(t) => said_titled(marks, d, t, meeting, language).unwrap_or(decision),
        None => decision,
    });
    let pending: Vec<String> = (marks.defs.iter())
        .filter(|_| !alone)
        .filter_map(|d| said(&d.response.pending, carried(d)?))
        .collect();
    // A mark on another item that names this one (a merge) is said here too.
    let pointing = pointing.get(&c.number).map_or(&[][..], Vec::as_slice);
    let on_target: Vec<String> = (pointing.iter())
        .filter_map(|m| said(&marks.get(&m.id)?.response.on_target, m))
        .collect();
    let main = match (main, on_target.is_empty()) {
        (main, true) => main,
        (Some(main), false) => Some(format!("{main}, {}", on_target.join(", "))),
        (None, false) => Some(crate::model::dates::capitalize(&on_target.join(", "))),
    };
    match (main, pending.is_empty()) {
        (Some(main), true) => Some(main),
        (Some(main), false) => Some(format!("{main}, {}", pending.join(", "))),
        (None, false) => Some(crate::model::dates::capitalize(&pending.join(", "))),
        (None, true) => None,
    }
}

/// `def`'s decision when the item also carries a new title (mark `title`), the title filled in.
fn said_titled(
    marks: &MarkSet,
    def: &MarkDef,
    title: &Mark,
    meeting: &Meeting,
    language: Language,
) -> Option<String> {
    marks.said(&def.response.titled, title, meeting, language)
}

impl Record {
    /// The reasoned response to every proposal of `meeting`.
    pub fn response(meeting: &Meeting, marks: &MarkSet, export: &Options) -> Record {
        let language = meeting.header.language;
        let mut record = Record::build(meeting, marks, export);
        let pointing = marks.pointing(meeting);
        let l = &record.labels;
        let t = record.typography;
        let mut sections = Vec::new();
        for (c, row) in meeting.commitments.iter().zip(record.rows()) {
            let mut title = format!("{} {} — {}", l.number, c.number, c.title);
            if let Some(new_title) = &row.new_title {
                title = format!("{title} (→ {new_title})");
            }
            let mut blocks = vec![
                Block::Paragraph(c.institution.clone()),
                Block::Paragraph(format!(
                    "{}{} {}",
                    l.response_decision,
                    l.colon,
                    sentence(c, meeting, (marks, &pointing), language)
                )),
            ];
            // What was said, without the marks' sentences: the decision says them; and the
            // remarks accepted in writing, as the record has them.
            let mut said: Vec<super::parts::Item> = c
                .observations
                .iter()
                .map(|o| super::parts::Item {
                    level: o.level,
                    text: o.text.clone(),
                })
                .collect();
            said.extend(super::remarks::items(meeting, c.number, l));
            for (item, subs) in group_items(&said) {
                if let Some(item) = item {
                    blocks.push(Block::Bullet {
                        level: 0,
                        text: item.text.clone(),
                    });
                }
                for sub in subs {
                    blocks.push(Block::Bullet {
                        level: 1,
                        text: sub.text.clone(),
                    });
                }
            }
            for b in &mut blocks {
                let (Block::Paragraph(text)
                | Block::Bullet { text, .. }
                | Block::Numbered { text, .. }) = b;
                *text = t.apply(text);
            }
            sections.push(Section::Point {
                title: t.apply(&title),
                blocks,
            });
        }
        let date = crate::model::dates::long_date_inline(meeting.header.date, language);
        let opening = export.response_intro.get(language).replace("{date}", &date);
        record.kind = t.apply(l.response);
        record.opening = Some(t.apply(&opening)).filter(|o| !o.is_empty());
        record.without_front();
        record.decisions.clear();
        record.followed.clear();
        record.sections = sections;
        record.plain_sections = true;
        record
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MarkArg, Observation};

    /// The decision on `c`, the marks naming each item found for the whole meeting.
    fn sentence(c: &Commitment, meeting: &Meeting, marks: &MarkSet, language: Language) -> String {
        super::sentence(c, meeting, (marks, &marks.pointing(meeting)), language)
    }

    fn builtin() -> MarkSet {
        crate::config::Config::builtin().marks
    }

    fn with(marks: Vec<Mark>) -> (Commitment, Meeting) {
        let mut meeting = Meeting::default();
        meeting.commitments.push(std::sync::Arc::new(Commitment {
            number: 9,
            title: "Forums jeunesse".into(),
            ..Commitment::default()
        }));
        let c = Commitment {
            number: 8,
            title: "Bénévolat".into(),
            marks,
            ..Commitment::default()
        };
        (c, meeting)
    }

    fn says(marks: Vec<Mark>, language: Language) -> String {
        let (c, meeting) = with(marks);
        sentence(&c, &meeting, &builtin(), language)
    }

    fn mark(id: &str) -> Mark {
        Mark::new(id, MarkArg::None)
    }

    fn text(id: &str, t: &str) -> Mark {
        Mark::new(id, MarkArg::Text(t.into()))
    }

    #[test]
    fn every_mark_gives_its_sentence_in_french_and_english() {
        let fr = |marks| says(marks, Language::Fr);
        let en = |marks| says(marks, Language::En);
        assert_eq!(fr(vec![]), "Pas encore examiné par le comité.");
        assert_eq!(en(vec![]), "Not yet reviewed by the committee.");
        assert_eq!(fr(vec![mark("retained")]), "Retenu.");
        assert_eq!(
            fr(vec![text("retitle", "Forums")]),
            "Nouveau titre proposé « Forums »."
        );
        assert_eq!(
            en(vec![text("retitle", "Forums")]),
            "New title proposed “Forums”."
        );
        assert_eq!(
            fr(vec![Mark::new("merge", MarkArg::Commitment(9))]),
            "Fusion proposée avec l'engagement n° 9 « Forums jeunesse »."
        );
        assert_eq!(
            fr(vec![text("cancelled", "l'absence de lien")]),
            "Non retenu, annulé en raison de l'absence de lien."
        );
        assert_eq!(
            fr(vec![mark("awaiting-fiche")]),
            "En attente de sa fiche détaillée."
        );
        assert_eq!(
            fr(vec![mark("awaiting-remarks")]),
            "En attente des remarques de la société civile."
        );
        assert_eq!(en(vec![mark("no-remarks")]), "No remarks were received.");
    }

    #[test]
    fn a_merge_is_said_on_both_items() {
        let (c, mut meeting) = with(vec![Mark::new("merge", MarkArg::Commitment(9))]);
        meeting.commitments.push(std::sync::Arc::new(c));
        let nine = &meeting.commitments[0];
        assert_eq!(
            sentence(nine, &meeting, &builtin(), Language::Fr),
            "Fusion proposée avec l'engagement n° 8 « Bénévolat »."
        );
        std::sync::Arc::make_mut(&mut meeting.commitments[0])
            .marks
            .push(mark("retained"));
        assert_eq!(
            sentence(&meeting.commitments[0], &meeting, &builtin(), Language::Fr),
            "Retenu, fusion proposée avec l'engagement n° 8 « Bénévolat »."
        );
    }

    #[test]
    fn several_marks_make_one_clear_sentence() {
        let fr = |marks| says(marks, Language::Fr);
        assert_eq!(
            fr(vec![
                mark("retained"),
                text("retitle", "Forums"),
                mark("awaiting-fiche")
            ]),
            "Retenu sous le titre « Forums », en attente de sa fiche détaillée."
        );
        assert_eq!(
            fr(vec![
                Mark::new("merge", MarkArg::Commitment(9)),
                mark("awaiting-fiche")
            ]),
            "Fusion proposée avec l'engagement n° 9 « Forums jeunesse », en attente de sa fiche détaillée."
        );
        assert_eq!(
            fr(vec![
                text("cancelled", "doublon"),
                mark("awaiting-fiche"),
                mark("retained")
            ]),
            "Non retenu, annulé en raison de doublon.",
            "a cancellation says it all"
        );
        assert_eq!(
            fr(vec![mark("awaiting-fiche"), mark("awaiting-remarks")]),
            "En attente de sa fiche détaillée, en attente des remarques de la société civile."
        );
        let (mut c, meeting) = with(vec![]);
        c.observations.push(Observation::new("Préciser.", 0));
        assert_eq!(
            sentence(&c, &meeting, &builtin(), Language::Fr),
            "Pas de décision, le comité a fait les observations ci-dessous."
        );
    }
}
