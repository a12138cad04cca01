//! Reading a file as text: the errors that name the file and say what to do, UTF-8 only,
//! a byte-order mark dropped, an empty file refused. Only regular files are read (a pipe
//! would wait forever, a device never end), and none larger than `MAX_BYTES`.

use std::fs;
use std::io::{self, Read};
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

/// The most a meeting or configuration file may hold: fifty times a 10,000-commitment
/// meeting.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

fn read_hint(source: &io::Error) -> String {
    let m = msg();
    let hint = match source.kind() {
        _ if crate::platform::is_link_loop(source) => m.hint_link_loop,
        io::ErrorKind::NotFound => m.hint_not_found,
        io::ErrorKind::PermissionDenied => m.hint_permission,
        io::ErrorKind::IsADirectory => m.hint_is_dir,
        io::ErrorKind::InvalidInput => m.hint_not_regular,
        _ => return String::new(),
    };
    format!("\n  {} {hint}", m.help)
}

impl LoadError {
    /// Bad input (exit code 2) as opposed to a failure of the machine (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            LoadError::Invalid(_) => true,
            LoadError::Read { source, .. } => {
                matches!(
                    source.kind(),
                    io::ErrorKind::NotFound
                        | io::ErrorKind::IsADirectory
                        | io::ErrorKind::InvalidInput
                        | io::ErrorKind::InvalidData
                ) || crate::platform::is_link_loop(source)
            }
        }
    }
}

/// The most one part of a Word or spreadsheet file may unpack to: a file of a few
/// megabytes that unpacks to gigabytes is refused, not read.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

/// One part of an archive, read whole, refused past `MAX_UNPACKED`.
pub fn unpack(part: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    part.take(MAX_UNPACKED + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_UNPACKED {
        let limit = MAX_UNPACKED / (1024 * 1024);
        let why = fill(msg().unpacks_too_large, &[&limit]);
        return Err(io::Error::new(io::ErrorKind::InvalidData, why));
    }
    Ok(bytes)
}

/// One part of an archive as text (see `unpack`).
pub fn unpack_text(part: impl Read) -> io::Result<String> {
    String::from_utf8(unpack(part)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Reads a file as text, refusing empty and non-UTF-8 files with a located message.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    decode(path, read_bytes(path)?)
}

pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_regular(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })
}

/// The bytes of a regular file of at most `MAX_BYTES`; anything else is refused at once.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        // Said the same on every system (Windows says "access denied").
        return Err(io::Error::new(io::ErrorKind::IsADirectory, msg().is_folder));
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            msg().not_regular,
        ));
    }
    let too_large = || {
        let limit = MAX_BYTES / (1024 * 1024);
        io::Error::new(io::ErrorKind::InvalidData, fill(msg().too_large, &[&limit]))
    };
    if meta.len() > MAX_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let invalid = |d: Diagnostic| LoadError::Invalid(Diagnostics(vec![d]));
    // UTF-16 (what "Unicode text" means in some spreadsheets) says so in its first bytes.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let d = Diagnostic::whole_file(path, msg().utf16, msg().not_utf8_hint);
        return Err(invalid(d));
    }
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
                fill(msg().not_utf8, &[&format!("{:02X}", bytes[valid])])
                    + if bytes[valid] >= 0xA0 {
                        msg().looks_latin1
                    } else {
                        ""
                    },
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
