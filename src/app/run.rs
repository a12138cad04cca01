//! The event loop: reads keys, updates the state, and around it does the effects —
//! saving, the clock, drawing. The terminal is restored on every way out.

use std::io::{self, stdout};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use super::saver::{Report, Saver};
use super::state::{App, SaveStatus};
use super::update::{handle_key, handle_paste};
use crate::config::Config;
use crate::export::{Format, TextLayout};
use crate::store::{self, LoadError};

/// The bundled sample meeting, copied for the demo so the original is never written.
const SAMPLE: &str = include_str!("../../sample-data/copil-2024-02-22.toml");

/// How often the time on the current item is written even if nothing else changes.
const TIME_SAVE_EVERY: Duration = Duration::from_secs(30);

/// The most a key waits for the save of the previous change to reach the disk.
const SAVE_WAIT: Duration = Duration::from_millis(500);

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    #[error("cannot prepare the demo meeting in {}: {source}", path.display())]
    Demo { path: PathBuf, source: io::Error },
    #[error("the last changes could not be saved: {0}")]
    FinalSave(String),
}

/// The platform data directory, where the demo copy and recovery files live.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "copil").map(|d| d.data_dir().to_owned())
}

/// The demo copy of the sample meeting: made on first use, kept afterwards so that notes
/// taken in the demo are not lost; remade if it no longer loads.
pub fn demo_file(config: &Config) -> Result<PathBuf, RunError> {
    let dir = data_dir()
        .unwrap_or_else(|| std::env::temp_dir().join("copil"))
        .join("demo");
    let path = dir.join("copil-2024-02-22.toml");
    let fail = |source| RunError::Demo {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(&dir).map_err(fail)?;
    if store::load(&path, &config.marks).is_err() {
        store::write_atomic(&path, SAMPLE.as_bytes(), store::Mode::Replace)
            .map_err(|e| fail(io::Error::other(e.to_string())))?;
    }
    Ok(path)
}

/// Restores the terminal when dropped, whatever way the loop ends.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}

/// Opens the live screen on `file`, or on the demo copy.
pub fn run(file: Option<PathBuf>, config: Config) -> Result<(), RunError> {
    let (path, demo) = match file {
        Some(path) => (path, false),
        None => (demo_file(&config)?, true),
    };
    let meeting = store::load(&path, &config.marks)?;
    let marks = config.marks.clone();
    let mut app = App::new(meeting, config, Some(path.clone()), Instant::now());
    app.demo = demo;
    let saver = Saver::spawn(path.clone(), marks.clone());

    let result = {
        let mut terminal = ratatui::try_init()?;
        let _guard = TerminalGuard;
        execute!(stdout(), EnableBracketedPaste)?;
        event_loop(&mut terminal, &mut app, &saver)
    };
    saver.finish();
    app.now = Instant::now();
    app.fold_time();
    final_save(&path, &app)?;
    result.map_err(RunError::from)
}

/// Exports the record in the configured formats beside the meeting file, replacing the
/// previous exports; returns what to tell the user.
pub fn export_now(app: &App) -> String {
    let Some(file) = &app.file else {
        return "Nothing to export beside: this meeting has no file".to_owned();
    };
    let mut written = Vec::new();
    for name in &app.config.export.formats {
        let Some(format) = Format::from_name(name) else {
            continue;
        };
        let out = crate::export::default_output(file, format);
        if let Err(e) = crate::export::write(
            &app.meeting,
            &app.config,
            format,
            &out,
            true,
            TextLayout::default(),
        ) {
            return format!("Export failed: {e}");
        }
        written.push(out.display().to_string());
    }
    format!("Exported: {}", written.join(", "))
}

fn final_save(path: &Path, app: &App) -> Result<(), RunError> {
    store::save(path, &app.meeting, &app.config.marks)
        .map_err(|e| RunError::FinalSave(e.to_string()))
}

fn apply_report(app: &mut App, report: Report, sent: u64) {
    app.save_status = match report.result {
        Ok(()) if report.revision >= sent => SaveStatus::Saved,
        Ok(()) => SaveStatus::Saving,
        Err(e) => SaveStatus::Failed(e),
    };
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, saver: &Saver) -> io::Result<()> {
    let mut sent = app.revision;
    let mut last_fold = app.now;
    loop {
        app.now = Instant::now();
        if app.now.duration_since(last_fold) >= TIME_SAVE_EVERY {
            app.fold_time();
            last_fold = app.now;
        }
        while let Ok(report) = saver.reports.try_recv() {
            apply_report(app, report, sent);
        }
        if app.revision != sent {
            saver.send(app.revision, app.meeting.clone());
            sent = app.revision;
            app.save_status = SaveStatus::Saving;
        }
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        if app.quit {
            return Ok(());
        }
        // Wake at the next whole second of the meeting clock, to redraw it.
        let into_second = app.now.duration_since(app.opened).subsec_millis();
        let timeout = Duration::from_millis(u64::from(1000 - into_second).max(10));
        if !event::poll(timeout)? {
            continue;
        }
        if app.save_status == SaveStatus::Saving
            && let Some(report) = saver.wait_for(sent, SAVE_WAIT)
        {
            apply_report(app, report, sent);
        }
        app.now = Instant::now();
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => handle_key(app, key),
            Event::Paste(text) => handle_paste(app, &text),
            _ => {}
        }
        if std::mem::take(&mut app.export_requested) {
            app.message = Some(export_now(app));
        }
    }
}
