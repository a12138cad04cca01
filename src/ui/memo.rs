//! A region of the screen drawn again only when what it shows changed: the drawing names
//! what the region depends on beyond the meeting, the words and the styles (which every
//! region's key holds); when the key is the one of the last frame and the region has the
//! same place, its cells are copied back from the last frame instead. A region must name
//! everything else it shows: the tab bar, the list and the current commitment use it.

use std::hash::{Hash, Hasher};

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::view::Region;
use crate::ui::context::Ctx;

/// A key of `what` and of what every region shows: the meeting (its revision, and the
/// copy in hand), the words and the styles.
fn key(cx: &Ctx, what: impl Hash) -> u64 {
    let app = cx.app;
    let mut hasher = std::hash::DefaultHasher::new();
    what.hash(&mut hasher);
    app.revision.hash(&mut hasher);
    (std::sync::Arc::as_ptr(&app.meeting) as usize).hash(&mut hasher);
    (app.meeting.commitments.as_ptr() as usize).hash(&mut hasher);
    (std::ptr::from_ref(cx.ui) as usize).hash(&mut hasher);
    (std::ptr::from_ref(cx.styles) as usize).hash(&mut hasher);
    hasher.finish()
}

/// Draws region `name` over `area` with `draw`, or copies it from the last frame when
/// neither `what` it depends on nor the meeting changed.
pub fn region(
    frame: &mut Frame,
    cx: &Ctx,
    (area, name): (Rect, &'static str),
    what: impl Hash,
    draw: impl FnOnce(&mut Frame),
) {
    let (drawn, key) = (&cx.app.drawn, key(cx, what));
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
