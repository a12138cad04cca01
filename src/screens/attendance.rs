//! Screen 1, the attendance: the roll call, by organisation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::effects::Effects;
use crate::app::layers::Layer;
use crate::app::screen::{Part, Screen};
use crate::app::state::App;
use crate::app::view::attendance_order;
use crate::app::view::step;
use crate::i18n::{Ui, fill};
use crate::keys::{Action, Mode};
use crate::model::{Attendance, Participant};
use crate::ui::context::{Ctx, row_style, scrolled};
use crate::wrap::truncate;

/// The attendance screen.
pub struct AttendanceScreen;

/// Where the roll call stands: the position in `attendance_order`.
#[derive(Default)]
pub struct Roll {
    pub pos: usize,
}

fn pos(app: &App) -> usize {
    app.states.get::<Roll>().map_or(0, |r| r.pos)
}

fn pos_mut(app: &mut App) -> &mut usize {
    &mut app.states.get_mut::<Roll>().pos
}

impl Screen<App> for AttendanceScreen {
    fn name(&self) -> &'static str {
        "attendance"
    }

    fn title(&self, ui: &Ui) -> &'static str {
        ui.screen_attendance
    }

    fn mode(&self, _app: &App) -> Mode {
        Mode::Screen("attendance")
    }

    fn shows(&self) -> &'static [Part] {
        &[Part::Participants]
    }

    fn starts_the_call(&self) -> bool {
        true
    }

    fn init(&self, app: &mut App) {
        app.states.get_mut::<Roll>();
    }

    fn update(&self, app: &mut App, action: Action) -> Effects {
        update(app, action)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx) {
        draw(frame, area, cx)
    }
}

fn update(app: &mut App, action: Action) -> Effects {
    let order = attendance_order(&app.meeting);
    let selected = order.get(pos(app)).copied();
    let set = |app: &mut App, attendance: Attendance| {
        if let Some(i) = selected {
            app.change_rest(|m| m.participants[i].attendance = attendance);
            *pos_mut(app) = (pos(app) + 1).min(order.len().saturating_sub(1));
        }
    };
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            step(pos_mut(app), order.len(), &action)
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
                let last = app.meeting.participants.len().saturating_sub(1);
                *pos_mut(app) = pos(app).min(last);
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
            let name = Participant::written(&text);
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
            let name = Some(Participant::written(&name)).filter(|n| !n.is_empty());
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
    *pos_mut(app) = order.iter().position(|&i| i == at).unwrap_or(0);
}

fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let ui = cx.ui;
    let m = &app.meeting;
    let count = |a: Attendance| m.participants.iter().filter(|p| p.attendance == a).count();
    let title = format!(
        " {} · {} {} · {} {} · {} {} · {} {} ",
        ui.attendance,
        ui.present,
        count(Attendance::Present),
        ui.absent,
        count(Attendance::Absent),
        ui.excused,
        count(Attendance::Excused),
        ui.not_called,
        count(Attendance::NotCalled)
    );
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut last_org: Option<&str> = None;
    let at = self::pos(app);
    for (pos, &i) in attendance_order(m).iter().enumerate() {
        let p = &m.participants[i];
        if last_org != Some(p.organization.as_str()) {
            lines.push(Line::styled(
                truncate(&p.organization, width),
                styles.accent,
            ));
            last_org = Some(&p.organization);
        }
        let (mark, style) = match p.attendance {
            Attendance::Present => (ui.mark_present, styles.ok),
            Attendance::Absent => (ui.mark_absent, styles.error),
            Attendance::Excused => (ui.mark_excused, styles.warning),
            Attendance::NotCalled => (ui.mark_not_called, styles.muted),
        };
        let mut who = p
            .name
            .clone()
            .unwrap_or_else(|| ui.the_organisation.to_owned());
        if let Some(by) = &p.represented_by {
            // The word agrees with the person represented, where the civility says it.
            let word = if p.feminine() {
                ui.represented_by_f
            } else {
                ui.represented_by
            };
            who = format!("{who} — {word} {by}");
        }
        if let Some(email) = &p.email {
            who = format!("{who} ✉ {email}");
        }
        let selected = pos == at;
        if selected {
            selected_line = lines.len();
        }
        let base = row_style(selected, styles);
        lines.push(Line::from(vec![
            Span::styled("  ", base),
            Span::styled(format!("{mark:<13}"), if selected { base } else { style }),
            Span::styled(truncate(&who, width.saturating_sub(15)), base),
        ]));
    }
    if lines.is_empty() {
        let add = app.key(Mode::Screen("attendance"), Action::AddParticipant);
        lines.push(Line::styled(
            fill(ui.no_participants, &[&add]),
            styles.muted,
        ));
    }
    scrolled(frame, area, title, lines, selected_line, styles);
}
