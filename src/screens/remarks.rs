//! Screen 6, the remarks received in writing, grouped by commitment in the table's order,
//! each with its author, the date it came and its file (rejected ones dimmed with their
//! reason): accept one (it joins its commitment's observations in the record), edit then
//! accept, merge it into an existing observation, or reject it with an optional reason.
//! Every action goes through the history.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::effects::Effects;
use crate::app::layers::{Choice, Layer};
use crate::app::screen::{Part, Screen};
use crate::app::state::App;
use crate::app::view::step;
use crate::i18n::{Ui, fill};
use crate::keys::{Action, Mode};
use crate::model::{Meeting, RemarkState};
use crate::ui::context::{Ctx, row_style, scrolled};
use crate::wrap::{truncate, wrap};

/// The remarks screen.
pub struct Remarks;

/// The selected remark, in the screen's order.
#[derive(Default)]
pub struct Selected {
    pub pos: usize,
}

fn pos(app: &App) -> usize {
    app.states.get::<Selected>().map_or(0, |s| s.pos)
}

fn pos_mut(app: &mut App) -> &mut usize {
    &mut app.states.get_mut::<Selected>().pos
}

impl Screen<App> for Remarks {
    fn name(&self) -> &'static str {
        "remarks"
    }

    fn title(&self, ui: &Ui) -> &'static str {
        ui.screen_remarks
    }

    fn mode(&self, _app: &App) -> Mode {
        Mode::Screen("remarks")
    }

    fn shows(&self) -> &'static [Part] {
        &[Part::Remarks]
    }

    fn init(&self, app: &mut App) {
        app.states.get_mut::<Selected>();
    }

    fn update(&self, app: &mut App, action: Action) -> Effects {
        update(app, action)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx) {
        draw(frame, area, cx)
    }
}

/// The remarks in the screen's order: by commitment in the table's order (remarks for a
/// number no longer in the list last), in the order they came within a commitment.
pub fn order(meeting: &Meeting) -> Vec<usize> {
    let places: std::collections::HashMap<u32, usize> = (meeting.commitments.iter())
        .enumerate()
        .map(|(i, c)| (c.number, i))
        .collect();
    let rank = |number: u32| places.get(&number).copied().unwrap_or(usize::MAX);
    let mut order: Vec<usize> = (0..meeting.remarks.len()).collect();
    order.sort_by_cached_key(|&i| (rank(meeting.remarks[i].number), i));
    order
}

fn update(app: &mut App, action: Action) -> Effects {
    let order = order(&app.meeting);
    let len = order.len();
    let Some(&index) = order.get(pos(app).min(len.saturating_sub(1))) else {
        return Effects::none();
    };
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            step(pos_mut(app), len, &action);
        }
        Action::AcceptRemark => {
            settle(app, index, RemarkState::Accepted);
            offer_to_drop_marks(app, index);
        }
        Action::EditItem => edit(app, index),
        Action::RejectRemark => reject(app, index),
        Action::MergeRemark => merge(app, index),
        Action::RemarkReceived => received(app, index),
        _ => {}
    }
    Effects::none()
}

/// Sets the remark's state, then goes to the next one still to review.
fn settle(app: &mut App, index: usize, state: RemarkState) {
    app.change_rest(|m| m.remarks[index].state = state);
    // A remark taken in reviews its item: the counts follow.
    app.refresh_view();
    let order = order(&app.meeting);
    let here = order.iter().position(|&i| i == index).unwrap_or(0);
    let next = order
        .iter()
        .enumerate()
        .skip(here + 1)
        .chain(order.iter().enumerate().take(here))
        .find(|(_, i)| app.meeting.remarks[**i].state == RemarkState::Pending);
    if let Some((pos, _)) = next {
        *pos_mut(app) = pos;
    }
}

/// A remark came for an item marked "no remarks" or "awaiting remarks": the secretary is
/// asked whether to remove the mark (Enter: yes), so that the record does not contradict
/// itself.
fn offer_to_drop_marks(app: &mut App, index: usize) {
    let number = app.meeting.remarks[index].number;
    let Some(c) = app.meeting.commitment_by_number(number) else {
        return;
    };
    let settled: Vec<&crate::model::Mark> = (c.marks.iter())
        .filter(|m| app.config.marks.settled_by_remark(&m.id))
        .collect();
    let Some(first) = settled.first() else {
        return;
    };
    let label = (app.config.marks).label(first, &app.meeting, app.config.ui_language);
    let settled: Vec<String> = settled.iter().map(|m| m.id.clone()).collect();
    let question = fill(app.ui().confirm_drop_mark, &[&number, &label]);
    let what = fill(app.ui().quoted, &[&c.title]);
    app.layers.push(Layer::confirm_yes(
        &question,
        what,
        move |app: &mut App, yes| {
            match (yes, app.meeting.position_of(number)) {
                (true, Some(at)) => {
                    app.change_commitment(at, |c| c.marks.retain(|m| !settled.contains(&m.id)));
                }
                _ => app.message = Some(fill(app.ui().msg_mark_kept, &[&number])),
            }
            Ok(Effects::none())
        },
    ));
}

/// The day typed, if it falls between the meeting and `today` (a remark answers the meeting
/// and comes before now); else why not, in `language`.
pub fn received_in_range(
    text: &str,
    meeting: &Meeting,
    today: chrono::NaiveDate,
    language: crate::model::Language,
) -> Result<chrono::NaiveDate, String> {
    use crate::model::dates::long_date_inline;
    let day = crate::i18n::parse_date(text, language)?;
    let words = crate::i18n::ui(language);
    let held = meeting.header.date;
    if day < held {
        let when = long_date_inline(held, language);
        return Err(fill(words.err_received_before, &[&when]));
    }
    if day > today {
        return Err(words.err_received_future.to_owned());
    }
    Ok(day)
}

/// The day the remark was received, corrected (a form's own date may be a later save).
fn received(app: &mut App, index: usize) {
    let current = app.meeting.remarks[index].received.format("%d/%m/%Y");
    let title = app.ui().prompt_received;
    app.layers.push(Layer::ask(
        title,
        &current.to_string(),
        move |app: &mut App, text| {
            let today = app.wall_now().date();
            let day = received_in_range(&text, &app.meeting, today, app.config.ui_language)?;
            app.change_rest(|m| m.remarks[index].received = day);
            Ok(Effects::none())
        },
    ));
}

/// The remark's text, corrected, then accepted.
fn edit(app: &mut App, index: usize) {
    let text = app.meeting.remarks[index].text.replace('\n', " ");
    let layer = Layer::ask(app.ui().text_remark, &text, move |app: &mut App, text| {
        let text = text.trim().to_owned();
        if !text.is_empty() {
            app.change_rest(|m| m.remarks[index].text = text);
            settle(app, index, RemarkState::Accepted);
            offer_to_drop_marks(app, index);
        }
        Ok(Effects::none())
    });
    app.layers.push(layer);
}

/// Rejected, with the reason typed (none when left empty).
fn reject(app: &mut App, index: usize) {
    let layer = Layer::ask(app.ui().prompt_reject, "", move |app: &mut App, reason| {
        let reason = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
        settle(app, index, RemarkState::Rejected(reason));
        Ok(Effects::none())
    });
    app.layers.push(layer);
}

/// Into one of the commitment's observations, picked by its words: the observation gets the
/// remark's text after its own, with the organisation, and the remark is marked merged.
fn merge(app: &mut App, index: usize) {
    let number = app.meeting.remarks[index].number;
    let Some(at) = app.meeting.position_of(number) else {
        return;
    };
    let items: Vec<String> = app.meeting.commitments[at]
        .observations
        .iter()
        .map(|o| o.text.clone())
        .collect();
    if items.is_empty() {
        app.message = Some(fill(app.ui().no_observation_to_merge, &[&number]));
        return;
    }
    let title = app.ui().pick_observation;
    let layer = Layer::choose(title, items, false, move |app: &mut App, choice| {
        let Choice::Entry(o) = choice else {
            return Ok(Effects::none());
        };
        let remark = app.meeting.remarks[index].clone();
        // As the record says an accepted remark: with its organisation and its date, after
        // the observation's own sentence closed.
        let said = crate::record::remarks::said(&remark, app.meeting.header.language);
        app.change_commitment_and_rest(
            at,
            |c| {
                let observation = &mut c.observations[o];
                let own = observation.text.trim_end();
                let closed = own.ends_with(['.', '!', '?', '…', ':', ';']);
                let stop = if closed { "" } else { "." };
                observation.text = format!("{own}{stop} {said}");
            },
            |m| m.remarks[index].state = RemarkState::Merged,
        );
        settle(app, index, RemarkState::Merged);
        offer_to_drop_marks(app, index);
        Ok(Effects::none())
    });
    app.layers.push(layer);
}

fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    let (app, styles, ui) = (cx.app, &cx.styles, cx.ui);
    let m = &app.meeting;
    let width = area.width.saturating_sub(2) as usize;
    let order = order(m);
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut group: Option<u32> = None;
    // Only the remarks a screen can show around the selected one are laid out: thousands
    // of remarks cost a key no more than a few.
    let at = pos(app).min(order.len().saturating_sub(1));
    let reach = usize::from(area.height);
    let shown = at.saturating_sub(reach)..(at + reach + 1).min(order.len());
    for (pos, &i) in order.iter().enumerate().skip(shown.start).take(shown.len()) {
        let r = &m.remarks[i];
        if group != Some(r.number) {
            group = Some(r.number);
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            let head = match m.commitment_by_number(r.number) {
                Some(c) => format!("N° {} — {} ({})", c.number, c.title, c.institution),
                None => format!("N° {} — {}", r.number, ui.remark_not_in_list),
            };
            lines.push(Line::styled(truncate(&head, width), styles.bold));
        }
        let selected = pos == at;
        if selected {
            selected_line = lines.len();
        }
        let (mark, state, style) = looks(&r.state, selected, cx);
        let text = format!("{mark} {}", r.text.replace('\n', " / "));
        for (k, part) in wrap(&text, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 { "  " } else { "    " };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
        let about = format!(
            "    — {} · {} · {} · {state}",
            r.author,
            r.received.format("%d/%m/%Y"),
            r.source
        );
        lines.push(Line::styled(truncate(&about, width), styles.muted));
    }
    if lines.is_empty() {
        for line in wrap(ui.no_remarks, width.max(1)) {
            lines.push(Line::styled(line, styles.muted));
        }
    }
    let pending = m.pending_remarks();
    let title = format!(
        " {} · {} ",
        ui.screen_remarks,
        crate::i18n::fill(ui.remarks_waiting, &[&pending])
    );
    scrolled(frame, area, title, lines, selected_line, styles);
}

/// A remark's sign, state words and style: dimmed when rejected.
fn looks(state: &RemarkState, selected: bool, cx: &Ctx) -> (&'static str, String, Style) {
    let (ui, styles) = (cx.ui, &cx.styles);
    let plain = row_style(selected, styles);
    match state {
        RemarkState::Pending => ("✉", ui.remark_pending.to_owned(), plain),
        RemarkState::Accepted => ("✓", ui.remark_accepted.to_owned(), plain),
        RemarkState::Merged => ("✓", ui.remark_merged.to_owned(), plain),
        RemarkState::Rejected(reason) => {
            let state = match reason {
                Some(reason) => {
                    let colon = crate::i18n::msg_in(cx.app.config.ui_language).colon;
                    format!("{}{colon}{reason}", ui.remark_rejected)
                }
                None => ui.remark_rejected.to_owned(),
            };
            let style = if selected {
                styles.selected
            } else {
                styles.muted
            };
            ("✗", state, style)
        }
    }
}
