//! The observations pane's own moves: a bullet up or down among its siblings (a bullet
//! takes its sub-bullets with it), moved or copied to another commitment picked with the
//! fuzzy search. All go through the history, so undo takes each back in one step.

use std::ops::Range;

use super::actions::pick_commitment;
use crate::app::state::App;
use crate::i18n::fill;
use crate::keys::Action;
use crate::model::Observation;

/// Whether `action` is one of these moves (then done).
pub fn update(app: &mut App, action: &Action) -> bool {
    match action {
        Action::ObservationUp => shift(app, true),
        Action::ObservationDown => shift(app, false),
        Action::MoveObservation => send(app, true),
        Action::CopyObservation => send(app, false),
        _ => return false,
    }
    true
}

/// The selected observation and, for a bullet, the sub-bullets under it.
fn block(observations: &[Observation], i: usize) -> Range<usize> {
    if observations[i].level > 0 {
        return i..i + 1;
    }
    let end = (i + 1..observations.len())
        .find(|&j| observations[j].level == 0)
        .unwrap_or(observations.len());
    i..end
}

fn shift(app: &mut App, up: bool) {
    let (Some(index), i) = (app.current(), app.obs_selected) else {
        return;
    };
    let observations = &app.meeting.commitments[index].observations;
    if i >= observations.len() {
        return;
    }
    let this = block(observations, i);
    let level = observations[i].level;
    // The neighbouring sibling's block, if any: the same level, within the same parent.
    let other = if up {
        (0..i)
            .rev()
            .take_while(|&k| observations[k].level >= level)
            .find(|&k| observations[k].level == level)
            .map(|k| block(observations, k))
    } else {
        (this.end < observations.len() && observations[this.end].level == level)
            .then(|| block(observations, this.end))
    };
    let Some(other) = other else { return };
    let (first, second) = if up { (other, this) } else { (this, other) };
    let selected = if up {
        first.start
    } else {
        first.start + second.len()
    };
    app.change_commitment(index, |c| {
        let moved: Vec<Observation> = c.observations.drain(second.clone()).collect();
        for (k, o) in moved.into_iter().enumerate() {
            c.observations.insert(first.start + k, o);
        }
    });
    app.obs_selected = selected;
}

/// Moves (or copies) the selected observation to a commitment the secretary picks.
fn send(app: &mut App, moving: bool) {
    let (Some(from), i) = (app.current(), app.obs_selected) else {
        return;
    };
    if i >= app.meeting.commitments[from].observations.len() {
        return;
    }
    let ui = app.ui();
    let title = if moving {
        ui.picker_move_to
    } else {
        ui.picker_copy_to
    };
    let number = app.meeting.commitments[from].number;
    pick_commitment(app, title, Some(from), move |app, to| {
        // The list as it is now: another program may have moved or removed the source.
        let Some(from) = app.meeting.position_of(number) else {
            app.message = Some(fill(app.ui().err_gone, &[&number]));
            return;
        };
        if i >= app.meeting.commitments[from].observations.len() || from == to {
            return;
        }
        let range = block(&app.meeting.commitments[from].observations, i);
        app.change_two(from, to, |a, b| {
            let taken: Vec<Observation> = if moving {
                a.observations.drain(range.clone()).collect()
            } else {
                a.observations[range.clone()].to_vec()
            };
            b.observations.extend(taken);
        });
        app.clamp_observation();
        let number = app.meeting.commitments[to].number;
        let said = if moving {
            app.ui().moved_to
        } else {
            app.ui().copied_to
        };
        app.message = Some(fill(said, &[&number]));
    });
}
