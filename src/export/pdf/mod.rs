//! The record as an archival PDF (PDF/A-2b), typeset by copil itself with typst: the same
//! record view as every other format, the fonts it ships (Noto Sans, Noto Naskh Arabic)
//! embedded, A4 pages with the running header and "Page X / Y", the table's header
//! repeated and its long rows cut as the Word file's. No office suite or browser.

mod join;
mod values;
mod world;

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;

use crate::record::{Record, Section};

/// Why a PDF could not be written: typst's own words.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Error(String);

/// The PDF of `record`, dated as its other documents (the meeting's day, or
/// SOURCE_DATE_EPOCH): the same record gives the same bytes. A table of a thousand rows or
/// more is laid out in runs, side by side on the machine's cores (`join`).
pub fn render(record: &Record) -> Result<Vec<u8>, Error> {
    let cut = cut_table(record).is_some();
    if cut && let Some((document, laid)) = in_runs(record, join::runs)? {
        let bytes = write(record, &document, false);
        free((document, laid));
        return bytes;
    }
    // Untagged as well when the runs could not be joined: tagged or not by the rows alone.
    typeset(record, values::record(record, paper(record), |_| 1), !cut)
}

/// The rows of the longest table of `record` when it is laid out in runs: its PDF is then
/// written without accessibility tags (the runs' tags cannot be joined).
pub fn cut_table(record: &Record) -> Option<usize> {
    let rows = record.sections.iter().filter_map(|s| match s {
        Section::Table(rows) => Some(rows.len()),
        Section::Point { .. } => None,
    });
    rows.max().filter(|&rows| join::runs(rows) > 1)
}

/// What typst laid out to join a record's runs, let go of once its PDF is written: freed
/// meanwhile, the gigabytes' every block would take the allocator's locks from the writer.
type Laid = Box<dyn Send>;

/// `record` laid out with each table cut into `runs(rows)` runs, joined and numbered, with
/// what was laid out to join them; `None` when the runs' pages cannot be joined.
fn in_runs(
    record: &Record,
    runs: impl Fn(usize) -> usize,
) -> Result<Option<(PagedDocument, Laid)>, Error> {
    let values = values::record(record, paper(record), runs);
    let documents = compile_chunks(&values)?;
    let Some(parts) = join::join(&documents) else {
        tracing::info!("the PDF's runs have no page to join at: laid out in one");
        free(documents);
        return Ok(None);
    };
    let bridges: Vec<_> = (parts.iter())
        .filter_map(|part| match *part {
            join::Part::Bridge(from, to) => Some((from, to)),
            join::Part::Page(_) => None,
        })
        .collect();
    let bridged = match bridges.is_empty() {
        true => None,
        false => Some(compile(values::bridges(values.clone(), &bridges))?),
    };
    // A bridge holds what one page of a run held: one page, unless typst disagrees.
    if bridged
        .as_ref()
        .is_some_and(|b| b.pages().len() != bridges.len())
    {
        tracing::warn!("a page joining the PDF's runs took more than a page: laid out in one");
        free(documents);
        return Ok(None);
    }
    let footers = compile(values::footers(values, parts.len()))?;
    let joined = join::assemble(&documents, &parts, bridged.as_ref(), &footers);
    Ok(Some((joined, Box::new((documents, bridged, footers)))))
}

/// The record `values` typeset as its documents ([`values::chunks`]), each on a thread of
/// its own: typst then reads the template, builds and lays out every run side by side,
/// where one document would read and build them one after the other. The same pages as one
/// document holding every run.
fn compile_chunks(values: &typst::foundations::Value) -> Result<Vec<PagedDocument>, Error> {
    compile_chunks_emptying(values, MEMO_EMPTIED_EVERY)
}

/// How often typst's memo is emptied of what no layout asked for lately, while the runs
/// are laid out, and how many such times an entry may go unasked.
const MEMO_EMPTIED_EVERY: std::time::Duration = std::time::Duration::from_millis(200);
const MEMO_KEPT_UNASKED: usize = 5;

/// [`compile_chunks`], typst's memo emptied every `every` meanwhile. Typst keeps every
/// layout it made until the document is written, most of them never asked for again (a
/// cell measured where it did not fit, a paragraph already placed): at 10,000 commitments
/// half the memory. A layout asked for again after it went is made again, the same: the
/// pages do not depend on when the memo is emptied, only the memory does.
fn compile_chunks_emptying(
    values: &typst::foundations::Value,
    every: std::time::Duration,
) -> Result<Vec<PagedDocument>, Error> {
    let chunks = values::chunks(values);
    if chunks == 1 {
        return Ok(vec![compile(values.clone())?]);
    }
    let (laid_out, stop) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let emptier = std::thread::Builder::new().name("copil-pdf-memo".into());
        // No thread to spare: the memo is emptied once the PDF is written, as before.
        let _ = emptier.spawn_scoped(scope, move || {
            use std::sync::mpsc::RecvTimeoutError::Timeout;
            while let Err(Timeout) = stop.recv_timeout(every) {
                typst::comemo::evict(MEMO_KEPT_UNASKED);
            }
        });
        let documents = compile_runs(scope, values, chunks);
        drop(laid_out);
        documents
    })
}

/// The `chunks` documents of `values`, each laid out on a thread of its own in `scope`.
fn compile_runs<'s>(
    scope: &'s std::thread::Scope<'s, '_>,
    values: &'s typst::foundations::Value,
    chunks: usize,
) -> Result<Vec<PagedDocument>, Error> {
    let chunk = |c| values::chunk(values.clone(), c);
    let started: Vec<_> = (0..chunks)
        .map(|c| {
            let builder = std::thread::Builder::new().name(format!("copil-pdf-{c}"));
            let values = chunk(c);
            builder
                .spawn_scoped(scope, move || compile(values))
                .map_err(|_| c)
        })
        .collect();
    let stopped = || Error("typst stopped while laying out a part of the record".into());
    (started.into_iter())
        .map(|s| match s {
            Ok(thread) => thread.join().unwrap_or_else(|_| Err(stopped())),
            // No thread to spare: that document is laid out here, when its turn comes.
            Err(c) => compile(chunk(c)),
        })
        .collect()
}

/// The remarks form as a PDF to print and fill in by hand: landscape, the remarks column
/// a third of the page.
pub fn form(form: &crate::record::form::Form) -> Result<Vec<u8>, Error> {
    typeset(&form.record, values::form(form, paper(&form.record)), true)
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
fn typeset(
    record: &Record,
    values: typst::foundations::Value,
    tagged: bool,
) -> Result<Vec<u8>, Error> {
    let document = compile(values)?;
    let bytes = write(record, &document, tagged);
    free(document);
    bytes
}

fn compile(values: typst::foundations::Value) -> Result<PagedDocument, Error> {
    let world = world::Copil::new(values);
    typst::compile(&world).output.map_err(|errors| {
        free(());
        let said: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        Error(said.join("; "))
    })
}

/// `document` as PDF/A-2b (or a plain PDF when a letter has no font), dated as `record`.
fn write(record: &Record, document: &PagedDocument, tagged: bool) -> Result<Vec<u8>, Error> {
    use chrono::{Datelike, Timelike};
    let at = crate::clock::document_time(record.held_on);
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
            tagged,
            ..typst_pdf::PdfOptions::default()
        })
    };
    let said = |errors: typst::ecow::EcoVec<typst::diag::SourceDiagnostic>| {
        let said: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        Error(said.join("; "))
    };
    match typst_pdf::pdf(document, &options(&[typst_pdf::PdfStandard::A_2b])?) {
        Ok(bytes) => Ok(bytes),
        // A letter no shipped font has (a flag, an emoji): PDF/A forbids the blank it
        // leaves, so the document is written as a plain PDF, every word of it kept.
        Err(errors)
            if errors
                .iter()
                .all(|e| e.message.contains("could not be displayed")) =>
        {
            tracing::warn!("PDF written without PDF/A: {}", said(errors));
            typst_pdf::pdf(document, &options(&[])?).map_err(said)
        }
        Err(errors) => Err(said(errors)),
    }
}

/// Lets go of what typst laid out: `laid` and typst's memo of layouts, which it keeps for a
/// next compilation (copil compiles each record once; exports during a meeting must not add
/// up), and gives the memory back to the system. Gigabytes for a long record, given back on
/// a thread of their own: the PDF is written without waiting for it.
fn free<T: Send + 'static>(laid: T) {
    let forget = || {
        typst::comemo::evict(0);
        crate::platform::give_back_memory();
    };
    let freed = std::thread::Builder::new()
        .name("copil-free".into())
        .spawn(move || {
            drop(laid);
            forget();
        });
    // No thread to spare: `laid` went with the closure that could not start.
    if freed.is_err() {
        forget();
    }
}

#[cfg(test)]
mod tests;
