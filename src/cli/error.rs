//! The command line's one error type, and the exit code each kind of failure gives.

use crate::i18n::{fill, msg};
use crate::store::{LoadError, SaveError};

/// What went wrong, and which exit code it deserves.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input or usage: exit code 2.
    #[error("{0}")]
    BadInput(String),
    /// A failure of the machine (disk, terminal): exit code 1.
    #[error("{0}")]
    Runtime(String),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::BadInput(_) => 2,
            CliError::Runtime(_) => 1,
        }
    }
}

impl From<LoadError> for CliError {
    fn from(e: LoadError) -> Self {
        if e.is_bad_input() {
            CliError::BadInput(e.to_string())
        } else {
            CliError::Runtime(e.to_string())
        }
    }
}

impl From<SaveError> for CliError {
    fn from(e: SaveError) -> Self {
        if e.already_exists() {
            CliError::BadInput(fill(msg().already_exists, &[&e.path.display()]))
        } else if e.is_bad_input() {
            CliError::BadInput(e.to_string())
        } else {
            CliError::Runtime(e.to_string())
        }
    }
}
