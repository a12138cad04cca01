//! The record as an archival PDF (PDF/A-2b), typeset by copil itself with typst: the same
//! record view as every other format, the fonts it ships (Noto Sans, Noto Naskh Arabic)
//! embedded, A4 pages with the running header and "Page X / Y", the table's header
//! repeated and its long rows cut as the Word file's. No office suite or browser.

mod values;
mod world;

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;

use crate::record::Record;

/// Why a PDF could not be written: typst's own words.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Error(String);

/// The PDF of `record`, dated as its other documents (the meeting's day, or
/// SOURCE_DATE_EPOCH): the same record gives the same bytes.
pub fn render(record: &Record) -> Result<Vec<u8>, Error> {
    typeset(record, values::record(record, paper(record)))
}

/// The remarks form as a PDF to print and fill in by hand: landscape, the remarks column
/// a third of the page.
pub fn form(form: &crate::record::form::Form) -> Result<Vec<u8>, Error> {
    typeset(&form.record, values::form(form, paper(&form.record)))
}

/// The letters of `record` no font copil ships has: the PDF is then not PDF/A (its rule
/// is that every letter shows), and the secretary is told which.
pub fn missing_letters(record: &Record) -> Vec<char> {
    world::missing(&crate::export::md::render(record))
}

fn paper(record: &Record) -> &'static str {
    match record.paper {
        crate::record::Paper::A4 => "a4",
        crate::record::Paper::Letter => "us-letter",
    }
}

/// `values` laid out by the template and written as PDF/A-2b, dated as `record`.
fn typeset(record: &Record, values: typst::foundations::Value) -> Result<Vec<u8>, Error> {
    use chrono::{Datelike, Timelike};
    let at = crate::clock::document_time(record.held_on);
    let world = world::Copil::new(values);
    // typst keeps what it laid out for the next compilation; copil compiles each record
    // once: forget it all when done, so that exports during a meeting do not add up.
    let _forget = Forget;
    let document: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        let said: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        Error(said.join("; "))
    })?;
    let date = Datetime::from_ymd_hms(
        at.year(),
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    );
    let options = |standards: &[typst_pdf::PdfStandard]| -> Result<_, Error> {
        let standards =
            typst_pdf::PdfStandards::new(standards).map_err(|e| Error(e.message().to_string()))?;
        Ok(typst_pdf::PdfOptions {
            ident: Smart::Custom(format!("copil {} {}", record.title, record.date)),
            creator: Smart::Custom(Some(format!("copil {}", env!("CARGO_PKG_VERSION")))),
            timestamp: date.map(typst_pdf::Timestamp::new_utc),
            standards,
            ..typst_pdf::PdfOptions::default()
        })
    };
    let said = |errors: typst::ecow::EcoVec<typst::diag::SourceDiagnostic>| {
        let said: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        Error(said.join("; "))
    };
    match typst_pdf::pdf(&document, &options(&[typst_pdf::PdfStandard::A_2b])?) {
        Ok(bytes) => Ok(bytes),
        // A letter no shipped font has (a flag, an emoji): PDF/A forbids the blank it
        // leaves, so the document is written as a plain PDF, every word of it kept.
        Err(errors)
            if errors
                .iter()
                .all(|e| e.message.contains("could not be displayed")) =>
        {
            tracing::warn!("PDF written without PDF/A: {}", said(errors));
            typst_pdf::pdf(&document, &options(&[])?).map_err(said)
        }
        Err(errors) => Err(said(errors)),
    }
}

/// Empties typst's memo of layouts when dropped, however the export ends.
struct Forget;

impl Drop for Forget {
    fn drop(&mut self) {
        typst::comemo::evict(0);
    }
}
