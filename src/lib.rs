//! copil: live minutes for commitment review meetings, in the terminal.
//!
//! The design follows one flow: a key becomes a named action, one update function changes
//! the state, effects (saving, exporting) happen around it, and drawing only reads.
//!
//! - [`model`]: the meeting as plain data, its marks and its validation. No I/O.
//! - [`store`]: the meeting file: loading with located messages, atomic saves, CSV import.
//! - [`config`]: the built-in `config/default.toml` (marks, stock phrases, theme).
//! - [`cli`]: the command line.
#![forbid(unsafe_code)]

pub mod cli;
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
pub mod store;
pub mod ui;

pub mod app;
pub mod wrap;
