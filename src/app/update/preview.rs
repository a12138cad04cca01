//! The preview screen: the record, scrolled.

use crate::app::effects::Effects;
use crate::app::state::App;
use crate::app::view::step;
use crate::keys::Action;

pub fn update(app: &mut App, action: Action) -> Effects {
    // The preview clamps the scroll to its length when it draws.
    let mut pos = app.preview_scroll;
    let page = app.preview_page.get();
    match action {
        Action::PageDown => pos += page,
        Action::PageUp => pos = pos.saturating_sub(page),
        _ => step(&mut pos, usize::MAX / 2, &action),
    }
    if action == Action::Bottom {
        pos = usize::MAX / 2;
    }
    app.preview_scroll = pos.min(app.preview_max.get());
    Effects::none()
}
