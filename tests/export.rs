//! The record in every format, from a fixture meeting that uses everything.

mod common;

use std::path::Path;
use std::process::Command;

use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::record::Record;
use copil::store;
use copil::wrap::width;

const FIXTURE: &str = "tests/fixtures/everything.toml";

fn record() -> Record {
    let config = Config::builtin();
    let meeting = store::load(Path::new(FIXTURE), &config.marks).unwrap();
    Record::build(&meeting, &config.marks, &config.export)
}

fn render(format: Format) -> Vec<u8> {
    export::render(&record(), format, TextLayout::default()).unwrap()
}

fn text(format: Format) -> String {
    String::from_utf8(render(format)).unwrap()
}

/// The text without the French typography, to look for words as they were typed.
fn plain(text: &str) -> String {
    text.replace('’', "'").replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn html_golden() {
    insta::assert_snapshot!("everything_html", text(Format::Html));
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!("everything_md", text(Format::Md));
}

#[test]
fn text_golden() {
    insta::assert_snapshot!("everything_txt", text(Format::Txt));
}

#[test]
fn html_has_one_row_per_commitment_and_escapes_every_text() {
    let html = plain(&text(Format::Html));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("@page { size: A4 portrait"));
    assert!(html.contains("<thead>"));
    assert!(html.contains("tr.whole { break-inside: avoid"));
    assert!(
        html.contains("h2, h3, dt, p.kind { break-after: avoid"),
        "no heading alone at a page foot"
    );
    assert!(
        html.contains("<li dir=\"auto\">ملاحظة"),
        "Arabic reads right to left"
    );
    let body = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    assert_eq!(body.matches("<tr>").count(), 6);
    assert!(!html.contains("<script>"), "text is escaped");
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(« x »)&lt;/script&gt;"));
    // Printed, each page has the committee and the date above and its number below.
    assert!(html.contains(
        "@top-center { content: \"Réunion du comité de pilotage — Jeudi 22 février 2024 à 11h\";"
    ));
    assert!(
        html.contains("@bottom-center { content: \"Page \" counter(page) \" / \" counter(pages);")
    );
    assert!(html.contains("transparence &amp; l'inclusion"));
    assert!(!html.contains("http"), "nothing is fetched from outside");
    assert!(
        html.contains("<ul>\n<li dir=\"auto\">Identification de la méthodologie</li>"),
        "sub-bullets nest"
    );
    assert!(
        html.contains("Fusionner les deux engagements proposés par le Ministère de la Jeunesse")
    );
    assert!(html.contains("<ol start=\"1\">"));
}

#[test]
fn the_record_follows_the_seed_order() {
    let html = plain(&text(Format::Html));
    let order = [
        "Relevé de conclusions",
        "Date de la réunion",
        "Jeudi 22 février 2024 à 11h",
        "Lieu",
        "Participant(e)s",
        "Absent(e)s",
        "Ordre du jour",
        "Points abordés",
        "Mot d'ouverture",
        "<table>",
        "Points arrêtés",
        "partagé » jusqu'au lundi 26 février 2024.",
        "Responsable : Ministère de Transition",
    ];
    let mut at = 0;
    for part in order {
        let found = html[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part} missing or out of order"));
        at += found;
    }
}

#[test]
fn text_lines_never_pass_the_width_and_pages_repeat_the_header() {
    let record = record();
    for w in [80, 100, 132] {
        let out = export::txt::render(&record, w, Some(30));
        for line in out.lines() {
            let line = line.trim_start_matches('\u{c}');
            assert!(width(line) <= w, "{w}: {line:?} is {} wide", width(line));
        }
        let pages: Vec<&str> = out.split('\u{c}').collect();
        assert!(
            pages.len() > 1,
            "{w}: the fixture takes more than one page of 30 lines"
        );
        for page in &pages {
            assert!(page.lines().count() <= 30, "{w}: a page is too long");
            if page.contains("│ 13") || page.contains("│ 9 ") {
                assert!(page.contains("│ N°"), "{w}: the header repeats:\n{page}");
            }
        }
    }
}

#[test]
fn text_table_is_drawn_to_exactly_the_width() {
    let out = export::txt::render(&record(), 100, None);
    let table_lines: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '├', '└']))
        .collect();
    assert!(!table_lines.is_empty());
    for line in table_lines {
        assert_eq!(width(line), 100, "{line}");
    }
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn pandoc_reads_the_markdown_faithfully() {
    if !tool("pandoc") {
        eprintln!("pandoc is not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("record.md");
    std::fs::write(&md, render(Format::Md)).unwrap();
    let out = Command::new("pandoc")
        .args(["-f", "commonmark", "-t", "html"])
        .arg(&md)
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("<li>Identification de la méthodologie</li>"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;"), "escaped text stays text");
    assert!(!html.contains("<script>"));
    assert!(html.contains("<h4"), "one section per commitment");
    assert!(
        html.contains("puis un bilan * annuel *") || html.contains("puis un bilan *\nannuel *"),
        "{html}"
    );
}

/// LibreOffice's conversion of the Word file into `to`, or None when it is not installed.
fn libreoffice(to: &str, dir: &Path) -> Option<Vec<u8>> {
    let office = ["soffice", "libreoffice"].into_iter().find(|t| tool(t))?;
    let docx = dir.join("record.docx");
    std::fs::write(&docx, render(Format::Docx)).unwrap();
    let convert = || {
        Command::new(office)
            .args(["--headless", "--convert-to", to, "--outdir"])
            .arg(dir)
            .arg(&docx)
            .env("HOME", dir)
            .output()
            .unwrap()
    };
    // LibreOffice can abort while it makes its profile on a first start
    // ("WrappedTargetRuntimeException"); a second start finds the profile made.
    let mut status = convert();
    if !status.status.success() {
        status = convert();
    }
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    Some(std::fs::read(dir.join(format!("record.{to}"))).unwrap())
}

#[test]
fn libreoffice_converts_the_docx_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pdf) = libreoffice("pdf", dir.path()) else {
        eprintln!("LibreOffice is not installed: skipped");
        return;
    };
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn libreoffice_reads_the_page_numbers_headings_and_right_to_left_text() {
    let dir = tempfile::tempdir().unwrap();
    let Some(fodt) = libreoffice("fodt", dir.path()) else {
        eprintln!("LibreOffice is not installed: skipped");
        return;
    };
    let fodt = String::from_utf8(fodt).unwrap();
    for expected in [
        "<text:page-number",
        "<text:page-count",
        "text:style-name=\"Heading_20_1\"",
        "text:style-name=\"Heading_20_2\"",
        "style:writing-mode=\"rl-tb\"",
        "fo:keep-with-next=\"always\"",
        "<dc:title>Réunion du comité de pilotage</dc:title>",
        "Réunion du comité de pilotage — Jeudi\u{a0}22\u{a0}février\u{a0}2024 à 11h",
    ] {
        assert!(fodt.contains(expected), "{expected}");
    }
}

fn copil(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        // Messages in English whatever the machine's language; tests read their words.
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn export_writes_beside_the_meeting_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("copil.toml");
    std::fs::copy(FIXTURE, &meeting).unwrap();
    let before = std::fs::read(&meeting).unwrap();
    for format in ["docx", "html", "md", "txt"] {
        let out = copil(&["export", meeting.to_str().unwrap(), "--format", format]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = dir.path().join(format!("copil.{format}"));
        assert!(written.exists(), "{format}");
        let again = copil(&["export", meeting.to_str().unwrap(), "--format", format]);
        assert_eq!(
            again.status.code(),
            Some(2),
            "{format}: no overwrite without --force"
        );
        assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
        let forced = copil(&[
            "export",
            meeting.to_str().unwrap(),
            "--format",
            format,
            "--force",
        ]);
        assert_eq!(forced.status.code(), Some(0));
    }
    assert_eq!(
        std::fs::read(&meeting).unwrap(),
        before,
        "the meeting file is never touched"
    );
    let into_itself = copil(&[
        "export",
        meeting.to_str().unwrap(),
        "-f",
        "txt",
        "-o",
        meeting.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(into_itself.status.code(), Some(2));
    assert_eq!(std::fs::read(&meeting).unwrap(), before);
}

#[test]
fn print_fits_the_width_asked() {
    let out = copil(&["print", FIXTURE, "--width", "80", "--page-lines", "40"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains('\u{c}'), "pages are separated by a form feed");
    for line in text.lines() {
        assert!(width(line.trim_start_matches('\u{c}')) <= 80, "{line}");
    }
}

/// `copil export FIXTURE --format md --by-institution DIR` and `more`.
fn letters(out_dir: &Path, more: &[&str]) -> std::process::Output {
    let mut args = vec!["export", FIXTURE, "--format", "md", "--by-institution"];
    args.push(out_dir.to_str().unwrap());
    args.extend(more);
    copil(&args)
}

#[test]
fn one_follow_up_file_per_institution() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("suivi");
    let out = letters(&out_dir, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ministere-de-justice.md",
            "ministere-de-l-interieur.md",
            "ministere-de-la-jeunesse-de-la-culture.md",
            "ministere-de-transition-numerique.md",
        ]
    );
    let read = |name: &str| plain(&std::fs::read_to_string(out_dir.join(name)).unwrap());
    let youth = read("ministere-de-la-jeunesse-de-la-culture.md");
    // A letter: dated, addressed, referenced, its subject, the salutation; after the
    // decisions the closing formula and the signature.
    let head = "22 février 2024\n\nÀ l'attention de\n\n\
                **Ministère de la Jeunesse, de la Culture et de la Communication**\n\n\
                Réf. : COPIL/2024-02-22/02\n\n\
                **Objet : Réunion du comité de pilotage du jeudi 22 février 2024**\n\n\
                Madame, Monsieur,\n\n";
    assert!(youth.starts_with(head), "addressed to it: {youth}");
    assert!(
        youth.trim_end().ends_with(
            "Nous vous prions d'agréer, Madame, Monsieur, l'expression de notre considération \
             distinguée.\n\nLe secrétariat du comité de pilotage"
        ),
        "closed and signed: {youth}"
    );
    assert!(
        youth.contains("Veuillez trouver ci-dessous"),
        "an opening paragraph"
    );
    assert!(!youth.contains("Participant(e)s") && !youth.contains("Ordre du jour"));
    assert!(youth.contains("N° 8") && youth.contains("N° 9") && youth.contains("N° 2"));
    assert!(!youth.contains("N° 13"), "only its commitments");
    assert!(
        !youth.contains("Prolongation du délai"),
        "not another institution's decision"
    );
    assert!(
        youth.contains("Organisation d'une réunion"),
        "decisions with no owner"
    );
    assert!(
        youth.contains("Mise à jour des fiches")
            && youth.contains("Au plus tard le lundi 4 mars 2024."),
        "decisions for every administration, the deadline of a list a sentence of its own"
    );
    let mtnra = read("ministere-de-transition-numerique.md");
    assert!(mtnra.contains("Prolongation du délai"), "its own decision");
}

#[test]
fn letter_names_are_short_and_never_collide() {
    let long = "Ministère de la Jeunesse, de la Culture et de la Communication — département de communication";
    let longer =
        "Ministère de la Jeunesse, de la Culture et de la Communication — département des sports";
    let solidarity = "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille";
    let dgct = "Direction Générale des Collectivités Territoriales";
    let mut given = copil::record::names::Institutions::new();
    given.insert(
        dgct.into(),
        copil::record::names::Institution {
            short: Some("DGCT".into()),
            ..Default::default()
        },
    );
    let names = export::letter_names(
        &[
            long,
            longer,
            "ministère de justice",
            "Ministère de Justice",
            solidarity,
            dgct,
        ],
        &given,
        "docx",
    );
    // Two departments of one ministry told apart by their department; never cut on a
    // small word; a short name given in [export.institutions] first.
    assert_eq!(
        names,
        [
            "ministere-de-la-jeunesse-communication.docx",
            "ministere-de-la-jeunesse-sports.docx",
            "ministere-de-justice.docx",
            "ministere-de-justice-2.docx",
            "ministere-de-la-solidarite.docx",
            "dgct.docx",
        ]
    );
}

#[test]
fn no_file_name_is_one_windows_refuses() {
    let institutions = [
        "CON",
        "Aux",
        "nul",
        "COM1",
        "lpt9",
        "Prn",
        "Com0",
        "Conseil: « A|B » ?",
        "وزارة العدل",
        "المجلس الوطني لحقوق الإنسان في المملكة المغربية والجهات",
    ];
    let names = export::letter_names(&institutions, &Default::default(), "eml");
    assert_eq!(
        names,
        [
            "institution-con.eml",
            "institution-aux.eml",
            "institution-nul.eml",
            "institution-com1.eml",
            "institution-lpt9.eml",
            "institution-prn.eml",
            "com0.eml",
            "conseil-a-b.eml",
            "وزارة-العدل.eml",
            "المجلس-الوطني-لحقوق-الانسان-في-المملكة.eml",
        ]
    );
    for name in names {
        assert!(
            !name.contains([':', '?', '"', '<', '>', '|', '*', '\\', '/']),
            "{name}"
        );
    }
}

#[test]
fn letters_check_every_name_before_writing_and_force_replaces_only_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("suivi");
    std::fs::create_dir(&out_dir).unwrap();
    let theirs = out_dir.join("ministere-de-l-interieur.md");
    std::fs::write(&theirs, "already here").unwrap();
    let other = out_dir.join("notes.md");
    std::fs::write(&other, "not ours").unwrap();
    let out = letters(&out_dir, &[]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        2,
        "nothing written"
    );
    let out = letters(&out_dir, &["--force"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 5);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "not ours");
    assert_ne!(std::fs::read_to_string(&theirs).unwrap(), "already here");
}

#[test]
fn the_export_key_writes_the_configured_formats_beside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("reunion.toml");
    std::fs::copy(FIXTURE, &meeting).unwrap();
    let mut config = Config::builtin();
    config.ui_language = copil::model::Language::En;
    let loaded = store::load(&meeting, &config.marks).unwrap();
    let mut app = copil::app::App::new(loaded, config, Some(meeting.clone()), copil::live::clock());
    let now = app.now;
    let effects = copil::app::update(&mut app, copil::app::Action::Export, now);
    assert!(effects.contains(copil::app::Effect::Export));
    assert!(app.exporting);
    let screen = common::screen_text(&app, 120, 40);
    assert!(
        screen.contains("exporting…"),
        "the status line says so: {screen}"
    );
    // What the event loop does with the effect, on the exporter's thread.
    let exporter = copil::live::exporter::Exporter::spawn();
    exporter.send(copil::live::exporter::Job::of(&app).unwrap());
    let result = exporter.reports.recv().unwrap();
    copil::app::update::reports::exported(&mut app, result);
    let message = app.message.clone().unwrap();
    assert!(message.starts_with("Exported:"), "{message}");
    assert!(!app.exporting);
    assert!(dir.path().join("reunion.docx").exists());
    assert!(dir.path().join("reunion.html").exists());
    // A second export replaces the first: the secretary re-exports after each change.
    let again = copil::live::exporter::Job::of(&app).unwrap().run();
    assert_eq!(again.unwrap().len(), 2);
}

#[test]
fn an_english_record_speaks_english_everywhere() {
    let config = Config::builtin();
    let mut meeting = store::load(Path::new(FIXTURE), &config.marks).unwrap();
    meeting.header.language = copil::model::Language::En;
    let record = Record::build(&meeting, &config.marks, &config.export);
    let html =
        String::from_utf8(export::render(&record, Format::Html, TextLayout::default()).unwrap())
            .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    for words in [
        "Summary of conclusions",
        "Thursday 22 February 2024 at 11:00",
        "Participants:",
        "Proposed commitments",
        "Cancel the proposed commitment because of",
        "until Monday 26 February 2024.",
    ] {
        assert!(html.contains(words), "{words}");
    }
    assert!(!html.contains("Relevé"));
    assert!(
        !html.contains('\u{a0}') && !html.contains('’'),
        "no French typography"
    );
    assert!(html.contains("Un portail «très utile»; vraiment? L&#39;accès"));
    let mut apart = config.export.clone();
    apart.deadlines = copil::record::DeadlinePlace::Apart;
    let record = Record::build(&meeting, &config.marks, &apart);
    let txt =
        String::from_utf8(export::render(&record, Format::Txt, TextLayout::default()).unwrap())
            .unwrap();
    assert!(
        txt.contains("Deadline: Monday 26 February 2024; Owner: "),
        "{txt}"
    );
}

#[test]
fn every_format_sets_french_punctuation_with_no_break_spaces() {
    let (n, t) = ('\u{a0}', '\u{202f}');
    let typed =
        format!("Un portail «{n}très utile{n}»{t}; vraiment{t}? L’accès à 11:00 sur le portail.");
    for format in [Format::Html, Format::Md, Format::Txt] {
        let out = text(format)
            .replace("\n    ", " ")
            .replace(['│', '\n'], " ");
        let squeezed = out
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(squeezed.contains(&typed), "{format:?}: {squeezed}");
        assert!(out.contains(&format!("Participant(e)s{n}:")), "{format:?}");
        assert!(
            !out.contains(" ;") && !out.contains(" :"),
            "{format:?}: no breaking space before"
        );
    }
}

#[test]
fn a_long_row_closes_its_box_at_the_page_foot_and_goes_on_marked_suite() {
    let config = Config::builtin();
    let mut meeting = store::load(Path::new(FIXTURE), &config.marks).unwrap();
    std::sync::Arc::make_mut(&mut meeting.commitments[0]).observations = (1..=60)
        .map(|i| copil::model::Observation::new(format!("Observation numéro {i}."), 0))
        .collect();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let out = export::txt::render(&record, 80, Some(30));
    let pages: Vec<&str> = out.split('\u{c}').collect();
    assert!(pages.len() >= 4, "{out}");
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().collect();
        assert_eq!(lines.len(), 30, "page {} is full length", i + 1);
        assert_eq!(
            lines[29].trim(),
            format!("Page {} / {}", i + 1, pages.len()),
            "its number at the foot"
        );
        let table: Vec<&&str> = lines[..29]
            .iter()
            .filter(|l| l.starts_with(['│', '┌', '├', '└']))
            .collect();
        if let Some(last) = table.last() {
            assert!(
                last.starts_with('└'),
                "page {}: the box is closed: {page}",
                i + 1
            );
        }
    }
    let continued = pages
        .iter()
        .find(|p| p.lines().any(|l| l.starts_with("│ (suite)")))
        .unwrap_or_else(|| panic!("a row goes on marked (suite): {out}"));
    assert!(
        continued.starts_with('┌'),
        "the header repeats: {continued}"
    );
    // Its number first, then "(suite)" below it, in the number column.
    let number = meeting.commitments[0].number;
    let lines: Vec<&str> = continued.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("│ (suite)"))
        .unwrap();
    assert!(
        lines[at - 1].starts_with(&format!("│ {number} ")),
        "{continued}"
    );
}

/// At every width and page length, a row going on from the page before shows its number
/// then "(suite)": never one line alone, never without its label.
#[test]
fn print_continues_a_row_with_its_number_and_suite_at_every_page_length() {
    let config = Config::builtin();
    let mut meeting = store::load(Path::new(FIXTURE), &config.marks).unwrap();
    std::sync::Arc::make_mut(&mut meeting.commitments[0]).observations = (1..=25)
        .map(|i| {
            let text = format!("Observation {i} : préciser les indicateurs de suivi et le calendrier des activités prévues.");
            copil::model::Observation::new(text, u8::from(i % 5 == 0))
        })
        .collect();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let mut continued = 0;
    for width in [60, 80, 100] {
        for page in 20..=70 {
            let out = export::txt::render(&record, width, Some(page));
            let number_of = |line: &str| -> String {
                line.strip_prefix("│ ")
                    .and_then(|l| l.split('│').next())
                    .map(|n| n.trim().to_owned())
                    .unwrap_or_default()
            };
            let mut last_number = String::new();
            for text in out.split('\u{c}') {
                let lines: Vec<&str> = text.lines().collect();
                // The first row under the repeated header (4 lines: rule, 2 heads, rule).
                if lines.first().is_some_and(|l| l.starts_with('┌')) && lines.len() > 5 {
                    let first = number_of(lines[4]);
                    if !first.is_empty() && first == last_number {
                        continued += 1;
                        assert_eq!(
                            number_of(lines[5]),
                            "(suite)",
                            "{width}×{page}: {}\n{}",
                            lines[4],
                            lines[5]
                        );
                    }
                }
                for line in &lines {
                    let n = number_of(line);
                    if !n.is_empty() && n != "(suite)" && n != "N°" {
                        last_number = n;
                    }
                }
            }
        }
    }
    assert!(continued > 50, "rows went on across pages: {continued}");
}

/// At every page length, no page ends on a heading: "Participants :", a point's title,
/// "Décisions :" go to the next page with what they head.
#[test]
fn print_never_leaves_a_heading_alone_at_a_page_foot() {
    let config = Config::builtin();
    let meeting = store::load(
        Path::new("sample-data/copil-2024-02-22.toml"),
        &config.marks,
    )
    .unwrap();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let mut moved = 0;
    for page in 24..=70 {
        let out = export::txt::render(&record, 80, Some(page));
        assert!(!out.contains('\u{1}'), "the heading's mark never shows");
        for (i, text) in out.split('\u{c}').enumerate() {
            let lines: Vec<&str> = text.lines().collect();
            let body = &lines[..lines.len() - 1];
            let last = body.iter().rev().find(|l| !l.trim().is_empty()).unwrap();
            assert!(
                !last.ends_with(" :") && !last.ends_with("\u{a0}:"),
                "{page} lines, page {}: ends on « {last} »",
                i + 1
            );
            moved += usize::from(body.last().is_some_and(|l| l.is_empty()));
        }
    }
    assert!(
        moved > 0,
        "some pages end early to keep a heading with its text"
    );
}

/// A document's own date is the meeting's, or `SOURCE_DATE_EPOCH`: never the instant of
/// writing, so that two exports of the same meeting are the same bytes.
#[test]
fn documents_are_dated_by_the_meeting_or_source_date_epoch_never_by_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &file).unwrap();
    let run = |args: &[&str], epoch: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_copil"));
        cmd.args(args)
            .env("HOME", dir.path())
            .env("LC_ALL", "C.UTF-8");
        match epoch {
            Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let m = file.to_str().unwrap();
    let core = |name: &str| {
        common::docx::part(
            &std::fs::read(dir.path().join(name)).unwrap(),
            "docProps/core.xml",
        )
    };
    for (args, name) in [
        (vec!["export", m, "-f", "docx", "-o"], "a.docx"),
        (vec!["remarks", "export", m, "-f", "xlsx", "-o"], "a.xlsx"),
        (vec!["remarks", "export", m, "-o"], "form.docx"),
    ] {
        let mut args = args.clone();
        let out = dir.path().join(name);
        args.push(out.to_str().unwrap());
        run(&args, None);
        let first = std::fs::read(&out).unwrap();
        // The Word form carries no date at all.
        let dated = name != "form.docx";
        let meeting_day = core(name).contains(">2024-02-22T");
        assert!(!dated || meeting_day, "{name}: {}", core(name));
        args.push("--force");
        run(&args, None);
        assert_eq!(
            std::fs::read(&out).unwrap(),
            first,
            "{name}: the same bytes"
        );
        run(&args, Some("1700000000"));
        let epoch = core(name).contains(">2023-11-14T22:13:20Z<");
        assert!(!dated || epoch, "{name}: {}", core(name));
    }
}

/// `[export.letter]` and `[export.institutions]` frame the letters: the sender, place and
/// date, the reference with the short name, the signatory; the short name names the file.
#[test]
fn a_letter_is_framed_as_the_settings_say() {
    let (dir, file) = common::fixture_copy();
    let config_dir = dir.path().join("reglages");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "[export]\norganisation = \"Secrétariat du COPIL\"\n\n[export.letter]\nplace = \"Rabat\"\n\
         reference = \"COPIL/{date}/{short}\"\nsignatory = \"Karim Alaoui\"\n\
         signatory_title = \"La cheffe du secrétariat\"\n\n\
         [export.institutions]\n\"Ministère de Justice\" = { short = \"justice\", article = \"le\" }\n",
    )
    .unwrap();
    let out_dir = dir.path().join("lettres");
    let settings = config_dir.join("config.toml");
    let args = [
        "--config",
        settings.to_str().unwrap(),
        "export",
        file.to_str().unwrap(),
        "--by-institution",
        out_dir.to_str().unwrap(),
        "--format",
        "txt",
    ];
    let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let letter = plain(&std::fs::read_to_string(out_dir.join("justice.txt")).unwrap());
    let lines: Vec<&str> = letter.lines().map(str::trim).collect();
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| *l == text)
            .unwrap_or_else(|| panic!("{text}: {letter}"))
    };
    let order = [
        at("Secrétariat du COPIL"),
        at("Rabat, le 22 février 2024"),
        at("Ministère de Justice"),
        at("Réf. : COPIL/2024-02-22/justice"),
        at("Objet : Réunion du comité de pilotage du jeudi 22 février 2024"),
        at("Madame, Monsieur,"),
        // One text for both languages is taken as it is.
        at("La cheffe du secrétariat"),
        at("Karim Alaoui"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{letter}");
    // A setting the letter does not know is refused with its line.
    std::fs::write(
        config_dir.join("config.toml"),
        "[export.letter]\nsignature = \"x\"\n",
    )
    .unwrap();
    let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &args);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("signature"));
}
