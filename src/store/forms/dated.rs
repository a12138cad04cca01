//! When a filled form was written: the date its own program stamped in it (Word and Excel
//! in `docProps/core.xml`, LibreOffice in `meta.xml`), the day it was saved on the
//! sender's computer, taken as the day the remark was received when no date is given.

use chrono::{DateTime, Local, NaiveDate};
use quick_xml::Reader;
use quick_xml::events::Event;

/// The day the document at `bytes` (a docx, xlsx or ods) was last saved, when it says and
/// it is not `ours` (the stamp copil itself writes in a form, which says nothing of when a
/// member filled it).
pub fn saved_on(bytes: &[u8], ours: &str) -> Option<NaiveDate> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    // Office: dcterms:modified, else dcterms:created; OpenDocument: dc:date, else
    // meta:creation-date.
    for (part, tags) in [
        ("docProps/core.xml", ["modified", "created"]),
        ("meta.xml", ["date", "creation-date"]),
    ] {
        let Ok(entry) = zip.by_name(part) else {
            continue;
        };
        let text = crate::store::unpack_text(entry).ok()?;
        let stamp = tags.iter().find_map(|tag| element(&text, tag));
        if let Some(day) = stamp.filter(|s| s != ours).and_then(day) {
            return Some(day);
        }
    }
    None
}

/// The text of the first element named `local` (any prefix).
fn element(xml: &str, local: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => inside = e.local_name().as_ref() == local,
            Event::Text(t) if inside => return Some(t.xml10_content().trim().to_owned()),
            Event::End(_) => inside = false,
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// "2024-02-25T09:12:00Z" as a day of this computer's calendar; a stamp without a zone as
/// written.
fn day(stamp: String) -> Option<NaiveDate> {
    if let Ok(at) = DateTime::parse_from_rfc3339(&stamp) {
        return Some(at.with_timezone(&Local).date_naive());
    }
    NaiveDate::parse_from_str(stamp.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zipped(part: &str, xml: &str) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        out.start_file(part, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(xml.as_bytes()).unwrap();
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn the_date_a_word_or_calc_file_was_saved_is_read() {
        let core = r#"<cp:coreProperties xmlns:cp="x" xmlns:dcterms="y"><dcterms:created>2024-02-20T08:00:00</dcterms:created><dcterms:modified>2024-02-25T11:30:00</dcterms:modified></cp:coreProperties>"#;
        let day = NaiveDate::from_ymd_opt(2024, 2, 25);
        assert_eq!(saved_on(&zipped("docProps/core.xml", core), ""), day);
        assert_eq!(
            saved_on(&zipped("docProps/core.xml", core), "2024-02-25T11:30:00"),
            None,
            "copil's own stamp says nothing"
        );
        let meta = r#"<office:document-meta><office:meta><dc:date>2024-02-25T11:30:00.123</dc:date></office:meta></office:document-meta>"#;
        assert_eq!(saved_on(&zipped("meta.xml", meta), ""), day);
        assert_eq!(saved_on(b"N;Remarques\n", ""), None);
        let empty =
            r#"<cp:coreProperties><dcterms:modified></dcterms:modified></cp:coreProperties>"#;
        assert_eq!(saved_on(&zipped("docProps/core.xml", empty), ""), None);
    }
}
