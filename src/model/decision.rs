//! What became of a decision: open, done on a date, or dropped with a reason; late when
//! open past its deadline; each change of status kept with its date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A "Points arrêtés" entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub text: String,
    pub deadline: Option<NaiveDate>,
    /// The deadline ends a period ("jusqu'au …") rather than a delivery ("au plus tard le
    /// …", the default).
    #[serde(default)]
    pub until: bool,
    pub owner: Option<String>,
    /// Decided at an earlier meeting and carried as an open item.
    pub carried: bool,
    /// Open, done or dropped.
    #[serde(default)]
    pub status: Status,
    /// The date of the meeting that took it, once carried to a later one.
    #[serde(default)]
    pub taken: Option<NaiveDate>,
    /// Each change of status, with its date.
    #[serde(default)]
    pub log: Vec<StatusChange>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Open,
    Done(NaiveDate),
    Dropped {
        on: NaiveDate,
        reason: Option<String>,
    },
}

impl Status {
    /// The name written in the file: "open", "done", "dropped".
    pub fn name(&self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done(_) => "done",
            Status::Dropped { .. } => "dropped",
        }
    }

    /// The day it was closed, when it was.
    pub fn closed(&self) -> Option<NaiveDate> {
        match self {
            Status::Open => None,
            Status::Done(on) | Status::Dropped { on, .. } => Some(*on),
        }
    }
}

/// A change of status: the day and the status it went to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub date: NaiveDate,
    pub status: String,
}

impl Decision {
    /// Open past its deadline on `today`.
    pub fn is_late(&self, today: NaiveDate) -> bool {
        self.status == Status::Open && self.deadline.is_some_and(|d| d < today)
    }

    /// Sets the status on `today` and keeps the change in the decision's history.
    pub fn set_status(&mut self, status: Status, today: NaiveDate) {
        if self.status == status {
            return;
        }
        self.log.push(StatusChange {
            date: today,
            status: status.name().to_owned(),
        });
        self.status = status;
    }
}
