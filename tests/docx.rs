//! The Word file, unzipped: header and footer with page fields, named styles, keep-with-next,
//! language, right-to-left Arabic, document properties, numbering, and every element's
//! children in the order the ECMA-376 schema (wml.xsd) requires.

use std::io::Read;
use std::path::Path;

use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::record::Record;
use copil::store;

fn record() -> Record {
    let mut config = Config::builtin();
    config.export.author = "Secrétariat du COPIL".into();
    config.export.organisation = "MTNRA".into();
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    Record::build(&meeting, &config.marks, &config.export)
}

fn docx() -> Vec<u8> {
    export::render_at(
        &record(),
        Format::Docx,
        TextLayout::default(),
        Some("2026-11-22T10:30:00Z".into()),
    )
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut xml = String::new();
    file.read_to_string(&mut xml).unwrap();
    xml
}

const PARTS: [&str; 7] = [
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/header1.xml",
    "word/footer1.xml",
    "docProps/core.xml",
];

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
    assert!(header.contains("Réunion du comité de pilotage — Jeudi 22 février 2024 à 11h"));
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
    assert!(styles.contains("w:styleId=\"CopilTable\""));
    assert_eq!(
        document.matches("<w:tblHeader/>").count(),
        1,
        "the header row repeats"
    );
    assert_eq!(
        document.matches("<w:cantSplit/>").count(),
        1,
        "only the header row is kept whole: the others may cross pages"
    );
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

/// The children each element may have, in the order wml.xsd gives them; names in one group
/// may come in any order among themselves (a choice).
const SEQUENCES: &[(&str, &[&[&str]])] = &[
    ("document", &[&["body"]]),
    ("body", &[&["p", "tbl"], &["sectPr"]]),
    ("hdr", &[&["p", "tbl"]]),
    ("ftr", &[&["p", "tbl"]]),
    ("p", &[&["pPr"], &["r", "fldSimple", "hyperlink"]]),
    ("fldSimple", &[&["r"]]),
    (
        "pPr",
        &[
            &["pStyle"],
            &["keepNext"],
            &["keepLines"],
            &["pageBreakBefore"],
            &["widowControl"],
            &["numPr"],
            &["pBdr"],
            &["shd"],
            &["tabs"],
            &["bidi"],
            &["spacing"],
            &["ind"],
            &["jc"],
            &["outlineLvl"],
            &["rPr"],
            &["sectPr"],
        ],
    ),
    ("numPr", &[&["ilvl"], &["numId"]]),
    ("r", &[&["rPr"], &["t", "br", "tab"]]),
    (
        "rPr",
        &[
            &["rStyle"],
            &["rFonts"],
            &["b"],
            &["bCs"],
            &["i"],
            &["iCs"],
            &["caps"],
            &["strike"],
            &["color"],
            &["spacing"],
            &["sz"],
            &["szCs"],
            &["highlight"],
            &["u"],
            &["shd"],
            &["vertAlign"],
            &["rtl"],
            &["cs"],
            &["lang"],
        ],
    ),
    ("tbl", &[&["tblPr"], &["tblGrid"], &["tr"]]),
    (
        "tblPr",
        &[
            &["tblStyle"],
            &["bidiVisual"],
            &["tblW"],
            &["jc"],
            &["tblInd"],
            &["tblBorders"],
            &["shd"],
            &["tblLayout"],
            &["tblCellMar"],
            &["tblLook"],
        ],
    ),
    ("tblGrid", &[&["gridCol"]]),
    ("tr", &[&["trPr"], &["tc"]]),
    (
        "trPr",
        &[&["cantSplit", "trHeight", "tblHeader", "jc", "hidden"]],
    ),
    ("tc", &[&["tcPr"], &["p", "tbl"]]),
    (
        "tcPr",
        &[
            &["tcW"],
            &["gridSpan"],
            &["vMerge"],
            &["tcBorders"],
            &["shd"],
            &["noWrap"],
            &["tcMar"],
            &["vAlign"],
        ],
    ),
    (
        "tblBorders",
        &[
            &["top"],
            &["left", "start"],
            &["bottom"],
            &["right", "end"],
            &["insideH"],
            &["insideV"],
        ],
    ),
    (
        "tblCellMar",
        &[&["top"], &["left", "start"], &["bottom"], &["right", "end"]],
    ),
    (
        "sectPr",
        &[
            &["headerReference", "footerReference"],
            &["footnotePr"],
            &["type"],
            &["pgSz"],
            &["pgMar"],
            &["pgNumType"],
            &["cols"],
            &["titlePg"],
            &["docGrid"],
        ],
    ),
    ("styles", &[&["docDefaults"], &["latentStyles"], &["style"]]),
    ("docDefaults", &[&["rPrDefault"], &["pPrDefault"]]),
    ("rPrDefault", &[&["rPr"]]),
    ("pPrDefault", &[&["pPr"]]),
    (
        "style",
        &[
            &["name"],
            &["aliases"],
            &["basedOn"],
            &["next"],
            &["link"],
            &["uiPriority"],
            &["semiHidden"],
            &["unhideWhenUsed"],
            &["qFormat"],
            &["pPr"],
            &["rPr"],
            &["tblPr"],
            &["trPr"],
            &["tcPr"],
            &["tblStylePr"],
        ],
    ),
    (
        "tblStylePr",
        &[&["pPr"], &["rPr"], &["tblPr"], &["trPr"], &["tcPr"]],
    ),
    ("numbering", &[&["abstractNum"], &["num"]]),
    (
        "abstractNum",
        &[
            &["nsid"],
            &["multiLevelType"],
            &["tmpl"],
            &["name"],
            &["lvl"],
        ],
    ),
    (
        "lvl",
        &[
            &["start"],
            &["numFmt"],
            &["lvlRestart"],
            &["pStyle"],
            &["suff"],
            &["lvlText"],
            &["lvlJc"],
            &["pPr"],
            &["rPr"],
        ],
    ),
    ("num", &[&["abstractNumId"], &["lvlOverride"]]),
    ("lvlOverride", &[&["startOverride"], &["lvl"]]),
    (
        "settings",
        &[
            &["zoom"],
            &["defaultTabStop"],
            &["characterSpacingControl"],
            &["compat"],
            &["themeFontLang"],
        ],
    ),
];

/// Each element of `xml` with the local names of its child elements, in order.
fn children(xml: &str) -> Vec<(String, Vec<String>)> {
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').unwrap() + at;
        let tag = &rest[at + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let local = |t: &str| {
            let name = t.trim_start_matches('/').split([' ', '/']).next().unwrap();
            name.rsplit(':').next().unwrap().to_owned()
        };
        if tag.starts_with('/') {
            out.push(stack.pop().unwrap());
            continue;
        }
        let name = local(tag);
        if let Some((_, kids)) = stack.last_mut() {
            kids.push(name.clone());
        }
        if !tag.ends_with('/') {
            stack.push((name, Vec::new()));
        }
    }
    assert!(stack.is_empty(), "every element is closed");
    out
}

#[test]
fn every_element_has_its_children_in_schema_order() {
    let bytes = docx();
    let mut checked = 0;
    for name in PARTS.iter().filter(|n| n.starts_with("word/")) {
        let xml = part(&bytes, name);
        for (parent, kids) in children(&xml) {
            let Some((_, groups)) = SEQUENCES.iter().find(|(p, _)| *p == parent) else {
                let mut kinds = kids.clone();
                kinds.dedup();
                assert!(
                    kinds.len() <= 1 || ["t"].contains(&parent.as_str()),
                    "{name}: <{parent}> has children {kids:?} and no sequence to check them"
                );
                continue;
            };
            let rank = |kid: &str| {
                groups
                    .iter()
                    .position(|g| g.contains(&kid))
                    .unwrap_or_else(|| panic!("{name}: <{kid}> is not a child of <{parent}>"))
            };
            let ranks: Vec<usize> = kids.iter().map(|k| rank(k)).collect();
            assert!(
                ranks.windows(2).all(|w| w[0] <= w[1]),
                "{name}: <{parent}> has its children out of order: {kids:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} elements checked");
}

#[test]
fn the_order_check_finds_elements_out_of_order() {
    let wrong =
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"2\"/><w:ilvl w:val=\"0\"/></w:numPr></w:pPr></w:p>";
    let (_, kids) = children(wrong)
        .into_iter()
        .find(|(p, _)| p == "numPr")
        .unwrap();
    let groups = SEQUENCES.iter().find(|(p, _)| *p == "numPr").unwrap().1;
    let ranks: Vec<usize> = kids
        .iter()
        .map(|k| groups.iter().position(|g| g.contains(&k.as_str())).unwrap())
        .collect();
    assert_eq!(ranks, [1, 0], "numId before ilvl is caught");
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
    let bytes = export::render(&record, Format::Docx, TextLayout::default());
    let document = part(&bytes, "word/document.xml");
    assert_eq!(
        document.matches("<w:cantSplit/>").count(),
        document.matches("<w:tr>").count()
    );
    let html =
        String::from_utf8(export::render(&record, Format::Html, TextLayout::default())).unwrap();
    assert_eq!(html.matches("<tr class=\"whole\">").count(), 6);
}
