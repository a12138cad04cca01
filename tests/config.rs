//! Configuration layers, keys, themes, and the command-line habits around them.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use copil::app::{App, Layer};
use copil::config::layers;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn layers_merge_key_by_key_the_last_one_winning() {
    let dir = tempfile::tempdir().unwrap();
    let user = write(
        dir.path(),
        "user.toml",
        "[theme]\naccent = \"red\"\nmuted = \"gray\"\n",
    );
    let extra = write(dir.path(), "extra.toml", "[theme]\naccent = \"blue\"\n");
    let config = layers::load(Some(&user), Some(&extra), None).unwrap();
    assert_eq!(config.theme.accent, ratatui::style::Color::Blue);
    assert_eq!(config.theme.muted, ratatui::style::Color::Gray);
    assert_eq!(
        config.marks.defs.len(),
        7,
        "what no layer names stays built in"
    );
    let missing = layers::load(None, Some(Path::new("no/such.toml")), None).unwrap_err();
    assert!(missing.to_string().contains("no/such.toml"), "{missing}");
}

#[test]
fn an_unknown_setting_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let user = write(
        dir.path(),
        "user.toml",
        "[export]\nformats = [\"docx\"]\natribution = true\n",
    );
    let err = layers::load(Some(&user), None, None).unwrap_err();
    let first = &err.0[0];
    assert_eq!(first.line, 3, "{err}");
    assert!(first.message.contains("export.atribution"), "{err}");
    assert!(first.hint.contains("attribution"), "{err}");
}

#[test]
fn a_wrong_value_names_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let user = write(
        dir.path(),
        "user.toml",
        "# mine\n\n[theme]\nok = \"vert\"\n",
    );
    let err = layers::load(Some(&user), None, None).unwrap_err();
    assert_eq!(
        (err.0[0].line, err.0[0].file.as_path()),
        (4, user.as_path()),
        "{err}"
    );
    assert!(err.0[0].message.contains("vert"), "{err}");
    let typed = write(dir.path(), "typed.toml", "[export]\nmark_sentences = 3\n");
    let err = layers::load(None, Some(&typed), None).unwrap_err();
    assert_eq!(err.0[0].line, 2, "{err}");
}

#[test]
fn unknown_modes_actions_and_keys_are_refused_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    for (text, line, words) in [
        ("[keys.revue]\nquit = \"q\"\n", 1, "keys.revue"),
        ("[keys.list]\nquitter = \"q\"\n", 2, "quitter"),
        ("[keys.list]\nquit = \"ctrl-\"\n", 2, "is not a key"),
    ] {
        let file = write(dir.path(), "keys.toml", text);
        let err = layers::load(None, Some(&file), None).unwrap_err();
        assert_eq!(err.0[0].line, line, "{err}");
        assert!(err.to_string().contains(words), "{err}");
    }
}

#[test]
fn a_rebound_key_works_and_conflicts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "keys.toml",
        "[keys.list]\nadd_observation = [\"o\"]\nquit = \"ctrl-q\"\n",
    );
    let config = layers::load(None, Some(&file), None).unwrap();
    assert_eq!(
        config
            .keymap
            .keys_for(copil::app::Mode::LIST, &copil::app::Action::AddObservation),
        "o"
    );
    let mut app = App::new(common::sample(), config, None, copil::live::clock());
    common::press(&mut app, "a");
    assert!(app.layers.is_empty(), "a no longer adds");
    common::press(&mut app, "o");
    assert!(matches!(app.layers.last(), Some(Layer::Editor(_))));
    common::press(&mut app, "esc");
    // The help and the hints follow the keys in force.
    common::press(&mut app, "?");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Ctrl-q"), "{screen}");

    let clash = write(dir.path(), "clash.toml", "[keys.list]\nquit = \"j\"\n");
    let err = layers::load(None, Some(&clash), None).unwrap_err();
    assert!(err.to_string().contains("\"j\" is bound to both"), "{err}");
    assert_eq!(err.0[0].line, 2, "the place of the second binding: {err}");
}

/// `[keys.global]` binds a key on every screen at once; a screen's own table still wins
/// for an action it names (a user's older `[keys.list]` file keeps working).
#[test]
fn a_global_key_binds_every_screen_and_a_screen_table_overrides_it() {
    use copil::app::{Action, Mode};
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "keys.toml",
        "[keys.global]\nundo = \"z\"\n[keys.list]\nundo = \"y\"\n",
    );
    let config = layers::load(None, Some(&file), None).unwrap();
    let keys = |mode| config.keymap.keys_for(mode, &Action::Undo);
    for mode in [
        Mode::OBSERVATIONS,
        Mode::Screen("attendance"),
        Mode::Screen("decisions"),
        Mode::Screen("remarks"),
    ] {
        assert_eq!(keys(mode), "z", "{mode:?}");
    }
    assert_eq!(keys(Mode::LIST), "y", "the list's own table wins");
    let mut app = App::new(common::sample(), config, None, copil::live::clock());
    common::press(&mut app, "a");
    common::type_text(&mut app, "Note");
    common::press(&mut app, "esc 4 3 u");
    assert_eq!(
        app.meeting.commitments[0].observations.len(),
        1,
        "u undoes nothing"
    );
    common::press(&mut app, "y");
    assert!(app.meeting.commitments[0].observations.is_empty());
}

#[test]
fn quit_cannot_be_bound_where_text_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    for mode in ["editor", "text", "picker", "prompt"] {
        let file = write(
            dir.path(),
            "quit.toml",
            &format!("[keys.{mode}]\nquit = \"ctrl-q\"\n"),
        );
        let err = layers::load(None, Some(&file), None).unwrap_err();
        assert!(
            err.to_string().contains("quitting would drop it"),
            "{mode}: {err}"
        );
        assert_eq!(err.0[0].line, 2, "{err}");
    }
}

#[test]
fn the_high_contrast_theme_is_black_on_white() {
    let config = layers::load(None, None, Some("high-contrast")).unwrap();
    assert_eq!(config.theme.background, ratatui::style::Color::White);
    assert_eq!(config.theme.foreground, ratatui::style::Color::Black);
    assert!(layers::load(None, None, Some("neon")).is_err());
}

fn copil(args: &[&str], config_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        // Messages in English whatever the machine's language; tests read their words.
        .env("LC_ALL", "C.UTF-8")
        .env("COPIL_CONFIG_DIR", config_home.join("copil"))
        .env("HOME", config_home)
        .output()
        .unwrap()
}

#[test]
fn config_init_writes_a_commented_copy_once() {
    let home = tempfile::tempdir().unwrap();
    let path = String::from_utf8(copil(&["config", "path"], home.path()).stdout).unwrap();
    assert!(
        Path::new(path.trim()).ends_with("copil/config.toml"),
        "{path}"
    );
    assert!(path.starts_with(home.path().to_str().unwrap()), "{path}");
    let out = copil(&["config", "init"], home.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(path.trim()).unwrap();
    assert!(text.contains("# [keys.list]"));
    assert!(
        text.contains("# add_observation = [\"enter\", \"a\"]"),
        "{text}"
    );
    assert!(text.contains("# accent = \"cyan\""));
    let again = copil(&["config", "init"], home.path());
    assert_eq!(again.status.code(), Some(2), "never over an existing file");
    // The commented copy changes nothing, and uncommenting a line takes effect.
    let check = copil(&["check", "sample-data/copil-2024-02-22.toml"], home.path());
    assert_eq!(check.status.code(), Some(0));
    std::fs::write(
        path.trim(),
        text.replace("# accent = \"cyan\"", "accent = \"nope\""),
    )
    .unwrap();
    let broken = copil(&["check", "sample-data/copil-2024-02-22.toml"], home.path());
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("config.toml:"));
}

#[test]
fn completions_and_the_manual_come_from_the_command_line_definitions() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = copil(&["completions", shell], home.path());
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("export"),
            "{shell}"
        );
    }
    let man = String::from_utf8(copil(&["man"], home.path()).stdout).unwrap();
    assert!(man.contains(".TH copil 1"));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::BufRead;
    // As `copil print … | head -1`: one line read, then the pipe closed.
    let mut child = Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(["print", "tests/fixtures/everything.toml"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    assert!(out.status.success(), "{:?}", out.status);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// On Linux the configuration follows XDG_CONFIG_HOME when COPIL_CONFIG_DIR is not set.
#[cfg(target_os = "linux")]
#[test]
fn the_configuration_follows_xdg_on_linux() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(["config", "path"])
        .env_remove("COPIL_CONFIG_DIR")
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .unwrap();
    let path = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        Path::new(path.trim()),
        home.path().join("copil/config.toml")
    );
}

#[test]
fn sentences_that_name_a_key_follow_its_rebinding() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "keys.toml",
        "[keys.review]\nadd_observation = [\"enter\", \"o\"]\nfilter = \"ctrl-f\"\n\
         [keys.attendance]\nadd_participant = \"+\"\n\
         [keys.prompt]\ncancel = \"ctrl-g\"\n\
         [[marks]]\nid = \"retained\"\nkey = \"y\"\ncolor = \"green\"\n\
         label = { fr = \"Retenu\", en = \"Retained\" }\nsentence = { fr = \"\", en = \"\" }\n",
    );
    let mut config = layers::load(None, Some(&file), None).unwrap();
    config.ui_language = copil::model::Language::En;
    let mut meeting = common::sample();
    meeting.participants.clear();
    let mut app = App::new(meeting, config, None, copil::live::clock());
    let screen = common::screen_text(&app, 120, 40);
    assert!(
        screen.contains("Not yet reviewed — o adds an observation, y mark it"),
        "{screen}"
    );
    // [keys.review] is the list's table: o adds, a no longer does.
    common::press(&mut app, "a");
    assert!(app.layers.is_empty());
    common::press(&mut app, "o esc ctrl-f");
    common::type_text(&mut app, "Retenu");
    common::press(&mut app, "enter");
    let screen = common::screen_text(&app, 120, 40);
    assert!(screen.contains("Press Ctrl-f to change it"), "{screen}");
    common::press(&mut app, "1");
    let screen = common::screen_text(&app, 120, 40);
    assert!(
        screen.contains("No participants yet: + adds one."),
        "{screen}"
    );
    common::press(&mut app, "2 G a enter");
    let Some(Layer::Prompt(prompt)) = app.layers.last() else {
        panic!("the title of the new point is asked")
    };
    assert_eq!(
        prompt.error.as_deref(),
        Some("Write a title, or press Ctrl-g")
    );
    let screen = common::screen_text(&app, 120, 40);
    assert!(screen.contains("Enter confirm · Ctrl-g cancel"), "{screen}");
}

#[test]
fn an_unknown_export_format_is_reported_where_it_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(
        &path,
        "# mes formats\n[export]\nformats = [\"docx\", \"odt\"]\n",
    )
    .unwrap();
    let err = layers::load(None, Some(&path), None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.toml:3:"), "{err}");
}

/// A user's mark on a key an action already has is refused at the mark's own line.
#[test]
fn a_marks_key_taken_by_an_action_names_the_marks_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for id in [
        "awaiting-fiche",
        "awaiting-remarks",
        "no-remarks",
        "cancelled",
        "merge",
        "retitle",
        "retained",
    ] {
        text.push_str(&format!("[[marks]]\nid = \"{id}\"\n"));
    }
    text.push_str("[[marks]]\nid = \"postponed\"\nkey = \"p\"\ncolor = \"yellow\"\n");
    text.push_str("label = { fr = \"Reporté\", en = \"Postponed\" }\n");
    text.push_str("sentence = { fr = \"Reporté.\", en = \"Postponed.\" }\n");
    let user = write(dir.path(), "user.toml", &text);
    let err = layers::load(None, Some(&user), None).unwrap_err();
    let line = text.lines().position(|l| l == "key = \"p\"").unwrap() + 1;
    assert_eq!(err.0[0].line, line, "{err}");
    assert!(
        err.to_string().contains("pick_phrase and postponed"),
        "{err}"
    );
}
