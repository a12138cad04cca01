//! The archival PDF copil typesets itself: PDF/A-2b declared, every font embedded, every
//! observation of the record in its text, the same bytes for the same meeting.
#![cfg(feature = "pdf")]

use std::path::Path;
use std::process::Command;

use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::record::Record;
use copil::store;

fn record(file: &str) -> Record {
    let config = Config::builtin();
    let meeting = store::load(Path::new(file), &config.marks).unwrap();
    Record::build(&meeting, &config.marks, &config.export)
}

fn pdf(record: &Record) -> Vec<u8> {
    export::render(record, Format::Pdf, TextLayout::default()).unwrap()
}

/// `tool` run on the PDF `bytes`, or None when poppler-utils is not installed.
fn poppler(tool: &str, args: &[&str], bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("record.pdf");
    std::fs::write(&file, bytes).unwrap();
    let mut command = Command::new(tool);
    command.args(args).arg(&file);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command.output();
    match out {
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Err(_) => {
            eprintln!("{tool} (poppler-utils) is not installed: skipped");
            None
        }
    }
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_is_pdf_a_2b_with_its_title_and_the_same_bytes_each_time() {
    let record = record("sample-data/copil-2024-02-22.toml");
    let bytes = pdf(&record);
    assert!(bytes.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>"),
        "PDF/A part 2"
    );
    assert!(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert_eq!(pdf(&record), bytes, "the same meeting, the same bytes");
}

#[test]
fn every_observation_is_in_the_pdf_s_text_and_every_font_embedded() {
    let record = record("tests/fixtures/everything.toml");
    let bytes = pdf(&record);
    let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &bytes) else {
        return;
    };
    let text = squeezed(&text);
    let mut seen = 0;
    for row in record.rows() {
        // Latin text here; Arabic, read in its own order, below.
        for item in row
            .items
            .iter()
            .filter(|i| i.text.chars().all(|c| (c as u32) < 0x600))
        {
            assert!(
                text.contains(&squeezed(&item.text)),
                "n° {}: {}",
                row.number,
                item.text
            );
            seen += 1;
        }
    }
    assert!(seen > 5, "the fixture has observations: {seen}");
    assert!(text.contains("Page 1 / "), "numbered pages");
    let fonts = poppler("pdffonts", &[], &bytes).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name, type…, encoding, emb, sub, uni, object, id: "emb" is the fifth from the end.
        assert_eq!(columns[columns.len() - 5], "yes", "embedded: {row}");
    }
}

#[test]
fn arabic_and_letters_no_font_has_still_make_a_pdf() {
    // The fixture holds Arabic, a flag and an emoji.
    let record = record("tests/fixtures/everything.toml");
    let bytes = pdf(&record);
    assert!(bytes.starts_with(b"%PDF-"));
    let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &bytes) else {
        return;
    };
    for word in ["ملاحظة", "أنشطة", "civique"] {
        assert!(text.contains(word), "{word} in {text}");
    }
}

fn copil(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap()
}

/// The first page's size in points, as pdfinfo reads it (None without poppler-utils).
fn page_size(bytes: &[u8]) -> Option<(f64, f64)> {
    let info = poppler("pdfinfo", &[], bytes)?;
    let line = info.lines().find(|l| l.starts_with("Page size:"))?;
    let numbers: Vec<f64> = (line.split_whitespace())
        .filter_map(|w| w.parse().ok())
        .collect();
    Some((numbers[0], numbers[1]))
}

#[test]
fn letter_paper_by_setting_a4_by_default() {
    let mut record = record("sample-data/copil-2024-02-22.toml");
    let Some((w, h)) = page_size(&pdf(&record)) else {
        return;
    };
    assert!(
        (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
        "A4: {w} × {h}"
    );
    record.paper = copil::record::Paper::Letter;
    let (w, h) = page_size(&pdf(&record)).unwrap();
    assert!(
        (w - 612.0).abs() < 1.0 && (h - 792.0).abs() < 1.0,
        "Letter: {w} × {h}"
    );
}

/// From the command line: the letters, the response and the remarks form as PDF, and
/// `copil print --pdf` for `lp`.
#[test]
fn every_document_comes_as_pdf_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = dir.path().join("copil.toml");
    std::fs::copy("tests/fixtures/everything.toml", &meeting).unwrap();
    let m = meeting.to_str().unwrap();
    let letters = dir.path().join("suivi");
    let l = letters.to_str().unwrap();
    for args in [
        &["export", m, "--format", "pdf", "--by-institution", l][..],
        &["export", m, "--document", "response", "--format", "pdf"],
        &["remarks", "export", m, "--format", "pdf"],
    ] {
        let out = copil(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The fixture's flag has no font: the record is written, and said not to be PDF/A.
    let out = copil(&["export", m, "--format", "pdf"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("not PDF/A") && said.contains("🇲"), "{said}");
    let sample = dir.path().join("sample.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &sample).unwrap();
    let out = copil(&["export", sample.to_str().unwrap(), "--format", "pdf"]);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "PDF/A: nothing to say"
    );
    let written: Vec<_> = std::fs::read_dir(&letters).unwrap().collect();
    assert!(written.len() >= 2, "one letter per institution");
    for entry in written {
        let path = entry.unwrap().path();
        assert_eq!(path.extension().unwrap(), "pdf");
        assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
    }
    let response = std::fs::read(dir.path().join("copil-response.pdf")).unwrap();
    assert!(response.starts_with(b"%PDF-"));
    let form = std::fs::read(dir.path().join("copil-remarks.pdf")).unwrap();
    assert!(form.starts_with(b"%PDF-"));
    if let Some((w, h)) = page_size(&form) {
        assert!(w > h, "the form is landscape: {w} × {h}");
    }
    // Printed: the PDF on the output, for lp.
    let out = copil(&["print", m, "--pdf"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"%PDF-"));
}
