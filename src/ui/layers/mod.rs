//! The layers drawn over the screens, one file each, bottom to top. The observation editor
//! is not a popup: it takes the foot of the detail pane (see `editor::split`).

pub mod editor;
mod help;
mod picker;
mod prompt;
mod recovery;
mod text;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Ctx;
use crate::app::Layer;

/// `width` × `height` in the middle of `area`, no larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

pub fn draw(frame: &mut Frame, area: Rect, cx: &Ctx) {
    for layer in &cx.app.layers {
        match layer {
            Layer::Editor(_) => {}
            Layer::Picker(picker) => picker::draw(frame, area, picker, cx),
            Layer::Prompt(prompt) => prompt::draw(frame, area, prompt, cx),
            Layer::Text(text) => text::draw(frame, area, text, cx),
            Layer::Help(help) => help::draw(frame, area, help, cx),
            Layer::Recovery(question) => recovery::draw(frame, area, question, cx),
        }
    }
}
