//! The record as a Word document, written as WordprocessingML by copil itself so that every
//! element stands where the ECMA-376 schema puts it: A4 portrait, a header (committee and
//! date) and a footer ("Page X / Y") on every page, named styles (Title, Heading 1 and 2,
//! List Bullet, List Number, a table style) that the navigation pane and a house template
//! use, keep-with-next on headings, the record's language, Arabic paragraphs right to
//! left, real Word numbering, document properties, and a table whose header row repeats.

mod body;
mod parts;
mod xml;

use std::io::Write;

pub use parts::Properties;

use crate::record::Record;

/// The Word file's bytes.
pub fn render(record: &Record, props: &Properties) -> Vec<u8> {
    let mut body = body::Body::new(record, record.split_rows);
    body.front();
    body.sections();
    body.decisions();
    let document = document(&body.xml);
    let files: [(&str, String); 10] = [
        ("[Content_Types].xml", parts::CONTENT_TYPES.to_owned()),
        ("_rels/.rels", parts::PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", parts::core(record, props)),
        ("docProps/app.xml", parts::app(props)),
        (
            "word/_rels/document.xml.rels",
            parts::DOCUMENT_RELS.to_owned(),
        ),
        ("word/document.xml", document),
        ("word/styles.xml", parts::styles(record.language)),
        ("word/numbering.xml", parts::numbering(&body.lists)),
        ("word/settings.xml", parts::settings(record.language)),
        ("word/header1.xml", parts::header(record)),
    ];
    let footer = ("word/footer1.xml", parts::footer(record));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files.iter().chain(std::iter::once(&footer)) {
        zip.start_file(*name, options)
            .and_then(|()| zip.write_all(text.as_bytes()).map_err(Into::into))
            .expect("writing into memory cannot fail");
    }
    zip.finish()
        .expect("writing into memory cannot fail")
        .into_inner()
}

/// `document.xml`: the body, then the section (A4, margins, header and footer).
fn document(body: &str) -> String {
    let (w, h) = body::A4;
    let m = body::MARGIN;
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>{body}\
         <w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>\
         <w:footerReference w:type=\"default\" r:id=\"rId5\"/>\
         <w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>\
         <w:pgMar w:top=\"{m}\" w:right=\"{m}\" w:bottom=\"{m}\" w:left=\"{m}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>",
        parts::W,
        parts::R
    )
}
