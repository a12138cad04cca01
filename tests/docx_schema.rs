//! Every element of the Word file copil writes has its children in the order the ECMA-376
//! schema (wml.xsd) requires: a table of the schema's sequences, checked over every part.

mod common;

use common::docx::{docx, form_docx, part};

const PARTS: [&str; 6] = [
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/header1.xml",
    "word/footer1.xml",
];

/// The children each element may have, in the order wml.xsd gives them; names in one group
/// may come in any order among themselves (a choice).
const SEQUENCES: &[(&str, &[&[&str]])] = &[
    ("document", &[&["body"]]),
    ("body", &[&["p", "tbl"], &["sectPr"]]),
    ("hdr", &[&["p", "tbl"]]),
    ("ftr", &[&["p", "tbl"]]),
    ("p", &[&["pPr"], &["r", "fldSimple", "hyperlink", "sdt"]]),
    ("sdt", &[&["sdtPr"], &["sdtContent"]]),
    (
        "sdtPr",
        &[&["alias", "showingPlcHdr", "dropDownList", "richText"]],
    ),
    ("dropDownList", &[&["listItem"]]),
    ("sdtContent", &[&["p", "tbl", "r"]]),
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
    ("tc", &[&["tcPr"], &["p", "tbl", "sdt"]]),
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
            &["documentProtection"],
            &["defaultTabStop"],
            &["evenAndOddHeaders"],
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
    for bytes in [docx(), form_docx()] {
        check_order(&bytes);
    }
}

fn check_order(bytes: &[u8]) {
    let mut checked = 0;
    for name in &PARTS {
        let xml = part(bytes, name);
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
    assert!(checked > 100, "{checked} elements checked");
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
