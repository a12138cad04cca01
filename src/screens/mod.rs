//! The screens, each one component (`app::screen::Screen`): its state, its update and its
//! drawing in its own file or folder. This file registers them, in the tab bar's order
//! (the keys 1 to 6 by default), and says which one the program opens on.
//!
//! Adding a screen: its file here with a unit struct implementing `Screen<App>`, its line
//! in `ALL`, its keys in `config/default.toml` (`[keys.NAME]`, and `screen_NAME` in
//! `[keys.global]`), its words in `i18n`.

mod attendance;
mod decisions;
mod points;
mod preview;
mod remarks;
mod review;

use std::path::PathBuf;

use crate::app::{App, Clock, Screen};
use crate::config::Config;
use crate::model::Meeting;

pub use attendance::Roll;
pub use decisions::follow::Shown as DecisionsShown;
pub use points::Lines as PointLines;
pub use preview::Scroll;
pub use remarks::{Selected as RemarkSelected, order as remarks_order, received_in_range};

/// Every screen, in the tab bar's order.
pub static ALL: [&dyn Screen<App>; 6] = [
    &attendance::AttendanceScreen,
    &points::Points,
    &review::Review,
    &decisions::Decisions,
    &preview::Preview,
    &remarks::Remarks,
];

/// The screen the program opens on: the review.
const OPENING: usize = 2;

impl App {
    /// The state on `meeting`, with every screen, opened on the review.
    pub fn new(meeting: Meeting, config: Config, file: Option<PathBuf>, clock: Clock) -> Self {
        App::build(meeting, config, file, clock, (&ALL, OPENING))
    }
}
