//! The terminal around the program: restored on every way out, a panic included, and the
//! question asked on it before the screen opens.

use std::io::stdout;
use std::path::Path;

use ratatui::crossterm::event::DisableBracketedPaste;
use ratatui::crossterm::execute;

use super::error::RunError;
use crate::i18n::{fill, msg};
use crate::store;

/// Restores the terminal when dropped, whatever way the loop ends.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        // On a terminal that has gone away these fail; that is no reason to fail again.
        let _ = execute!(stdout(), DisableBracketedPaste);
        let _ = ratatui::try_restore();
    }
}

/// Restores the terminal before a panic's message, and never panics itself: ratatui's own
/// hook prints with `eprintln!`, which panics when the terminal is gone, and a panic inside
/// a panic hook aborts the process before anything is saved.
pub fn set_panic_hook() {
    let _ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        use std::io::Write;
        let _ = ratatui::try_restore();
        let _ = writeln!(std::io::stderr(), "{info}");
    }));
}

/// Asks on the terminal whether to open a file held by another copy read-only.
/// What to do about a copy that holds the file.
#[derive(Debug, PartialEq, Eq)]
pub enum Choice {
    ReadOnly,
    /// The other copy is gone (the person says so): the lock is taken over.
    TakeOver,
}

/// Asks, before the screen is taken, what to do when another copy holds the file: open it
/// read-only, take the lock over when `takeover` is offered, or quit (an error).
pub fn ask_holder(
    path: &Path,
    holder: &store::lock::Holder,
    takeover: bool,
) -> Result<Choice, RunError> {
    use std::io::{BufRead, IsTerminal, Write};
    eprintln!(
        "copil: {}",
        fill(msg().already_open, &[&path.display(), holder])
    );
    if !std::io::stdin().is_terminal() {
        return Err(RunError::Held(fill(
            msg().close_it_first,
            &[&path.display(), holder],
        )));
    }
    eprint!("{}", msg().open_read_only);
    if takeover {
        eprint!("{}", msg().or_take_over);
    }
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    match answer.trim() {
        "y" | "Y" | "o" | "O" | "yes" | "oui" => Ok(Choice::ReadOnly),
        "t" | "T" if takeover => Ok(Choice::TakeOver),
        _ => Err(RunError::Held(fill(
            msg().nothing_opened,
            &[&path.display(), holder],
        ))),
    }
}
