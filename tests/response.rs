//! The reasoned response to the proposals: goldens in each format, through the command line.

mod common;

use std::path::Path;

use common::docx::part;
use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::record::Record;
use copil::store;

fn response() -> Record {
    let config = Config::builtin();
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    Record::response(&meeting, &config.marks, &config.export)
}

fn text(format: Format) -> String {
    String::from_utf8(export::render(&response(), format, TextLayout::default())).unwrap()
}

#[test]
fn response_goldens() {
    insta::assert_snapshot!("response_md", text(Format::Md));
    insta::assert_snapshot!("response_html", text(Format::Html));
}

#[test]
fn the_word_response_has_one_heading_per_commitment_and_its_decision() {
    let bytes = export::render(&response(), Format::Docx, TextLayout::default());
    let document = part(&bytes, "word/document.xml");
    assert_eq!(
        document.matches("<w:pStyle w:val=\"Heading2\"/>").count(),
        6
    );
    assert!(document.contains("Réponse motivée aux propositions"));
    assert!(document.contains("Décision du comité\u{a0}: Non retenu\u{a0}: annulé en raison de"));
    assert!(!document.contains("Points abordés"));
}

#[test]
fn the_command_writes_it_beside_the_meeting() {
    let (dir, file) = common::fixture_copy();
    let args = [
        "export",
        file.to_str().unwrap(),
        "--format",
        "response",
        "--as",
        "html",
    ];
    let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("reunion-reponse.html")).unwrap();
    assert!(html.contains("Fusionné avec l’engagement n° 9"), "{html}");
}

/// A remark accepted in writing stands under its item in the response too, as in the record.
#[test]
fn the_response_says_the_remarks_accepted_in_writing() {
    let config = Config::builtin();
    let mut meeting =
        store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    meeting.remarks.push(copil::model::Remark {
        number: 4,
        text: "Nous regrettons l'annulation.".into(),
        author: "Transparency Maroc".into(),
        received: chrono::NaiveDate::from_ymd_opt(2024, 2, 26).unwrap(),
        source: "t.xlsx".into(),
        state: copil::model::RemarkState::Accepted,
    });
    let record = Record::response(&meeting, &config.marks, &config.export);
    let md = String::from_utf8(export::render(&record, Format::Md, TextLayout::default())).unwrap();
    assert!(
        md.contains("Nous regrettons l’annulation. (Transparency Maroc, reçue par écrit le lundi 26 février 2024)"),
        "{md}"
    );
}
