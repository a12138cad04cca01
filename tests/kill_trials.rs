//! Random `kill -9` trials: bullets typed, committed and moved between at random, the
//! program killed at a random instant, then reopened and its journal restored. Nothing
//! committed more than a second before the kill is lost, no bullet comes back twice, and
//! text still being typed a second before the kill comes back.
//!
//! CI runs 8 trials; `COPIL_KILL_TRIALS=200 cargo test --test kill_trials -- --nocapture`
//! runs as many as asked and prints the tally.

mod pty_support;

use std::time::{Duration, Instant};

use pty_support::{Session, sample_in};

/// A small random generator, so that each trial is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What a trial did: each bullet committed (its text, on which commitment, when), and the
/// text being typed at the end (with when its last key went).
struct Done {
    committed: Vec<(String, usize, Instant)>,
    typing: Option<(String, usize, Instant)>,
}

fn play(s: &mut Session, rng: &mut Rng, trial: u64) -> Done {
    let (mut at, mut committed) = (0usize, Vec::new());
    for step in 0..(3 + rng.below(6)) {
        match rng.below(3) {
            0 if at < 21 => {
                s.send("j");
                at += 1;
            }
            _ => {
                let text = format!("Note {trial}-{step} à préciser");
                s.send(&format!("a{text}\r\x1b"));
                committed.push((text, at, Instant::now()));
            }
        }
        std::thread::sleep(Duration::from_millis(rng.below(400)));
    }
    let typing = (rng.below(2) == 0).then(|| {
        let text = format!("Brouillon {trial} en cours");
        s.send(&format!("a{text}"));
        (text, at, Instant::now())
    });
    Done { committed, typing }
}

/// The observations of every commitment of the file.
fn all(file: &std::path::Path) -> Vec<Vec<String>> {
    let m = copil::store::load(file, &copil::config::Config::builtin().marks).unwrap();
    m.commitments
        .iter()
        .map(|c| c.observations.iter().map(|o| o.text.clone()).collect())
        .collect()
}

/// One trial; returns (lost, doubled).
fn trial(n: u64) -> (usize, usize) {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (n + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    let done = play(&mut s, &mut rng, n);
    std::thread::sleep(Duration::from_millis(rng.below(1500)));
    let killed = Instant::now();
    s.signal("KILL");
    s.exit_code();

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    // The question about the journal, if any, is in the first frame, whose last row is the
    // status line.
    s.wait_for("Commitments");
    s.wait_for("⏱");
    s.pump(Duration::from_millis(100));
    if s.contents().contains("did not end cleanly") {
        s.send("\r");
        s.wait_for("✓ saved");
        s.send("\x1b");
    }
    std::thread::sleep(Duration::from_millis(300));
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0, "trial {n}");

    let file_now = all(&file);
    let second = Duration::from_secs(1);
    let mut lost = 0;
    for (text, at, when) in done.committed.iter().chain(done.typing.iter()) {
        let present = file_now[*at].iter().any(|o| o == text);
        if !present && killed.duration_since(*when) > second {
            eprintln!("trial {n}: lost {text:?} on n° {}", at + 1);
            lost += 1;
        }
    }
    let mut doubled = 0;
    for observations in &file_now {
        for (i, o) in observations.iter().enumerate() {
            if observations[..i].contains(o) {
                eprintln!("trial {n}: doubled {o:?}");
                doubled += 1;
            }
        }
    }
    (lost, doubled)
}

#[test]
fn random_kills_lose_nothing_older_than_a_second_and_double_nothing() {
    let trials: u64 = std::env::var("COPIL_KILL_TRIALS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(8);
    let (mut lost, mut doubled) = (0, 0);
    for n in 0..trials {
        let (l, d) = trial(n);
        (lost, doubled) = (lost + l, doubled + d);
    }
    println!("{trials} kill trials: {lost} lost, {doubled} doubled");
    assert_eq!((lost, doubled), (0, 0));
}
