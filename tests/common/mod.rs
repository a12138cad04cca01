//! Helpers shared by the tests that drive the program through its real update function.
#![allow(dead_code)]

use std::path::Path;
use std::time::Instant;

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
    App::new(sample(), config, None, Instant::now())
}

/// Presses keys written as in the configuration, separated by spaces: "j j a".
pub fn press(app: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        let key = Key::parse(k).unwrap_or_else(|| panic!("bad key {k}"));
        let mods = if key.code == KeyCode::BackTab {
            key.mods | KeyModifiers::SHIFT
        } else {
            key.mods
        };
        handle_key(app, KeyEvent::new(key.code, mods));
    }
}

/// Types text character by character, as a person would.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

pub fn current_number(app: &App) -> u32 {
    app.current_commitment().unwrap().number
}
