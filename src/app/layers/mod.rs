//! The layers over a screen, as helix's compositor has them: the observation editor, the
//! fuzzy picker, the one-line prompt, the text editor, the help and the recovery question.
//! Each is one file holding its state and what it does with an action, a key or a paste;
//! its drawing is the same-named file under `ui/layers/`.
//!
//! A layer knows nothing of the program around it. It answers each input as consumed,
//! confirmed with a value, cancelled, or not its own (the screen below then has it). What a
//! confirmed value means is decided by whoever opened the layer, through the callback it
//! gave: the review screen's merge picker marks a commitment, the decisions screen's owner
//! picker names an owner, with nothing in between that knows both.

pub mod component;
pub mod editor;
pub mod field;
pub mod help;
pub mod picker;
pub mod prompt;
pub mod recovery;
pub mod text;

use std::ops::{Deref, DerefMut};

use super::effects::Effects;
use crate::keys::Mode;
pub use component::{Component, Input, Outcome};
pub use editor::{Bullet, Editor};
pub use field::Field;
pub use help::Help;
pub use picker::{Choice, Picker};
pub use prompt::Prompt;
pub use recovery::Recovery;
pub use text::{TextEdit, TextTarget};

/// What the opener answers to a value: what to do, or why it was refused.
pub type Reply = Result<Effects, String>;

/// What the opener does with a value. It gets the whole program, `C`.
pub type Callback<C, V> = Box<dyn FnMut(&mut C, V) -> Reply>;

/// A layer's state, with the opener's callback.
pub struct Open<T: Component, C> {
    pub state: T,
    callback: Option<Callback<C, T::Value>>,
}

impl<T: Component, C> Open<T, C> {
    pub fn new(state: T, callback: impl FnMut(&mut C, T::Value) -> Reply + 'static) -> Self {
        Open {
            state,
            callback: Some(Box::new(callback)),
        }
    }

    /// A layer whose values nobody waits for (the help).
    pub fn alone(state: T) -> Self {
        Open {
            state,
            callback: None,
        }
    }

    fn step(&mut self, input: Input) -> Outcome<T::Value> {
        match input {
            Input::Action(action) => self.state.on_action(action),
            Input::Key(event) => self.state.on_key(event),
            Input::Paste(text) if self.state.on_paste(text) => Outcome::Consumed,
            Input::Paste(_) => Outcome::NotMine,
        }
    }
}

impl<T: Component, C> Deref for Open<T, C> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.state
    }
}

impl<T: Component, C> DerefMut for Open<T, C> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.state
    }
}

/// One layer on the stack of a program `C`.
pub enum Layer<C> {
    Editor(Open<Editor, C>),
    Picker(Open<Picker, C>),
    Prompt(Open<Prompt, C>),
    Text(Open<TextEdit, C>),
    Help(Open<Help, C>),
    Recovery(Open<Recovery, C>),
}

macro_rules! accessors {
    ($($name:ident, $variant:ident, $state:ty;)*) => {
        impl<C> Layer<C> {
            $(
                pub fn $name(&mut self) -> Option<&mut Open<$state, C>> {
                    match self {
                        Layer::$variant(open) => Some(open),
                        _ => None,
                    }
                }
            )*
        }
    };
}

accessors! {
    editor, Editor, Editor;
    picker, Picker, Picker;
    prompt, Prompt, Prompt;
    text, Text, TextEdit;
    help, Help, Help;
    recovery, Recovery, Recovery;
}

impl<C> Layer<C> {
    /// A question whose answer goes to `on_answer`, which may refuse it with a reason.
    pub fn ask(
        title: &str,
        text: &str,
        on_answer: impl FnMut(&mut C, String) -> Reply + 'static,
    ) -> Self {
        Layer::Prompt(Open::new(Prompt::new(title, text), on_answer))
    }

    /// The same, with a line above the answer saying what it completes.
    pub fn ask_completing(
        title: &str,
        context: String,
        on_answer: impl FnMut(&mut C, String) -> Reply + 'static,
    ) -> Self {
        let prompt = Prompt::new(title, "").with_context(context);
        Layer::Prompt(Open::new(prompt, on_answer))
    }

    /// A yes/no question about `what` (what would go); `on_answer` gets true for a yes,
    /// false for a no (any other key).
    pub fn confirm(
        title: &str,
        what: String,
        mut on_answer: impl FnMut(&mut C, bool) -> Reply + 'static,
    ) -> Self {
        let prompt = Prompt::yes_no(title, what);
        let answer = move |host: &mut C, yes: String| on_answer(host, !yes.is_empty());
        Layer::Prompt(Open::new(prompt, answer))
    }

    /// The same question, Enter answering yes: for a tidying up where nothing is lost.
    pub fn confirm_yes(
        title: &str,
        what: String,
        mut on_answer: impl FnMut(&mut C, bool) -> Reply + 'static,
    ) -> Self {
        let prompt = Prompt::yes_no(title, what).yes_by_default();
        let answer = move |host: &mut C, yes: String| on_answer(host, !yes.is_empty());
        Layer::Prompt(Open::new(prompt, answer))
    }

    /// A fuzzy choice among `items`; with `free_text`, the typed text may be chosen too.
    pub fn choose(
        title: &str,
        items: Vec<String>,
        free_text: bool,
        on_choice: impl FnMut(&mut C, Choice) -> Reply + 'static,
    ) -> Self {
        Layer::Picker(Open::new(Picker::new(title, items, free_text), on_choice))
    }

    /// A text editor whose text goes to `on_close` when it closes.
    pub fn write(
        target: TextTarget,
        title: &str,
        text: &str,
        on_close: impl FnMut(&mut C, String) -> Reply + 'static,
    ) -> Self {
        Layer::Text(Open::new(TextEdit::new(target, title, text), on_close))
    }

    /// Which keys apply while this layer is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Layer::Editor(_) => Mode::Editor,
            Layer::Picker(_) => Mode::Picker,
            Layer::Prompt(_) => Mode::Prompt,
            Layer::Text(_) => Mode::Text,
            Layer::Help(_) => Mode::Help,
            Layer::Recovery(_) => Mode::Recovery,
        }
    }
}

/// What a program offers its layers: the stack itself, and a place to say something.
pub trait Host: Sized {
    fn layers(&mut self) -> &mut Vec<Layer<Self>>;
    fn tell(&mut self, message: String);
}

/// Gives `input` to the top layer. `None` when there is no layer or the input is not the
/// top layer's: the screen below then has it.
pub fn handle<C: Host>(host: &mut C, input: Input) -> Option<Effects> {
    let top = host.layers().len().checked_sub(1)?;
    match host.layers()[top] {
        Layer::Editor(_) => settle(host, top, input, Layer::editor),
        Layer::Picker(_) => settle(host, top, input, Layer::picker),
        Layer::Prompt(_) => settle(host, top, input, Layer::prompt),
        Layer::Text(_) => settle(host, top, input, Layer::text),
        Layer::Help(_) => settle(host, top, input, Layer::help),
        Layer::Recovery(_) => settle(host, top, input, Layer::recovery),
    }
}

/// Steps the layer at `top` and acts on its outcome: closes it, or hands its value to the
/// opener's callback.
fn settle<T: Component, C: Host>(
    host: &mut C,
    top: usize,
    input: Input,
    get: fn(&mut Layer<C>) -> Option<&mut Open<T, C>>,
) -> Option<Effects> {
    let open = get(&mut host.layers()[top])?;
    match open.step(input) {
        Outcome::Consumed => Some(Effects::none()),
        Outcome::NotMine => None,
        Outcome::Cancelled => {
            host.layers().truncate(top);
            Some(Effects::none())
        }
        Outcome::Confirmed(value) => {
            // Closed first, so that the callback sees the layer below (the editor under
            // an attribution picker) and may open another.
            let mut layer = host.layers().remove(top);
            let open = get(&mut layer)?;
            let mut callback = open.callback.take()?;
            match callback(host, value) {
                Ok(effects) => Some(effects),
                Err(why) => {
                    open.callback = Some(callback);
                    open.state.refuse(why);
                    let at = top.min(host.layers().len());
                    host.layers().insert(at, layer);
                    Some(Effects::none())
                }
            }
        }
        Outcome::Emitted(value) => {
            let mut callback = open.callback.take()?;
            let reply = callback(host, value);
            if let Some(open) = host.layers().get_mut(top).and_then(get) {
                open.callback = Some(callback);
            }
            Some(reply.unwrap_or_else(|why| {
                host.tell(why);
                Effects::none()
            }))
        }
    }
}

pub use crate::wrap::clean as clean_paste;
