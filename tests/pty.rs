//! The real binary in a pseudo-terminal: what a user sees and what ends up on disk.

mod pty_support;

use std::time::Duration;

use portable_pty::PtySize;
use pty_support::{Session, nz, observations, sample_in};

#[test]
fn typing_an_observation_reaches_the_file_on_disk() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("meeting.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &file).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments 1/22");
    s.send("j");
    s.wait_for("Commitments 2/22");
    s.send("a");
    s.wait_for("New observation");
    s.send("Réviser le titre, «presse» 🇲🇦\r");
    s.send("\t");
    s.send("Sous-point\r\x1b");
    s.wait_for("o Sous-point");
    s.send("f");
    s.wait_for("En attente de fiche");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let text = std::fs::read_to_string(&file).unwrap();
    let meeting =
        copil::store::parse_meeting(&file, &text, &copil::config::Config::builtin().marks).unwrap();
    let c = &meeting.commitments[1];
    assert_eq!(c.observations[0].text, "Réviser le titre, «presse» 🇲🇦");
    assert_eq!(c.observations[1].text, "Sous-point");
    assert_eq!(c.observations[1].level, 1);
    assert_eq!(c.marks[0].id, "awaiting-fiche");
}

#[test]
fn without_a_file_the_demo_copy_opens_and_the_sample_stays_untouched() {
    let home = tempfile::tempdir().unwrap();
    let sample = std::fs::read("sample-data/copil-2024-02-22.toml").unwrap();
    let mut s = Session::start(&[], home.path());
    s.wait_for("DEMO COPY");
    s.send("a");
    s.wait_for("New observation");
    s.send("Note de démonstration\r\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        std::fs::read("sample-data/copil-2024-02-22.toml").unwrap(),
        sample
    );
    let demo = home.path().join("data/copil/demo/copil-2024-02-22.toml");
    let text = std::fs::read_to_string(&demo).expect("the demo copy is in the data directory");
    assert!(text.contains("Note de démonstration"));
}

#[test]
fn a_broken_file_is_refused_before_the_screen_opens() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("broken.toml");
    std::fs::write(&file, "[meeting]\ntitle = \"x\"\ndate = \"demain\"\n").unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    assert_eq!(s.exit_code(), 2);
    assert!(s.contents().contains("broken.toml:3:8"), "{}", s.contents());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "[meeting]\ntitle = \"x\"\ndate = \"demain\"\n",
        "a file that failed to load is never written"
    );
}

#[test]
fn a_small_terminal_says_so_and_quitting_restores_the_screen() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("meeting.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &file).unwrap();
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Commitments");
    s._master
        .resize(PtySize {
            rows: 12,
            cols: 50,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    s.screen.screen_mut().set_size(nz(12), nz(50));
    s.wait_for("too small");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(
        !s.screen.screen().alternate_screen(),
        "the alternate screen is left"
    );
    assert!(
        !s.screen.screen().hide_cursor(),
        "the shell gets its cursor back"
    );
}

#[test]
fn text_typed_before_kill_9_is_restored_at_the_next_start() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::typing(&file, home.path());
    s.send("Texte pas encore validé, é 🇲🇦");
    s.wait_for("pas encore");
    std::thread::sleep(Duration::from_millis(1500));
    s.signal("KILL");
    s.exit_code();
    assert!(observations(&file, 0).is_empty(), "nothing was committed");

    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("did not end cleanly");
    s.wait_for("Texte pas encore validé");
    s.send("\r");
    s.wait_for("New observation");
    s.send("\r\x1b");
    s.wait_for("Observations (1)");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Texte pas encore validé, é 🇲🇦"]);

    // A clean quit leaves no journal behind: the next start asks nothing.
    let journals = home.path().join("data/copil/journal");
    let left: Vec<_> = std::fs::read_dir(&journals)
        .map(|d| d.filter_map(Result::ok).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

/// Signals are Unix's; on Windows the console's close does their work (`platform/windows.rs`).
#[cfg(unix)]
#[test]
fn sighup_and_sigterm_save_restore_the_terminal_and_exit_with_the_signal() {
    for (signal, code) in [("HUP", 129), ("TERM", 143)] {
        let home = tempfile::tempdir().unwrap();
        let file = sample_in(home.path());
        let mut s = Session::start(&[file.to_str().unwrap()], home.path());
        s.wait_for("Commitments 1/22");
        s.send("a");
        s.wait_for("New observation");
        s.send("Validée\r");
        s.send("En cours");
        s.wait_for("En cours");
        s.signal(signal);
        let started = std::time::Instant::now();
        assert_eq!(s.exit_code(), code, "SIG{signal}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "gone quickly after SIG{signal}"
        );
        assert_eq!(observations(&file, 0), ["Validée"], "SIG{signal}");
        assert!(
            !copil::store::lock::beside(&file).exists(),
            "SIG{signal}: no lock left behind"
        );
        let raw = String::from_utf8_lossy(&s.raw);
        assert!(
            raw.contains("\u{1b}[?1049l"),
            "SIG{signal}: the alternate screen is left"
        );
        // The text being typed waits in the journal for the next start.
        let mut again = Session::start(&[file.to_str().unwrap()], home.path());
        again.wait_for("En cours");
        again.send("s");
        again.wait_for("set aside");
        again.send("q");
        assert_eq!(again.exit_code(), 0);
    }
}

#[test]
fn a_second_copy_says_who_holds_the_file_and_offers_read_only() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut first = Session::start(&[file.to_str().unwrap()], home.path());
    first.wait_for("Commitments 1/22");
    let mut second = Session::start(&[file.to_str().unwrap()], home.path());
    second.wait_for("is already open in copil (process");
    second.wait_for("Open it read-only? [y/N]");
    second.send("y\r");
    second.wait_for("READ-ONLY");
    second.send("a");
    second.wait_for("Read-only: another copy");
    second.send("q");
    assert_eq!(second.exit_code(), 0);
    first.send("f");
    first.wait_for("En attente de fiche");
    first.wait_for("✓ saved");
    first.send("q");
    assert_eq!(first.exit_code(), 0);

    let mut refused = Session::start(&[file.to_str().unwrap()], home.path());
    refused.wait_for("Commitments");
    let mut holder = Session::start(&[file.to_str().unwrap()], home.path());
    holder.wait_for("Open it read-only? [y/N]");
    holder.send("n\r");
    assert_eq!(holder.exit_code(), 1);
    refused.send("q");
    assert_eq!(refused.exit_code(), 0);
}

#[test]
fn a_folder_that_disappears_mid_meeting_loses_nothing() {
    let home = tempfile::tempdir().unwrap();
    let (mut s, file) = pty_support::typed_while_the_folder_is_gone(home.path());
    let (folder, moved) = (home.path().join("meetings"), home.path().join("moved"));
    s.wait_for("copy kept");
    let emergency = home.path().join("data/copil/emergency");
    let copy = std::fs::read_dir(&emergency)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(
        std::fs::read_to_string(copy)
            .unwrap()
            .contains("Écrite pendant la panne")
    );
    std::fs::rename(&moved, &folder).unwrap();
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Écrite pendant la panne"]);
    let log = std::fs::read_to_string(home.path().join("data/copil/copil.log")).unwrap();
    assert!(
        log.contains("saving failed"),
        "the log says what happened:\n{log}"
    );
    assert!(log.contains("opened"), "{log}");
    assert!(
        !s.contents().contains("ERROR"),
        "the log never reaches the screen"
    );
}

#[test]
fn a_panic_restores_the_terminal_keeps_the_notes_and_says_where() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start_in(
        &[file.to_str().unwrap()],
        home.path(),
        &[("COPIL_TEST_PANIC", "1")],
    );
    s.wait_for("Commitments 1/22");
    s.send("a");
    s.wait_for("New observation");
    s.send("Avant la panne");
    s.wait_for("Avant la panne");
    s.send("\u{1b}[24~"); // F12
    assert_eq!(s.exit_code(), 1);
    assert!(
        !s.screen.screen().alternate_screen(),
        "the terminal is restored"
    );
    let said = s.contents();
    assert!(said.contains("Nothing is lost"), "{said}");
    assert!(said.contains("journal"), "{said}");
    let mut again = Session::start(&[file.to_str().unwrap()], home.path());
    again.wait_for("Avant la panne");
    again.send("r");
    again.wait_for("New observation");
    again.send("\r\x1b");
    again.wait_for("✓ saved");
    again.send("q");
    assert_eq!(again.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Avant la panne"]);
}

#[test]
fn no_color_draws_without_colour_sequences() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start_in(&[file.to_str().unwrap()], home.path(), &[("NO_COLOR", "1")]);
    s.wait_for("Commitments 1/22");
    s.send("f");
    s.wait_for("En attente de fiche");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let raw = String::from_utf8_lossy(&s.raw);
    for colour in [
        "[38;", "[48;", "[30m", "[31m", "[32m", "[33m", "[34m", "[35m", "[36m", "[37m", "[40m",
        "[41m", "[42m", "[43m", "[44m", "[45m", "[46m", "[47m", "[90m", "[100m",
    ] {
        assert!(
            !raw.contains(&format!("\u{1b}{colour}")),
            "a colour sequence {colour:?} was sent"
        );
    }
    // Without NO_COLOR, colours are used: the check above can fail.
    let mut coloured = Session::start(&[file.to_str().unwrap()], home.path());
    coloured.wait_for("Commitments 1/22");
    coloured.send("q");
    assert_eq!(coloured.exit_code(), 0);
    let raw = String::from_utf8_lossy(&coloured.raw);
    assert!(
        raw.contains("\u{1b}[36m") || raw.contains("\u{1b}[38;"),
        "colours without NO_COLOR"
    );
}

#[test]
fn a_key_rebound_in_the_configuration_works_end_to_end() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let config = home.path().join("keys.toml");
    std::fs::write(
        &config,
        "[keys.list]\nquit = \"ctrl-q\"\nadd_observation = \"o\"\n",
    )
    .unwrap();
    let mut s = Session::start(
        &["--config", config.to_str().unwrap(), file.to_str().unwrap()],
        home.path(),
    );
    s.wait_for("Commitments 1/22");
    s.wait_for("o add");
    s.send("q");
    s.send("o");
    s.wait_for("New observation");
    s.send("Par la touche o\r\x1b");
    s.wait_for("Observations (1)");
    s.send("\u{11}"); // Ctrl-Q
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Par la touche o"]);
}

/// A hang-up is a signal (on Windows, closing the console, which a test cannot do).
#[cfg(unix)]
#[test]
fn a_journal_not_yet_answered_survives_another_hangup() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::typing(&file, home.path());
    s.send("Toujours là");
    std::thread::sleep(Duration::from_millis(1200));
    s.signal("KILL");
    s.exit_code();
    // The question is on screen when the connection drops again.
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("did not end cleanly");
    s.signal("HUP");
    assert_eq!(s.exit_code(), 129);
    let mut s = Session::start(&[file.to_str().unwrap()], home.path());
    s.wait_for("Toujours là");
    s.send("r");
    s.wait_for("New observation");
    s.send("\r\x1b");
    s.wait_for("✓ saved");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(observations(&file, 0), ["Toujours là"]);
}

/// A closing terminal is a hang-up on Unix (exit 129); Windows closes the console instead.
#[cfg(unix)]
#[test]
fn a_terminal_that_closes_ends_the_program_and_keeps_the_notes() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::typing(&file, home.path());
    s.send("Validée avant la coupure\r");
    s.send("En cours de frappe");
    // Dropping portable-pty's writer sends "\n" and EOF, which reach the editor as Ctrl-J
    // (a line break) and Ctrl-D: a line break first leaves them an empty line, so that
    // they touch nothing a real hang-up would not.
    s.send("\n");
    s.wait_for("En cours de frappe");
    std::thread::sleep(Duration::from_millis(600));
    // The terminal window closes, or the SSH connection drops: the other side of the
    // pseudo-terminal goes away.
    let Session {
        mut child,
        _master,
        writer,
        output,
        ..
    } = s;
    drop(writer);
    drop(_master);
    drop(output);
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "copil still runs on a dead terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = std::fs::read_to_string(home.path().join("data/copil/copil.log")).unwrap_or_default();
    assert_eq!((status.exit_code(), status.signal()), (129, None), "{log}");
    assert_eq!(observations(&file, 0), ["Validée avant la coupure"]);
    // Everything saved: no lock left to take over at the next start.
    assert!(!copil::store::lock::beside(&file).exists(), "{log}");
    let mut again = Session::start(&[file.to_str().unwrap()], home.path());
    again.wait_for("En cours de frappe");
    again.send("s");
    again.send("q");
    assert_eq!(again.exit_code(), 0);
}

#[test]
fn a_large_meeting_reopens_from_its_cache_and_a_hand_edit_is_never_hidden() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("plan.toml");
    let marks = copil::config::Config::builtin().marks;
    let meeting = copil::model::generate::meeting(2_000, 5);
    let text = copil::store::write_meeting(&meeting, &marks);
    assert!(text.len() >= 1 << 20, "large enough to be cached");
    std::fs::write(&file, &text).unwrap();
    let open = |shows: &str| {
        let mut s = Session::start(
            &["--log-level", "info", file.to_str().unwrap()],
            home.path(),
        );
        s.wait_for("Commitments 1/2000");
        s.wait_for(shows);
        s.send("q");
        assert_eq!(s.exit_code(), 0);
    };
    let first = meeting.commitments[0].title.clone();
    open(&first.chars().take(20).collect::<String>());
    let cached: Vec<_> = std::fs::read_dir(home.path().join("data/copil/cache"))
        .unwrap()
        .collect();
    assert_eq!(cached.len(), 1, "one cache file for the meeting");

    let saved = std::fs::read_to_string(&file).unwrap();
    let edited = saved.replacen(&first, "Titre corrigé à la main", 1);
    assert_ne!(edited, saved);
    std::fs::write(&file, edited).unwrap();
    open("Titre corrigé à la main");
    open("Titre corrigé à la main");

    let log = std::fs::read_to_string(home.path().join("data/copil/copil.log")).unwrap();
    let sources: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("opened"))
        .map(|l| l.split("from_cache=").nth(1).unwrap_or("?"))
        .collect();
    assert_eq!(sources, ["false", "false", "true"], "{log}");
}

/// A terminal that reports 65535 × 65535 cells is refused with why, before the screen is
/// taken, instead of the program dying while allocating it.
#[test]
fn an_absurdly_large_terminal_is_refused_with_why() {
    let home = tempfile::tempdir().unwrap();
    let file = sample_in(home.path());
    let mut s = Session::start_sized(&[file.to_str().unwrap()], home.path(), &[], (65535, 65535));
    assert_eq!(s.exit_code(), 1);
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(raw.contains("more than copil can draw"), "{raw}");
    assert!(!raw.contains("\u{1b}[?1049h"), "the screen was never taken");
}
