//! The points screen: the meeting's header, the agenda and the discussion points.

use crate::app::effects::Effects;
use crate::app::layers::{Layer, TextTarget};
use crate::app::state::App;
use crate::app::view::{Entry, HeaderField, point_entries, step};
use crate::i18n::fill;
use crate::i18n::parse_date_after;
use crate::keys::{Action, Mode};
use crate::model::{Language, Meeting, Point};
use crate::store::parse_time;

pub fn update(app: &mut App, action: Action) -> Effects {
    let entries = point_entries(&app.meeting);
    let entry = entries.get(app.points_pos).copied();
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            step(&mut app.points_pos, entries.len(), &action)
        }
        Action::EditItem => match entry {
            Some(Entry::Field(field)) => edit_field(app, field),
            Some(Entry::Agenda(i)) => ask_agenda(app, Some(i), i),
            Some(Entry::Point(i)) => edit_text(app, i),
            Some(Entry::NewAgenda | Entry::NewPoint) => return update(app, Action::AddItem),
            None => {}
        },
        Action::RenameItem => {
            if let Some(Entry::Point(i)) = entry {
                ask_point_title(app, Some(i), i);
            }
        }
        Action::AddItem => match entry {
            Some(Entry::NewPoint) => ask_point_title(app, None, app.meeting.points.len()),
            Some(Entry::Point(i)) => ask_point_title(app, None, i + 1),
            Some(Entry::Agenda(i)) => ask_agenda(app, None, i + 1),
            _ => ask_agenda(app, None, app.meeting.header.agenda.len()),
        },
        Action::DeleteItem => {
            let gone = match entry {
                Some(Entry::Agenda(i)) => app.meeting.header.agenda.get(i).cloned(),
                Some(Entry::Point(i)) => app.meeting.points.get(i).map(|p| p.title.clone()),
                _ => None,
            };
            match entry {
                Some(Entry::Agenda(i)) => app.change_rest(|m| {
                    m.header.agenda.remove(i);
                }),
                Some(Entry::Point(i)) => app.change_rest(|m| {
                    m.points.remove(i);
                }),
                _ => {}
            }
            if let Some(gone) = gone {
                app.tell_deleted(&gone);
            }
        }
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
    Effects::none()
}

/// Swaps entry `i` with its neighbour below or above; false at the ends of the list.
pub fn swap<T>(
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

/// Moves the points screen's selection to `entry`.
fn select_entry(app: &mut App, entry: Entry) {
    if let Some(pos) = point_entries(&app.meeting).iter().position(|e| *e == entry) {
        app.points_pos = pos;
    }
}

/// The value of a header field as the points screen shows it and its prompt offers it.
pub fn header_value(meeting: &Meeting, field: HeaderField) -> String {
    let h = &meeting.header;
    let time = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
    let minutes = |m: Option<u32>| m.map(|m| m.to_string());
    match field {
        HeaderField::Title => Some(h.title.clone()),
        HeaderField::Date => Some(h.date.format("%Y-%m-%d").to_string()),
        HeaderField::Time => time(h.time),
        HeaderField::Place => Some(h.place.clone()),
        HeaderField::Language => Some(h.language.code().to_owned()),
        HeaderField::End => time(h.planned_end),
        HeaderField::Duration => minutes(h.planned_minutes),
        HeaderField::ItemBudget => minutes(h.item_budget_minutes),
    }
    .unwrap_or_default()
}

/// The text of discussion point `i`, in the text editor.
pub fn edit_text(app: &mut App, i: usize) {
    let point = &app.meeting.points[i];
    let layer = Layer::write(
        TextTarget::Point(i),
        &point.title,
        &point.text,
        move |app: &mut App, text| {
            app.change_rest(|m| m.points[i].text = text);
            Ok(Effects::none())
        },
    );
    app.layers.push(layer);
}

fn edit_field(app: &mut App, field: HeaderField) {
    let value = header_value(&app.meeting, field);
    let title = field.label_in(app.ui());
    app.layers
        .push(Layer::ask(title, &value, move |app: &mut App, text| {
            set_field(app, field, text).map(|()| Effects::none())
        }));
}

/// Sets a header field from what was typed, or says why it cannot.
fn set_field(app: &mut App, field: HeaderField, text: String) -> Result<(), String> {
    let ui = app.ui();
    let minutes = |text: &str| -> Result<Option<u32>, String> {
        match text {
            "" => Ok(None),
            _ => text
                .parse()
                .map(Some)
                .map_err(|_| ui.err_minutes.to_owned()),
        }
    };
    let time = |text: &str| -> Result<Option<chrono::NaiveTime>, String> {
        match text {
            "" => Ok(None),
            _ => parse_time(text)
                .map(Some)
                .ok_or_else(|| ui.err_time.to_owned()),
        }
    };
    match field {
        HeaderField::Title if text.is_empty() => return Err(ui.err_title_empty.to_owned()),
        HeaderField::Title => app.change_rest(|m| m.header.title = text),
        HeaderField::Date => {
            let date = parse_date_after(&text, app.config.ui_language, app.meeting.header.date)?;
            app.change_rest(|m| m.header.date = date);
        }
        HeaderField::Time => {
            let time = time(&text)?;
            app.change_rest(|m| m.header.time = time);
        }
        HeaderField::End => {
            let time = time(&text)?;
            app.change_rest(|m| m.header.planned_end = time);
        }
        HeaderField::Place => app.change_rest(|m| m.header.place = text),
        HeaderField::Language => {
            let language = Language::from_code(&text).ok_or_else(|| ui.err_language.to_owned())?;
            app.change_rest(|m| m.header.language = language);
        }
        HeaderField::Duration => {
            let value = minutes(&text)?;
            app.change_rest(|m| m.header.planned_minutes = value);
        }
        HeaderField::ItemBudget => {
            let value = minutes(&text)?;
            app.change_rest(|m| m.header.item_budget_minutes = value);
        }
    }
    Ok(())
}

/// Edits agenda item `edit`, or adds one at `at`. An emptied item is removed.
fn ask_agenda(app: &mut App, edit: Option<usize>, at: usize) {
    let ui = app.ui();
    let (title, value) = match edit {
        Some(i) => (ui.prompt_agenda, app.meeting.header.agenda[i].clone()),
        None => (ui.prompt_new_agenda, String::new()),
    };
    app.layers
        .push(Layer::ask(title, &value, move |app: &mut App, text| {
            if text.is_empty() {
                if let Some(i) = edit {
                    app.change_rest(|m| {
                        m.header.agenda.remove(i);
                    });
                }
                return Ok(Effects::none());
            }
            app.change_rest(|m| match edit {
                Some(i) => m.header.agenda[i] = text,
                None => m.header.agenda.insert(at.min(m.header.agenda.len()), text),
            });
            let at = edit.unwrap_or(at).min(app.meeting.header.agenda.len() - 1);
            select_entry(app, Entry::Agenda(at));
            Ok(Effects::none())
        }));
}

/// Renames point `edit`, or adds a point at `at`.
fn ask_point_title(app: &mut App, edit: Option<usize>, at: usize) {
    let ui = app.ui();
    let (title, value) = match edit {
        Some(i) => (ui.prompt_point_title, app.meeting.points[i].title.clone()),
        None => (ui.prompt_new_point, String::new()),
    };
    app.layers
        .push(Layer::ask(title, &value, move |app: &mut App, text| {
            if text.is_empty() {
                let cancel = app.first_key(Mode::Prompt, Action::Cancel);
                return Err(fill(app.ui().err_point_title, &[&cancel]));
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
            Ok(Effects::none())
        }));
}
