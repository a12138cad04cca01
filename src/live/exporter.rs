//! Exporting off the key path: a thread writes the record in the configured formats
//! beside the meeting file and reports the files written, while keys go on being handled.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::app::App;
use crate::export::{self, Format, Output, TextLayout};
use crate::model::{MarkSet, Meeting};
use crate::record::{self, Record};

/// One export to write: the meeting as it was when `E` was pressed.
pub struct Job {
    pub meeting: Arc<Meeting>,
    pub marks: MarkSet,
    pub options: record::Options,
    pub formats: Vec<Format>,
    /// The meeting file, beside which the exports go.
    pub file: PathBuf,
    /// Where what the export said is kept between sessions (`MeetingFiles::exported`).
    pub stamp: PathBuf,
}

/// What a record says, as a line to keep: the hash of its text, whatever the formats.
pub fn said(meeting: &Meeting, marks: &MarkSet, options: &record::Options) -> String {
    let record = Record::build(meeting, marks, options);
    let text = export::md::render(&record);
    crate::store::cache::Key::of(text.as_bytes()).to_line()
}

impl Job {
    /// The export the program's state asks for, if its meeting has a file.
    pub fn of(app: &App) -> Option<Job> {
        Some(Job {
            meeting: Arc::clone(&app.meeting),
            marks: app.config.marks.clone(),
            options: app.config.export.clone(),
            formats: app.config.export_formats.clone(),
            stamp: crate::paths::MeetingFiles::for_meeting(app.file.as_ref()?).exported,
            file: app.file.clone()?,
        })
    }

    /// Writes every format, replacing the previous exports; the files written, or why not.
    pub fn run(&self) -> Result<Vec<PathBuf>, String> {
        let record = Record::build(&self.meeting, &self.marks, &self.options);
        let mut written = Vec::new();
        for &format in &self.formats {
            let out = export::default_output(&self.file, format);
            let output = Output {
                format,
                layout: TextLayout::default(),
                force: true,
            };
            export::write(&record, output, &out).map_err(|e| e.to_string())?;
            written.push(out);
        }
        // Kept for the next opening to know whether the files still say what the meeting
        // says (a best effort).
        if let Some(dir) = self.stamp.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let line = said(&self.meeting, &self.marks, &self.options);
        let _ =
            crate::store::write_atomic(&self.stamp, line.as_bytes(), crate::store::Mode::Replace);
        Ok(written)
    }
}

pub struct Exporter {
    jobs: Sender<Job>,
    pub reports: Receiver<Result<Vec<PathBuf>, String>>,
}

impl Exporter {
    pub fn spawn() -> Exporter {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, reports) = mpsc::channel();
        std::thread::Builder::new()
            .name("copil-exporter".to_owned())
            .spawn(move || {
                crate::platform::in_background();
                while let Ok(mut job) = inbox.recv() {
                    // Pressed twice while writing: the newest state is what counts.
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let result = job.run();
                    drop(job);
                    if outbox.send(result).is_err() {
                        return;
                    }
                }
            })
            .expect("the exporter thread starts");
        Exporter { jobs, reports }
    }

    pub fn send(&self, job: Job) {
        let _ = self.jobs.send(job);
    }
}
