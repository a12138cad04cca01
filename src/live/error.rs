//! How the live program can fail, each way worded for the person at the terminal.

use std::io;
use std::path::PathBuf;

use crate::i18n::{fill, msg};
use crate::store::LoadError;

/// Why the live program stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{}", fill(msg().terminal_error, &[.0]))]
    Terminal(#[from] io::Error),
    #[error("{}", fill(msg().demo_error, &[&path.display(), source]))]
    Demo { path: PathBuf, source: io::Error },
    #[error("{}", fill(msg().final_save_failed, &[.0]))]
    FinalSave(String),
    #[error("{0}")]
    Held(String),
    #[error("{0}")]
    Crashed(String),
    #[error("{}", fill(msg().no_place, &[.0]))]
    NoPlace(String),
    /// The meeting file is gone, and copil kept the copy it last saved.
    #[error("{0}")]
    Gone(String),
}
