//! One writer per meeting file. Two locks: an operating-system lock on a file in the data
//! directory, released by the system when the process dies; and a lock file beside the
//! meeting (`.~lock.NAME#`, as LibreOffice writes), which copies under other accounts, with
//! other data directories, through a bind mount or on other machines sharing the folder
//! see too.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Who holds a meeting file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: String,
    #[serde(default)]
    pub user: String,
}

impl Holder {
    /// This process, now.
    pub fn me() -> Holder {
        Holder {
            pid: std::process::id(),
            host: crate::platform::host_name(),
            since: crate::clock::now().format("%Y-%m-%d %H:%M:%S").to_string(),
            user: crate::platform::user_name(),
        }
    }
}

impl Holder {
    /// A holder the lock file does not name.
    fn unknown() -> Holder {
        Holder {
            host: "?".to_owned(),
            ..Holder::default()
        }
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let host = match self.user.as_str() {
            "" => self.host.clone(),
            user => format!("{user}@{}", self.host),
        };
        let text = crate::i18n::fill(crate::i18n::msg().holder, &[&self.pid, &host, &self.since]);
        f.write_str(&text)
    }
}

/// How long a lock from another machine is believed: past this, its copy is taken to have
/// ended without removing it (a laptop closed, a crash).
const STALE_AFTER_HOURS: i64 = 12;

/// What the lock beside the meeting file says.
#[derive(Debug, PartialEq, Eq)]
pub enum Beside {
    Free,
    /// Left by a copy that is gone: its process ended on this machine, or it is old.
    Stale(Holder),
    /// A copy that may still be running, here or on another machine.
    Held(Holder),
}

/// The lock file beside the file `meeting` really is (a symbolic link is followed, so
/// that a link from another folder finds the same lock): `.~lock.NAME#`.
pub fn beside(meeting: &Path) -> PathBuf {
    let meeting = crate::paths::canonical(meeting);
    let name = meeting.file_name().unwrap_or_default().to_string_lossy();
    let dir = meeting.parent().filter(|d| !d.as_os_str().is_empty());
    dir.unwrap_or(Path::new("."))
        .join(format!(".~lock.{name}#"))
}

/// Who, if anyone, holds the lock at `path` (beside the meeting). A lock that cannot be
/// read (another account's, unreadable) is held by someone unknown; one that does not say
/// who (cut short, damaged) was left by a copy that is gone: neither is ever taken as free.
pub fn look_beside(path: &Path) -> Beside {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Beside::Free,
        Err(_) => return Beside::Held(Holder::unknown()),
    };
    let Ok(holder) = toml::from_str::<Holder>(&text) else {
        return Beside::Stale(Holder::unknown());
    };
    let me = Holder::me();
    if holder.host == me.host {
        return match holder.pid {
            pid if pid == me.pid => Beside::Free,
            pid if crate::platform::process_alive(pid) => Beside::Held(holder),
            _ => Beside::Stale(holder),
        };
    }
    let since = chrono::NaiveDateTime::parse_from_str(&holder.since, "%Y-%m-%d %H:%M:%S");
    let age = since.map(|t| crate::clock::now().naive_local() - t);
    match age {
        Ok(age) if age.num_hours() < STALE_AFTER_HOURS => Beside::Held(holder),
        _ => Beside::Stale(holder),
    }
}

/// Writes this process as the holder of the lock beside the meeting (taking it over),
/// readable by every account.
pub fn write_beside(path: &Path) -> std::io::Result<()> {
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    hold(file)
}

/// Takes the lock beside the meeting if nobody has it: created only if absent, so that two
/// copies started at the same instant cannot both take it. `Free` when it is now ours;
/// otherwise who has it.
pub fn claim_beside(path: &Path) -> std::io::Result<Beside> {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => hold(file).map(|()| Beside::Free),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(look_beside(path)),
        Err(e) => Err(e),
    }
}

fn hold(mut file: File) -> std::io::Result<()> {
    crate::platform::readable_by_all(&file)?;
    // Not synced: what a lock says matters to the copies running now, which read it from
    // the same system; after a crash the holder is gone, whatever the file kept.
    file.write_all(
        toml::to_string(&Holder::me())
            .unwrap_or_default()
            .as_bytes(),
    )
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
    let me = Holder::me();
    file.set_len(0)?;
    file.rewind()?;
    // Not synced either (see `hold`).
    file.write_all(toml::to_string(&me).unwrap_or_default().as_bytes())?;
    Ok(Outcome::Acquired {
        lock: Lock { _file: file },
        previous: recorded,
    })
}

/// Releases the lock (and the one beside the meeting, if it is still ours) and says that
/// the session ended cleanly.
pub fn release(lock: Lock, path: &Path, beside: &Path) {
    drop(lock);
    remove(path, beside);
}

/// The same, by the lock's paths, for a process about to end (which closes the lock's
/// file itself).
pub fn remove(path: &Path, beside: &Path) {
    if look_beside(beside) == Beside::Free {
        let _ = std::fs::remove_file(beside);
    }
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Another process of this machine, running until dropped.
    struct Running(std::process::Child);

    impl Running {
        fn start() -> Running {
            let mut command = if cfg!(windows) {
                let mut c = std::process::Command::new("cmd");
                c.args(["/c", "pause"]);
                c
            } else {
                let mut c = std::process::Command::new("sleep");
                c.arg("60");
                c
            };
            let child = command
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap();
            Running(child)
        }

        fn pid(&self) -> u32 {
            self.0.id()
        }
    }

    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

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
        release(lock, &path, &dir.path().join(".~lock.m#"));
        assert!(matches!(
            acquire(&path).unwrap(),
            Outcome::Acquired { previous: None, .. }
        ));
    }

    #[test]
    fn the_lock_beside_the_meeting_tells_live_from_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = beside(&dir.path().join("réunion.toml"));
        assert!(path.ends_with(".~lock.réunion.toml#"));
        assert_eq!(look_beside(&path), Beside::Free);
        write_beside(&path).unwrap();
        assert_eq!(look_beside(&path), Beside::Free, "our own");
        let host = crate::platform::host_name();
        let write = |pid: u32, host: &str, since: &str| {
            let h =
                format!("pid = {pid}\nhost = \"{host}\"\nsince = \"{since}\"\nuser = \"amina\"\n");
            std::fs::write(&path, h).unwrap();
        };
        let now = crate::clock::now().format("%Y-%m-%d %H:%M:%S").to_string();
        // Another process runs; 999999 never does.
        let other = Running::start();
        write(other.pid(), &host, &now);
        assert!(matches!(look_beside(&path), Beside::Held(_)));
        write(999_999, &host, &now);
        assert!(matches!(look_beside(&path), Beside::Stale(_)));
        write(42, "another-machine", &now);
        assert!(
            matches!(look_beside(&path), Beside::Held(h) if h.to_string().contains("amina@another-machine"))
        );
        write(42, "another-machine", "2024-02-22 11:00:00");
        assert!(matches!(look_beside(&path), Beside::Stale(_)));
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

    #[test]
    fn the_lock_beside_is_taken_only_when_absent_and_never_read_as_free_when_garbled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".~lock.m.toml#");
        assert_eq!(claim_beside(&path).unwrap(), Beside::Free, "taken");
        // Another copy on this machine, alive, wrote it meanwhile.
        let running = Running::start();
        let other = Holder {
            pid: running.pid(),
            ..Holder::me()
        };
        std::fs::write(&path, toml::to_string(&other).unwrap()).unwrap();
        assert!(matches!(claim_beside(&path).unwrap(), Beside::Held(_)));
        std::fs::write(&path, "").unwrap();
        assert!(matches!(look_beside(&path), Beside::Stale(_)), "cut short");
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_beside_is_readable_by_every_account_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".~lock.m.toml#");
        // As a umask of 077 leaves a new file.
        std::fs::write(&path, "").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_beside(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o444, 0o444, "{mode:o}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_meeting_finds_the_lock_beside_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        let meeting = real.join("m.toml");
        std::fs::write(&meeting, "").unwrap();
        let link = dir.path().join("lien.toml");
        std::os::unix::fs::symlink(&meeting, &link).unwrap();
        assert_eq!(beside(&link), beside(&meeting));
        assert!(beside(&link).starts_with(crate::paths::canonical(&real)));
    }
}
