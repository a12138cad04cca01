//! The comments of `config/default.toml` in French, for `copil config init` under a French
//! interface. The built-in file keeps one language; each of its comment blocks (the lines
//! between two rules, or the lines above a setting) has its French text here, found by the
//! English one. A block without a translation stays in English, and a test says which.

use crate::model::Language;

/// (English block, French block), each line with its `# `.
const FRENCH: &[(&str, &str)] = &[
    (
        "# copil — built-in configuration.\n\
         #\n\
         # A user file in the platform configuration directory, or a file given with --config,\n\
         # overrides these settings key by key. Every mark has a French and an English label\n\
         # (shown on badges) and sentence (written into the record).",
        "# copil — configuration d'origine.\n\
         #\n\
         # Un fichier de l'utilisateur dans le dossier de configuration du système, ou un fichier\n\
         # donné avec --config, remplace ces réglages clé par clé. Chaque marque a une étiquette\n\
         # (affichée sur les badges) et une phrase (écrite dans le relevé), en français et en anglais.",
    ),
    (
        "# The language of the interface: \"fr\", \"en\", or \"auto\" to follow the system (LANG). The\n\
         # record is written in each meeting's own language ([meeting] language).",
        "# La langue de l'interface : \"fr\", \"en\", ou \"auto\" pour suivre le système (LANG). Le\n\
         # relevé est écrit dans la langue de chaque réunion ([meeting] language).",
    ),
    (
        "# Stock phrases: the sentences that come back in every meeting, picked with `p` on the\n\
         # review screen or Ctrl-p in the editor. The French text is inserted in a French record,\n\
         # the English one in an English record.",
        "# Phrases types : les phrases qui reviennent à chaque réunion, choisies avec `p` sur\n\
         # l'écran d'examen ou Ctrl-p dans l'éditeur. Le texte français va dans un relevé en\n\
         # français, l'anglais dans un relevé en anglais.",
    ),
    (
        "# Marks: one-key statuses. `key` is the key on the review screen. A mark that takes an\n\
         # argument names it: the name is the key written in the meeting file\n\
         # ({ id = \"merge\", target = 9 }) and the placeholder in the label and the sentence.\n\
         # A commitment argument also offers {NAME_title}, the title of the commitment it names.\n\
         # An empty sentence writes nothing into the record. `first = true` puts the sentence first\n\
         # among its commitment's lines, wherever [export] mark_sentences puts the others.\n\
         #\n\
         # A mark is data: its entry says all it does, so a mark added here works everywhere.\n\
         # The argument's kind is its part: \"reason\" (free text), \"title\" (a new title, which the\n\
         # record shows as the proposed title and the next meeting adopts) or \"commitment\" (another\n\
         # item: the mark is said on both, on the other with `label_on_target`;\n\
         # `sentence_same_institution` is said instead when one institution proposed both,\n\
         # {the_institution} naming it with its article). `closes = true`\n\
         # takes the item out of the running (listed last at the next meeting);\n\
         # `settled_by_remark = true` offers to take the mark off when a remark is accepted in\n\
         # writing; `says_no_remarks = true` is not written once a remark came in writing.\n\
         # [marks.response] is what the mark says in the reasoned response: its `decision` (the\n\
         # first mark in this list that has one decides, a title's mark last), `titled` (the\n\
         # decision when the item has a new title too, {title}), `alone = true` (no pending clause\n\
         # after it), `pending` (a clause after the decision), `on_target` (said on the item a\n\
         # commitment argument names).",
        "# Marques : des statuts posés d'une touche. `key` est la touche sur l'écran d'examen. Une\n\
         # marque qui prend un argument le nomme : ce nom est la clé écrite dans le fichier de la\n\
         # réunion ({ id = \"merge\", target = 9 }) et la case à remplir dans l'étiquette et la phrase.\n\
         # Un argument qui désigne un engagement offre aussi {NAME_title} (NAME : le nom de\n\
         # l'argument), le titre de l'engagement désigné.\n\
         # Une phrase vide n'écrit rien dans le relevé. `first = true` place la phrase en tête des\n\
         # lignes de son engagement, où que [export] mark_sentences place les autres.\n\
         #\n\
         # Une marque est une donnée : son entrée dit tout ce qu'elle fait, et une marque ajoutée\n\
         # ici marche partout. Le genre de l'argument dit son rôle : \"reason\" (un texte libre),\n\
         # \"title\" (un nouveau titre, que le relevé montre comme titre proposé et que la réunion\n\
         # suivante adopte) ou \"commitment\" (un autre engagement : la marque est dite sur les\n\
         # deux, sur l'autre avec `label_on_target` ; `sentence_same_institution` est dite à la\n\
         # place quand une même institution a proposé les deux, {the_institution} la nommant\n\
         # avec son article). `closes = true` sort l'engagement de la course (placé à la fin à la réunion suivante) ; `settled_by_remark = true` propose\n\
         # d'ôter la marque quand une remarque écrite est acceptée ; `says_no_remarks = true`\n\
         # n'est plus écrit dès qu'une remarque est arrivée par écrit.\n\
         # [marks.response] est ce que la marque dit dans la réponse motivée : sa `decision` (la\n\
         # première marque de cette liste qui en a une décide, celle d'un titre en dernier),\n\
         # `titled` (la décision quand l'engagement a aussi un nouveau titre, {title}),\n\
         # `alone = true` (pas de clause en attente après elle), `pending` (une clause après la\n\
         # décision), `on_target` (dit sur l'engagement que désigne un argument \"commitment\").",
    ),
    (
        "# Theme: colour names (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray,\n\
         # light-red, …, white), \"reset\" for the terminal's own colour, or \"#rrggbb\".",
        "# Thème : noms de couleurs (black, red, green, yellow, blue, magenta, cyan, gray,\n\
         # dark-gray, light-red, …, white), \"reset\" pour la couleur du terminal, ou \"#rrggbb\".",
    ),
    (
        "# \"reset\" keeps the terminal's own background and text colours, which suits dark and light\n\
         # terminals alike. `copil --theme high-contrast` switches to black on white for screen sharing.",
        "# \"reset\" garde les couleurs de fond et de texte du terminal, ce qui convient aux terminaux\n\
         # sombres comme clairs. `copil --theme high-contrast` passe en noir sur blanc pour un\n\
         # partage d'écran.",
    ),
    (
        "# Exports: the formats `E` writes (docx, html, md, txt, pdf), and where mark sentences stand among an item's\n\
         # observations (\"after\" or \"before\" the observations typed during the meeting), whether\n\
         # observations name who made them, and whether earlier meetings' observations are shown.",
        "# Exports : les formats qu'écrit `E` (docx, html, md, txt, pdf), la place des phrases des marques parmi les\n\
         # observations d'un engagement (\"after\" : après, \"before\" : avant celles saisies pendant\n\
         # la réunion), si les observations nomment qui les a faites, et si celles des réunions\n\
         # précédentes sont reprises.",
    ),
    (
        "# Name the organisation that made an observation, when the secretary noted it.",
        "# Nommer l'organisation qui a fait une observation, quand le secrétariat l'a notée.",
    ),
    (
        "# Add the observations of earlier meetings under each commitment.",
        "# Reprendre sous chaque engagement les observations des réunions précédentes.",
    ),
    (
        "# Where a decision's deadline is written: \"sentence\" at the end of the decision's sentence\n\
         # (\"… au plus tard le lundi 4 mars 2024.\", or \"jusqu'au …\" for a period), or \"apart\" on a\n\
         # line of its own (\"Échéance : …\").",
        "# Où s'écrit l'échéance d'un point arrêté : \"sentence\" à la fin de sa phrase (\"… au plus\n\
         # tard le lundi 4 mars 2024.\", ou \"jusqu'au …\" pour une période), ou \"apart\" sur une\n\
         # ligne à part (\"Échéance : …\").",
    ),
    (
        "# French typography in a French record: a no-break space before \":\" and inside « », a narrow\n\
         # one before ; ! ?, so that punctuation never starts a line, a no-break space after \"n°\",\n\
         # inside a date and before a unit or \"%\"; and the apostrophe ’ for '.",
        "# Typographie française dans un relevé en français : une espace insécable avant « : » et\n\
         # à l'intérieur des guillemets, une fine insécable avant ; ! ?, pour que la ponctuation ne\n\
         # commence jamais une ligne, une insécable après « n° », dans une date et avant une unité\n\
         # ou « % » ; et l'apostrophe ’ pour '.",
    ),
    (
        "# Straight quotes \"…\" as « … » in a French record, and three dots ... as one …",
        "# Les guillemets droits \"…\" en « … » dans un relevé en français, et trois points ... en un …",
    ),
    (
        "# A long row of the table may cross a page break, as in the committee's records; false keeps\n\
         # each row whole on one page.",
        "# Une longue ligne du tableau peut passer d'une page à l'autre, comme dans les relevés du\n\
         # comité ; false garde chaque ligne entière sur une page.",
    ),
    (
        "# The PDF's paper: \"a4\", or \"letter\" (US Letter).",
        "# Le papier du PDF : \"a4\", ou \"letter\" (format Lettre US).",
    ),
    (
        "# Who writes the record and for which organisation, in the Word file's properties (no\n\
         # author: the full name of the computer's user).",
        "# Qui rédige le relevé et pour quelle organisation, dans les propriétés du fichier Word\n\
         # (sans auteur : le nom complet de l'utilisateur de l'ordinateur).",
    ),
    (
        "# Follow-up letters (`copil export --by-institution`): the owners of a decision that concerns\n\
         # every institution, and the letter's opening ({institution}, {date}, {title}).",
        "# Lettres de suivi (`copil export --by-institution`) : les responsables d'un point arrêté qui\n\
         # concerne toutes les institutions, et le début de la lettre ({institution}, {date}, {title}).",
    ),
    (
        "# Remarks received in writing (`copil remarks import`), once accepted: \"observations\" among\n\
         # their commitment's observations, or \"section\" in their own section after the table.",
        "# Les remarques reçues par écrit (`copil remarks import`), une fois acceptées : \"observations\"\n\
         # parmi les observations de leur engagement, ou \"section\" dans une section à elles après le tableau.",
    ),
    (
        "# The introduction of the reasoned response to the proposals (`copil export --format\n\
         # response`); {date} is the meeting's date.",
        "# L'introduction de la réponse motivée aux propositions (`copil export --format\n\
         # response`) ; {date} est la date de la réunion.",
    ),
    (
        "# The draft mail to each institution (`copil mail`): subject and body; {date} is the\n\
         # meeting's date, {institution} the institution, {the_institution} the same with its\n\
         # article (\"le Ministère …\", \"l'Agence …\"), {deadline} the remarks deadline.",
        "# Le brouillon de courriel à chaque institution (`copil mail`) : objet et texte ; {date}\n\
         # est la date de la réunion, {institution} l'institution, {the_institution} la même avec\n\
         # son article (\"le Ministère …\", \"l'Agence …\"), {deadline} la date limite des remarques.",
    ),
    (
        "# The draft mail to every member with the whole record (`copil mail --all`); {date} is\n\
         # the meeting's date, {deadline} the remarks deadline.",
        "# Le brouillon de courriel à tous les membres avec le relevé entier (`copil mail --all`) ;\n\
         # {date} est la date de la réunion, {deadline} la date limite des remarques.",
    ),
    (
        "# How a follow-up letter is framed (`[export.letter]`): the place it is sent from, its\n\
         # reference ({date} the meeting's, {n} the letter's number, {short} the institution's\n\
         # short name), who signs and as what, the line above the addressee, the salutation and\n\
         # the closing formula. The sender is [export] organisation; the date is the meeting's.",
        "# Comment une lettre de suivi est présentée (`[export.letter]`) : le lieu d'où elle part, sa\n\
         # référence ({date} celle de la réunion, {n} le numéro de la lettre, {short} le nom court de\n\
         # l'institution), qui signe et à quel titre, la ligne au-dessus du destinataire, l'appel et\n\
         # la formule de politesse. L'expéditeur est [export] organisation ; la date est celle de la réunion.",
    ),
    (
        "# What to call an institution where the rule would not (`[export.institutions]`, by its\n\
         # name as the meeting writes it): `short` names its letter and mail files, `article` goes\n\
         # before it in a sentence (\"la\", \"l'\", \"\" for none), `called` is what sentences and\n\
         # mails call it (\"secteur de la jeunesse\"), e.g.\n\
         # \"Direction Générale des Collectivités Territoriales\" = { short = \"dgct\", article = \"la\" }",
        "# Comment appeler une institution quand la règle ne suffit pas (`[export.institutions]`, par\n\
         # son nom tel que la réunion l'écrit) : `short` nomme ses fichiers de lettre et de courriel,\n\
         # `article` la précède dans une phrase (\"la\", \"l'\", \"\" pour aucun), `called` est le\n\
         # nom que lui donnent les phrases et les courriels (\"secteur de la jeunesse\"), par exemple\n\
         # \"Direction Générale des Collectivités Territoriales\" = { short = \"dgct\", article = \"la\" }",
    ),
    (
        "# A house template: the administration's own Word file (.docx) whose styles, page size and\n\
         # margins, header, footer and letterhead the Word export takes, as pandoc's --reference-doc\n\
         # does. A relative path is read from the meeting's folder. Empty: the built-in look.",
        "# Un modèle maison : le fichier Word (.docx) de l'administration, dont l'export Word prend les\n\
         # styles, le format et les marges de page, l'en-tête, le pied de page et le papier à en-tête,\n\
         # comme --reference-doc de pandoc. Un chemin relatif part du dossier de la réunion. Vide : la\n\
         # présentation d'origine.",
    ),
    (
        "# Keys, per mode: the table of each screen or layer, action = key or [keys]. A user's\n\
         # table changes only the actions it names, in that mode. Modifiers: ctrl-, alt-, shift-.\n\
         # [keys.review] is another name for [keys.list], the review screen's list. The marks'\n\
         # keys are in [[marks]] above. [keys.global] holds the keys every screen shares; a\n\
         # screen's own table overrides it for a key or an action it names.",
        "# Touches, par mode : la table de chaque écran ou couche, action = touche ou [touches].\n\
         # La table d'un utilisateur ne change que les actions qu'elle nomme, dans ce mode.\n\
         # Modificateurs : ctrl-, alt-, shift-. [keys.review] est un autre nom de [keys.list], la\n\
         # liste de l'écran d'examen. Les touches des marques sont dans [[marks]] plus haut.\n\
         # [keys.global] contient les touches communes à tous les écrans ; la table d'un écran\n\
         # la remplace pour une touche ou une action qu'elle nomme.",
    ),
];

/// A rule between sections: `# ----…`, the same in every language.
fn is_rule(line: &str) -> bool {
    line.trim_start()
        .strip_prefix('#')
        .is_some_and(|rest| !rest.trim().is_empty() && rest.trim().chars().all(|c| c == '-'))
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#') && !is_rule(line)
}

#[cfg(test)]
/// The comment blocks of `text`: runs of comment lines that are not rules.
pub fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if is_comment(line) {
            block.push(line);
        } else if !block.is_empty() {
            out.push(block.join("\n"));
            block.clear();
        }
    }
    out
}

/// `text` with each comment block in `language`, where a translation exists.
pub fn in_language(text: &str, language: Language) -> String {
    if language != Language::Fr {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut block: Vec<&str> = Vec::new();
    for line in text.split_inclusive('\n') {
        if is_comment(line) {
            block.push(line.trim_end_matches('\n'));
            continue;
        }
        flush(&mut out, &mut block);
        out.push_str(line);
    }
    flush(&mut out, &mut block);
    out
}

/// Writes the gathered block, in French when it has a translation, and empties it.
fn flush(out: &mut String, block: &mut Vec<&str>) {
    if block.is_empty() {
        return;
    }
    let english = block.join("\n");
    let text = FRENCH
        .iter()
        .find(|(en, _)| *en == english)
        .map_or(english.as_str(), |(_, fr)| fr);
    out.push_str(text);
    out.push('\n');
    block.clear();
}

#[cfg(test)]
/// The blocks of `text` that have no French text.
pub fn untranslated(text: &str) -> Vec<String> {
    blocks(text)
        .into_iter()
        .filter(|b| !FRENCH.iter().any(|(en, _)| en == b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DEFAULT_TOML;

    #[test]
    fn every_comment_of_the_built_in_file_has_its_french_text() {
        assert_eq!(untranslated(DEFAULT_TOML), Vec::<String>::new());
    }

    #[test]
    fn the_french_text_keeps_the_settings_and_the_rules() {
        let fr = in_language(DEFAULT_TOML, Language::Fr);
        let settings = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !is_comment(l))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(settings(&fr), settings(DEFAULT_TOML));
        assert!(fr.contains("# Phrases types : "), "{fr}");
        assert!(!fr.contains("# Stock phrases"), "{fr}");
        assert_eq!(in_language(DEFAULT_TOML, Language::En), DEFAULT_TOML);
    }
}
