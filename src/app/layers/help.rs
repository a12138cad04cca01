//! The help: every key in force, mode by mode, scrolled.

use super::component::{Component, Outcome};
use crate::keys::Action;

#[derive(Debug, Default)]
pub struct Help {
    pub scroll: u16,
}

impl Component for Help {
    type Value = ();

    fn on_action(&mut self, action: &Action) -> Outcome<()> {
        match action {
            Action::CloseHelp => Outcome::Cancelled,
            Action::HelpDown => {
                self.scroll = self.scroll.saturating_add(3);
                Outcome::Consumed
            }
            Action::HelpUp => {
                self.scroll = self.scroll.saturating_sub(3);
                Outcome::Consumed
            }
            _ => Outcome::NotMine,
        }
    }
}
