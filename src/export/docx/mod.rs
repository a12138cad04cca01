//! The record as a Word document, written as WordprocessingML by copil itself so that every
//! element stands where the ECMA-376 schema puts it: A4 portrait, a header (committee and
//! date) and a footer ("Page X / Y") on every page, named styles (Title, Heading 1 and 2,
//! List Bullet, List Number, a table style) that the navigation pane and a house template
//! use, keep-with-next on headings, the record's language, Arabic paragraphs right to
//! left, real Word numbering, document properties, and a table whose header row repeats.
//! With a house template (`template.rs`), its styles, page, header, footer and theme.

mod body;
mod parts;
pub mod template;
mod xml;

use std::io::Write;

pub use parts::Properties;
pub use template::Template;
#[cfg(feature = "pdf")]
pub(crate) use xml::first_strong_is_rtl;

use crate::record::Record;

/// The Word file's bytes.
pub fn render(record: &Record, props: &Properties, template: Option<&Template>) -> Vec<u8> {
    let mut body = body::Body::new(record, record.split_rows);
    if let Some(width) = template.and_then(|t| t.text_width) {
        body.fit(width);
    }
    body.front();
    body.sections();
    body.decisions();
    body.tail();
    package(record, &body, props, (template, None))
}

/// The remarks form as a Word file: the record's title, the instructions, an
/// "Organisation" field, and the table with an empty, wide "Remarques" column.
pub fn form(form: &crate::record::form::Form, props: &Properties) -> Vec<u8> {
    let mut body = body::Body::new(&form.record, true);
    body.form(form);
    let (w, h) = body::A4;
    let m = body::MARGIN;
    // Landscape, and protected for filling in: only the organisation and the remarks,
    // content controls, can be written in.
    let landscape = format!(
        "<w:pgSz w:w=\"{h}\" w:h=\"{w}\" w:orient=\"landscape\"/>\
         <w:pgMar w:top=\"{m}\" w:right=\"{m}\" w:bottom=\"{m}\" w:left=\"{m}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
    );
    package(&form.record, &body, props, (None, Some(landscape)))
}

/// The package around a body: styles, numbering, header, footer, properties.
fn package(
    record: &Record,
    body: &body::Body,
    props: &Properties,
    (template, form_page): (Option<&Template>, Option<String>),
) -> Vec<u8> {
    let protected = form_page.is_some();
    let page = form_page.or_else(|| template.and_then(|t| t.page.clone()));
    let restyle = |xml: String| template.map_or_else(|| xml.clone(), |t| t.restyle(&xml));
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, text: String| files.push((name.to_owned(), text.into_bytes()));
    add("_rels/.rels", parts::PACKAGE_RELS.to_owned());
    add("docProps/core.xml", parts::core(record, props));
    add("docProps/app.xml", parts::app(props));
    add("word/numbering.xml", parts::numbering(&body.lists));
    let styles = template.map_or_else(|| parts::styles(record.language), |t| t.styles.clone());
    add("word/styles.xml", styles);
    // The header and footer parts: the template's of each kind, else copil's own default.
    // Even pages without their own take the default's (Word would leave them blank, and
    // half the pages without their number).
    let even_and_odd = template.is_some_and(|t| t.even_and_odd);
    let mut references = Vec::new();
    let own = [parts::header(record), parts::footer(record)];
    for ((part, ours), theirs) in ["header", "footer"]
        .into_iter()
        .zip(own)
        .zip([template.map(|t| &t.headers), template.map(|t| &t.footers)])
    {
        for (i, kind) in template::KINDS.into_iter().enumerate() {
            let name = format!("{part}{}.xml", i + 1);
            let own = theirs.and_then(|t| t[i].as_ref());
            let even = i == 2 && even_and_odd;
            match own.or_else(|| theirs.and_then(|t| t[0].as_ref()).filter(|_| even)) {
                Some(their) => {
                    add(&format!("word/{name}"), their.xml.clone());
                    if let Some(rels) = &their.rels {
                        add(&format!("word/_rels/{name}.rels"), rels.clone());
                    }
                }
                None if i == 0 || even => add(&format!("word/{name}"), restyle(ours.clone())),
                None => continue,
            }
            references.push((part, kind, name));
        }
    }
    add(
        "word/settings.xml",
        parts::settings(record.language, protected, even_and_odd),
    );
    let theme = template.and_then(|t| t.theme.clone());
    let (rels, section) = parts::document_rels(theme.is_some(), &references);
    add("word/_rels/document.xml.rels", rels);
    let title_page = template.is_some_and(|t| t.title_page);
    add(
        "word/document.xml",
        restyle(document(&body.xml, &section, page.as_deref(), title_page)),
    );
    if let Some(theme) = theme {
        add("word/theme/theme1.xml", theme);
    }
    for (name, bytes) in template.map_or(&[][..], |t| &t.media[..]) {
        files.push((name.clone(), bytes.clone()));
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let types = parts::content_types(&names);
    files.insert(0, ("[Content_Types].xml".to_owned(), types.into_bytes()));
    zip(&files)
}

fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options)
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .expect("writing into memory cannot fail");
    }
    zip.finish()
        .expect("writing into memory cannot fail")
        .into_inner()
}

/// `document.xml`: the body, then the section: its header and footer references
/// (`references`), A4 and 2 cm margins or the template's page, and `<w:titlePg/>` when the
/// first page has its own header.
fn document(body: &str, references: &str, page: Option<&str>, title_page: bool) -> String {
    let (w, h) = body::A4;
    let m = body::MARGIN;
    let own = format!(
        "<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>\
         <w:pgMar w:top=\"{m}\" w:right=\"{m}\" w:bottom=\"{m}\" w:left=\"{m}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
    );
    let title_page = if title_page { "<w:titlePg/>" } else { "" };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>{body}\
         <w:sectPr>{references}{}{title_page}</w:sectPr></w:body></w:document>",
        parts::W,
        parts::R,
        page.unwrap_or(&own)
    )
}
