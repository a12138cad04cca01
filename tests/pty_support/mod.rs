//! The harness of the pseudo-terminal tests: the real binary run in a pseudo-terminal,
//! its screen read through vt100, keys sent as a person types them.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub output: Receiver<Vec<u8>>,
    pub screen: vt100::Parser,
    /// Everything the program wrote, for escape sequences the screen does not keep.
    pub raw: Vec<u8>,
    /// The pseudo-terminal's rows: the screen read back is its whole when 30.
    pub rows: u16,
    /// A whole frame of the meeting was seen (past the kept screen, `wait_for`).
    pub settled: bool,
    pub _master: Box<dyn MasterPty + Send>,
}

/// What the kept screen's status line says while the meeting is read.
const OPENING: [&str; 2] = ["Opening the meeting…", "Ouverture de la réunion…"];

impl Session {
    pub fn start(args: &[&str], home: &Path) -> Session {
        Session::start_in(args, home, &[])
    }

    pub fn start_in(args: &[&str], home: &Path, env: &[(&str, &str)]) -> Session {
        Session::start_sized(args, home, env, (30, 100))
    }

    /// The same in a terminal of `rows` × `cols` (the screen read back stays 30 × 100).
    pub fn start_sized(
        args: &[&str],
        home: &Path,
        env: &[(&str, &str)],
        (rows, cols): (u16, u16),
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal opens");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_copil"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // The interface in English whatever the machine's language; tests read its words.
        cmd.env("LC_ALL", "C.UTF-8");
        cmd.env("HOME", home);
        cmd.env("COPIL_DATA_DIR", home.join("data").join("copil"));
        cmd.env("COPIL_CONFIG_DIR", home.join("config").join("copil"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("copil starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            screen: vt100::Parser::new(nz(30), nz(100), 0),
            raw: Vec::new(),
            rows,
            settled: false,
            _master: pty.master,
        }
    }

    /// copil on `file`, the editor of the first commitment open.
    pub fn typing(file: &Path, home: &Path) -> Session {
        let mut s = Session::start(&[file.to_str().unwrap()], home);
        s.wait_for("Commitments 1/22");
        s.send("a");
        s.wait_for("New observation");
        s
    }

    pub fn take(&mut self, bytes: &[u8]) {
        self.screen.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.take(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.take(&bytes);
        }
    }

    /// Sends a signal to the program, as `kill -SIGNAL` would. Where there are no signals
    /// (Windows), `KILL` ends the process at once as its like; the others have none.
    pub fn signal(&mut self, signal: &str) {
        if cfg!(not(unix)) {
            assert_eq!(signal, "KILL", "no signal {signal} on this system");
            self.child.kill().expect("the program ends");
            return;
        }
        let pid = self.child.process_id().expect("a running program");
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    /// Waits until the screen shows `text` — on the meeting's own frame, not on the screen
    /// the last session kept, shown while the meeting is read: a frame of copil's read in
    /// part (its status line, the last row, not there yet) may be that screen.
    pub fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            self.pump(Duration::from_millis(50));
            let shown = self.contents();
            let kept = OPENING
                .iter()
                .any(|o| shown.contains(o) && !text.contains(o));
            let row = |r| self.screen.screen().contents_between(r, 0, r, 100);
            let frame = self.rows == 30 && row(0).starts_with(" copil ");
            // Once a whole frame of the meeting was seen, the kept screen is gone for good
            // (a presentation has no status line).
            self.settled |= !kept && !row(29).trim().is_empty();
            let whole = self.settled || !frame;
            if shown.contains(text) && !kept && whole {
                return;
            }
        }
        panic!("the screen never showed {text:?}:\n{}", self.contents());
    }

    /// Sends keys at once, in one write: they may reach the program in one read, and
    /// mean the same as if they came one by one.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends keys one by one, `gap` apart, as a slow typist or a slow link does.
    pub fn send_slowly(&mut self, keys: &str, gap: Duration) {
        for c in keys.chars() {
            let mut bytes = [0u8; 4];
            self.send(c.encode_utf8(&mut bytes));
            std::thread::sleep(gap);
            self.pump(Duration::from_millis(1));
        }
    }

    /// Reads what the program wrote last, up to the end of its output.
    pub fn drain(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            match self.output.recv_timeout(Duration::from_millis(50)) {
                Ok(bytes) => self.take(&bytes),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Waits for the program to end and returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().unwrap() {
                self.drain();
                return status.exit_code();
            }
        }
        let _ = self.child.kill();
        panic!("copil did not exit:\n{}", self.contents());
    }
}

/// The sample meeting copied into a fresh home and opened on its review screen.
pub fn open_sample() -> (tempfile::TempDir, std::path::PathBuf, Session) {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    (home, file, s)
}

pub fn sample_in(home: &Path) -> std::path::PathBuf {
    let file = home.join("meeting.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &file).unwrap();
    file
}

/// The ids of the marks of the commitment at `index`, as the file has them.
pub fn marks(file: &Path, index: usize) -> Vec<String> {
    let m = copil::store::load(file, &copil::config::Config::builtin().marks).unwrap();
    m.commitments[index]
        .marks
        .iter()
        .map(|k| k.id.clone())
        .collect()
}

pub fn observations(file: &Path, index: usize) -> Vec<String> {
    let m = copil::store::load(file, &copil::config::Config::builtin().marks).unwrap();
    m.commitments[index]
        .observations
        .iter()
        .map(|o| o.text.clone())
        .collect()
}

/// A meeting in `home/meetings`, opened; the folder then moved away (to `home/moved`) and
/// a bullet typed, so that saving fails. Returns the session and the meeting file's path;
/// moving `home/moved` back to `home/meetings` lets saves through again.
pub fn typed_while_the_folder_is_gone(home: &Path) -> (Session, std::path::PathBuf) {
    let folder = home.join("meetings");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("meeting.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &file).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home);
    s.wait_for("Commitments 1/22");
    std::fs::rename(&folder, home.join("moved")).unwrap();
    s.send("a");
    s.wait_for("New observation");
    s.send("Écrite pendant la panne\r\x1b");
    s.wait_for("SAVE FAILED");
    (s, file)
}
