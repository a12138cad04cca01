//! The parts of the Word package around the body: styles, numbering, settings, header and
//! footer, document properties, content types and relationships.

use std::fmt::Write;

use super::xml::{Para, esc};
use crate::model::Language;
use crate::record::Record;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The numbering instance of bullets (• then o).
pub const BULLETS: u32 = 1;
/// The abstract numbering of numbered lists; each list is an instance of its own.
const DECIMAL: u32 = 2;

/// The record's language as Word names it.
pub fn lang(language: Language) -> &'static str {
    match language {
        Language::Fr => "fr-FR",
        Language::En => "en-GB",
    }
}

/// `styles.xml`: the defaults (Calibri 11, the record's language, Arabic for right-to-left
/// text) and named styles, so that the navigation pane works and a template can restyle.
pub fn styles(language: Language) -> String {
    let mut out = format!("{DECL}<w:styles xmlns:w=\"{W}\">");
    let _ = write!(
        out,
        "<w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>\
         <w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>\
         <w:lang w:val=\"{}\" w:eastAsia=\"{}\" w:bidi=\"ar-MA\"/>\
         </w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after=\"60\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>",
        lang(language),
        lang(language)
    );
    out.push_str(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
    );
    for (id, name, outline, p, r) in PARAGRAPH_STYLES {
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr>{p}{}</w:pPr><w:rPr>{r}</w:rPr></w:style>",
            outline
                .map(|l| format!("<w:outlineLvl w:val=\"{l}\"/>"))
                .unwrap_or_default()
        );
    }
    out.push_str(
        "<w:style w:type=\"table\" w:styleId=\"CopilTable\"><w:name w:val=\"Copil Table\"/>\
         <w:basedOn w:val=\"TableNormal\"/><w:pPr><w:spacing w:after=\"40\"/></w:pPr>\
         <w:tblPr><w:tblBorders>",
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
        );
    }
    out.push_str(
        "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
         <w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr>\
         <w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/></w:tcPr></w:tblStylePr></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
         <w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         </w:styles>",
    );
    out
}

/// Paragraph styles: id, name, outline level, paragraph and run properties (in schema order).
const PARAGRAPH_STYLES: [(&str, &str, Option<u8>, &str, &str); 9] = [
    (
        "Title",
        "Title",
        None,
        "<w:keepNext/><w:spacing w:after=\"60\"/><w:jc w:val=\"center\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
    ),
    (
        "Subtitle",
        "Subtitle",
        None,
        "<w:keepNext/><w:spacing w:after=\"360\"/><w:jc w:val=\"center\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>",
    ),
    (
        "Heading1",
        "heading 1",
        Some(0),
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
    ),
    (
        "Heading2",
        "heading 2",
        Some(1),
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"60\"/>",
        "<w:b/><w:bCs/><w:u w:val=\"single\"/>",
    ),
    (
        "Label",
        "Label",
        None,
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/>",
        "<w:b/><w:bCs/>",
    ),
    (
        "ListBullet",
        "List Bullet",
        None,
        "<w:numPr><w:numId w:val=\"1\"/></w:numPr>",
        "",
    ),
    ("ListNumber", "List Number", None, "", ""),
    (
        "Header",
        "header",
        None,
        "<w:jc w:val=\"right\"/>",
        "<w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ),
    (
        "Footer",
        "footer",
        None,
        "<w:jc w:val=\"center\"/>",
        "<w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ),
];

/// `numbering.xml`: bullets (• and o) and numbered lists (1. and a.), then one instance
/// per numbered list so that each starts at its own first number.
pub fn numbering(lists: &[u32]) -> String {
    let mut out = format!("{DECL}<w:numbering xmlns:w=\"{W}\">");
    let level = |out: &mut String, ilvl: u8, fmt: &str, text: &str, font: Option<&str>| {
        let left = 360 + 360 * i32::from(ilvl);
        let _ = write!(
            out,
            "<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>\
             <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
             <w:pPr><w:ind w:left=\"{left}\" w:hanging=\"360\"/></w:pPr>"
        );
        if let Some(font) = font {
            let _ = write!(
                out,
                "<w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\"/></w:rPr>"
            );
        }
        out.push_str("</w:lvl>");
    };
    let _ = write!(
        out,
        "<w:abstractNum w:abstractNumId=\"{BULLETS}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
    );
    level(&mut out, 0, "bullet", "•", Some("Calibri"));
    level(&mut out, 1, "bullet", "o", Some("Courier New"));
    out.push_str("</w:abstractNum>");
    let _ = write!(
        out,
        "<w:abstractNum w:abstractNumId=\"{DECIMAL}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
    );
    level(&mut out, 0, "decimal", "%1.", None);
    level(&mut out, 1, "decimal", "%2.", None);
    out.push_str("</w:abstractNum>");
    let _ = write!(
        out,
        "<w:num w:numId=\"{BULLETS}\"><w:abstractNumId w:val=\"{BULLETS}\"/></w:num>"
    );
    for (i, start) in lists.iter().enumerate() {
        let id = first_list_id() + i as u32;
        let _ = write!(
            out,
            "<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{DECIMAL}\"/>"
        );
        for ilvl in 0..2 {
            let _ = write!(
                out,
                "<w:lvlOverride w:ilvl=\"{ilvl}\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride>"
            );
        }
        out.push_str("</w:num>");
    }
    out.push_str("</w:numbering>");
    out
}

/// The numbering id of the first numbered list.
pub const fn first_list_id() -> u32 {
    BULLETS + 1
}

/// Word 2013 and later's own layout, so that Word does not open the record in
/// compatibility mode.
const COMPAT: &str = "<w:compat><w:compatSetting w:name=\"compatibilityMode\" \
     w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>\
     <w:compatSetting w:name=\"overrideTableStyleFontSizeAndJustification\" \
     w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"1\"/>\
     <w:compatSetting w:name=\"enableOpenTypeFeatures\" \
     w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"1\"/>\
     <w:compatSetting w:name=\"doNotFlipMirrorIndents\" \
     w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"1\"/></w:compat>";

/// `protected`: the document is protected for filling in forms (the remarks form).
pub fn settings(language: Language, protected: bool, even_and_odd: bool) -> String {
    let protection = match protected {
        true => "<w:documentProtection w:edit=\"forms\" w:enforcement=\"1\"/>",
        false => "",
    };
    let even = if even_and_odd {
        "<w:evenAndOddHeaders/>"
    } else {
        ""
    };
    format!(
        "{DECL}<w:settings xmlns:w=\"{W}\">{protection}<w:defaultTabStop w:val=\"708\"/>{even}\
         <w:characterSpacingControl w:val=\"doNotCompress\"/>{COMPAT}\
         <w:themeFontLang w:val=\"{}\" w:bidi=\"ar-MA\"/></w:settings>",
        lang(language)
    )
}

/// The header (committee and meeting date) and footer ("Page X / Y") of every page.
pub fn header(record: &Record) -> String {
    let mut out = format!("{DECL}<w:hdr xmlns:w=\"{W}\">");
    let text = if record.date.is_empty() {
        record.title.clone()
    } else {
        format!("{} — {}", record.title, record.date)
    };
    Para::styled("Header", &text).write(&mut out);
    out.push_str("</w:hdr>");
    out
}

pub fn footer(record: &Record) -> String {
    let (page, of) = (record.labels.page, record.labels.page_of);
    let field = |name: &str| {
        format!("<w:fldSimple w:instr=\" {name} \"><w:r><w:t>1</w:t></w:r></w:fldSimple>")
    };
    format!(
        "{DECL}<w:ftr xmlns:w=\"{W}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">{page} </w:t></w:r>{}\
         <w:r><w:t xml:space=\"preserve\"> {of} </w:t></w:r>{}</w:p></w:ftr>",
        field("PAGE"),
        field("NUMPAGES")
    )
}

/// Who wrote the document and when, for `docProps/core.xml` and `app.xml`.
#[derive(Clone, Debug, Default)]
pub struct Properties {
    pub author: String,
    pub organisation: String,
    /// W3CDTF, UTC: "2026-11-22T10:00:00Z".
    pub written_at: Option<String>,
}

pub fn core(record: &Record, props: &Properties) -> String {
    let mut out = format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject>",
        esc(&record.title),
        esc(&record.kind)
    );
    if !props.author.is_empty() {
        let _ = write!(
            out,
            "<dc:creator>{0}</dc:creator><cp:lastModifiedBy>{0}</cp:lastModifiedBy>",
            esc(&props.author)
        );
    }
    let _ = write!(out, "<dc:language>{}</dc:language>", lang(record.language));
    if let Some(at) = &props.written_at {
        let _ = write!(
            out,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:modified>"
        );
    }
    out.push_str("</cp:coreProperties>");
    out
}

pub fn app(props: &Properties) -> String {
    let mut out = format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>copil</Application>"
    );
    if !props.organisation.is_empty() {
        let _ = write!(out, "<Company>{}</Company>", esc(&props.organisation));
    }
    out.push_str("</Properties>");
    out
}

/// `[Content_Types].xml` for the package's `files`: the parts copil writes, and the
/// images and theme a house template brings.
pub fn content_types(files: &[&str]) -> String {
    let mut out = format!(
        "{DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    let mut extensions: Vec<&str> = Vec::new();
    for file in files {
        let media = file.starts_with("word/media/");
        if let Some((_, ext)) = file.rsplit_once('.').filter(|_| media)
            && !extensions.contains(&ext)
        {
            extensions.push(ext);
            let kind = match ext.to_ascii_lowercase().as_str() {
                "png" => "image/png",
                "jpg" | "jpeg" => "image/jpeg",
                "gif" => "image/gif",
                "emf" => "image/x-emf",
                "wmf" => "image/x-wmf",
                "svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            let _ = write!(
                out,
                "<Default Extension=\"{}\" ContentType=\"{kind}\"/>",
                esc(ext)
            );
        }
        let part = match *file {
            "word/document.xml" => "wordprocessingml.document.main+xml",
            "word/styles.xml" => "wordprocessingml.styles+xml",
            "word/numbering.xml" => "wordprocessingml.numbering+xml",
            "word/settings.xml" => "wordprocessingml.settings+xml",
            f if f.starts_with("word/header") => "wordprocessingml.header+xml",
            f if f.starts_with("word/footer") => "wordprocessingml.footer+xml",
            "word/theme/theme1.xml" => "theme+xml",
            "docProps/app.xml" => "extended-properties+xml",
            _ => "",
        };
        if !part.is_empty() {
            let _ = write!(
                out,
                "<Override PartName=\"/{file}\" ContentType=\"application/vnd.openxmlformats-officedocument.{part}\"/>"
            );
        }
    }
    out.push_str(
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>",
    );
    out
}

pub const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

/// `word/_rels/document.xml.rels`: styles, numbering, settings, the theme when a template
/// brings one, and the headers and footers (`references`: part, kind, file); with the
/// section's references to them.
pub fn document_rels(theme: bool, references: &[(&str, &str, String)]) -> (String, String) {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut out = format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    let mut parts = vec![
        ("styles", "styles.xml"),
        ("numbering", "numbering.xml"),
        ("settings", "settings.xml"),
    ];
    if theme {
        parts.push(("theme", "theme/theme1.xml"));
    }
    let mut section = String::new();
    let first = parts.len() + 1;
    for (i, (part, kind, target)) in references.iter().enumerate() {
        parts.push((part, target));
        let _ = write!(
            section,
            "<w:{part}Reference w:type=\"{kind}\" r:id=\"rId{}\"/>",
            first + i
        );
    }
    for (i, (kind, target)) in parts.into_iter().enumerate() {
        let _ = write!(
            out,
            "<Relationship Id=\"rId{}\" Type=\"{rel}/{kind}\" Target=\"{target}\"/>",
            i + 1
        );
    }
    out.push_str("</Relationships>");
    (out, section)
}
