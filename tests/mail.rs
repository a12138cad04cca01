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
    let bytes = eml(dir.path(), "ministere-de-transition-numerique.eml");
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
    // Each recipient with the name the meeting has.
    let names: Vec<Option<&str>> = message.to().unwrap().iter().map(|a| a.name()).collect();
    assert!(
        names.iter().any(|n| n.is_some_and(|n| n.contains("Karim"))),
        "{names:?}"
    );
    // The record's typography: the apostrophe ’, no-break spaces in dates.
    let typeset = |t: &str| t.replace('\'', "’").replace(' ', "\u{a0}");
    assert_eq!(
        message.subject(),
        Some(
            format!(
                "Suivi du comité de pilotage du {} — {}",
                typeset("jeudi 22 février 2024"),
                MTNRA.replace('\'', "’")
            )
            .as_str()
        )
    );
    let body = message.body_text(0).unwrap();
    let until = format!("jusqu’au {}", typeset("lundi 26 février 2024"));
    assert!(body.contains(&until), "{body}");
    // The institution with its article.
    assert!(
        body.contains(&format!("proposés par le {}", MTNRA.replace('\'', "’"))),
        "{body}"
    );
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
    let bytes = eml(dir.path(), "ministere-de-transition-numerique.eml");
    let message = MessageParser::default().parse(&bytes).unwrap();
    let names: Vec<&str> = message
        .attachments()
        .filter_map(|a| a.attachment_name())
        .collect();
    assert_eq!(
        names,
        [
            "ministere-de-transition-numerique.docx",
            "ministere-de-transition-numerique-remarques.docx"
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
        summary.contains("ministere-de-transition-numerique.eml : à 2 adresses"),
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
    let bytes = eml(dir.path(), "ministere-de-transition-numerique.eml");
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

/// `copil mail FILE --all`: one draft to every member with an address, the whole record
/// attached, beside the meeting; the same draft again is refused without --force.
#[test]
fn one_draft_to_every_member_carries_the_whole_record() {
    let (dir, file) = common::fixture_copy();
    let text = std::fs::read_to_string(&file).unwrap()
        + "\n[[participants]]\nname = \"Mme Salma\"\norganization = \"ACODEC\"\nemail = \"salma@acodec.ma\"\n"
        + &format!(
            "\n[[participants]]\nname = \"M. Karim\"\norganization = \"{MTNRA}\"\nemail = \"karim@mtnra.gov.ma\"\n"
        );
    std::fs::write(&file, text).unwrap();
    let args = [
        "mail",
        file.to_str().unwrap(),
        "--all",
        "--deadline",
        "26/02",
    ];
    let out = common::copil_at(dir.path(), "fr_FR.UTF-8", &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("à 2 adresses"), "{said}");
    let bytes = std::fs::read(file.with_extension("eml")).unwrap();
    let message = MessageParser::default().parse(&bytes).unwrap();
    let to: Vec<(Option<&str>, Option<&str>)> = (message.to().unwrap().iter())
        .map(|a| (a.name(), a.address()))
        .collect();
    assert_eq!(
        to,
        [
            (Some("Mme Salma"), Some("salma@acodec.ma")),
            (Some("M. Karim"), Some("karim@mtnra.gov.ma"))
        ]
    );
    assert!(
        message
            .subject()
            .unwrap()
            .starts_with("Relevé de conclusions du comité")
    );
    let attached = message.attachment(0).unwrap();
    let stem = file.file_stem().unwrap().to_string_lossy();
    assert_eq!(
        attached.attachment_name(),
        Some(format!("{stem}.docx").as_str())
    );
    let config = Config::builtin();
    let meeting = copil::store::load(&file, &config.marks).unwrap();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let props = docx::Properties {
        author: config.export.author.clone(),
        organisation: config.export.organisation.clone(),
        written_at: None,
    };
    assert_eq!(
        attached.contents(),
        docx::render(&record, &props, None).as_slice()
    );
    let again = common::copil_at(dir.path(), "fr_FR.UTF-8", &args);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing draft is not replaced"
    );
    // Neither --all nor --by-institution: said, nothing written.
    let neither = common::copil_at(dir.path(), "fr_FR.UTF-8", &["mail", file.to_str().unwrap()]);
    assert!(!neither.status.success());
}
