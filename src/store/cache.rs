//! A binary copy of a large meeting as it was last read or written, so that reopening it
//! skips parsing the TOML text. The copy is used only when everything matches: the file's
//! exact bytes (length and a 128-bit hash of them), the marks in force, and this very build
//! of copil; its payload carries its own hash against a torn or damaged copy. Anything else —
//! missing, older, damaged — and the file is parsed as usual. The meeting file stays the
//! record: the cache can be deleted at any time.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_128;

use crate::model::{MarkSet, Meeting};

const MAGIC: &[u8; 8] = b"copil\0c1";
const HEADER: usize = 8 + 16 + 8 + 16 + 16;

/// What identifies a meeting file's content: its length and the hash of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    len: u64,
    hash: u128,
}

impl Key {
    /// The length of the content, in bytes.
    pub fn size(&self) -> u64 {
        self.len
    }

    /// The key as a line of text (`length hash`), to be kept between sessions.
    pub fn to_line(&self) -> String {
        format!("{} {:032x}", self.len, self.hash)
    }

    /// A key written by `to_line`.
    pub fn from_line(line: &str) -> Option<Key> {
        let (len, hash) = line.trim().split_once(' ')?;
        Some(Key {
            len: len.parse().ok()?,
            hash: u128::from_str_radix(hash, 16).ok()?,
        })
    }

    pub fn of(bytes: &[u8]) -> Key {
        Key {
            len: bytes.len() as u64,
            hash: xxh3_128(bytes),
        }
    }
}

/// The cache of one meeting file.
#[derive(Clone, Debug)]
pub struct Cache {
    file: PathBuf,
    /// This build of the program and the marks in force: a copy made under others is
    /// never read.
    stamp: u128,
}

impl Cache {
    /// The cache kept in `file` for a meeting read with `marks`; `None` when the program
    /// cannot tell which build it is.
    pub fn new(file: PathBuf, marks: &MarkSet) -> Option<Cache> {
        let exe = std::env::current_exe().ok()?;
        let meta = fs::metadata(exe).ok()?;
        let built = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let identity = format!(
            "{} {} {} {marks:?}",
            env!("CARGO_PKG_VERSION"),
            meta.len(),
            built.as_nanos()
        );
        Some(Cache {
            file,
            stamp: xxh3_128(identity.as_bytes()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.file
    }

    fn header(&self, key: Key, payload: &[u8]) -> [u8; HEADER] {
        let mut out = [0u8; HEADER];
        let parts: [&[u8]; 5] = [
            MAGIC,
            &self.stamp.to_le_bytes(),
            &key.len.to_le_bytes(),
            &key.hash.to_le_bytes(),
            &xxh3_128(payload).to_le_bytes(),
        ];
        let mut at = 0;
        for part in parts {
            out[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
        out
    }

    /// The meeting cached for exactly the file content `key`, if there is one.
    pub fn read(&self, key: Key) -> Option<Meeting> {
        let bytes = fs::read(&self.file).ok()?;
        let (header, payload) = bytes.split_at_checked(HEADER)?;
        if header != self.header(key, payload) {
            return None;
        }
        postcard::from_bytes(payload).ok()
    }

    /// Keeps `meeting` as the content `key` reads to. Written beside and renamed into place,
    /// without waiting for the disk: a copy lost in a crash is only a slower next start.
    pub fn write(&self, key: Key, meeting: &Meeting) -> io::Result<()> {
        let payload = postcard::to_stdvec(meeting).map_err(io::Error::other)?;
        let dir = self.file.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        temp.write_all(&self.header(key, &payload))?;
        temp.write_all(&payload)?;
        temp.persist(&self.file).map_err(|e| e.error)?;
        prune(dir, &self.file);
        Ok(())
    }
}

/// Copies left unused this long belong to meetings no longer opened, or opened elsewhere.
const KEEP: std::time::Duration = std::time::Duration::from_secs(60 * 24 * 3600);

/// Removes the copies of other meetings that were not written for `KEEP`, so that the cache
/// never grows without end. Only files named like copies are touched.
fn prune(dir: &Path, keep: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = crate::clock::system();
    for entry in entries.flatten() {
        let path = entry.path();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|at| now.duration_since(at).ok())
            .is_some_and(|age| age > KEEP);
        if old && path != keep && path.extension().is_some_and(|e| e == "bin") {
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::generate;
    use crate::store::write_meeting;

    fn setup() -> (tempfile::TempDir, Cache, Meeting, Key) {
        let dir = tempfile::tempdir().unwrap();
        let marks = Config::builtin().marks;
        let cache = Cache::new(dir.path().join("cache").join("m.bin"), &marks).unwrap();
        let meeting = generate::meeting(50, 4);
        let key = Key::of(write_meeting(&meeting, &marks).as_bytes());
        cache.write(key, &meeting).unwrap();
        (dir, cache, meeting, key)
    }

    #[test]
    fn a_cached_meeting_reads_back_whole() {
        let (_dir, cache, meeting, key) = setup();
        assert_eq!(cache.read(key), Some(meeting));
    }

    #[test]
    fn another_file_content_never_reads_the_copy() {
        let (_dir, cache, meeting, _) = setup();
        let marks = Config::builtin().marks;
        let text = write_meeting(&meeting, &marks);
        let edited = text.replacen("title = \"", "title = \"X", 1);
        assert_eq!(edited.len(), text.len() + 1);
        assert_eq!(cache.read(Key::of(edited.as_bytes())), None);
        // Same length, one byte changed.
        let same_length = text.replacen("number = 1\n", "number = 9\n", 1);
        assert_eq!(same_length.len(), text.len());
        assert_eq!(cache.read(Key::of(same_length.as_bytes())), None);
    }

    #[test]
    fn other_marks_never_read_the_copy() {
        let (_dir, cache, _, key) = setup();
        let mut marks = Config::builtin().marks;
        marks.defs.pop();
        let other = Cache::new(cache.path().to_owned(), &marks).unwrap();
        assert_eq!(other.read(key), None);
    }

    #[test]
    fn copies_unused_for_two_months_are_removed_and_nothing_else() {
        let (_dir, cache, meeting, key) = setup();
        let folder = cache.path().parent().unwrap();
        let stale = folder.join("old.toml-1.bin");
        let recent = folder.join("recent.toml-2.bin");
        let other = folder.join("notes.txt");
        for path in [&stale, &recent, &other] {
            fs::write(path, b"x").unwrap();
        }
        let long_ago = crate::clock::system() - KEEP - KEEP;
        for path in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        cache.write(key, &meeting).unwrap();
        assert!(!stale.exists());
        assert!(recent.exists() && other.exists() && cache.path().exists());
    }

    #[test]
    fn a_damaged_or_cut_copy_is_ignored() {
        let (_dir, cache, _, key) = setup();
        let bytes = fs::read(cache.path()).unwrap();
        let mut damaged = bytes.clone();
        let last = damaged.len() - 10;
        damaged[last] ^= 0x20;
        fs::write(cache.path(), &damaged).unwrap();
        assert_eq!(cache.read(key), None);
        fs::write(cache.path(), &bytes[..bytes.len() / 2]).unwrap();
        assert_eq!(cache.read(key), None);
        fs::write(cache.path(), &bytes[..10]).unwrap();
        assert_eq!(cache.read(key), None);
        fs::write(cache.path(), b"").unwrap();
        assert_eq!(cache.read(key), None);
    }
}
