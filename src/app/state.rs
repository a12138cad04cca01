//! The program's state: the meeting, where the secretary stands in it, and the layers open
//! on top of the screens. Plain data that tests drive through `update`; time comes in from
//! the event loop, never read here.

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDateTime;

use super::effects::Effects;
use super::history::History;
use super::layers::{Choice, Editor, Host, Layer};
use super::screen::{Part, Screen, States};
use super::view::{Filter, Focus, SaveStatus};
use crate::config::Config;
use crate::i18n::Ui;
use crate::keys::{Action, Mode};
use crate::model::{Commitment, Mark, Meeting, Pointing};

/// The time as the event loop read it: the monotonic clock for durations, the wall clock
/// for what the record says.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub instant: Instant,
    pub wall: NaiveDateTime,
}

pub struct App {
    /// Shared with the saving and exporting threads, which hold it only while writing: a
    /// change copies it only if one of them is still under way.
    pub meeting: Arc<Meeting>,
    /// The meeting as last read from or written to its file: what another program's
    /// change is merged against.
    pub base: Arc<Meeting>,
    /// The file changed outside and does not load (why, with file:line:col): nothing is
    /// written over it until it loads again or the secretary saves over it.
    pub held: Option<String>,
    /// `quit` was pressed once while the last changes are not in the file: a second press
    /// quits.
    pub quit_armed: bool,
    /// Another meeting took the file's place: where the secretary's was written instead.
    pub kept_beside: Option<PathBuf>,
    /// The journal cannot be written either (the event loop says so).
    pub journal_failing: bool,
    /// Where to write the meeting when nothing else can be written (typed by the
    /// secretary), for `Effect::SaveCopy`; and whether she was asked.
    pub copy_to: Option<PathBuf>,
    pub asked_copy: bool,
    pub config: Config,
    pub file: Option<PathBuf>,
    pub demo: bool,
    /// Indices into `meeting.commitments` that the list shows, in order.
    pub view: Vec<usize>,
    /// Position of the current commitment in `view`.
    pub selected: usize,
    pub focus: Focus,
    pub obs_selected: usize,
    pub filter: Filter,
    pub layers: Vec<Layer<App>>,
    pub history: History,
    /// Bumped by every change to the meeting; an update that moves it asks for a save.
    pub revision: u64,
    pub save_status: SaveStatus,
    pub message: Option<String>,
    /// An export is being written.
    pub exporting: bool,
    /// The meeting's changes (`History::touched`) when the export under way began, and
    /// when the last one that was written began: later changes make it out of date.
    pub export_at: u64,
    pub exported: Option<u64>,
    pub opened: Instant,
    /// The meeting's clock when the file was opened (earlier sessions' time).
    pub clock_at_open: u64,
    /// When the meeting's clock started in this session; `None` until the call starts (the
    /// first roll-call mark or review action on the meeting's day, or the key that starts
    /// it): preparing the file the day before counts no time.
    pub clock_since: Option<Instant>,
    /// The time of the last update; update and draw use only this.
    pub now: Instant,
    /// When the current commitment became current (time not yet added to it).
    pub item_since: Instant,
    /// The review screen shows the current commitment alone, for screen sharing.
    pub presenting: bool,
    /// Opened while another copy holds the file: nothing may change.
    pub read_only: bool,
    /// The numbers of the commitments added since the file was opened: removing one of
    /// them asks nothing.
    pub added_here: Vec<u32>,
    /// First visible row of the list; the one thing drawing may move.
    pub list_offset: Cell<usize>,
    /// The marks on other items that name each item, with the revision they were found
    /// for: drawn on every frame, found by walking the whole list.
    pub pointing: RefCell<Option<(u64, Pointing)>>,
    /// The theme's styles, worked out at the first frame (the configuration does not
    /// change while the program runs).
    styles: std::cell::OnceCell<crate::config::Styles>,
    /// Regions of the last frame and what they showed (`ui::memo`).
    pub drawn: super::view::Drawn,
    /// Counts kept with the view so that a frame does not walk the whole list.
    pub reviewed: usize,
    pub number_width: usize,
    /// The screens, in the tab bar's order (`screens/mod.rs` registers them), the one in
    /// front, and their own states.
    pub screens: &'static [&'static dyn Screen<App>],
    pub screen: usize,
    pub states: States,
    /// The wall-clock time when the program opened, for the time left in the meeting.
    pub wall_at_open: NaiveDateTime,
}

impl Host for App {
    fn layers(&mut self) -> &mut Vec<Layer<App>> {
        &mut self.layers
    }

    fn tell(&mut self, message: String) {
        self.message = Some(message);
    }
}

/// The screens of an `App` and the one it opens on.
pub type Screens = (&'static [&'static dyn Screen<App>], usize);

impl App {
    /// The state on `meeting`, with `screens` (`App::new` gives the registered ones).
    pub fn build(
        meeting: Meeting,
        config: Config,
        file: Option<PathBuf>,
        clock: Clock,
        (screens, opening): Screens,
    ) -> Self {
        let save_status = if file.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::NoFile
        };
        let now = clock.instant;
        let meeting = Arc::new(meeting);
        let clock_at_open = meeting.header.seconds_elapsed;
        let meeting_date = meeting.header.date;
        let mut app = App {
            base: Arc::clone(&meeting),
            meeting,
            held: None,
            quit_armed: false,
            journal_failing: false,
            kept_beside: None,
            copy_to: None,
            asked_copy: false,
            config,
            file,
            demo: false,
            view: Vec::new(),
            selected: 0,
            focus: Focus::List,
            obs_selected: 0,
            filter: Filter::All,
            layers: Vec::new(),
            history: History::default(),
            revision: 0,
            save_status,
            message: None,
            exporting: false,
            export_at: 0,
            exported: None,
            opened: now,
            clock_at_open,
            // Reopened on the meeting's day after its clock ran: it goes on.
            clock_since: (clock_at_open > 0 && clock.wall.date() == meeting_date).then_some(now),
            now,
            item_since: now,
            read_only: false,
            added_here: Vec::new(),
            presenting: false,
            list_offset: Cell::new(0),
            pointing: RefCell::new(None),
            styles: std::cell::OnceCell::new(),
            drawn: Default::default(),
            reviewed: 0,
            number_width: 1,
            screens,
            screen: opening,
            states: States::default(),
            wall_at_open: clock.wall,
        };
        for screen in screens {
            screen.init(&mut app);
        }
        app.refresh_view();
        app
    }

    /// The screen in front.
    pub fn on_screen(&self) -> &'static dyn Screen<App> {
        self.screens[self.screen]
    }

    /// The name of the screen in front (`"review"`).
    pub fn screen_name(&self) -> &'static str {
        self.on_screen().name()
    }

    /// Brings the screen named `name` to the front; time counts on a commitment only while
    /// a screen that discusses it shows.
    pub fn show(&mut self, name: &str) {
        if let Some(i) = self.screens.iter().position(|s| s.name() == name) {
            self.show_at(i);
        }
    }

    /// Brings screen `index` to the front.
    pub fn show_at(&mut self, index: usize) {
        if !self.screens[index].discusses() {
            self.fold_time();
        }
        self.item_since = self.now;
        self.screen = index;
    }

    /// Brings to the front the screen that shows `part` of the meeting.
    pub fn show_part(&mut self, part: Part) {
        if let Some(i) = self.screens.iter().position(|s| s.shows().contains(&part)) {
            self.screen = i;
        }
    }

    /// The interface's words.
    pub fn ui(&self) -> &'static Ui {
        crate::i18n::ui(self.config.ui_language)
    }

    /// The key a sentence names for `action` in `mode` ("a", "F"), as rebound.
    pub fn key(&self, mode: Mode, action: Action) -> String {
        let language = self.config.ui_language;
        self.config.keymap.typed_key(mode, &action, language)
    }

    /// The first key of `action` in `mode` ("Enter", "Esc", "↑"), as rebound.
    pub fn first_key(&self, mode: Mode, action: Action) -> String {
        let language = self.config.ui_language;
        self.config.keymap.first_key(mode, &action, language)
    }

    /// A picker of the meeting's organisations, or a new one typed; `template` is its title,
    /// with `{}` for the key that confirms. The name chosen goes to `then`.
    pub fn pick_organisation(&mut self, template: &str, then: impl Fn(&mut App, String) + 'static) {
        let organisations: Vec<String> = self
            .meeting
            .organisations()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let enter = self.first_key(Mode::Picker, Action::Confirm);
        let title = crate::i18n::fill(template, &[&enter]);
        let items = organisations.clone();
        let picker = Layer::choose(&title, items, true, move |app: &mut App, choice| {
            let name = match choice {
                Choice::Entry(i) => organisations[i].clone(),
                Choice::Typed(text) => text,
            };
            if !name.is_empty() {
                then(app, name);
            }
            Ok(Effects::none())
        });
        self.layers.push(picker);
    }

    /// The meeting, for changing it.
    pub fn meeting_mut(&mut self) -> &mut Meeting {
        Arc::make_mut(&mut self.meeting)
    }

    /// After a change from `before` to `after` at revision `was`: the marks naming each item
    /// found before still hold when the changed item names the same items as before, as
    /// most marks name none. Any other change finds them again.
    pub fn pointing_holds(&self, was: u64, before: &Commitment, after: &Commitment) {
        let naming = |c: &Commitment| {
            (c.marks.iter())
                .filter(|m| matches!(m.arg, crate::model::MarkArg::Commitment(_)))
                .cloned()
                .collect::<Vec<_>>()
        };
        let mut kept = self.pointing.borrow_mut();
        if let Some((revision, _)) = kept.as_mut()
            && *revision == was
            && before.number == after.number
            && naming(before) == naming(after)
        {
            *revision = self.revision;
        }
    }

    /// The styles of the theme in force.
    pub fn styles(&self) -> &crate::config::Styles {
        self.styles
            .get_or_init(|| crate::config::Styles::new(&self.config))
    }

    /// The marks on other items that name commitment `number` (`MarkSet::pointing`),
    /// found again only when the meeting changed, not on each move.
    pub fn pointing_at(&self, number: u32) -> Vec<Mark> {
        let mut kept = self.pointing.borrow_mut();
        if kept
            .as_ref()
            .is_none_or(|(revision, _)| *revision != self.revision)
        {
            *kept = Some((self.revision, self.config.marks.pointing(&self.meeting)));
        }
        (kept.as_ref().and_then(|(_, all)| all.get(&number)))
            .cloned()
            .unwrap_or_default()
    }

    /// The keys that apply now.
    pub fn mode(&self) -> Mode {
        match self.layers.last() {
            Some(layer) => layer.mode(),
            None => self.screen_mode(),
        }
    }

    /// Says what a deletion took away and which key brings it back; the message stays
    /// until the next key.
    pub fn tell_deleted(&mut self, what: &str) {
        let undo = self.key(self.screen_mode(), Action::Undo);
        let what = crate::wrap::truncate(what, 40);
        self.message = Some(crate::i18n::fill(self.ui().msg_deleted, &[&undo, &what]));
    }

    /// Keys are text now (an editor, a question to answer in words), until Esc.
    pub fn writing(&self) -> bool {
        let yes_no = matches!(self.layers.last(), Some(Layer::Prompt(p)) if p.yes_no);
        self.mode().types_text() && !yes_no
    }

    /// The keys of the screen in front, whatever layer is open over it.
    pub fn screen_mode(&self) -> Mode {
        self.on_screen().mode(self)
    }

    /// Index in the meeting of the current commitment.
    pub fn current(&self) -> Option<usize> {
        self.view.get(self.selected).copied()
    }

    pub fn current_commitment(&self) -> Option<&Commitment> {
        self.current().map(|i| &*self.meeting.commitments[i])
    }

    /// The observation editor, if open.
    pub fn editor(&self) -> Option<&Editor> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Editor(e) => Some(&e.state),
            _ => None,
        })
    }

    /// The editor, when it is the top layer.
    pub fn top_editor(&mut self) -> Option<&mut Editor> {
        self.layers
            .last_mut()
            .and_then(Layer::editor)
            .map(|e| &mut e.state)
    }

    /// Recomputes the list after a change or a new filter, keeping the current commitment
    /// selected while it is still shown.
    pub fn refresh_view(&mut self) {
        let current = self.current();
        let commitments = &self.meeting.commitments;
        self.reviewed = (commitments.iter())
            .filter(|c| self.meeting.reviewed(c))
            .count();
        self.number_width = commitments
            .iter()
            .map(|c| c.number)
            .max()
            .unwrap_or(1)
            .to_string()
            .len();
        let view: Vec<usize> = (0..commitments.len())
            .filter(|&i| self.filter.keeps(&commitments[i]))
            .collect();
        // The current commitment stays current while shown; else the next one shown after
        // it in the list (a filter to "not yet reviewed" goes on from where she is).
        let last = view.len().saturating_sub(1);
        let selected = match current {
            Some(c) => (view.iter().position(|&i| i >= c)).unwrap_or(last),
            None => self.selected.min(last),
        };
        if view.get(selected) != current.as_ref() {
            // Another item is current: the time so far goes to the one that had it.
            self.fold_time();
            self.item_since = self.now;
        }
        (self.view, self.selected) = (view, selected);
        self.clamp_observation();
    }

    pub fn clamp_observation(&mut self) {
        let n = self
            .current_commitment()
            .map_or(0, |c| c.observations.len());
        self.obs_selected = self.obs_selected.min(n.saturating_sub(1));
        if n == 0 {
            self.focus = Focus::List;
        }
    }

    /// Makes commitment `index` current, clearing the filter if it hides it.
    pub fn select_commitment(&mut self, index: usize) {
        if self.current() == Some(index) {
            return;
        }
        self.fold_time();
        self.item_since = self.now;
        if !self.view.contains(&index) {
            self.filter = Filter::All;
            self.refresh_view();
        }
        if let Some(pos) = self.view.iter().position(|&i| i == index) {
            self.selected = pos;
        }
        self.obs_selected = 0;
        self.focus = Focus::List;
        self.clamp_observation();
    }

    /// Moves to position `pos` of the list. This is the path of every arrow key, so it
    /// does no work that grows with the list.
    pub fn select_position(&mut self, pos: usize) {
        let pos = pos.min(self.view.len().saturating_sub(1));
        if self.view.is_empty() || pos == self.selected {
            return;
        }
        self.fold_time();
        self.item_since = self.now;
        self.selected = pos;
        self.obs_selected = 0;
        self.focus = Focus::List;
        self.clamp_observation();
    }
}
