//! Named actions: what a key does. The doc line of each action is its help text, the name
//! is what a configuration file writes, and whether it may change the meeting (refused in
//! a read-only copy) is declared beside them: all come from this one list.

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
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, $kind:ident, $hint:literal, $hint_fr:literal, $doc_fr:literal; )+) => {
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

            /// Whether the action may change the meeting: refused in a read-only copy.
            /// Declared with each action, below; a mark always changes it.
            pub fn changes_meeting(&self) -> bool {
                match self {
                    $( Action::$variant => Effect::$kind == Effect::Changes, )+
                    Action::ToggleMark(_) => true,
                }
            }

            /// The short word shown in the status line; empty for keys too obvious to hint.
            pub fn hint(&self) -> &'static str {
                match self {
                    $( Action::$variant => $hint, )+
                    Action::ToggleMark(_) => "marks",
                }
            }

            /// The status-line word in the interface's language.
            pub fn hint_in(&self, language: crate::model::Language) -> &'static str {
                match (self, language) {
                    $( (Action::$variant, crate::model::Language::Fr) => $hint_fr, )+
                    (Action::ToggleMark(_), crate::model::Language::Fr) => "marques",
                    (other, crate::model::Language::En) => other.hint(),
                }
            }

            /// The help text in the interface's language.
            pub fn description_in(&self, language: crate::model::Language) -> &'static str {
                match (self, language) {
                    $( (Action::$variant, crate::model::Language::Fr) => $doc_fr, )+
                    (Action::ToggleMark(_), crate::model::Language::Fr) => "Poser ou ôter une marque",
                    (other, crate::model::Language::En) => other.description(),
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
    MoveDown = "move_down", Looks, "", "", "Engagement suivant";
    /// Previous commitment
    MoveUp = "move_up", Looks, "", "", "Engagement précédent";
    /// First commitment
    First = "first", Looks, "", "", "Premier engagement";
    /// Last commitment
    Last = "last", Looks, "", "", "Dernier engagement";
    /// Go to commitment number N
    GotoNumber = "goto_number", Looks, "go to", "aller à", "Aller à l'engagement n° N";
    /// Search by number, title, institution
    Search = "search", Looks, "search", "chercher", "Chercher par numéro, titre, institution";
    /// Add an observation at the end
    AddObservation = "add_observation", Changes, "add", "ajouter", "Ajouter une observation à la fin";
    /// Move focus between the list and the observations
    ToggleFocus = "toggle_focus", Looks, "focus", "focus", "Passer de la liste aux observations";
    /// Next observation
    NextObservation = "next_observation", Looks, "", "", "Observation suivante";
    /// Previous observation
    PrevObservation = "prev_observation", Looks, "", "", "Observation précédente";
    /// Edit the selected observation
    EditObservation = "edit_observation", Changes, "edit", "modifier", "Modifier l'observation choisie";
    /// Delete the selected observation
    DeleteObservation = "delete_observation", Changes, "delete", "supprimer", "Supprimer l'observation choisie";
    /// Make the observation a sub-bullet (o)
    Indent = "indent", Changes, "sub-bullet", "sous-puce", "Faire de l'observation une sous-puce (o)";
    /// Make the observation a bullet (•)
    Outdent = "outdent", Changes, "bullet", "puce", "Faire de l'observation une puce (•)";
    /// Add a commitment to the list, during the meeting
    AddCommitment = "add_commitment", Changes, "new item", "nouvel engagement", "Ajouter un engagement à la liste, pendant la réunion";
    /// Correct the current commitment's title, institution or summary
    EditCommitment = "edit_commitment", Changes, "correct", "corriger", "Corriger le titre, l'institution ou le résumé de l'engagement";
    /// Remove a commitment added by mistake
    RemoveCommitment = "remove_commitment", Changes, "", "", "Retirer un engagement ajouté par erreur";
    /// Correct the selected participant's name
    EditName = "edit_name", Changes, "", "", "Corriger le nom du participant choisi";
    /// Change the selected participant's organisation
    EditOrganisation = "edit_organisation", Changes, "", "", "Changer l'organisation du participant choisi";
    /// The selected participant's e-mail address, for the follow-up mail
    EditEmail = "edit_email", Changes, "e-mail", "courriel", "L'adresse électronique du participant choisi, pour le courriel de suivi";
    /// Move the selected observation up among its siblings
    ObservationUp = "observation_up", Changes, "", "", "Monter l'observation choisie";
    /// Move the selected observation down among its siblings
    ObservationDown = "observation_down", Changes, "", "", "Descendre l'observation choisie";
    /// Move the selected observation to another commitment
    MoveObservation = "move_observation", Changes, "move to", "déplacer vers", "Déplacer l'observation choisie vers un autre engagement";
    /// Copy the selected observation to another commitment
    CopyObservation = "copy_observation", Changes, "copy to", "copier vers", "Copier l'observation choisie vers un autre engagement";
    /// Add a stock phrase as an observation
    PickPhrase = "pick_phrase", Changes, "phrase", "phrase", "Ajouter une phrase type comme observation";
    /// Undo the last change
    Undo = "undo", Changes, "undo", "annuler", "Annuler la dernière modification";
    /// Redo what was undone
    Redo = "redo", Changes, "redo", "rétablir", "Rétablir ce qui a été annulé";
    /// Filter the list: by mark, institution, not yet reviewed
    Filter = "filter", Looks, "filter", "filtrer", "Filtrer la liste : par marque, institution, non examinés";
    /// Save now (saving is automatic anyway)
    Save = "save", Changes, "", "", "Enregistrer maintenant (l'enregistrement est automatique)";
    /// Export the record in the configured formats, beside the meeting file
    Export = "export", Looks, "export", "exporter", "Exporter le relevé dans les formats configurés, à côté du fichier";
    /// Show the keys
    Help = "help", Looks, "help", "aide", "Afficher les touches";
    /// Presentation: the current commitment alone, large, for sharing the screen
    Presentation = "presentation", Looks, "present", "présenter", "Présentation : l'engagement courant seul, en grand, pour le partage d'écran";
    /// Start the meeting's clock now (it starts by itself at the first roll-call mark or review action on the meeting's day)
    StartClock = "start_clock", Looks, "", "", "Démarrer l'horloge de la réunion maintenant (elle démarre d'elle-même au premier appel ou à la première action d'examen le jour de la réunion)";
    /// Quit (everything is already saved)
    Quit = "quit", Looks, "quit", "quitter", "Quitter (tout est déjà enregistré)";
    /// Commit this bullet and start the next one
    CommitBullet = "commit_bullet", Changes, "next bullet", "puce suivante", "Valider cette puce et commencer la suivante";
    /// Commit and close the editor
    CloseEditor = "close_editor", Looks, "close", "fermer", "Valider et fermer l'éditeur";
    /// Make this bullet a sub-bullet (o)
    SubBullet = "sub_bullet", Changes, "o", "o", "Faire de cette puce une sous-puce (o)";
    /// Make this bullet a bullet (•)
    Bullet = "bullet", Changes, "•", "•", "Faire de cette puce une puce (•)";
    /// Line break inside the bullet
    LineBreak = "line_break", Changes, "line break", "saut de ligne", "Saut de ligne dans la puce";
    /// Insert a stock phrase at the cursor
    InsertPhrase = "insert_phrase", Changes, "phrase", "phrase", "Insérer une phrase type au curseur";
    /// Choose the highlighted entry
    Confirm = "confirm", Looks, "choose", "choisir", "Choisir l'entrée en surbrillance";
    /// Close without choosing
    Cancel = "cancel", Looks, "cancel", "annuler", "Fermer sans choisir";
    /// Next entry
    PickerDown = "picker_down", Looks, "", "", "Entrée suivante";
    /// Previous entry
    PickerUp = "picker_up", Looks, "", "", "Entrée précédente";
    /// Close the help
    CloseHelp = "close_help", Looks, "close", "fermer", "Fermer l'aide";
    /// Scroll the help down
    HelpDown = "help_down", Looks, "", "", "Faire défiler l'aide vers le bas";
    /// Scroll the help up
    HelpUp = "help_up", Looks, "", "", "Faire défiler l'aide vers le haut";
    /// Screen 1: attendance
    ScreenAttendance = "screen_attendance", Looks, "", "", "Écran 1 : présence";
    /// Screen 2: agenda and discussion points
    ScreenPoints = "screen_points", Looks, "", "", "Écran 2 : ordre du jour et points abordés";
    /// Screen 3: review of the commitments
    ScreenReview = "screen_review", Looks, "", "", "Écran 3 : examen des engagements";
    /// Screen 4: decisions
    ScreenDecisions = "screen_decisions", Looks, "", "", "Écran 4 : points arrêtés";
    /// Screen 5: preview of the record
    ScreenPreview = "screen_preview", Looks, "", "", "Écran 5 : aperçu du relevé";
    /// Screen 6: remarks received in writing
    ScreenRemarks = "screen_remarks", Looks, "", "", "Écran 6 : remarques reçues par écrit";
    /// Accept the remark: it becomes one of the commitment's observations
    AcceptRemark = "accept_remark", Changes, "accept", "accepter", "Accepter la remarque : elle rejoint les observations de l'engagement";
    /// Reject the remark, with a reason if you like (it stays, dimmed)
    RejectRemark = "reject_remark", Changes, "reject", "rejeter", "Rejeter la remarque, avec un motif si besoin (elle reste, en grisé)";
    /// Merge the remark into one of the commitment's observations
    MergeRemark = "merge_remark", Changes, "merge", "fusionner", "Fusionner la remarque dans une observation de l'engagement";
    /// Correct the day the remark was received
    RemarkReceived = "remark_received", Changes, "date", "date", "Corriger le jour où la remarque a été reçue";
    /// Next entry
    Next = "next", Looks, "", "", "Entrée suivante";
    /// Previous entry
    Prev = "prev", Looks, "", "", "Entrée précédente";
    /// First entry
    Top = "top", Looks, "", "", "Première entrée";
    /// Last entry
    Bottom = "bottom", Looks, "", "", "Dernière entrée";
    /// Scroll down a page
    PageDown = "page_down", Looks, "", "", "Page suivante";
    /// Scroll up a page
    PageUp = "page_up", Looks, "", "", "Page précédente";
    /// Present
    MarkPresent = "present", Changes, "present", "présent", "Présent";
    /// Absent
    MarkAbsent = "absent", Changes, "absent", "absent", "Absent";
    /// Excused
    MarkExcused = "excused", Changes, "excused", "excusé", "Excusé";
    /// Represented by someone else (a name)
    RepresentedBy = "represented_by", Changes, "represented", "représenté", "Représenté par quelqu'un d'autre (un nom)";
    /// Everyone not yet called is present
    EveryonePresent = "everyone_present", Changes, "all present", "tous présents", "Tous ceux qui n'ont pas été appelés sont présents";
    /// Add a participant
    AddParticipant = "add_participant", Changes, "add", "ajouter", "Ajouter un participant";
    /// Add an entry after the selected one
    AddItem = "add_item", Changes, "add", "ajouter", "Ajouter une entrée après celle choisie";
    /// Edit the selected entry
    EditItem = "edit_item", Changes, "edit", "modifier", "Modifier l'entrée choisie";
    /// Rename the selected discussion point
    RenameItem = "rename_item", Changes, "rename", "renommer", "Renommer le point abordé choisi";
    /// Delete the selected entry
    DeleteItem = "delete_item", Changes, "delete", "supprimer", "Supprimer l'entrée choisie";
    /// Move the selected entry down
    MoveItemDown = "move_item_down", Changes, "move", "déplacer", "Descendre l'entrée choisie";
    /// Move the selected entry up
    MoveItemUp = "move_item_up", Changes, "", "", "Monter l'entrée choisie";
    /// Put the commitments table after this point
    SetTable = "set_table", Changes, "table here", "tableau ici", "Placer le tableau des engagements après ce point";
    /// Set the deadline (2024-02-26, 26/02/2024, lundi 26 février 2024)
    SetDeadline = "set_deadline", Changes, "deadline", "échéance", "Fixer l'échéance (2024-02-26, 26/02/2024, lundi 26 février 2024)";
    /// Set who is responsible
    SetOwner = "set_owner", Changes, "owner", "responsable", "Désigner le responsable";
    /// Mark the decision done today
    DecisionDone = "decision_done", Changes, "done", "réalisé", "Marquer le point arrêté réalisé aujourd'hui";
    /// Drop the decision, with a reason if you like
    DecisionDropped = "decision_dropped", Changes, "drop", "abandonner", "Abandonner le point arrêté, avec un motif si besoin";
    /// Open the decision again
    DecisionReopen = "decision_reopen", Changes, "reopen", "rouvrir", "Rouvrir le point arrêté";
    /// Say which organisation made the observation
    Attribute = "attribute", Changes, "by", "par", "Indiquer l'organisation qui a fait l'observation";
    /// Save the text and close
    CloseText = "close_text", Looks, "close", "fermer", "Enregistrer le texte et fermer";
    /// Restore the notes the journal kept
    Restore = "restore", Changes, "restore", "restaurer", "Restaurer les notes gardées par le journal";
    /// Keep the journal aside and start from the file
    SetAside = "set_aside", Changes, "set aside", "mettre de côté", "Mettre le journal de côté et repartir du fichier";
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

    #[test]
    fn every_screen_and_the_export_are_open_to_a_read_only_copy() {
        for a in Action::ALL
            .iter()
            .filter(|a| a.name().starts_with("screen_"))
        {
            assert!(!a.changes_meeting(), "{a:?}");
        }
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
