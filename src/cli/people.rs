//! `copil participants import`: the invitation list into the meeting's participants.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::error::CliError;
use super::output::emit;
use crate::config::Config;
use crate::i18n::{fill, msg};
use crate::model::{Meeting, Participant};
use crate::store::{self, people};

#[derive(Debug, Subcommand)]
pub enum ParticipantsAction {
    /// Add the people of invitation lists (csv with `,` or `;`, xlsx, ods), found by their
    /// header words: Nom/Name, Organisation/Organization, Courriel/Email, Civilité (optional)
    Import {
        /// The meeting file
        file: PathBuf,
        /// The invitation lists
        #[arg(required = true)]
        lists: Vec<PathBuf>,
    },
}

pub fn run(config: &Config, action: ParticipantsAction) -> Result<(), CliError> {
    match action {
        ParticipantsAction::Import { file, lists } => {
            import(config, &file, &super::files::expanded(&lists)?)
        }
    }
}

/// Every list read, or none: one bad row and nothing of this run is kept. A person already
/// in the meeting (same name and organisation) is not added again; an address the meeting
/// lacked is taken from the list.
fn import(config: &Config, file: &Path, lists: &[PathBuf]) -> Result<(), CliError> {
    let m = msg();
    let mut meeting = store::load(file, &config.marks)?;
    let before = meeting.clone();
    let mut errors = Vec::new();
    let mut report = String::new();
    for list in lists {
        match people::read_list(list) {
            Err(e) => errors.extend(e),
            Ok(people) => {
                let (added, there) = add_all(&mut meeting, people);
                report.push_str(&fill(m.list_read, &[&list.display(), &added, &there]));
                report.push('\n');
            }
        }
    }
    if !errors.is_empty() {
        errors.push(m.list_nothing_kept.to_owned());
        return Err(CliError::BadInput(errors.join("\n")));
    }
    if meeting != before {
        store::save(file, &meeting, &config.marks).map_err(|e| CliError::Runtime(e.to_string()))?;
    }
    let total = meeting.participants.len();
    report.push_str(&fill(m.list_total, &[&total, &file.display()]));
    report.push('\n');
    emit(&report)
}

/// Adds the people not yet in the meeting, each after the last of its organisation (else
/// at the end); returns how many were added and how many were there already.
fn add_all(meeting: &mut Meeting, people: Vec<Participant>) -> (usize, usize) {
    let (mut added, mut there) = (0, 0);
    for person in people {
        let list = &mut meeting.participants;
        if let Some(known) = list.iter_mut().find(|p| people::same(p, &person)) {
            there += 1;
            if known.email.is_none() {
                known.email = person.email;
            }
            continue;
        }
        let org = crate::fuzzy::fold(person.organization.trim());
        let at = list
            .iter()
            .rposition(|p| crate::fuzzy::fold(p.organization.trim()) == org)
            .map_or(list.len(), |i| i + 1);
        list.insert(at, person);
        added += 1;
    }
    (added, there)
}
