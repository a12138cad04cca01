//! The attendance screen: the roll call, by organisation.

use crate::app::effects::Effects;
use crate::app::layers::Layer;
use crate::app::state::App;
use crate::app::view::attendance_order;
use crate::app::view::step;
use crate::i18n::fill;
use crate::keys::Action;
use crate::model::{Attendance, Participant};

pub fn update(app: &mut App, action: Action) -> Effects {
    let order = attendance_order(&app.meeting);
    let selected = order.get(app.attendance_pos).copied();
    let set = |app: &mut App, attendance: Attendance| {
        if let Some(i) = selected {
            app.change_rest(|m| m.participants[i].attendance = attendance);
            app.attendance_pos = (app.attendance_pos + 1).min(order.len().saturating_sub(1));
        }
    };
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            step(&mut app.attendance_pos, order.len(), &action)
        }
        Action::MarkPresent => set(app, Attendance::Present),
        Action::MarkAbsent => set(app, Attendance::Absent),
        Action::MarkExcused => set(app, Attendance::Excused),
        Action::RepresentedBy => {
            if let Some(i) = selected {
                represented_by(app, i);
            }
        }
        Action::EveryonePresent => app.change_rest(|m| {
            for p in &mut m.participants {
                if p.attendance == Attendance::NotCalled {
                    p.attendance = Attendance::Present;
                }
            }
        }),
        Action::AddParticipant => add_participant(app),
        Action::EditName => {
            if let Some(i) = selected {
                edit_name(app, i);
            }
        }
        Action::EditOrganisation => {
            if let Some(i) = selected {
                let template = app.ui().picker_organisation;
                app.pick_organisation(template, move |app, organization| {
                    app.change_rest(|m| m.participants[i].organization = organization);
                });
            }
        }
        Action::EditEmail => {
            if let Some(i) = selected {
                edit_email(app, i);
            }
        }
        Action::DeleteItem => {
            if let Some(i) = selected {
                let p = &app.meeting.participants[i];
                let gone = match &p.name {
                    Some(name) => format!("{name}, {}", p.organization),
                    None => p.organization.clone(),
                };
                app.change_rest(|m| {
                    m.participants.remove(i);
                });
                app.tell_deleted(&gone);
                app.attendance_pos = app
                    .attendance_pos
                    .min(app.meeting.participants.len().saturating_sub(1));
            }
        }
        _ => {}
    }
    Effects::none()
}

fn represented_by(app: &mut App, participant: usize) {
    let current = app.meeting.participants[participant]
        .represented_by
        .clone()
        .unwrap_or_default();
    let title = app.ui().prompt_represented;
    app.layers
        .push(Layer::ask(title, &current, move |app: &mut App, text| {
            app.change_rest(|m| {
                let p = &mut m.participants[participant];
                p.represented_by = (!text.is_empty()).then_some(text);
                if p.represented_by.is_some() {
                    p.attendance = Attendance::Present;
                }
            });
            Ok(Effects::none())
        }));
}

/// Corrects a participant's name (empty: the organisation alone is named).
fn edit_name(app: &mut App, participant: usize) {
    let current = app.meeting.participants[participant]
        .name
        .clone()
        .unwrap_or_default();
    let title = app.ui().prompt_participant;
    app.layers
        .push(Layer::ask(title, &current, move |app: &mut App, text| {
            let name = text.trim().to_owned();
            app.change_rest(|m| {
                m.participants[participant].name = (!name.is_empty()).then_some(name)
            });
            Ok(Effects::none())
        }));
}

/// The participant's e-mail address: refused, with the reason, unless it is one; empty
/// removes it.
fn edit_email(app: &mut App, participant: usize) {
    let current = app.meeting.participants[participant]
        .email
        .clone()
        .unwrap_or_default();
    let title = app.ui().prompt_email;
    app.layers
        .push(Layer::ask(title, &current, move |app: &mut App, text| {
            let email = text.trim().to_owned();
            if !email.is_empty() && !crate::model::is_email(&email) {
                return Err(fill(app.ui().err_email, &[&email]));
            }
            app.change_rest(|m| {
                m.participants[participant].email = (!email.is_empty()).then_some(email)
            });
            Ok(Effects::none())
        }));
}

/// Asks the name, then the organisation, and adds the participant as present.
fn add_participant(app: &mut App) {
    let title = app.ui().prompt_participant;
    app.layers
        .push(Layer::ask(title, "", |app: &mut App, name| {
            let name = (!name.is_empty()).then_some(name);
            let template = app.ui().picker_organisation;
            app.pick_organisation(template, move |app, organization| {
                add(app, name.clone(), organization)
            });
            Ok(Effects::none())
        }));
}

/// A late arrival joins the list after the last of her organisation (the record lists
/// people in the list's order), or at its end.
fn add(app: &mut App, name: Option<String>, organization: String) {
    let list = &app.meeting.participants;
    let at = list
        .iter()
        .rposition(|p| p.organization == organization)
        .map_or(list.len(), |i| i + 1);
    app.change_rest(|m| {
        m.participants.insert(
            at,
            Participant {
                name,
                organization,
                attendance: Attendance::Present,
                represented_by: None,
                email: None,
            },
        )
    });
    let order = attendance_order(&app.meeting);
    app.attendance_pos = order.iter().position(|&i| i == at).unwrap_or(0);
}
