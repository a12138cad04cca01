//! The Word file, unzipped: header and footer with page fields, named styles, keep-with-next,
//! language, right-to-left Arabic, document properties, numbering, and every element's
//! children in the order the ECMA-376 schema (wml.xsd) requires.

mod common;

use std::path::Path;

use common::docx::{docx, part};
use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::record::Record;
use copil::store;

#[test]
fn every_page_has_the_committee_and_date_above_and_its_number_below() {
    let bytes = docx();
    let document = part(&bytes, "word/document.xml");
    let sect = &document[document.find("<w:sectPr>").unwrap()..];
    assert!(sect.contains("<w:headerReference w:type=\"default\" r:id=\"rId4\"/>"));
    assert!(sect.contains("<w:footerReference w:type=\"default\" r:id=\"rId5\"/>"));
    assert!(sect.contains("w:w=\"11906\" w:h=\"16838\""), "A4");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains("Id=\"rId4\"") && rels.contains("Target=\"header1.xml\""));
    let header = part(&bytes, "word/header1.xml");
    assert!(
        header
            .contains("Réunion du comité de pilotage — Jeudi\u{a0}22\u{a0}février\u{a0}2024 à 11h")
    );
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains("w:instr=\" PAGE \""));
    assert!(footer.contains("w:instr=\" NUMPAGES \""));
    assert!(footer.contains(">Page </w:t>") && footer.contains("> / </w:t>"));
    let types = part(&bytes, "[Content_Types].xml");
    assert!(types.contains("/word/footer1.xml") && types.contains("/word/header1.xml"));
}

#[test]
fn headings_use_named_styles_that_keep_with_the_next_paragraph() {
    let bytes = docx();
    let document = part(&bytes, "word/document.xml");
    let styles = part(&bytes, "word/styles.xml");
    for (style, text) in [
        ("Title", "Réunion du comité de pilotage"),
        ("Heading1", "Participant(e)s"),
        ("Heading1", "Absent(e)s"),
        ("Heading1", "Ordre du jour"),
        ("Heading1", "Points abordés"),
        ("Heading1", "Points arrêtés"),
        ("Heading2", "Mot d’ouverture"),
        ("Label", "Date de la réunion"),
    ] {
        let used =
            format!("<w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{text}");
        assert!(document.contains(&used), "{style}: {text}");
        let defined = &styles[styles.find(&format!("w:styleId=\"{style}\"")).unwrap()..];
        let defined = &defined[..defined.find("</w:style>").unwrap()];
        assert!(defined.contains("<w:keepNext/>"), "{style} keeps with next");
    }
    assert!(
        styles.contains("<w:name w:val=\"heading 1\"/>")
            && styles.contains("<w:outlineLvl w:val=\"0\"/>")
    );
    assert!(
        styles.contains("<w:name w:val=\"heading 2\"/>")
            && styles.contains("<w:outlineLvl w:val=\"1\"/>")
    );
    assert!(document.contains("<w:tblStyle w:val=\"CopilTable\"/>"));
    assert!(document.contains("<w:pStyle w:val=\"ListBullet\"/><w:numPr>"));
    assert!(document.contains("<w:pStyle w:val=\"ListNumber\"/><w:numPr>"));
    assert!(styles.contains("w:styleId=\"CopilTable\""));
    assert_eq!(
        document.matches("<w:tblHeader/>").count(),
        1,
        "the header row repeats"
    );
    assert_eq!(
        document.matches("<w:cantSplit/>").count(),
        7,
        "the header and the six short rows are kept whole"
    );
    assert!(
        styles.contains("<w:pPrDefault><w:pPr><w:widowControl/>"),
        "no widow, no orphan"
    );
    // A long row (more than about eight lines) may cross a page, as in the seeds.
    let mut record = common::docx::record();
    for section in &mut record.sections {
        if let copil::record::Section::Table(rows) = section {
            // Every third one a sub-bullet, which stays with its bullet.
            let long = (0..12).map(|i| copil::record::Item {
                level: u8::from(i % 3 == 2),
                text: format!("Observation {i} assez longue pour tenir sa ligne entière."),
            });
            rows[0].items.extend(long);
        }
    }
    let document_of = |record: &copil::record::Record| {
        let bytes = copil::export::render_at(
            record,
            copil::export::Format::Docx,
            copil::export::TextLayout::default(),
            None,
            None,
        )
        .unwrap();
        common::docx::part(&bytes, "word/document.xml")
    };
    let document = document_of(&record);
    // A long row is cut between its bullets into pieces kept whole: where a page breaks,
    // the row goes on under the repeated header with its number and "(suite)".
    let rows = document.matches("<w:tr>").count();
    assert!(rows >= 9, "the long row in pieces: {rows} rows");
    assert_eq!(
        document.matches("<w:cantSplit/>").count(),
        rows,
        "every piece kept whole"
    );
    let number = record.rows().next().unwrap().number;
    let continued = format!(
        "<w:t xml:space=\"preserve\">{number}</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr></w:pPr><w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">(suite)</w:t>"
    );
    assert_eq!(document.matches(&continued).count(), rows - 7, "{document}");
    let mut at = 0;
    for i in 0..12 {
        let text = format!("Observation {i} assez longue");
        at += document[at..].find(&text).expect(&text);
    }
    assert_eq!(document.matches("assez longue").count(), 12, "each once");
    for row in document.split("<w:tr>").skip(1) {
        let observations = row.split("<w:tc>").nth(3).unwrap_or_default();
        let first = observations.split("</w:p>").next().unwrap();
        assert!(
            !first.contains("<w:ilvl w:val=\"1\"/>"),
            "a piece starts on a sub-bullet: {row}"
        );
    }
    // With split_rows = false it stays one row.
    let mut whole = record.clone();
    whole.split_rows = false;
    let document = document_of(&whole);
    assert_eq!(document.matches("<w:tr>").count(), 7);
    assert!(!document.contains("(suite)"));
}

#[test]
fn the_language_is_set_and_arabic_reads_right_to_left() {
    let bytes = docx();
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains("<w:lang w:val=\"fr-FR\" w:eastAsia=\"fr-FR\" w:bidi=\"ar-MA\"/>"));
    let document = part(&bytes, "word/document.xml");
    let arabic = document.find("السيدة أمينة").unwrap();
    let paragraph = &document[document[..arabic].rfind("<w:p>").unwrap()..arabic];
    assert!(paragraph.contains("<w:bidi/>"), "{paragraph}");
    assert!(
        paragraph.contains("<w:rtl/><w:lang w:bidi=\"ar-MA\"/>"),
        "{paragraph}"
    );
    let french = document.find("Réunion à distance").unwrap();
    let paragraph = &document[document[..french].rfind("<w:p>").unwrap()..french];
    assert!(!paragraph.contains("<w:bidi/>"));
}

#[test]
fn the_properties_name_the_record_its_author_and_its_dates() {
    let bytes = docx();
    let core = part(&bytes, "docProps/core.xml");
    for expected in [
        "<dc:title>Réunion du comité de pilotage</dc:title>",
        "<dc:subject>Relevé de conclusions</dc:subject>",
        "<dc:creator>Secrétariat du COPIL</dc:creator>",
        "<dc:language>fr-FR</dc:language>",
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T10:30:00Z</dcterms:created>",
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-22T10:30:00Z</dcterms:modified>",
    ] {
        assert!(core.contains(expected), "{expected}");
    }
    assert!(!core.contains("1970") && !core.contains("unknown"));
    assert!(part(&bytes, "docProps/app.xml").contains("<Company>MTNRA</Company>"));
}

#[test]
fn numbered_lists_are_word_numbering_under_their_bullet() {
    let bytes = docx();
    let document = part(&bytes, "word/document.xml");
    let numbering = part(&bytes, "word/numbering.xml");
    assert!(
        !document.contains(">1. ") && !document.contains(">2. "),
        "no typed numbers"
    );
    // The point's list stands at level 0; the decision's list under its bullet, at level 1.
    let item = |text: &str| {
        let at = document.find(text).unwrap();
        document[document[..at].rfind("<w:p>").unwrap()..at].to_owned()
    };
    assert!(
        item("Réunions de coordination").contains("<w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/>")
    );
    assert!(item("Diffusion des projets").contains("<w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/>"));
    assert!(
        item("Identification de la méthodologie")
            .contains("<w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/>")
    );
    assert!(numbering.contains("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/>"));
    assert!(numbering.contains("<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"));
    assert!(numbering.contains("<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/>"));
}

#[test]
fn the_word_file_sets_french_punctuation_too() {
    let (n, t) = ('\u{a0}', '\u{202f}');
    let document = part(&docx(), "word/document.xml");
    assert!(document.contains(&format!(
        "Un portail «{n}très utile{n}»{t}; vraiment{t}? L’accès"
    )));
    assert!(document.contains(&format!("Participant(e)s{n}:")));
}

#[test]
fn split_rows_false_keeps_every_row_on_one_page() {
    let mut config = Config::builtin();
    config.export.split_rows = false;
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let bytes = export::render(&record, Format::Docx, TextLayout::default()).unwrap();
    let document = part(&bytes, "word/document.xml");
    assert_eq!(
        document.matches("<w:cantSplit/>").count(),
        document.matches("<w:tr>").count()
    );
    let html =
        String::from_utf8(export::render(&record, Format::Html, TextLayout::default()).unwrap())
            .unwrap();
    assert_eq!(html.matches("<tr class=\"whole\">").count(), 6);
}

/// U+FFFE and U+FFFF, which no XML document may hold, never reach the Word file: dropped
/// when the meeting file is read, and again when text is written.
#[test]
fn noncharacters_never_make_the_word_file_ill_formed() {
    let config = Config::builtin();
    let text = std::fs::read_to_string("sample-data/copil-2024-02-22.toml")
        .unwrap()
        .replacen(
            "Réunion à distance",
            r"Réunion\uFFFE à\uFFFF distance\u0001",
            1,
        );
    let meeting = store::parse_meeting(Path::new("m.toml"), &text, &config.marks).unwrap();
    assert_eq!(meeting.header.place, "Réunion à distance");
    let mut meeting = meeting;
    std::sync::Arc::make_mut(&mut meeting.commitments[0])
        .title
        .push('\u{FFFF}');
    let record = Record::build(&meeting, &config.marks, &config.export);
    let bytes = export::render(&record, Format::Docx, TextLayout::default()).unwrap();
    let document = part(&bytes, "word/document.xml");
    assert!(!document.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}']));
    assert!(document.contains("Programme d"));
}

/// No author in the settings: the computer's user signs the record, as Word does; and Word
/// opens it in its own layout, not in compatibility mode.
#[test]
fn without_an_author_the_user_signs_and_word_needs_no_compatibility_mode() {
    let config = Config::builtin();
    assert!(config.export.author.is_empty());
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let bytes = export::render(&record, Format::Docx, TextLayout::default()).unwrap();
    let core = part(&bytes, "docProps/core.xml");
    let user = copil::platform::full_name();
    if !user.is_empty() {
        assert!(
            core.contains(&format!("<dc:creator>{user}</dc:creator>")),
            "{core}"
        );
    }
    let settings = part(&bytes, "word/settings.xml");
    assert!(
        settings.contains("w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\""),
        "{settings}"
    );
}

/// A letter's closing formula is kept on the page of its signature, and its opening stands
/// apart from its table.
#[test]
fn a_letters_closing_never_stands_apart_from_its_signature() {
    let config = copil::config::Config::builtin();
    let meeting = copil::store::load(
        std::path::Path::new("tests/fixtures/everything.toml"),
        &config.marks,
    )
    .unwrap();
    let letter = copil::record::Record::letter(
        &meeting,
        "Ministère de Justice",
        &config.marks,
        &config.export,
    );
    let props = copil::export::docx::Properties {
        author: String::new(),
        organisation: String::new(),
        written_at: None,
    };
    let bytes = copil::export::docx::render(&letter, &props, None);
    let document = common::docx::part(&bytes, "word/document.xml");
    let closing = document
        .find("Nous vous prions")
        .expect("the closing formula");
    let tail = &document[document[..closing].rfind("<w:p>").unwrap()..];
    // The closing, the gap and every signature line but the last keep with the next.
    assert_eq!(tail.matches("<w:keepNext/>").count(), 2, "{tail}");
    assert!(
        document.contains("qui la concernent.</w:t></w:r></w:p><w:p><w:pPr></w:pPr></w:p><w:tbl>")
    );
}

/// A decision that ends on a list gets its deadline as a sentence of its own: it stands
/// under the decision's bullet, not as a paragraph of the page.
#[test]
fn a_decision_s_deadline_after_its_list_stands_under_its_bullet() {
    let document = common::docx::part(&common::docx::docx(), "word/document.xml");
    let at = document
        .find(">Au plus tard le")
        .expect("the list-ending decision's deadline");
    let paragraph = &document[document[..at].rfind("<w:p>").unwrap()..at];
    assert!(paragraph.contains("<w:ind w:left=\"360\"/>"), "{paragraph}");
}
