//! The modes: which table of keys applies, on which screen or layer.

/// Which keys apply: the review screen with focus on the list or on the observations, or
/// the layer on top of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Recovery,
    List,
    Observations,
    Attendance,
    Points,
    Decisions,
    Preview,
    Remarks,
    Editor,
    Text,
    Picker,
    Prompt,
    Help,
}

impl Mode {
    /// Modes where keys type text: a key there must not end the program.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Mode::Editor | Mode::Text | Mode::Picker | Mode::Prompt
        )
    }

    pub const ALL: [Mode; 13] = [
        Mode::List,
        Mode::Observations,
        Mode::Editor,
        Mode::Attendance,
        Mode::Points,
        Mode::Decisions,
        Mode::Preview,
        Mode::Remarks,
        Mode::Text,
        Mode::Picker,
        Mode::Prompt,
        Mode::Help,
        Mode::Recovery,
    ];

    /// The modes of the six screens, which share the global keys.
    pub const SCREENS: [Mode; 7] = [
        Mode::List,
        Mode::Observations,
        Mode::Attendance,
        Mode::Points,
        Mode::Decisions,
        Mode::Preview,
        Mode::Remarks,
    ];

    /// The name of the mode's table in the configuration: `[keys.list]`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::List => "list",
            Mode::Observations => "observations",
            Mode::Attendance => "attendance",
            Mode::Points => "points",
            Mode::Decisions => "decisions",
            Mode::Preview => "preview",
            Mode::Remarks => "remarks",
            Mode::Editor => "editor",
            Mode::Text => "text",
            Mode::Picker => "picker",
            Mode::Prompt => "prompt",
            Mode::Help => "help",
            Mode::Recovery => "recovery",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    pub fn names() -> Vec<&'static str> {
        Mode::ALL.iter().map(|m| m.name()).collect()
    }

    pub fn title(self, ui: &crate::i18n::Ui) -> &'static str {
        match self {
            Mode::List => ui.mode_list,
            Mode::Observations => ui.mode_observations,
            Mode::Recovery => ui.mode_recovery,
            Mode::Attendance => ui.mode_attendance,
            Mode::Points => ui.mode_points,
            Mode::Decisions => ui.mode_decisions,
            Mode::Preview => ui.mode_preview,
            Mode::Remarks => ui.mode_remarks,
            Mode::Editor => ui.mode_editor,
            Mode::Text => ui.mode_text,
            Mode::Picker => ui.mode_picker,
            Mode::Prompt => ui.mode_prompt,
            Mode::Help => ui.mode_help,
        }
    }
}
