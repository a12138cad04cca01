//! The live program: actions, keymap, state, update, undo history, and the event loop
//! that saves around them.

pub mod action;
pub mod fuzzy;
pub mod history;
pub mod keymap;
pub mod recovery;
pub mod run;
pub mod saver;
pub mod screens;
pub mod state;
pub mod update;
pub mod watchdog;

pub use action::Action;
pub use keymap::{Key, Keymap, Mode};
pub use state::{App, Filter, Focus, Layer, SaveStatus};
pub use update::{handle_key, handle_paste, update};
