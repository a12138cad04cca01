//! The command line as a user runs it: output, files written, exit codes.

use std::path::Path;
use std::process::{Command, Output};

use copil::config::Config;
use copil::model::Attendance;
use copil::store;

fn copil(args: &[&str]) -> Output {
    // Messages in English whatever the machine's language; tests read their words.
    copil_in("C.UTF-8", args)
}

/// copil run with `LC_ALL` set to `locale`.
fn copil_in(locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        .env("LC_ALL", locale)
        .output()
        .expect("the copil binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn both_sample_meetings_pass_check() {
    for file in [
        "sample-data/copil-2024-02-22.toml",
        "sample-data/copil-2023-11-30.toml",
    ] {
        let out = copil(&["check", file]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
        assert!(stdout(&out).starts_with(file), "{}", stdout(&out));
    }
}

#[test]
fn first_sample_has_the_seed_meeting_before_the_call() {
    let out = copil(&["check", "sample-data/copil-2024-02-22.toml"]);
    let line = stdout(&out);
    assert!(line.contains("22 commitments"), "{line}");
    assert!(line.contains("21 named"), "{line}");
    assert!(line.contains("7 absent"), "{line}");
    assert!(line.contains("marks in use: none"), "{line}");

    let m = store::load(
        Path::new("sample-data/copil-2024-02-22.toml"),
        &Config::builtin().marks,
    )
    .unwrap();
    assert_eq!(m.commitments.len(), 22);
    assert_eq!(
        m.participants.iter().filter(|p| p.name.is_some()).count(),
        21
    );
    let absent: Vec<_> = m
        .participants
        .iter()
        .filter(|p| p.attendance == Attendance::Absent)
        .collect();
    assert_eq!(absent.len(), 7);
    assert!(absent.iter().all(|p| p.name.is_none()));
    assert!(m.commitments.iter().all(|c| !c.institution.is_empty()));
    assert!(m.commitments.iter().all(|c| !c.is_reviewed()));
    assert_eq!(m.header.agenda.len(), 3);
    assert_eq!(m.points.iter().filter(|p| p.table).count(), 1);
}

#[test]
fn bundled_csv_holds_the_same_commitments_as_the_sample() {
    let marks = Config::builtin().marks;
    let from_csv = store::import_csv(Path::new("sample-data/commitments.csv")).unwrap();
    let meeting = store::load(Path::new("sample-data/copil-2024-02-22.toml"), &marks).unwrap();
    let from_csv: Vec<_> = from_csv.into_iter().map(std::sync::Arc::new).collect();
    assert_eq!(from_csv, meeting.commitments);
}

#[test]
fn check_of_a_broken_file_exits_2_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, "[meeting]\ntitle = \"x\"\ndate = 2024-13-01\n").unwrap();
    let out = copil(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("copil: {}:3:", path.display())),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let out = copil(&["check", "no/such/meeting.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/meeting.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(copil(&["check"]).status.code(), Some(2));
    assert_eq!(copil(&["frobnicate", "x", "y"]).status.code(), Some(2));
}

#[test]
fn every_command_has_help_and_the_program_a_version() {
    for cmd in ["check", "new", "import", "stats"] {
        let out = copil(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        assert!(
            stdout(&out).contains("Usage: copil"),
            "{cmd}: {}",
            stdout(&out)
        );
    }
    let out = copil(&["--help"]);
    assert!(stdout(&out).contains("Examples:"));
    let out = copil(&["--version"]);
    assert!(stdout(&out).starts_with("copil "), "{}", stdout(&out));
}

#[test]
fn new_creates_a_meeting_from_a_csv_list_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("next.toml");
    let p = path.to_str().unwrap();
    let out = copil(&[
        "new",
        p,
        "--date",
        "04/03/2024",
        "--commitments",
        "sample-data/commitments.csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = store::load(&path, &Config::builtin().marks).unwrap();
    assert_eq!(m.commitments.len(), 22);
    assert_eq!(m.header.date.to_string(), "2024-03-04");

    let before = std::fs::read(&path).unwrap();
    let out = copil(&["new", p, "--title", "Autre"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn new_refuses_a_date_that_is_not_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("next.toml");
    let out = copil(&["new", path.to_str().unwrap(), "--date", "31/02/2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!path.exists());
}

#[test]
fn import_reads_semicolons_quotes_and_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("list.csv");
    std::fs::write(
        &csv,
        "\u{feff}N°;Titre;Institution;Résumé\n\
         1;\"Programme; avec \"\"guillemets\"\"\";Ministère de l'Intérieur;\n\
         2;Données ouvertes;\"Agence de Développement Digitale\";\"Deux\nlignes\"\n",
    )
    .unwrap();
    let out_path = dir.path().join("list.toml");
    let out = copil(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list = store::load_commitments(&out_path, &Config::builtin().marks).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].title, "Programme; avec \"guillemets\"");
    assert_eq!(list[0].institution, "Ministère de l'Intérieur");
    assert_eq!(list[0].summary, None);
    assert_eq!(list[1].summary.as_deref(), Some("Deux\nlignes"));

    // A second import does not replace the list without --force.
    let again = copil(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2));
    let forced = copil(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(forced.status.code(), Some(0));
}

#[test]
fn import_reads_commas_and_prints_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("list.csv");
    std::fs::write(
        &csv,
        "number,title,institution\n7,\"Open data, reuse\",ADD\n",
    )
    .unwrap();
    let out = copil(&["import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("title = \"Open data, reuse\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn import_names_the_line_of_a_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("list.csv");
    std::fs::write(
        &csv,
        "number,title,institution\n1,Un,A\ndeux,Deux,B\n1,Trois,C\n",
    )
    .unwrap();
    let out = copil(&["import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("list.csv:3:1: \"deux\" is not a commitment number"),
        "{err}"
    );
    assert!(
        err.contains("list.csv:4:1: duplicate commitment number 1"),
        "{err}"
    );
}

#[test]
fn import_refuses_a_header_without_titles() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("list.csv");
    std::fs::write(&csv, "number,name\n1,Un\n").unwrap();
    let out = copil(&["import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no title column"), "{}", stderr(&out));
}

#[test]
fn stats_counts_marks_review_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.toml");
    std::fs::write(
        &path,
        r#"[meeting]
title = "Réunion"
date = 2024-02-22
clock = 600

[[participants]]
organization = "A"
present = true

[[commitments]]
number = 1
title = "Un"
marks = [{ id = "awaiting-fiche" }, { id = "no-remarks" }]
seconds_spent = 120

[[commitments]]
number = 2
title = "Deux"
observations = [{ text = "Reformuler le titre." }]
marks = [{ id = "awaiting-fiche" }]
seconds_spent = 150

[[commitments]]
number = 3
title = "Trois"
"#,
    )
    .unwrap();
    let out = copil(&["stats", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "reviewed in this meeting 2, not yet reviewed 1 (of which 0 with marks carried"
        ),
        "{text}"
    );
    assert!(
        text.contains("4 min 30 s   on the items; meeting clock 10 min 00 s"),
        "{text}"
    );
    assert!(text.contains("present 1"), "{text}");
    // Each item with its time, the total and the longest first.
    assert!(
        text.contains("time per item\n  n° 1     2 min 00 s   Un\n  n° 2     2 min 30 s   Deux\n"),
        "{text}"
    );
    assert!(text.contains("  total 4 min 30 s on 2 items\n"), "{text}");
    assert!(
        text.contains("  longest: n° 2 (2 min 30 s), n° 1 (2 min 00 s)\n"),
        "{text}"
    );
    let fiche = text.lines().find(|l| l.contains("awaiting-fiche")).unwrap();
    assert!(fiche.contains(" 2 "), "{fiche}");
    let merge = text.lines().find(|l| l.contains("merge")).unwrap();
    assert!(merge.contains("To merge with no. …"), "{merge}");
}

#[test]
fn new_from_the_last_meeting_carries_marks_and_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last.toml");
    std::fs::write(
        &last,
        r#"[meeting]
title = "Réunion du comité de pilotage"
date = 2024-02-22

[[participants]]
name = "Mme. A"
organization = "MTNRA"
present = true

[[commitments]]
number = 4
title = "Guide"
marks = [{ id = "cancelled", reason = "l'absence de lien" }]

[[commitments]]
number = 2
title = "Ancien titre"
marks = [{ id = "retitle", title = "Nouveau titre" }, { id = "awaiting-fiche" }]
observations = [{ text = "Reformuler le titre." }]

[[decisions]]
text = "Mise à jour des fiches"
deadline = 2024-03-04

[[remarks]]
number = 2
text = "Préciser les communes."
author = "ACODEC"
received = 2024-02-25
source = "acodec.docx"
status = "accepted"

[[remarks]]
number = 2
text = "Hors sujet."
author = "X"
received = 2024-02-26
source = "x.docx"
status = "rejected"
"#,
    )
    .unwrap();
    let next = dir.path().join("next.toml");
    let out = copil(&[
        "new",
        next.to_str().unwrap(),
        "--from",
        last.to_str().unwrap(),
        "--date",
        "lundi 11 mars 2024",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = store::load(&next, &Config::builtin().marks).unwrap();
    assert_eq!(m.header.date.to_string(), "2024-03-11");
    assert_eq!(m.participants[0].attendance, Attendance::NotCalled);
    assert_eq!(m.commitments[0].number, 2, "cancelled items go last");
    assert_eq!(m.commitments[0].title, "Nouveau titre");
    assert_eq!(m.commitments[0].marks.len(), 1);
    assert!(m.commitments[0].observations.is_empty());
    assert_eq!(m.commitments[0].history[0].text, "Reformuler le titre.");
    let history: Vec<&str> = m.commitments[0]
        .history
        .iter()
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(
        history,
        [
            "Reformuler le titre.",
            "Préciser les communes. (ACODEC, reçue par écrit le dimanche 25 février 2024)"
        ],
        "a remark accepted in writing is history too; a rejected one is not"
    );
    assert!(m.remarks.is_empty(), "the remarks stay with their meeting");
    assert!(m.decisions[0].carried);

    let wrong = copil(&[
        "new",
        dir.path().join("x.toml").to_str().unwrap(),
        "--from",
        last.to_str().unwrap(),
        "--date",
        "mardi 11 mars 2024",
    ]);
    assert_eq!(wrong.status.code(), Some(2), "a wrong weekday is refused");
}

#[test]
fn stats_lists_missing_sheet_fields_by_institution() {
    let out = copil(&["stats", "sample-data/copil-2024-02-22.toml"]);
    let text = stdout(&out);
    assert!(
        text.contains("commitment sheets: what is missing"),
        "{text}"
    );
    assert!(
        text.contains("  Ministère de Justice\n    n° 13: problem, solution"),
        "{text}"
    );
}

#[test]
fn a_wrong_log_level_is_a_usage_error() {
    let out = copil(&[
        "--log-level",
        "loud",
        "check",
        "sample-data/copil-2024-02-22.toml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--log-level loud"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn in_french_the_command_line_and_the_file_messages_speak_french() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("cassé.toml");
    std::fs::write(
        &bad,
        "[meeting]\ntitle = \"\"\ndate = 2024-02-22\n\n[[commitments]]\nnumber = 1\n\
         title = \"A\"\nmarks = [ { id = \"inconnue\" } ]\n",
    )
    .unwrap();
    let out = copil_in("fr_FR.UTF-8", &["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(":2:9: le titre de la réunion est vide"),
        "{err}"
    );
    assert!(
        err.contains("  aide : écrivez le titre de la réunion"),
        "{err}"
    );
    assert!(
        err.contains(":8:18: marque inconnue : « inconnue »"),
        "{err}"
    );

    let sample = "sample-data/copil-2024-02-22.toml";
    let out = copil_in("fr_FR.UTF-8", &["check", sample]);
    assert!(
        stdout(&out).contains(": correct : 22 engagements (0 examiné), 28 participants (21 nommés ; 0 présent, 7 absents"),
        "{}",
        stdout(&out)
    );
    let out = copil_in("fr_FR.UTF-8", &["stats", sample]);
    assert!(stdout(&out).contains(
        "engagements      22   examinés dans cette réunion 0, pas encore examinés 22 (dont 0 avec"
    ));
    assert!(stdout(&out).contains("En attente de fiche"));

    let missing = copil_in("fr_FR.UTF-8", &["check", "absent.toml"]);
    assert!(stderr(&missing).starts_with("copil: impossible de lire absent.toml"));

    // The configuration's language wins over the environment's.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let out = copil_in(
        "fr_FR.UTF-8",
        &["--config", config.to_str().unwrap(), "check", sample],
    );
    assert!(
        stdout(&out).contains(": ok: 22 commitments"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn in_french_the_help_is_french_and_describes_the_same_options() {
    let out = copil_in("fr_FR.UTF-8", &["--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    for words in [
        "Utilisation : copil [OPTIONS] [FILE] [COMMANDE]",
        "Commandes :",
        "  check         Vérifier un fichier de réunion",
        "Options :",
        "--theme <NAME>",
        "-h, --help               Afficher l'aide",
        "Exemples :",
    ] {
        assert!(help.contains(words), "{words:?} in\n{help}");
    }
    let new = stdout(&copil_in("fr_FR.UTF-8", &["new", "--help"]));
    assert!(
        new.contains("La langue du relevé : fr ou en [par défaut : fr]"),
        "{new}"
    );
    let export = stdout(&copil_in("fr_FR.UTF-8", &["export", "--help"]));
    assert!(
        export.contains("[valeurs possibles : docx, html, md, txt, pdf]")
            && export.contains("[valeurs possibles : record, response]"),
        "{export}"
    );
    // The English help is clap's own, from the same definition.
    let english = stdout(&copil(&["export", "--help"]));
    assert!(english.contains("Usage: copil export"), "{english}");
    assert!(
        english.contains("[possible values: docx, html, md, txt, pdf]")
            && english.contains("[possible values: record, response]"),
        "{english}"
    );
}

/// Anything that is not a regular file is refused at once with exit code 2: a pipe would
/// wait forever, a device never end.
#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_at_once_as_meeting_or_config() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let sample = "sample-data/copil-2024-02-22.toml";
    let fifo = fifo.to_str().unwrap();
    for args in [
        vec!["check", fifo],
        vec!["check", "/dev/zero"],
        vec!["--config", "/dev/zero", "check", sample],
        vec!["--config", fifo, "check", sample],
    ] {
        let started = std::time::Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
            .args(&args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{args:?}"
        );
    }
}

/// Thousands of repeated numbers are each reported with their line, without the time
/// growing with the square of their count.
#[test]
fn thousands_of_duplicate_numbers_are_all_reported_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dups.toml");
    let mut text = String::from("[meeting]\ntitle = \"x\"\ndate = 2024-02-22\n");
    for i in 0..2000 {
        text.push_str(&format!(
            "\n[[commitments]]\nnumber = 1\ntitle = \"T{i}\"\ninstitution = \"I\"\n"
        ));
    }
    std::fs::write(&file, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.matches("duplicate commitment number 1").count(), 1999);
    assert!(err.contains(":10001:"), "the last one's line");
}

/// A pipe or a device given as a filled form or a house template is refused at once, and a
/// small form that unpacks to more than copil reads is refused, not unpacked.
#[cfg(unix)]
#[test]
fn pipes_devices_and_bombs_are_refused_as_forms_and_templates() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("m.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &meeting).unwrap();
    let fifo = dir.path().join("form.docx");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let bomb = dir.path().join("bomb.docx");
    let sheet_bomb = dir.path().join("bomb.xlsx");
    for (path, part) in [
        (&bomb, "word/document.xml"),
        (&sheet_bomb, "xl/worksheets/sheet1.xml"),
    ] {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(part, deflated).unwrap();
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..66 {
            zip.write_all(&chunk).unwrap();
        }
        zip.finish().unwrap();
        assert!(std::fs::metadata(path).unwrap().len() < 2 * 1024 * 1024);
    }
    let s = sheet_bomb.to_str().unwrap();
    let (m, f, b) = (
        meeting.to_str().unwrap(),
        fifo.to_str().unwrap(),
        bomb.to_str().unwrap(),
    );
    for (args, said) in [
        (vec!["remarks", "import", m, f], "not a regular file"),
        (
            vec!["remarks", "import", m, "/dev/zero"],
            "not a regular file",
        ),
        (vec!["remarks", "import", m, b], "unpacks to more than"),
        (vec!["remarks", "import", m, s], "unpacks to more than"),
        (
            vec!["export", m, "--template", f, "-o", "/dev/null/x.docx"],
            "not a regular file",
        ),
    ] {
        let started = std::time::Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
            .args(&args)
            .env("LC_ALL", "C.UTF-8")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "bad input: {args:?}: {err}");
        assert!(err.contains(said), "{args:?}: {err}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{args:?}"
        );
    }
}

/// An export never writes through a symbolic link (which could point at any file).
#[cfg(unix)]
#[test]
fn an_export_never_writes_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("m.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &meeting).unwrap();
    let elsewhere = dir.path().join("precious.txt");
    std::fs::write(&elsewhere, "à garder").unwrap();
    let link = dir.path().join("m.html");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(["export", meeting.to_str().unwrap(), "--format", "html"])
        .args(["-o", link.to_str().unwrap(), "--force"])
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "à garder");
}

/// A list in another encoding is refused, and the message names the encoding: UTF-16, a
/// Latin-1 file, a file an earlier conversion left with "�".
#[test]
fn a_list_in_another_encoding_is_refused_naming_the_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "number,title\n1,Préciser\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let latin1 = b"number,title\n1,Pr\xe9ciser\n".to_vec();
    let lost = "number,title\n1,Pr\u{FFFD}ciser\n".as_bytes().to_vec();
    for (name, bytes, said) in [
        ("utf16.csv", utf16, "UTF-16"),
        ("latin1.csv", latin1, "Latin-1"),
        ("lost.csv", lost, "lost.csv:2:1"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
            .args(["import", path.to_str().unwrap()])
            .env("LC_ALL", "C.UTF-8")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(said), "{name}: {err}");
    }
}
