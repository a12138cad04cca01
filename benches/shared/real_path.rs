//! The program's real path, without a terminal: `copil::live::run_on` opens the meeting
//! file with its lock, journal, saver, exporter and watchdog threads, and runs the event
//! loop, which draws through the backend that writes to the terminal. Keys go in through a
//! channel with the moment they were sent; the frames' bytes come out through a writer
//! that says when each frame was flushed. A key's figure is the time from its sending to
//! the flush of the first frame that wrote something: its echo, everything on the way
//! included (the loop, the effects, the journal and the saver taking their share of the
//! machine).

use std::io::Write;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use copil::config::Config;
use copil::live::Given;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;

/// The terminal's side: counts the bytes of a frame, says when it is flushed.
struct Frames {
    bytes: usize,
    flushed: Sender<(Instant, usize)>,
}

impl Write for Frames {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self
            .flushed
            .send((Instant::now(), std::mem::take(&mut self.bytes)));
        Ok(())
    }
}

pub struct Live {
    keys: Sender<(Event, Instant)>,
    frames: Receiver<(Instant, usize)>,
    program: Option<JoinHandle<()>>,
}

impl Live {
    /// The program on `file`, drawing at `size`; returns once its first frame is out.
    pub fn open(file: &Path, size: Size) -> Live {
        let (keys, input) = channel();
        let (flushed, frames) = channel();
        let file = file.to_path_buf();
        let program = std::thread::spawn(move || {
            let out = Frames { bytes: 0, flushed };
            let front = Given { out, size, input };
            copil::live::run_on(Some(file), Config::builtin(), front).expect("the program ran");
        });
        let mut live = Live {
            keys,
            frames,
            program: Some(program),
        };
        live.frame(Duration::from_secs(60))
            .expect("the first frame");
        live
    }

    /// The next frame that wrote something, and when.
    fn frame(&mut self, limit: Duration) -> Option<Instant> {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.frames.recv_timeout(left) {
                Ok((at, bytes)) if bytes > 0 => return Some(at),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }

    /// Frames still coming, dropped.
    fn quiet(&mut self) {
        while self.frames.try_recv().is_ok() {}
    }

    /// Sends `code` and waits for its frame: the time between.
    pub fn key(&mut self, code: KeyCode) -> Duration {
        self.quiet();
        let sent = Instant::now();
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        self.keys
            .send((event, sent))
            .expect("the program takes keys");
        let shown = self
            .frame(Duration::from_secs(10))
            .expect("a frame after the key");
        shown - sent
    }

    /// Sends `code` without waiting on its frame.
    pub fn press(&mut self, code: KeyCode) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        let _ = self.keys.send((event, Instant::now()));
    }

    /// Quits as the secretary would, and waits for the program's last save.
    pub fn quit(mut self) {
        self.press(KeyCode::Esc);
        self.press(KeyCode::Char('q'));
        if let Some(program) = self.program.take() {
            program.join().expect("the program ended");
        }
    }
}

/// The data directory of the program runs, away from the user's.
pub fn data_home(dir: &Path) {
    // SAFETY: set before any thread of the benchmark starts.
    unsafe { std::env::set_var("COPIL_DATA_DIR", dir.join("data").join("copil")) };
}

/// Writes `meeting` for the program to open.
pub fn file(dir: &Path, n: usize, meeting: &copil::model::Meeting) -> std::path::PathBuf {
    let path = dir.join(format!("live-{n}.toml"));
    let text = copil::store::write_meeting(meeting, &Config::builtin().marks);
    std::fs::write(&path, text).unwrap();
    path
}
