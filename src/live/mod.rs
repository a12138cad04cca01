//! The live program: the edge where effects happen. It opens the meeting, takes its lock,
//! offers a journal left behind, starts the threads that save, export, journal and watch
//! for a hang-up, runs the event loop, and on every way out saves once more and restores
//! the terminal.

mod backend;
mod closing;
mod error;
mod event_loop;
pub mod exporter;
mod glimpse;
mod journal;
mod keeping;
mod opening;
pub mod saver;
mod terminal;
pub mod watchdog;

use std::io::stdout;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Instant;

use ratatui::crossterm::event::EnableBracketedPaste;
use ratatui::crossterm::execute;
use ratatui::layout::Size;

use crate::app::{App, Clock};
use crate::config::Config;
use crate::paths::MeetingFiles;
use crate::store::{self, cache::Cache};
use closing::finish;
pub use error::RunError;
pub use event_loop::{End, Input, Workers};
use exporter::Exporter;
pub use glimpse::look;
use journal::Journaling;
use opening::{Taken, data_dir_note, demo_file, offer_journal, take_lock};
use saver::Saver;
use watchdog::Watchdog;

/// The time now for the live screen: the instant, for the clocks, and the wall clock's
/// reading (`crate::clock`).
pub fn clock() -> Clock {
    Clock {
        instant: Instant::now(),
        wall: crate::clock::now().naive_local(),
    }
}

/// The meeting file found and read (from the cache when it holds the file's exact bytes).
struct Read {
    path: PathBuf,
    demo_said: Option<String>,
    demo: bool,
    files: MeetingFiles,
    cache: Option<Cache>,
    opened: store::Opened,
}

fn read(file: Option<PathBuf>, config: &Config) -> Result<Read, RunError> {
    let (path, demo_said) = match &file {
        Some(path) => (path.clone(), None),
        None => demo_file(config)?,
    };
    let demo = file.is_none();
    let files = MeetingFiles::for_meeting(&path);
    opening::named_if_gone(&path, &files)?;
    let cache = Cache::new(files.cache.clone(), &config.marks);
    let opened = store::open(&path, &config.marks, cache.as_ref())?;
    crate::log::step(if opened.from_cache() {
        "meeting read from the cache"
    } else {
        "meeting read from its text"
    });
    tracing::info!(
        file = %path.display(),
        commitments = opened.meeting.commitments.len(),
        demo,
        from_cache = opened.from_cache(),
        "opened"
    );
    Ok(Read {
        path,
        demo_said,
        demo,
        files,
        cache,
        opened,
    })
}

/// The live program with its frames and keys where `front` says: the terminal, or what a
/// benchmark gives (`Given`). Everything else is the program's own: lock, journal, saver,
/// exporter, watchdog, the way out.
pub fn run_on(
    file: Option<PathBuf>,
    config: Config,
    mut front: impl Front,
) -> Result<(), RunError> {
    let Read {
        path,
        demo_said,
        demo,
        files,
        cache,
        opened,
    } = read(file, &config)?;
    let Taken { lock, note } = take_lock(&path, &files)?;
    crate::log::step("lock taken");
    let read_only = lock.is_none();
    let first_cache = cache
        .clone()
        .filter(|_| opened.large && !opened.from_cache())
        .map(|cache| (cache, opened.key));
    let opened_seen = opened.seen;
    let fingerprint = opened.fingerprint;
    let mut app = App::new(opened.meeting, config, Some(path.clone()), clock());
    (app.demo, app.read_only) = (demo, read_only);
    crate::log::step("state built");
    let said = demo_said.or(note.or_else(|| data_dir_note(&files)));
    let (earlier, differs) =
        again_where_it_stopped(&mut app, &files, (opened_seen.key, fingerprint), said);
    let saver = start_saver(&mut app, &files, (opened_seen, earlier), differs);
    // Watched from the kept screen on, when one was shown: a signal meanwhile is answered
    // as any other, once the meeting is in.
    let signal = match front.watched() {
        Some(signal) => signal,
        None => watched()?,
    };
    let watchdog = start_watchdog(&app, &files, (&lock, &saver.known), &signal);
    let exporter = Exporter::spawn();
    crate::log::step("threads started");
    let workers = Workers {
        saver: &saver,
        exporter: &exporter,
        journaling: Journaling::new((!read_only).then(|| files.places(&files.journal)), &app),
        keeping: (!read_only).then(|| keeping::Keeping::spawn(&files, &app)),
        watchdog: Some(&watchdog),
        signal: &signal,
    };
    let keeps = front.keeps_screen();
    let (end, caching) = on_screen(&mut app, workers, first_cache, front)?;
    let known = (Arc::clone(&saver.known), Arc::clone(&saver.versions));
    saver.finish();
    // The final save's copy must not be overtaken by the one of the opening.
    if let Some(caching) = caching {
        let _ = caching.join();
    }
    if read_only {
        return match end {
            Ok(End::Signal(sig)) => std::process::exit(128 + sig),
            _ => Ok(()),
        };
    }
    app.now = Instant::now();
    app.fold_time();
    let on_disk = (&files, &known);
    let finished = finish(&mut app, end, on_disk, lock, cache.as_ref(), &signal);
    // Left cleanly, everything in the file: the screen is kept for the next opening.
    if let (true, false, Some(look)) = (finished.is_ok(), demo, keeps) {
        glimpse::keep_for_next(&mut app, look, &files, &path);
    }
    finished
}

/// The guard for a terminal that hangs up while the loop waits inside the terminal library.
/// Read-only copies have nothing to write, but must not spin on a dead terminal either.
fn start_watchdog(
    app: &App,
    files: &MeetingFiles,
    (lock, known): (&Option<(store::lock::Lock, PathBuf)>, &store::seen::Known),
    signal: &Arc<AtomicUsize>,
) -> Watchdog {
    let path = app.file.clone().unwrap_or_default();
    let read_only = app.read_only;
    Watchdog::spawn(
        Arc::clone(&app.meeting),
        (path.clone(), Arc::clone(known)),
        (!read_only).then(|| files.places(&files.journal)),
        files.places(&files.emergency),
        (
            app.config.marks.clone(),
            lock.as_ref()
                .map(|(_, place)| (place.clone(), store::lock::beside(&path))),
        ),
        Arc::clone(signal),
    )
}

/// The saver, started on the file as opened (and the versions copil wrote or read
/// before); handed the state at once when it differs from the file.
fn start_saver(
    app: &mut App,
    files: &MeetingFiles,
    (opened, earlier): (store::seen::Seen, Vec<store::cache::Key>),
    differs: bool,
) -> Saver {
    let path = app.file.clone().unwrap_or_default();
    let saver = Saver::spawn(
        path,
        app.config.marks.clone(),
        (Some(opened), earlier),
        (
            files.places(&files.emergency),
            (!app.read_only).then(|| files.last.clone()),
        ),
    );
    if differs {
        saver.send(app.revision, Arc::clone(&app.meeting));
        app.save_status = crate::app::SaveStatus::Saving;
    }
    saver
}

/// What the last sessions left, taken up: where the secretary was, the versions they wrote or read (one of them put
/// back is a stale copy), the undo history, the file compared with the copy last saved,
/// the journal offered. Also returns whether the state now differs from the file.
fn again_where_it_stopped(
    app: &mut App,
    files: &MeetingFiles,
    (opened, fingerprint): (store::cache::Key, Option<String>),
    said: Option<String>,
) -> (Vec<store::cache::Key>, bool) {
    // Back where the secretary was when the file was last closed.
    if let Ok(place) = std::fs::read_to_string(&files.place) {
        crate::app::place::restore(app, &place);
    }
    if let Some(said) = said {
        app.message = Some(said);
    }
    let earlier: Vec<store::cache::Key> = std::fs::read_to_string(&files.versions)
        .map(|t| t.lines().filter_map(store::cache::Key::from_line).collect())
        .unwrap_or_default();
    if app.read_only {
        return (earlier, false);
    }
    // Undo goes on where it stopped when the file was last closed.
    if let Ok(bytes) = std::fs::read(&files.undo) {
        // Kept with the cache for a large meeting; the meeting is still as opened.
        let identity = fingerprint.unwrap_or_else(|| app.meeting.fingerprint());
        app.history = crate::app::history::History::restore(&bytes, &identity);
    }
    crate::log::step("place, versions and undo history read");
    let differs = opening::against_last(app, files, opened, &earlier);
    crate::log::step("compared with the copy last saved");
    offer_journal(app, files);
    crate::log::step("journal looked for");
    opening::exports_behind(app, files);
    crate::log::step("exports compared");
    (earlier, differs)
}

type Caching = Option<std::thread::JoinHandle<()>>;

/// The screen: the first frame drawn, the cache of a large meeting written while it is
/// read, then the event loop, a panic in it caught.
fn on_screen(
    app: &mut App,
    workers: Workers,
    mut first_cache: Option<(Cache, store::cache::Key)>,
    front: impl Front,
) -> Result<(std::thread::Result<End>, Caching), RunError> {
    let mut caching = None;
    let end = front.show(app, workers, &mut |app: &App| {
        caching = first_cache.take().map(|(cache, key)| {
            let meeting = Arc::clone(&app.meeting);
            std::thread::spawn(move || {
                if let Err(e) = cache.write(key, &meeting) {
                    tracing::warn!(cache = %cache.path().display(), error = %e, "the cache was not written");
                }
            })
        });
    })?;
    Ok((end, caching))
}

/// Where the live program draws its frames and reads its keys.
pub trait Front {
    /// The flag the end of the session's signals set, when they were watched before the
    /// meeting was read (the kept screen shown).
    fn watched(&mut self) -> Option<Arc<AtomicUsize>> {
        None
    }

    /// The look to keep the screen with at the end, for the next opening's `glimpse`;
    /// `None`: no screen is kept.
    fn keeps_screen(&self) -> Option<u64> {
        None
    }

    /// Draws the first frame, calls `first`, then runs the event loop to its end.
    fn show(
        self,
        app: &mut App,
        workers: Workers,
        first: &mut dyn FnMut(&App),
    ) -> Result<std::thread::Result<End>, RunError>;
}

/// The terminal: taken, restored on every way out (the guard, also when an error comes
/// after the kept screen was shown).
#[derive(Default)]
pub struct OnTerminal {
    taken: Option<(terminal::Screen, terminal::Guard)>,
    signal: Option<Arc<AtomicUsize>>,
    /// What decides the screen's look (`glimpse::look`), kept with the screen.
    look: u64,
}

/// The end of the session's signals (hang-up, terminate, interrupt) watched: they set the
/// flag instead of ending the program with the terminal taken.
fn watched() -> Result<Arc<AtomicUsize>, RunError> {
    let signal = Arc::new(AtomicUsize::new(0));
    crate::platform::watch_signals(&signal)?;
    Ok(signal)
}

/// Takes the terminal for the screen, with its guard.
fn take_terminal() -> Result<(terminal::Screen, terminal::Guard), RunError> {
    terminal::check_size()?;
    let terminal = terminal::take()?;
    let guard = terminal::Guard;
    crate::log::step("terminal taken");
    terminal::set_panic_hook();
    // A console without bracketed paste (an old Windows console) still starts: a paste
    // then arrives as keys.
    if let Err(e) = execute!(stdout(), EnableBracketedPaste) {
        tracing::warn!(error = %e, "no bracketed paste in this terminal");
    }
    Ok((terminal, guard))
}

impl OnTerminal {
    /// The terminal, for a screen whose look `look` decides (`glimpse::look`).
    pub fn looking(look: u64) -> OnTerminal {
        OnTerminal {
            look,
            ..OnTerminal::default()
        }
    }

    /// Shows the screen the last session left, if it may be shown (`glimpse::kept`),
    /// before anything of the meeting is read.
    pub fn glimpse(&mut self, files: &MeetingFiles, path: &Path) -> Result<(), RunError> {
        let Ok((width, height)) = ratatui::crossterm::terminal::size() else {
            return Ok(());
        };
        let Some(kept) = glimpse::kept(files, path, (Size { width, height }, self.look)) else {
            return Ok(());
        };
        crate::log::step("kept screen read");
        // The terminal taken, a signal must not end the program before it is given back.
        self.signal = Some(watched()?);
        let (mut terminal, guard) = take_terminal()?;
        if terminal.size()? == (Size { width, height }) {
            let _ = terminal.draw(|frame| *frame.buffer_mut() = kept);
            crate::log::step("kept screen drawn");
        }
        self.taken = Some((terminal, guard));
        Ok(())
    }
}

impl Front for OnTerminal {
    fn keeps_screen(&self) -> Option<u64> {
        Some(self.look)
    }

    fn watched(&mut self) -> Option<Arc<AtomicUsize>> {
        self.signal.take()
    }

    fn show(
        mut self,
        app: &mut App,
        workers: Workers,
        first: &mut dyn FnMut(&App),
    ) -> Result<std::thread::Result<End>, RunError> {
        // A terminal given back meanwhile (a question asked on it) is taken again; the old
        // one's guard goes first.
        let taken = self.taken.take().filter(|_| terminal::still_taken());
        let (mut terminal, _guard) = match taken {
            Some(taken) => taken,
            None => take_terminal()?,
        };
        let _ = terminal.draw(|frame| crate::ui::draw(frame, app));
        crate::log::step("first frame drawn");
        first(app);
        let end = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            event_loop::run(&mut terminal, app, workers, terminal::Keys)
        }));
        // Shown now: the backend writes a cursor's change when it flushes.
        let _ = terminal.show_cursor();
        let _ = ratatui::backend::Backend::flush(terminal.backend_mut());
        // ratatui's terminal reports a cursor it cannot show with `eprintln!` when dropped,
        // which panics on a terminal that has gone away: it holds nothing else to free.
        std::mem::forget(terminal);
        Ok(end)
    }
}

/// Frames written to `out` at `size`, keys taken from `input`: the program's real path
/// without a terminal, for benchmarks and tests.
pub struct Given<W, I> {
    pub out: W,
    pub size: ratatui::layout::Size,
    pub input: I,
}

impl<W: std::io::Write, I: Input> Front for Given<W, I> {
    fn show(
        self,
        app: &mut App,
        workers: Workers,
        first: &mut dyn FnMut(&App),
    ) -> Result<std::thread::Result<End>, RunError> {
        let mut terminal = ratatui::Terminal::new(backend::Lean::new(self.out, self.size))?;
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        first(app);
        let input = self.input;
        Ok(std::panic::catch_unwind(std::panic::AssertUnwindSafe(
            || event_loop::run(&mut terminal, app, workers, input),
        )))
    }
}
