//! Reading a file as text: the errors that name the file and say what to do, UTF-8 only,
//! a byte-order mark dropped, an empty file refused.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{fill, msg};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}{}", fill(msg().cannot_read, &[&path.display(), source]), read_hint(source))]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{0}")]
    Invalid(Diagnostics),
}

fn read_hint(source: &io::Error) -> String {
    let m = msg();
    let hint = match source.kind() {
        io::ErrorKind::NotFound => m.hint_not_found,
        io::ErrorKind::PermissionDenied => m.hint_permission,
        io::ErrorKind::IsADirectory => m.hint_is_dir,
        _ => return String::new(),
    };
    format!("\n  {} {hint}", m.help)
}

impl LoadError {
    /// Bad input (exit code 2) as opposed to a failure of the machine (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            LoadError::Invalid(_) => true,
            LoadError::Read { source, .. } => matches!(
                source.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::IsADirectory
            ),
        }
    }
}

/// Reads a file as text, refusing empty and non-UTF-8 files with a located message.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    decode(path, read_bytes(path)?)
}

pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })
}

pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let invalid = |d: Diagnostic| LoadError::Invalid(Diagnostics(vec![d]));
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            return Err(invalid(Diagnostic::at_offset(
                path,
                &prefix,
                valid,
                fill(msg().not_utf8, &[&format!("{:02X}", bytes[valid])]),
                msg().not_utf8_hint,
            )));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(invalid(Diagnostic::whole_file(
            path,
            msg().empty_file,
            msg().empty_file_hint,
        )));
    }
    Ok(text)
}
