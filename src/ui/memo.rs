//! A region of the screen drawn again only when what it shows changed: the drawing gives a
//! key of everything the region depends on; when the key is the one of the last frame and
//! the region has the same place, its cells are copied back from the last frame instead.
//! The keys must name everything a region shows: only the list of commitments uses it.

use std::hash::{Hash, Hasher};

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::view::{Drawn, Region};

/// A key of `what`, for `region`.
pub fn key(what: impl Hash) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    what.hash(&mut hasher);
    hasher.finish()
}

/// Draws `area` with `draw`, or copies it from the last frame when `key` is the same.
pub fn region(
    frame: &mut Frame,
    (area, name, key): (Rect, &'static str, u64),
    drawn: &Drawn,
    draw: impl FnOnce(&mut Frame),
) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return draw(frame);
    }
    let kept = drawn.0.borrow_mut();
    let buf = frame.buffer_mut();
    if let Some(r) = kept.iter().find(|r| r.name == name)
        && r.key == key
        && r.area == area
    {
        for (row, y) in r
            .cells
            .chunks(usize::from(area.width).max(1))
            .zip(area.top()..)
        {
            let start = buf.index_of(area.x, y);
            buf.content[start..start + row.len()].clone_from_slice(row);
        }
        return;
    }
    drop(kept);
    draw(frame);
    let buf = frame.buffer_mut();
    let mut cells = Vec::with_capacity(usize::from(area.width) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        cells.extend_from_slice(&buf.content[start..start + usize::from(area.width)]);
    }
    let mut kept = drawn.0.borrow_mut();
    kept.retain(|r| r.name != name);
    kept.push(Region {
        name,
        key,
        area,
        cells,
    });
}
