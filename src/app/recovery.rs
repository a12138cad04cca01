//! What the journal keeps of the state, and how a journal is put back after a crash.

use super::state::{App, Layer, TextEdit, TextTarget};
use super::update::text_area;
use crate::i18n::fill;
use crate::model::Language;
use crate::store::journal::{Journal, Pending};
use crate::store::{self, parse_meeting};

/// The text being typed, with where it goes, if any.
pub fn pending(app: &App) -> Option<Pending> {
    app.layers
        .iter()
        .rev()
        .find_map(|layer| match layer {
            Layer::Editor(e) => Some(Pending {
                kind: "observation".to_owned(),
                commitment: app.meeting.commitments.get(e.commitment).map(|c| c.number),
                index: e.editing,
                level: e.level,
                text: e.text(),
            }),
            Layer::Text(t) => {
                let (kind, index) = match t.target {
                    TextTarget::Point(i) => ("point", Some(i)),
                    TextTarget::Decision(i) => ("decision", Some(i)),
                    TextTarget::NewDecision(_) => ("decision", None),
                };
                Some(Pending {
                    kind: kind.to_owned(),
                    commitment: None,
                    index,
                    level: 0,
                    text: t.input.lines().join("\n"),
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
            .map(|f| store::journal::canonical(f).to_string_lossy().into_owned())
            .unwrap_or_default(),
        written_at: app.wall_now().format("%Y-%m-%d %H:%M:%S").to_string(),
        pending: pending(app),
        meeting: unsaved.then(|| store::write_meeting(&app.meeting, &app.config.marks)),
    }
}

/// One line that says what a journal holds, for the recovery question.
pub fn describe(journal: &Journal, language: Language) -> Vec<String> {
    let ui = crate::i18n::ui(language);
    let mut lines = vec![fill(ui.rec_notes_from, &[&journal.written_at])];
    if journal.meeting.is_some() {
        lines.push(ui.rec_unsaved.to_owned());
    }
    if let Some(p) = &journal.pending {
        let place = match (p.kind.as_str(), p.commitment) {
            ("observation", Some(n)) => fill(ui.rec_observation_on, &[&n]),
            ("point", _) => ui.rec_point.to_owned(),
            ("decision", _) => ui.rec_decision.to_owned(),
            _ => ui.rec_text.to_owned(),
        };
        lines.push(fill(ui.rec_typing_in, &[&place]));
        for line in p.text.lines().take(6) {
            lines.push(format!("    {line}"));
        }
    }
    lines
}

/// Puts a journal back: the meeting it saved, then the text being typed, in its editor,
/// ready to go on. Returns what to tell the user.
pub fn restore(app: &mut App, journal: &Journal) -> String {
    let ui = crate::i18n::ui(app.config.ui_language);
    if let Some(text) = &journal.meeting {
        let file = app.file.clone().unwrap_or_default();
        match parse_meeting(&file, text, &app.config.marks) {
            Ok(meeting) => {
                app.meeting = std::sync::Arc::new(meeting);
                app.revision += 1;
                app.refresh_view();
            }
            Err(e) => return fill(ui.rec_invalid, &[&e]),
        }
    }
    if let Some(p) = &journal.pending {
        match p.kind.as_str() {
            "observation" => {
                let target = p
                    .commitment
                    .and_then(|n| app.meeting.commitments.iter().position(|c| c.number == n));
                if let Some(index) = target {
                    app.select_commitment(index);
                    super::update::update(app, super::Action::AddObservation);
                    if let Some(Layer::Editor(editor)) = app.layers.last_mut() {
                        editor.input = text_area(&p.text);
                        editor.level = p.level;
                        if let Some(i) = p
                            .index
                            .filter(|&i| i < app.meeting.commitments[index].observations.len())
                        {
                            editor.editing = Some(i);
                            editor.insert_at = i + 1;
                        }
                    }
                }
            }
            kind => {
                let target = match (kind, p.index) {
                    ("point", Some(i)) if i < app.meeting.points.len() => {
                        Some(TextTarget::Point(i))
                    }
                    ("decision", Some(i)) if i < app.meeting.decisions.len() => {
                        Some(TextTarget::Decision(i))
                    }
                    _ => Some(TextTarget::NewDecision(app.meeting.decisions.len())),
                };
                if let Some(target) = target {
                    app.layers.push(Layer::Text(TextEdit {
                        target,
                        title: ui.rec_text_title.to_owned(),
                        input: text_area(&p.text),
                    }));
                }
            }
        }
    }
    ui.rec_done.to_owned()
}
