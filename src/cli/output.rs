//! What the commands print.

use super::error::CliError;
use crate::i18n::{fill, msg};

/// Writes to standard output. A reader that stops early (`copil print FILE | head`) is not
/// an error.
pub fn emit(text: &str) -> Result<(), CliError> {
    emit_bytes(text.as_bytes())
}

/// `bytes` to the standard output (a PDF for `lp`); a closed pipe is not an error.
pub fn emit_bytes(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Runtime(fill(msg().cannot_write_output, &[&e]))),
    }
}
