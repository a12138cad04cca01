//! What the journal keeps of the state, and how a journal is put back after a crash.

use super::effects::{Effect, Effects};
use super::layers::recovery::Answer;
use super::layers::{Field, Layer, Open, Recovery, TextTarget};
use super::state::App;
use crate::i18n::fill;
use crate::keys::{Action, Mode};
use crate::model::Language;
use crate::store::journal::{Journal, Pending, PendingKind};
use crate::store::parse_meeting;

/// The text being typed, with where it goes, if any.
pub fn pending(app: &App) -> Option<Pending> {
    app.layers
        .iter()
        .rev()
        .find_map(|layer| match layer {
            Layer::Editor(e) => {
                let c = app.meeting.commitments.get(e.commitment);
                let observations = c.map_or(&[][..], |c| &c.observations[..]);
                Some(Pending {
                    kind: PendingKind::Observation,
                    commitment: c.map(|c| c.number),
                    index: e.editing,
                    level: e.level,
                    text: e.text(),
                    at: e.editing.is_none().then_some(e.insert_at),
                    count: e.editing.is_none().then_some(observations.len()),
                    was: e
                        .editing
                        .and_then(|i| observations.get(i))
                        .map(|o| o.text.clone()),
                })
            }
            Layer::Text(t) => {
                let (kind, index) = match t.target {
                    TextTarget::Point(i) => (PendingKind::Point, Some(i)),
                    TextTarget::Decision(i) => (PendingKind::Decision, Some(i)),
                    TextTarget::NewDecision(_) => (PendingKind::Decision, None),
                };
                Some(Pending {
                    kind,
                    commitment: None,
                    index,
                    level: 0,
                    text: t.text(),
                    ..Pending::default()
                })
            }
            _ => None,
        })
        .filter(|p| !p.text.trim().is_empty())
}

/// The journal of the current state: the text being typed, and the whole meeting when its
/// last changes are not on disk.
pub fn snapshot(app: &App, unsaved: bool) -> Journal {
    Journal {
        meeting_file: app
            .file
            .as_deref()
            .map(|f| crate::paths::canonical(f).to_string_lossy().into_owned())
            .unwrap_or_default(),
        written_at: app.wall_now().format("%Y-%m-%d %H:%M:%S").to_string(),
        meeting_of: app.meeting.identity(),
        pending: pending(app),
        meeting: unsaved.then(|| crate::store::write_meeting(&app.meeting, &app.config.marks)),
        base: unsaved.then(|| crate::store::write_meeting(&app.base, &app.config.marks)),
    }
}

/// Whether `a` and `b` are the same meeting, one perhaps edited: the same date, and the
/// same title or, the title corrected by hand, at least half of their commitments in common
/// (number and title). Another meeting put in the file is never merged into this one.
pub fn same_meeting(a: &crate::model::Meeting, b: &crate::model::Meeting) -> bool {
    if a.header.date != b.header.date {
        return false;
    }
    if a.header.title == b.header.title {
        return true;
    }
    let theirs: std::collections::HashSet<(u32, &str)> = (a.commitments.iter())
        .map(|c| (c.number, c.title.as_str()))
        .collect();
    let common = (b.commitments.iter())
        .filter(|c| theirs.contains(&(c.number, c.title.as_str())))
        .count();
    let fewer = a.commitments.len().min(b.commitments.len());
    fewer > 0 && common * 2 >= fewer
}

/// What to do with a journal found at the start.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// Its text is not in the file: the question is asked.
    Asked,
    /// Everything in it is already in the file: nothing to ask, it can go.
    AllInFile,
    /// It belongs to another meeting now at the same path (named): set it aside, never
    /// restore it over this one.
    OtherMeeting(String),
}

/// What of `journal` is not in the file: a meeting equal to the file's, or text already
/// there (a bullet saved just before the end), is left out.
fn prune(app: &App, mut journal: Journal) -> Journal {
    let file = app.file.clone().unwrap_or_default();
    if let Some(text) = &journal.meeting
        && parse_meeting(&file, text, &app.config.marks).is_ok_and(|m| m == *app.meeting)
    {
        journal.meeting = None;
    }
    let in_file = |p: &Pending| {
        let text = p.text.trim();
        let m = &app.meeting;
        match p.kind {
            PendingKind::Observation => p
                .commitment
                .and_then(|n| m.commitment_by_number(n))
                .is_some_and(|c| p.committed_in(&c.observations)),
            PendingKind::Point => m.points.iter().any(|x| x.text.trim() == text),
            PendingKind::Decision => m.decisions.iter().any(|d| d.text.trim() == text),
        }
    };
    // Only when the journal has no meeting of its own, against which the text was typed.
    if journal.meeting.is_none() && journal.pending.as_ref().is_some_and(in_file) {
        journal.pending = None;
    }
    journal
}

/// The lines that say what a journal holds, for the recovery question.
pub fn describe(journal: &Journal, language: Language) -> Vec<String> {
    let ui = crate::i18n::ui(language);
    let mut lines = vec![fill(ui.rec_notes_from, &[&journal.written_at])];
    if journal.meeting.is_some() {
        lines.push(ui.rec_unsaved.to_owned());
    }
    if let Some(p) = &journal.pending {
        let place = match (p.kind, p.commitment) {
            (PendingKind::Observation, Some(n)) => fill(ui.rec_observation_on, &[&n]),
            (PendingKind::Observation, None) => ui.rec_text.to_owned(),
            (PendingKind::Point, _) => ui.rec_point.to_owned(),
            (PendingKind::Decision, _) => ui.rec_decision.to_owned(),
        };
        lines.push(fill(ui.rec_typing_in, &[&place]));
        for line in p.text.lines().take(6) {
            lines.push(format!("    {line}"));
        }
    }
    lines
}

/// Asks whether to restore a journal left by a session that did not end cleanly, if
/// anything in it is not in the file and it belongs to this meeting.
pub fn offer(app: &mut App, journal: Journal) -> Found {
    if !journal.meeting_of.is_empty() && journal.meeting_of != app.meeting.identity() {
        return Found::OtherMeeting(journal.meeting_of);
    }
    let journal = prune(app, journal);
    if journal.is_empty() {
        return Found::AllInFile;
    }
    ask(app, journal);
    Found::Asked
}

fn ask(app: &mut App, journal: Journal) {
    let question = Open::new(Recovery { journal }, |app: &mut App, answer| {
        Ok(match answer {
            Answer::Restore(journal) => {
                app.message = Some(restore(app, &journal));
                // The journal stays until the restored text is in the file.
                Effects::one(Effect::Journal)
            }
            Answer::SetAside => {
                app.message = Some(app.ui().msg_set_aside.to_owned());
                Effects::one(Effect::SetAsideJournal)
            }
        })
    });
    app.layers.push(Layer::Recovery(question));
}

/// Whether a journal still waits for its answer.
pub fn unanswered(app: &App) -> bool {
    app.layers.iter().any(|l| matches!(l, Layer::Recovery(_)))
}

/// Puts a journal back: the meeting it saved, then the text being typed, in its editor,
/// ready to go on. Returns what to tell the user.
pub fn restore(app: &mut App, journal: &Journal) -> String {
    let ui = app.ui();
    if let Some(text) = &journal.meeting {
        let file = app.file.clone().unwrap_or_default();
        match parse_meeting(&file, text, &app.config.marks) {
            Ok(meeting) => {
                // Merged onto the file as it is now, against what it was made from.
                let base = journal
                    .base
                    .as_deref()
                    .map(|b| parse_meeting(&file, b, &app.config.marks));
                let meeting = match base {
                    Some(Ok(base)) => super::outside::merged_onto_file(app, &base, meeting),
                    _ => meeting,
                };
                app.meeting = std::sync::Arc::new(meeting);
                app.revision += 1;
                app.refresh_view();
            }
            Err(e) => return fill(ui.rec_invalid, &[&e]),
        }
    }
    if let Some(p) = &journal.pending {
        match p.kind {
            PendingKind::Observation => {
                if let Some(moved) = restore_observation(app, p) {
                    return moved;
                }
            }
            PendingKind::Point | PendingKind::Decision => restore_text(app, p),
        }
    }
    ui.rec_done.to_owned()
}

/// The draft back in its editor, on its commitment; when that commitment is gone, on the
/// current one (or the first), and the answer says so.
fn restore_observation(app: &mut App, p: &Pending) -> Option<String> {
    let target = p.commitment.and_then(|n| app.meeting.position_of(n));
    let moved = target.is_none();
    let Some(index) = target
        .or(app.current())
        .or((!app.meeting.commitments.is_empty()).then_some(0))
    else {
        return Some(fill(app.ui().rec_nowhere, &[&p.text]));
    };
    app.select_commitment(index);
    let count = app.meeting.commitments[index].observations.len();
    let editing = p.index.filter(|&i| i < count);
    reopen(app, PendingKind::Observation, editing);
    if let Some(editor) = app.top_editor() {
        editor.input = Field::new(&p.text);
        editor.level = p.level;
    }
    let gone = p.commitment.unwrap_or_default();
    let here = app.meeting.commitments[index].number;
    moved.then(|| fill(app.ui().rec_moved, &[&gone, &here]))
}

/// The screen whose draft it is opens its editor again.
fn reopen(app: &mut App, kind: PendingKind, index: Option<usize>) -> bool {
    let screens = app.screens;
    screens.iter().any(|s| s.reopen(app, kind, index))
}

fn restore_text(app: &mut App, p: &Pending) {
    // A text whose point or decision is gone comes back as a new decision.
    if !reopen(app, p.kind, p.index) {
        reopen(app, PendingKind::Decision, None);
    }
    let close = app.first_key(Mode::Text, Action::CloseText);
    let title = fill(app.ui().rec_text_title, &[&close]);
    if let Some(text) = app.layers.last_mut().and_then(Layer::text) {
        text.input = Field::new(&p.text);
        text.title = title;
    }
}
