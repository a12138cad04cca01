//! A binary copy of a large meeting as it was last read or written, so that reopening it
//! skips parsing the TOML text. The copy is used only when everything matches: the file's
//! exact bytes (length and a 128-bit hash of them), the marks in force, and this very build
//! of copil; its payload carries its own hash against a torn or damaged copy. Anything else —
//! missing, older, damaged — and the file is parsed as usual. The meeting file stays the
//! record: the cache can be deleted at any time.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::model::{Commitment, MarkSet, Meeting};

const MAGIC: &[u8; 8] = b"copil\0c2";
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

/// A meeting read from its copy.
#[derive(Debug, PartialEq)]
pub struct Cached {
    pub meeting: Meeting,
    /// The key of the file's content.
    pub key: Key,
    /// `Meeting::fingerprint`, kept with the copy (the undo history is matched by it).
    pub fingerprint: String,
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

    /// The meeting cached for the content `file` holds now, with that content's key; `None`
    /// when there is none. The file is hashed through a small buffer, never held whole, and
    /// only when the copy was made for a file of its length; the copy is read piece by piece
    /// into one buffer, its hash checked at the end.
    pub fn read(&self, file: &Path) -> Option<Cached> {
        let mut copy = fs::File::open(&self.file).ok()?;
        let mut header = [0u8; HEADER];
        copy.read_exact(&mut header).ok()?;
        let (len, hash, payload) = self.fields(&header)?;
        let meta = fs::metadata(file).ok()?;
        if !meta.is_file() || meta.len() != len {
            return None;
        }
        let key = key_of_file(file)?;
        if key != (Key { len, hash }) {
            return None;
        }
        let (meeting, fingerprint) = read_pieces(&mut copy, payload)?;
        Some(Cached {
            meeting,
            key,
            fingerprint,
        })
    }

    /// The length and hash of the content a header names, and its payload's hash, when the
    /// header is this build's.
    fn fields(&self, header: &[u8; HEADER]) -> Option<(u64, u128, u128)> {
        let (magic, rest) = header.split_at(8);
        let (stamp, rest) = rest.split_at(16);
        let (len, rest) = rest.split_at(8);
        let (hash, payload) = rest.split_at(16);
        let u128_of = |b: &[u8]| Some(u128::from_le_bytes(b.try_into().ok()?));
        (magic == MAGIC && u128_of(stamp)? == self.stamp).then_some(())?;
        Some((
            u64::from_le_bytes(len.try_into().ok()?),
            u128_of(hash)?,
            u128_of(payload)?,
        ))
    }

    /// Keeps `meeting` as the content `key` reads to. Written beside and renamed into place,
    /// without waiting for the disk: a copy lost in a crash is only a slower next start.
    pub fn write(&self, key: Key, meeting: &Meeting) -> io::Result<()> {
        let payload = pieces(meeting)?;
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

/// How many commitments one piece of the copy holds.
const PIECE: usize = 256;

/// The copy's payload: pieces, each its length (4 bytes) then its postcard bytes; the
/// first is the meeting without its commitments and its fingerprint, the others the
/// commitments `PIECE` at a time.
fn pieces(meeting: &Meeting) -> io::Result<Vec<u8>> {
    let head = Meeting {
        commitments: Vec::new(),
        ..meeting.clone()
    };
    let mut out = Vec::new();
    let mut put = |bytes: Vec<u8>| -> io::Result<()> {
        let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&bytes);
        Ok(())
    };
    let first = (&head, meeting.fingerprint());
    put(postcard::to_stdvec(&first).map_err(io::Error::other)?)?;
    for piece in meeting.commitments.chunks(PIECE) {
        put(postcard::to_stdvec(piece).map_err(io::Error::other)?)?;
    }
    Ok(out)
}

/// The meeting from the pieces that follow the header in `copy`, when their hash is
/// `expected` and nothing follows them.
fn read_pieces(copy: &mut fs::File, expected: u128) -> Option<(Meeting, String)> {
    let mut pieces = Pieces {
        left: copy.metadata().ok()?.len().checked_sub(HEADER as u64)?,
        hasher: Xxh3::new(),
    };
    let mut buffer = Vec::new();
    pieces.next(copy, &mut buffer)?.then_some(())?;
    let (mut meeting, fingerprint): (Meeting, String) = postcard::from_bytes(&buffer).ok()?;
    while pieces.next(copy, &mut buffer)? {
        let piece: Vec<Arc<Commitment>> = postcard::from_bytes(&buffer).ok()?;
        meeting.commitments.extend(piece);
    }
    (pieces.hasher.digest128() == expected).then_some((meeting, fingerprint))
}

/// The pieces of a copy as they are read: what is left of the file, the hash so far.
struct Pieces {
    left: u64,
    hasher: Xxh3,
}

impl Pieces {
    /// Reads the next piece of `copy` into `buffer`: `Some(false)` at the end, `None` when
    /// the copy is cut or a length is more than what is left (never allocated).
    fn next(&mut self, copy: &mut fs::File, buffer: &mut Vec<u8>) -> Option<bool> {
        if self.left == 0 {
            return Some(false);
        }
        let mut len = [0u8; 4];
        copy.read_exact(&mut len).ok()?;
        let size = u64::from(u32::from_le_bytes(len));
        self.left = self.left.checked_sub(4 + size)?;
        buffer.resize(size as usize, 0);
        copy.read_exact(buffer).ok()?;
        self.hasher.update(&len);
        self.hasher.update(buffer);
        Some(true)
    }
}

/// The key of what `file` holds, read through a buffer of 256 KB.
pub fn key_of_file(file: &Path) -> Option<Key> {
    let mut file = fs::File::open(file).ok()?;
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0u8; 256 * 1024];
    let mut len = 0u64;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&buffer[..n]);
                len += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(Key {
        len,
        hash: hasher.digest128(),
    })
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

    struct Setup {
        _dir: tempfile::TempDir,
        cache: Cache,
        meeting: Meeting,
        file: PathBuf,
        text: String,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let marks = Config::builtin().marks;
        let cache = Cache::new(dir.path().join("cache").join("m.bin"), &marks).unwrap();
        // More commitments than a piece holds, and a file longer than the hashing buffer.
        let meeting = generate::meeting(700, 4);
        let text = write_meeting(&meeting, &marks);
        assert!(text.len() > 256 * 1024);
        let file = dir.path().join("m.toml");
        fs::write(&file, &text).unwrap();
        cache.write(Key::of(text.as_bytes()), &meeting).unwrap();
        Setup {
            _dir: dir,
            cache,
            meeting,
            file,
            text,
        }
    }

    #[test]
    fn a_cached_meeting_reads_back_whole_with_the_key_of_the_file() {
        let s = setup();
        let key = Key::of(s.text.as_bytes());
        assert_eq!(key_of_file(&s.file), Some(key));
        let fingerprint = s.meeting.fingerprint();
        let cached = Cached {
            meeting: s.meeting,
            key,
            fingerprint,
        };
        assert_eq!(s.cache.read(&s.file), Some(cached));
    }

    #[test]
    fn another_file_content_never_reads_the_copy() {
        let s = setup();
        let edited = s.text.replacen("title = \"", "title = \"X", 1);
        assert_eq!(edited.len(), s.text.len() + 1);
        fs::write(&s.file, &edited).unwrap();
        assert_eq!(s.cache.read(&s.file), None);
        // Same length, one byte changed.
        let same_length = s.text.replacen("number = 1\n", "number = 9\n", 1);
        assert_eq!(same_length.len(), s.text.len());
        fs::write(&s.file, &same_length).unwrap();
        assert_eq!(s.cache.read(&s.file), None);
        fs::write(&s.file, &s.text).unwrap();
        assert!(s.cache.read(&s.file).is_some());
    }

    #[test]
    fn other_marks_never_read_the_copy() {
        let s = setup();
        let mut marks = Config::builtin().marks;
        marks.defs.pop();
        let other = Cache::new(s.cache.path().to_owned(), &marks).unwrap();
        assert_eq!(other.read(&s.file), None);
    }

    #[test]
    fn copies_unused_for_two_months_are_removed_and_nothing_else() {
        let s = setup();
        let folder = s.cache.path().parent().unwrap();
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
        s.cache
            .write(Key::of(s.text.as_bytes()), &s.meeting)
            .unwrap();
        assert!(!stale.exists());
        assert!(recent.exists() && other.exists() && s.cache.path().exists());
    }

    #[test]
    fn a_damaged_or_cut_copy_is_ignored() {
        let s = setup();
        let path = s.cache.path();
        let bytes = fs::read(path).unwrap();
        let mut damaged = bytes.clone();
        let last = damaged.len() - 10;
        damaged[last] ^= 0x20;
        let mut too_long = bytes.clone();
        too_long[HEADER..HEADER + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut longer = bytes.clone();
        longer.extend_from_slice(&[0, 0, 0, 0]);
        for copy in [
            &damaged[..],
            &too_long,
            &longer,
            &bytes[..bytes.len() / 2],
            &bytes[..bytes.len() - 1],
            &bytes[..HEADER],
            &bytes[..10],
            b"",
        ] {
            fs::write(path, copy).unwrap();
            assert_eq!(s.cache.read(&s.file), None);
        }
        fs::write(path, &bytes).unwrap();
        assert!(s.cache.read(&s.file).is_some());
    }
}
