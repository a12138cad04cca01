//! The words of every action (`keys::Action`), by its configuration name: the short hint
//! of the status line (empty for keys too obvious to hint) and the line of the help, in
//! English and in French.

use crate::model::Language;

macro_rules! words {
    ($( $name:literal: $hint:literal, $hint_fr:literal, $help:literal, $help_fr:literal; )+) => {
        /// The hint and help line of the action named `name`, in `language`.
        pub fn action_words(name: &str, language: Language) -> Option<(&'static str, &'static str)> {
            match (name, language) {
                $(
                    ($name, Language::En) => Some(($hint, $help)),
                    ($name, Language::Fr) => Some(($hint_fr, $help_fr)),
                )+
                _ => None,
            }
        }
    };
}

words! {
    "move_down": "", "",
        "Next commitment",
        "Engagement suivant";
    "move_up": "", "",
        "Previous commitment",
        "Engagement précédent";
    "first": "", "",
        "First commitment (first observation, with the focus on them)",
        "Premier engagement (première observation, le focus sur elles)";
    "last": "", "",
        "Last commitment (last observation, with the focus on them)",
        "Dernier engagement (dernière observation, le focus sur elles)";
    "goto_number": "go to", "aller à",
        "Go to commitment number N",
        "Aller à l'engagement n° N";
    "search": "search", "chercher",
        "Search by number, title, institution",
        "Chercher par numéro, titre, institution";
    "add_observation": "add", "ajouter",
        "Add an observation at the end",
        "Ajouter une observation à la fin";
    "toggle_focus": "focus", "focus",
        "Move focus between the list and the observations",
        "Passer de la liste aux observations";
    "next_observation": "", "",
        "Next observation",
        "Observation suivante";
    "prev_observation": "", "",
        "Previous observation",
        "Observation précédente";
    "edit_observation": "edit", "modifier",
        "Edit the selected observation",
        "Modifier l'observation choisie";
    "delete_observation": "delete", "supprimer",
        "Delete the selected observation",
        "Supprimer l'observation choisie";
    "indent": "sub-bullet", "sous-puce",
        "Make the observation a sub-bullet (o)",
        "Faire de l'observation une sous-puce (o)";
    "outdent": "bullet", "puce",
        "Make the observation a bullet (•)",
        "Faire de l'observation une puce (•)";
    "add_commitment": "new item", "nouvel engagement",
        "Add a commitment to the list, during the meeting",
        "Ajouter un engagement à la liste, pendant la réunion";
    "edit_commitment": "correct", "corriger",
        "Correct the current commitment's title, institution or summary",
        "Corriger le titre, l'institution ou le résumé de l'engagement";
    "remove_commitment": "", "",
        "Remove a commitment added by mistake",
        "Retirer un engagement ajouté par erreur";
    "edit_name": "", "",
        "Correct the selected participant's name",
        "Corriger le nom du participant choisi";
    "edit_organisation": "", "",
        "Change the selected participant's organisation",
        "Changer l'organisation du participant choisi";
    "edit_email": "e-mail", "courriel",
        "The selected participant's e-mail address, for the follow-up mail",
        "L'adresse électronique du participant choisi, pour le courriel de suivi";
    "observation_up": "", "",
        "Move the selected observation up among its siblings",
        "Monter l'observation choisie";
    "observation_down": "", "",
        "Move the selected observation down among its siblings",
        "Descendre l'observation choisie";
    "move_observation": "move to", "déplacer vers",
        "Move the selected observation to another commitment",
        "Déplacer l'observation choisie vers un autre engagement";
    "copy_observation": "copy to", "copier vers",
        "Copy the selected observation to another commitment",
        "Copier l'observation choisie vers un autre engagement";
    "pick_phrase": "phrase", "phrase",
        "Add a stock phrase as an observation",
        "Ajouter une phrase type comme observation";
    "undo": "undo", "annuler",
        "Undo the last change",
        "Annuler la dernière modification";
    "redo": "redo", "rétablir",
        "Redo what was undone",
        "Rétablir ce qui a été annulé";
    "filter": "filter", "filtrer",
        "Filter: the commitments by mark, institution, not yet reviewed; the decisions by owner",
        "Filtrer : les engagements par marque, institution, non examinés ; les points arrêtés par responsable";
    "save": "", "",
        "Save now (saving is automatic anyway)",
        "Enregistrer maintenant (l'enregistrement est automatique)";
    "export": "export", "exporter",
        "Export the record in the configured formats, beside the meeting file",
        "Exporter le relevé dans les formats configurés, à côté du fichier";
    "help": "help", "aide",
        "Show the keys",
        "Afficher les touches";
    "presentation": "present", "présenter",
        "Presentation: the current commitment alone, large, for sharing the screen",
        "Présentation : l'engagement courant seul, en grand, pour le partage d'écran";
    "start_clock": "", "",
        "Start the meeting's clock now (it starts by itself at the first roll-call mark or review action on the meeting's day)",
        "Démarrer l'horloge de la réunion maintenant (elle démarre d'elle-même au premier appel ou à la première action d'examen le jour de la réunion)";
    "quit": "quit", "quitter",
        "Quit (everything is already saved)",
        "Quitter (tout est déjà enregistré)";
    "commit_bullet": "next bullet", "puce suivante",
        "Commit this bullet and start the next one",
        "Valider cette puce et commencer la suivante";
    "close_editor": "close", "fermer",
        "Commit and close the editor",
        "Valider et fermer l'éditeur";
    "sub_bullet": "o", "o",
        "Make this bullet a sub-bullet (o)",
        "Faire de cette puce une sous-puce (o)";
    "bullet": "•", "•",
        "Make this bullet a bullet (•)",
        "Faire de cette puce une puce (•)";
    "line_break": "line break", "saut de ligne",
        "Line break inside the bullet",
        "Saut de ligne dans la puce";
    "insert_phrase": "phrase", "phrase",
        "Insert a stock phrase at the cursor",
        "Insérer une phrase type au curseur";
    "confirm": "choose", "choisir",
        "Choose the highlighted entry",
        "Choisir l'entrée en surbrillance";
    "cancel": "cancel", "annuler",
        "Close without choosing",
        "Fermer sans choisir";
    "picker_down": "", "",
        "Next entry",
        "Entrée suivante";
    "picker_up": "", "",
        "Previous entry",
        "Entrée précédente";
    "close_help": "close", "fermer",
        "Close the help",
        "Fermer l'aide";
    "help_down": "", "",
        "Scroll the help down",
        "Faire défiler l'aide vers le bas";
    "help_up": "", "",
        "Scroll the help up",
        "Faire défiler l'aide vers le haut";
    "screen_attendance": "", "",
        "Screen 1: attendance",
        "Écran 1 : présence";
    "screen_points": "", "",
        "Screen 2: agenda and discussion points",
        "Écran 2 : ordre du jour et points abordés";
    "screen_review": "", "",
        "Screen 3: review of the commitments",
        "Écran 3 : examen des engagements";
    "screen_decisions": "", "",
        "Screen 4: decisions",
        "Écran 4 : points arrêtés";
    "screen_preview": "", "",
        "Screen 5: preview of the record",
        "Écran 5 : aperçu du relevé";
    "screen_remarks": "", "",
        "Screen 6: remarks received in writing",
        "Écran 6 : remarques reçues par écrit";
    "accept_remark": "accept", "accepter",
        "Accept the remark: it becomes one of the commitment's observations",
        "Accepter la remarque : elle rejoint les observations de l'engagement";
    "reject_remark": "reject", "rejeter",
        "Reject the remark, with a reason if you like (it stays, dimmed)",
        "Rejeter la remarque, avec un motif si besoin (elle reste, en grisé)";
    "merge_remark": "merge", "fusionner",
        "Merge the remark into one of the commitment's observations",
        "Fusionner la remarque dans une observation de l'engagement";
    "remark_received": "date", "date",
        "Correct the day the remark was received",
        "Corriger le jour où la remarque a été reçue";
    "next": "", "",
        "Next entry",
        "Entrée suivante";
    "prev": "", "",
        "Previous entry",
        "Entrée précédente";
    "top": "", "",
        "First entry",
        "Première entrée";
    "bottom": "", "",
        "Last entry",
        "Dernière entrée";
    "page_down": "", "",
        "Scroll down a page",
        "Page suivante";
    "page_up": "", "",
        "Scroll up a page",
        "Page précédente";
    "present": "present", "présent",
        "Present",
        "Présent";
    "absent": "absent", "absent",
        "Absent",
        "Absent";
    "excused": "excused", "excusé",
        "Excused",
        "Excusé";
    "represented_by": "represented", "représenté",
        "Represented by someone else (a name)",
        "Représenté par quelqu'un d'autre (un nom)";
    "everyone_present": "all present", "tous présents",
        "Everyone not yet called is present",
        "Tous ceux qui n'ont pas été appelés sont présents";
    "add_participant": "add", "ajouter",
        "Add a participant",
        "Ajouter un participant";
    "add_item": "add", "ajouter",
        "Add an entry after the selected one",
        "Ajouter une entrée après celle choisie";
    "edit_item": "edit", "modifier",
        "Edit the selected entry",
        "Modifier l'entrée choisie";
    "rename_item": "rename", "renommer",
        "Rename the selected discussion point",
        "Renommer le point abordé choisi";
    "delete_item": "delete", "supprimer",
        "Delete the selected entry",
        "Supprimer l'entrée choisie";
    "move_item_down": "move", "déplacer",
        "Move the selected entry down",
        "Descendre l'entrée choisie";
    "move_item_up": "", "",
        "Move the selected entry up",
        "Monter l'entrée choisie";
    "set_table": "table here", "tableau ici",
        "Put the commitments table after this point",
        "Placer le tableau des engagements après ce point";
    "set_deadline": "deadline", "échéance",
        "Set the deadline (2024-02-26, 26/02/2024, lundi 26 février 2024)",
        "Fixer l'échéance (2024-02-26, 26/02/2024, lundi 26 février 2024)";
    "set_owner": "owner", "responsable",
        "Set who is responsible",
        "Désigner le responsable";
    "decision_done": "done", "réalisé",
        "Mark the decision done today",
        "Marquer le point arrêté réalisé aujourd'hui";
    "decision_dropped": "drop", "abandonner",
        "Drop the decision, with a reason if you like",
        "Abandonner le point arrêté, avec un motif si besoin";
    "decision_reopen": "reopen", "rouvrir",
        "Open the decision again",
        "Rouvrir le point arrêté";
    "attribute": "by", "par",
        "Say which organisation made the observation",
        "Indiquer l'organisation qui a fait l'observation";
    "close_text": "close", "fermer",
        "Save the text and close",
        "Enregistrer le texte et fermer";
    "restore": "restore", "restaurer",
        "Restore the notes the journal kept",
        "Restaurer les notes gardées par le journal";
    "set_aside": "set aside", "mettre de côté",
        "Keep the journal aside and start from the file",
        "Mettre le journal de côté et repartir du fichier";
    "screen": "", "",
        "Bring that screen to the front",
        "Afficher cet écran";
    "toggle_mark": "marks", "marques",
        "Toggle a mark on the current commitment",
        "Poser ou ôter une marque";
}
