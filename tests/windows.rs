//! The Windows build of copil, run under wine: the command line and the terminal program
//! do on Windows what they do here. `.ci/wine` builds `copil.exe` and names it in
//! `COPIL_WINDOWS_EXE`; without it (or without wine) every test here says so and passes.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const SAMPLE: &str = "sample-data/copil-2024-02-22.toml";

/// wine and the Windows program, when both are here.
fn windows() -> Option<(PathBuf, PathBuf)> {
    let exe = PathBuf::from(std::env::var_os("COPIL_WINDOWS_EXE")?);
    let wine = std::env::var_os("COPIL_WINE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/lib/wine/wine64"));
    (exe.exists() && wine.exists()).then_some((wine, exe))
}

macro_rules! or_skip {
    () => {
        match windows() {
            Some(found) => found,
            None => {
                eprintln!("no Windows build under wine (COPIL_WINDOWS_EXE): skipped");
                return;
            }
        }
    };
}

/// `copil.exe ARGS` under wine, in `dir`. Wine reads file names and arguments in the
/// locale's encoding: a UTF-8 one, or "é" would reach the program mangled.
fn copil(wine: &Path, exe: &Path, dir: &Path, args: &[&str]) -> Output {
    Command::new(wine)
        .arg(exe)
        .args(args)
        .current_dir(dir)
        .env("WINEDEBUG", "-all")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("wine runs")
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A copy of the sample meeting under a name with spaces, as Windows users name files.
fn meeting_in(dir: &Path) -> PathBuf {
    let file = dir.join("COPIL du 22 février.toml");
    std::fs::copy(SAMPLE, &file).unwrap();
    file
}

#[test]
fn check_reads_the_sample_and_refuses_a_broken_file_with_its_line() {
    let (wine, exe) = or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_in(dir.path());
    let name = file.file_name().unwrap().to_str().unwrap();
    let out = copil(&wine, &exe, dir.path(), &["check", name]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("22"), "{}", said(&out));
    // The whole path as Windows writes it: a drive and backslashes (wine's Z: is /).
    let windows_path = format!("Z:{}", file.display()).replace('/', "\\");
    let out = copil(&wine, &exe, Path::new("/"), &["check", &windows_path]);
    assert!(out.status.success(), "{windows_path}: {}", said(&out));
    let broken = dir.path().join("cassé.toml");
    std::fs::write(&broken, "[meeting]\ntitle = \"x\"\ndate = 2024-13-45\n").unwrap();
    let out = copil(&wine, &exe, dir.path(), &["check", "cassé.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("cassé.toml:3"), "{}", said(&out));
}

#[test]
fn every_format_is_exported_beside_a_meeting_named_with_spaces() {
    let (wine, exe) = or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_in(dir.path());
    let name = file.file_name().unwrap().to_str().unwrap();
    for format in ["docx", "html", "md", "txt", "pdf"] {
        let out = copil(&wine, &exe, dir.path(), &["export", name, "-f", format]);
        assert!(out.status.success(), "{format}: {}", said(&out));
        let written = std::fs::read(file.with_extension(format)).unwrap();
        assert!(written.len() > 1000, "{format}: {} bytes", written.len());
    }
    // Again: refused, the file named as people write it (no \\?\ before it).
    let again = copil(&wine, &exe, dir.path(), &["export", name, "-f", "md"]);
    assert_eq!(again.status.code(), Some(2), "{}", said(&again));
    assert!(!said(&again).contains("\\\\?\\"), "{}", said(&again));
    // A name Windows refuses is said before anything is written.
    for refused in ["CON.md", "x?.md", "fin."] {
        let out = copil(
            &wine,
            &exe,
            dir.path(),
            &["export", name, "-f", "md", "-o", refused],
        );
        assert_eq!(out.status.code(), Some(2), "{refused}: {}", said(&out));
        assert!(said(&out).contains("Windows"), "{refused}: {}", said(&out));
    }
    let md = std::fs::read_to_string(file.with_extension("md")).unwrap();
    assert!(
        md.contains("Relevé de conclusions") || md.contains("Points abordés"),
        "{md}"
    );
    let letters = copil(
        &wine,
        &exe,
        dir.path(),
        &["export", name, "--by-institution", "suivi"],
    );
    assert!(letters.status.success(), "{}", said(&letters));
    assert!(std::fs::read_dir(dir.path().join("suivi")).unwrap().count() >= 5);
}

#[test]
fn filled_forms_are_read_back_and_mails_drafted() {
    let (wine, exe) = or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_in(dir.path());
    let name = file.file_name().unwrap().to_str().unwrap();
    let forms = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms");
    let received = dir.path().join("retours reçus");
    std::fs::create_dir(&received).unwrap();
    for form in ["csv-form.csv", "comments.docx"] {
        std::fs::copy(forms.join(form), received.join(form)).unwrap();
    }
    // A pattern as Windows passes it (its shells expand nothing): copil expands it.
    let out = copil(
        &wine,
        &exe,
        dir.path(),
        &["remarks", "import", name, "retours reçus\\*.*"],
    );
    assert!(said(&out).contains("comments.docx"), "{}", said(&out));
    assert!(out.status.success(), "{}", said(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("[[remarks]]"), "the remarks wait in the file");
    let out = copil(
        &wine,
        &exe,
        dir.path(),
        &["mail", name, "--by-institution", "mails"],
    );
    assert!(out.status.success(), "{}", said(&out));
    let drafts: Vec<_> = std::fs::read_dir(dir.path().join("mails"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .collect();
    assert!(drafts.len() >= 5, "{} drafts", drafts.len());
}

/// The terminal program in wine's console: open, write a bullet with accents, leave the
/// editor, quit; the bullet is in the file. (wine's console draws its own way, so only
/// the file is read.)
#[test]
fn a_bullet_typed_in_the_terminal_program_reaches_the_file() {
    let (wine, exe) = or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_in(dir.path());
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(&wine);
    cmd.arg(&exe);
    cmd.arg(file.file_name().unwrap());
    cmd.cwd(dir.path());
    cmd.env("WINEDEBUG", "-all");
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (shown, drawn) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut sink = [0u8; 4096];
        while let Ok(n @ 1..) = reader.read(&mut sink) {
            seen.extend_from_slice(&sink[..n]);
            // The list's title, whatever wine's console does around it.
            if String::from_utf8_lossy(&seen).contains("/22") {
                let _ = shown.send(());
                seen.clear();
            }
        }
    });
    let mut keys = pty.master.take_writer().unwrap();
    let mut send = |text: &str, pause: u64| {
        keys.write_all(text.as_bytes()).unwrap();
        keys.flush().unwrap();
        std::thread::sleep(Duration::from_millis(pause));
    };
    // The program starts in wine's console (seconds the first time a prefix is made).
    assert!(
        drawn.recv_timeout(Duration::from_secs(120)).is_ok(),
        "the list is drawn"
    );
    send("a", 800);
    send("Préciser l'échéancier des activités", 800);
    send("\r", 500);
    send("\x1b", 1500);
    send("q", 1500);
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        send("q", 1000);
    }
    let text = std::fs::read_to_string(&file).unwrap();
    let _ = child.kill();
    assert!(
        text.contains("Préciser l'échéancier des activités"),
        "the bullet is in the file"
    );
}
