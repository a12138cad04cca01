//! The terminal around the program: restored on every way out, a panic included, and the
//! question asked on it before the screen opens.

use std::io::stdout;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;

use ratatui::crossterm::event::DisableBracketedPaste;
use ratatui::crossterm::execute;

use super::error::RunError;
use crate::i18n::{fill, msg};
use crate::store;

/// The terminal as copil draws on it: only what changed is written (`super::backend`).
pub type Screen = ratatui::Terminal<super::backend::Lean<std::io::Stdout>>;

/// Whether copil holds the terminal (raw keys, the alternate screen) at this moment.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Whether the terminal taken earlier (to show the kept screen) is still copil's: a
/// question asked on it meanwhile gave it back.
pub fn still_taken() -> bool {
    TAKEN.load(Ordering::SeqCst)
}

/// Takes the terminal: raw keys, the alternate screen.
pub fn take() -> std::io::Result<Screen> {
    TAKEN.store(true, Ordering::SeqCst);
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), ratatui::crossterm::terminal::EnterAlternateScreen)?;
    // The terminal's events are listened to from here on, a resize included, before its
    // size is read: the backend keeps the size the events tell.
    ratatui::crossterm::event::poll(std::time::Duration::ZERO)?;
    ratatui::Terminal::new(super::backend::Lean::on_terminal(stdout())?)
}

/// Restores the terminal when dropped, whatever way the loop ends.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        give_back();
    }
}

/// The terminal given back to the shell. On a terminal that has gone away this fails;
/// that is no reason to fail again.
fn give_back() {
    TAKEN.store(false, Ordering::SeqCst);
    let _ = plain_again();
    let _ = ratatui::try_restore();
}

/// The terminal as the shell expects it back: no bracketed paste, plain colours, and the
/// cursor shown (the screen's backend hides it when no field has it).
fn plain_again() -> std::io::Result<()> {
    execute!(
        stdout(),
        DisableBracketedPaste,
        ratatui::crossterm::style::SetAttribute(ratatui::crossterm::style::Attribute::Reset),
        ratatui::crossterm::cursor::Show
    )
}

/// Restores the terminal before a panic's message, and never panics itself: ratatui's own
/// hook prints with `eprintln!`, which panics when the terminal is gone, and a panic inside
/// a panic hook aborts the process before anything is saved.
pub fn set_panic_hook() {
    let _ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        use std::io::Write;
        let _ = plain_again();
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
    // The kept screen shown meanwhile goes: the question is asked on the shell's screen.
    if still_taken() {
        give_back();
    }
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

/// The terminal's events, read on the loop's own thread: a key goes from the terminal to
/// its update and its frame without waking another thread first. A key's meaning never
/// depends on its time, which only moves the clocks.
pub struct Keys;

impl super::event_loop::Input for Keys {
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<(Event, Instant)>> {
        use ratatui::crossterm::event::{poll, read};
        if !poll(timeout)? {
            return Ok(None);
        }
        read().map(|event| Some((event, Instant::now())))
    }
}

/// The most cells copil draws: far beyond a 4K screen's few hundred thousand, far below
/// the billions a terminal reporting 65535 × 65535 would make it allocate.
const MAX_CELLS: u32 = 4_000_000;

/// Whether the terminal is too large to draw (a broken size report): nothing is drawn
/// rather than the program aborting.
pub fn too_large(width: u16, height: u16) -> bool {
    u32::from(width) * u32::from(height) > MAX_CELLS
}

/// Refuses to take a terminal too large to draw, before anything of it is changed.
pub fn check_size() -> std::io::Result<()> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    if too_large(width, height) {
        let said = crate::i18n::fill(crate::i18n::msg().terminal_too_large, &[&width, &height]);
        return Err(std::io::Error::other(said));
    }
    Ok(())
}
