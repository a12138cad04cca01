//! The program's state and the one function that changes it. Pure: no terminal, no file,
//! no clock. A key or a paste comes in (`input`), becomes an action, `update` applies it
//! to the state and returns the effects for the event loop (`crate::live`) to perform.
//!
//! - `state`, `view`, `time`: the state, what the screens derive from it, its clocks.
//! - `update/`: the top layer, then the global actions, then the screen in front
//!   (`screen`: a screen as one component; the components are in `crate::screens`).
//! - `layers/`: the editor, picker, prompt, text editor, help and recovery question.
//! - `effects`, `history` (undo), `recovery` (what the journal keeps and puts back),
//!   `outside` (another program's change to the file, merged in).

mod changes;
pub mod effects;
pub mod history;
pub mod input;
pub mod layers;
pub mod outside;
pub mod place;
pub mod recovery;
pub mod screen;
pub mod state;
mod time;
pub mod update;
pub mod view;

pub use crate::keys::{Action, Key, Keymap, Mode};
pub use effects::{Effect, Effects};
pub use input::{handle_key, handle_paste};
pub use layers::Layer;
pub use screen::{Ctx, Part, Screen, States};
pub use state::{App, Clock};
pub use update::update;
pub use view::{Filter, Focus, SaveStatus};
