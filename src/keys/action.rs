//! Named actions: what a key does. The name is what a configuration file writes, and
//! whether it may change the meeting (refused in a read-only copy) is declared beside it:
//! both come from this one list. Its words (hint, help line) are in `i18n/actions.rs`.

/// What an action may do to the meeting.
#[derive(PartialEq, Eq)]
enum Effect {
    /// Looks, moves, opens a screen, a search or the help, exports, closes a layer: allowed
    /// in a read-only copy (closing a layer is never refused, so nothing can trap the user).
    Looks,
    /// May change the meeting.
    Changes,
}

macro_rules! actions {
    ($( $variant:ident = $name:literal, $kind:ident; )+) => {
        /// Something the user asks for. Keys are mapped to actions per mode; the words of
        /// each (its hint and help line) are in `i18n::action_words`, by its name.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $( $variant, )+
            /// Toggle a mark on the current commitment
            ToggleMark(String),
            /// Bring the screen of that name to the front (`screen_NAME` in the
            /// configuration)
            Show(String),
        }

        impl Action {
            /// Every action without an argument, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)+];

            /// The name written in configuration files.
            pub fn name(&self) -> &str {
                match self {
                    $( Action::$variant => $name, )+
                    Action::ToggleMark(id) => id,
                    Action::Show(screen) => screen,
                }
            }

            /// Whether the action may change the meeting: refused in a read-only copy.
            /// Declared with each action, below; a mark always changes it.
            pub fn changes_meeting(&self) -> bool {
                match self {
                    $( Action::$variant => Effect::$kind == Effect::Changes, )+
                    Action::ToggleMark(_) => true,
                    Action::Show(_) => false,
                }
            }
        }
    };
}

impl Action {
    /// The name the action's words are kept under: every mark shares one; a screen's is
    /// `screen_NAME`, or the words every screen shares.
    fn words_name(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Action::ToggleMark(_) => "toggle_mark".into(),
            Action::Show(screen) => format!("screen_{screen}").into(),
            other => other.name().into(),
        }
    }

    fn words(&self, language: crate::model::Language) -> (&'static str, &'static str) {
        let words = crate::i18n::action_words(&self.words_name(), language);
        let shared = || match self {
            Action::Show(_) => crate::i18n::action_words("screen", language),
            _ => None,
        };
        words.or_else(shared).unwrap_or(("", ""))
    }

    /// The name a configuration writes for the action: `screen_attendance` for a screen.
    pub fn config_name(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Action::Show(screen) => format!("screen_{screen}").into(),
            other => other.name().into(),
        }
    }

    /// The short word shown in the status line; empty for keys too obvious to hint.
    pub fn hint(&self) -> &'static str {
        self.hint_in(crate::model::Language::En)
    }

    /// The status-line word in the interface's language.
    pub fn hint_in(&self, language: crate::model::Language) -> &'static str {
        self.words(language).0
    }

    /// The help line in the interface's language.
    pub fn description_in(&self, language: crate::model::Language) -> &'static str {
        self.words(language).1
    }

    /// The help line in English.
    pub fn description(&self) -> &'static str {
        self.description_in(crate::model::Language::En)
    }

    /// The action a configuration names; `screen_NAME` for any screen (the keymap checks
    /// that the screen exists).
    pub fn from_name(name: &str) -> Option<Action> {
        if let Some(screen) = name.strip_prefix("screen_") {
            return Some(Action::Show(screen.to_owned()));
        }
        Action::ALL.iter().find(|a| a.name() == name).cloned()
    }
}

actions! {
    MoveDown = "move_down", Looks;
    MoveUp = "move_up", Looks;
    First = "first", Looks;
    Last = "last", Looks;
    GotoNumber = "goto_number", Looks;
    Search = "search", Looks;
    AddObservation = "add_observation", Changes;
    ToggleFocus = "toggle_focus", Looks;
    NextObservation = "next_observation", Looks;
    PrevObservation = "prev_observation", Looks;
    EditObservation = "edit_observation", Changes;
    DeleteObservation = "delete_observation", Changes;
    Indent = "indent", Changes;
    Outdent = "outdent", Changes;
    AddCommitment = "add_commitment", Changes;
    EditCommitment = "edit_commitment", Changes;
    RemoveCommitment = "remove_commitment", Changes;
    EditName = "edit_name", Changes;
    EditOrganisation = "edit_organisation", Changes;
    EditEmail = "edit_email", Changes;
    ObservationUp = "observation_up", Changes;
    ObservationDown = "observation_down", Changes;
    MoveObservation = "move_observation", Changes;
    CopyObservation = "copy_observation", Changes;
    PickPhrase = "pick_phrase", Changes;
    Undo = "undo", Changes;
    Redo = "redo", Changes;
    Filter = "filter", Looks;
    Save = "save", Changes;
    Export = "export", Looks;
    Help = "help", Looks;
    Presentation = "presentation", Looks;
    StartClock = "start_clock", Looks;
    Quit = "quit", Looks;
    CommitBullet = "commit_bullet", Changes;
    CloseEditor = "close_editor", Looks;
    SubBullet = "sub_bullet", Changes;
    Bullet = "bullet", Changes;
    LineBreak = "line_break", Changes;
    InsertPhrase = "insert_phrase", Changes;
    Confirm = "confirm", Looks;
    Cancel = "cancel", Looks;
    PickerDown = "picker_down", Looks;
    PickerUp = "picker_up", Looks;
    CloseHelp = "close_help", Looks;
    HelpDown = "help_down", Looks;
    HelpUp = "help_up", Looks;
    AcceptRemark = "accept_remark", Changes;
    RejectRemark = "reject_remark", Changes;
    MergeRemark = "merge_remark", Changes;
    RemarkReceived = "remark_received", Changes;
    Next = "next", Looks;
    Prev = "prev", Looks;
    Top = "top", Looks;
    Bottom = "bottom", Looks;
    PageDown = "page_down", Looks;
    PageUp = "page_up", Looks;
    MarkPresent = "present", Changes;
    MarkAbsent = "absent", Changes;
    MarkExcused = "excused", Changes;
    RepresentedBy = "represented_by", Changes;
    EveryonePresent = "everyone_present", Changes;
    AddParticipant = "add_participant", Changes;
    AddItem = "add_item", Changes;
    EditItem = "edit_item", Changes;
    RenameItem = "rename_item", Changes;
    DeleteItem = "delete_item", Changes;
    MoveItemDown = "move_item_down", Changes;
    MoveItemUp = "move_item_up", Changes;
    SetTable = "set_table", Changes;
    SetDeadline = "set_deadline", Changes;
    SetOwner = "set_owner", Changes;
    DecisionDone = "decision_done", Changes;
    DecisionDropped = "decision_dropped", Changes;
    DecisionReopen = "decision_reopen", Changes;
    Attribute = "attribute", Changes;
    CloseText = "close_text", Looks;
    Restore = "restore", Changes;
    SetAside = "set_aside", Changes;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_action_has_its_words_in_both_languages() {
        use crate::model::Language;
        for (i, a) in Action::ALL.iter().enumerate() {
            for language in [Language::En, Language::Fr] {
                let help = a.description_in(language);
                assert!(!help.is_empty() && !help.starts_with(' '), "{a:?}");
            }
            assert_eq!(Action::from_name(a.name()).as_ref(), Some(a));
            assert!(Action::ALL[..i].iter().all(|b| b.name() != a.name()));
        }
        assert_eq!(Action::MoveDown.description(), "Next commitment");
    }

    #[test]
    fn every_screen_and_the_export_are_open_to_a_read_only_copy() {
        let screen = Action::from_name("screen_attendance").unwrap();
        assert_eq!(screen, Action::Show("attendance".into()));
        assert!(!screen.changes_meeting());
        for a in [
            Action::Export,
            Action::Quit,
            Action::CloseEditor,
            Action::CloseText,
        ] {
            assert!(!a.changes_meeting(), "{a:?}");
        }
        for a in [Action::Undo, Action::AddObservation, Action::DeleteItem] {
            assert!(a.changes_meeting(), "{a:?}");
        }
        assert!(Action::ToggleMark("merge".into()).changes_meeting());
    }
}
