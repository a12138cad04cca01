//! copil: live minutes for commitment review meetings, in the terminal.
//!
//! One path, from a key to the disk and the screen:
//!
//! ```text
//! terminal ─key─▶ live::event_loop ─▶ app::input::handle_key
//!   (a reader thread stamps        │ keys::Keymap: (mode, key) → keys::Action; the
//!    each key's arrival)           │ meaning never depends on when the key came
//!                                        ▼
//!                          app::update(&mut App, Action, now) → Effects
//!                            top layer first (app::layers), then the screen (app::update::*)
//!                                        │
//!            ┌───────────────────────────┴─────────────────────────────┐
//!            ▼ Effects, performed by live::                            ▼ ui::draw(&App)
//!   save (saver thread) · export (exporter thread)              reads the state, writes
//!   journal · set aside · quit                                  a frame, nothing else
//! ```
//!
//! The modules, from the bottom up; each imports only those above it in this list:
//!
//! - [`platform`]: everything that depends on the operating system.
//! - [`paths`]: every place copil keeps files of its own.
//! - [`wrap`], [`fuzzy`]: text measured and wrapped; accent-blind fuzzy matching.
//! - [`model`]: the meeting as plain data, its marks, its validation and the three-way
//!   merge of another program's change. No I/O, no words.
//! - [`i18n`]: every word of the interface and the command line, in French and English.
//! - [`diag`]: a located message: file, line, column, what to do.
//! - [`store`]: the meeting file: loading with located messages, atomic saves that keep a
//!   person's layout (`patch`), what was last seen on disk (`seen`), the journal, the locks,
//!   the cache, CSV import.
//! - [`record`]: the "Relevé de conclusions" as one view of a meeting.
//! - [`export`]: the record as Word, HTML, Markdown and text.
//! - [`keys`]: actions, keys, modes and the keymap.
//! - [`config`]: the built-in `config/default.toml` and the user's layers over it.
//! - [`app`]: the state and the one update function; layers; undo (kept across reopenings); outside
//!   changes merged in. Pure: no clock, no disk.
//! - [`ui`]: drawing, one file per region and per layer.
//! - [`live`]: opening (locks, journal), the event loop and the threads that perform
//!   effects (the saver also watches the file), the way out; the terminal.
//! - [`log`]: the maintainers' log file.
//! - [`cli`]: the command line.
//!
//! ARCHITECTURE.md, at the root of the repository, says where to add a mark, a screen, a
//! popup, an export format or a setting.
// Only the operating system's own calls, in `platform/unix.rs` and `platform/windows.rs`,
// are allowed `unsafe`, each block with what makes it sound.
#![deny(unsafe_code)]

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod diag;
pub mod export;
pub mod fuzzy;
pub mod i18n;
pub mod keys;
pub mod live;
pub mod log;
pub mod model;
pub mod paths;
pub mod platform;
pub mod record;
pub mod screens;
pub mod store;
pub mod ui;
pub mod wrap;
