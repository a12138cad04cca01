//! Keys and what they do: the named actions, keys as written in configuration, the modes,
//! and the keymap that joins them. Below the configuration and the program, so that both
//! read the same definitions.

pub mod action;
pub mod key;
pub mod keymap;
pub mod mode;

pub use action::Action;
pub use key::Key;
pub use keymap::Keymap;
pub use mode::Mode;
