//! The recovery journal: what is not in the meeting file yet — the text being typed, and
//! the whole meeting while saving fails — written beside the program's data, not the
//! meeting, so that a full or read-only meeting folder cannot stop it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Mode, SaveError, write_atomic};

/// Text typed but not yet committed, and where it was going.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// "observation", "point" or "decision".
    pub kind: String,
    /// The commitment number, for an observation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<u32>,
    /// The position of the observation, point or decision being edited, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    #[serde(default)]
    pub level: u8,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// The meeting file this journal belongs to, as an absolute path.
    pub meeting_file: String,
    /// When it was written, local time.
    pub written_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The whole meeting file's text, when changes could not be saved to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
}

impl Journal {
    pub fn is_empty(&self) -> bool {
        self.pending
            .as_ref()
            .is_none_or(|p| p.text.trim().is_empty())
            && self.meeting.is_none()
    }
}

/// FNV-1a: a stable hash, so that the same meeting file finds its journal again.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The absolute form of a meeting file's path, which names its journal and lock.
pub fn canonical(meeting_file: &Path) -> PathBuf {
    fs::canonicalize(meeting_file).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(meeting_file))
            .unwrap_or_else(|_| meeting_file.to_owned())
    })
}

/// `DIR/<name>-<hash of the full path>.<extension>`: two files with the same name in
/// different folders never share one.
pub fn path_for(data_dir: &Path, meeting_file: &Path, extension: &str) -> PathBuf {
    let full = canonical(meeting_file);
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "meeting".to_owned());
    data_dir.join(format!(
        "{name}-{:016x}.{extension}",
        fnv(&full.to_string_lossy())
    ))
}

pub fn journal_path(data_dir: &Path, meeting_file: &Path) -> PathBuf {
    path_for(&data_dir.join("journal"), meeting_file, "journal")
}

/// Writes the journal atomically and durably.
pub fn write(path: &Path, journal: &Journal) -> Result<(), SaveError> {
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let text = toml::to_string(journal).unwrap_or_default();
    write_atomic(path, text.as_bytes(), Mode::Replace)
}

/// The journal left by an earlier session, if any. A journal that cannot be read is kept
/// aside rather than deleted.
pub fn read(path: &Path) -> io::Result<Option<Journal>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    match toml::from_str::<Journal>(&text) {
        Ok(journal) => Ok(Some(journal)),
        Err(e) => {
            let aside = path.with_extension("unreadable");
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
            pending: Some(Pending {
                kind: "observation".into(),
                commitment: Some(8),
                index: None,
                level: 1,
                text: "Texte \"entre guillemets\"\nالحكومة 🇲🇦 \\ fin".into(),
            }),
            meeting: Some("[meeting]\ntitle = \"x\"\n".into()),
        };
        write(&path, &journal).unwrap();
        assert_eq!(read(&path).unwrap(), Some(journal));
    }

    #[test]
    fn same_name_in_two_folders_never_mix() {
        let data = Path::new("/data");
        let a = journal_path(data, Path::new("/a/meeting.toml"));
        let b = journal_path(data, Path::new("/b/meeting.toml"));
        assert_ne!(a, b);
        assert!(a.to_string_lossy().contains("meeting.toml-"));
    }

    #[test]
    fn an_unreadable_journal_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.journal");
        fs::write(&path, "not = [valid").unwrap();
        assert!(read(&path).is_err());
        assert!(path.with_extension("unreadable").exists());
    }
}
