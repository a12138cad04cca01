//! Everything that depends on the operating system, in one place, so that the rest of the
//! program compiles without knowing which one it runs on: `unix.rs` (Linux and macOS) and
//! `windows.rs` give the same functions.
//!
//! - **The end of the session**: a hang-up (SIGHUP), a polite kill (SIGTERM) or Ctrl-C from
//!   outside (SIGINT) on Unix; on Windows, closing the console window, logging off and
//!   shutting down (`SetConsoleCtrlHandler`), for which Windows gives the process about
//!   five seconds: the handler holds it while the program saves and leaves.
//! - **A terminal that went away**: Linux shows the device on standard input as deleted in
//!   `/proc`; macOS answers `tcgetattr` on it no more; on Windows the close handler covers it.
//! - **Renaming over a file another program has open** (Windows): a save's final rename
//!   fails while Word, an antivirus or a sync client holds the meeting file; it is tried
//!   again at once for a second ([`rename_over`]), then the saver says so and tries later.
//! - **Flushing a folder**: Windows cannot open a folder for [`sync_dir`]; a rename there
//!   is made durable by the file system itself, so this does nothing.
//! - **Locks**: the system's own file locks (`File::try_lock`); the holder's name (pid,
//!   computer, since when) is in the lock file, read by the others.
//! - **Whether a process runs**: `/proc` on Linux, `kill(pid, 0)` and the process table on
//!   macOS, `OpenProcess` and its exit code on Windows; a process ended but not yet reaped
//!   (a zombie) counts as gone everywhere.
//! - **New files' permissions**: Unix gives new meeting files 0666 less the umask, as any
//!   editor would; Windows has no such bits to set.
//! - **Host name**: read from `/proc` or `/etc/hostname`, else `gethostname`;
//!   `COMPUTERNAME` on Windows.
//! - **Memory given back**: glibc keeps the heaps a long PDF grew until asked
//!   ([`give_back_memory`], `malloc_trim`); on macOS and Windows the system's allocator is
//!   left to itself.

use std::fs::File;
use std::io;

pub use imp::{HANGUP, give_back_memory, sync_dir, terminal_gone, watch_signals};

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

/// How long a rename refused because another program holds the file is tried again, and
/// how often.
const HELD_FOR: std::time::Duration = std::time::Duration::from_secs(1);
const HELD_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// Runs `rename` (a save's final rename over the meeting file); while the system refuses
/// because another program holds the file open (Windows: Word, a sync client, an
/// antivirus), tries again at once for about a second. Still refused, the error says the
/// file is held.
pub fn rename_over<T>(rename: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    retry_while(rename, imp::held_by_another, (HELD_FOR, HELD_EVERY))
}

fn retry_while<T>(
    mut attempt: impl FnMut() -> io::Result<T>,
    held: impl Fn(&io::Error) -> bool,
    (during, every): (std::time::Duration, std::time::Duration),
) -> io::Result<T> {
    let start = std::time::Instant::now();
    loop {
        match attempt() {
            Err(e) if held(&e) && start.elapsed() < during => std::thread::sleep(every),
            Err(e) if held(&e) => {
                let said = format!("{} ({e})", crate::i18n::msg().held_by_another);
                return Err(io::Error::new(e.kind(), said));
            }
            done => return done,
        }
    }
}

/// Whether this system refuses `name` for a file: on Windows, a name with `< > : " / \ | ?
/// *` or a control character, ending with a dot or a space, or a device's (CON, PRN, AUX,
/// NUL, COM1–9, LPT1–9, whatever the extension). Nowhere else.
pub fn name_refused(name: &str) -> bool {
    cfg!(windows) && windows_refuses(name)
}

/// The names Windows refuses, on every system (copil's own names avoid them everywhere,
/// so that a folder copied to Windows keeps its files).
pub fn windows_refuses(name: &str) -> bool {
    let bad = |c: char| c < ' ' || "<>:\"/\\|?*".contains(c);
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_ascii_lowercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n != "0" && n.as_bytes()[0].is_ascii_digit())
    };
    name.chars().any(bad)
        || name.ends_with(['.', ' '])
        || ["con", "prn", "aux", "nul"].contains(&stem.as_str())
        || numbered("com")
        || numbered("lpt")
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

/// Who the user is, for a document's author: the account's full name, else the login name.
pub fn full_name() -> String {
    imp::full_name().unwrap_or_else(user_name)
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
#[path = "unix.rs"]
mod imp;

#[cfg(windows)]
#[path = "windows.rs"]
mod imp;

#[cfg(test)]
mod tests {
    use std::time::Duration;

    /// A rename refused while another program holds the file is tried again until it
    /// goes through; refused all along, the error says the file is held.
    #[test]
    fn a_rename_refused_while_the_file_is_held_is_tried_again_then_said() {
        let held = |e: &std::io::Error| e.kind() == std::io::ErrorKind::PermissionDenied;
        let refused = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let mut tries = 0;
        let done = super::retry_while(
            || {
                tries += 1;
                if tries < 3 { Err(refused()) } else { Ok(tries) }
            },
            held,
            (Duration::from_secs(5), Duration::from_millis(1)),
        );
        assert_eq!(done.unwrap(), 3);
        let never = super::retry_while(
            || Err::<(), _>(refused()),
            held,
            (Duration::from_millis(20), Duration::from_millis(1)),
        );
        let said = never.unwrap_err().to_string();
        assert!(said.contains(crate::i18n::msg().held_by_another), "{said}");
        // Another error is not tried again.
        let mut other = 0;
        let failed = super::retry_while(
            || {
                other += 1;
                Err::<(), _>(std::io::Error::from(std::io::ErrorKind::NotFound))
            },
            held,
            (Duration::from_secs(5), Duration::from_millis(1)),
        );
        assert!(failed.is_err());
        assert_eq!(other, 1);
    }

    #[test]
    fn the_names_windows_refuses_are_known_everywhere() {
        for refused in [
            "CON", "con.md", "Aux.docx", "nul", "COM1.eml", "lpt9", "x?.md", "a:b", "fin.", "fin ",
            "a|b", "a\"b", "a<b",
        ] {
            assert!(super::windows_refuses(refused), "{refused}");
        }
        for allowed in [
            "console.md",
            "com0.md",
            "com10",
            "réunion du 22 février.toml",
            "وزارة.docx",
            "a.b.c",
        ] {
            assert!(!super::windows_refuses(allowed), "{allowed}");
        }
        assert_eq!(super::name_refused("x?.md"), cfg!(windows));
    }

    /// A process that runs is alive; one that never was is not.
    #[test]
    fn this_process_is_alive_and_a_made_up_one_is_not() {
        assert!(super::process_alive(std::process::id()));
        assert!(!super::process_alive(0));
        assert!(!super::process_alive(u32::MAX - 7));
    }
}

#[cfg(all(test, unix))]
mod unix_tests {
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
