//! The modes: which table of keys applies, on which screen or layer.

/// Which keys apply: a screen's (by the name of its table of keys, `[keys.list]`), or the
/// layer on top of it. The screens' modes are the tables of the built-in configuration
/// that name no layer (`config::keys::modes`), so a screen brings its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Recovery,
    Editor,
    Text,
    Picker,
    Prompt,
    Help,
    Screen(&'static str),
}

impl Mode {
    /// The review screen's list, where the marks' keys are.
    pub const LIST: Mode = Mode::Screen("list");
    /// The review screen's observations pane.
    pub const OBSERVATIONS: Mode = Mode::Screen("observations");

    /// The keys every screen shares, as `[keys.global]` binds them.
    pub const GLOBAL: Mode = Mode::Screen("global");

    /// The layers' modes.
    pub const LAYERS: [Mode; 6] = [
        Mode::Editor,
        Mode::Text,
        Mode::Picker,
        Mode::Prompt,
        Mode::Help,
        Mode::Recovery,
    ];

    /// Modes where keys type text: a key there must not end the program.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Mode::Editor | Mode::Text | Mode::Picker | Mode::Prompt
        )
    }

    /// The name of the mode's table in the configuration: `[keys.list]`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Screen(name) => name,
            Mode::Editor => "editor",
            Mode::Text => "text",
            Mode::Picker => "picker",
            Mode::Prompt => "prompt",
            Mode::Help => "help",
            Mode::Recovery => "recovery",
        }
    }

    /// The layer mode named `name`.
    pub fn layer_named(name: &str) -> Option<Mode> {
        Mode::LAYERS.into_iter().find(|m| m.name() == name)
    }

    /// Its title in the help, in the interface's language.
    pub fn title(self, ui: &crate::i18n::Ui) -> &'static str {
        match self {
            Mode::Screen(name) => crate::i18n::mode_title(ui, name),
            Mode::Editor => ui.mode_editor,
            Mode::Text => ui.mode_text,
            Mode::Picker => ui.mode_picker,
            Mode::Prompt => ui.mode_prompt,
            Mode::Help => ui.mode_help,
            Mode::Recovery => ui.mode_recovery,
        }
    }
}
