//! Remarks forms: written for the members, read back when they return filled.

mod common;

use std::path::Path;
use std::process::Command;

use common::docx::part;

fn copil(args: &[&str], home: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        .env("HOME", home)
        .env("COPIL_CONFIG_DIR", home.join("config").join("copil"))
        .env("COPIL_DATA_DIR", home.join("data").join("copil"))
        .env("LC_ALL", "fr_FR.UTF-8")
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

/// `copil remarks export FILE ARGS…`, which must succeed.
fn forms_out(dir: &Path, args: &[&str]) {
    let file = meeting(dir);
    let mut all = vec!["remarks", "export", file.as_str()];
    all.extend(args);
    let out = copil(&all, dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn meeting(dir: &Path) -> String {
    let file = dir.join("reunion.toml");
    std::fs::copy("tests/fixtures/everything.toml", &file).unwrap();
    file.to_str().unwrap().to_owned()
}

#[test]
fn the_word_form_has_the_organisation_field_and_an_empty_remarks_column() {
    let dir = tempfile::tempdir().unwrap();
    forms_out(dir.path(), &["--deadline", "26/02"]);
    let form = dir.path().join("reunion-remarques.docx");
    let document = part(&std::fs::read(&form).unwrap(), "word/document.xml");
    assert!(document.contains("Formulaire de remarques"));
    assert!(document.contains("avant le lundi\u{a0}26\u{a0}février\u{a0}2024."));
    // The organisation picked from a list, in a form protected for filling in: only the
    // organisation and the remarks (content controls) can be written.
    assert!(
        document.contains("Organisation\u{a0}: </w:t>"),
        "{document}"
    );
    assert!(document.contains("<w:dropDownList><w:listItem w:displayText=\"Ministère"));
    assert!(document.contains("……</w:t></w:r></w:sdtContent>"));
    let bytes = std::fs::read(&form).unwrap();
    let settings = part(&bytes, "word/settings.xml");
    assert!(settings.contains("<w:documentProtection w:edit=\"forms\" w:enforcement=\"1\"/>"));
    assert_eq!(
        document.matches("<w:richText/>").count(),
        6,
        "a remarks field a row"
    );
    // Landscape, the remarks a third of the width at least.
    assert!(document.contains("w:orient=\"landscape\""));
    assert_eq!(
        document.matches("<w:cantSplit/>").count(),
        7,
        "the header and the short rows never split"
    );
    let grid: Vec<u32> = document
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    let total: u32 = grid.iter().sum();
    assert!(grid[3] * 3 >= total, "{grid:?}");
    for head in ["N°", "Engagement", "Observations du comité", "Remarques"] {
        assert!(document.contains(&format!(">{head}</w:t>")), "{head}");
    }
    assert!(
        document.contains(
            ">Consultation publique sur la modification du code de la presse et de l’édition<"
        ),
        "the new title when retitled"
    );
    assert_eq!(
        document.matches("<w:tr>").count(),
        7,
        "the header and one row per commitment"
    );
}

#[test]
fn the_spreadsheet_form_locks_all_but_the_organisation_and_the_remarks() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    forms_out(dir.path(), &["--format", "xlsx"]);
    let path = dir.path().join("reunion-remarques.xlsx");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("Remarques").unwrap();
    let cell = |r: u32, c: u32| {
        sheet
            .get_value((r, c))
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    assert_eq!(cell(4, 0), "Organisation");
    assert_eq!(
        [cell(6, 0), cell(6, 1), cell(6, 2), cell(6, 3)],
        ["N°", "Engagement", "Observations du comité", "Remarques"]
    );
    assert_eq!(cell(7, 0), "1");
    assert!(cell(7, 2).contains("• Reformuler la problématique."));
    let bytes = std::fs::read(&path).unwrap();
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection"), "the sheet is protected");
    // One page wide, landscape; rows as tall as their text.
    assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{xml}");
    assert!(xml.contains("fitToHeight=\"0\"") && xml.contains("orientation=\"landscape\""));
    let heights: Vec<f64> = xml
        .split(" ht=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(heights.iter().all(|h| *h >= 48.0), "{heights:?}");
    assert!(
        heights.iter().any(|h| *h > 60.0),
        "a longer row is taller: {heights:?}"
    );
    assert!(
        xml.contains("<formula1>Listes!$A$1:$A$"),
        "the organisation is picked from a list"
    );
    let names = book.worksheet_range("Listes").unwrap();
    let listed: Vec<String> = names.rows().map(|r| r[0].to_string()).collect();
    assert!(listed.iter().any(|n| n.contains("Ministère")), "{listed:?}");
}

#[test]
fn one_form_per_institution_holds_only_its_commitments() {
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("formulaires");
    forms_out(dir.path(), &["--by-institution", forms.to_str().unwrap()]);
    let file = dir.path().join("reunion.toml");
    let file = file.to_str().unwrap();
    let justice = part(
        &std::fs::read(forms.join("ministere-de-justice.docx")).unwrap(),
        "word/document.xml",
    );
    assert!(justice.contains("Formulaire de remarques — Ministère de Justice"));
    assert_eq!(
        justice.matches("<w:tr>").count(),
        2,
        "the header and n°\u{a0}13 only"
    );
    let again = copil(
        &[
            "remarks",
            "export",
            file,
            "--by-institution",
            forms.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(
        again.status.code(),
        Some(2),
        "never over a file without --force"
    );
}

/// `copil remarks import reunion.toml FORMS…` on a fresh copy of the fixture meeting.
fn forms_in(dir: &Path, forms: &[&str]) -> (std::process::Output, copil::model::Meeting) {
    let file = dir.join("reunion.toml");
    if !file.exists() {
        meeting(dir);
    }
    let mut args = vec![
        "remarks".to_owned(),
        "import".to_owned(),
        file.to_string_lossy().into_owned(),
    ];
    args.extend(forms.iter().map(|f| format!("tests/fixtures/forms/{f}")));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = copil(&args, dir);
    let marks = copil::config::Config::builtin().marks;
    (out, copil::store::load(&file, &marks).unwrap())
}

fn texts(meeting: &copil::model::Meeting) -> Vec<(u32, String, String)> {
    meeting
        .remarks
        .iter()
        .map(|r| (r.number, r.text.clone(), r.author.clone()))
        .collect()
}

#[test]
fn a_word_form_filled_by_another_program_comes_back_attributed() {
    let dir = tempfile::tempdir().unwrap();
    let (out, meeting) = forms_in(dir.path(), &["acodec.docx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("champ Organisation"));
    assert_eq!(
        texts(&meeting),
        [
            (1, "Préciser les communes pilotes.".into(), "ACODEC".into()),
            (
                8,
                "Fusion acceptée\nsous réserve d'un calendrier commun.".into(),
                "ACODEC".into()
            ),
        ]
    );
    let r = &meeting.remarks[0];
    assert_eq!(r.source, "acodec.docx");
    assert_eq!(r.state, copil::model::RemarkState::Pending);
    assert!(
        meeting.commitments[0]
            .observations
            .iter()
            .all(|o| o.text != r.text),
        "observations untouched"
    );
}

#[test]
fn a_form_that_went_through_libreoffice_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let (out, meeting) = forms_in(dir.path(), &["acodec-libreoffice.docx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(texts(&meeting).len(), 2);
    assert_eq!(meeting.remarks[1].author, "ACODEC");
}

#[test]
fn comments_spreadsheets_csv_and_handmade_tables_are_read_by_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let forms = [
        "comments.docx",
        "association-jeunesse.docx",
        "transparency.xlsx",
        "csv-form.csv",
    ];
    let (out, meeting) = forms_in(dir.path(), &forms);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = texts(&meeting);
    let has = |n: u32, text: &str, author: &str| got.contains(&(n, text.into(), author.into()));
    assert!(
        has(
            2,
            "Associer le Conseil national de la presse.",
            "Transparency Maroc"
        ),
        "a Word comment and its author: {got:?}"
    );
    assert!(
        has(9, "Ajouter les jeunes ruraux.", "association-jeunesse"),
        "the file name when nothing else names the author"
    );
    assert!(
        has(4, "Nous regrettons l'annulation.", "Transparency Maroc"),
        "the spreadsheet's organisation cell"
    );
    assert!(has(13, "ملاحظة: إشراك الجمعيات", "Transparency Maroc"));
    assert!(has(1, "Une remarque depuis un tableur en csv.", "csv-form"));
}

#[test]
fn importing_the_same_form_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, first) = forms_in(dir.path(), &["transparency.xlsx"]);
    let before = std::fs::read_to_string(dir.path().join("reunion.toml")).unwrap();
    let (out, again) = forms_in(dir.path(), &["transparency.xlsx"]);
    assert!(out.status.success());
    assert_eq!(first.remarks, again.remarks);
    assert_eq!(
        before,
        std::fs::read_to_string(dir.path().join("reunion.toml")).unwrap()
    );
}

#[test]
fn a_bad_form_is_refused_with_its_row_and_nothing_of_the_run_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    meeting(dir.path());
    let before = std::fs::read_to_string(dir.path().join("reunion.toml")).unwrap();
    let unknown = dir.path().join("numero-inconnu.csv");
    std::fs::write(
        &unknown,
        "N°;Remarques\n1;Bien.\n99;Une remarque pour un numéro absent.\n",
    )
    .unwrap();
    let no_columns = dir.path().join("sans-colonnes.csv");
    std::fs::write(&no_columns, "Titre;Avis\nA;B\n").unwrap();
    let protected = dir.path().join("protege.xlsx");
    std::fs::write(
        &protected,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    )
    .unwrap();
    let file = dir.path().join("reunion.toml");
    let args = [
        "remarks",
        "import",
        file.to_str().unwrap(),
        "tests/fixtures/forms/acodec.docx",
        unknown.to_str().unwrap(),
        no_columns.to_str().unwrap(),
        protected.to_str().unwrap(),
    ];
    let out = copil(&args, dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("numero-inconnu.csv : ligne 3 : le n° 99 n'est pas dans cette réunion"),
        "{err}"
    );
    assert!(
        err.contains("sans-colonnes.csv : aucun tableau avec une colonne « N° »"),
        "{err}"
    );
    assert!(
        err.contains("protege.xlsx : protégé par un mot de passe"),
        "{err}"
    );
    assert!(err.contains("Rien de cet import n'a été gardé"), "{err}");
    assert_eq!(
        before,
        std::fs::read_to_string(&file).unwrap(),
        "all or nothing"
    );
}

/// A form whose text holds an XML entity no Word file holds is refused with why, never
/// read as an empty remark.
#[test]
fn a_form_with_an_unknown_entity_is_refused_not_read_as_empty() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read("tests/fixtures/forms/acodec.docx").unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(source)).unwrap();
    let bad = dir.path().join("entite.docx");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&bad).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            let text = String::from_utf8(bytes).unwrap();
            let at = text.rfind("</w:t>").unwrap();
            bytes = format!("{}&secret;{}", &text[..at], &text[at..]).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
    let file = meeting(dir.path());
    let out = copil(
        &["remarks", "import", &file, bad.to_str().unwrap()],
        dir.path(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("&secret;"), "{err}");
}

/// A form dated to another meeting is refused, naming both dates, unless --force.
#[test]
fn a_form_of_another_meeting_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let date = text
        .lines()
        .find(|l| l.starts_with("date = "))
        .unwrap()
        .to_owned();
    std::fs::write(&file, text.replacen(&date, "date = 2024-03-04", 1)).unwrap();
    let form = "tests/fixtures/forms/acodec.docx";
    let out = copil(&["remarks", "import", &file, form], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("autre réunion") && err.contains("4 mars 2024"),
        "{err}"
    );
    let out = copil(&["remarks", "import", &file, form, "--force"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The days the remarks of `file` were received, in the file's order.
fn received(file: &str) -> Vec<String> {
    let m = copil::store::load(Path::new(file), &copil::config::Config::builtin().marks).unwrap();
    m.remarks.iter().map(|r| r.received.to_string()).collect()
}

/// A remark is received on the day given, else the day its form was saved (as the file
/// says, when that is between the meeting and today), else today; the import says which.
#[test]
fn a_remark_is_dated_as_given_else_by_its_form_else_today() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting(dir.path());
    let xlsx = "tests/fixtures/forms/transparency.xlsx";
    let out = copil(&["remarks", "import", &file, xlsx], dir.path());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains(
            "réception le dimanche 22 novembre 2026 (jour où le formulaire a été enregistré"
        ),
        "{said}"
    );
    assert_eq!(received(&file), ["2026-11-22", "2026-11-22"]);

    let dir = tempfile::tempdir().unwrap();
    let file = meeting(dir.path());
    let wrong = copil(
        &[
            "remarks",
            "import",
            &file,
            xlsx,
            "--received",
            "lundi 25 février 2024",
        ],
        dir.path(),
    );
    assert_eq!(wrong.status.code(), Some(2), "25 February 2024 is a Sunday");
    assert!(received(&file).is_empty(), "nothing imported");
    let out = copil(
        &["remarks", "import", &file, xlsx, "--received", "25/02/2024"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("(--received)"));
    assert_eq!(received(&file), ["2024-02-25", "2024-02-25"]);

    // A form dated 2013 (its template's date) and a csv say nothing: today.
    let dir = tempfile::tempdir().unwrap();
    let file = meeting(dir.path());
    let old = "tests/fixtures/forms/association-jeunesse.docx";
    let out = copil(&["remarks", "import", &file, old], dir.path());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("réception aujourd'hui"), "{said}");
    let today = chrono::Local::now().date_naive().to_string();
    assert!(
        received(&file).iter().all(|d| *d == today),
        "{:?}",
        received(&file)
    );
}

/// The Word form copil writes, filled as Word fills it — the organisation chosen in its
/// list, a remark typed in the content control of a row — comes back attributed.
#[test]
fn copils_own_word_form_filled_in_its_fields_comes_back() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    forms_out(dir.path(), &[]);
    let form = dir.path().join("reunion-remarques.docx");
    let bytes = std::fs::read(&form).unwrap();
    let document = part(&bytes, "word/document.xml");
    let blank = "<w:showingPlcHdr/>";
    assert!(document.contains(blank));
    // Chosen: the placeholder goes, the organisation stands in the control.
    let (before, after) = document.split_once("<w:sdtContent><w:r><w:t>").unwrap();
    let (_, rest) = after.split_once("</w:t>").unwrap();
    let filled = format!(
        "{}<w:sdtContent><w:r><w:t>ACODEC</w:t>{rest}",
        before.replace(blank, "")
    );
    // Typed in the first row's remarks.
    let filled = filled.replacen(
        "<w:richText/></w:sdtPr><w:sdtContent><w:p><w:pPr></w:pPr></w:p>",
        "<w:richText/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Préciser les communes.</w:t></w:r></w:p>",
        1,
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let out = dir.path().join("acodec-rempli.docx");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
        if name == "word/document.xml" {
            content = filled.clone().into_bytes();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&content).unwrap();
    }
    writer.finish().unwrap();
    let file = dir.path().join("reunion.toml");
    let args = [
        "remarks",
        "import",
        file.to_str().unwrap(),
        out.to_str().unwrap(),
    ];
    let said = copil(&args, dir.path());
    assert!(
        said.status.success(),
        "{}",
        String::from_utf8_lossy(&said.stderr)
    );
    let marks = copil::config::Config::builtin().marks;
    let meeting = copil::store::load(&file, &marks).unwrap();
    assert_eq!(
        texts(&meeting),
        [(1, "Préciser les communes.".into(), "ACODEC".into())]
    );
}
