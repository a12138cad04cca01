//! What the screens show of the state, derived or kept beside the meeting: the screens,
//! the focus and filter of the review list, the lines of the points screen, the order of
//! the roll call, and the saving state.

use std::path::PathBuf;

use crate::keys::Action;
use crate::model::{Commitment, Meeting};

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
    let participants = &meeting.participants;
    crate::model::first_appearances(participants.iter().map(|p| p.organization.as_str()))
        .into_iter()
        .flat_map(|o| (0..participants.len()).filter(move |&i| participants[i].organization == o))
        .collect()
}

/// Which part of the review screen takes the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Focus {
    List,
    Observations,
}

/// Which commitments the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
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

/// Whether the meeting is on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// No file behind the meeting (benchmarks, tests).
    NoFile,
    Saved,
    Saving,
    /// The last save failed: why, and where a copy of the meeting was written instead.
    Failed {
        cause: String,
        copy: Option<PathBuf>,
    },
}

/// Why a save failed, and where a copy of the meeting was written instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveFailure {
    pub cause: String,
    pub copy: Option<PathBuf>,
}

/// How many lines a page of the preview scrolls.
const PAGE: usize = 15;

/// Moves `pos` in a list of `len` entries as `action` says.
pub fn step(pos: &mut usize, len: usize, action: &Action) {
    let last = len.saturating_sub(1);
    *pos = match action {
        Action::Next => (*pos + 1).min(last),
        Action::Prev => pos.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageDown => (*pos + PAGE).min(last),
        Action::PageUp => pos.saturating_sub(PAGE),
        _ => *pos,
    };
}

/// Regions of the last frame kept with a key of what they showed, for a drawing that would
/// draw the same again to copy them back instead (`ui::memo`): the list of commitments is
/// the same while the secretary types, and a frame is drawn on every key.
#[derive(Default)]
pub struct Drawn(pub std::cell::RefCell<Vec<Region>>);

pub struct Region {
    pub name: &'static str,
    pub key: u64,
    pub area: ratatui::layout::Rect,
    pub cells: Vec<ratatui::buffer::Cell>,
}
