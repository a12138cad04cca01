//! A long table typeset on every core. The table is cut into runs with a page break
//! between, which typst lays out side by side, each run laying out some rows of the next
//! as well. The pages are then joined: where a run and the next start a page with the same
//! piece, typst's page filling goes on identically from there, and the next run's pages
//! follow; where their pages never meet, one page laid out apart (a bridge) takes the pieces
//! from a page of the run to a page of the next, chosen to leave the least room below. Then
//! the pages are numbered, by a document of footers alone.
//!
//! The joined document is written untagged (its runs' tags cannot be joined); a table of
//! fewer than [`MIN_ROWS`] rows is laid out in one run, as a tagged PDF.

use typst::foundations::{Element, Selector, Value};
use typst::introspection::{Introspector as _, MetadataElem};
use typst::layout::{Abs, Point};
use typst::model::Document as _;
use typst_layout::PagedDocument;

/// A table of this many rows or more is laid out in runs.
pub const MIN_ROWS: usize = 1_000;
/// Rows a run lays out beyond its end, at the beginning of the next: their pages meet there.
pub const SHARED: usize = 60;

/// How many runs a table of `rows` rows is laid out in: one below [`MIN_ROWS`], then one
/// more for each thousand rows, up to four. By the rows alone, never by the machine's
/// cores, so that the same record gives the same bytes everywhere.
pub fn runs(rows: usize) -> usize {
    match rows < MIN_ROWS {
        true => 1,
        false => (rows / 1_000 + 1).min(4),
    }
}

/// A piece of the table: (section, row, piece), as the template marks it.
pub type Mark = (i64, i64, i64);

/// The pieces of a page that start on it, in order, each with how far down it starts.
type Marks = Vec<(Mark, Abs)>;

/// A page of the joined document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    /// A page of the laid-out document, by its index.
    Page(usize),
    /// A page to lay out apart: the pieces from the first mark to the second, excluded.
    Bridge(Mark, Mark),
}

/// Each page's marks, the pages of `documents` one after the other.
fn marks(documents: &[PagedDocument]) -> Vec<Marks> {
    documents.iter().flat_map(marks_of).collect()
}

/// Each page's marks, read from where typst placed the template's `metadata`.
fn marks_of(document: &PagedDocument) -> Vec<Marks> {
    let mut pages: Vec<Marks> = vec![Vec::new(); document.pages().len()];
    let introspector = document.introspector();
    let selector = Selector::Elem(Element::of::<MetadataElem>(), None);
    for content in introspector.query(&selector) {
        let Some(mark) = content
            .to_packed::<MetadataElem>()
            .and_then(|m| mark(&m.value))
        else {
            continue;
        };
        let at = content.location().and_then(|l| introspector.position(l));
        if let Some(at) = at
            && let Some(page) = pages.get_mut(at.page.get() - 1)
        {
            page.push((mark, at.point.y));
        }
    }
    pages
}

fn mark(value: &Value) -> Option<Mark> {
    let Value::Array(a) = value else { return None };
    match a.as_slice() {
        [Value::Int(s), Value::Int(r), Value::Int(p)] => Some((*s, *r, *p)),
        _ => None,
    }
}

/// The pages of each run, in order: a run begins with a page whose first piece comes
/// before the last piece of the page before.
fn runs_of(marks: &[Marks]) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = vec![Vec::new()];
    let mut last: Option<Mark> = None;
    for (page, m) in marks.iter().enumerate() {
        if let (Some(first), Some(end)) = (m.first(), m.last()) {
            if last.is_some_and(|last| first.0 <= last) {
                runs.push(Vec::new());
            }
            last = Some(end.0);
        }
        runs.last_mut().expect("one run at least").push(page);
    }
    runs
}

/// The pages of `documents` (one after the other, as one document), their runs joined, in
/// order; `None` when a run's pages and the next's have nothing in common (the table is then
/// laid out in one run).
pub fn join(documents: &[PagedDocument]) -> Option<Vec<Part>> {
    let marks = marks(documents);
    let mut runs = runs_of(&marks).into_iter();
    let mut kept: Vec<Part> = runs.next()?.into_iter().map(Part::Page).collect();
    // Where the pages of the last run joined begin, in `kept`.
    let mut from = 0;
    for next in runs {
        let (cut, bridge, meet) = meeting(&marks, &kept[from..], &next)?;
        kept.truncate(from + cut);
        kept.extend(bridge);
        from = kept.len();
        kept.extend(next[meet..].iter().map(|&p| Part::Page(p)));
    }
    Some(kept)
}

/// Where the pages `kept` of a run give way to the pages `next` of the next: how many of
/// `kept` stay, the bridge page between if any, and the first page of `next` that follows.
fn meeting(marks: &[Marks], kept: &[Part], next: &[usize]) -> Option<(usize, Option<Part>, usize)> {
    let &(start, top) = marks[*next.first()?].first()?;
    // The pieces the next run starts a page with, and that page's rank in `next`.
    let starts: std::collections::HashMap<Mark, usize> = (next.iter().enumerate())
        .filter_map(|(i, &p)| {
            marks[p]
                .first()
                .filter(|m| m.1.approx_eq(top))
                .map(|m| (m.0, i))
        })
        .collect();
    let index = |mark: &Mark| starts.get(mark).copied();
    // The best bridge yet: the lowest piece on a page of the run that the next run
    // starts a page with.
    let mut best: Option<(Abs, usize, Mark, Mark)> = None;
    for (k, part) in kept.iter().enumerate() {
        let Part::Page(page) = *part else { continue };
        let Some(&(first, y)) = marks[page].first() else {
            continue;
        };
        if first < start || !y.approx_eq(top) {
            continue;
        }
        if let Some(meet) = index(&first) {
            return Some((k, None, meet));
        }
        for &(piece, below) in &marks[page][1..] {
            if best.is_none_or(|b| below > b.0) && index(&piece).is_some() {
                best = Some((below, k, first, piece));
            }
        }
    }
    let (_, k, first, piece) = best?;
    Some((k, Some(Part::Bridge(first, piece)), index(&piece)?))
}

/// The joined document: its pages from `documents` (one after the other, as [`join`] read
/// them) or from `bridges` (their pages in the order of the bridges in `parts`), each
/// numbered by the page of `footers` of the same rank (a document of as many pages, their
/// footers alone).
pub fn assemble(
    documents: &[PagedDocument],
    parts: &[Part],
    bridges: Option<&PagedDocument>,
    footers: &PagedDocument,
) -> PagedDocument {
    let laid: Vec<_> = documents.iter().flat_map(|d| d.pages()).collect();
    let mut bridge = bridges.map_or(&[][..], |b| b.pages()).iter();
    let pages = parts.iter().zip(footers.pages()).enumerate();
    let pages = pages.filter_map(|(i, (part, footer))| {
        let mut page = match part {
            Part::Page(p) => laid.get(*p).copied()?.clone(),
            Part::Bridge(..) => bridge.next()?.clone(),
        };
        page.frame.push_frame(Point::zero(), footer.frame.clone());
        page.number = i as u64 + 1;
        Some(page)
    });
    let info = documents.first().map(|d| d.info().clone());
    PagedDocument::new(pages.collect(), info.unwrap_or_default())
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// The pieces of `document`, page by page, in order.
    pub fn pieces(document: &PagedDocument) -> Vec<Vec<Mark>> {
        let marks = marks_of(document);
        (marks.into_iter())
            .map(|m| m.into_iter().map(|(mark, _)| mark).collect())
            .collect()
    }
}
