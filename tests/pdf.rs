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
