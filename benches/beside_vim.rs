//! copil beside vim, on the same meeting file, in one run, each in a real 120×40
//! pseudo-terminal: the key echo while typing, the first frame, the bytes written to the
//! terminal per typed letter, and the bytes written while nothing happens.
//! `cargo bench --bench beside_vim`. Skipped where vim is not installed.
//!
//! The two programs take turns (copil, vim, copil, …) so that the machine's other work
//! weighs on both alike; the figures are medians and the verdicts ratios to vim's.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use copil::config::Config;
use copil::model::generate;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
/// What is typed, one key at a time: French, with accents.
const TYPED: &str = "Préciser les délais, et ajouter une activité liée";
/// The pause between two typed keys: a fast typist.
const GAP: Duration = Duration::from_millis(60);
const ROUNDS: usize = 7;
/// Openings alone (open, first frame, quit) after the rounds, taking turns too: the
/// first frame is a few milliseconds, which one busy moment of the machine can double.
const REOPENINGS: usize = 25;
const IDLE: Duration = Duration::from_secs(5);

#[derive(Clone, Copy, PartialEq)]
enum Program {
    Copil,
    Vim,
}

/// A program running in a pseudo-terminal, its output read by a thread that stamps each
/// piece with the moment it arrived.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<(Instant, Vec<u8>)>,
    screen: vt100::Parser,
    /// Bytes the program wrote so far.
    bytes: usize,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(program: Program, file: &Path, home: &Path) -> (Session, Instant) {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = match program {
            Program::Copil => CommandBuilder::new(env!("CARGO_BIN_EXE_copil")),
            Program::Vim => {
                // vim as it comes, without a user's settings or its history file.
                let mut cmd = CommandBuilder::new("vim");
                cmd.args(["-N", "-u", "NONE", "-i", "NONE"]);
                cmd
            }
        };
        cmd.arg(file);
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LC_ALL", "C.UTF-8");
        cmd.env("HOME", home);
        cmd.env("COPIL_DATA_DIR", home.join("data").join("copil"));
        cmd.env("COPIL_CONFIG_DIR", home.join("config").join("copil"));
        let start = Instant::now();
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let screen = vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        );
        let session = Session {
            child,
            writer,
            output,
            screen,
            bytes: 0,
            _master: pty.master,
        };
        (session, start)
    }

    /// Reads output until `done` holds of the screen; the moment the piece that made it
    /// hold arrived.
    fn until(&mut self, done: impl Fn(&vt100::Screen) -> bool) -> Instant {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok((at, bytes)) = self.output.recv_timeout(Duration::from_millis(5)) {
                self.bytes += bytes.len();
                self.screen.process(&bytes);
                if done(self.screen.screen()) {
                    return at;
                }
            }
        }
        panic!(
            "the screen never showed what was awaited (cursor at {:?}):\n{}",
            self.screen.screen().cursor_position(),
            self.screen.screen().contents()
        );
    }

    /// Reads whatever comes for `time`.
    fn settle(&mut self, time: Duration) {
        let deadline = Instant::now() + time;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            if let Ok((_, bytes)) = self.output.recv_timeout(left) {
                self.bytes += bytes.len();
                self.screen.process(&bytes);
            }
        }
    }

    fn send(&mut self, keys: &str) -> Instant {
        let at = Instant::now();
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        at
    }

    /// Waits for the program to end, then makes sure it did.
    fn end(mut self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            self.settle(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one turn of a program measured.
struct Turn {
    first_frame: Duration,
    echoes: Vec<Duration>,
    bytes_per_letter: f64,
    idle_bytes_per_second: f64,
}

/// Opens the file in `home` (a copy of `original` made the first time): the session and
/// how long its first frame took.
fn open(program: Program, original: &Path, home: &Path) -> (Session, Duration) {
    // The same file from turn to turn, as a secretary reopens hers.
    let file = home.join(original.file_name().unwrap());
    if !file.exists() {
        std::fs::copy(original, &file).unwrap();
    }
    let _ = std::fs::remove_file(home.join(format!(
        ".{}.swp",
        file.file_name().unwrap().to_string_lossy()
    )));
    let (mut s, start) = Session::start(program, &file, home);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let shown = s.until(|screen| match program {
        Program::Copil => screen.contents().contains("Commitments 1/"),
        Program::Vim => screen.contents().contains(&format!("{name}\"")),
    });
    (s, shown - start)
}

/// Opens the file, waits for its first frame, and quits at once.
fn reopen(program: Program, original: &Path, home: &Path) -> Duration {
    let (mut s, first_frame) = open(program, original, home);
    s.settle(Duration::from_millis(100));
    s.send(match program {
        Program::Copil => "q",
        Program::Vim => ":q!\r",
    });
    s.end();
    first_frame
}

/// Opens the file, types `TYPED` into a new line, then waits.
fn turn(program: Program, original: &Path, home: &Path, idle: bool) -> Turn {
    let (mut s, first_frame) = open(program, original, home);
    s.settle(Duration::from_millis(500));
    // A new observation in copil, a new line in vim.
    s.send(match program {
        Program::Copil => "a",
        Program::Vim => "Go",
    });
    s.settle(Duration::from_millis(300));
    let (row, col) = insertion_point(s.screen.screen());
    let before = s.bytes;
    let mut echoes = Vec::new();
    let mut typed = String::new();
    for c in TYPED.chars() {
        typed.push(c);
        let end = col + typed.chars().count() as u16;
        let sent = s.send(&c.to_string());
        // A space shows as nothing: the cursor moving past it is its echo.
        let echoed = s.until(|screen| {
            screen.contents_between(row, col, row, end).trim_end() == typed.trim_end()
                && screen.cursor_position() == (row, end)
        });
        echoes.push(echoed - sent);
        s.settle(GAP);
    }
    let bytes_per_letter = (s.bytes - before) as f64 / TYPED.chars().count() as f64;
    // Ctrl-U takes the line back: copil keeps no empty observation.
    s.send(match program {
        Program::Copil => "\x15\x1b",
        Program::Vim => "\x1b",
    });
    s.settle(Duration::from_millis(500));
    // Nothing happens, the meeting's clock running.
    let idle_bytes_per_second = if idle {
        let before = s.bytes;
        s.settle(IDLE);
        (s.bytes - before) as f64 / IDLE.as_secs_f64()
    } else {
        f64::NAN
    };
    // Closed as a person would, the text taken back, so that the file stays as it was
    // and nothing is left to recover at the next turn.
    s.send(match program {
        Program::Copil => "q",
        Program::Vim => ":q!\r",
    });
    s.end();
    Turn {
        first_frame,
        echoes,
        bytes_per_letter,
        idle_bytes_per_second,
    }
}

/// Where typed text goes: the terminal's cursor.
fn insertion_point(screen: &vt100::Screen) -> (u16, u16) {
    assert!(
        !screen.hide_cursor(),
        "no cursor on screen:\n{}",
        screen.contents()
    );
    screen.cursor_position()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The figures of both programs on one file, and the verdicts.
fn compare(what: &str, original: &Path, first_frame_target: f64) {
    let dir = tempfile::tempdir().unwrap();
    let mut turns: [Vec<Turn>; 2] = [Vec::new(), Vec::new()];
    for round in 0..ROUNDS {
        for (i, program) in [Program::Copil, Program::Vim].into_iter().enumerate() {
            let home = dir.path().join(format!("{i}"));
            std::fs::create_dir_all(&home).unwrap();
            turns[i].push(turn(program, original, &home, round == 0));
        }
    }
    let mut reopenings: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..REOPENINGS {
        for (i, program) in [Program::Copil, Program::Vim].into_iter().enumerate() {
            let home = dir.path().join(format!("{i}"));
            reopenings[i].push(ms(reopen(program, original, &home)));
        }
    }
    let figure = |i: usize, f: &dyn Fn(&Turn) -> Vec<f64>, from: usize| {
        median(turns[i][from..].iter().flat_map(f).collect())
    };
    let first = |t: &Turn| vec![ms(t.first_frame)];
    let echo = |t: &Turn| t.echoes.iter().copied().map(ms).collect();
    let bytes = |t: &Turn| vec![t.bytes_per_letter];
    let idle = [0, 1].map(|i| turns[i][0].idle_bytes_per_second);
    // copil's first turn opens a file it never saw; the next ones reopen it.
    let opened = ms(turns[0][0].first_frame);
    let reopened = |i: usize| {
        let rounds = turns[i][1..].iter().flat_map(first);
        median(rounds.chain(reopenings[i].iter().copied()).collect())
    };
    let (c_first, v_first) = (reopened(0), reopened(1));
    let (c_echo, v_echo) = (figure(0, &echo, 0), figure(1, &echo, 0));
    let (c_bytes, v_bytes) = (figure(0, &bytes, 0), figure(1, &bytes, 0));
    println!("{what}");
    println!(
        "  {:<34} copil {opened:>8.3} ms",
        "first frame, first opening"
    );
    line(
        "first frame, reopening",
        (c_first, v_first, "ms"),
        first_frame_target,
    );
    line("key echo while typing, p50", (c_echo, v_echo, "ms"), 1.5);
    line("bytes per typed letter", (c_bytes, v_bytes, "B"), 1.5);
    println!(
        "  {:<34} copil {:>8.1} B/s  vim {:>8.1} B/s  target ≤ 60 B/s: {}\n",
        "bytes while idle (5 s)",
        idle[0],
        idle[1],
        verdict(idle[0] <= 60.0)
    );
}

fn line(what: &str, (copil, vim, unit): (f64, f64, &str), target: f64) {
    let ratio = copil / vim;
    println!(
        "  {what:<34} copil {copil:>8.3} {unit:<3} vim {vim:>8.3} {unit:<3} {ratio:>5.2}×  target ≤ {target}×: {}",
        verdict(ratio <= target)
    );
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

fn vim_present() -> bool {
    std::process::Command::new("vim")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    if !vim_present() {
        println!("vim is not installed here: copil beside vim skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sample =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data/copil-2024-02-22.toml");
    let small = dir.path().join("sample.toml");
    std::fs::copy(&sample, &small).unwrap();
    let large = dir.path().join("large.toml");
    let meeting = generate::meeting(10_000, 1);
    std::fs::write(
        &large,
        copil::store::write_meeting(&meeting, &Config::builtin().marks),
    )
    .unwrap();
    println!(
        "copil beside vim, {ROUNDS} turns each, taking turns, {COLS}×{ROWS} pseudo-terminal; \
         {} letters typed {} ms apart\n",
        TYPED.chars().count(),
        GAP.as_millis()
    );
    compare("the sample meeting, 22 commitments", &small, 1.2);
    compare("10,000 commitments, reviewed (6.9 MB)", &large, 1.5);
}
