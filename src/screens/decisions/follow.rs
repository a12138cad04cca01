//! Following decisions up on screen 4: done (today), dropped with an optional reason,
//! reopened; and a view of one owner's decisions.

use crate::app::effects::Effects;
use crate::app::layers::{Choice, Layer};
use crate::app::state::App;
use crate::keys::Action;
use crate::model::DecisionStatus;

/// What screen 4 shows: the selected decision, and the owner whose decisions alone show.
#[derive(Default)]
pub struct Shown {
    pub pos: usize,
    pub owner: Option<String>,
}

/// The selected decision.
pub fn pos(app: &App) -> usize {
    app.states.get::<Shown>().map_or(0, |s| s.pos)
}

pub fn pos_mut(app: &mut App) -> &mut usize {
    &mut app.states.get_mut::<Shown>().pos
}

/// The owner whose decisions alone show.
pub fn owner(app: &App) -> Option<&str> {
    app.states.get::<Shown>().and_then(|s| s.owner.as_deref())
}

/// Status and filter keys; false when the action is not one of them.
pub fn update(app: &mut App, action: &Action, i: usize) -> bool {
    let today = app.wall_at_open.date();
    let has = i < app.meeting.decisions.len();
    match action {
        Action::DecisionDone if has => {
            app.change_rest(|m| m.decisions[i].set_status(DecisionStatus::Done(today), today));
        }
        Action::DecisionReopen if has => {
            app.change_rest(|m| m.decisions[i].set_status(DecisionStatus::Open, today));
        }
        Action::DecisionDropped if has => {
            let title = app.ui().prompt_dropped;
            app.layers
                .push(Layer::ask(title, "", move |app: &mut App, reason| {
                    let reason = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
                    let status = DecisionStatus::Dropped { on: today, reason };
                    app.change_rest(|m| m.decisions[i].set_status(status, today));
                    Ok(Effects::none())
                }));
        }
        Action::Filter => filter(app),
        _ => return false,
    }
    true
}

/// Picks an owner whose decisions alone are shown; the first entry shows them all again.
fn filter(app: &mut App) {
    let mut owners: Vec<String> = Vec::new();
    for d in &app.meeting.decisions {
        if let Some(owner) = &d.owner
            && !owners.contains(owner)
        {
            owners.push(owner.clone());
        }
    }
    let mut items = vec![app.ui().all_owners.to_owned()];
    items.extend(owners.iter().cloned());
    let title = app.ui().picker_owner_filter;
    app.layers.push(Layer::choose(
        title,
        items,
        false,
        move |app: &mut App, choice| {
            app.states.get_mut::<Shown>().owner = match choice {
                Choice::Entry(k) if k > 0 => owners.get(k - 1).cloned(),
                _ => None,
            };
            if let Some(&first) = visible(app).first() {
                *pos_mut(app) = first;
            }
            Ok(Effects::none())
        },
    ));
}

/// The decisions shown: all, or the chosen owner's.
pub fn visible(app: &App) -> Vec<usize> {
    let owner = owner(app);
    (0..app.meeting.decisions.len())
        .filter(|&i| owner.is_none_or(|o| app.meeting.decisions[i].owner.as_deref() == Some(o)))
        .collect()
}

/// Moves the selection among the decisions shown.
pub fn step(app: &mut App, action: &Action) {
    let shown = visible(app);
    let mut at = shown.iter().position(|&i| i == pos(app)).unwrap_or(0);
    crate::app::view::step(&mut at, shown.len(), action);
    if let Some(&i) = shown.get(at) {
        *pos_mut(app) = i;
    }
}
