//! Draft mails, one per institution, parsed back with a MIME parser: headers, addresses,
//! subject, body charset, and attachments byte for byte.

mod common;

use std::path::Path;

use copil::config::Config;
use copil::export::docx;
use copil::record::Record;
use copil::record::form::Form;
use mail_parser::{MessageParser, MimeHeaders};

const MTNRA: &str = "Ministère de Transition Numérique et de Réforme de l'Administration";

/// The fixture meeting with two addresses for MTNRA, and the drafts written in `dir`.
fn drafts(args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let (dir, file) = common::fixture_copy();
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        &format!("organization = \"{MTNRA}\""),
        &format!("organization = \"{MTNRA}\"\nemail = \"secretariat@mtnra.gov.ma\""),
        1,
    ) + &format!(
        "\n[[participants]]\nname = \"M. Karim\"\norganization = \"{MTNRA}\"\nemail = \"karim@mtnra.gov.ma\"\n"
    );
    std::fs::write(&file, text).unwrap();
    let out_dir = dir.path().join("brouillons");
    let mut all = vec![
        "mail",
        file.to_str().unwrap(),
        "--by-institution",
        out_dir.to_str().unwrap(),
    ];
    all.extend(args);
    let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &all);
    (dir, out)
}

fn eml(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join("brouillons").join(name)).unwrap()
}

#[test]
fn a_draft_opens_unsent_addressed_to_the_institutions_participants() {
    let (dir, out) = drafts(&["--deadline", "26/02"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = eml(dir.path(), "ministere-de-transition-numerique-et-de.eml");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with("X-Unsent: 1\r\n"));
    assert!(
        !text.contains("\r\nDate:") && !text.contains("Message-ID:"),
        "a draft, not a sent mail"
    );
    let message = MessageParser::default().parse(&bytes).unwrap();
    let to: Vec<&str> = message
        .to()
        .unwrap()
        .iter()
        .filter_map(|a| a.address())
        .collect();
    assert_eq!(to, ["secretariat@mtnra.gov.ma", "karim@mtnra.gov.ma"]);
    assert_eq!(
        message.subject(),
        Some(format!("Suivi du comité de pilotage du jeudi 22 février 2024 — {MTNRA}").as_str())
    );
    let body = message.body_text(0).unwrap();
    assert!(body.contains("jusqu'au lundi 26 février 2024"), "{body}");
    let part = message.text_part(0).unwrap();
    assert_eq!(
        part.content_type().and_then(|c| c.attribute("charset")),
        Some("utf-8")
    );
}

#[test]
fn the_letter_and_the_form_are_attached_byte_for_byte() {
    let (dir, out) = drafts(&["--attach", "docx,remarks"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = eml(dir.path(), "ministere-de-transition-numerique-et-de.eml");
    let message = MessageParser::default().parse(&bytes).unwrap();
    let names: Vec<&str> = message
        .attachments()
        .filter_map(|a| a.attachment_name())
        .collect();
    assert_eq!(
        names,
        [
            "ministere-de-transition-numerique-et-de.docx",
            "ministere-de-transition-numerique-et-de-remarques.docx"
        ]
    );
    let mut config = Config::builtin();
    config.ui_language = copil::model::Language::Fr;
    let meeting = copil::store::load(&dir.path().join("reunion.toml"), &config.marks).unwrap();
    let props = docx::Properties::default();
    let letter = docx::render(
        &Record::letter(&meeting, MTNRA, &config.marks, &config.export),
        &props,
        None,
    );
    let form = docx::form(
        &Form::build(&meeting, (&config.marks, &config.export), Some(MTNRA), None),
        &props,
    );
    let attached: Vec<&[u8]> = message.attachments().map(|a| a.contents()).collect();
    assert_eq!(attached[0], &letter[..], "the follow-up letter");
    assert_eq!(attached[1], &form[..], "the remarks form");
    assert_eq!(
        message
            .attachment(0)
            .unwrap()
            .content_type()
            .map(|c| c.ctype()),
        Some("application")
    );
}

#[test]
fn an_institution_without_an_address_still_gets_its_draft() {
    let (dir, out) = drafts(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("aucune adresse pour Ministère de Justice"),
        "{summary}"
    );
    assert!(
        summary.contains("ministere-de-transition-numerique-et-de.eml : à 2 adresses"),
        "{summary}"
    );
    let bytes = eml(dir.path(), "ministere-de-justice.eml");
    let message = MessageParser::default().parse(&bytes).unwrap();
    assert!(message.to().is_none(), "an empty To");
    assert_eq!(message.attachments().count(), 1, "the letter, by default");
    let again = common::copil_at(
        dir.path(),
        "C.UTF-8",
        &[
            "mail",
            dir.path().join("reunion.toml").to_str().unwrap(),
            "--by-institution",
            dir.path().join("brouillons").to_str().unwrap(),
        ],
    );
    assert_eq!(
        again.status.code(),
        Some(2),
        "never over a draft without --force"
    );
}

#[test]
fn without_a_deadline_the_mail_says_nothing_of_one() {
    let (dir, out) = drafts(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = eml(dir.path(), "ministere-de-transition-numerique-et-de.eml");
    let message = MessageParser::default().parse(&bytes).unwrap();
    let body = message.body_text(0).unwrap();
    assert!(!body.contains("jusqu'au"), "{body}");
    assert!(body.contains("Bien cordialement"), "{body}");
}

#[test]
fn one_address_is_said_in_the_singular() {
    let (dir, file) = common::fixture_copy();
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        &format!("organization = \"{MTNRA}\""),
        &format!("organization = \"{MTNRA}\"\nemail = \"secretariat@mtnra.gov.ma\""),
        1,
    );
    std::fs::write(&file, text).unwrap();
    let out_dir = dir.path().join("brouillons");
    let args = [
        "mail",
        file.to_str().unwrap(),
        "--by-institution",
        out_dir.to_str().unwrap(),
    ];
    let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &args);
    let summary =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains(": à 1 adresse\n"), "{summary}");
}
