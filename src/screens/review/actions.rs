//! The review screen's actions: moving through the commitments, observations, marks, search,
//! filter, stock phrases and attribution. The layers it opens get their meaning here.

use crate::app::effects::Effects;
use crate::app::layers::editor::Place;
use crate::app::layers::{Bullet, Choice, Editor, Layer, Open, Reply};
use crate::app::state::App;
use crate::app::view::{Filter, Focus};
use crate::i18n::fill;
use crate::keys::{Action, Mode};
use crate::model::{ArgKind, Mark, MarkArg, Observation};

pub fn update(app: &mut App, action: Action) -> Effects {
    match action {
        Action::MoveDown => app.select_position(app.selected + 1),
        Action::MoveUp => app.select_position(app.selected.saturating_sub(1)),
        Action::First if app.focus == Focus::Observations => app.obs_selected = 0,
        Action::Last if app.focus == Focus::Observations => {
            app.obs_selected = usize::MAX;
            app.clamp_observation();
        }
        Action::First => app.select_position(0),
        Action::Last => app.select_position(app.view.len().saturating_sub(1)),
        Action::GotoNumber => goto(app),
        Action::Search => search(app),
        Action::AddObservation => open_editor(app, None),
        Action::ToggleFocus => {
            let has_observations = app
                .current_commitment()
                .is_some_and(|c| !c.observations.is_empty());
            app.focus = match app.focus {
                Focus::List if has_observations => Focus::Observations,
                _ => Focus::List,
            };
        }
        Action::NextObservation => {
            app.obs_selected += 1;
            app.clamp_observation();
        }
        Action::PrevObservation => app.obs_selected = app.obs_selected.saturating_sub(1),
        Action::EditObservation => open_editor(app, Some(app.obs_selected)),
        Action::DeleteObservation => delete_observation(app),
        Action::Indent => edit_selected_observation(app, |obs, i| {
            obs[i].level = (obs[i].level + 1).min(Observation::MAX_LEVEL);
        }),
        Action::Outdent => edit_selected_observation(app, |obs, i| {
            obs[i].level = obs[i].level.saturating_sub(1);
        }),
        Action::PickPhrase => pick_phrase(app, false),
        Action::InsertPhrase => pick_phrase(app, true),
        Action::Filter => pick_filter(app),
        Action::Presentation => app.presenting = !app.presenting,
        Action::ToggleMark(id) => toggle_mark(app, &id),
        Action::Attribute => attribute(app),
        _ => {}
    }
    Effects::none()
}

fn edit_selected_observation(app: &mut App, edit: impl FnOnce(&mut Vec<Observation>, usize)) {
    let (Some(index), selected) = (app.current(), app.obs_selected) else {
        return;
    };
    if selected >= app.meeting.commitments[index].observations.len() {
        return;
    }
    app.change_commitment(index, |c| edit(&mut c.observations, selected));
    app.clamp_observation();
}

/// Deletes the selected observation, and says what went and which key brings it back.
fn delete_observation(app: &mut App) {
    let gone = app
        .current_commitment()
        .and_then(|c| c.observations.get(app.obs_selected))
        .map(|o| o.text.clone());
    let revision = app.revision;
    edit_selected_observation(app, |obs, i| {
        obs.remove(i);
    });
    if let Some(gone) = gone
        && app.revision != revision
    {
        app.tell_deleted(&gone);
    }
}

/// Opens the observation editor on the current commitment: for a new observation at the
/// end, or on observation `editing`.
pub fn open_editor(app: &mut App, editing: Option<usize>) {
    let Some(index) = app.current() else { return };
    let c = &app.meeting.commitments[index];
    let editing = match editing {
        Some(i) => match c.observations.get(i) {
            Some(o) => Some((i, o)),
            None => return,
        },
        None => None,
    };
    let editor = Editor::new(index, editing, c.observations.len());
    app.layers.push(Layer::Editor(Open::new(editor, commit)));
}

/// Writes a bullet from the editor into its commitment.
fn commit(app: &mut App, bullet: Bullet) -> Reply {
    let Bullet {
        commitment,
        place,
        observation,
        was,
    } = bullet;
    let at = match place {
        Place::Replace(i) => {
            // Changed by another program while it was being edited: both stay, theirs as a
            // conflict under ours.
            let theirs = app.meeting.commitments[commitment]
                .observations
                .get(i)
                .map(|o| o.text.clone())
                .filter(|now| was.as_ref().is_some_and(|was| was != now));
            let field = app.ui().change_observation;
            let conflict = theirs.map(|t| fill(app.ui().conflict_field, &[&field, &t]));
            app.change_commitment(commitment, |c| {
                if let Some(o) = c.observations.get_mut(i) {
                    *o = observation;
                }
                if let Some(text) = conflict {
                    let at = (i + 1).min(c.observations.len());
                    c.observations
                        .insert(at, Observation::new(format!("⚠ {text}"), 0));
                }
            });
            i
        }
        Place::Insert(at) => {
            app.change_commitment(commitment, |c| {
                c.observations
                    .insert(at.min(c.observations.len()), observation)
            });
            at.min(app.meeting.commitments[commitment].observations.len() - 1)
        }
    };
    if let Some(editor) = app.top_editor() {
        editor.insert_at = at + 1;
    }
    app.obs_selected = at;
    Ok(Effects::none())
}

fn goto(app: &mut App) {
    let title = app.ui().prompt_goto;
    app.layers
        .push(Layer::ask(title, "", |app: &mut App, text| {
            let found = text
                .trim_start_matches(['n', 'N', '°', ' '])
                .parse::<u32>()
                .ok()
                .and_then(|n| app.meeting.position_of(n));
            match found {
                Some(i) => {
                    app.select_commitment(i);
                    Ok(Effects::none())
                }
                None => Err(format!("{} {text}", app.ui().err_no_commitment)),
            }
        }));
}

/// "12  Title — Institution", the line the search and the merge picker show and match.
pub fn commitment_line(c: &crate::model::Commitment) -> String {
    if c.institution.is_empty() {
        format!("{}  {}", c.number, c.title)
    } else {
        format!("{}  {} — {}", c.number, c.title, c.institution)
    }
}

/// A picker of the commitments, but `skip`; the one chosen goes to `then`, by its index
/// in the list as it is when chosen (another program may have changed the list
/// meanwhile: a commitment gone by then is said, and nothing is done).
pub fn pick_commitment(
    app: &mut App,
    title: &str,
    skip: Option<usize>,
    then: impl Fn(&mut App, usize) + 'static,
) {
    let (numbers, lines): (Vec<u32>, Vec<String>) = app
        .meeting
        .commitments
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(_, c)| (c.number, commitment_line(c)))
        .unzip();
    app.layers.push(Layer::choose(
        title,
        lines,
        false,
        move |app: &mut App, choice| {
            if let Choice::Entry(i) = choice {
                match app.meeting.position_of(numbers[i]) {
                    Some(at) => then(app, at),
                    None => app.message = Some(fill(app.ui().err_gone, &[&numbers[i]])),
                }
            }
            Ok(Effects::none())
        },
    ));
}

fn search(app: &mut App) {
    let title = app.ui().picker_search;
    pick_commitment(app, title, None, App::select_commitment);
}

fn pick_phrase(app: &mut App, into_editor: bool) {
    if app.current().is_none() {
        return;
    }
    let language = app.meeting.header.language;
    let phrases: Vec<String> = app
        .config
        .phrases
        .iter()
        .map(|p| p.get(language).to_owned())
        .collect();
    let title = app.ui().picker_phrase;
    let items = phrases.clone();
    app.layers.push(Layer::choose(
        title,
        items,
        false,
        move |app: &mut App, choice| {
            let Choice::Entry(i) = choice else {
                return Ok(Effects::none());
            };
            let text = &phrases[i];
            if into_editor {
                if let Some(editor) = app.top_editor() {
                    editor.input.insert_str(text);
                }
            } else if let Some(index) = app.current() {
                app.change_commitment(index, |c| {
                    c.observations.push(Observation::new(text.trim(), 0));
                });
                app.obs_selected = app.meeting.commitments[index].observations.len() - 1;
            }
            Ok(Effects::none())
        },
    ));
}

fn pick_filter(app: &mut App) {
    let ui = app.ui();
    let language = app.meeting.header.language;
    let mut entries = vec![
        (ui.filter_all.to_owned(), Filter::All),
        (ui.filter_not_reviewed_entry.to_owned(), Filter::NotReviewed),
    ];
    for def in &app.config.marks.defs {
        let label = format!("{}: {}", ui.filter_mark, def.generic_label(language));
        entries.push((label, Filter::Mark(def.id.clone())));
    }
    for name in app.meeting.institutions() {
        if !name.is_empty() {
            let label = format!("{}: {name}", ui.filter_institution);
            entries.push((label, Filter::Institution(name.to_owned())));
        }
    }
    let (items, filters): (Vec<String>, Vec<Filter>) = entries.into_iter().unzip();
    app.layers.push(Layer::choose(
        ui.picker_filter,
        items,
        false,
        move |app: &mut App, choice| {
            if let Choice::Entry(i) = choice {
                app.filter = filters[i].clone();
                app.refresh_view();
                if app.view.is_empty() {
                    app.message = Some(app.ui().msg_no_match_filter.to_owned());
                }
            }
            Ok(Effects::none())
        },
    ));
}

fn toggle_mark(app: &mut App, id: &str) {
    let Some(index) = app.current() else { return };
    if let Some(mark) = app.meeting.commitments[index].mark(id).cloned() {
        app.change_commitment(index, |c| c.marks.retain(|m| m.id != id));
        // What went with a mark that carried words or a number: undo brings it back.
        let gone = match &mark.arg {
            MarkArg::Text(text) => Some(text.clone()),
            MarkArg::Commitment(n) => Some(format!("n° {n}")),
            MarkArg::None => None,
        };
        if let Some(gone) = gone {
            let language = app.meeting.header.language;
            let label = app.config.marks.label(&mark, &app.meeting, language);
            let undo = app.key(Mode::LIST, Action::Undo);
            app.message = Some(fill(app.ui().msg_mark_removed, &[&undo, &label, &gone]));
        }
        return;
    }
    let Some(def) = app.config.marks.get(id) else {
        return;
    };
    let id = id.to_owned();
    let number = app.meeting.commitments[index].number;
    match &def.arg {
        None => set_mark(app, number, Mark::new(id, MarkArg::None)),
        Some(arg) if arg.kind == ArgKind::Commitment => {
            // The question in the interface's language.
            let title = arg.prompt.get(app.config.ui_language).to_owned();
            pick_commitment(app, &title, Some(index), move |app, target| {
                let target = app.meeting.commitments[target].number;
                if target != number {
                    set_mark(
                        app,
                        number,
                        Mark::new(id.clone(), MarkArg::Commitment(target)),
                    );
                }
            });
        }
        Some(arg) => {
            let language = app.meeting.header.language;
            // The question in the interface's language; the sentence it completes in the
            // record's.
            let title = arg.prompt.get(app.config.ui_language).to_owned();
            // The sentence the answer completes, as the record will say it.
            let placeholder = format!("{{{}}}", arg.name);
            let sentence = def.sentence.get(language).replace(&placeholder, "…");
            let sentence = sentence.replace("….", "…");
            app.layers.push(Layer::ask_completing(
                &title,
                sentence,
                move |app: &mut App, text| {
                    if text.is_empty() {
                        let cancel = app.first_key(Mode::Prompt, Action::Cancel);
                        return Err(fill(app.ui().err_write_it, &[&cancel]));
                    }
                    set_mark(app, number, Mark::new(id.clone(), MarkArg::Text(text)));
                    Ok(Effects::none())
                },
            ));
        }
    }
}

/// Sets `mark` on commitment `number` as it is now (another program may have changed it
/// while a question was open): a mark of the same id is replaced, never doubled.
fn set_mark(app: &mut App, number: u32, mark: Mark) {
    // The mark another program gave meanwhile, with other words: kept as a conflict.
    let theirs = app
        .meeting
        .commitment_by_number(number)
        .and_then(|c| c.mark(&mark.id))
        .filter(|m| m.arg != mark.arg)
        .map(|m| {
            let language = app.meeting.header.language;
            let label = app.config.marks.label(m, &app.meeting, language);
            let said = match &m.arg {
                MarkArg::Text(text) => text.clone(),
                MarkArg::Commitment(n) => format!("n° {n}"),
                MarkArg::None => String::new(),
            };
            format!("⚠ {}", fill(app.ui().conflict_field, &[&label, &said]))
        });
    app.change_numbered(number, |c| {
        match c.marks.iter_mut().find(|m| m.id == mark.id) {
            Some(same) => *same = mark,
            None => c.marks.push(mark),
        }
        if let Some(text) = theirs {
            c.observations.push(Observation::new(text, 0));
        }
    });
}

/// Says which organisation made the observation being typed, or the one selected.
fn attribute(app: &mut App) {
    enum Target {
        Editor,
        Observation { commitment: usize, index: usize },
    }
    let target = match (app.top_editor().is_some(), app.current()) {
        (true, _) => Target::Editor,
        (false, Some(commitment)) if app.focus == Focus::Observations => Target::Observation {
            commitment,
            index: app.obs_selected,
        },
        _ => return,
    };
    let template = app.ui().picker_attribution;
    app.pick_organisation(template, move |app, by| match target {
        Target::Editor => {
            if let Some(editor) = app.top_editor() {
                editor.by = Some(by);
            }
        }
        Target::Observation { commitment, index } => app.change_commitment(commitment, |c| {
            if let Some(o) = c.observations.get_mut(index) {
                o.by = Some(by);
            }
        }),
    });
}
