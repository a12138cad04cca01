//! Windows.

#![allow(unsafe_code)]

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use windows_sys::Win32::Foundation::{
    CloseHandle, ERROR_ACCESS_DENIED, ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION, STILL_ACTIVE,
};
use windows_sys::Win32::System::Console::{
    CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
    SetConsoleCtrlHandler,
};
use windows_sys::Win32::System::Threading::{
    GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
};
use windows_sys::core::BOOL;

/// What the flag says when the console goes away (closed, logoff, shutdown): as SIGHUP.
pub const HANGUP: i32 = 1;
/// What the flag says on Ctrl-Break (and Ctrl-C when the console sends it): as SIGINT.
const INTERRUPT: i32 = 2;

/// The flag the console handler sets: a handler is a bare function, it has no state.
static FLAG: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Sets `flag` when the console window is closed, the user logs off or the system shuts
/// down (`HANGUP`), or on Ctrl-Break (`INTERRUPT`).
pub fn watch_signals(flag: &Arc<AtomicUsize>) -> io::Result<()> {
    let _ = FLAG.set(Arc::clone(flag));
    // SAFETY: the handler is a plain function that lives as long as the program.
    if unsafe { SetConsoleCtrlHandler(Some(on_console_event), 1) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Called by Windows on its own thread. The process ends when this returns from a close,
/// a logoff or a shutdown: it waits (Windows gives about five seconds) while the program
/// saves and leaves, which ends the process first.
unsafe extern "system" fn on_console_event(event: u32) -> BOOL {
    let sig = match event {
        CTRL_C_EVENT | CTRL_BREAK_EVENT => INTERRUPT,
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => HANGUP,
        _ => return 0,
    };
    if let Some(flag) = FLAG.get() {
        flag.store(sig as usize, Ordering::SeqCst);
    }
    if sig == HANGUP {
        std::thread::sleep(Duration::from_secs(5));
    }
    1
}

/// The close handler covers a console that goes away.
pub fn terminal_gone() -> bool {
    false
}

/// Windows cannot open a folder to flush it; its file systems keep a rename themselves.
pub fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Whether a rename was refused because another program has the file open (Word, a sync
/// client, an antivirus).
pub fn held_by_another(error: &io::Error) -> bool {
    let held = [
        ERROR_SHARING_VIOLATION,
        ERROR_ACCESS_DENIED,
        ERROR_LOCK_VIOLATION,
    ];
    error
        .raw_os_error()
        .is_some_and(|code| held.iter().any(|&h| h as i32 == code))
}

pub fn host_name() -> Option<String> {
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .ok()
}

/// The user's full name as Windows shows it ("Amina Alaoui"), where the account has one.
pub fn full_name() -> Option<String> {
    use windows_sys::Win32::Security::Authentication::Identity::{GetUserNameExW, NameDisplay};
    let mut buffer = [0u16; 512];
    let mut len = buffer.len() as u32;
    // SAFETY: the system writes at most `len` UTF-16 units into the buffer and sets `len`
    // to how many it wrote.
    let done = unsafe { GetUserNameExW(NameDisplay, buffer.as_mut_ptr(), &mut len) };
    let name = String::from_utf16_lossy(buffer.get(..len as usize)?);
    (done && !name.trim().is_empty()).then(|| name.trim().to_owned())
}

pub fn new_file_permissions(_builder: &mut tempfile::Builder) {}

pub fn readable_by_all(_file: &File) -> io::Result<()> {
    Ok(())
}

/// Whether process `pid` runs: it can be opened and has no exit code yet (an ended process
/// whose handle another holds is gone). One that cannot be looked at (another user's)
/// counts as running.
pub fn process_alive(pid: u32) -> bool {
    // SAFETY: the handle is checked before use and closed after.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            return io::Error::last_os_error().raw_os_error() == Some(ERROR_ACCESS_DENIED as i32);
        }
        let mut code = 0u32;
        let answered = GetExitCodeProcess(handle, &mut code) != 0;
        CloseHandle(handle);
        !answered || code == STILL_ACTIVE as u32
    }
}

pub fn keep_owner(_file: &File, _old: &std::fs::Metadata) {}

/// Windows' heap gives back what it no longer uses by itself.
pub fn give_back_memory() {}
