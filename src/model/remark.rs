//! A remark received in writing after the meeting: read from a returned form, waiting for
//! the secretary to accept it (it becomes an observation), or to reject it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the secretary made of a remark.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RemarkState {
    #[default]
    Pending,
    Accepted,
    /// Its words went into an existing observation.
    Merged,
    /// Rejected, with the reason when one was given.
    Rejected(Option<String>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remark {
    /// The commitment's number.
    pub number: u32,
    pub text: String,
    /// The organisation that wrote it.
    pub author: String,
    pub received: NaiveDate,
    /// The form's file name.
    pub source: String,
    pub state: RemarkState,
}

impl Remark {
    /// Whether it came into the minutes: accepted, or merged into an observation.
    pub fn taken(&self) -> bool {
        matches!(self.state, RemarkState::Accepted | RemarkState::Merged)
    }

    /// Whether two remarks are the same one read twice: same commitment, text and author.
    pub fn same(&self, other: &Remark) -> bool {
        self.number == other.number && self.text == other.text && self.author == other.author
    }
}
