//! The command line's words and the messages about files, in English and in French. They
//! follow the interface language of the whole process, set once at start
//! (`set_language`): these messages are made far from any screen state, in the model's
//! checks and the file layer. `{}` stands for each argument of `fill`, in order.

use std::fmt::Display;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::Language;

macro_rules! messages {
    ($($field:ident: $en:literal, $fr:literal;)*) => {
        /// The command line's and the file messages' words in one language.
        pub struct Messages { $(pub $field: &'static str,)* }
        const EN: Messages = Messages { $($field: $en,)* };
        const FR: Messages = Messages { $($field: $fr,)* };
        #[cfg(test)]
        const PAIRS: &[(&str, &str, &str)] = &[$((stringify!($field), $en, $fr),)*];
    };
}

messages! {
    // Located messages.
    help: "help:", "aide :";
    cannot_read: "cannot read {}: {}", "impossible de lire {} : {}";
    hint_not_found: "check the name, or create the meeting with `copil new FILE`", "vérifiez le nom, ou créez la réunion avec `copil new FICHIER`";
    hint_permission: "check the file's permissions", "vérifiez les droits d'accès au fichier";
    hint_link_loop: "a symbolic link on the way points back to itself: give the real file's path (see `readlink -f`)", "un lien symbolique du chemin pointe sur lui-même : donnez le chemin du vrai fichier (voir `readlink -f`)";
    hint_not_regular: "give the path of a .toml file", "donnez le chemin d'un fichier .toml";
    not_regular: "it is not a regular file (a pipe, a device or a socket); copil reads only files", "ce n'est pas un fichier ordinaire (un tube, un périphérique ou une socket) ; copil ne lit que des fichiers";
    too_large: "it is larger than {} MB, the most copil reads", "il dépasse {} Mo, le maximum que copil lit";
    unpacks_too_large: "one of its parts unpacks to more than {} MB, the most copil reads (a damaged or hostile file)", "une de ses parties dépasse {} Mo une fois décompressée, le maximum que copil lit (fichier abîmé ou piégé)";
    hint_is_dir: "give the meeting file inside this folder", "donnez le fichier de réunion qui se trouve dans ce dossier";
    not_utf8: "the file is not UTF-8 text (byte 0x{})", "le fichier n'est pas du texte UTF-8 (octet 0x{})";
    utf16: "the file is UTF-16 text (\"Unicode text\"), not UTF-8", "le fichier est du texte UTF-16 (« texte Unicode »), pas de l'UTF-8";
    looks_latin1: ": it looks like Windows-1252 (Latin-1) text", " : il ressemble à du texte Windows-1252 (Latin-1)";
    replacement_char: "this line holds \"�\", a character lost when the file was converted from another encoding", "cette ligne contient « � », un caractère perdu lors d'une conversion depuis un autre codage";
    replacement_char_hint: "export the list again from the spreadsheet as CSV UTF-8, or write the missing letters", "exportez de nouveau la liste du tableur en CSV UTF-8, ou écrivez les lettres manquantes";
    not_utf8_hint: "save the file as UTF-8, for example with \"Save as… → Encoding: UTF-8\", or `iconv -f WINDOWS-1252 -t UTF-8`", "enregistrez le fichier en UTF-8, par exemple avec « Enregistrer sous… → Codage : UTF-8 », ou `iconv -f WINDOWS-1252 -t UTF-8`";
    empty_file: "the file is empty", "le fichier est vide";
    empty_file_hint: "create a meeting with `copil new FILE`, or restore the file from a copy", "créez une réunion avec `copil new FICHIER`, ou restaurez le fichier depuis une copie";
    unknown_field_hint: "remove or rename the field; the README lists the fields a meeting file takes", "supprimez ou renommez le champ ; le README donne les champs d'un fichier de réunion";
    missing_field_hint: "add the missing field; the README shows a complete example", "ajoutez le champ manquant ; le README montre un exemple complet";
    syntax_hint: "fix the TOML syntax at this place (strings in \"quotes\", one key = value per line)", "corrigez la syntaxe TOML à cet endroit (textes entre \"guillemets\", une clé = valeur par ligne)";
    syntax_hint_short: "fix the TOML syntax at this place", "corrigez la syntaxe TOML à cet endroit";

    // The meeting file.
    no_meeting_table: "the file has no [meeting] table", "le fichier n'a pas de table [meeting]";
    no_meeting_table_hint: "start the file with [meeting] and its title and date (see the README)", "commencez le fichier par [meeting], avec son titre et sa date (voir le README)";
    not_a_time: "\"{}\" is not a time", "« {} » n'est pas une heure";
    time_hint: "write the time as \"11:00\", or remove the line", "écrivez l'heure sous la forme \"11:00\", ou supprimez la ligne";
    end_hint: "write the planned end as end = \"13:00\", or remove the line", "écrivez la fin prévue sous la forme end = \"13:00\", ou supprimez la ligne";
    unknown_record_language: "unknown record language \"{}\"", "langue du relevé inconnue : « {} »";
    record_language_hint: "write language = \"fr\" or language = \"en\"", "écrivez language = \"fr\" ou language = \"en\"";
    unknown_ogp_value: "unknown OGP value \"{}\"", "valeur OGP inconnue : « {} »";
    ogp_value_hint: "use \"transparency\", \"participation\" or \"accountability\"", "utilisez \"transparency\", \"participation\" ou \"accountability\"";
    mark_no_id: "a mark has no id", "une marque n'a pas d'id";
    mark_no_id_hint: "write marks as { id = \"…\" } with one of: {}", "écrivez les marques sous la forme { id = \"…\" } avec l'un de : {}";
    mark_unknown_field: "mark \"{}\" has an unknown field \"{}\"", "la marque « {} » a un champ inconnu « {} »";
    mark_argument_hint: "the argument of \"{}\" is written `{}`", "l'argument de « {} » s'écrit `{}`";
    mark_wrong_type: "mark \"{}\" has an argument of the wrong type: {}", "la marque « {} » a un argument du mauvais type : {}";
    mark_wrong_type_hint: "write a text in quotes, or a commitment number", "écrivez un texte entre guillemets, ou un numéro d'engagement";
    not_a_date: "the {} {} is not a date", "{} : {} n'est pas une date";
    date_hint: "write the {} as {} = 2024-02-22", "écrivez-la sous la forme {} = 2024-02-22";
    not_a_datetime: "{} is not a local date and time", "{} n'est pas une date et heure locale";
    datetime_hint: "write it as last_discussed = 2024-02-22T11:30:00, or remove the line", "écrivez-la sous la forme last_discussed = 2024-02-22T11:30:00, ou supprimez la ligne";

    // The model's checks.
    title_empty: "the meeting title is empty", "le titre de la réunion est vide";
    title_empty_hint: "write the title of the meeting, for example \"Réunion du comité de pilotage\"", "écrivez le titre de la réunion, par exemple \"Réunion du comité de pilotage\"";
    no_organisation: "a participant has no organisation", "un participant n'a pas d'organisation";
    no_organisation_hint: "write the organisation the person represents", "écrivez l'organisation que la personne représente";
    two_tables: "more than one point holds the commitments table", "plusieurs points portent le tableau des engagements";
    two_tables_hint: "keep `table = true` on one point only (point {} already has it)", "gardez `table = true` sur un seul point (le point {} l'a déjà)";
    decision_empty: "a decision has no text", "une décision n'a pas de texte";
    decision_empty_hint: "write the decision, or delete the empty [[decisions]] entry", "écrivez la décision, ou supprimez l'entrée [[decisions]] vide";
    number_zero: "commitment number 0", "engagement numéro 0";
    number_zero_hint: "number commitments from 1", "numérotez les engagements à partir de 1";
    duplicate_number: "duplicate commitment number {} (entry {} already uses it)", "numéro d'engagement {} en double (l'entrée {} l'utilise déjà)";
    duplicate_number_hint: "give this commitment a free number, such as {}", "donnez à cet engagement un numéro libre, par exemple {}";
    commitment_no_title: "commitment {} has an empty title", "l'engagement {} a un titre vide";
    commitment_no_title_hint: "write the title as the proposing institution gave it", "écrivez le titre tel que l'institution qui le propose l'a donné";
    bad_level: "observation level {} does not exist", "le niveau d'observation {} n'existe pas";
    bad_level_hint: "use level 0 for a bullet (•) or 1 for a sub-bullet (o)", "utilisez le niveau 0 pour une puce (•) ou 1 pour une sous-puce (o)";
    unknown_mark: "unknown mark \"{}\"", "marque inconnue : « {} »";
    use_one_of: "use one of: {}", "utilisez l'un de : {}";
    mark_twice: "mark \"{}\" is given twice", "la marque « {} » est donnée deux fois";
    mark_twice_hint: "keep one of the two", "gardez l'une des deux";
    mark_no_argument: "mark \"{}\" takes no argument", "la marque « {} » ne prend pas d'argument";
    mark_no_argument_hint: "write it as { id = \"{}\" }", "écrivez-la sous la forme { id = \"{}\" }";
    merge_itself: "commitment {} is marked to merge with itself", "l'engagement {} est marqué à fusionner avec lui-même";
    merge_itself_hint: "name the other commitment's number", "donnez le numéro de l'autre engagement";
    merge_missing: "mark \"{}\" names commitment {}, which does not exist", "la marque « {} » désigne l'engagement {}, qui n'existe pas";
    merge_missing_hint: "name the number of a commitment of this meeting", "donnez le numéro d'un engagement de cette réunion";
    mark_needs_text: "mark \"{}\" needs its {} as text", "la marque « {} » attend son argument {} sous forme de texte";
    mark_needs_text_hint: "write it as { id = \"{}\", {} = \"…\" }", "écrivez-la sous la forme { id = \"{}\", {} = \"…\" }";
    mark_needs_number: "mark \"{}\" needs a commitment number", "la marque « {} » attend un numéro d'engagement";
    mark_needs_number_hint: "write it as { id = \"{}\", {} = 9 }", "écrivez-la sous la forme { id = \"{}\", {} = 9 }";
    // CSV lists.
    csv_header_unreadable: "cannot read the header row: {}", "impossible de lire la ligne d'en-tête : {}";
    csv_header_hint: "the first row names the columns: number,title,institution[,summary]", "la première ligne nomme les colonnes : number,title,institution[,summary] (ou numéro,titre,institution[,résumé])";
    csv_no_number_column: "the header row has no number column", "la ligne d'en-tête n'a pas de colonne de numéro";
    csv_no_title_column: "the header row has no title column", "la ligne d'en-tête n'a pas de colonne de titre";
    csv_row_unreadable: "cannot read this row: {}", "impossible de lire cette ligne : {}";
    csv_row_hint: "check the quotes of this row", "vérifiez les guillemets de cette ligne";
    csv_duplicate: "duplicate commitment number {} (line {} already uses it)", "numéro d'engagement {} en double (la ligne {} l'utilise déjà)";
    csv_duplicate_hint: "give each commitment its own number", "donnez à chaque engagement son propre numéro";
    csv_not_a_number: "\"{}\" is not a commitment number", "« {} » n'est pas un numéro d'engagement";
    csv_not_a_number_hint: "write a whole number from 1 in the number column", "écrivez un nombre entier à partir de 1 dans la colonne du numéro";
    csv_no_title: "commitment {} has no title", "l'engagement {} n'a pas de titre";
    csv_no_title_hint: "write the title in the title column", "écrivez le titre dans la colonne du titre";
    csv_empty: "the file has a header row but no commitments", "le fichier a une ligne d'en-tête mais aucun engagement";
    csv_empty_hint: "add one row per commitment under the header", "ajoutez une ligne par engagement sous l'en-tête";
    // The configuration.
    config_path_hint: "check the path given to --config", "vérifiez le chemin donné à --config";
    unknown_setting: "unknown setting `{}`", "réglage inconnu : `{}`";
    settings_here: "the settings here are: {}", "les réglages possibles ici : {}";
    unknown_key_table: "unknown key table `keys.{}`", "table de touches inconnue : `keys.{}`";
    unknown_action: "unknown action `{}` in [keys.{}]", "action inconnue `{}` dans [keys.{}]";
    unknown_action_hint: "`copil config init` writes every action with its keys", "`copil config init` écrit toutes les actions avec leurs touches";
    not_a_key: "`{}` is not a key, for `{}` in [keys.{}]", "`{}` n'est pas une touche, pour `{}` dans [keys.{}]";
    not_a_key_hint: "write keys as \"a\", \"G\", \"ctrl-s\", \"alt-enter\", \"shift-tab\", \"f5\" is not supported", "écrivez les touches comme \"a\", \"G\", \"ctrl-s\", \"alt-enter\", \"shift-tab\" ; \"f5\" n'est pas prise en charge";
    unknown_theme: "unknown theme \"{}\"", "thème inconnu : « {} »";
    config_fix_hint: "fix the configuration file, or remove it to use the built-in settings", "corrigez le fichier de configuration, ou supprimez-le pour revenir aux réglages intégrés";
    not_a_colour: "\"{}\" is not a colour", "« {} » n'est pas une couleur";
    colour_hint: "use a colour name such as \"cyan\" or \"dark-gray\", \"reset\", or \"#rrggbb\"", "utilisez un nom de couleur comme \"cyan\" ou \"dark-gray\", \"reset\", ou \"#rrggbb\"";
    mark_key_not_char: "mark key \"{}\" is not a single character", "la touche de marque « {} » n'est pas un seul caractère";
    mark_key_hint: "give each mark one key, such as \"f\"", "donnez une touche à chaque marque, par exemple \"f\"";
    mark_repeats: "mark \"{}\" repeats the id or key of mark \"{}\"", "la marque « {} » reprend l'id ou la touche de la marque « {} »";
    mark_repeats_hint: "give every mark its own id and key", "donnez à chaque marque son propre id et sa propre touche";
    unknown_export_format: "unknown export format \"{}\"", "format d'export inconnu : « {} »";
    use_some_of: "use some of: {}", "utilisez certains de : {}";
    unknown_ui_language: "unknown interface language \"{}\"", "langue d'interface inconnue : « {} »";
    ui_language_hint: "write language = \"fr\", \"en\" or \"auto\"", "écrivez language = \"fr\", \"en\" ou \"auto\"";
    // Saving and the lock.
    cannot_save: "cannot save {}: {} failed: {}", "impossible d'enregistrer {} : échec à l'étape « {} » : {}";
    cannot_save_refused: "cannot save {}: {}", "impossible d'enregistrer {} : {}";
    step_create_temp: "creating a temporary file beside it", "création d'un fichier temporaire à côté";
    step_write: "writing", "écriture";
    step_sync_file: "flushing to disk", "écriture sur le disque";
    step_permissions: "copying the file's permissions", "copie des droits du fichier";
    form_entity: "it holds the XML entity &{}; which no Word file holds: save it again from Word or LibreOffice", "il contient l'entité XML &{}; qu'aucun fichier Word ne contient : réenregistrez-le depuis Word ou LibreOffice";
    terminal_too_large: "the terminal says it is {} × {} cells, more than copil can draw: check its size (stty size)", "le terminal annonce {} × {} cellules, plus que copil ne peut dessiner : vérifiez sa taille (stty size)";
    form_other_meeting: "this form is of another meeting (\"{}\"), not of the one of {}: import the right one, or add --force to import it anyway", "ce formulaire est celui d'une autre réunion (« {} »), pas de celle du {} : importez le bon, ou ajoutez --force pour l'importer quand même";
    changed_meanwhile: "another program changed the file while it was being written: merged first", "un autre programme a modifié le fichier pendant son écriture : intégré d'abord";
    is_a_link: "it is a symbolic link: copil does not write a document through a link; remove the link or choose another name", "c'est un lien symbolique : copil n'écrit pas un document à travers un lien ; supprimez le lien ou choisissez un autre nom";
    step_template: "reading the house template", "lecture du modèle maison";
    step_typeset: "laying out the PDF", "mise en page du PDF";
    pdf_to_terminal: "a PDF is not for the terminal: send it to the printer (copil print FILE --pdf | lp) or to a file (> FILE.pdf)", "un PDF ne s'affiche pas dans le terminal : envoyez-le à l'imprimante (copil print FICHIER --pdf | lp) ou dans un fichier (> FICHIER.pdf)";
    pdf_not_archival: "{} is a plain PDF, not PDF/A: no font copil ships has {} (a flag, an emoji…); take it out of the meeting for an archival PDF", "{} est un PDF ordinaire, pas PDF/A : aucune police de copil n'a {} (un drapeau, un émoji…) ; retirez-le de la réunion pour un PDF d'archive";
    pdf_untagged: "{}: its table of {} rows was laid out in parts, side by side: the PDF carries no accessibility tags (PDF/A-2b asks for none)", "{} : son tableau de {} lignes a été mis en page en plusieurs parties à la fois : le PDF ne porte pas de balises d'accessibilité (PDF/A-2b n'en demande pas)";
    no_pdf: "this copil was built without PDF (cargo feature pdf): choose docx, html, md or txt", "ce copil a été construit sans PDF (fonctionnalité cargo pdf) : choisissez docx, html, md ou txt";
    remarks_file: "remarks", "remarques";
    bad_remark_status: "unknown remark status \"{}\"", "état de remarque inconnu « {} »";
    bad_remark_status_hint: "write status = \"pending\", \"accepted\", \"merged\" or \"rejected\"", "écrivez status = \"pending\", \"accepted\", \"merged\" ou \"rejected\"";
    form_protected: "protected by a password, or an old .doc/.xls file: save it as .docx or .xlsx without a password and import it again", "protégé par un mot de passe, ou ancien fichier .doc/.xls : enregistrez-le en .docx ou .xlsx sans mot de passe et importez-le de nouveau";
    form_not_word: "not a Word file (.docx) that can be read", "pas un fichier Word (.docx) lisible";
    form_not_sheet: "not a spreadsheet (.xlsx, .ods) or a csv file that can be read", "pas un tableur (.xlsx, .ods) ni un fichier csv lisible";
    form_no_columns: "no table with a \"N°\" and a \"Remarques\" column: send the form copil wrote, or name those two columns", "aucun tableau avec une colonne « N° » et une colonne « Remarques » : envoyez le formulaire écrit par copil, ou nommez ces deux colonnes";
    form_row: "row {}: {}", "ligne {} : {}";
    form_no_number: "a remark with no commitment number: write the number in the N° column", "une remarque sans numéro d'engagement : écrivez le numéro dans la colonne N°";
    form_unknown: "n° {} is not in this meeting: correct the number or remove the row", "le n° {} n'est pas dans cette réunion : corrigez le numéro ou supprimez la ligne";
    form_read: "{}: {} new remarks, author from {}, {}", "{} : {} nouvelles remarques, auteur pris {}, {}";
    form_read_one: "{}: {} new remark, author from {}, {}", "{} : {} nouvelle remarque, auteur pris {}, {}";
    list_at: "{}: {}", "{} : {}";
    file_gone_kept: "{} does not exist any more; copil kept the version it last saved. To take it back:\n  cp \"{}\" \"{}\"", "{} n'existe plus ; copil a gardé la version qu'il a enregistrée en dernier. Pour la reprendre :\n  cp \"{}\" \"{}\"";
    list_row: "row {}: {}", "ligne {} : {}";
    list_no_columns: "no Organisation column: the header row names the columns (Nom/Name, Organisation/Organization, Courriel/Email, Civilité)", "pas de colonne Organisation : la ligne d'en-tête nomme les colonnes (Nom/Name, Organisation/Organization, Courriel/Email, Civilité)";
    list_no_organisation: "no organisation: write it, or delete the row", "pas d'organisation : écrivez-la, ou supprimez la ligne";
    list_bad_email: "\"{}\" is not an e-mail address: correct it, or leave the cell empty", "« {} » n'est pas une adresse électronique : corrigez-la, ou laissez la case vide";
    list_read: "{}: {} added, {} already in the meeting", "{} : {} ajoutés, {} déjà dans la réunion";
    list_nothing_kept: "Nothing was imported: correct the lists and run the command again.", "Rien n'a été importé : corrigez les listes et relancez la commande.";
    list_total: "{} participants in {}", "{} participants dans {}";
    received_given: "received {} (--received)", "réception le {} (--received)";
    received_document: "received {} (the day the form was saved; --received DATE to say otherwise)", "réception le {} (jour où le formulaire a été enregistré ; --received DATE pour une autre date)";
    received_today: "received today, {} (the form has no date; --received DATE to say otherwise)", "réception aujourd'hui, {} (le formulaire n'a pas de date ; --received DATE pour une autre date)";
    author_from_field: "the form's Organisation field", "du champ Organisation du formulaire";
    author_from_comment: "the comments' authors", "des auteurs des commentaires";
    author_from_file: "the file name (the Organisation field was empty)", "du nom du fichier (le champ Organisation était vide)";
    import_nothing_kept: "Nothing of this import was kept: correct the forms above and run it again.", "Rien de cet import n'a été gardé : corrigez les formulaires ci-dessus et relancez-le.";
    remarks_added: "{} remarks wait for review in {} (screen 6)", "{} remarques attendent d'être traitées dans {} (écran 6)";
    remarks_added_one: "{} remark waits for review in {} (screen 6)", "{} remarque attend d'être traitée dans {} (écran 6)";
    form_at: "{}: {}", "{} : {}";
    st_remarks: "Remarks received in writing", "Remarques reçues par écrit";
    st_remark_counts: "{} to review, {} accepted, {} rejected", "{} à traiter, {} acceptées, {} rejetées";
    bad_decision_status: "unknown decision status \"{}\"", "état de point arrêté inconnu « {} »";
    bad_decision_status_hint: "write status = \"open\", \"done\" or \"dropped\" (with closed = YYYY-MM-DD)", "écrivez status = \"open\", \"done\" ou \"dropped\" (avec closed = AAAA-MM-JJ)";
    st_owners: "Decisions by owner", "Points arrêtés par responsable";
    st_owner_counts: "{} open (of which {} late), {} done, {} dropped", "{} en cours (dont {} en retard), {} réalisés, {} abandonnés";
    st_no_owner: "(no owner)", "(sans responsable)";
    response_file: "response", "reponse";
    template_no_page_numbers: "{}: the house template's footer shows no page number, so the record has none: add a PAGE field to its footer, or leave docx_template empty for copil's \"Page X / Y\"", "{} : le pied de page du modèle maison ne montre pas de numéro de page, le relevé n'en a donc pas : ajoutez un champ PAGE à son pied de page, ou laissez docx_template vide pour le « Page X / Y » de copil";
    undecided: "{} commitments without a decision of the committee, their response says so: n° {}", "{} engagements sans décision du comité, leur réponse le dit : n° {}";
    response_by_institution: "--by-institution writes the follow-up letters, and the reasoned response is one document: leave out --by-institution or --document response", "--by-institution écrit les lettres de suivi, et la réponse motivée est un seul document : retirez --by-institution ou --document response";
    bad_email: "\"{}\" is not an e-mail address", "« {} » n'est pas une adresse électronique";
    bad_email_hint: "write it as name@example.org, or remove the email line", "écrivez-la sous la forme nom@exemple.org, ou supprimez la ligne email";
    mail_written: "{}: to {} addresses", "{} : à {} adresses";
    mail_written_one: "{}: to 1 address", "{} : à 1 adresse";
    mail_no_address: "{}: no address for {}: its To is empty (add the participants' e-mail on screen 1, key m)", "{} : aucune adresse pour {} : le destinataire est vide (ajoutez le courriel des participants sur l'écran 1, touche m)";
    mail_no_address_all: "{}: no participant has an address, its To is empty (add their e-mail on screen 1, key m)", "{} : aucun participant n'a d'adresse, le destinataire est vide (ajoutez leur courriel sur l'écran 1, touche m)";
    step_rename: "replacing the file", "remplacement du fichier";
    name_refused: "Windows does not allow this file name (none of < > : \" / \\ | ? *, no dot or space at its end, not CON, PRN, AUX, NUL, COM1…9 or LPT1…9): choose another", "Windows n'accepte pas ce nom de fichier (aucun de < > : \" / \\ | ? *, ni point ni espace à la fin, ni CON, PRN, AUX, NUL, COM1…9 ou LPT1…9) : choisissez-en un autre";
    no_folder: "there is no folder {}: create it first, or write the file elsewhere", "il n'y a pas de dossier {} : créez-le d'abord, ou écrivez le fichier ailleurs";
    no_file_matches: "no file matches {}: check the folder and the pattern", "aucun fichier ne correspond à {} : vérifiez le dossier et le motif";
    is_folder: "this is a folder: name the files in it (for example FOLDER/*.docx)", "c'est un dossier : nommez les fichiers qu'il contient (par exemple DOSSIER/*.docx)";
    held_by_another: "another program has the file open (Word, a synced folder, an antivirus): close it there, copil tries again", "un autre programme a ouvert le fichier (Word, un dossier synchronisé, un antivirus) : fermez-le dans ce programme, copil réessaie";
    step_sync_dir: "flushing the folder to disk", "écriture du dossier sur le disque";
    holder: "process {} on {}, since {}", "processus {} sur {}, depuis {}";
    already_open: "{} is already open in copil ({}).", "{} est déjà ouvert dans copil ({}).";
    open_read_only: "Open it read-only? [y/N] ", "L'ouvrir en lecture seule ? [o/N] ";
    or_take_over: "\n(t: take it over, if that copy is in fact closed) ", "\n(t : le reprendre, si cette copie est en fait fermée) ";
    stale_lock: "Lock taken over: the copy that left it is gone ({})", "Verrou repris : la copie qui l'avait laissé a disparu ({})";
    data_dir_refused: "Data folder not writable: {} ({}); the journal and the copies go to {}", "Dossier de données non inscriptible : {} ({}) ; le journal et les copies vont dans {}";
    nowhere: "no other place either: only the meeting file itself holds the notes", "aucun autre endroit non plus : seul le fichier de réunion garde les notes";
    no_place: "no folder takes copil's lock for this meeting ({} nor its fallbacks beside the meeting, in the temporary folder, in the home folder); check the disk", "aucun dossier n'accepte le verrou de copil pour cette réunion ({} ni les autres, à côté de la réunion, dans le dossier temporaire, dans le dossier personnel) ; vérifiez le disque";
    close_it_first: "{} is already open in copil ({}); close it there first", "{} est déjà ouvert dans copil ({}) ; fermez-le d'abord là-bas";
    nothing_opened: "{} is already open in copil ({}); nothing was opened", "{} est déjà ouvert dans copil ({}) ; rien n'a été ouvert";
    terminal_error: "terminal: {}", "terminal : {}";
    demo_error: "cannot prepare the demo meeting in {}: {}", "impossible de préparer la réunion de démonstration dans {} : {}";
    final_save_failed: "the last changes could not be saved: {}", "les dernières modifications n'ont pas pu être enregistrées : {}";
    outside_not_written: "the file was changed by another program and does not load ({}); it was not written over. Your notes are in {}", "le fichier a été modifié par un autre programme et ne se charge pas ({}) ; il n'a pas été écrasé. Vos notes sont dans {}";
    kept_beside_exit: "another meeting stands in the file; it was not written over. Your meeting, with all its notes, is in {}: copil \"{}\" opens it", "une autre réunion occupe le fichier ; elle n'a pas été écrasée. Votre réunion, avec toutes ses notes, est dans {} : copil « {} » l'ouvre";
    other_not_written: "{}; it was not written over. Your latest notes are also in {}", "{} ; il n'a pas été écrasé. Vos dernières notes sont aussi dans {}";
    demo_set_aside: "The demo copy no longer loaded ({}); it is kept as {} and a fresh one is open", "La copie de démo ne se chargeait plus ({}) ; elle est gardée sous {} et une nouvelle est ouverte";
    kept_in: "{}\nNothing is lost: the meeting is kept in {}, and opening the file again offers it back", "{}\nRien n'est perdu : la réunion est gardée dans {}, et rouvrir le fichier la propose à nouveau";
    crashed: "copil stopped on an internal error. Nothing is lost: the notes are in {}; open {} again to restore them", "copil s'est arrêté sur une erreur interne. Rien n'est perdu : les notes sont dans {} ; rouvrez {} pour les restaurer";
    crashed_no_journal: "copil stopped on an internal error, and the journal could not be written: {}", "copil s'est arrêté sur une erreur interne, et le journal n'a pas pu être écrit : {}";

    // The command line.
    already_exists: "{} already exists: choose another name, or move the old file away first", "{} existe déjà : choisissez un autre nom, ou déplacez d'abord l'ancien fichier";
    export_exists: "{} already exists: add --force to replace it, or choose another name with -o", "{} existe déjà : ajoutez --force pour le remplacer, ou choisissez un autre nom avec -o";
    export_is_meeting: "{} is the meeting file itself: choose another output with -o", "{} est le fichier de la réunion lui-même : choisissez une autre sortie avec -o";
    bad_log_level: "--log-level {}: use off, error, warn, info, debug or trace", "--log-level {} : utilisez off, error, warn, info, debug ou trace";
    key_conflict: "in [keys.{}], \"{}\" is bound to both {} and {}", "dans [keys.{}], « {} » est attribuée à la fois à {} et à {}";
    quit_in_text_mode: "quit cannot be bound in [keys.{}]: a key there types text, and quitting would drop it", "quit ne peut pas être attribuée dans [keys.{}] : une touche y sert à taper du texte, et quitter le perdrait";
    quit_in_text_mode_hint: "remove this line; close the editor first (Esc), then quit", "supprimez cette ligne ; fermez d'abord l'éditeur (Échap), puis quittez";
    key_conflict_help: "give one of them another key", "donnez une autre touche à l'une des deux";
    wrote_commitments: "wrote {} commitments to {}", "{} engagements écrits dans {}";
    wrote: "wrote {}", "écrit : {}";
    cannot_create: "cannot create {}: {}", "impossible de créer {} : {}";
    no_config_dir: "this system has no configuration directory", "ce système n'a pas de dossier de configuration";
    cannot_write_manual: "cannot write the manual: {}", "impossible d'écrire le manuel : {}";
    cannot_write_output: "cannot write the output: {}", "impossible d'écrire la sortie : {}";
    check_ok: "{}: ok: {} commitment[s] ({} reviewed), {} participant[s] ({} named; {} present, {} absent, {} excused, {} not called), {} decision[s], marks in use: {}", "{} : correct : {} engagement[s] ({} examiné[s]), {} participant[s] ({} nommé[s] ; {} présent[s], {} absent[s], {} excusé[s], {} non appelé[s]), {} décision[s], marques utilisées : {}";
    none: "none", "aucune";
    st_commitments: "commitments", "engagements";
    config_init_header: "# copil configuration. Settings here override the built-in ones key by key;\n# delete what you do not change. A list (marks, phrases) replaces the built-in one.", "# Configuration de copil. Les réglages écrits ici remplacent ceux d'origine clé par clé ;\n# supprimez ce que vous ne changez pas. Une liste (marques, phrases) remplace celle d'origine.";
    colon: ": ", " : ";
    gap_problem: "problem", "problématique";
    gap_solution: "solution", "solution";
    gap_lead_agency: "lead agency", "institution chef de file";
    gap_activities: "activities", "activités";
    gap_activity_dates: "activity dates", "dates des activités";
    gap_values: "values", "valeurs";
    st_reviewed: "reviewed in this meeting {}, not yet reviewed {} (of which {} with marks carried from the last meeting)", "examinés dans cette réunion {}, pas encore examinés {} (dont {} avec des marques reprises de la réunion précédente)";
    st_observations: "observations", "observations";
    st_time: "time spent", "temps passé";
    st_clock: "on the items; meeting clock {}", "sur les engagements ; horloge de la réunion {}";
    st_times: "time per item", "temps par engagement";
    st_times_total: "total {} on {} items", "total {} sur {} engagements";
    st_longest: "longest: {}", "les plus longs : {}";
    st_participants: "participants", "participants";
    st_attendance: "present {}, absent {}, excused {}, not called {}", "présents {}, absents {}, excusés {}, non appelés {}";
    st_decisions: "decisions", "décisions";
    st_marks: "marks", "marques";
    st_not_in_config: "(not in the configuration)", "(absente de la configuration)";
    st_sheets: "commitment sheets: what is missing, by institution", "fiches d'engagement : ce qui manque, par institution";
    st_no_institution: "(no institution)", "(sans institution)";
    created_from: "created {} from the last meeting ({} commitment[s], {} open decision[s], {})", "{} créé à partir de la dernière réunion ({} engagement[s], {} décision[s] en cours, {})";
    created: "created {} ({} commitment[s], {})", "{} créé ({} engagement[s], {})";
    bad_date: "--date: {}", "--date : {}";
    bad_record_language: "--language {}: use fr or en", "--language {} : utilisez fr ou en";
}

static FRENCH: AtomicBool = AtomicBool::new(false);

/// Sets the language of the command line and of the file messages for the whole process.
pub fn set_language(language: Language) {
    FRENCH.store(language == Language::Fr, Ordering::Relaxed);
}

/// The language set with `set_language`.
pub fn language() -> Language {
    if FRENCH.load(Ordering::Relaxed) {
        Language::Fr
    } else {
        Language::En
    }
}

/// The command line's and the file messages' words, in the language set.
pub fn msg() -> &'static Messages {
    msg_in(language())
}

/// The same words in `language`, for a screen whose language is its own.
pub fn msg_in(language: Language) -> &'static Messages {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// `template` filled as `fill` does, where a count's words agree with it: `[s]` in the
/// text after a `{}` stands only when that argument is a plural count ("1 decision", "2
/// decisions"; in French 0 and 1 take the singular, "0 décision").
pub fn fill_counted(language: Language, template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        let arg = args.next().map(|a| a.to_string());
        let plural = match (arg.as_deref().map(str::parse::<u64>), language) {
            (Some(Ok(n)), Language::Fr) => n > 1,
            (Some(Ok(n)), Language::En) => n != 1,
            _ => true,
        };
        out.push_str(arg.as_deref().unwrap_or_default());
        let mut rest = part;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']').map(|c| open + c) else {
                break;
            };
            out.push_str(&rest[..open]);
            if plural {
                out.push_str(&rest[open + 1..close]);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }
    out
}

/// `template` with each `{}` replaced by the next of `args`; arguments a language does not
/// need are left out.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        if let Some(arg) = args.next() {
            out.push_str(&arg.to_string());
        }
        out.push_str(part);
    }
    out
}

/// A missing part of a commitment's sheet (`Sheet::gaps`), in the interface's language.
pub fn sheet_gap(name: &str, language: Language) -> &'static str {
    let m = msg_in(language);
    match name {
        "problem" => m.gap_problem,
        "solution" => m.gap_solution,
        "lead_agency" => m.gap_lead_agency,
        "activities" => m.gap_activities,
        "activity dates" => m.gap_activity_dates,
        _ => m.gap_values,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_and_its_words_agree() {
        let forms = "{} commitment[s], {} decision[s] open ({})";
        let en = |args: &[&dyn Display]| fill_counted(Language::En, forms, args);
        assert_eq!(
            en(&[&1, &2, &"x[y]"]),
            "1 commitment, 2 decisions open (x[y])"
        );
        assert_eq!(en(&[&0, &1, &"z"]), "0 commitments, 1 decision open (z)");
        let fr = "{} décision[s] en cours, {} examiné[s]";
        let fr = fill_counted(Language::Fr, fr, &[&0, &3]);
        assert_eq!(fr, "0 décision en cours, 3 examinés");
    }

    #[test]
    fn fill_puts_the_arguments_in_order_and_leaves_unused_ones_out() {
        assert_eq!(
            fill(EN.duplicate_number, &[&7, &2]),
            "duplicate commitment number 7 (entry 2 already uses it)"
        );
        assert_eq!(
            fill(FR.date_hint, &[&"deadline", &"deadline"]),
            "écrivez-la sous la forme deadline = 2024-02-22"
        );
    }

    #[test]
    fn french_never_asks_for_an_argument_english_does_not_give() {
        // French may leave an argument out where it reads better, never ask for one more.
        for (name, en, fr) in PAIRS {
            assert!(
                fr.matches("{}").count() <= en.matches("{}").count(),
                "{name}: {en} / {fr}"
            );
            assert!(!fr.is_empty() && !en.is_empty(), "{name}");
        }
    }
}
