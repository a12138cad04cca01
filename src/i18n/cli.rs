//! The command line's help in French: each text of `cli::Cli` by subcommand path and
//! argument name (clap takes the English from `Cli`'s doc comments), the help's template
//! and its examples.

/// `(subcommand path, argument, help)`: an empty argument is the command's own line.
const FRENCH: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "Compte rendu en direct des réunions d'examen des engagements, dans le terminal",
    ),
    (
        "",
        "file",
        "Le fichier de réunion à ouvrir (sans fichier : une copie de démonstration de la réunion d'exemple)",
    ),
    (
        "",
        "config",
        "Un fichier de configuration qui remplace, clé par clé, la configuration intégrée et celle de l'utilisateur",
    ),
    (
        "",
        "log_level",
        "Ce que reçoit le journal dans le dossier de données : off, error, warn, info, debug, trace",
    ),
    (
        "",
        "theme",
        "Un thème intégré : default, ou high-contrast (noir sur blanc, pour le partage d'écran)",
    ),
    ("", "help", "Afficher l'aide"),
    (
        "mail",
        "",
        "Des brouillons de courriel (.eml) : un par institution avec sa lettre de suivi, ou un à tous les membres avec le relevé entier (--all)",
    ),
    ("mail", "file", "Le fichier de réunion"),
    (
        "mail",
        "all",
        "Un brouillon à tous les participants qui ont une adresse, le relevé entier joint",
    ),
    (
        "mail",
        "output",
        "Avec --all : où écrire le brouillon (par défaut : à côté de la réunion, NOM.eml)",
    ),
    (
        "mail",
        "by_institution",
        "Où écrire les brouillons, un par institution qui propose",
    ),
    (
        "mail",
        "attach",
        "Les pièces jointes : docx (la lettre de suivi), remarks (le formulaire de remarques)",
    ),
    (
        "mail",
        "deadline",
        "La date limite des remarques donnée dans le courriel (AAAA-MM-JJ, 26/02, « 26 février »)",
    ),
    ("mail", "force", "Remplacer les brouillons existants"),
    (
        "remarks",
        "",
        "Formulaires de remarques pour les membres, et leurs formulaires remplis relus",
    ),
    (
        "remarks export",
        "",
        "Écrire un formulaire de remarques : les engagements, ce qu'a dit le comité, une colonne vide pour les remarques",
    ),
    ("remarks export", "file", "Le fichier de réunion"),
    ("remarks export", "format", "Le format"),
    (
        "remarks export",
        "output",
        "Où l'écrire (par défaut : à côté du fichier de réunion, NOM-remarques.docx)",
    ),
    (
        "remarks export",
        "by_institution",
        "Écrire dans DIR un formulaire par institution qui propose, avec ses seuls engagements",
    ),
    (
        "remarks export",
        "deadline",
        "La date de retour des formulaires (AAAA-MM-JJ, 26/02, « 26 février »)",
    ),
    (
        "remarks export",
        "force",
        "Remplacer les fichiers existants",
    ),
    (
        "remarks import",
        "",
        "Relire des formulaires remplis : chaque remarque attend dans le fichier de réunion d'être traitée (écran 6)",
    ),
    ("remarks import", "file", "Le fichier de réunion"),
    (
        "remarks import",
        "forms",
        "Les formulaires remplis : docx, xlsx, ods ou csv",
    ),
    (
        "remarks import",
        "received",
        "Le jour où les formulaires ont été reçus (2024-02-25, 25/02/2024, « 25 février 2024 ») ; par défaut : la date de chaque formulaire (le jour où il a été enregistré), sinon aujourd'hui",
    ),
    (
        "remarks import",
        "force",
        "Importer un formulaire même s'il est daté d'une autre réunion",
    ),
    (
        "participants",
        "",
        "Les participants, depuis la liste des invités",
    ),
    (
        "participants import",
        "",
        "Ajouter les personnes de listes d'invités (csv avec `,` ou `;`, xlsx, ods), trouvées par les mots de l'en-tête : Nom/Name, Organisation/Organization, Courriel/Email, Civilité (facultative)",
    ),
    ("participants import", "file", "Le fichier de réunion"),
    ("participants import", "lists", "Les listes d'invités"),
    ("", "version", "Afficher la version"),
    (
        "check",
        "",
        "Vérifier un fichier de réunion et afficher un résumé d'une ligne",
    ),
    ("check", "file", "Le fichier de réunion"),
    (
        "new",
        "",
        "Créer un fichier de réunion (jamais par-dessus un fichier existant)",
    ),
    ("new", "file", "Le fichier à créer"),
    (
        "new",
        "date",
        "La date de la réunion : 2024-02-22 ou 22/02/2024 (par défaut : aujourd'hui)",
    ),
    ("new", "title", "Le titre de la réunion"),
    ("new", "place", "Le lieu de la réunion"),
    ("new", "language", "La langue du relevé : fr ou en"),
    (
        "new",
        "commitments",
        "Les engagements à examiner : une liste d'engagements (.toml) ou un tableur (.csv)",
    ),
    (
        "new",
        "from",
        "Partir de la dernière réunion : ses engagements avec leurs marques, les présences remises à zéro, les décisions reportées, les observations gardées en historique",
    ),
    (
        "import",
        "",
        "Transformer une liste CSV d'engagements (numéro,titre,institution[,résumé]) en TOML",
    ),
    (
        "import",
        "csv",
        "Le fichier CSV (ligne d'en-tête ; `,` ou `;` entre les champs)",
    ),
    (
        "import",
        "output",
        "Où écrire la liste d'engagements (par défaut : la sortie standard)",
    ),
    ("import", "force", "Remplacer OUT.toml s'il existe"),
    (
        "export",
        "",
        "Exporter le relevé ou la réponse motivée : Word, HTML, Markdown, texte à imprimer ou PDF",
    ),
    ("export", "file", "Le fichier de réunion"),
    ("export", "format", "Le format"),
    (
        "export",
        "output",
        "Où l'écrire (par défaut : à côté du fichier de réunion)",
    ),
    ("export", "force", "Remplacer un fichier existant"),
    (
        "export",
        "by_institution",
        "Écrire dans DIR un fichier de suivi par institution qui propose",
    ),
    (
        "export",
        "template",
        "Un modèle maison : le fichier Word dont prendre les styles, la page, l'en-tête et le pied",
    ),
    (
        "export",
        "as_format",
        "Avec --format response : le format du fichier (ancienne écriture de --document response)",
    ),
    (
        "export",
        "document",
        "Le document : le relevé, ou la réponse motivée aux propositions",
    ),
    ("export", "width", "Largeur du format texte, en colonnes"),
    (
        "export",
        "page_lines",
        "Lignes par page du format texte (0 : pas de pages)",
    ),
    (
        "print",
        "",
        "Imprimer le relevé et son tableau des observations en texte : `copil print FICHIER | lp`",
    ),
    ("print", "file", "Le fichier de réunion"),
    ("print", "width", "Largeur en colonnes (80, 100, 132…)"),
    (
        "print",
        "page_lines",
        "Lignes par page, l'en-tête du tableau répété sur chacune (0 : pas de pages)",
    ),
    (
        "print",
        "pdf",
        "Le relevé en PDF au lieu de texte, pour `lp` (écrit sur la sortie, jamais dans un terminal)",
    ),
    (
        "completions",
        "",
        "Afficher un script de complétion pour un shell : `copil completions bash > ~/.local/share/bash-completion/completions/copil`",
    ),
    ("completions", "shell", "Le shell"),
    (
        "man",
        "",
        "Afficher la page de manuel (roff) : `copil man | man -l -`",
    ),
    (
        "config",
        "",
        "Où va la configuration de l'utilisateur, et une copie commentée des réglages par défaut",
    ),
    (
        "config path",
        "",
        "Afficher où va le fichier de configuration de l'utilisateur",
    ),
    (
        "config init",
        "",
        "Y écrire une copie commentée des réglages par défaut (jamais par-dessus un fichier existant)",
    ),
    (
        "stats",
        "",
        "Afficher les comptes par marque, l'avancement de l'examen, les présences et le temps passé",
    ),
    ("stats", "file", "Le fichier de réunion"),
    (
        "help",
        "",
        "Afficher cette aide ou celle des sous-commandes données",
    ),
    (
        "help",
        "subcommand",
        "La sous-commande dont afficher l'aide",
    ),
];

pub const CLI_TEMPLATE_FR: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

pub const CLI_EXAMPLES_FR: &str = "\
Exemples :
  copil sample-data/copil-2024-02-22.toml     ouvrir une réunion
  copil check reunion.toml                    vérifier un fichier de réunion
  copil new 2024-03-04.toml --date 2024-03-04 --commitments liste.csv
  copil import engagements.csv -o liste.toml  d'un tableur à une liste d'engagements
  copil participants import reunion.toml invites.xlsx   les participants depuis la liste des invités
  copil stats reunion.toml                    où en est l'examen
  copil export reunion.toml -f docx           le relevé pour Word
  copil print reunion.toml --width 80 | lp    imprimer le tableau des observations";

/// The French help of argument `arg` of the subcommand at `path` ("" for the command's own line).
pub fn cli_help_fr(path: &str, arg: &str) -> Option<&'static str> {
    FRENCH
        .iter()
        .find(|(p, a, _)| *p == path && *a == arg)
        .map(|(_, _, text)| *text)
}
