//! The reasoned response to the proposals: for each commitment in the table's order, what
//! the committee decided in one sentence (from its marks) and the observations that justify
//! it, under a short heading and introduction. Built as a record of sections, so every
//! format writes it as it writes the record.

use super::parts::{Block, Options, Record, Section, group_items};
use crate::model::{Commitment, Language, MarkArg, MarkSet, Meeting};

/// The response's words in the record's language.
struct Words {
    kind: &'static str,
    decision: &'static str,
    not_reviewed: &'static str,
    reviewed: &'static str,
    retained: &'static str,
    retained_as: &'static str,
    retitle: &'static str,
    merged: &'static str,
    merged_in: &'static str,
    cancelled: &'static str,
    awaiting_sheet: &'static str,
    awaiting_remarks: &'static str,
    no_remarks: &'static str,
}

const FR: Words = Words {
    kind: "Réponse motivée aux propositions",
    decision: "Décision du comité",
    not_reviewed: "Pas encore examiné par le comité",
    reviewed: "Examiné : voir les observations ci-dessous",
    retained: "Retenu",
    retained_as: "Retenu sous le titre « {} »",
    retitle: "Retenu sous réserve d'un nouveau titre : « {} »",
    merged: "Fusionné avec l'engagement n° {} « {} »",
    merged_in: "l'engagement n° {} « {} » y est fusionné",
    cancelled: "Non retenu : annulé en raison de {}",
    awaiting_sheet: "en attente de sa fiche détaillée",
    awaiting_remarks: "en attente des remarques de la société civile",
    no_remarks: "aucune remarque n'a été reçue",
};

const EN: Words = Words {
    kind: "Reasoned response to the proposals",
    decision: "The committee's decision",
    not_reviewed: "Not yet reviewed by the committee",
    reviewed: "Reviewed: see the observations below",
    retained: "Retained",
    retained_as: "Retained under the title “{}”",
    retitle: "Retained subject to a new title: “{}”",
    merged: "Merged with commitment no. {} “{}”",
    merged_in: "commitment no. {} “{}” is merged into it",
    cancelled: "Not retained: cancelled because of {}",
    awaiting_sheet: "awaiting its detailed sheet",
    awaiting_remarks: "awaiting civil society's remarks",
    no_remarks: "no remarks were received",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// The committee's decision on `c`, in one sentence.
pub fn sentence(c: &Commitment, meeting: &Meeting, language: Language) -> String {
    let w = words(language);
    let arg = |id: &str| c.mark(id).map(|m| m.arg.clone());
    let text = |id: &str| match arg(id) {
        Some(MarkArg::Text(t)) => Some(t),
        _ => None,
    };
    let main = if let Some(reason) = text("cancelled") {
        Some(w.cancelled.replacen("{}", &reason, 1))
    } else if let Some(Some(MarkArg::Commitment(n))) = Some(arg("merge")) {
        let title = meeting
            .commitment_by_number(n)
            .map_or("", |t| t.title.as_str());
        Some(
            w.merged
                .replacen("{}", &n.to_string(), 1)
                .replacen("{}", title, 1),
        )
    } else {
        match (c.mark("retained").is_some(), text("retitle")) {
            (true, Some(t)) => Some(w.retained_as.replacen("{}", &t, 1)),
            (true, None) => Some(w.retained.to_owned()),
            (false, Some(t)) => Some(w.retitle.replacen("{}", &t, 1)),
            (false, None) => None,
        }
    };
    let cancelled = c.mark("cancelled").is_some();
    // "No remarks" is not said of an item whose remark came in writing.
    let came = (meeting.remarks.iter()).any(|r| r.number == c.number && r.taken());
    let waiting: Vec<&str> = [
        ("awaiting-fiche", w.awaiting_sheet),
        ("awaiting-remarks", w.awaiting_remarks),
        ("no-remarks", w.no_remarks),
    ]
    .into_iter()
    .filter(|(id, _)| !cancelled && c.mark(id).is_some())
    .filter(|(id, _)| !(came && *id == crate::model::NO_REMARKS))
    .map(|(_, words)| words)
    .collect();
    // A merge marked on another item is said on this one too.
    let merged_in = (meeting.merging_into(c.number).iter())
        .map(|o| {
            (w.merged_in)
                .replacen("{}", &o.number.to_string(), 1)
                .replacen("{}", &o.title, 1)
        })
        .collect::<Vec<_>>();
    let main = match (main, merged_in.is_empty()) {
        (main, true) => main,
        (Some(main), false) => Some(format!("{main}, {}", merged_in.join(", "))),
        (None, false) => Some(crate::model::dates::capitalize(&merged_in.join(", "))),
    };
    let body = match (main, waiting.is_empty()) {
        (Some(main), true) => main,
        (Some(main), false) => format!("{main}, {}", waiting.join(", ")),
        (None, false) => crate::model::dates::capitalize(&waiting.join(", ")),
        (None, true) if meeting.reviewed(c) => w.reviewed.to_owned(),
        (None, true) => w.not_reviewed.to_owned(),
    };
    format!("{body}.")
}

impl Record {
    /// The reasoned response to every proposal of `meeting`.
    pub fn response(meeting: &Meeting, marks: &MarkSet, export: &Options) -> Record {
        let language = meeting.header.language;
        let w = words(language);
        let mut record = Record::build(meeting, marks, export);
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
                    w.decision,
                    l.colon,
                    sentence(c, meeting, language)
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
        record.kind = t.apply(w.kind);
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
    use crate::model::{Mark, Observation};

    fn with(marks: Vec<Mark>) -> (Commitment, Meeting) {
        let mut meeting = Meeting::default();
        meeting.commitments.push(Commitment {
            number: 9,
            title: "Forums jeunesse".into(),
            ..Commitment::default()
        });
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
        sentence(&c, &meeting, language)
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
            "Retenu sous réserve d'un nouveau titre : « Forums »."
        );
        assert_eq!(
            en(vec![text("retitle", "Forums")]),
            "Retained subject to a new title: “Forums”."
        );
        assert_eq!(
            fr(vec![Mark::new("merge", MarkArg::Commitment(9))]),
            "Fusionné avec l'engagement n° 9 « Forums jeunesse »."
        );
        assert_eq!(
            fr(vec![text("cancelled", "l'absence de lien")]),
            "Non retenu : annulé en raison de l'absence de lien."
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
        meeting.commitments.push(c);
        let nine = &meeting.commitments[0];
        assert_eq!(
            sentence(nine, &meeting, Language::Fr),
            "L'engagement n° 8 « Bénévolat » y est fusionné."
        );
        meeting.commitments[0].marks.push(mark("retained"));
        assert_eq!(
            sentence(&meeting.commitments[0], &meeting, Language::Fr),
            "Retenu, l'engagement n° 8 « Bénévolat » y est fusionné."
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
            "Fusionné avec l'engagement n° 9 « Forums jeunesse », en attente de sa fiche détaillée."
        );
        assert_eq!(
            fr(vec![
                text("cancelled", "doublon"),
                mark("awaiting-fiche"),
                mark("retained")
            ]),
            "Non retenu : annulé en raison de doublon.",
            "a cancellation says it all"
        );
        assert_eq!(
            fr(vec![mark("awaiting-fiche"), mark("awaiting-remarks")]),
            "En attente de sa fiche détaillée, en attente des remarques de la société civile."
        );
        let (mut c, meeting) = with(vec![]);
        c.observations.push(Observation::new("Préciser.", 0));
        assert_eq!(
            sentence(&c, &meeting, Language::Fr),
            "Examiné : voir les observations ci-dessous."
        );
    }
}
