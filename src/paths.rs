//! Every place copil keeps files of its own: the data directory and what lives in it (the
//! journal, lock, emergency copy, cache and undo history of each meeting, the demo copy, the log), and the
//! user's configuration file. Nothing else in the program builds these paths.

use std::path::{Path, PathBuf};

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "copil")
}

/// A folder named by the environment variable `name`, when set and not empty.
fn from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

/// `COPIL_DATA_DIR` when set (a copil kept on a USB key, tests), else the platform data
/// directory (`~/.local/share/copil` on Linux, `~/Library/Application Support/copil` on
/// macOS, `%LOCALAPPDATA%\copil\data` on Windows), or a folder in the temporary
/// directory on a system that has none.
pub fn data_dir() -> PathBuf {
    from_env("COPIL_DATA_DIR")
        // The local folder, not the roaming one: a journal or a cache synced to another
        // machine would be another machine's.
        .or_else(|| project().map(|d| d.data_local_dir().to_owned()))
        .unwrap_or_else(|| std::env::temp_dir().join("copil"))
}

/// Where the user's configuration file goes: in `COPIL_CONFIG_DIR` when set, else
/// `~/.config/copil/config.toml` on Linux (`%APPDATA%\copil\config` on Windows).
pub fn config_file() -> Option<PathBuf> {
    from_env("COPIL_CONFIG_DIR")
        .or_else(|| project().map(|d| d.config_dir().to_owned()))
        .map(|dir| dir.join("config.toml"))
}

/// The log for the people who maintain copil.
pub fn log_file() -> PathBuf {
    data_dir().join("copil.log")
}

/// The demo copy of the bundled sample meeting.
pub fn demo_file() -> PathBuf {
    data_dir().join("demo").join("copil-2024-02-22.toml")
}

/// The program's own files for one meeting file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingFiles {
    /// Says who has the meeting open.
    pub lock: PathBuf,
    /// The text being typed, and the whole meeting while saving fails.
    pub journal: PathBuf,
    /// A copy of the meeting written while its own file refuses it.
    pub emergency: PathBuf,
    /// A binary copy of a large meeting, for a quick reopening.
    pub cache: PathBuf,
    /// Where the secretary was (screen, commitment), to reopen there.
    pub place: PathBuf,
    /// The screen as the last session left it, shown at the next opening while the
    /// meeting is read, when the file is still what that session saved.
    pub screen: PathBuf,
    /// The last changes, so that undo still works after reopening.
    pub undo: PathBuf,
    /// The versions of the file copil wrote or read, so that an older one put back later,
    /// even after a restart, is known for what it is.
    pub versions: PathBuf,
    /// The file as copil last saved it, byte for byte: what an older copy put back while
    /// copil was closed is compared with at the next opening.
    pub last: PathBuf,
    /// What the last export said (a hash of the record), to tell at the next opening that
    /// the exported files are older than the meeting.
    pub exported: PathBuf,
    /// Where the journal and the emergency copy go when the data directory refuses them
    /// (full, read-only): beside the meeting, the system's temporary folder, the home folder.
    pub fallbacks: Vec<PathBuf>,
}

impl MeetingFiles {
    pub fn for_meeting(meeting: &Path) -> MeetingFiles {
        MeetingFiles::under(&data_dir(), meeting)
    }

    /// The same, under another data directory.
    pub fn under(data: &Path, meeting: &Path) -> MeetingFiles {
        MeetingFiles {
            lock: named_after(&data.join("locks"), meeting, "lock"),
            journal: named_after(&data.join("journal"), meeting, "journal"),
            emergency: named_after(&data.join("emergency"), meeting, "toml"),
            cache: named_after(&data.join("cache"), meeting, "bin"),
            place: named_after(&data.join("places"), meeting, "toml"),
            screen: named_after(&data.join("places"), meeting, "screen"),
            undo: named_after(&data.join("undo"), meeting, "undo"),
            versions: named_after(&data.join("versions"), meeting, "versions"),
            last: named_after(&data.join("versions"), meeting, "last.toml"),
            exported: named_after(&data.join("versions"), meeting, "exported"),
            fallbacks: fallback_dirs(meeting),
        }
    }

    /// `file` (the journal or the emergency copy), then the same name in each fallback.
    pub fn places(&self, file: &Path) -> Vec<PathBuf> {
        let name = file.file_name().unwrap_or_default();
        std::iter::once(file.to_owned())
            .chain(self.fallbacks.iter().map(|d| d.join(name)))
            .collect()
    }
}

fn fallback_dirs(meeting: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(folder) = canonical(meeting).parent() {
        dirs.push(folder.join(".copil"));
    }
    dirs.push(std::env::temp_dir().join("copil"));
    if let Some(base) = directories::BaseDirs::new() {
        dirs.push(base.home_dir().join(".copil"));
    }
    dirs
}

/// A name beside `meeting_file` that no file has yet, to keep the secretary's meeting
/// when another one took the file's place: `NAME-kept.toml`, then `NAME-kept-2.toml`…
pub fn kept_beside(meeting_file: &Path) -> PathBuf {
    let stem = meeting_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "meeting".to_owned());
    let name = |n: usize| match n {
        1 => format!("{stem}-kept.toml"),
        n => format!("{stem}-kept-{n}.toml"),
    };
    (1..)
        .map(|n| meeting_file.with_file_name(name(n)))
        .find(|p| !p.exists())
        .expect("an unused name")
}

/// The absolute form of a meeting file's path, which names its journal and lock.
pub fn canonical(meeting_file: &Path) -> PathBuf {
    dunce::canonicalize(meeting_file).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(meeting_file))
            .unwrap_or_else(|_| meeting_file.to_owned())
    })
}

/// FNV-1a: a stable hash, so that the same meeting file finds its files again.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `DIR/<name>-<hash of the full path>.<extension>`: two files with the same name in
/// different folders never share one.
fn named_after(dir: &Path, meeting_file: &Path, extension: &str) -> PathBuf {
    let full = canonical(meeting_file);
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "meeting".to_owned());
    dir.join(format!(
        "{name}-{:016x}.{extension}",
        fnv(&full.to_string_lossy())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_name_in_two_folders_never_mix() {
        let data = Path::new("/data");
        let a = MeetingFiles::under(data, Path::new("/a/meeting.toml"));
        let b = MeetingFiles::under(data, Path::new("/b/meeting.toml"));
        assert_ne!(a.journal, b.journal);
        assert_ne!(a.lock, b.lock);
        assert!(a.journal.to_string_lossy().contains("meeting.toml-"));
        assert!(a.journal.starts_with("/data/journal"));
    }
}
