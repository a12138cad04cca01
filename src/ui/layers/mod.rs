//! The layers drawn over the screens, one file each, bottom to top. The observation editor
//! is not a popup: it takes the foot of the detail pane (see `editor::split`).

pub mod editor;
mod field;
mod help;
mod picker;
mod prompt;
mod recovery;
mod text;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::Layer;
use crate::ui::context::Ctx;

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
