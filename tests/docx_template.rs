//! A house template: the administration's own Word file lends the record its styles, page,
//! header, footer and theme.

mod common;

use std::path::Path;

use common::docx::part;
use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::record::Record;
use copil::store;

/// A house template as an administration's Word would save it: French style ids, US Letter
/// page, a letterhead header with an image, a footer and a theme.
fn house_template(path: &Path) {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let files: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".into()),
        ("word/document.xml", format!("<w:document {w}><w:body><w:p/><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId7\"/><w:footerReference w:type=\"default\" r:id=\"rId8\"/><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>")),
        ("word/_rels/document.xml.rels", format!("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId7\" Type=\"{rel}/header\" Target=\"header2.xml\"/><Relationship Id=\"rId8\" Type=\"{rel}/footer\" Target=\"footer3.xml\"/><Relationship Id=\"rId9\" Type=\"{rel}/theme\" Target=\"theme/theme1.xml\"/></Relationships>")),
        ("word/styles.xml", format!("<w:styles {w}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Marianne\" w:hAnsi=\"Marianne\"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Titre1\"><w:name w:val=\"heading 1\"/><w:rPr><w:color w:val=\"1F4E79\"/></w:rPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Titre\"><w:name w:val=\"Title\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Listepuces\"><w:name w:val=\"Liste à puces\"/><w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style></w:styles>")),
        ("word/header2.xml", format!("<w:hdr {w}><w:p><w:r><w:t>MINISTÈRE DE LA TRANSITION NUMÉRIQUE</w:t></w:r></w:p></w:hdr>")),
        ("word/_rels/header2.xml.rels", format!("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/image\" Target=\"media/logo.png\"/></Relationships>")),
        ("word/media/logo.png", "\u{89}PNG-not-really".into()),
        ("word/footer3.xml", format!("<w:ftr {w}><w:p><w:r><w:t>Pied maison</w:t></w:r></w:p></w:ftr>")),
        ("word/theme/theme1.xml", "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Maison\"/>".into()),
    ];
    write_zip(path, files);
}

fn write_zip(path: &Path, files: Vec<(&str, String)>) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

fn export_with(template: &Path, out: &Path) -> Result<(), String> {
    let mut config = Config::builtin();
    config.export.docx_template = Some(template.to_path_buf());
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let output = export::Output {
        format: Format::Docx,
        layout: TextLayout::default(),
        force: true,
    };
    export::write(&record, output, out).map_err(|e| e.to_string())
}

/// The fixture meeting written with the house template: the folder and the Word file.
fn exported() -> (tempfile::TempDir, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("maison.docx");
    house_template(&template);
    let out = dir.path().join("releve.docx");
    export_with(&template, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    (dir, bytes)
}

#[test]
fn a_house_template_lends_its_styles_page_header_footer_and_theme() {
    let (_dir, bytes) = exported();
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains("w:ascii=\"Marianne\""),
        "the template's own defaults"
    );
    assert_eq!(
        styles.matches("<w:name w:val=\"heading 1\"/>").count(),
        1,
        "its heading 1, not a second one"
    );
    assert!(
        styles.contains("w:styleId=\"Label\"") && styles.contains("w:styleId=\"CopilTable\""),
        "what it lacks is added"
    );
    let document = part(&bytes, "word/document.xml");
    assert!(document.contains(
        "<w:pStyle w:val=\"Titre1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Participant(e)s"
    ));
    assert!(document.contains(
        "<w:pStyle w:val=\"Titre\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Réunion du comité"
    ));
    assert!(
        document.contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\""),
        "its page"
    );
    assert!(part(&bytes, "word/header1.xml").contains("MINISTÈRE DE LA TRANSITION NUMÉRIQUE"));
    assert!(part(&bytes, "word/_rels/header1.xml.rels").contains("media/logo.png"));
    assert!(part(&bytes, "word/footer1.xml").contains("Pied maison"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    assert!(
        archive.by_name("word/media/logo.png").is_ok(),
        "the letterhead's image"
    );
    assert!(archive.by_name("word/theme/theme1.xml").is_ok());
    let types = part(&bytes, "[Content_Types].xml");
    assert!(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"));
    assert!(types.contains("/word/theme/theme1.xml"));
    assert!(part(&bytes, "word/_rels/document.xml.rels").contains("Target=\"theme/theme1.xml\""));
}

#[test]
fn a_template_that_is_not_a_word_file_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("maison.docx");
    std::fs::write(&template, "pas un fichier Word").unwrap();
    let out = dir.path().join("releve.docx");
    let err = export_with(&template, &out).unwrap_err();
    assert!(
        err.contains("maison.docx") && err.contains("not a Word file"),
        "{err}"
    );
    assert!(!out.exists());
    let missing = dir.path().join("absent.docx");
    let err = export_with(&missing, &out).unwrap_err();
    assert!(err.contains("absent.docx"), "{err}");
}

/// A template saved by a French Word on a Letter page: its French style names are found,
/// the table fits its text width, a list style's numbering (in a numbering part the record
/// does not carry) is left out, and a footer without page numbers is said.
#[test]
fn a_french_letter_template_is_fitted_and_its_missing_page_numbers_said() {
    let (dir, bytes) = exported();
    let (template, out) = (
        dir.path().join("maison.docx"),
        dir.path().join("releve.docx"),
    );
    let document = part(&bytes, "word/document.xml");
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        document.contains("<w:pStyle w:val=\"Listepuces\"/>"),
        "their « Liste à puces »"
    );
    assert!(
        !styles.contains("<w:numId w:val=\"5\"/>"),
        "no numbering that is not there"
    );
    let grid: Vec<u32> = document
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .take(3)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.iter().sum::<u32>(), 12_240 - 2 * 1_440, "{grid:?}");
    let mut config = Config::builtin();
    config.export.docx_template = Some(template.clone());
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    let record = Record::build(&meeting, &config.marks, &config.export);
    let notes = export::template_notes(&record, &out);
    assert_eq!(notes.len(), 1, "the footer has no PAGE field: {notes:?}");
}

/// A template whose first page has its own letterhead and whose even pages have their own
/// header: every one is carried, with the switches that show them.
#[test]
fn a_template_s_first_page_and_even_page_headers_are_kept() {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let refs = "<w:headerReference w:type=\"even\" r:id=\"rId11\"/><w:headerReference w:type=\"default\" r:id=\"rId7\"/><w:footerReference w:type=\"default\" r:id=\"rId8\"/><w:headerReference w:type=\"first\" r:id=\"rId10\"/><w:footerReference w:type=\"first\" r:id=\"rId12\"/>";
    let hdr = |text: &str| format!("<w:hdr {w}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:hdr>");
    let ftr = |text: &str| {
        format!(
            "<w:ftr {w}><w:p><w:r><w:t>{text}</w:t></w:r><w:fldSimple w:instr=\" PAGE \"/></w:p></w:ftr>"
        )
    };
    let files: Vec<(&str, String)> = vec![
        (
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                .into(),
        ),
        (
            "word/document.xml",
            format!(
                "<w:document {w}><w:body><w:p/><w:sectPr>{refs}<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/><w:cols w:space=\"708\"/><w:titlePg/></w:sectPr></w:body></w:document>"
            ),
        ),
        (
            "word/settings.xml",
            format!(
                "<w:settings {w}><w:defaultTabStop w:val=\"708\"/><w:evenAndOddHeaders/></w:settings>"
            ),
        ),
        (
            "word/_rels/document.xml.rels",
            format!(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Type=\"{rel}/header\" Target=\"header1.xml\"/><Relationship Id=\"rId8\" Type=\"{rel}/footer\" Target=\"footer1.xml\"/><Relationship Id=\"rId10\" Type=\"{rel}/header\" Target=\"header3.xml\"/><Relationship Id=\"rId11\" Type=\"{rel}/header\" Target=\"header2.xml\"/><Relationship Id=\"rId12\" Type=\"{rel}/footer\" Target=\"footer2.xml\"/></Relationships>"
            ),
        ),
        ("word/header1.xml", hdr("En-tête courant")),
        ("word/header2.xml", hdr("En-tête des pages paires")),
        (
            "word/header3.xml",
            hdr("ROYAUME DU MAROC — en-tête de la première page"),
        ),
        (
            "word/_rels/header3.xml.rels",
            format!(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/image\" Target=\"media/armoiries.png\"/></Relationships>"
            ),
        ),
        ("word/media/armoiries.png", "\u{89}PNG-not-really".into()),
        ("word/footer1.xml", ftr("Pied courant")),
        ("word/footer2.xml", ftr("Pied de la première page")),
    ];
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("premiere-page.docx");
    write_zip(&template, files);
    let out = dir.path().join("releve.docx");
    export_with(&template, &out).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    // Default, first page, even pages: header1, 2, 3; footers 1, 2 (and 3, see below).
    assert!(part(&bytes, "word/header1.xml").contains("En-tête courant"));
    assert!(part(&bytes, "word/header2.xml").contains("ROYAUME DU MAROC"));
    assert!(part(&bytes, "word/_rels/header2.xml.rels").contains("media/armoiries.png"));
    assert!(part(&bytes, "word/header3.xml").contains("pages paires"));
    assert!(part(&bytes, "word/footer1.xml").contains("Pied courant"));
    assert!(part(&bytes, "word/footer2.xml").contains("Pied de la première page"));
    // Even pages with no footer of their own take the default one, page number and all.
    assert!(part(&bytes, "word/footer3.xml").contains("Pied courant"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    assert!(archive.by_name("word/media/armoiries.png").is_ok());
    drop(archive);
    // Each reference points at its part through the document's relationships.
    let document = part(&bytes, "word/document.xml");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    for (tag, kind, target) in [
        ("header", "default", "header1.xml"),
        ("header", "first", "header2.xml"),
        ("header", "even", "header3.xml"),
        ("footer", "default", "footer1.xml"),
        ("footer", "first", "footer2.xml"),
        ("footer", "even", "footer3.xml"),
    ] {
        let marker = format!("<w:{tag}Reference w:type=\"{kind}\" r:id=\"");
        let at = document.find(&marker).expect(&marker) + marker.len();
        let id = &document[at..at + document[at..].find('"').unwrap()];
        assert!(
            rels.contains(&format!("Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{tag}\" Target=\"{target}\"")),
            "{kind} {tag}: {id} in {rels}"
        );
    }
    assert!(
        document.contains("w:gutter=\"0\"/><w:titlePg/></w:sectPr>"),
        "the first page's own"
    );
    let settings = part(&bytes, "word/settings.xml");
    assert!(settings.contains(
        "<w:defaultTabStop w:val=\"708\"/><w:evenAndOddHeaders/><w:characterSpacingControl"
    ));
    let types = part(&bytes, "[Content_Types].xml");
    for name in ["header2.xml", "header3.xml", "footer2.xml"] {
        assert!(types.contains(&format!("/word/{name}\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.")), "{name}");
    }
    // Without these parts, the switches are not set.
    let (_dir, plain) = exported();
    assert!(!part(&plain, "word/document.xml").contains("titlePg"));
    assert!(!part(&plain, "word/settings.xml").contains("evenAndOdd"));
}
