//! A long table laid out in runs and joined: every piece once, in order, the pages
//! numbered after the join; runs whose pages never meet joined by a page laid out apart.

use std::sync::Arc;

use typst::layout::{Frame, FrameItem};

use super::join::{self, Part};
use super::*;
use crate::config::Config;
use crate::model::{Meeting, Observation};

fn record(meeting: &Meeting) -> Record {
    let config = Config::builtin();
    Record::build(meeting, &config.marks, &config.export)
}

/// The words of a frame, in the order typst placed them.
fn words(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => words(&g.frame, out),
            FrameItem::Text(t) => {
                out.push_str(&t.text);
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// Each page's pieces and whether it says its number as "Page i / n".
fn check(record: &Record, document: &PagedDocument) -> Vec<join::Mark> {
    let n = document.pages().len();
    let l = &record.labels;
    for (i, page) in document.pages().iter().enumerate() {
        let mut text = String::new();
        words(&page.frame, &mut text);
        let said = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let number = format!("{} {} {} {n}", l.page, i + 1, l.page_of);
        assert!(said.ends_with(&number), "page {}: {said:?}", i + 1);
    }
    join::tests::pieces(document).concat()
}

#[test]
fn a_table_laid_out_in_runs_and_joined_holds_every_piece_once_in_order() {
    let record = record(&crate::model::generate::meeting(160, 7));
    let one = in_runs(&record, |_| 1).unwrap().expect("one run").0;
    let pieces = check(&record, &one);
    assert!(
        pieces.len() > 160,
        "every row, some in pieces: {}",
        pieces.len()
    );
    assert!(pieces.windows(2).all(|w| w[0] < w[1]), "in order, once");
    // The pages a tagged PDF of one run has: the same.
    let tagged = compile(values::record(&record, paper(&record), |_| 1)).unwrap();
    assert_eq!(join::tests::pieces(&tagged).concat(), pieces);
    assert_eq!(tagged.pages().len(), one.pages().len());
    for runs in [2, 3] {
        let joined = in_runs(&record, |_| runs).unwrap().expect("joined").0;
        assert_eq!(check(&record, &joined), pieces, "{runs} runs");
        // A page joining two runs may hold a little less than typst would have put on it.
        let pages = joined.pages().len();
        assert!(pages >= one.pages().len() && pages < one.pages().len() + runs);
        let bytes = write(&record, &joined, false).unwrap();
        assert!(String::from_utf8_lossy(&bytes).contains("<pdfaid:part>2</pdfaid:part>"));
    }
}

#[test]
fn runs_typeset_as_documents_of_their_own_give_the_pages_of_one_document() {
    let record = record(&crate::model::generate::meeting(160, 7));
    let values = values::record(&record, paper(&record), |_| 3);
    assert_eq!(values::chunks(&values), 3);
    // Every run in one document, a page break between: the pages copil joins.
    let one = compile(values.clone()).unwrap();
    let apart = compile_chunks(&values).unwrap();
    assert_eq!(apart.len(), 3, "a document for each run");
    let pages = |docs: &[PagedDocument]| -> Vec<String> {
        let pages = docs.iter().flat_map(|d| d.pages());
        (pages.map(|p| {
            let mut text = String::new();
            words(&p.frame, &mut text);
            text
        }))
        .collect()
    };
    assert_eq!(pages(&apart), pages(std::slice::from_ref(&one)));
    let pieces = |docs: &[PagedDocument]| docs.iter().flat_map(join::tests::pieces).collect();
    let pieces: Vec<Vec<join::Mark>> = pieces(&apart);
    assert_eq!(pieces, join::tests::pieces(&one));
    assert_eq!(join::join(&apart), join::join(std::slice::from_ref(&one)));
}

#[test]
fn runs_laid_out_while_the_memo_is_emptied_give_the_same_pdf() {
    let record = record(&crate::model::generate::meeting(160, 7));
    let values = values::record(&record, paper(&record), |_| 2);
    let bytes = |every| {
        // Each from an empty memo, emptied here and now (`free` empties it on a thread of
        // its own), so that neither takes the other's or another test's layouts.
        typst::comemo::evict(0);
        let documents = compile_chunks_emptying(&values, every).unwrap();
        (documents.iter())
            .map(|d| write(&record, d, false).unwrap())
            .collect::<Vec<_>>()
    };
    // Never emptied while laid out, then emptied every millisecond: layouts asked for again
    // after they went are made again, the same.
    let kept = bytes(std::time::Duration::from_secs(3600));
    let emptied = bytes(std::time::Duration::from_millis(1));
    assert_eq!(kept.len(), 2);
    assert!(kept == emptied, "the same bytes, run by run");
}

/// A meeting of `commitments` rows all of one height: every page holds as many.
fn alike(commitments: usize) -> Record {
    let mut meeting = crate::model::generate::meeting(commitments, 3);
    for (i, c) in meeting.commitments.iter_mut().enumerate() {
        let c = Arc::make_mut(c);
        c.title = format!("Engagement {:03}", i + 1);
        c.observations = vec![Observation::new("Reformuler le titre.", 0)];
        c.marks.clear();
    }
    record(&meeting)
}

/// The parts of the record laid out in two runs.
fn parts(record: &Record) -> Vec<Part> {
    let documents = compile_chunks(&values::record(record, paper(record), |_| 2)).unwrap();
    join::join(&documents).expect("joined")
}

#[test]
fn runs_whose_pages_never_meet_are_joined_by_a_page_laid_out_apart() {
    let one = in_runs(&alike(120), |_| 1).unwrap().unwrap().0;
    let rows = join::tests::pieces(&one);
    let (second, third) = (rows[1][0].1 as usize, rows[2][0].1 as usize);
    // Two runs, the second starting a page where one run starts one too: they meet.
    let start = second + 3 * (third - second);
    let bridged = |p: &[Part]| p.iter().any(|p| matches!(p, Part::Bridge(..)));
    assert!(!bridged(&parts(&alike(2 * start))));
    // One row further: every page of the second run starts a row after one of the first.
    let record = alike(2 * start + 2);
    assert!(bridged(&parts(&record)));
    let joined = in_runs(&record, |_| 2)
        .unwrap()
        .expect("joined by a bridge")
        .0;
    let pieces = check(&record, &joined);
    assert_eq!(pieces.len(), 2 * start + 2, "every row once");
    assert!(pieces.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn a_table_is_cut_by_its_rows_alone() {
    assert_eq!(join::runs(999), 1);
    assert_eq!(join::runs(1_000), 2);
    assert_eq!(join::runs(2_500), 3);
    assert_eq!(join::runs(10_000), 4);
}

#[test]
fn a_table_laid_out_in_runs_is_said_to_carry_no_tags() {
    let long = record(&crate::model::generate::meeting(1_000, 1));
    assert_eq!(cut_table(&long), Some(1_000));
    let notes = crate::export::pdf_notes(&long, std::path::Path::new("record.pdf"));
    assert!(notes.iter().any(|n| n.contains("1000")), "{notes:?}");
    let short = record(&crate::model::generate::meeting(999, 1));
    assert_eq!(cut_table(&short), None);
    assert!(crate::export::pdf_notes(&short, std::path::Path::new("record.pdf")).is_empty());
}
