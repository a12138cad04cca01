//! Remarks forms: written for the members, read back when they return filled.

mod common;

use std::path::Path;
use std::process::Command;

use common::docx::part;

fn copil(args: &[&str], home: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("LC_ALL", "fr_FR.UTF-8")
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
    assert!(document.contains("avant le lundi 26 février 2024."));
    assert!(document.contains("Organisation\u{a0}: ……"));
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
        "the header and n° 13 only"
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
