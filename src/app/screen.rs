//! A screen as one component: its state (kept in `App::states` under its own type), its
//! update and its drawing, behind one trait. The components live in `screens/`, one file
//! (or folder) each, and `screens/mod.rs` registers them; the state, the update loop and
//! the drawing reach them only through this trait, so adding a screen touches its file,
//! the registration, its keys in `config/default.toml` and its words.
//!
//! Generic over the host (`App`), as the layers are, so that this file and the state that
//! holds the screens do not import each other.

use std::any::{Any, TypeId};
use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::effects::Effects;
use crate::config::Styles;
use crate::i18n::Ui;
use crate::keys::{Action, Mode};
use crate::store::journal::PendingKind;

/// What every drawing function reads: the state, the interface's words, the styles.
pub struct Ctx<'a, A> {
    pub app: &'a A,
    pub ui: &'static Ui,
    pub styles: &'a Styles,
}

/// A part of the meeting: undo shows the screen that shows the part it changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Commitments,
    Participants,
    Points,
    Header,
    Decisions,
    Remarks,
}

/// One screen of the program.
pub trait Screen<A>: Sync {
    /// Its name: where the secretary was (`place`), in the configuration and the logs.
    fn name(&self) -> &'static str;

    /// Its name on the tab bar, in the interface's language.
    fn title(&self, ui: &Ui) -> &'static str;

    /// The keys in force on it, no layer open.
    fn mode(&self, app: &A) -> Mode;

    /// The parts of the meeting it shows: an undo there brings it to the front.
    fn shows(&self) -> &'static [Part] {
        &[]
    }

    /// The current commitment is discussed here: its time counts while it shows.
    fn discusses(&self) -> bool {
        false
    }

    /// A change here on the meeting's day starts the call's clock (the roll call, the
    /// review).
    fn starts_the_call(&self) -> bool {
        false
    }

    /// Makes its state in `App::states`, when the program opens.
    fn init(&self, _app: &mut A) {}

    /// An action no layer and no global key took.
    fn update(&self, app: &mut A, action: Action) -> Effects;

    /// What to say of a letter that is no key here (`None`: the common sentence).
    fn unbound(&self, _app: &A, _letter: char) -> Option<String> {
        None
    }

    /// Text is about to be pasted with no layer open: a screen may open where it goes.
    fn before_paste(&self, _app: &mut A) {}

    /// Opens again the editor a draft the journal kept was typed in (`kind`, at entry
    /// `index` of its list); false when the draft is not this screen's.
    fn reopen(&self, _app: &mut A, _kind: PendingKind, _index: Option<usize>) -> bool {
        false
    }

    /// Draws its body in `area` (the tab bar and the status line are drawn around it).
    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx<A>);
}

/// The screens' own states, one per type, made on first use.
#[derive(Default)]
pub struct States(HashMap<TypeId, Box<dyn Any>>);

impl States {
    /// The state of type `T`, made as `T::default()` the first time.
    pub fn get_mut<T: Default + 'static>(&mut self) -> &mut T {
        self.0
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(T::default()))
            .downcast_mut()
            .expect("a state is kept under its own type")
    }

    /// The state of type `T`, if it was made (a screen never shown reads its default).
    pub fn get<T: 'static>(&self) -> Option<&T> {
        self.0
            .get(&TypeId::of::<T>())
            .and_then(|s| s.downcast_ref())
    }
}
