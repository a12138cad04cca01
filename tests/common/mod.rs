//! Helpers shared by the tests that drive the program through its real update function.
#![allow(dead_code)]

pub mod docx;

use std::path::Path;

use copil::app::{App, Key, handle_key};
use copil::config::Config;
use copil::model::Meeting;
use copil::store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn sample() -> Meeting {
    store::load(
        Path::new("sample-data/copil-2024-02-22.toml"),
        &Config::builtin().marks,
    )
    .expect("the sample meeting loads")
}

/// The program on the sample meeting, its interface in English whatever the system's
/// language, so that screens compare the same everywhere.
pub fn app() -> App {
    app_in(copil::model::Language::En)
}

pub fn app_in(language: copil::model::Language) -> App {
    let mut config = Config::builtin();
    config.ui_language = language;
    App::new(sample(), config, None, copil::live::clock())
}

/// Presses keys written as in the configuration, separated by spaces: "j j a", one after
/// the other with no pause (a key's meaning never depends on its timing); the meeting's
/// clock stands still.
pub fn press(app: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        let _ = press_one(app, k);
    }
}

/// One key, as the configuration writes it.
pub fn key_event(k: &str) -> KeyEvent {
    let key = Key::parse(k).unwrap_or_else(|| panic!("bad key {k}"));
    let mods = if key.code == KeyCode::BackTab {
        key.mods | KeyModifiers::SHIFT
    } else {
        key.mods
    };
    KeyEvent::new(key.code, mods)
}

fn press_one(app: &mut App, k: &str) -> copil::app::Effects {
    let now = app.now;
    handle_key(app, key_event(k), now)
}

/// Presses keys as `press` does, and says what the last of them asked the loop to do.
pub fn press_effects(app: &mut App, keys: &str) -> copil::app::Effects {
    let (rest, last) = keys.rsplit_once(' ').unwrap_or(("", keys));
    press(app, rest);
    press_one(app, last)
}

/// Types text character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let now = app.now;
        let _ = handle_key(
            app,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            now,
        );
    }
}

/// The texts of the observations of the commitment at `index`.
pub fn bullets(app: &App, index: usize) -> Vec<&str> {
    app.meeting.commitments[index]
        .observations
        .iter()
        .map(|o| o.text.as_str())
        .collect()
}

/// The levels of the observations of the commitment at `index` (0 •, 1 o).
pub fn levels(app: &App, index: usize) -> Vec<u8> {
    app.meeting.commitments[index]
        .observations
        .iter()
        .map(|o| o.level)
        .collect()
}

pub fn current_number(app: &App) -> u32 {
    app.current_commitment().unwrap().number
}

/// A meeting under way: a few items reviewed, as in the seed.
pub fn reviewed() -> App {
    let mut app = app();
    press(&mut app, "a");
    type_text(&mut app, "Reformuler la problématique.");
    press(&mut app, "enter");
    type_text(&mut app, "Détailler le calendrier des activités.");
    press(&mut app, "enter esc j t");
    type_text(
        &mut app,
        "Consultation publique sur la modification du code de la presse et de l'édition",
    );
    press(&mut app, "enter a");
    type_text(&mut app, "Ajouter les activités suivantes :");
    press(&mut app, "enter tab");
    type_text(
        &mut app,
        "Identification de la méthodologie de l'approche participative",
    );
    press(&mut app, "enter");
    type_text(&mut app, "Consultation sur le projet de loi");
    press(&mut app, "enter esc j j x");
    type_text(
        &mut app,
        "l'absence de lien direct avec les principes d'ouverture",
    );
    press(&mut app, "enter j j j j m");
    type_text(&mut app, "forums");
    press(&mut app, "enter f");
    app
}

/// The meeting under way, with attendance, a decision and a planned end.
pub fn whole_meeting() -> App {
    let mut app = reviewed();
    app.meeting_mut().header.planned_minutes = Some(120);
    app.meeting_mut().header.item_budget_minutes = Some(5);
    press(&mut app, "1 P j a j e j r");
    type_text(&mut app, "M. Youssef TAHIRI");
    press(&mut app, "enter 4 a");
    type_text(
        &mut app,
        "Prolongation du délai de réception des remarques sur les engagements proposés",
    );
    press(&mut app, "esc D");
    type_text(&mut app, "lundi 26 février 2024");
    press(&mut app, "enter o");
    type_text(&mut app, "transition numerique");
    press(&mut app, "enter");
    app
}

/// The screen as text, one line per row, as a terminal of that size shows it.
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| copil::ui::draw(f, app)).unwrap();
    text_of(terminal.backend().buffer())
}

/// What a terminal of `width` × `height` shows below the tab bar: a screen's own body, for
/// its snapshots.
pub fn body_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height - 1)).unwrap();
    terminal
        .draw(|f| copil::ui::draw_body(f, f.area(), app))
        .unwrap();
    text_of(terminal.backend().buffer())
}

/// A buffer as text, one line per row, a wide character counted once.
fn text_of(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A folder with a copy of the fixture meeting that uses everything, as `reunion.toml`.
pub fn fixture_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reunion.toml");
    std::fs::copy("tests/fixtures/everything.toml", &file).unwrap();
    (dir, file)
}

/// The program run with `args`, its home and data in `home`, in `language` ("C.UTF-8",
/// "fr_FR.UTF-8").
pub fn copil_at(home: &Path, language: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        .env("HOME", home)
        .env("COPIL_DATA_DIR", home.join("data").join("copil"))
        .env("COPIL_CONFIG_DIR", home.join("config").join("copil"))
        .env("LC_ALL", language)
        .output()
        .unwrap()
}
