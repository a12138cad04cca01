//! What copil last read or wrote in a meeting file, to tell whether another program has
//! changed it since: the size and modification time first (one `stat`), then, when they
//! differ, the hash of the content (a `touch` or a copy of the same bytes is no change).

use std::fs;
use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::cache::Key;

/// The file as copil last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    pub key: Key,
    pub modified: Option<SystemTime>,
}

/// What a look at the file finds.
#[derive(Debug)]
pub enum Look {
    /// The same content (its time may have moved: the answer carries the new one).
    Same(Seen),
    /// Another content, with the bytes read.
    Changed(Seen, Vec<u8>),
    /// No file there any more: the next save writes it again.
    Gone,
    /// The file cannot be read just now (a network share away, permissions).
    Unreadable(io::Error),
}

/// Shared between the saver, the guard and the final save: the newest `Seen`.
pub type Known = Arc<Mutex<Option<Seen>>>;

impl Seen {
    /// `bytes` as just read from or written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> Seen {
        Seen {
            key: Key::of(bytes),
            modified: fs::metadata(path).and_then(|m| m.modified()).ok(),
        }
    }

    /// Whether `path` still holds what was seen.
    pub fn look(&self, path: &Path) -> Look {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Look::Gone,
            Err(e) => return Look::Unreadable(e),
        };
        let modified = meta.modified().ok();
        if meta.len() == self.key.size() && modified == self.modified && modified.is_some() {
            return Look::Same(*self);
        }
        let bytes = match super::read::read_regular(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Look::Gone,
            Err(e) => return Look::Unreadable(e),
        };
        let seen = Seen {
            key: Key::of(&bytes),
            modified,
        };
        if seen.key == self.key {
            Look::Same(seen)
        } else {
            Look::Changed(seen, bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touch_is_no_change_and_an_edit_is_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.toml");
        fs::write(&path, "a = 1\n").unwrap();
        let seen = Seen::of(&path, b"a = 1\n");
        assert!(matches!(seen.look(&path), Look::Same(_)));
        // The same bytes written again: a new time, the same content.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, "a = 1\n").unwrap();
        assert!(matches!(seen.look(&path), Look::Same(_)));
        fs::write(&path, "a = 2\n").unwrap();
        match seen.look(&path) {
            Look::Changed(now, bytes) => {
                assert_eq!(bytes, b"a = 2\n");
                assert_ne!(now.key, seen.key);
            }
            other => panic!("{other:?}"),
        }
        fs::remove_file(&path).unwrap();
        assert!(matches!(seen.look(&path), Look::Gone));
    }
}
