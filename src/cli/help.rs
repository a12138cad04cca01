//! The command line's help in French. clap takes its English help from the doc comments of
//! `Cli`; in French the same command is walked and each text replaced from the table below,
//! keyed by subcommand path and argument name, so that both languages describe one
//! definition. clap's own error messages stay in English.

use clap::{Arg, Command};

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
        "Un brouillon de courriel (.eml) par institution, avec sa lettre de suivi jointe",
    ),
    ("mail", "file", "Le fichier de réunion"),
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
        "Exporter le relevé : Word, HTML, Markdown ou texte à imprimer",
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
        "Avec --format response : le format du fichier",
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

const EXAMPLES: &str = "\
Exemples :
  copil sample-data/copil-2024-02-22.toml     ouvrir une réunion
  copil check reunion.toml                    vérifier un fichier de réunion
  copil new 2024-03-04.toml --date 2024-03-04 --commitments liste.csv
  copil import engagements.csv -o liste.toml  d'un tableur à une liste d'engagements
  copil participants import reunion.toml invites.xlsx   les participants depuis la liste des invités
  copil stats reunion.toml                    où en est l'examen
  copil export reunion.toml -f docx           le relevé pour Word
  copil print reunion.toml --width 80 | lp    imprimer le tableau des observations";

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

fn help_for(path: &str, arg: &str) -> Option<&'static str> {
    FRENCH
        .iter()
        .find(|(p, a, _)| *p == path && *a == arg)
        .map(|(_, _, text)| *text)
}

/// `command` with its help in French.
pub fn french(mut command: Command) -> Command {
    // The built-in --help, --version and `help` exist once the command is built.
    command.build();
    translate(command, "").after_help(EXAMPLES)
}

fn translate(command: Command, path: &str) -> Command {
    // `help` is added to every command that has subcommands, with a copy of their names
    // under it (`config help path`): one text serves each.
    let own = if command.get_name() == "help" {
        help_for("help", "")
    } else {
        help_for(&path.replace("help ", ""), "")
    };
    let mut command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Commandes ")
        .subcommand_value_name("COMMANDE")
        .mut_args(|arg: Arg| {
            let id = arg.get_id().as_str().to_owned();
            // clap adds the colon; French sets it apart with a space.
            let heading = if arg.is_positional() {
                "Arguments "
            } else {
                "Options "
            };
            // Global options keep the root's words in every subcommand.
            let text = help_for(path, &id)
                .or_else(|| help_for("", &id))
                .or_else(|| {
                    path.ends_with("help")
                        .then(|| help_for("help", &id))
                        .flatten()
                });
            let Some(text) = text else {
                return arg.help_heading(heading);
            };
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let mut help = text.to_owned();
            let takes_values = arg.get_action().takes_values();
            if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
                help += &format!(" [par défaut : {}]", defaults.join(", "));
            }
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if takes_values && !values.is_empty() && !arg.is_hide_possible_values_set() {
                help += &format!(" [valeurs possibles : {}]", values.join(", "));
            }
            arg.help_heading(heading)
                .help(help)
                .hide_default_value(true)
                .hide_possible_values(true)
        })
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_owned();
            let sub_path = if path.is_empty() {
                name
            } else {
                format!("{path} {name}")
            };
            translate(sub, &sub_path)
        });
    if let Some(text) = own {
        command = command.about(text);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn all_texts(command: &Command, path: &str, out: &mut Vec<(String, String, String)>) {
        if let Some(about) = command.get_about() {
            out.push((path.to_owned(), String::new(), about.to_string()));
        }
        for arg in command.get_arguments() {
            if let Some(help) = arg.get_help() {
                out.push((path.to_owned(), arg.get_id().to_string(), help.to_string()));
            }
        }
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path} {}", sub.get_name())
            };
            all_texts(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_help_line_has_its_french_words() {
        let mut english = super::super::Cli::command();
        english.build();
        let mut texts = Vec::new();
        all_texts(&english, "", &mut texts);
        let french = french(super::super::Cli::command());
        let mut translated = Vec::new();
        all_texts(&french, "", &mut translated);
        assert_eq!(texts.len(), translated.len());
        for ((path, arg, en), (_, _, fr)) in texts.iter().zip(&translated) {
            assert_ne!(en, fr, "no French for `{path}` `{arg}`");
        }
    }
}
