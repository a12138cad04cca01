//! The words for what validation finds wrong in a meeting: the model says what, this says
//! it in the language of the command line.

use super::messages::{fill, msg};
use crate::model::ProblemKind;

/// The message and the advice for a problem.
pub fn problem(kind: &ProblemKind) -> (String, String) {
    let m = msg();
    let (message, hint) = match kind {
        ProblemKind::TitleEmpty => (m.title_empty.to_owned(), m.title_empty_hint.to_owned()),
        ProblemKind::NoOrganisation => (
            m.no_organisation.to_owned(),
            m.no_organisation_hint.to_owned(),
        ),
        ProblemKind::TwoTables { first } => {
            (m.two_tables.to_owned(), fill(m.two_tables_hint, &[first]))
        }
        ProblemKind::DecisionEmpty => (
            m.decision_empty.to_owned(),
            m.decision_empty_hint.to_owned(),
        ),
        ProblemKind::NumberZero => (m.number_zero.to_owned(), m.number_zero_hint.to_owned()),
        ProblemKind::DuplicateNumber {
            number,
            entry,
            free,
        } => (
            fill(m.duplicate_number, &[number, entry]),
            fill(m.duplicate_number_hint, &[free]),
        ),
        ProblemKind::CommitmentNoTitle { number } => (
            fill(m.commitment_no_title, &[number]),
            m.commitment_no_title_hint.to_owned(),
        ),
        ProblemKind::BadLevel { level } => {
            (fill(m.bad_level, &[level]), m.bad_level_hint.to_owned())
        }
        ProblemKind::UnknownMark { id, known } => (
            fill(m.unknown_mark, &[id]),
            fill(m.use_one_of, &[&known.join(", ")]),
        ),
        ProblemKind::MarkTwice { id } => (fill(m.mark_twice, &[id]), m.mark_twice_hint.to_owned()),
        ProblemKind::MarkNoArgument { id } => (
            fill(m.mark_no_argument, &[id]),
            fill(m.mark_no_argument_hint, &[id]),
        ),
        ProblemKind::MergeItself { number } => (
            fill(m.merge_itself, &[number]),
            m.merge_itself_hint.to_owned(),
        ),
        ProblemKind::MergeMissing { id, number } => (
            fill(m.merge_missing, &[id, number]),
            m.merge_missing_hint.to_owned(),
        ),
        ProblemKind::MarkNeedsText { id, argument } => (
            fill(m.mark_needs_text, &[id, argument]),
            fill(m.mark_needs_text_hint, &[id, argument]),
        ),
        ProblemKind::MarkNeedsNumber { id, argument } => (
            fill(m.mark_needs_number, &[id]),
            fill(m.mark_needs_number_hint, &[id, argument]),
        ),
    };
    (message, hint)
}
