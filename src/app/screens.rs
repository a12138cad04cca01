//! The actions of the attendance, points, decisions and preview screens.

use super::action::Action;
use super::state::{
    App, Entry, HeaderField, Layer, PickValue, PickerKind, PromptKind, Screen, TextEdit,
    TextTarget, attendance_order, point_entries,
};
use super::update::{open_picker, open_prompt, text_area};
use crate::model::dates::parse_date_in;
use crate::model::{Attendance, Decision, Language, Meeting, Participant, Point};
use crate::store::parse_time;

/// Every organisation the meeting knows, for completion: participants' first, then the
/// proposing institutions.
pub fn organisations(meeting: &Meeting) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let names = meeting
        .participants
        .iter()
        .map(|p| &p.organization)
        .chain(meeting.commitments.iter().map(|c| &c.institution));
    for name in names {
        if !name.is_empty() && !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

/// How many lines a page of the preview scrolls.
const PAGE: usize = 15;

fn step(pos: &mut usize, len: usize, action: &Action) {
    let last = len.saturating_sub(1);
    *pos = match action {
        Action::Next => (*pos + 1).min(last),
        Action::Prev => pos.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageDown => (*pos + PAGE).min(last),
        Action::PageUp => pos.saturating_sub(PAGE),
        _ => *pos,
    };
}

pub fn update(app: &mut App, action: Action) {
    let screen = match action {
        Action::ScreenAttendance => Some(Screen::Attendance),
        Action::ScreenPoints => Some(Screen::Points),
        Action::ScreenReview => Some(Screen::Review),
        Action::ScreenDecisions => Some(Screen::Decisions),
        Action::ScreenPreview => Some(Screen::Preview),
        _ => None,
    };
    if let Some(screen) = screen {
        if screen != Screen::Review {
            // Time counts on a commitment only while it is on screen.
            app.fold_time();
        }
        app.item_since = app.now;
        app.screen = screen;
        return;
    }
    if action == Action::CloseText {
        close_text(app);
        return;
    }
    match app.screen {
        Screen::Attendance => attendance(app, action),
        Screen::Points => points(app, action),
        Screen::Decisions => decisions(app, action),
        Screen::Preview => {
            // The preview clamps the scroll to its length when it draws.
            let mut pos = app.preview_scroll;
            step(&mut pos, usize::MAX / 2, &action);
            if action == Action::Bottom {
                pos = usize::MAX / 2;
            }
            app.preview_scroll = pos;
        }
        Screen::Review => {}
    }
}

fn attendance(app: &mut App, action: Action) {
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
                let current = app.meeting.participants[i].represented_by.clone();
                open_prompt(
                    app,
                    PromptKind::RepresentedBy { participant: i },
                    crate::i18n::ui(app.config.ui_language).prompt_represented,
                    current.as_deref().unwrap_or(""),
                );
            }
        }
        Action::EveryonePresent => app.change_rest(|m| {
            for p in &mut m.participants {
                if p.attendance == Attendance::NotCalled {
                    p.attendance = Attendance::Present;
                }
            }
        }),
        Action::AddParticipant => open_prompt(
            app,
            PromptKind::ParticipantName,
            crate::i18n::ui(app.config.ui_language).prompt_participant,
            "",
        ),
        Action::DeleteItem => {
            if let Some(i) = selected {
                app.change_rest(|m| {
                    m.participants.remove(i);
                });
                app.attendance_pos = app
                    .attendance_pos
                    .min(app.meeting.participants.len().saturating_sub(1));
            }
        }
        _ => {}
    }
}

fn header_value(meeting: &Meeting, field: HeaderField) -> String {
    let h = &meeting.header;
    match field {
        HeaderField::Title => h.title.clone(),
        HeaderField::Date => h.date.format("%Y-%m-%d").to_string(),
        HeaderField::Time => h
            .time
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
        HeaderField::Place => h.place.clone(),
        HeaderField::Language => h.language.code().to_owned(),
        HeaderField::End => h
            .planned_end
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
        HeaderField::Duration => h.planned_minutes.map(|m| m.to_string()).unwrap_or_default(),
        HeaderField::ItemBudget => h
            .item_budget_minutes
            .map(|m| m.to_string())
            .unwrap_or_default(),
    }
}

/// The value of a header field as the points screen shows it.
pub fn header_display(meeting: &Meeting, field: HeaderField) -> String {
    header_value(meeting, field)
}

fn points(app: &mut App, action: Action) {
    let entries = point_entries(&app.meeting);
    let entry = entries.get(app.points_pos).copied();
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            step(&mut app.points_pos, entries.len(), &action)
        }
        Action::EditItem => match entry {
            Some(Entry::Field(field)) => {
                let value = header_value(&app.meeting, field);
                let title = field.label_in(crate::i18n::ui(app.config.ui_language));
                open_prompt(app, PromptKind::Header(field), title, &value);
            }
            Some(Entry::Agenda(i)) => {
                let value = app.meeting.header.agenda[i].clone();
                open_prompt(
                    app,
                    PromptKind::Agenda {
                        edit: Some(i),
                        at: i,
                    },
                    crate::i18n::ui(app.config.ui_language).prompt_agenda,
                    &value,
                );
            }
            Some(Entry::Point(i)) => {
                let point = &app.meeting.points[i];
                let title = point.title.clone();
                let input = text_area(&point.text);
                app.layers.push(Layer::Text(TextEdit {
                    target: TextTarget::Point(i),
                    title,
                    input,
                }));
            }
            Some(Entry::NewAgenda | Entry::NewPoint) => points(app, Action::AddItem),
            None => {}
        },
        Action::RenameItem => {
            if let Some(Entry::Point(i)) = entry {
                let title = app.meeting.points[i].title.clone();
                open_prompt(
                    app,
                    PromptKind::PointTitle {
                        edit: Some(i),
                        at: i,
                    },
                    crate::i18n::ui(app.config.ui_language).prompt_point_title,
                    &title,
                );
            }
        }
        Action::AddItem => match entry {
            Some(Entry::NewPoint) => {
                let at = app.meeting.points.len();
                open_prompt(
                    app,
                    PromptKind::PointTitle { edit: None, at },
                    crate::i18n::ui(app.config.ui_language).prompt_new_point,
                    "",
                )
            }
            Some(Entry::Point(i)) => open_prompt(
                app,
                PromptKind::PointTitle {
                    edit: None,
                    at: i + 1,
                },
                crate::i18n::ui(app.config.ui_language).prompt_new_point,
                "",
            ),
            Some(Entry::Agenda(i)) => open_prompt(
                app,
                PromptKind::Agenda {
                    edit: None,
                    at: i + 1,
                },
                crate::i18n::ui(app.config.ui_language).prompt_new_agenda,
                "",
            ),
            _ => {
                let at = app.meeting.header.agenda.len();
                open_prompt(
                    app,
                    PromptKind::Agenda { edit: None, at },
                    crate::i18n::ui(app.config.ui_language).prompt_new_agenda,
                    "",
                )
            }
        },
        Action::DeleteItem => match entry {
            Some(Entry::Agenda(i)) => app.change_rest(|m| {
                m.header.agenda.remove(i);
            }),
            Some(Entry::Point(i)) => app.change_rest(|m| {
                m.points.remove(i);
            }),
            _ => {}
        },
        Action::MoveItemDown | Action::MoveItemUp => {
            let down = action == Action::MoveItemDown;
            let moved = match entry {
                Some(Entry::Agenda(i)) => swap(app, i, down, |m| &mut m.header.agenda),
                Some(Entry::Point(i)) => swap(app, i, down, |m| &mut m.points),
                _ => false,
            };
            if moved {
                app.points_pos = if down {
                    app.points_pos + 1
                } else {
                    app.points_pos - 1
                };
            }
        }
        Action::SetTable => {
            if let Some(Entry::Point(i)) = entry {
                app.change_rest(|m| {
                    for (j, p) in m.points.iter_mut().enumerate() {
                        p.table = j == i;
                    }
                });
            }
        }
        _ => {}
    }
    let len = point_entries(&app.meeting).len();
    app.points_pos = app.points_pos.min(len.saturating_sub(1));
}

/// Moves the points screen's selection to `entry`.
pub fn select_entry(app: &mut App, entry: Entry) {
    if let Some(pos) = point_entries(&app.meeting).iter().position(|e| *e == entry) {
        app.points_pos = pos;
    }
}

/// Swaps entry `i` with its neighbour below or above; false at the ends of the list.
fn swap<T>(
    app: &mut App,
    i: usize,
    down: bool,
    list: impl Fn(&mut Meeting) -> &mut Vec<T>,
) -> bool {
    let len = list(app.meeting_mut()).len();
    let j = if down { i + 1 } else { i.wrapping_sub(1) };
    if j >= len {
        return false;
    }
    app.change_rest(|m| list(m).swap(i, j));
    true
}

fn decisions(app: &mut App, action: Action) {
    let len = app.meeting.decisions.len();
    let i = app.decisions_pos;
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            step(&mut app.decisions_pos, len, &action)
        }
        Action::AddItem => app.layers.push(Layer::Text(TextEdit {
            target: TextTarget::NewDecision(if len == 0 { 0 } else { i + 1 }),
            title: crate::i18n::ui(app.config.ui_language)
                .text_new_decision
                .to_owned(),
            input: text_area(""),
        })),
        Action::EditItem if i < len => {
            let input = text_area(&app.meeting.decisions[i].text);
            app.layers.push(Layer::Text(TextEdit {
                target: TextTarget::Decision(i),
                title: crate::i18n::ui(app.config.ui_language)
                    .text_decision
                    .to_owned(),
                input,
            }));
        }
        Action::SetDeadline if i < len => {
            let current = app.meeting.decisions[i]
                .deadline
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            open_prompt(
                app,
                PromptKind::Deadline { decision: i },
                crate::i18n::ui(app.config.ui_language).prompt_deadline,
                &current,
            );
        }
        Action::SetOwner if i < len => {
            let entries = organisations(&app.meeting)
                .into_iter()
                .map(|o| (o.clone(), PickValue::Text(o)))
                .collect();
            open_picker(
                app,
                PickerKind::Owner { decision: i },
                crate::i18n::ui(app.config.ui_language).picker_owner,
                entries,
                true,
            );
        }
        Action::DeleteItem if i < len => {
            app.change_rest(|m| {
                m.decisions.remove(i);
            });
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
}

fn close_text(app: &mut App) {
    let Some(Layer::Text(edit)) = app.layers.pop() else {
        return;
    };
    let text = edit.input.lines().join("\n").trim_end().to_owned();
    match edit.target {
        TextTarget::Point(i) => app.change_rest(|m| m.points[i].text = text),
        TextTarget::Decision(i) if !text.trim().is_empty() => {
            app.change_rest(|m| m.decisions[i].text = text)
        }
        TextTarget::Decision(_) => {
            app.message = Some(
                crate::i18n::ui(app.config.ui_language)
                    .err_decision_empty
                    .to_owned(),
            )
        }
        TextTarget::NewDecision(at) if !text.trim().is_empty() => {
            app.change_rest(|m| {
                let at = at.min(m.decisions.len());
                m.decisions.insert(
                    at,
                    Decision {
                        text,
                        ..Decision::default()
                    },
                );
            });
            app.decisions_pos = at;
        }
        TextTarget::NewDecision(_) => {}
    }
}

/// Applies what a prompt of the other screens asked for. On refusal, returns the
/// question's title and the reason, so that the prompt can be asked again.
pub fn confirm_prompt(app: &mut App, kind: PromptKind, text: &str) -> Result<(), (String, String)> {
    let text = text.trim().to_owned();
    let ui = crate::i18n::ui(app.config.ui_language);
    match kind {
        PromptKind::Header(field) => {
            let refuse = |why: &str| Err((field.label_in(ui).to_owned(), why.to_owned()));
            let minutes = |text: &str| -> Result<Option<u32>, ()> {
                if text.is_empty() {
                    Ok(None)
                } else {
                    text.parse().map(Some).map_err(|_| ())
                }
            };
            match field {
                HeaderField::Title if text.is_empty() => {
                    return refuse(ui.err_title_empty);
                }
                HeaderField::Title => app.change_rest(|m| m.header.title = text),
                HeaderField::Date => match parse_date_in(&text, app.config.ui_language) {
                    Ok(date) => app.change_rest(|m| m.header.date = date),
                    Err(why) => return refuse(&why),
                },
                HeaderField::Time | HeaderField::End => {
                    let time = if text.is_empty() {
                        None
                    } else {
                        match parse_time(&text) {
                            Some(t) => Some(t),
                            None => {
                                return refuse(ui.err_time);
                            }
                        }
                    };
                    app.change_rest(|m| {
                        if field == HeaderField::Time {
                            m.header.time = time;
                        } else {
                            m.header.planned_end = time;
                        }
                    });
                }
                HeaderField::Place => app.change_rest(|m| m.header.place = text),
                HeaderField::Language => match Language::from_code(&text) {
                    Some(language) => app.change_rest(|m| m.header.language = language),
                    None => return refuse(ui.err_language),
                },
                HeaderField::Duration | HeaderField::ItemBudget => match minutes(&text) {
                    Ok(value) => app.change_rest(|m| {
                        if field == HeaderField::Duration {
                            m.header.planned_minutes = value;
                        } else {
                            m.header.item_budget_minutes = value;
                        }
                    }),
                    Err(()) => return refuse(ui.err_minutes),
                },
            }
        }
        PromptKind::Agenda { edit, at } => {
            if text.is_empty() {
                if let Some(i) = edit {
                    app.change_rest(|m| {
                        m.header.agenda.remove(i);
                    });
                }
                return Ok(());
            }
            app.change_rest(|m| match edit {
                Some(i) => m.header.agenda[i] = text,
                None => m.header.agenda.insert(at.min(m.header.agenda.len()), text),
            });
            let at = edit.unwrap_or(at).min(app.meeting.header.agenda.len() - 1);
            select_entry(app, Entry::Agenda(at));
        }
        PromptKind::PointTitle { edit, at } => {
            if text.is_empty() {
                return Err((
                    ui.prompt_point_title.to_owned(),
                    ui.err_point_title.to_owned(),
                ));
            }
            app.change_rest(|m| match edit {
                Some(i) => m.points[i].title = text,
                None => m.points.insert(
                    at.min(m.points.len()),
                    Point {
                        title: text,
                        ..Point::default()
                    },
                ),
            });
            let at = edit.unwrap_or(at).min(app.meeting.points.len() - 1);
            select_entry(app, Entry::Point(at));
        }
        PromptKind::ParticipantName => {
            let entries = organisations(&app.meeting)
                .into_iter()
                .map(|o| (o.clone(), PickValue::Text(o)))
                .collect();
            let name = (!text.is_empty()).then_some(text);
            open_picker(
                app,
                PickerKind::Organization { name },
                crate::i18n::ui(app.config.ui_language).picker_organisation,
                entries,
                true,
            );
        }
        PromptKind::RepresentedBy { participant } => app.change_rest(|m| {
            let p = &mut m.participants[participant];
            p.represented_by = (!text.is_empty()).then_some(text);
            if p.represented_by.is_some() {
                p.attendance = Attendance::Present;
            }
        }),
        PromptKind::Deadline { decision } => {
            let deadline = if text.is_empty() {
                None
            } else {
                match parse_date_in(&text, app.config.ui_language) {
                    Ok(date) => Some(date),
                    Err(why) => {
                        let title = crate::i18n::ui(app.config.ui_language).prompt_deadline_short;
                        return Err((title.to_owned(), why));
                    }
                }
            };
            app.change_rest(|m| m.decisions[decision].deadline = deadline);
        }
        PromptKind::Goto | PromptKind::MarkArg { .. } => {}
    }
    Ok(())
}

/// Applies a choice made in a picker of the other screens.
pub fn confirm_pick(app: &mut App, kind: PickerKind, value: PickValue) {
    let PickValue::Text(text) = value else { return };
    if text.is_empty() {
        return;
    }
    match kind {
        PickerKind::Organization { name } => {
            app.change_rest(|m| {
                m.participants.push(Participant {
                    name,
                    organization: text,
                    attendance: Attendance::Present,
                    represented_by: None,
                })
            });
            let order = attendance_order(&app.meeting);
            let last = app.meeting.participants.len() - 1;
            app.attendance_pos = order.iter().position(|&i| i == last).unwrap_or(0);
        }
        PickerKind::Owner { decision } => {
            app.change_rest(|m| m.decisions[decision].owner = Some(text))
        }
        _ => {}
    }
}
