//! One key handled and drawn on the review screen, at meeting size and at 10,000
//! commitments. Per-key work must not grow with the list.

use std::hint::black_box;

use copil::app::App;
use copil::config::Config;
use copil::model::generate;
mod shared;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Leaves the editor with a line of text, as during a meeting.
fn type_a_line(app: &mut App) {
    for c in "Ajouter une activité liée à : ".chars() {
        shared::press(app, key(c));
    }
}

fn review_keys(c: &mut Criterion) {
    let mut group = c.benchmark_group("review_key_and_draw_200x50");
    for n in [20, 10_000] {
        let mut app = App::new(
            generate::meeting(n, 1),
            Config::builtin(),
            None,
            shared::clock(),
        );
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
        terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        let mut down = true;
        group.bench_function(BenchmarkId::new("move", n), |b| {
            b.iter(|| {
                // Walk down and back up so every press moves.
                if app.selected + 1 == app.view.len() {
                    down = false;
                } else if app.selected == 0 {
                    down = true;
                }
                shared::press(&mut app, key(if down { 'j' } else { 'k' }));
                terminal
                    .draw(|f| copil::ui::draw(f, black_box(&app)))
                    .unwrap();
            })
        });
        group.bench_function(BenchmarkId::new("toggle_mark", n), |b| {
            b.iter(|| {
                shared::press(&mut app, key('v'));
                terminal
                    .draw(|f| copil::ui::draw(f, black_box(&app)))
                    .unwrap();
            })
        });
        shared::press(&mut app, key('a'));
        type_a_line(&mut app);
        let mut typed = 0;
        group.bench_function(BenchmarkId::new("type_in_editor", n), |b| {
            b.iter(|| {
                // A bullet of realistic length: type a character, and start over at 120.
                if typed == 120 {
                    for _ in 0..typed {
                        shared::press(
                            &mut app,
                            KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                        );
                    }
                    typed = 0;
                }
                shared::press(&mut app, key('e'));
                typed += 1;
                terminal
                    .draw(|f| copil::ui::draw(f, black_box(&app)))
                    .unwrap();
            })
        });
    }
    // The undo history written after a save: 500 bullets typed on a 22-item meeting.
    let mut app = App::new(
        generate::meeting(22, 1),
        Config::builtin(),
        None,
        shared::clock(),
    );
    for i in 0..500 {
        if i % 25 == 0 {
            shared::press(&mut app, key('j'));
        }
        shared::press(&mut app, key('a'));
        type_a_line(&mut app);
        shared::press(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
    let identity = app.meeting.identity();
    group.bench_function("undo_history_kept_500", |b| {
        b.iter(|| black_box(app.history.kept(&identity)).len())
    });
    // The floor: ratatui drawing and diffing a fully changed 200×50 buffer.
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let mut floor = shared::Floor::new(200, 50);
    group.bench_function("ratatui_floor_full_redraw", |b| {
        b.iter(|| floor.draw(&mut terminal))
    });
    group.finish();
}

criterion_group!(benches, review_keys);
criterion_main!(benches);
