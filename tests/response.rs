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
    String::from_utf8(export::render(&response(), format, TextLayout::default()).unwrap()).unwrap()
}

#[test]
fn response_goldens() {
    insta::assert_snapshot!("response_md", text(Format::Md));
    insta::assert_snapshot!("response_html", text(Format::Html));
}

#[test]
fn the_word_response_has_one_heading_per_commitment_and_its_decision() {
    let bytes = export::render(&response(), Format::Docx, TextLayout::default()).unwrap();
    let document = part(&bytes, "word/document.xml");
    assert_eq!(
        document.matches("<w:pStyle w:val=\"Heading2\"/>").count(),
        6
    );
    assert!(document.contains("Réponse motivée aux propositions"));
    assert!(document.contains("Décision du comité\u{a0}: Non retenu, annulé en raison de"));
    assert!(!document.contains("Points abordés"));
}

#[test]
fn the_command_writes_it_beside_the_meeting() {
    let (dir, file) = common::fixture_copy();
    let file = file.to_str().unwrap();
    // The older spelling, `--format response --as F`, still works.
    let older = ["export", file, "--format", "response", "--as", "html"];
    let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &older);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("reunion-reponse.html")).unwrap();
    assert!(
        html.contains("Fusion proposée avec l’engagement n°\u{a0}9"),
        "{html}"
    );
    // What the committee decided nothing on is named before the response goes out; the
    // response says it plainly, in one sentence with one colon.
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("2 engagements sans décision du comité, leur réponse le dit : n° 1, 13"),
        "{said}"
    );
    assert!(html.contains(
        "Décision du comité\u{a0}: Pas de décision, le comité a fait les observations ci-dessous."
    ));
}

/// The response is a document like the record: every format writes it, the text one too.
#[test]
fn the_response_is_written_in_every_format() {
    let (dir, file) = common::fixture_copy();
    let file = file.to_str().unwrap();
    for format in ["docx", "html", "md", "txt"] {
        let args = ["export", file, "--document", "response", "--format", format];
        let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &args);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = dir.path().join(format!("reunion-reponse.{format}"));
        assert!(written.exists(), "{format}");
        if format != "docx" {
            let text = std::fs::read_to_string(&written).unwrap();
            assert!(
                text.contains("Réponse motivée aux propositions"),
                "{format}: {text}"
            );
            assert!(text.contains("Décision du comité"), "{format}: {text}");
        }
    }
    let args = [
        "export",
        file,
        "-d",
        "response",
        "--by-institution",
        "lettres",
    ];
    let out = common::copil_at(dir.path(), "C.UTF-8", &args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--by-institution"));
}
