//! The targets of the benchmark suite, measured with the clock and reported as met or
//! missed. `cargo bench --bench targets`. Figures vary with the machine; the ratios are
//! what to watch.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "shared/real_path.rs"]
mod real_path;
mod shared;

use copil::app::App;
use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::model::generate;
use copil::record::Record;
use copil::store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SIZES: [usize; 3] = [20, 1_000, 10_000];

struct Stats {
    median: Duration,
    p99: Duration,
}

/// Runs `f` `n` times, timing each run.
fn measure(n: usize, mut f: impl FnMut()) -> Stats {
    stats(
        (0..n)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn stats(mut times: Vec<Duration>) -> Stats {
    let n = times.len();
    times.sort();
    Stats {
        median: times[n / 2],
        p99: times[(n * 99 / 100).min(n - 1)],
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, value: f64, target: f64, unit: &str) {
    let verdict = if value <= target { "met" } else { "MISSED" };
    println!("{what:<58} {value:>10.3} {unit:<3} target < {target} {unit}: {verdict}");
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn main() {
    let config = Config::builtin();
    let marks = config.marks.clone();
    let dir = tempfile::tempdir().unwrap();
    real_path::data_home(dir.path());
    println!("copil benchmark targets (median, and 99th percentile where a target asks for it)\n");
    let mut per_key_medians = Vec::new();
    for n in SIZES {
        let meeting = generate::meeting(n, 1);
        let text = store::write_meeting(&meeting, &marks);
        let load = measure(if n > 1000 { 10 } else { 50 }, || {
            black_box(store::parse_meeting(Path::new("m.toml"), black_box(&text), &marks).unwrap());
        });
        println!(
            "{:<58} {:>10.3} ms",
            format!("load and validate, {n} commitments"),
            ms(load.median)
        );
        let path = dir.path().join(format!("m{n}.toml"));
        let save = measure(if n > 1000 { 10 } else { 30 }, || {
            store::save(&path, &meeting, &marks).unwrap();
        });
        match n {
            1_000 => report(
                "save (atomic, fsync), 1,000 commitments",
                ms(save.median),
                20.0,
                "ms",
            ),
            10_000 => report(
                "save (atomic, fsync), 10,000 commitments",
                ms(save.median),
                200.0,
                "ms",
            ),
            _ => println!(
                "{:<58} {:>10.3} ms",
                format!("save (atomic, fsync), {n} commitments"),
                ms(save.median)
            ),
        }

        let mut app = App::new(meeting.clone(), config.clone(), None, shared::clock());
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        let mut down = true;
        let moves = measure(2_000, || {
            if app.selected + 1 == app.view.len() {
                down = false;
            } else if app.selected == 0 {
                down = true;
            }
            shared::press(&mut app, key(KeyCode::Char(if down { 'j' } else { 'k' })));
            terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        });
        let marks_toggled = measure(1_000, || {
            shared::press(&mut app, key(KeyCode::Char('v')));
            terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        });
        // As the program runs: the saver hands the meeting it wrote back as the merge base,
        // so the live meeting is shared when the next change comes.
        let shared_marks = measure(1_000, || {
            app.base = std::sync::Arc::clone(&app.meeting);
            shared::press(&mut app, key(KeyCode::Char('v')));
        });
        println!(
            "{:<58} {:>10.3} ms",
            format!("toggle a mark, meeting shared with the saver, {n}"),
            ms(shared_marks.median)
        );
        shared::press(&mut app, key(KeyCode::Char('a')));
        let mut typed = 0;
        let typing = measure(2_000, || {
            if typed == 120 {
                for _ in 0..typed {
                    shared::press(&mut app, key(KeyCode::Backspace));
                }
                typed = 0;
            }
            shared::press(&mut app, key(KeyCode::Char('e')));
            typed += 1;
            terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        });
        shared::press(&mut app, key(KeyCode::Esc));
        for (what, s) in [
            ("move down", &moves),
            ("toggle a mark", &marks_toggled),
            ("type in the editor", &typing),
        ] {
            if n == 10_000 {
                report(
                    &format!("key + frame 200x50, {what}, p99, {n}"),
                    ms(s.p99),
                    1.0,
                    "ms",
                );
            } else {
                println!(
                    "{:<58} {:>10.3} ms (p99 {:.3})",
                    format!("key + frame 200x50, {what}, {n}"),
                    ms(s.median),
                    ms(s.p99)
                );
            }
        }
        per_key_medians.push(ms(moves.median));
        on_the_real_path(dir.path(), n, &meeting);

        shared::press(&mut app, key(KeyCode::Char('/')));
        let queries = ["d", "de", "dev", "deve", "devel"];
        let mut q = 0;
        let search = measure(200, || {
            // One keystroke of a query: type a letter, or start the query over.
            if q == queries.len() {
                for _ in 0..q {
                    shared::press(&mut app, key(KeyCode::Backspace));
                }
                q = 0;
            }
            shared::press(
                &mut app,
                key(KeyCode::Char(queries[q].chars().last().unwrap())),
            );
            q += 1;
        });
        shared::press(&mut app, key(KeyCode::Esc));
        if n == 10_000 {
            report(
                "fuzzy search, one query keystroke, 10,000",
                ms(search.median),
                5.0,
                "ms",
            );
        } else {
            println!(
                "{:<58} {:>10.3} ms",
                format!("fuzzy search, one query keystroke, {n}"),
                ms(search.median)
            );
        }

        for format in [Format::Docx, Format::Html, Format::Md, Format::Txt] {
            let e = measure(if n > 1000 { 3 } else { 20 }, || {
                let record = Record::build(&meeting, &marks, &config.export);
                black_box(export::render(&record, format, TextLayout::default()).unwrap());
            });
            if n == 10_000 {
                report(
                    &format!("export {}, 10,000", format.extension()),
                    ms(e.median),
                    1000.0,
                    "ms",
                );
            } else {
                println!(
                    "{:<58} {:>10.3} ms",
                    format!("export {}, {n}", format.extension()),
                    ms(e.median)
                );
            }
        }
        println!();
    }
    let ratio = per_key_medians[2] / per_key_medians[0];
    report(
        "per-key cost, 10,000 vs 20 commitments (ratio)",
        ratio,
        1.5,
        "x",
    );

    duplicates(&marks);
    save_hand_written(&marks, dir.path());
    keys_during_export(&config, dir.path());

    // The frame against ratatui's own floor, in the same run.
    let app = App::new(
        generate::meeting(10_000, 1),
        config.clone(),
        None,
        shared::clock(),
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let mut floor_frame = shared::Floor::new(200, 50);
    let floor = measure(500, || floor_frame.draw(&mut terminal));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let frame = measure(500, || {
        // A fresh terminal each time would measure allocation; clearing forces a full diff.
        terminal.clear().unwrap();
        terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
    });
    println!(
        "{:<58} {:>10.3} ms",
        "ratatui floor: fully changed 200x50 buffer",
        ms(floor.median)
    );
    report(
        "one full frame of the review screen / floor",
        ms(frame.median) / ms(floor.median),
        5.0,
        "x",
    );
}

/// A save over a hand-written file of 100 commitments, a comment above each: the file is
/// patched (comments kept), not rewritten.
fn save_hand_written(marks: &copil::model::MarkSet, dir: &Path) {
    save_after_a_change(marks, dir, 100, 20.0, true);
    save_after_a_change(marks, dir, 1_000, 200.0, true);
    save_after_a_change(marks, dir, 1_000, 20.0, false);
}

/// A save after one new observation, over a file with a comment above each commitment
/// (`hand`) or in copil's own layout.
fn save_after_a_change(
    marks: &copil::model::MarkSet,
    dir: &Path,
    n: usize,
    target: f64,
    hand: bool,
) {
    let mut meeting = generate::meeting(n, 1);
    let note = if hand {
        "# a note the secretary wrote\n"
    } else {
        ""
    };
    let text = store::write_meeting(&meeting, marks)
        .replace("[[commitments]]\n", &format!("{note}[[commitments]]\n"));
    let path = dir.join("hand.toml");
    std::fs::write(&path, &text).unwrap();
    let mut turn = 0;
    let save = measure(30, || {
        turn += 1;
        std::sync::Arc::make_mut(&mut meeting.commitments[turn % n])
            .observations
            .push(copil::model::Observation::new(
                format!("Observation {turn}"),
                0,
            ));
        store::save(&path, &meeting, marks).unwrap();
    });
    let kept = std::fs::read_to_string(&path).unwrap();
    let notes = if hand { n } else { 0 };
    assert_eq!(kept.matches("# a note the secretary wrote").count(), notes);
    let what = if hand {
        "a hand-written file (comments kept)"
    } else {
        "copil's own layout"
    };
    report(
        &format!("save after a change, {what}, {n}"),
        ms(save.median),
        target,
        "ms",
    );
}

/// A file with 2,000 commitments under one number: every duplicate reported with its line.
fn duplicates(marks: &copil::model::MarkSet) {
    let mut text = String::from("[meeting]\ntitle = \"x\"\ndate = 2024-02-22\n");
    for i in 0..2000 {
        text.push_str(&format!(
            "\n[[commitments]]\nnumber = 1\ntitle = \"T{i}\"\ninstitution = \"I\"\n"
        ));
    }
    let check = measure(10, || {
        black_box(store::parse_meeting(Path::new("d.toml"), black_box(&text), marks).unwrap_err());
    });
    report(
        "2,000 duplicate numbers reported with their lines",
        ms(check.median),
        100.0,
        "ms",
    );
}

/// Keys pressed while `E` writes the Word and HTML records of 10,000 commitments: the
/// export runs on its own thread, as the event loop runs it, and every key is timed from
/// its handling to its frame drawn. Three exports, each with keys until it reports.
fn keys_during_export(config: &Config, dir: &Path) {
    use copil::live::exporter::{Exporter, Job};
    let file = dir.join("export-10000.toml");
    let mut app = App::new(
        generate::meeting(10_000, 1),
        config.clone(),
        Some(file),
        shared::clock(),
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let exporter = Exporter::spawn();
    let keys = ['j', 'v', 'j', 'k', 'v', 'G', 'g'];
    let (mut times, mut exports) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let started = Instant::now();
        exporter.send(Job::of(&app).unwrap());
        let mut k = 0;
        loop {
            let key_started = Instant::now();
            shared::press(&mut app, key(KeyCode::Char(keys[k % keys.len()])));
            terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
            times.push(key_started.elapsed());
            k += 1;
            if let Ok(result) = exporter.reports.try_recv() {
                result.unwrap();
                exports.push(started.elapsed());
                break;
            }
            // A person types a few keys a second; here, one every 5 ms.
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    times.sort();
    exports.sort();
    let longest = times[times.len() - 1];
    println!(
        "{:<58} {:>10.3} ms ({} keys, p99 {:.3} ms)",
        "export docx+html in the background, 10,000 (median)",
        ms(exports[1]),
        times.len(),
        ms(times[(times.len() * 99 / 100).min(times.len() - 1)])
    );
    report(
        "longest key + frame during an export, 10,000",
        ms(longest),
        16.0,
        "ms",
    );
}

/// The same keys through the program's real path: the event loop, its effects, the saver,
/// journal and exporter threads, the backend that writes to the terminal
/// (`shared/real_path.rs`). Each figure is a key's sending to its frame's flush.
fn on_the_real_path(dir: &Path, n: usize, meeting: &copil::model::Meeting) {
    let file = real_path::file(dir, n, meeting);
    let mut live = real_path::Live::open(&file, ratatui::layout::Size::new(200, 50));
    let moves = stats(
        (0..500)
            .map(|i| live.key(KeyCode::Char(if i % 2 == 0 { 'j' } else { 'k' })))
            .collect(),
    );
    let marks = stats((0..300).map(|_| live.key(KeyCode::Char('v'))).collect());
    live.key(KeyCode::Char('a'));
    let mut typing = Vec::new();
    for _ in 0..5 {
        typing.extend((0..100).map(|_| live.key(KeyCode::Char('e'))));
        for _ in 0..100 {
            live.key(KeyCode::Backspace);
        }
    }
    let typing = stats(typing);
    live.quit();
    for (what, s) in [
        ("move down", &moves),
        ("toggle a mark", &marks),
        ("type in the editor", &typing),
    ] {
        let what = format!("real path: key to frame 200x50, {what}, {n}");
        if n == 10_000 {
            report(&format!("{what}, p99"), ms(s.p99), 1.0, "ms");
        }
        println!(
            "{what:<58} {:>10.3} ms (p99 {:.3})",
            ms(s.median),
            ms(s.p99)
        );
    }
}
