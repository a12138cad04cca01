//! The recovery journal: what is not in the meeting file yet — the text being typed, and
//! the whole meeting while saving fails — written beside the program's data, not the
//! meeting, so that a full or read-only meeting folder cannot stop it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{Mode, SaveError, write_atomic};

/// What the text being typed is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PendingKind {
    #[default]
    Observation,
    Point,
    Decision,
}

/// Text typed but not yet committed, and where it was going.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub kind: PendingKind,
    /// The commitment number, for an observation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<u32>,
    /// The position of the observation, point or decision being edited, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    #[serde(default)]
    pub level: u8,
    pub text: String,
    /// A new observation: where it goes, and how many its commitment had then. A bullet
    /// at that place that begins with `text`, in a commitment that has more since, is this
    /// one committed (and perhaps finished) after the journal was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// An observation being edited: its text before the edit. The file holding another
    /// text there that begins with `text` holds this edit, committed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
}

impl Pending {
    /// Whether the observations of its commitment, as the file has them, already hold
    /// this text: the same bullet, or this one committed after the journal was written.
    pub fn committed_in(&self, observations: &[crate::model::Observation]) -> bool {
        let text = self.text.trim();
        let begins = |i: usize| {
            observations
                .get(i)
                .is_some_and(|o| o.text.trim_start().starts_with(text))
        };
        observations.iter().any(|o| o.text.trim() == text)
            || match (self.index, self.at, self.count) {
                (Some(i), _, _) => {
                    let changed = observations.get(i).map(|o| &o.text) != self.was.as_ref();
                    self.was.is_some() && changed && begins(i)
                }
                (None, Some(at), Some(count)) => observations.len() > count && begins(at),
                _ => false,
            }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// The meeting file this journal belongs to, as an absolute path.
    pub meeting_file: String,
    /// When it was written, local time.
    pub written_at: String,
    /// Which meeting it was taken from (title and date), to tell when the file at that
    /// path is now another meeting.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub meeting_of: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The whole meeting file's text, when changes could not be saved to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// With `meeting`: the file as copil last read or wrote it, what `meeting` was made
    /// from. Restoring merges `meeting` onto the file as it is then, against this, so that
    /// a change made to the file since (a colleague's repair) survives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

impl Journal {
    pub fn is_empty(&self) -> bool {
        self.pending
            .as_ref()
            .is_none_or(|p| p.text.trim().is_empty())
            && self.meeting.is_none()
    }
}

/// A name beside `path` that no other set-aside journal has: `NAME.set-aside`, then
/// `NAME.set-aside-2`, `-3`…
pub fn aside_name(path: &Path) -> std::path::PathBuf {
    unused(path, "set-aside")
}

/// `NAME.kind`, or the first of `NAME.kind-2`, `-3`… that no file has.
fn unused(path: &Path, kind: &str) -> std::path::PathBuf {
    let first = path.with_extension(kind);
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| path.with_extension(format!("{kind}-{n}")))
        .find(|p| !p.exists())
        .expect("an unused name")
}

/// Writes the journal atomically and durably.
pub fn write(path: &Path, journal: &Journal) -> Result<(), SaveError> {
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let text = toml::to_string(journal).unwrap_or_default();
    write_atomic(path, text.as_bytes(), Mode::Replace)
}

/// Writes the journal to the first of `places` that takes it (the others are cleared, so
/// that no older journal is found there); returns where it went.
pub fn write_first(places: &[PathBuf], journal: &Journal) -> Result<PathBuf, SaveError> {
    let mut last = None;
    for (i, place) in places.iter().enumerate() {
        match write(place, journal) {
            Ok(()) => {
                places.iter().skip(i + 1).for_each(|p| remove(p));
                return Ok(place.clone());
            }
            Err(e) => last = Some(e),
        }
    }
    Err(last.expect("at least one place"))
}

/// The first journal found in `places`, with where it was.
pub fn read_first(places: &[PathBuf]) -> io::Result<Option<(PathBuf, Journal)>> {
    for place in places {
        if let Some(journal) = read(place)? {
            return Ok(Some((place.clone(), journal)));
        }
    }
    Ok(None)
}

/// Removes the journal from every place.
pub fn remove_all(places: &[PathBuf]) {
    places.iter().for_each(|p| remove(p));
}

/// The journal left by an earlier session, if any. A journal that cannot be read is kept
/// aside rather than deleted.
pub fn read(path: &Path) -> io::Result<Option<Journal>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        // No journal there, or no folder to hold one.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    match toml::from_str::<Journal>(&text) {
        Ok(journal) => Ok(Some(journal)),
        Err(e) => {
            // Never over an earlier unreadable one.
            let aside = unused(path, "unreadable");
            let _ = fs::rename(path, &aside);
            Err(io::Error::other(format!(
                "the recovery journal could not be read ({}); it was kept as {}",
                e.message(),
                aside.display()
            )))
        }
    }
}

/// Removes the journal after a clean quit.
pub fn remove(path: &Path) {
    let _ = fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journals_round_trip_with_any_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.journal");
        let journal = Journal {
            meeting_file: "/tmp/réunion.toml".into(),
            written_at: "2024-02-22T11:00:00".into(),
            meeting_of: "Réunion — 2024-02-22".into(),
            pending: Some(Pending {
                kind: PendingKind::Observation,
                commitment: Some(8),
                index: None,
                level: 1,
                text: "Texte \"entre guillemets\"\nالحكومة 🇲🇦 \\ fin".into(),
                ..Pending::default()
            }),
            meeting: Some("[meeting]\ntitle = \"x\"\n".into()),
            base: Some("[meeting]\ntitle = \"y\"\n".into()),
        };
        write(&path, &journal).unwrap();
        assert_eq!(read(&path).unwrap(), Some(journal));
    }

    #[test]
    fn every_set_aside_journal_keeps_its_own_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.journal");
        let mut names = Vec::new();
        for n in 0..3 {
            std::fs::write(&path, format!("{n}")).unwrap();
            let aside = aside_name(&path);
            std::fs::rename(&path, &aside).unwrap();
            names.push(aside);
        }
        let texts: Vec<String> = names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert_eq!(texts, ["0", "1", "2"]);
    }

    #[test]
    fn an_unreadable_journal_is_kept_aside_never_over_another() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.journal");
        fs::write(&path, "not = [valid").unwrap();
        assert!(read(&path).is_err());
        fs::write(&path, "second = [bad").unwrap();
        assert!(read(&path).is_err());
        assert_eq!(
            fs::read_to_string(path.with_extension("unreadable")).unwrap(),
            "not = [valid"
        );
        assert_eq!(
            fs::read_to_string(path.with_extension("unreadable-2")).unwrap(),
            "second = [bad"
        );
    }
}
