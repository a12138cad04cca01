//! Everything that depends on the operating system, in one place, so that the rest of the
//! program compiles without knowing which one it runs on.
//!
//! Today copil is built and tested on Linux and other Unix systems. What a Windows or macOS
//! build needs here, and nowhere else:
//!
//! - **Closing the window** (Windows): there is no SIGHUP. A console control handler
//!   (`SetConsoleCtrlHandler`, for `CTRL_CLOSE_EVENT`, `CTRL_LOGOFF_EVENT`,
//!   `CTRL_SHUTDOWN_EVENT`) must set the same flag as [`watch_signals`], and the process
//!   has about five seconds to save before Windows ends it.
//! - **A terminal that went away**: [`terminal_gone`] reads `/proc`, which only Linux has.
//!   macOS can ask `isatty(0)` and `tcgetattr` instead; on Windows the close handler above
//!   covers it.
//! - **Renaming over a file another program has open** (Windows): a save's final rename
//!   fails while Word, an antivirus or a sync client holds the meeting file. It needs a
//!   short retry, or `ReplaceFileW`, which keeps the file's identity and attributes.
//! - **Flushing a folder**: Windows cannot open a folder for [`sync_dir`]; a rename there
//!   is made durable by the file system itself, so this does nothing.
//! - **Locks**: Windows locks are mandatory: a locked file cannot be read by anyone else,
//!   so the lock holder's name (pid, computer, since when) must be kept in a second file
//!   that is not itself locked, beside the locked one.
//! - **New files' permissions**: Unix gives new meeting files 0666 less the umask, as any
//!   editor would; Windows has no such bits to set.
//! - **Host name**: read from `/proc` or `/etc/hostname` here; `COMPUTERNAME` on Windows,
//!   `gethostname` on macOS.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

pub use imp::{HANGUP, sync_dir, terminal_gone, watch_signals};

/// Lowers the calling thread's priority: the threads that export and keep the undo
/// history give way to the one that answers keys when every core is busy. Not the saver
/// nor the journal: on a machine a video call keeps busy, a low priority would delay what
/// keeps the notes safe from a kill. Nothing changes when the system refuses.
pub fn in_background() {
    use thread_priority::{ThreadPriority, set_current_thread_priority};
    if let Err(e) = set_current_thread_priority(ThreadPriority::Min) {
        tracing::debug!(error = ?e, "a background thread keeps its priority");
    }
}

/// Whether `error` says a symbolic link on the path points back on itself (ELOOP).
pub fn is_link_loop(error: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    const ELOOP: i32 = 40;
    #[cfg(not(target_os = "linux"))]
    const ELOOP: i32 = 62;
    cfg!(unix) && error.raw_os_error() == Some(ELOOP)
}

/// The name of this computer, for saying who holds a meeting file.
pub fn host_name() -> String {
    imp::host_name()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".to_owned())
}

/// Takes an exclusive lock on `file` without waiting: `Ok(false)` when another process
/// holds it. The system releases it when the process dies.
pub fn try_lock(file: &File) -> io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(std::fs::TryLockError::WouldBlock) => Ok(false),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Whether process `pid` is running on this machine; `true` when it cannot be told.
pub fn process_alive(pid: u32) -> bool {
    imp::process_alive(pid)
}

/// Gives `file` the owner and group of `old` (as far as this user may: the group only
/// among their own, nothing when not allowed).
pub fn keep_owner(file: &File, old: &std::fs::Metadata) {
    imp::keep_owner(file, old);
}

/// The user's login name.
pub fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}

/// Lets every account read `file` (a lock that other accounts must see, whatever the
/// umask of the one that wrote it).
pub fn readable_by_all(file: &File) -> io::Result<()> {
    imp::readable_by_all(file)
}

/// Gives files made by `builder` the permissions a new document usually gets here.
pub fn new_file_permissions(builder: &mut tempfile::Builder) {
    imp::new_file_permissions(builder);
}

#[cfg(unix)]
mod imp {
    use super::*;

    /// The hang-up signal's number: a program ended by it exits with 128 + this.
    pub const HANGUP: i32 = signal_hook::consts::SIGHUP;

    /// Sets `flag` to the signal's number when the terminal hangs up (SIGHUP), on a polite
    /// kill (SIGTERM) or on Ctrl-C from outside the program (SIGINT).
    pub fn watch_signals(flag: &Arc<AtomicUsize>) -> io::Result<()> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal_hook::flag::register_usize(sig, Arc::clone(flag), sig as usize)?;
        }
        Ok(())
    }

    /// Whether the terminal device on standard input is gone (Linux shows it as deleted).
    pub fn terminal_gone() -> bool {
        std::fs::read_link("/proc/self/fd/0")
            .map(|target| target.to_string_lossy().ends_with(" (deleted)"))
            .unwrap_or(false)
    }

    /// Makes a rename into `dir` durable.
    pub fn sync_dir(dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    pub fn host_name() -> Option<String> {
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .or_else(|_| std::fs::read_to_string("/etc/hostname"))
            .map(|h| h.trim().to_owned())
            .ok()
            .filter(|h| !h.is_empty())
            .or_else(|| std::env::var("HOSTNAME").ok())
    }

    pub fn readable_by_all(file: &File) -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata()?.permissions().mode();
        file.set_permissions(std::fs::Permissions::from_mode(mode | 0o444))
    }

    pub fn new_file_permissions(builder: &mut tempfile::Builder) {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }

    pub fn process_alive(pid: u32) -> bool {
        if !cfg!(target_os = "linux") {
            return true;
        }
        // A process killed but not yet reaped (a zombie: "Z", where no init reaps it, as
        // in some containers) holds no file any more.
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Ok(stat) => {
                let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
                !matches!(state.and_then(|s| s.chars().next()), Some('Z' | 'X'))
            }
            Err(_) => Path::new(&format!("/proc/{pid}")).exists(),
        }
    }

    pub fn keep_owner(file: &File, old: &std::fs::Metadata) {
        use std::os::unix::fs::MetadataExt;
        if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use super::*;

    pub const HANGUP: i32 = 1;

    /// Not yet: see the module's documentation.
    pub fn watch_signals(_flag: &Arc<AtomicUsize>) -> io::Result<()> {
        Ok(())
    }

    pub fn terminal_gone() -> bool {
        false
    }

    pub fn sync_dir(_dir: &Path) -> io::Result<()> {
        Ok(())
    }

    pub fn host_name() -> Option<String> {
        std::env::var("COMPUTERNAME")
            .or_else(|_| std::env::var("HOSTNAME"))
            .ok()
    }

    pub fn new_file_permissions(_builder: &mut tempfile::Builder) {}

    pub fn readable_by_all(_file: &File) -> io::Result<()> {
        Ok(())
    }

    pub fn process_alive(_pid: u32) -> bool {
        true
    }

    pub fn keep_owner(_file: &File, _old: &std::fs::Metadata) {}
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// A process that ended holds no lock, even before its parent reaps it.
    #[test]
    fn an_ended_process_not_yet_reaped_is_not_alive() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while super::process_alive(pid) {
            assert!(std::time::Instant::now() < deadline, "still alive");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = child.wait();
        assert!(!super::process_alive(pid));
        assert!(super::process_alive(std::process::id()));
    }
}
