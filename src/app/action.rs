//! Named actions: what a key does. The doc line of each action is its help text, and the
//! name is what a configuration file writes; both come from this one list.

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, $hint:literal; )+) => {
        /// Something the user asks for. Keys are mapped to actions per mode.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $( $(#[doc = $doc])+ $variant, )+
            /// Toggle a mark on the current commitment
            ToggleMark(String),
        }

        impl Action {
            /// Every action without an argument, in help order.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)+];

            /// The name written in configuration files.
            pub fn name(&self) -> &str {
                match self {
                    $( Action::$variant => $name, )+
                    Action::ToggleMark(id) => id,
                }
            }

            /// The short word shown in the status line; empty for keys too obvious to hint.
            pub fn hint(&self) -> &'static str {
                match self {
                    $( Action::$variant => $hint, )+
                    Action::ToggleMark(_) => "marks",
                }
            }

            /// The help text: the action's doc line.
            pub fn description(&self) -> &'static str {
                match self {
                    $( Action::$variant => concat!($($doc),+).trim_ascii(), )+
                    Action::ToggleMark(_) => "Toggle a mark on the current commitment",
                }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                Action::ALL.iter().find(|a| a.name() == name).cloned()
            }
        }
    };
}

actions! {
    /// Next commitment
    MoveDown = "move_down", "";
    /// Previous commitment
    MoveUp = "move_up", "";
    /// First commitment
    First = "first", "";
    /// Last commitment
    Last = "last", "";
    /// Go to commitment number N
    GotoNumber = "goto_number", "go to";
    /// Search by number, title, institution
    Search = "search", "search";
    /// Add an observation at the end
    AddObservation = "add_observation", "add";
    /// Move focus between the list and the observations
    ToggleFocus = "toggle_focus", "focus";
    /// Next observation
    NextObservation = "next_observation", "";
    /// Previous observation
    PrevObservation = "prev_observation", "";
    /// Edit the selected observation
    EditObservation = "edit_observation", "edit";
    /// Delete the selected observation
    DeleteObservation = "delete_observation", "delete";
    /// Make the observation a sub-bullet (o)
    Indent = "indent", "sub-bullet";
    /// Make the observation a bullet (•)
    Outdent = "outdent", "bullet";
    /// Add a stock phrase as an observation
    PickPhrase = "pick_phrase", "phrase";
    /// Undo the last change
    Undo = "undo", "undo";
    /// Redo what was undone
    Redo = "redo", "redo";
    /// Filter the list: by mark, institution, not yet reviewed
    Filter = "filter", "filter";
    /// Save now (saving is automatic anyway)
    Save = "save", "";
    /// Export the record in the configured formats, beside the meeting file
    Export = "export", "export";
    /// Show the keys
    Help = "help", "help";
    /// Presentation: the current commitment alone, large, for sharing the screen
    Presentation = "presentation", "present";
    /// Quit (everything is already saved)
    Quit = "quit", "quit";
    /// Commit this bullet and start the next one
    CommitBullet = "commit_bullet", "next bullet";
    /// Commit and close the editor
    CloseEditor = "close_editor", "close";
    /// Make this bullet a sub-bullet (o)
    SubBullet = "sub_bullet", "o";
    /// Make this bullet a bullet (•)
    Bullet = "bullet", "•";
    /// Line break inside the bullet
    LineBreak = "line_break", "line break";
    /// Insert a stock phrase at the cursor
    InsertPhrase = "insert_phrase", "phrase";
    /// Choose the highlighted entry
    Confirm = "confirm", "choose";
    /// Close without choosing
    Cancel = "cancel", "cancel";
    /// Next entry
    PickerDown = "picker_down", "";
    /// Previous entry
    PickerUp = "picker_up", "";
    /// Close the help
    CloseHelp = "close_help", "close";
    /// Scroll the help down
    HelpDown = "help_down", "";
    /// Scroll the help up
    HelpUp = "help_up", "";
    /// Screen 1: attendance
    ScreenAttendance = "screen_attendance", "";
    /// Screen 2: agenda and discussion points
    ScreenPoints = "screen_points", "";
    /// Screen 3: review of the commitments
    ScreenReview = "screen_review", "";
    /// Screen 4: decisions
    ScreenDecisions = "screen_decisions", "";
    /// Screen 5: preview of the record
    ScreenPreview = "screen_preview", "";
    /// Next entry
    Next = "next", "";
    /// Previous entry
    Prev = "prev", "";
    /// First entry
    Top = "top", "";
    /// Last entry
    Bottom = "bottom", "";
    /// Scroll down a page
    PageDown = "page_down", "";
    /// Scroll up a page
    PageUp = "page_up", "";
    /// Present
    MarkPresent = "present", "present";
    /// Absent
    MarkAbsent = "absent", "absent";
    /// Excused
    MarkExcused = "excused", "excused";
    /// Represented by someone else (a name)
    RepresentedBy = "represented_by", "represented";
    /// Everyone not yet called is present
    EveryonePresent = "everyone_present", "all present";
    /// Add a participant
    AddParticipant = "add_participant", "add";
    /// Add an entry after the selected one
    AddItem = "add_item", "add";
    /// Edit the selected entry
    EditItem = "edit_item", "edit";
    /// Rename the selected discussion point
    RenameItem = "rename_item", "rename";
    /// Delete the selected entry
    DeleteItem = "delete_item", "delete";
    /// Move the selected entry down
    MoveItemDown = "move_item_down", "move";
    /// Move the selected entry up
    MoveItemUp = "move_item_up", "";
    /// Put the commitments table after this point
    SetTable = "set_table", "table here";
    /// Set the deadline (2024-02-26, 26/02/2024, lundi 26 février 2024)
    SetDeadline = "set_deadline", "deadline";
    /// Set who is responsible
    SetOwner = "set_owner", "owner";
    /// Say which organisation made the observation
    Attribute = "attribute", "by";
    /// Save the text and close
    CloseText = "close_text", "close";
    /// Restore the notes the journal kept
    Restore = "restore", "restore";
    /// Keep the journal aside and start from the file
    SetAside = "set_aside", "set aside";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_descriptions_come_from_doc_lines() {
        for (i, a) in Action::ALL.iter().enumerate() {
            assert!(!a.description().is_empty());
            assert!(!a.description().starts_with(' '));
            assert_eq!(Action::from_name(a.name()).as_ref(), Some(a));
            assert!(Action::ALL[..i].iter().all(|b| b.name() != a.name()));
        }
        assert_eq!(Action::MoveDown.description(), "Next commitment");
    }
}
