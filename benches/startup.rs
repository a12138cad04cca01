//! Start-up to the first frame of the real binary in a pseudo-terminal, and its peak
//! memory after opening a meeting and walking its list. `cargo bench --bench startup`.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use copil::config::Config;
use copil::model::generate;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Run {
    first_frame: Duration,
    peak_kib: Option<u64>,
    /// What the first frame waited on: each step of the start-up and the milliseconds
    /// since the program started, as the program logged them.
    steps: Vec<(String, f64)>,
}

/// Starts copil on `file`, waits for the list, walks to the end and back, reads the peak
/// resident size, and quits.
fn run(file: &Path, home: &Path) -> Run {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_copil"));
    cmd.args(["--log-level", "debug"]);
    cmd.arg(file);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("COPIL_DATA_DIR", home.join("data").join("copil"));
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(50).unwrap(),
        std::num::NonZeroU16::new(200).unwrap(),
        0,
    );
    let wait_for = |parser: &mut vt100::Parser, text: &str| {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(5)) {
                parser.process(&bytes);
            }
            if parser.screen().contents().contains(text) {
                return;
            }
        }
        panic!("never saw {text}");
    };
    wait_for(&mut parser, "Commitments 1/");
    let first_frame = start.elapsed();
    writer.write_all(b"G").unwrap();
    writer.flush().unwrap();
    wait_for(&mut parser, "reviewed");
    std::thread::sleep(Duration::from_millis(200));
    writer.write_all(b"g").unwrap();
    writer.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let peak_kib = child.process_id().and_then(|pid| {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    });
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    let log = std::fs::read_to_string(home.join("data/copil/copil.log")).unwrap_or_default();
    Run {
        first_frame,
        peak_kib,
        steps: steps(&log),
    }
}

/// The steps of the last start-up in `log`: `step="…" ms=…` in each line that says one.
fn steps(log: &str) -> Vec<(String, f64)> {
    let mut steps: Vec<(String, f64)> = Vec::new();
    for line in log.lines().filter(|l| l.contains("start-up")) {
        let Some((_, rest)) = line.split_once("step=\"") else {
            continue;
        };
        let Some((step, rest)) = rest.split_once('"') else {
            continue;
        };
        let Some(ms) = rest
            .split_once("ms=")
            .and_then(|(_, v)| v.split_whitespace().next()?.parse().ok())
        else {
            continue;
        };
        // A new start-up: its first step comes sooner after its start than the last one.
        if steps.last().is_some_and(|(_, last)| ms < *last) {
            steps.clear();
        }
        steps.push((step.to_owned(), ms));
    }
    steps
}

/// The median time of each step over `runs`, and how long each took after the one before.
fn print_steps(runs: &[Run]) {
    let Some(first) = runs.first() else { return };
    let mut before = 0.0;
    for (i, (step, _)) in first.steps.iter().enumerate() {
        let mut at: Vec<f64> = runs
            .iter()
            .filter_map(|r| r.steps.get(i).filter(|(s, _)| s == step).map(|(_, ms)| *ms))
            .collect();
        if at.is_empty() {
            continue;
        }
        at.sort_by(f64::total_cmp);
        let median = at[at.len() / 2];
        println!("    {step:<45} {median:>7.2} ms  (+{:.2})", median - before);
        before = median;
    }
}

/// The median first frame of nine runs, and the highest peak memory among them. `cold`
/// removes the program's cache and kept screen before each run, as for a file copil never
/// opened.
fn runs(file: &Path, home: &Path, cold: bool) -> (f64, f64) {
    let mut runs: Vec<Run> = (0..9)
        .map(|_| {
            if cold {
                let _ = std::fs::remove_dir_all(home.join("data/copil/cache"));
                let _ = std::fs::remove_dir_all(home.join("data/copil/places"));
            }
            run(file, home)
        })
        .collect();
    runs.sort_by_key(|r| r.first_frame);
    let median = runs[runs.len() / 2].first_frame.as_secs_f64() * 1000.0;
    let peak = runs.iter().filter_map(|r| r.peak_kib).max().unwrap_or(0) as f64 / 1024.0;
    println!("  what it waited on (median since the program started):");
    print_steps(&runs);
    (median, peak)
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

fn main() {
    let marks = Config::builtin().marks;
    let dir = tempfile::tempdir().unwrap();
    println!("start-up to first frame, real binary in a 200x50 pseudo-terminal\n");
    for (n, target, prepared) in [
        (20, 30.0, false),
        (10_000, 100.0, true),
        (10_000, 100.0, false),
    ] {
        let file = dir.path().join(format!("m{n}-{prepared}.toml"));
        let mut meeting = generate::meeting(n, 1);
        if prepared {
            // The list as it stands before the call: no observations, no marks yet.
            for c in meeting.commitments.iter_mut().map(std::sync::Arc::make_mut) {
                c.observations.clear();
                c.marks.clear();
                c.seconds_spent = 0;
            }
        }
        let text = copil::store::write_meeting(&meeting, &marks);
        std::fs::write(&file, &text).unwrap();
        let what = format!(
            "{n:>6} commitments{} ({:.1} MB file)",
            if prepared {
                " as prepared"
            } else {
                ", reviewed"
            },
            text.len() as f64 / 1e6
        );
        // Files from 1 MB on are cached: the first opening parses the text, the next ones
        // read the cache the previous run left.
        let large = text.len() >= 1 << 20;
        if large {
            let (median, _) = runs(&file, dir.path(), true);
            println!(
                "{what}, first opening: first frame {median:.1} ms, target < {target} ms: {}",
                verdict(median <= target)
            );
        }
        let (median, peak) = runs(&file, dir.path(), false);
        println!(
            "{what}{}: first frame {median:.1} ms, target < {target} ms: {}",
            if large { ", reopened" } else { "" },
            verdict(median <= target)
        );
        if n == 10_000 && !prepared {
            println!(
                "{n:>6} commitments: peak resident memory {peak:.1} MB, target < 40 MB: {}",
                verdict(peak <= 40.0)
            );
        }
    }
}
