//! The one place the state changes: a key becomes an action, and `update` applies it.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use super::action::Action;
use super::fuzzy::{Matcher, fold};
use super::keymap::Key;
use super::state::{
    App, AttributionTarget, Editor, Filter, Focus, Layer, PickValue, Picker, PickerKind, Prompt,
    PromptKind,
};
use crate::model::{ArgKind, Mark, MarkArg, Observation};

/// A key pressed by the user: the keymap of the current mode first, then the text input of
/// the layer on top, if it takes text.
pub fn handle_key(app: &mut App, event: KeyEvent) {
    // Test builds can be made to fail on purpose, to prove that a crash loses nothing.
    #[cfg(debug_assertions)]
    if event.code == KeyCode::F(12) && std::env::var_os("COPIL_TEST_PANIC").is_some() {
        panic!("deliberate failure for a test");
    }
    app.message = None;
    let key = Key::from_event(event);
    if let Some(action) = app.keymap.action(app.mode(), key).cloned() {
        update(app, action);
        return;
    }
    match app.layers.last_mut() {
        Some(Layer::Editor(editor)) => {
            editor.input.input(event);
        }
        Some(Layer::Text(text)) => {
            text.input.input(event);
        }
        Some(Layer::Prompt(prompt)) => {
            if event.code != KeyCode::Enter {
                prompt.input.input(event);
                prompt.error = None;
            }
        }
        Some(Layer::Picker(picker)) => {
            let plain = !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match event.code {
                KeyCode::Char(c) if plain => picker.query.push(c),
                KeyCode::Backspace => {
                    picker.query.pop();
                }
                _ => return,
            }
            rank(picker);
        }
        Some(Layer::Help { .. } | Layer::Recovery(_)) | None => {}
    }
}

/// Text pasted into the terminal goes to the text input on top, if any. Control
/// characters other than line breaks are dropped, so escape sequences cannot get in.
pub fn handle_paste(app: &mut App, text: &str) {
    let clean: String = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    match app.layers.last_mut() {
        Some(Layer::Editor(editor)) => {
            editor.input.insert_str(&clean);
        }
        Some(Layer::Text(text)) => {
            text.input.insert_str(&clean);
        }
        Some(Layer::Prompt(prompt)) => {
            prompt.input.insert_str(clean.replace('\n', " "));
        }
        Some(Layer::Picker(picker)) => {
            picker.query.push_str(&clean.replace('\n', " "));
            rank(picker);
        }
        _ => {}
    }
}

fn rank(picker: &mut Picker) {
    let matcher = Matcher::default();
    let query = picker.query.trim();
    let narrowing = !picker.ranked.is_empty() && query.starts_with(picker.ranked.as_str());
    picker.hits = if narrowing {
        // A longer query only keeps some of the previous hits.
        let previous: Vec<usize> = picker
            .hits
            .iter()
            .map(|h| h.index)
            .filter(|&i| i < picker.folded.len())
            .collect();
        matcher.rank_among(&picker.folded, query, previous.into_iter())
    } else {
        matcher.rank(&picker.folded, query)
    };
    picker.ranked = query.to_owned();
    let typed = picker.query.trim();
    if picker.free_text && !typed.is_empty() && !picker.items.iter().any(|i| i == typed) {
        // The typed text itself, offered after the matches: a new organisation, say.
        picker.hits.push(super::fuzzy::Hit {
            index: picker.items.len(),
            score: 0,
            positions: Vec::new(),
        });
    }
    picker.selected = 0;
    picker.offset.set(0);
}

/// What may be done on a file opened read-only: look, search, export, quit.
fn allowed_read_only(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        MoveDown
            | MoveUp
            | First
            | Last
            | GotoNumber
            | Search
            | ToggleFocus
            | NextObservation
            | PrevObservation
            | Filter
            | Help
            | CloseHelp
            | HelpDown
            | HelpUp
            | Quit
            | Confirm
            | Cancel
            | PickerDown
            | PickerUp
            | ScreenAttendance
            | ScreenPoints
            | ScreenReview
            | ScreenDecisions
            | ScreenPreview
            | Next
            | Prev
            | Top
            | Bottom
            | PageDown
            | PageUp
            | Export
            | Presentation
    )
}

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    if app.read_only && !allowed_read_only(&action) {
        app.message = Some(
            crate::i18n::ui(app.config.ui_language)
                .msg_read_only
                .to_owned(),
        );
        return;
    }
    match action {
        Action::MoveDown => app.select_position(app.selected + 1),
        Action::MoveUp => app.select_position(app.selected.saturating_sub(1)),
        Action::First => app.select_position(0),
        Action::Last => app.select_position(app.view.len().saturating_sub(1)),
        Action::GotoNumber => {
            let title = crate::i18n::ui(app.config.ui_language).prompt_goto;
            open_prompt(app, PromptKind::Goto, title, "")
        }
        Action::Search => open_commitment_picker(app, PickerKind::Search),
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
        Action::EditObservation => {
            let selected = app.obs_selected;
            if app
                .current_commitment()
                .is_some_and(|c| selected < c.observations.len())
            {
                open_editor(app, Some(selected));
            }
        }
        Action::DeleteObservation => edit_selected_observation(app, |obs, i| {
            obs.remove(i);
        }),
        Action::Indent => edit_selected_observation(app, |obs, i| {
            obs[i].level = (obs[i].level + 1).min(Observation::MAX_LEVEL);
        }),
        Action::Outdent => edit_selected_observation(app, |obs, i| {
            obs[i].level = obs[i].level.saturating_sub(1);
        }),
        Action::PickPhrase => open_phrase_picker(app, false),
        Action::Undo => {
            let index = app
                .history
                .undo(Arc::make_mut(&mut app.meeting))
                .map(|c| c.commitment());
            let ui = crate::i18n::ui(app.config.ui_language);
            after_history(app, index, ui.msg_undone, ui.msg_nothing_undo);
        }
        Action::Redo => {
            let index = app
                .history
                .redo(Arc::make_mut(&mut app.meeting))
                .map(|c| c.commitment());
            let ui = crate::i18n::ui(app.config.ui_language);
            after_history(app, index, ui.msg_redone, ui.msg_nothing_redo);
        }
        Action::Filter => open_filter_picker(app),
        Action::Save => {
            app.fold_time();
            app.revision += 1;
        }
        Action::Help => app.layers.push(Layer::Help { scroll: 0 }),
        Action::Export => app.export_requested = true,
        Action::Presentation => app.presenting = !app.presenting,
        Action::Restore | Action::SetAside => {
            if let Some(Layer::Recovery(journal)) = app.layers.last() {
                let journal = journal.clone();
                app.layers.pop();
                if action == Action::Restore {
                    app.message = Some(super::recovery::restore(app, &journal));
                    app.journal_done = Some(true);
                } else {
                    app.journal_done = Some(false);
                    app.message = Some(
                        crate::i18n::ui(app.config.ui_language)
                            .msg_set_aside
                            .to_owned(),
                    );
                }
            }
        }
        Action::CloseHelp => {
            if matches!(app.layers.last(), Some(Layer::Help { .. })) {
                app.layers.pop();
            }
        }
        Action::HelpDown | Action::HelpUp => {
            if let Some(Layer::Help { scroll }) = app.layers.last_mut() {
                *scroll = if action == Action::HelpDown {
                    scroll.saturating_add(3)
                } else {
                    scroll.saturating_sub(3)
                };
            }
        }
        Action::Quit => {
            app.fold_time();
            app.quit = true;
        }
        Action::ToggleMark(id) => toggle_mark(app, &id),
        Action::CommitBullet => {
            if !commit_bullet(app) {
                app.layers.pop();
            }
        }
        Action::CloseEditor => {
            commit_bullet(app);
            app.layers.pop();
        }
        Action::SubBullet | Action::Bullet => {
            if let Some(Layer::Editor(editor)) = app.layers.last_mut() {
                editor.level = u8::from(action == Action::SubBullet);
            }
        }
        Action::LineBreak => {
            if let Some(Layer::Editor(editor)) = app.layers.last_mut() {
                editor.input.insert_newline();
            }
        }
        Action::InsertPhrase => open_phrase_picker(app, true),
        Action::PickerDown | Action::PickerUp => {
            if let Some(Layer::Picker(picker)) = app.layers.last_mut() {
                picker.selected = if action == Action::PickerDown {
                    (picker.selected + 1).min(picker.hits.len().saturating_sub(1))
                } else {
                    picker.selected.saturating_sub(1)
                };
            }
        }
        Action::Confirm => match app.layers.last() {
            Some(Layer::Picker(_)) => confirm_picker(app),
            Some(Layer::Prompt(_)) => confirm_prompt(app),
            _ => {}
        },
        Action::Cancel => {
            if matches!(app.layers.last(), Some(Layer::Picker(_) | Layer::Prompt(_))) {
                app.layers.pop();
            }
        }
        Action::Attribute => {
            let target = match (app.layers.last(), app.current()) {
                (Some(Layer::Editor(_)), _) => Some(AttributionTarget::Editor),
                (None, Some(commitment)) if app.focus == Focus::Observations => {
                    Some(AttributionTarget::Observation {
                        commitment,
                        index: app.obs_selected,
                    })
                }
                _ => None,
            };
            if let Some(target) = target {
                let entries = super::screens::organisations(&app.meeting)
                    .into_iter()
                    .map(|o| (o.clone(), PickValue::Text(o)))
                    .collect();
                open_picker(
                    app,
                    PickerKind::Attribution(target),
                    crate::i18n::ui(app.config.ui_language).picker_attribution,
                    entries,
                    true,
                );
            }
        }
        other => super::screens::update(app, other),
    }
}

fn after_history(app: &mut App, index: Option<Option<usize>>, verb: &str, nothing: &str) {
    match index {
        None => app.message = Some(nothing.to_owned()),
        Some(index) => {
            app.revision += 1;
            app.refresh_view();
            if let Some(i) = index {
                app.select_commitment(i);
            }
            app.clamp_observation();
            app.message = Some(verb.to_owned());
        }
    }
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

pub(super) fn text_area(text: &str) -> TextArea<'static> {
    let mut input = TextArea::new(text.split('\n').map(str::to_owned).collect());
    input.set_wrap_mode(WrapMode::WordOrGlyph);
    input.move_cursor(ratatui_textarea::CursorMove::Bottom);
    input.move_cursor(ratatui_textarea::CursorMove::End);
    input
}

fn open_editor(app: &mut App, editing: Option<usize>) {
    let Some(index) = app.current() else { return };
    let c = &app.meeting.commitments[index];
    let (text, level, by, insert_at) = match editing.and_then(|i| c.observations.get(i)) {
        Some(o) => (
            o.text.clone(),
            o.level,
            o.by.clone(),
            editing.unwrap_or(0) + 1,
        ),
        None => (String::new(), 0, None, c.observations.len()),
    };
    app.layers.push(Layer::Editor(Editor {
        input: text_area(&text),
        level,
        commitment: index,
        editing,
        insert_at,
        by,
    }));
}

/// Commits the bullet being typed. Returns false when there was nothing to commit.
fn commit_bullet(app: &mut App) -> bool {
    let Some(Layer::Editor(editor)) = app.layers.last_mut() else {
        return false;
    };
    let text = editor.text().trim().to_owned();
    if text.is_empty() {
        return false;
    }
    let by = editor.by.clone();
    let (index, level, editing, insert_at) = (
        editor.commitment,
        editor.level,
        editor.editing.take(),
        editor.insert_at,
    );
    editor.input = text_area("");
    let observation = Observation { text, level, by };
    let at = match editing {
        Some(i) => {
            app.change_commitment(index, |c| c.observations[i] = observation);
            i
        }
        None => {
            app.change_commitment(index, |c| {
                let at = insert_at.min(c.observations.len());
                c.observations.insert(at, observation);
            });
            insert_at.min(app.meeting.commitments[index].observations.len() - 1)
        }
    };
    if let Some(Layer::Editor(editor)) = app.layers.last_mut() {
        editor.insert_at = at + 1;
    }
    app.obs_selected = at;
    true
}

pub(super) fn open_prompt(app: &mut App, kind: PromptKind, title: &str, text: &str) {
    app.layers.push(Layer::Prompt(Prompt {
        kind,
        title: title.to_owned(),
        input: text_area(text),
        error: None,
    }));
}

pub(super) fn open_picker(
    app: &mut App,
    kind: PickerKind,
    title: &str,
    entries: Vec<(String, PickValue)>,
    free_text: bool,
) {
    let (items, values): (Vec<String>, Vec<PickValue>) = entries.into_iter().unzip();
    let folded = items.iter().map(|t| fold(t)).collect();
    let mut picker = Picker {
        kind,
        title: title.to_owned(),
        query: String::new(),
        items,
        folded,
        values,
        hits: Vec::new(),
        selected: 0,
        offset: Default::default(),
        free_text,
        ranked: String::new(),
    };
    rank(&mut picker);
    app.layers.push(Layer::Picker(picker));
}

/// "12  Title — Institution", the line the search and the merge picker show and match.
pub fn commitment_line(c: &crate::model::Commitment) -> String {
    if c.institution.is_empty() {
        format!("{}  {}", c.number, c.title)
    } else {
        format!("{}  {} — {}", c.number, c.title, c.institution)
    }
}

fn open_commitment_picker(app: &mut App, kind: PickerKind) {
    let skip = match &kind {
        PickerKind::MergeTarget { commitment, .. } => Some(*commitment),
        _ => None,
    };
    let entries = app
        .meeting
        .commitments
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(i, c)| (commitment_line(c), PickValue::Commitment(i)))
        .collect();
    let title = match kind {
        PickerKind::MergeTarget { .. } => crate::i18n::ui(app.config.ui_language).picker_merge,
        _ => crate::i18n::ui(app.config.ui_language).picker_search,
    };
    open_picker(app, kind, title, entries, false);
}

fn open_phrase_picker(app: &mut App, into_editor: bool) {
    if app.current().is_none() {
        return;
    }
    let language = app.meeting.header.language;
    let entries = app
        .config
        .phrases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.get(language).to_owned(), PickValue::Phrase(i)))
        .collect();
    open_picker(
        app,
        PickerKind::Phrase { into_editor },
        crate::i18n::ui(app.config.ui_language).picker_phrase,
        entries,
        false,
    );
}

fn open_filter_picker(app: &mut App) {
    let language = app.meeting.header.language;
    let mut entries = vec![
        (
            crate::i18n::ui(app.config.ui_language)
                .filter_all
                .to_owned(),
            PickValue::Filter(Filter::All),
        ),
        (
            crate::i18n::ui(app.config.ui_language)
                .filter_not_reviewed_entry
                .to_owned(),
            PickValue::Filter(Filter::NotReviewed),
        ),
    ];
    for def in &app.config.marks.defs {
        entries.push((
            format!(
                "{}: {}",
                crate::i18n::ui(app.config.ui_language).filter_mark,
                def.generic_label(language)
            ),
            PickValue::Filter(Filter::Mark(def.id.clone())),
        ));
    }
    let mut institutions: Vec<&str> = Vec::new();
    for c in &app.meeting.commitments {
        if !c.institution.is_empty() && !institutions.contains(&c.institution.as_str()) {
            institutions.push(&c.institution);
        }
    }
    for name in institutions {
        entries.push((
            format!(
                "{}: {name}",
                crate::i18n::ui(app.config.ui_language).filter_institution
            ),
            PickValue::Filter(Filter::Institution(name.to_owned())),
        ));
    }
    let title = crate::i18n::ui(app.config.ui_language).picker_filter;
    open_picker(app, PickerKind::Filter, title, entries, false);
}

fn confirm_picker(app: &mut App) {
    let Some(Layer::Picker(picker)) = app.layers.last() else {
        return;
    };
    let Some(hit) = picker.hits.get(picker.selected) else {
        return;
    };
    let value = match picker.values.get(hit.index) {
        Some(value) => value.clone(),
        None => PickValue::Text(picker.query.trim().to_owned()),
    };
    let kind = picker.kind.clone();
    app.layers.pop();
    let language = app.meeting.header.language;
    match (kind, value) {
        (PickerKind::Search, PickValue::Commitment(i)) => app.select_commitment(i),
        (PickerKind::MergeTarget { commitment, mark }, PickValue::Commitment(i)) => {
            let target = app.meeting.commitments[i].number;
            app.change_commitment(commitment, |c| {
                c.marks.push(Mark::new(mark, MarkArg::Commitment(target)));
            });
        }
        (PickerKind::Phrase { into_editor }, PickValue::Phrase(i)) => {
            let text = app.config.phrases[i].get(language).to_owned();
            if into_editor {
                if let Some(Layer::Editor(editor)) = app.layers.last_mut() {
                    editor.input.insert_str(&text);
                }
            } else if let Some(index) = app.current() {
                app.change_commitment(index, |c| {
                    c.observations.push(Observation::new(text.trim(), 0));
                });
                app.obs_selected = app.meeting.commitments[index].observations.len() - 1;
            }
        }
        (PickerKind::Attribution(AttributionTarget::Editor), PickValue::Text(by)) => {
            if let Some(Layer::Editor(editor)) = app.layers.last_mut() {
                editor.by = Some(by);
            }
        }
        (
            PickerKind::Attribution(AttributionTarget::Observation { commitment, index }),
            PickValue::Text(by),
        ) => app.change_commitment(commitment, |c| {
            if let Some(o) = c.observations.get_mut(index) {
                o.by = Some(by);
            }
        }),
        (PickerKind::Filter, PickValue::Filter(filter)) => {
            app.filter = filter;
            app.refresh_view();
            if app.view.is_empty() {
                app.message = Some(
                    crate::i18n::ui(app.config.ui_language)
                        .msg_no_match_filter
                        .to_owned(),
                );
            }
        }
        (kind, value) => super::screens::confirm_pick(app, kind, value),
    }
}

fn confirm_prompt(app: &mut App) {
    let Some(Layer::Prompt(prompt)) = app.layers.last_mut() else {
        return;
    };
    let text = prompt.text().trim().to_owned();
    match prompt.kind.clone() {
        PromptKind::Goto => {
            let found = text
                .trim_start_matches(['n', 'N', '°', ' '])
                .parse::<u32>()
                .ok()
                .and_then(|n| app.meeting.commitments.iter().position(|c| c.number == n));
            match found {
                Some(i) => {
                    app.layers.pop();
                    app.select_commitment(i);
                }
                None => {
                    prompt.error = Some(format!(
                        "{} {text}",
                        crate::i18n::ui(app.config.ui_language).err_no_commitment
                    ))
                }
            }
        }
        PromptKind::MarkArg { commitment, mark } => {
            if text.is_empty() {
                prompt.error = Some(
                    crate::i18n::ui(app.config.ui_language)
                        .err_write_it
                        .to_owned(),
                );
                return;
            }
            app.layers.pop();
            app.change_commitment(commitment, |c| {
                c.marks.push(Mark::new(mark, MarkArg::Text(text)));
            });
        }
        kind => {
            app.layers.pop();
            if let Err(error) = super::screens::confirm_prompt(app, kind.clone(), &text) {
                // Put the question back with what was typed and why it was refused.
                open_prompt(app, kind, &error.0, &text);
                if let Some(Layer::Prompt(p)) = app.layers.last_mut() {
                    p.error = Some(error.1);
                }
            }
        }
    }
}

fn toggle_mark(app: &mut App, id: &str) {
    let Some(index) = app.current() else { return };
    let language = app.meeting.header.language;
    let c = &app.meeting.commitments[index];
    if c.mark(id).is_some() {
        app.change_commitment(index, |c| c.marks.retain(|m| m.id != id));
        return;
    }
    let Some(def) = app.config.marks.get(id) else {
        return;
    };
    match &def.arg {
        None => app.change_commitment(index, |c| c.marks.push(Mark::new(id, MarkArg::None))),
        Some(arg) if arg.kind == ArgKind::Commitment => open_commitment_picker(
            app,
            PickerKind::MergeTarget {
                commitment: index,
                mark: id.to_owned(),
            },
        ),
        Some(arg) => {
            let title = arg.prompt.get(language).to_owned();
            open_prompt(
                app,
                PromptKind::MarkArg {
                    commitment: index,
                    mark: id.to_owned(),
                },
                &title,
                "",
            );
        }
    }
}
