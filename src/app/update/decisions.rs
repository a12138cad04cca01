//! The decisions screen ("Points arrêtés"): text, deadline, owner, order.

use crate::app::effects::Effects;
use crate::app::layers::{Layer, TextTarget};
use crate::app::state::App;
use crate::app::update::points::swap;
use crate::i18n::fill;
use crate::i18n::parse_date_after;
use crate::keys::{Action, Mode};
use crate::model::Decision;

pub fn update(app: &mut App, action: Action) -> Effects {
    let len = app.meeting.decisions.len();
    let i = app.decisions_pos;
    if super::follow::update(app, &action, i) {
        return Effects::none();
    }
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            super::follow::step(app, &action);
        }
        Action::AddItem => add(app, if len == 0 { 0 } else { i + 1 }),
        Action::EditItem if i < len => edit(app, i),
        Action::SetDeadline if i < len => deadline(app, i),
        Action::SetOwner if i < len => owner(app, i),
        Action::DeleteItem if i < len => {
            let gone = app.meeting.decisions[i].text.clone();
            app.change_rest(|m| {
                m.decisions.remove(i);
            });
            app.tell_deleted(&gone);
            app.decisions_pos = i.min(len.saturating_sub(2));
        }
        Action::MoveItemDown | Action::MoveItemUp if i < len => {
            let down = action == Action::MoveItemDown;
            if swap(app, i, down, |m| &mut m.decisions) {
                app.decisions_pos = if down { i + 1 } else { i - 1 };
            }
        }
        _ => {}
    }
    Effects::none()
}

/// A new decision, to go at position `at` once it has text.
pub fn add(app: &mut App, at: usize) {
    let title = app.ui().text_new_decision;
    let layer = Layer::write(
        TextTarget::NewDecision(at),
        title,
        "",
        move |app: &mut App, text| {
            if !text.trim().is_empty() {
                app.change_rest(|m| {
                    let decision = Decision {
                        text,
                        ..Decision::default()
                    };
                    m.decisions.insert(at.min(m.decisions.len()), decision);
                });
                app.decisions_pos = at;
            }
            Ok(Effects::none())
        },
    );
    app.layers.push(layer);
}

/// The text of decision `i`, in the text editor. It cannot be emptied.
pub fn edit(app: &mut App, i: usize) {
    let title = app.ui().text_decision;
    let text = app.meeting.decisions[i].text.clone();
    let layer = Layer::write(
        TextTarget::Decision(i),
        title,
        &text,
        move |app: &mut App, text| {
            if text.trim().is_empty() {
                let delete = app.key(Mode::Decisions, Action::DeleteItem);
                app.message = Some(fill(app.ui().err_decision_empty, &[&delete]));
            } else {
                app.change_rest(|m| m.decisions[i].text = text);
            }
            Ok(Effects::none())
        },
    );
    app.layers.push(layer);
}

fn deadline(app: &mut App, i: usize) {
    let current = app.meeting.decisions[i]
        .deadline
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let title = app.ui().prompt_deadline;
    app.layers
        .push(Layer::ask(title, &current, move |app: &mut App, text| {
            let deadline = match text.as_str() {
                "" => None,
                _ => Some(parse_date_after(
                    &text,
                    app.config.ui_language,
                    app.meeting.header.date,
                )?),
            };
            app.change_rest(|m| m.decisions[i].deadline = deadline);
            Ok(Effects::none())
        }));
}

fn owner(app: &mut App, i: usize) {
    let template = app.ui().picker_owner;
    app.pick_organisation(template, move |app, owner| {
        app.change_rest(|m| m.decisions[i].owner = Some(owner))
    });
}

pub use super::follow::visible;
