//! Linux and macOS (and the other Unix systems).

#![allow(unsafe_code)]

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

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

/// Whether the terminal on standard input is gone: Linux shows its device as deleted;
/// elsewhere the device no longer answers `tcgetattr` (standard input that never was a
/// terminal is not taken for one gone).
pub fn terminal_gone() -> bool {
    if cfg!(target_os = "linux") {
        return std::fs::read_link("/proc/self/fd/0")
            .map(|target| target.to_string_lossy().ends_with(" (deleted)"))
            .unwrap_or(false);
    }
    let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr only writes into the termios it is given, which lives here.
    let answered = unsafe { libc::tcgetattr(0, termios.as_mut_ptr()) } == 0;
    !answered && io::Error::last_os_error().raw_os_error() != Some(libc::ENOTTY)
}

/// Makes a rename into `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Never on Unix: a rename replaces a file whoever has it open.
pub fn held_by_another(_error: &io::Error) -> bool {
    false
}

pub fn host_name() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(system_host_name)
        .or_else(|| std::env::var("HOSTNAME").ok())
}

/// The host name the system gives (`gethostname`), as macOS has no file for it.
fn system_host_name() -> Option<String> {
    let mut name = [0u8; 256];
    // SAFETY: gethostname writes at most the given length into the buffer.
    let done = unsafe { libc::gethostname(name.as_mut_ptr().cast(), name.len()) } == 0;
    let end = name.iter().position(|&b| b == 0)?;
    done.then(|| String::from_utf8_lossy(&name[..end]).trim().to_owned())
}

/// The user's full name, from the account (the first field of its GECOS, "Amina Alaoui,,,").
pub fn full_name() -> Option<String> {
    let mut entry = std::mem::MaybeUninit::<libc::passwd>::uninit();
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    let mut buffer = vec![0 as libc::c_char; 4096];
    // SAFETY: getpwuid_r writes the entry and its strings into the buffers given, which
    // outlive every read below; `found` is null unless the entry was filled.
    let done = unsafe {
        libc::getpwuid_r(
            libc::getuid(),
            entry.as_mut_ptr(),
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if done != 0 || found.is_null() {
        return None;
    }
    // SAFETY: filled by getpwuid_r (found is not null); pw_gecos is null or a C string in
    // `buffer`.
    let gecos = unsafe {
        let entry = entry.assume_init();
        if entry.pw_gecos.is_null() {
            return None;
        }
        std::ffi::CStr::from_ptr(entry.pw_gecos)
    };
    let name = gecos.to_string_lossy();
    let name = name.split(',').next().unwrap_or_default().trim();
    (!name.is_empty()).then(|| name.to_owned())
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

/// Whether process `pid` runs: it exists (`kill(pid, 0)`, allowed or not) and has not
/// ended waiting to be reaped — a zombie, where no init reaps it, as in some containers,
/// holds no file any more.
pub fn process_alive(pid: u32) -> bool {
    let Ok(id) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if id <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
    let exists = unsafe { libc::kill(id, 0) } == 0
        || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    exists && !zombie(id)
}

/// Whether `pid` ended and waits to be reaped, as `/proc` says.
#[cfg(target_os = "linux")]
fn zombie(pid: libc::pid_t) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
    matches!(state.and_then(|s| s.chars().next()), Some('Z' | 'X'))
}

/// Whether `pid` ended and waits to be reaped, as the process table says.
#[cfg(target_os = "macos")]
fn zombie(pid: libc::pid_t) -> bool {
    let mut info = std::mem::MaybeUninit::<libc::proc_bsdinfo>::zeroed();
    let size = std::mem::size_of::<libc::proc_bsdinfo>() as libc::c_int;
    // SAFETY: proc_pidinfo writes at most `size` bytes into the zeroed struct given.
    let got = unsafe {
        libc::proc_pidinfo(
            pid,
            libc::PROC_PIDTBSDINFO,
            0,
            info.as_mut_ptr().cast(),
            size,
        )
    };
    // SAFETY: zeroed, then filled by the system when it answered in full.
    got == size && unsafe { info.assume_init() }.pbi_status == libc::SZOMB
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn zombie(_pid: libc::pid_t) -> bool {
    false
}

pub fn keep_owner(file: &File, old: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
}

/// Gives the memory the allocator holds free back to the system: glibc keeps the heaps a
/// long PDF grew (gigabytes) for the life of the process. Other C libraries have no such
/// call; theirs are left as they are.
pub fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own heaps under their locks; it takes no
    // pointer and frees nothing that is in use.
    unsafe {
        libc::malloc_trim(0);
    }
}
