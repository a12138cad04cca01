//! Every word of the interface, in English and in French, in one place. The record's words
//! (`record.rs`, `Labels`) follow the meeting's language; the others the interface's.

mod actions;
mod cli;
mod dates;
mod messages;
mod problems;
mod record;

pub use actions::action_words;
pub use cli::{CLI_EXAMPLES_FR, CLI_TEMPLATE_FR, cli_help_fr};
pub use dates::{deadline_kind, deadline_typed, parse_date, parse_date_after};
pub use messages::{Messages, fill, fill_counted, language, msg, msg_in, set_language, sheet_gap};
pub use problems::problem;
pub use record::Labels;

/// The title in the help of the keys of the screen mode `name` (its table of keys); a
/// screen without one of its own is called by its name.
pub fn mode_title(ui: &Ui, name: &'static str) -> &'static str {
    match name {
        "list" => ui.mode_list,
        "observations" => ui.mode_observations,
        "attendance" => ui.mode_attendance,
        "points" => ui.mode_points,
        "decisions" => ui.mode_decisions,
        "preview" => ui.mode_preview,
        "remarks" => ui.mode_remarks,
        other => other,
    }
}

use crate::model::Language;

macro_rules! strings {
    ($($field:ident: $en:literal, $fr:literal;)*) => {
        /// The interface's words in one language.
        pub struct Ui { $(pub $field: &'static str,)* }
        const EN: Ui = Ui { $($field: $en,)* };
        const FR: Ui = Ui { $($field: $fr,)* };
    };
}

strings! {
    screen_attendance: "Attendance", "Présence";
    screen_points: "Points", "Points";
    screen_review: "Review", "Examen";
    screen_decisions: "Decisions", "Décisions";
    screen_preview: "Preview", "Aperçu";
    screen_remarks: "Remarks", "Remarques";
    prompt_email: "E-mail address", "Adresse électronique";
    err_email: "\"{}\" is not an e-mail address: write it as name@example.org", "« {} » n'est pas une adresse électronique : écrivez-la sous la forme nom@exemple.org";
    prompt_dropped: "Reason for dropping it (optional)", "Motif de l'abandon (facultatif)";
    all_owners: "Every owner", "Tous les responsables";
    picker_owner_filter: "Show the decisions of", "Montrer les points arrêtés de";
    decision_late: "late", "en retard";
    decision_done: "done on", "réalisé le";
    decision_dropped: "dropped on", "abandonné le";
    decision_taken: "decided on", "décidé le";
    owner_filter: "owner", "responsable";
    remarks_waiting: "remarks {} to review", "remarques {} à traiter";
    no_remarks: "No remarks received in writing. Send the form with `copil remarks export`, then read the filled forms back with `copil remarks import`.", "Aucune remarque reçue par écrit. Envoyez le formulaire avec `copil remarks export`, puis relisez les formulaires remplis avec `copil remarks import`.";
    remark_rejected: "rejected", "rejetée";
    remark_accepted: "accepted", "acceptée";
    remark_merged: "merged", "fusionnée";
    remark_pending: "to review", "à traiter";
    remark_not_in_list: "not in the list", "absent de la liste";
    prompt_reject: "Reason for rejecting (optional)", "Motif du rejet (facultatif)";
    pick_observation: "Merge into observation", "Fusionner dans l'observation";
    text_remark: "Remark", "Remarque";
    no_observation_to_merge: "n° {} has no observation to merge into: accept the remark instead", "le n° {} n'a pas d'observation où fusionner : acceptez plutôt la remarque";
    change_remark: "the remarks", "les remarques";
    reviewed: "reviewed", "examinés";
    demo: " DEMO COPY ", " COPIE DE DÉMO ";
    read_only: " READ-ONLY ", " LECTURE SEULE ";
    too_small: "The terminal is too small", "Le terminal est trop petit";
    make_it: "Make it at least", "Agrandissez-le à au moins";
    notes_safe: "Your notes are safe.", "Vos notes sont en sécurité.";
    commitments: "Commitments", "Engagements";
    filter_not_reviewed: "not yet reviewed", "non examinés";
    no_commitments: "This meeting has no commitments yet: {} adds the first.", "Cette réunion n'a pas encore d'engagements : {} ajoute le premier.";
    no_match: "No commitment matches the filter. Press {} to change it.", "Aucun engagement ne correspond au filtre. {} pour le changer.";
    no_observations: "No observations", "Aucune observation";
    not_reviewed_hint: "Not yet reviewed — {} adds an observation, {} mark it", "Pas encore examiné — {} ajoute une observation, {} le marquent";
    observations: "Observations", "Observations";
    earlier_meetings: "Earlier meetings", "Réunions précédentes";
    sheet: "SHEET", "FICHE";
    no_sheet: "no commitment sheet yet", "pas encore de fiche d'engagement";
    sheet_missing: "missing", "manque :";
    no_file: "not saved: no file", "non enregistré : pas de fichier";
    saved: "✓ saved", "✓ enregistré";
    saving: "saving…", "enregistrement…";
    save_failed: "✗ SAVE FAILED", "✗ ÉCHEC DE L'ENREGISTREMENT";
    copy_kept: " · copy kept", " · copie conservée";
    retrying: "retrying", "nouvel essai";
    left: "left", "reste";
    over_by: "over by", "dépassé de";
    item: "item", "en cours";
    marks: "marks", "marques";
    new_observation: "New observation", "Nouvelle observation";
    edit_observation: "Edit observation", "Modifier l'observation";
    bullet: "• bullet", "• puce";
    sub_bullet: "o sub-bullet", "o sous-puce";
    by: "by", "par";
    choose_hint: "{}{} choose · {} · {}", "{}{} choisir · {} · {}";
    prompt_hint: " {} confirm · {} cancel ", " {} valide · {} annule ";
    confirm_hint: " y yes · any other key no ", " o oui · toute autre touche non ";
    yes_no: "y/N", "o/N";
    confirm_yes_hint: " y or Enter yes · any other key no ", " o ou Entrée oui · toute autre touche non ";
    yes_no_yes: "Y/n", "O/n";
    err_received_before: "a remark answers the meeting: it comes on or after {}", "une remarque répond à la réunion : elle arrive le {} ou après";
    err_received_future: "that day has not come yet", "ce jour n'est pas encore venu";
    prompt_received: "Received on (25/02/2024, 2024-02-25, 25 February 2024)", "Reçue le (25/02/2024, 2024-02-25, 25 février 2024)";
    confirm_drop_mark: "N° {} says \"{}\": remove that mark now that a remark came?", "Le n° {} dit « {} » : retirer cette marque maintenant qu'une remarque est arrivée ?";
    msg_mark_kept: "Mark kept on n° {}", "Marque gardée sur le n° {}";
    quoted: "\"{}\"", "« {} »";
    msg_kept: "Kept: n° {}", "Gardé : n° {}";
    mode_question: "QUESTION", "QUESTION";
    saved_read_only: "read-only", "lecture seule";
    confirm_remove: "Remove n° {} from the list?", "Retirer le n° {} de la liste ?";
    msg_not_undone: "Not undone: the file changed there since ({})", "Non annulé : le fichier a changé depuis ({})";
    msg_not_undone_behind: "Not undone: the file changed after the undo history was last kept (the program stopped at once, or another program wrote it); nothing from before is undone", "Non annulé : le fichier a changé après le dernier enregistrement de l'historique (le programme s'est arrêté net, ou un autre programme l'a écrit) ; rien d'avant n'est annulé";
    msg_not_undone_older: "{} older change(s) there dropped with it", "{} modification(s) plus ancienne(s) au même endroit écartée(s) avec elle";
    msg_added_as: "N° {} was taken meanwhile by another program: added as n° {}", "Le n° {} a été pris entre-temps par un autre programme : ajouté comme n° {}";
    file_gone: "File deleted or moved away: written back", "Fichier supprimé ou déplacé : réécrit";
    reopened_older: "Older copy than copil's last save: the newer one is written back", "Copie plus ancienne que le dernier enregistrement : la récente est réécrite";
    reopened_kept: "File changed while closed: notes it lacked are kept, flagged ⚠", "Fichier modifié pendant la fermeture : notes manquantes gardées, signalées ⚠";
    file_stale: "An older copy was put over the file: your newer notes are written back", "Une copie plus ancienne a remplacé le fichier : vos notes plus récentes sont réécrites";
    other_meeting: "Another meeting now stands in this file: nothing written over it; yours is saved as {}", "Une autre réunion occupe maintenant ce fichier : rien n'est écrit dessus ; la vôtre est enregistrée dans {}";
    nowhere_title: "Nothing could be written: where to write your notes?", "Rien n'a pu être écrit : où écrire vos notes ?";
    nowhere: "Your notes are only in memory (meeting file, copy and journal all refused): type a path, or Esc then {} to quit and lose them", "Vos notes ne sont qu'en mémoire (fichier, copie et journal refusés) : tapez un chemin, ou Échap puis {} pour quitter en les perdant";
    err_write_path: "Type the path of a file to write, on a disk that has room (a USB key)", "Tapez le chemin d'un fichier à écrire, sur un disque qui a de la place (une clé USB)";
    copy_written: "Your notes are written to {}", "Vos notes sont écrites dans {}";
    copy_failed: "Not written to {}: {}", "Non écrites dans {} : {}";
    conflict_mark: "Conflict: the mark {} was set aside after another program's change ({})", "Conflit : la marque {} a été mise de côté après la modification d'un autre programme ({})";
    conflict_removed_bullet: "Conflict: another program removed the bullet above; kept (d deletes it)", "Conflit : un autre programme a supprimé la puce ci-dessus ; gardée (d la supprime)";
    conflict_removed_notes: "Conflict: another program removed this commitment and its observations; kept (D removes it)", "Conflit : un autre programme a supprimé cet engagement et ses observations ; gardé (D le retire)";
    err_gone: "N° {} is no longer in the list (another program removed it): nothing done", "Le n° {} n'est plus dans la liste (un autre programme l'a retiré) : rien n'est fait";
    clock_started: "The meeting's clock is running", "L'horloge de la réunion tourne";
    clock_not_started: "not started", "pas commencée";
    export_stale: "exports out of date ({})", "exports périmés ({})";
    msg_deleted: "Deleted ({} brings it back): \"{}\"", "Supprimé ({} le rétablit) : « {} »";
    keys_in_force: " Keys in force ", " Touches en vigueur ";
    help_hint: " {}{} scroll · {} close ", " {}{} défiler · {} fermer ";
    mark_prefix: "Mark", "Marque";
    text_hint: " \"- \" bullet · \"  - \" sub-bullet · \"1. \" numbered · {} saves ", " « - » puce · « \u{a0}\u{a0}- » sous-puce · « 1. » liste numérotée · {} enregistre ";
    recovery_title: " The last session did not end cleanly ", " La dernière session ne s'est pas terminée proprement ";
    recovery_keys: "{}: restore and carry on · {}: keep them aside and start from the file", "{} : restaurer et continuer · {} : les mettre de côté et repartir du fichier";
    or: " or ", " ou ";
    attendance: "Attendance", "Présence";
    present: "present", "présents";
    absent: "absent", "absents";
    excused: "excused", "excusés";
    not_called: "not called", "non appelés";
    mark_present: "✓ present ", "✓ présent ";
    mark_absent: "✗ absent  ", "✗ absent  ";
    mark_excused: "~ excused ", "~ excusé  ";
    mark_not_called: "· not called", "· non appelé";
    the_organisation: "(the organisation)", "(l'organisation)";
    represented_by: "represented by", "représenté par";
    represented_by_f: "represented by", "représentée par";
    no_participants: "No participants yet: {} adds one.", "Pas encore de participants : {} en ajoute un.";
    agenda_and_points: " Agenda and points ", " Ordre du jour et points ";
    meeting: "Meeting", "Réunion";
    agenda: "Agenda (Ordre du jour)", "Ordre du jour";
    points_discussed: "Points discussed (Points abordés)", "Points abordés";
    add_agenda: "  + add an agenda item", "  + ajouter un point à l'ordre du jour";
    add_point: "  + add a discussion point", "  + ajouter un point abordé";
    table_here: "  [commitments table here]", "  [tableau des engagements ici]";
    decisions_title: " Decisions (Points arrêtés) · ", " Points arrêtés · ";
    deadline: "deadline", "échéance";
    owner: "owner", "responsable";
    carried: " (carried)", " (reporté)";
    no_decisions: "No decisions yet: {} adds one.", "Pas encore de décision : {} en ajoute une.";
    no_agenda: "  (no agenda yet: {} adds an item)", "  (pas encore d'ordre du jour : {} ajoute un point)";
    preview_title: " Preview of the record ", " Aperçu du relevé ";
    preview_time: "{} on {} items", "{} sur {} engagements";
    field_title: "Title", "Titre";
    field_date: "Date", "Date";
    field_time: "Time", "Heure";
    field_place: "Place", "Lieu";
    field_language: "Record language", "Langue du relevé";
    field_end: "Planned end", "Fin prévue";
    field_duration: "Planned duration (min)", "Durée prévue (min)";
    field_budget: "Minutes per commitment", "Minutes par engagement";
    mode_list: "Review: the list", "Examen : la liste";
    mode_observations: "Review: the observations (after Tab)", "Examen : les observations (après Tab)";
    mode_attendance: "1 Attendance", "1 Présence";
    mode_points: "2 Agenda and points", "2 Ordre du jour et points";
    mode_decisions: "4 Decisions", "4 Points arrêtés";
    mode_preview: "5 Preview", "5 Aperçu";
    mode_remarks: "6 Remarks", "6 Remarques";
    mode_editor: "Observation editor", "Éditeur d'observation";
    mode_text: "Text editor (points, decisions)", "Éditeur de texte (points, décisions)";
    mode_picker: "Search and pickers", "Recherche et listes";
    mode_prompt: "Prompts", "Questions";
    mode_help: "Help", "Aide";
    mode_recovery: "Recovery after a crash", "Récupération après un arrêt";
    new_entry: "+ new:", "+ nouveau :";
    exported: "Exported:", "Exporté :";
    export_failed: "Export failed:", "Échec de l'export :";
    nothing_to_export: "Nothing to export beside: this meeting has no file", "Rien à exporter : cette réunion n'a pas de fichier";
    saving_failed: "Saving failed:", "Échec de l'enregistrement :";
    copy_in: " (a copy is in {})", " (une copie est dans {})";
    exporting: "exporting…", "export en cours…";
    quit_kept_beside: "Press {} again to quit: another meeting stands in the file; yours, with all its notes, is in {}", "Appuyez de nouveau sur {} pour quitter : une autre réunion occupe le fichier ; la vôtre, avec toutes ses notes, est dans {}";
    quit_unsaved: "Press {} again to quit: the last changes are not in the file; they are kept in {} and offered back at the next start", "Appuyez de nouveau sur {} pour quitter : les dernières modifications ne sont pas dans le fichier ; elles sont gardées dans {} et proposées au prochain démarrage";
    in_journal: "the recovery journal", "le journal de récupération";
    help_typing_title: "Typing and commands", "Frappe et commandes";
    help_typing: "Two kinds of keys, and the screen always says which: on a list each key is a command (the status line says COMMANDS and shows them); in a text (the observation editor, a point's or a decision's text) every key is text until Esc, which keeps what was typed and closes (the status line says WRITING); a one-line question is answered with Enter and left with Esc, and a yes/no question takes one key (y yes, any other key no). In the observation editor Enter starts the next bullet; Enter on an empty sub-bullet goes back to bullet level, on an empty bullet it waits for the next one: it never closes the editor. A key means the same thing however fast or slowly it is typed.", "Deux sortes de touches, et l'écran dit toujours lesquelles : sur une liste, chaque touche est une commande (la ligne d'état dit COMMANDES et les montre) ; dans un texte (l'éditeur d'observation, le texte d'un point ou d'un point arrêté), chaque touche est du texte jusqu'à Échap, qui garde ce qui est tapé et ferme (la ligne d'état dit SAISIE) ; une question d'une ligne se valide avec Entrée et se quitte avec Échap, et une question oui/non se répond d'une touche (o oui, toute autre touche non). Dans l'éditeur d'observation, Entrée commence la puce suivante ; Entrée sur une sous-puce vide revient au niveau puce, sur une puce vide elle attend la suivante : elle ne ferme jamais l'éditeur. Une touche veut dire la même chose, qu'on la tape vite ou lentement.";
    mode_writing: "WRITING", "SAISIE";
    mode_commands: "COMMANDS", "COMMANDES";
    to_finish: "{} to finish", "{} pour finir";
    msg_not_a_key_review: "\"{}\" is not a command here: press {} to write an observation, {} for the keys", "« {} » n'est pas une commande ici : {} pour écrire une observation, {} pour les touches";
    msg_not_a_key: "\"{}\" is not a command here: {} for the keys", "« {} » n'est pas une commande ici : {} pour les touches";
    merged_outside: "Changed by another program: its change is merged in", "Modifié par un autre programme : sa modification est intégrée";
    merged_conflicts: "The file was changed by another program: merged, {} conflict(s) marked ⚠ — check them", "Le fichier a été modifié par un autre programme : intégré, {} conflit(s) marqué(s) ⚠ — vérifiez-les";
    outside_broken_hint: "Nothing is written over it: fix it there, or press {} to save over it (your notes are kept meanwhile)", "Rien n'est écrit par-dessus : corrigez-le, ou appuyez sur {} pour l'écraser (vos notes sont gardées en attendant)";
    held: "✗ FILE CHANGED OUTSIDE, NOT SAVED", "✗ FICHIER MODIFIÉ AILLEURS, NON ENREGISTRÉ";
    conflict_field: "Conflict: the file said {}: {}", "Conflit : le fichier disait {} : {}";
    conflict_removed: "Conflict: another program removed this commitment; kept because it was changed here", "Conflit : un autre programme a supprimé cet engagement ; gardé car modifié ici";
    conflict_renumbered: "Conflict: another program added a commitment n° {} too; theirs is now n° {}", "Conflit : un autre programme a aussi ajouté un engagement n° {} ; le sien est maintenant le n° {}";
    conflict_point: "Conflicts with another program's change", "Conflits avec la modification d'un autre programme";
    prompt_deadline_short: "Deadline", "Échéance";
    err_title_empty: "The title cannot be empty", "Le titre ne peut pas être vide";
    err_time: "Write the time as 11:00 or 11h, or leave it empty", "Écrivez l'heure comme 11:00 ou 11h, ou laissez vide";
    err_language: "Write fr or en", "Écrivez fr ou en";
    err_minutes: "Write a number of minutes, or leave it empty", "Écrivez un nombre de minutes, ou laissez vide";
    err_point_title: "Write a title, or press {}", "Écrivez un titre, ou {}";
    msg_opening: "Opening the meeting…", "Ouverture de la réunion…";
    msg_read_only: "Read-only: another copy of copil has this file open", "Lecture seule : une autre copie de copil a ce fichier ouvert";
    prompt_goto: "Go to commitment n°", "Aller à l'engagement n°";
    msg_undone: "Undone: {}", "Annulé : {}";
    msg_mark_removed: "Removed ({} brings it back): {} ({})", "Retiré ({} le rétablit) : {} ({})";
    carried_marks: "carried from the last meeting", "repris de la réunion précédente";
    more_lines: "… {} more (select the point to read it all)", "… {} de plus (choisissez le point pour tout lire)";
    change_on: "{} on n° {}", "{} sur le n° {}";
    change_mark: "mark {}", "marque {}";
    change_observation: "an observation", "une observation";
    change_other: "a change", "une modification";
    change_moved: "an observation moved or copied", "une observation déplacée ou copiée";
    change_list: "a commitment added or removed", "un engagement ajouté ou retiré";
    change_attendance: "the attendance", "la présence";
    change_decision: "a decision", "une décision";
    change_decision_added: "a decision added", "une décision ajoutée";
    change_decision_removed: "a decision removed", "une décision retirée";
    change_decision_text: "the text of the decision “{}”", "le texte de la décision « {} »";
    change_decision_deadline: "the deadline of the decision “{}”", "l'échéance de la décision « {} »";
    change_decision_owner: "the owner of the decision “{}”", "le responsable de la décision « {} »";
    change_decision_status: "the status of the decision “{}”", "l'état de la décision « {} »";
    change_point: "the agenda or a point", "l'ordre du jour ou un point";
    change_header: "the meeting's details", "les informations de la réunion";
    msg_nothing_undo: "Nothing to undo", "Rien à annuler";
    msg_redone: "Redone: {}", "Rétabli : {}";
    msg_nothing_redo: "Nothing to redo", "Rien à rétablir";
    msg_set_aside: "The notes were set aside; the file is as it was", "Les notes ont été mises de côté ; le fichier est tel qu'il était";
    picker_attribution: "Which organisation said it? ({} on the typed name adds it)", "Quelle organisation l'a dit ? ({} sur le nom tapé l'ajoute)";
    prompt_new_number: "New commitment: its number", "Nouvel engagement : son numéro";
    prompt_new_title: "New commitment: its title", "Nouvel engagement : son titre";
    picker_institution: "Which institution proposes it? ({} on the typed name adds it)", "Quelle institution le propose ? ({} sur le nom tapé l'ajoute)";
    err_number: "Write a number, such as 23", "Écrivez un numéro, par exemple 23";
    err_number_taken: "N° {} is already in the list; {} is free", "Le n° {} est déjà dans la liste ; le {} est libre";
    msg_added: "Commitment n° {} added", "Engagement n° {} ajouté";
    picker_correct: "Correct what?", "Corriger quoi ?";
    field_institution: "Institution", "Institution";
    field_summary: "Summary", "Résumé";
    err_remove_merged: "N° {} stays: n° {} is merged with it; remove that mark first", "Le n° {} reste : le n° {} y est fusionné ; retirez d'abord cette marque";
    msg_removed: "N° {} removed; {} brings it back", "N° {} retiré ; {} le rétablit";
    picker_move_to: "Move the observation to which commitment?", "Déplacer l'observation vers quel engagement ?";
    picker_copy_to: "Copy the observation to which commitment?", "Copier l'observation vers quel engagement ?";
    moved_to: "Moved to n° {}", "Déplacée vers le n° {}";
    copied_to: "Copied to n° {}", "Copiée vers le n° {}";
    picker_search: "Search: number, title, institution", "Recherche : numéro, titre, institution";
    picker_phrase: "Stock phrase", "Phrase type";
    filter_all: "All commitments", "Tous les engagements";
    filter_not_reviewed_entry: "Not yet reviewed", "Non encore examinés";
    filter_mark: "Mark", "Marque";
    filter_institution: "Institution", "Institution";
    picker_filter: "Show only", "N'afficher que";
    msg_no_match_filter: "No commitment matches this filter", "Aucun engagement ne correspond à ce filtre";
    err_no_commitment: "No commitment n°", "Aucun engagement n°";
    err_write_it: "Write it, or press {} to cancel", "Écrivez-le, ou {} pour annuler";
    prompt_represented: "Represented by (empty: nobody)", "Représenté par (vide : personne)";
    prompt_participant: "Name of the participant (empty for an organisation alone)", "Nom du participant (vide pour une organisation seule)";
    prompt_agenda: "Agenda item", "Point de l'ordre du jour";
    prompt_point_title: "Title of the point", "Titre du point";
    prompt_new_point: "Title of the new point", "Titre du nouveau point";
    prompt_new_agenda: "New agenda item", "Nouveau point de l'ordre du jour";
    text_new_decision: "New decision", "Nouvelle décision";
    text_decision: "Decision", "Décision";
    prompt_deadline: "Deadline: 4/03, 4 mars 2024 (by then); until 26/02: a period; empty: none", "Échéance : 4/03, 4 mars 2024 (au plus tard) ; jusqu'au 26/02 : une période ; vide : aucune";
    picker_owner: "Who is responsible? ({} on the typed name adds it)", "Qui est responsable ? ({} sur le nom tapé l'ajoute)";
    rec_notes_from: "Notes from {} that are not in the file:", "Notes du {} qui ne sont pas dans le fichier :";
    rec_unsaved: "• changes that had not reached the file yet (the whole meeting as it was)", "• des modifications qui n'étaient pas encore dans le fichier (toute la réunion telle qu'elle était)";
    rec_typing_in: "• text being typed in {}:", "• texte en cours de saisie dans {} :";
    rec_observation_on: "an observation on commitment {}", "une observation de l'engagement {}";
    rec_point: "the text of a discussion point", "le texte d'un point abordé";
    rec_decision: "a decision", "une décision";
    rec_text: "text", "un texte";
    rec_invalid: "The saved meeting in the journal is not valid: {}", "La réunion enregistrée dans le journal n'est pas valide : {}";
    rec_text_title: "Recovered text · {} saves", "Texte récupéré · {} enregistre";
    rec_moved: "Recovered: commitment {} no longer exists, so the text is in the editor on commitment {}; check it", "Récupéré : l'engagement {} n'existe plus, le texte est donc dans l'éditeur de l'engagement {} ; vérifiez-le";
    rec_nowhere: "This meeting has no commitment to put the recovered text on; here it is: {}", "Cette réunion n'a aucun engagement où remettre le texte récupéré ; le voici : {}";
    rec_other_meeting: "A journal of another meeting ({}) was found at this path: set aside as {}, not restored", "Un journal d'une autre réunion ({}) a été trouvé pour ce chemin : mis de côté sous {}, non restauré";
    rec_done: "Recovered: check the text, then carry on", "Récupéré : vérifiez le texte, puis continuez";
    err_decision_empty: "A decision cannot be empty: delete it with {}", "Une décision ne peut pas être vide : supprimez-la avec {}";
    picker_organisation: "Organisation ({} on the typed name adds a new one)", "Organisation ({} sur le nom tapé en ajoute une)";
}

/// The interface's words in `language`.
pub fn ui(language: Language) -> &'static Ui {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// The interface language from the environment: French when `LC_ALL`, `LC_MESSAGES` or
/// `LANG` says French, English otherwise.
pub fn language_from_env() -> Language {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(var)
            && !value.is_empty()
        {
            return if value.to_lowercase().starts_with("fr") {
                Language::Fr
            } else {
                Language::En
            };
        }
    }
    Language::En
}
