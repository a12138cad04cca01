//! The remarks form: the table of commitments with what the committee said and an empty
//! column for each member's written remarks, sent with the minutes and read back by
//! `copil remarks import`.

use chrono::NaiveDate;

use super::parts::{Options, Record, Row};
use crate::model::dates::long_date_inline;
use crate::model::{MarkSet, Meeting};

pub struct Form {
    /// The record it is cut from: its title, date, labels and rows.
    pub record: Record,
    /// "Merci d'écrire vos remarques … avant le lundi 26 février 2024."
    pub instructions: String,
    /// The organisations a member picks from.
    pub organisations: Vec<String>,
}

impl Form {
    /// The form for the whole list, or for `institution`'s commitments only.
    pub fn build(
        meeting: &Meeting,
        (marks, export): (&MarkSet, &Options),
        institution: Option<&str>,
        deadline: Option<NaiveDate>,
    ) -> Form {
        let mut part = meeting.clone();
        if let Some(institution) = institution {
            part.commitments.retain(|c| c.institution == institution);
        }
        let mut record = Record::build(&part, marks, export);
        let l = &record.labels;
        let t = record.typography;
        let by = deadline
            .map(|date| {
                l.form_by
                    .replace("{}", &long_date_inline(date, meeting.header.language))
            })
            .unwrap_or_default();
        let instructions = format!("{}{by}.", l.form_ask);
        record.kind = t.apply(l.form);
        if let Some(institution) = institution {
            record.kind = t.apply(&format!("{} — {institution}", l.form));
        }
        Form {
            instructions: t.apply(&instructions),
            organisations: meeting
                .organisations()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            record,
        }
    }

    /// The rows, each with the title it goes by (the new one when retitled).
    pub fn rows(&self) -> impl Iterator<Item = (&Row, &str)> {
        self.record
            .rows()
            .map(|r| (r, r.new_title.as_deref().unwrap_or(&r.title)))
    }
}
