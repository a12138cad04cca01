//! The program's state: the meeting, where the secretary stands in it, and the layers open
//! on top of the review screen. Plain data that tests drive through `update`.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui_textarea::TextArea;

use super::fuzzy::Hit;
use super::history::{Change, History, Rest};
use super::keymap::{Keymap, Mode};
use crate::config::Config;
use crate::model::{Commitment, Meeting};

/// The five screens, switched with the keys 1 to 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Attendance,
    Points,
    Review,
    Decisions,
    Preview,
}

impl Screen {
    pub const ALL: [Screen; 5] = [
        Screen::Attendance,
        Screen::Points,
        Screen::Review,
        Screen::Decisions,
        Screen::Preview,
    ];

    pub fn name(self, ui: &crate::i18n::Ui) -> &'static str {
        match self {
            Screen::Attendance => ui.screen_attendance,
            Screen::Points => ui.screen_points,
            Screen::Review => ui.screen_review,
            Screen::Decisions => ui.screen_decisions,
            Screen::Preview => ui.screen_preview,
        }
    }
}

/// A field of the meeting header, edited on the points screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderField {
    Title,
    Date,
    Time,
    Place,
    Language,
    End,
    Duration,
    ItemBudget,
}

impl HeaderField {
    pub const ALL: [HeaderField; 8] = [
        HeaderField::Title,
        HeaderField::Date,
        HeaderField::Time,
        HeaderField::Place,
        HeaderField::Language,
        HeaderField::End,
        HeaderField::Duration,
        HeaderField::ItemBudget,
    ];

    pub fn label(self) -> &'static str {
        self.label_in(crate::i18n::ui(crate::model::Language::En))
    }

    pub fn label_in(self, ui: &crate::i18n::Ui) -> &'static str {
        match self {
            HeaderField::Title => ui.field_title,
            HeaderField::Date => ui.field_date,
            HeaderField::Time => ui.field_time,
            HeaderField::Place => ui.field_place,
            HeaderField::Language => ui.field_language,
            HeaderField::End => ui.field_end,
            HeaderField::Duration => ui.field_duration,
            HeaderField::ItemBudget => ui.field_budget,
        }
    }
}

/// One line of the points screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Field(HeaderField),
    Agenda(usize),
    /// "+ add an agenda item", after the agenda.
    NewAgenda,
    Point(usize),
    /// "+ add a discussion point", after the points.
    NewPoint,
}

/// The lines of the points screen: the header, the agenda, the discussion points.
pub fn point_entries(meeting: &Meeting) -> Vec<Entry> {
    HeaderField::ALL
        .into_iter()
        .map(Entry::Field)
        .chain((0..meeting.header.agenda.len()).map(Entry::Agenda))
        .chain([Entry::NewAgenda])
        .chain((0..meeting.points.len()).map(Entry::Point))
        .chain([Entry::NewPoint])
        .collect()
}

/// Participants grouped by organisation, organisations in order of first appearance.
pub fn attendance_order(meeting: &Meeting) -> Vec<usize> {
    let mut organisations: Vec<&str> = Vec::new();
    for p in &meeting.participants {
        if !organisations.contains(&p.organization.as_str()) {
            organisations.push(&p.organization);
        }
    }
    organisations
        .iter()
        .flat_map(|o| {
            meeting
                .participants
                .iter()
                .enumerate()
                .filter(move |(_, p)| p.organization == *o)
                .map(|(i, _)| i)
        })
        .collect()
}

/// Which part of the review screen takes the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    List,
    Observations,
}

/// Which commitments the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    NotReviewed,
    Mark(String),
    Institution(String),
}

impl Filter {
    pub fn keeps(&self, c: &Commitment) -> bool {
        match self {
            Filter::All => true,
            Filter::NotReviewed => !c.is_reviewed(),
            Filter::Mark(id) => c.mark(id).is_some(),
            Filter::Institution(name) => c.institution == *name,
        }
    }
}

/// The observation editor: one bullet at a time.
pub struct Editor {
    pub input: TextArea<'static>,
    pub level: u8,
    /// Index of the commitment in the meeting.
    pub commitment: usize,
    /// The observation being edited, or `None` for a new one.
    pub editing: Option<usize>,
    /// Where the next new bullet goes.
    pub insert_at: usize,
    /// The organisation that made the observation being typed, if noted.
    pub by: Option<String>,
}

impl Editor {
    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickValue {
    Commitment(usize),
    Phrase(usize),
    Filter(Filter),
    Text(String),
}

/// What a multi-line text editor writes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextTarget {
    Point(usize),
    Decision(usize),
    NewDecision(usize),
}

/// The editor of a point's or a decision's text: Enter breaks lines, Esc saves.
pub struct TextEdit {
    pub target: TextTarget,
    pub title: String,
    pub input: TextArea<'static>,
}

/// Whose observation an attribution goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttributionTarget {
    Editor,
    Observation { commitment: usize, index: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerKind {
    Search,
    MergeTarget {
        commitment: usize,
        mark: String,
    },
    Phrase {
        into_editor: bool,
    },
    Filter,
    /// The organisation of a participant being added.
    Organization {
        name: Option<String>,
    },
    Owner {
        decision: usize,
    },
    Attribution(AttributionTarget),
}

/// A fuzzy picker: the search, the merge target, the stock phrases and the filter.
pub struct Picker {
    pub kind: PickerKind,
    pub title: String,
    pub query: String,
    pub items: Vec<String>,
    pub folded: Vec<String>,
    pub values: Vec<PickValue>,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: Cell<usize>,
    /// Whether the typed text itself may be chosen (a new organisation, say).
    pub free_text: bool,
    /// The query the hits were ranked for.
    pub ranked: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptKind {
    Goto,
    MarkArg { commitment: usize, mark: String },
    Header(HeaderField),
    Agenda { edit: Option<usize>, at: usize },
    PointTitle { edit: Option<usize>, at: usize },
    ParticipantName,
    RepresentedBy { participant: usize },
    Deadline { decision: usize },
}

/// A one-line question: a commitment number, a reason, a new title.
pub struct Prompt {
    pub kind: PromptKind,
    pub title: String,
    pub input: TextArea<'static>,
    pub error: Option<String>,
}

impl Prompt {
    pub fn text(&self) -> String {
        self.input.lines().join(" ")
    }
}

pub enum Layer {
    Editor(Editor),
    Picker(Picker),
    Prompt(Prompt),
    Text(TextEdit),
    Help {
        scroll: u16,
    },
    /// The journal of a session that did not end cleanly, offered for restoring.
    Recovery(crate::store::journal::Journal),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// No file behind the meeting (benchmarks, tests).
    NoFile,
    Saved,
    Saving,
    Failed(String),
}

pub struct App {
    /// Shared with the saving thread, which holds it only while writing: a change copies
    /// it only if a save is still under way.
    pub meeting: Arc<Meeting>,
    pub config: Config,
    pub keymap: Keymap,
    pub file: Option<PathBuf>,
    pub demo: bool,
    /// Indices into `meeting.commitments` that the list shows, in order.
    pub view: Vec<usize>,
    /// Position of the current commitment in `view`.
    pub selected: usize,
    pub focus: Focus,
    pub obs_selected: usize,
    pub filter: Filter,
    pub layers: Vec<Layer>,
    pub history: History,
    /// Bumped by every change to the meeting; the event loop saves when it moves.
    pub revision: u64,
    pub save_status: SaveStatus,
    pub message: Option<String>,
    pub opened: Instant,
    /// The time the event loop last read the clock; update and draw use only this.
    pub now: Instant,
    /// When the current commitment became current (time not yet added to it).
    pub item_since: Instant,
    pub quit: bool,
    /// Set by the export key; the event loop exports, since writing files is an effect.
    pub export_requested: bool,
    /// The review screen shows the current commitment alone, for screen sharing.
    pub presenting: bool,
    /// Opened while another copy holds the file: nothing may change.
    pub read_only: bool,
    /// Set when the journal was restored or set aside, for the event loop to act on.
    pub journal_done: Option<bool>,
    /// First visible row of the list; the one thing drawing may move.
    pub list_offset: Cell<usize>,
    /// Counts kept with the view so that a frame does not walk the whole list.
    pub reviewed: usize,
    pub number_width: usize,
    pub screen: Screen,
    /// Position in `attendance_order`.
    pub attendance_pos: usize,
    /// Position in `point_entries`.
    pub points_pos: usize,
    pub decisions_pos: usize,
    pub preview_scroll: usize,
    /// The wall-clock time when the program opened, for the time left in the meeting.
    pub wall_at_open: chrono::NaiveDateTime,
}

impl App {
    pub fn new(meeting: Meeting, config: Config, file: Option<PathBuf>, now: Instant) -> Self {
        // Conflicts are refused before the program starts; here the defaults stand in.
        let keymap = Keymap::configured(&config.marks, &config.keys)
            .unwrap_or_else(|_| Keymap::new(&config.marks));
        let save_status = if file.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::NoFile
        };
        let mut app = App {
            meeting: Arc::new(meeting),
            config,
            keymap,
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
            opened: now,
            now,
            item_since: now,
            quit: false,
            export_requested: false,
            read_only: false,
            presenting: false,
            journal_done: None,
            list_offset: Cell::new(0),
            reviewed: 0,
            number_width: 1,
            screen: Screen::Review,
            attendance_pos: 0,
            points_pos: 0,
            decisions_pos: 0,
            preview_scroll: 0,
            wall_at_open: chrono::Local::now().naive_local(),
        };
        app.refresh_view();
        app
    }

    /// The meeting, for changing it.
    pub fn meeting_mut(&mut self) -> &mut Meeting {
        Arc::make_mut(&mut self.meeting)
    }

    /// The keys that apply now.
    pub fn mode(&self) -> Mode {
        match self.layers.last() {
            Some(Layer::Editor(_)) => Mode::Editor,
            Some(Layer::Picker(_)) => Mode::Picker,
            Some(Layer::Prompt(_)) => Mode::Prompt,
            Some(Layer::Text(_)) => Mode::Text,
            Some(Layer::Help { .. }) => Mode::Help,
            Some(Layer::Recovery(_)) => Mode::Recovery,
            None => match self.screen {
                Screen::Attendance => Mode::Attendance,
                Screen::Points => Mode::Points,
                Screen::Decisions => Mode::Decisions,
                Screen::Preview => Mode::Preview,
                Screen::Review if self.focus == Focus::Observations => Mode::Observations,
                Screen::Review => Mode::List,
            },
        }
    }

    /// Index in the meeting of the current commitment.
    pub fn current(&self) -> Option<usize> {
        self.view.get(self.selected).copied()
    }

    pub fn current_commitment(&self) -> Option<&Commitment> {
        self.current().map(|i| &self.meeting.commitments[i])
    }

    /// Recomputes the list after a change or a new filter, keeping the current commitment
    /// selected while it is still shown.
    pub fn refresh_view(&mut self) {
        let current = self.current();
        let commitments = &self.meeting.commitments;
        self.reviewed = commitments.iter().filter(|c| c.is_reviewed()).count();
        self.number_width = commitments
            .iter()
            .map(|c| c.number)
            .max()
            .unwrap_or(1)
            .to_string()
            .len();
        self.view = (0..self.meeting.commitments.len())
            .filter(|&i| self.filter.keeps(&self.meeting.commitments[i]))
            .collect();
        if let Some(pos) = current.and_then(|c| self.view.iter().position(|&i| i == c)) {
            self.selected = pos;
        } else {
            self.selected = self.selected.min(self.view.len().saturating_sub(1));
        }
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

    /// Changes one commitment through the history, so that undo reaches it.
    pub fn change_commitment(&mut self, index: usize, edit: impl FnOnce(&mut Commitment)) {
        let before = self.meeting.commitments[index].clone();
        edit(&mut self.meeting_mut().commitments[index]);
        if self.meeting.commitments[index] == before {
            return;
        }
        let after = self.meeting.commitments[index].clone();
        // Keep the counts without walking the list: this is the path of every mark key.
        self.reviewed =
            self.reviewed + usize::from(after.is_reviewed()) - usize::from(before.is_reviewed());
        self.history.record(Change::Commitment {
            index,
            before: Box::new(before),
            after: Box::new(after),
        });
        self.revision += 1;
        if self.filter == Filter::All {
            self.clamp_observation();
        } else {
            self.refresh_view();
        }
    }

    /// Changes the header, attendance, points or decisions through the history.
    pub fn change_rest(&mut self, edit: impl FnOnce(&mut Meeting)) {
        let before = Rest::of(&self.meeting);
        edit(self.meeting_mut());
        let after = Rest::of(&self.meeting);
        if after == before {
            return;
        }
        self.history.record(Change::Rest {
            before: Box::new(before),
            after: Box::new(after),
        });
        self.revision += 1;
    }

    /// The wall-clock time now, as the event loop last read it.
    pub fn wall_now(&self) -> chrono::NaiveDateTime {
        let elapsed = self.now.saturating_duration_since(self.opened);
        self.wall_at_open + chrono::Duration::from_std(elapsed).unwrap_or_default()
    }

    /// Seconds left before the planned end of the meeting (negative once past it).
    pub fn seconds_left(&self) -> Option<i64> {
        let h = &self.meeting.header;
        let start = h
            .time
            .map(|t| h.date.and_time(t))
            .unwrap_or(self.wall_at_open);
        let end = match (h.planned_end, h.planned_minutes) {
            (Some(end), _) => h.date.and_time(end),
            (None, Some(minutes)) => start + chrono::Duration::minutes(minutes.into()),
            (None, None) => return None,
        };
        Some((end - self.wall_now()).num_seconds())
    }

    /// Whether the current commitment has run over its budget.
    pub fn over_budget(&self) -> bool {
        self.meeting
            .header
            .item_budget_minutes
            .is_some_and(|m| self.item_seconds() > u64::from(m) * 60)
    }

    /// Adds the time spent on the current commitment since it became current.
    pub fn fold_time(&mut self) {
        let elapsed = self
            .now
            .saturating_duration_since(self.item_since)
            .as_secs();
        if elapsed == 0 {
            self.item_since = self.now;
            return;
        }
        if let Some(index) = self.current() {
            let c = &mut self.meeting_mut().commitments[index];
            c.seconds_spent += elapsed;
            c.last_discussed = Some(chrono::Local::now().naive_local().with_nanosecond_zero());
            self.revision += 1;
        }
        // The part of a second not counted yet stays with the item.
        self.item_since += Duration::from_secs(elapsed);
    }

    /// Seconds on the current commitment, this visit included.
    pub fn item_seconds(&self) -> u64 {
        let running = self
            .now
            .saturating_duration_since(self.item_since)
            .as_secs();
        self.current_commitment()
            .map_or(0, |c| c.seconds_spent + running)
    }

    pub fn meeting_seconds(&self) -> u64 {
        self.now.saturating_duration_since(self.opened).as_secs()
    }

    pub fn editor(&self) -> Option<&Editor> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Editor(e) => Some(e),
            _ => None,
        })
    }
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl NoNanos for chrono::NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}
