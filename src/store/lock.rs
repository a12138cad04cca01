//! One writer per meeting file: an operating-system lock on a file in the data directory,
//! released by the system when the process dies, with who holds it written inside.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Who holds a meeting file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = crate::i18n::fill(
            crate::i18n::msg().holder,
            &[&self.pid, &self.host, &self.since],
        );
        f.write_str(&text)
    }
}

/// A held lock; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

pub enum Outcome {
    /// The file is ours. `previous` names a holder that ended without releasing it
    /// cleanly (a crash, a closed terminal), if any.
    Acquired {
        lock: Lock,
        previous: Option<Holder>,
    },
    /// Another running copy holds it.
    Held(Holder),
}

/// Takes the lock at `path` (the lock file, in the data directory).
pub fn acquire(path: &Path) -> std::io::Result<Outcome> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    let mut text = String::new();
    let _ = file.read_to_string(&mut text);
    let recorded: Option<Holder> = toml::from_str(&text).ok();
    if !crate::platform::try_lock(&file)? {
        return Ok(Outcome::Held(recorded.unwrap_or_default()));
    }
    let me = Holder {
        pid: std::process::id(),
        host: crate::platform::host_name(),
        since: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
    };
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(toml::to_string(&me).unwrap_or_default().as_bytes())?;
    file.sync_all()?;
    Ok(Outcome::Acquired {
        lock: Lock { _file: file },
        previous: recorded,
    })
}

/// Releases the lock and says that the session ended cleanly.
pub fn release(lock: Lock, path: &Path) {
    drop(lock);
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.lock");
        let Outcome::Acquired { lock, previous } = acquire(&path).unwrap() else {
            panic!("the first taker gets it")
        };
        assert_eq!(previous, None);
        match acquire(&path).unwrap() {
            Outcome::Held(holder) => assert_eq!(holder.pid, std::process::id()),
            Outcome::Acquired { .. } => panic!("two writers"),
        }
        release(lock, &path);
        assert!(matches!(
            acquire(&path).unwrap(),
            Outcome::Acquired { previous: None, .. }
        ));
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.lock");
        std::fs::write(
            &path,
            "pid = 999999\nhost = \"old\"\nsince = \"2024-02-22 11:00:00\"\n",
        )
        .unwrap();
        let Outcome::Acquired { previous, .. } = acquire(&path).unwrap() else {
            panic!("nobody holds it")
        };
        assert_eq!(previous.unwrap().pid, 999999);
    }
}
