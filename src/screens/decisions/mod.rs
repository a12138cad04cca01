//! Screen 4, the decisions ("Points arrêtés"): text, deadline, owner, order
//! (`follow.rs`: what became of each, one owner's alone; `draw.rs` its drawing).

mod draw;
pub mod follow;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::points::swap;
use crate::app::effects::Effects;
use crate::app::layers::{Layer, TextTarget};
use crate::app::screen::{Part, Screen};
use crate::app::state::App;
use crate::i18n::{Ui, fill};
use crate::i18n::{deadline_kind, deadline_typed, parse_date_after};
use crate::keys::{Action, Mode};
use crate::model::Decision;
use crate::store::journal::PendingKind;
use crate::ui::context::Ctx;
use follow::{Shown, pos_mut};

/// The decisions screen.
pub struct Decisions;

impl Screen<App> for Decisions {
    fn name(&self) -> &'static str {
        "decisions"
    }

    fn title(&self, ui: &Ui) -> &'static str {
        ui.screen_decisions
    }

    fn mode(&self, _app: &App) -> Mode {
        Mode::Screen("decisions")
    }

    fn shows(&self) -> &'static [Part] {
        &[Part::Decisions]
    }

    fn init(&self, app: &mut App) {
        app.states.get_mut::<Shown>();
    }

    fn reopen(&self, app: &mut App, kind: PendingKind, index: Option<usize>) -> bool {
        let len = app.meeting.decisions.len();
        match (kind, index) {
            (PendingKind::Decision, Some(i)) if i < len => edit(app, i),
            (PendingKind::Decision, _) => add(app, len),
            _ => return false,
        }
        true
    }

    fn update(&self, app: &mut App, action: Action) -> Effects {
        update(app, action)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx) {
        draw::draw(frame, area, cx)
    }
}

fn update(app: &mut App, action: Action) -> Effects {
    let len = app.meeting.decisions.len();
    let i = follow::pos(app);
    if follow::update(app, &action, i) {
        return Effects::none();
    }
    match action {
        Action::Next | Action::Prev | Action::Top | Action::Bottom => {
            follow::step(app, &action);
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
            *pos_mut(app) = i.min(len.saturating_sub(2));
        }
        Action::MoveItemDown | Action::MoveItemUp if i < len => {
            let down = action == Action::MoveItemDown;
            if swap(app, i, down, |m| &mut m.decisions) {
                *pos_mut(app) = if down { i + 1 } else { i - 1 };
            }
        }
        _ => {}
    }
    Effects::none()
}

/// A new decision, to go at position `at` once it has text.
fn add(app: &mut App, at: usize) {
    let title = app.ui().text_new_decision;
    let layer = Layer::write(
        TextTarget::NewDecision(at),
        title,
        "",
        move |app: &mut App, text| {
            if !text.trim().is_empty() {
                // Added while one owner's decisions alone show: it is that owner's, so it
                // shows too.
                let owner = follow::owner(app).map(str::to_owned);
                app.change_rest(|m| {
                    let decision = Decision {
                        text,
                        owner,
                        ..Decision::default()
                    };
                    m.decisions.insert(at.min(m.decisions.len()), decision);
                });
                *pos_mut(app) = at;
            }
            Ok(Effects::none())
        },
    );
    app.layers.push(layer);
}

/// The text of decision `i`, in the text editor. It cannot be emptied.
fn edit(app: &mut App, i: usize) {
    let title = app.ui().text_decision;
    let text = app.meeting.decisions[i].text.clone();
    let layer = Layer::write(
        TextTarget::Decision(i),
        title,
        &text,
        move |app: &mut App, text| {
            if text.trim().is_empty() {
                let delete = app.key(Mode::Screen("decisions"), Action::DeleteItem);
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
    let decision = &app.meeting.decisions[i];
    let language = app.config.ui_language;
    let current = decision
        .deadline
        .map(|d| deadline_typed(d, decision.until, language))
        .unwrap_or_default();
    let title = app.ui().prompt_deadline;
    app.layers
        .push(Layer::ask(title, &current, move |app: &mut App, text| {
            // "jusqu'au …" a period, "au plus tard le …" a delivery; a date alone keeps
            // what the decision had.
            let (kind, date) = deadline_kind(&text);
            let deadline = match date {
                "" => None,
                _ => Some(parse_date_after(date, language, app.meeting.header.date)?),
            };
            let until = kind.unwrap_or(app.meeting.decisions[i].until);
            app.change_rest(|m| {
                m.decisions[i].deadline = deadline;
                m.decisions[i].until = until && deadline.is_some();
            });
            Ok(Effects::none())
        }));
}

fn owner(app: &mut App, i: usize) {
    let template = app.ui().picker_owner;
    app.pick_organisation(template, move |app, owner| {
        app.change_rest(|m| m.decisions[i].owner = Some(owner))
    });
}
