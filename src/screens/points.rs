//! Screen 2, the points: the meeting's header, the agenda and the discussion points.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::effects::Effects;
use crate::app::layers::{Layer, TextTarget};
use crate::app::screen::{Part, Screen};
use crate::app::state::App;
use crate::app::view::{Entry, HeaderField, point_entries, step};
use crate::i18n::parse_date_after;
use crate::i18n::{Ui, fill};
use crate::keys::{Action, Mode};
use crate::model::{Language, Meeting, Point};
use crate::record::{Block as TextBlock, parse_blocks};
use crate::store::journal::PendingKind;
use crate::store::parse_time;
use crate::ui::context::{Ctx, row_style, scrolled};
use crate::wrap::truncate;

/// The points screen.
pub struct Points;

/// The selected line: its position in `point_entries`.
#[derive(Default)]
pub struct Lines {
    pub pos: usize,
}

fn pos(app: &App) -> usize {
    app.states.get::<Lines>().map_or(0, |l| l.pos)
}

fn pos_mut(app: &mut App) -> &mut usize {
    &mut app.states.get_mut::<Lines>().pos
}

impl Screen<App> for Points {
    fn name(&self) -> &'static str {
        "points"
    }

    fn title(&self, ui: &Ui) -> &'static str {
        ui.screen_points
    }

    fn mode(&self, _app: &App) -> Mode {
        Mode::Screen("points")
    }

    fn shows(&self) -> &'static [Part] {
        &[Part::Points, Part::Header]
    }

    fn init(&self, app: &mut App) {
        app.states.get_mut::<Lines>();
    }

    fn reopen(&self, app: &mut App, kind: PendingKind, index: Option<usize>) -> bool {
        match (kind, index) {
            (PendingKind::Point, Some(i)) if i < app.meeting.points.len() => edit_text(app, i),
            _ => return false,
        }
        true
    }

    fn update(&self, app: &mut App, action: Action) -> Effects {
        update(app, action)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx) {
        draw(frame, area, cx)
    }
}

fn update(app: &mut App, action: Action) -> Effects {
    let entries = point_entries(&app.meeting);
    let entry = entries.get(pos(app)).copied();
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            step(pos_mut(app), entries.len(), &action)
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
                let at = pos(app);
                *pos_mut(app) = if down { at + 1 } else { at - 1 };
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
    *pos_mut(app) = pos(app).min(len.saturating_sub(1));
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
        *pos_mut(app) = pos;
    }
}

/// The value of a header field as the points screen shows it and its prompt offers it.
fn header_value(meeting: &Meeting, field: HeaderField) -> String {
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
fn edit_text(app: &mut App, i: usize) {
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

fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles) = (cx.app, &cx.styles);
    let ui = cx.ui;
    let m = &app.meeting;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut section = "";
    let at = self::pos(app);
    for (pos, entry) in point_entries(m).into_iter().enumerate() {
        let heading = match entry {
            Entry::Field(_) => ui.meeting,
            Entry::Agenda(_) | Entry::NewAgenda => ui.agenda,
            Entry::Point(_) | Entry::NewPoint => ui.points_discussed,
        };
        if heading != section {
            if !section.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(heading, styles.accent));
            section = heading;
        }
        let selected = pos == at;
        if selected {
            selected_line = lines.len();
        }
        let base = row_style(selected, styles);
        let text = match entry {
            Entry::Field(field) => {
                let value = header_value(m, field);
                format!(
                    "  {:<24}{}",
                    field.label_in(ui),
                    if value.is_empty() {
                        "—".to_owned()
                    } else {
                        value
                    }
                )
            }
            Entry::Agenda(i) => format!("  • {}", m.header.agenda[i]),
            Entry::NewAgenda => ui.add_agenda.to_owned(),
            Entry::NewPoint => ui.add_point.to_owned(),
            Entry::Point(i) => {
                let p = &m.points[i];
                let table = if p.table { ui.table_here } else { "" };
                format!("  {}{table}", p.title)
            }
        };
        let style = match entry {
            Entry::NewAgenda | Entry::NewPoint if !selected => styles.muted,
            _ => base,
        };
        lines.push(Line::styled(truncate(&text, width), style));
        if let Entry::Point(i) = entry {
            point_text(&mut lines, &m.points[i].text, selected, width, cx);
        }
    }
    if m.header.agenda.is_empty() {
        let add = app.key(Mode::Screen("points"), Action::AddItem);
        lines.push(Line::styled(fill(ui.no_agenda, &[&add]), styles.muted));
    }
    scrolled(
        frame,
        area,
        ui.agenda_and_points.to_owned(),
        lines,
        selected_line,
        styles,
    );
}

/// A point's text under its title: the selected point's every line, wrapped; the others'
/// first three, cut, and how many more there are.
fn point_text(lines: &mut Vec<Line>, text: &str, selected: bool, width: usize, cx: &Ctx) {
    let blocks = parse_blocks(text);
    let shown = if selected { blocks.len() } else { 3 };
    for b in blocks.iter().take(shown) {
        let (lead, rest, t) = match b {
            TextBlock::Paragraph(t) => ("      ".to_owned(), "      ", t.as_str()),
            TextBlock::Bullet { level: 0, text } => {
                ("      • ".to_owned(), "        ", text.as_str())
            }
            TextBlock::Bullet { text, .. } => {
                ("          o ".to_owned(), "            ", text.as_str())
            }
            TextBlock::Numbered { number, text } => {
                (format!("      {number}. "), "         ", text.as_str())
            }
        };
        if !selected {
            lines.push(Line::styled(
                truncate(&format!("{lead}{t}"), width),
                cx.styles.muted,
            ));
            continue;
        }
        let room = width.saturating_sub(crate::wrap::width(&lead)).max(1);
        for (k, part) in crate::wrap::wrap(t, room).into_iter().enumerate() {
            let head = if k == 0 { lead.as_str() } else { rest };
            lines.push(Line::styled(format!("{head}{part}"), cx.styles.muted));
        }
    }
    if blocks.len() > shown {
        let more = fill(cx.ui.more_lines, &[&(blocks.len() - shown)]);
        lines.push(Line::styled(format!("      {more}"), cx.styles.muted));
    }
}
