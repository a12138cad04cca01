//! What every layer is: a component that answers each input as consumed, confirmed with a
//! value, cancelled, or not its own.

use ratatui::crossterm::event::KeyEvent;

use crate::keys::Action;

/// What a layer did with an input.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome<V> {
    /// Used; the layer stays.
    Consumed,
    /// Done: the opener's callback gets the value and the layer closes.
    Confirmed(V),
    /// A value for the opener while the layer stays open (the editor's next bullet).
    Emitted(V),
    /// Closed without a value.
    Cancelled,
    /// Not this layer's: the screen below has it.
    NotMine,
}

/// A piece of input for the top layer.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Action(&'a Action),
    /// A key no action is bound to in the layer's mode: typing.
    Key(KeyEvent),
    Paste(&'a str),
}

/// The part a layer plays: its state's answers to input.
pub trait Component {
    type Value;

    fn on_action(&mut self, action: &Action) -> Outcome<Self::Value>;

    fn on_key(&mut self, _event: KeyEvent) -> Outcome<Self::Value> {
        Outcome::NotMine
    }

    /// Takes pasted text; false when the layer has no text input.
    fn on_paste(&mut self, _text: &str) -> bool {
        false
    }

    /// The opener refused the value: the layer stays open and says why.
    fn refuse(&mut self, _why: String) {}
}
