//! Undo and redo as the secretary sees them: the change taken back or done again, said in
//! words ("Undone: mark F on n° 14") and shown where it happened.

use crate::app::history::{Change, Refused, Rest};
use crate::app::screen::Part;
use crate::app::state::App;
use crate::i18n::{Ui, fill};
use crate::model::{Commitment, Decision};

pub fn undo(app: &mut App, back: bool) {
    app.timed(|app| undo_timed(app, back));
}

fn undo_timed(app: &mut App, back: bool) {
    let ui = app.ui();
    let meeting = std::sync::Arc::make_mut(&mut app.meeting);
    let change = if back {
        app.history.undo(meeting)
    } else {
        Ok(app.history.redo(meeting))
    };
    let change = match change {
        Ok(change) => change.cloned(),
        Err(Refused::Behind) => {
            app.message = Some(ui.msg_not_undone_behind.to_owned());
            return;
        }
        Err(Refused::Changed(change, dropped)) => {
            let (what, part) = describe(app, &change);
            app.show_part(part);
            let mut said = fill(ui.msg_not_undone, &[&what]);
            if dropped > 0 {
                said = format!("{said}; {}", fill(ui.msg_not_undone_older, &[&dropped]));
            }
            app.message = Some(said);
            return;
        }
    };
    let Some(change) = change else {
        let nothing = if back {
            ui.msg_nothing_undo
        } else {
            ui.msg_nothing_redo
        };
        app.message = Some(nothing.to_owned());
        return;
    };
    app.revision += 1;
    app.refresh_view();
    let (what, part) = describe(app, &change);
    app.show_part(part);
    if let Some(i) = change.commitment() {
        app.select_commitment(i);
    }
    app.clamp_observation();
    let done = if back { ui.msg_undone } else { ui.msg_redone };
    app.message = Some(fill(done, &[&what]));
}

/// What a change was, in the interface's words, and the part of the meeting it changed.
fn describe(app: &App, change: &Change) -> (String, Part) {
    let ui = app.ui();
    match change {
        Change::Commitment { before, after, .. } => {
            let what = commitment_change(app, before, after);
            (
                fill(ui.change_on, &[&what, &after.number]),
                Part::Commitments,
            )
        }
        Change::Group(changes) => match changes.first() {
            // A written remark merged into an observation.
            _ if changes.iter().any(
                |c| matches!(c, Change::Rest { before, after } if before.remarks != after.remarks),
            ) =>
            {
                (ui.change_remark.to_owned(), Part::Remarks)
            }
            Some(first) => {
                let (_, screen) = describe(app, first);
                (ui.change_moved.to_owned(), screen)
            }
            None => (String::new(), Part::Commitments),
        },
        Change::List { .. } => (ui.change_list.to_owned(), Part::Commitments),
        Change::Rest { before, after } => rest_change(ui, before, after),
    }
}

fn commitment_change(app: &App, before: &Commitment, after: &Commitment) -> String {
    let ui = app.ui();
    let marks_before: Vec<&str> = before.marks.iter().map(|m| m.id.as_str()).collect();
    let marks_after: Vec<&str> = after.marks.iter().map(|m| m.id.as_str()).collect();
    let changed_mark = marks_after
        .iter()
        .find(|id| !marks_before.contains(id))
        .or_else(|| marks_before.iter().find(|id| !marks_after.contains(id)));
    if let Some(id) = changed_mark {
        let key = app.config.marks.get(id).map_or('?', |d| d.key);
        return fill(ui.change_mark, &[&key.to_uppercase()]);
    }
    if before.observations != after.observations {
        ui.change_observation.to_owned()
    } else if before.title != after.title {
        ui.field_title.to_lowercase()
    } else if before.institution != after.institution {
        ui.field_institution.to_lowercase()
    } else if before.summary != after.summary {
        ui.field_summary.to_lowercase()
    } else {
        ui.change_other.to_owned()
    }
}

fn rest_change(ui: &Ui, before: &Rest, after: &Rest) -> (String, Part) {
    if before.remarks != after.remarks {
        (ui.change_remark.to_owned(), Part::Remarks)
    } else if before.participants != after.participants {
        (ui.change_attendance.to_owned(), Part::Participants)
    } else if before.decisions != after.decisions {
        (
            decision_change(ui, &before.decisions, &after.decisions),
            Part::Decisions,
        )
    } else if before.points != after.points || before.header.agenda != after.header.agenda {
        (ui.change_point.to_owned(), Part::Points)
    } else {
        (ui.change_header.to_owned(), Part::Header)
    }
}

/// Which decision changed and how, named by its first words (screen 4 does not number
/// them): "the deadline of the decision “Prolongation du délai”", "a decision added".
fn decision_change(ui: &Ui, before: &[Decision], after: &[Decision]) -> String {
    if before.len() != after.len() {
        return if after.len() > before.len() {
            ui.change_decision_added.to_owned()
        } else {
            ui.change_decision_removed.to_owned()
        };
    }
    let Some((b, a)) = before.iter().zip(after).find(|(b, a)| b != a) else {
        return ui.change_decision.to_owned();
    };
    let what = if b.text != a.text {
        ui.change_decision_text
    } else if (b.deadline, b.until) != (a.deadline, a.until) {
        ui.change_decision_deadline
    } else if b.owner != a.owner {
        ui.change_decision_owner
    } else if b.status != a.status {
        ui.change_decision_status
    } else {
        return ui.change_decision.to_owned();
    };
    let first = a.text.lines().next().unwrap_or_default();
    fill(what, &[&crate::wrap::truncate(first, 40)])
}
