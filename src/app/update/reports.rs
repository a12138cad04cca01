//! What the threads around the program report back: a save done or failed, an export
//! written, and the time that passes with no key.

use std::path::PathBuf;
use std::time::Instant;

use crate::app::effects::{Effect, Effects};
use crate::app::state::App;
use crate::app::view::{SaveFailure, SaveStatus};

/// The saver wrote `revision` (or failed to); `sent` is the newest revision it was given.
pub fn saved(app: &mut App, revision: u64, sent: u64, result: Result<(), SaveFailure>) {
    app.save_status = match result {
        Ok(()) if revision >= sent => {
            // Nothing left to warn about before quitting.
            if std::mem::take(&mut app.quit_armed) {
                app.message = None;
            }
            SaveStatus::Saved
        }
        Ok(()) => SaveStatus::Saving,
        Err(SaveFailure { cause, copy }) => {
            // Said once in full, where the status line has room only for its gist; not over
            // the question before quitting, which says where the copy is.
            if !matches!(app.save_status, SaveStatus::Failed { .. }) && !app.quit_armed {
                let ui = app.ui();
                let copy = copy
                    .as_ref()
                    .map(|c| crate::i18n::fill(ui.copy_in, &[&c.display()]))
                    .unwrap_or_default();
                app.message = Some(format!("{} {cause}{copy}", ui.saving_failed));
            }
            SaveStatus::Failed { cause, copy }
        }
    };
}

/// The export asked for is written (the files), or failed (why).
pub fn exported(app: &mut App, result: Result<Vec<PathBuf>, String>) {
    app.exporting = false;
    let ui = app.ui();
    if result.is_ok() {
        app.exported = Some(app.export_at);
    }
    app.message = Some(match result {
        Ok(files) => {
            // Beside the meeting: the names say it all, and fit the status line.
            let folder = app.file.as_deref().and_then(std::path::Path::parent);
            let names: Vec<String> = files
                .iter()
                .map(|f| match (f.parent(), f.file_name()) {
                    (parent, Some(name)) if parent == folder => name.to_string_lossy().into_owned(),
                    _ => f.display().to_string(),
                })
                .collect();
            format!("{} {}", ui.exported, names.join(", "))
        }
        Err(e) => format!("{} {e}", ui.export_failed),
    });
}

/// Time passes with no key: the time on the current item is written every so often.
pub fn tick(app: &mut App, now: Instant) -> Effects {
    app.now = now;
    let revision = app.revision;
    app.fold_time();
    if app.revision == revision {
        Effects::none()
    } else {
        Effect::Save.into()
    }
}
