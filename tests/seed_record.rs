//! The whole record of the seed meeting of 22 February 2024, built from the bare list of
//! commitments only through the keys a secretary presses.

mod common;

use std::path::Path;

use common::{press, type_text};
use copil::app::{App, Layer};
use copil::config::Config;
use copil::model::{Header, Meeting};
use copil::record::{Block, Record, Section};
use copil::store;

const OPENING: &str = "La représentante du MTNRA a souhaité la bienvenue aux nouveaux représentants des institutions publiques.";

const PARTICIPANTS: &[(&str, &str)] = &[
    (
        "Mme. Ouiame EL MOUSTAMIDE",
        "Ministère de Transition Numérique et de Réforme de l'Administration",
    ),
    (
        "Mme. Mahassine EL AMRANI OMARI",
        "Organisation de Coopération et de Développement Economique",
    ),
    (
        "Mme. Mounia SBAITI",
        "Ministère de Transition Numérique et de Réforme de l'Administration",
    ),
    (
        "Mme. Dounia BIROU",
        "Ministère de Transition Numérique et de Réforme de l'Administration",
    ),
    (
        "M. Hatim MOURADI",
        "Ministère de Transition Numérique et de Réforme de l'Administration",
    ),
    (
        "Mme. Amal AMEZIANE",
        "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille",
    ),
    (
        "Mme. Hayat OTHMANE",
        "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille",
    ),
    (
        "Mme. Sanae RAJI",
        "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille",
    ),
    (
        "M. Omar AMRANI",
        "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille",
    ),
    ("M. Noureddine LASFAR", "Agence de Développement Digitale"),
    (
        "Mme. Nezha HADRAMI",
        "Ministère de la Jeunesse, de la Culture et de la Communication – Département de Communication",
    ),
    (
        "Mme. Sarah AZAMI HASSANI",
        "Ministère de la Jeunesse, de la Culture et de la Communication – Département de Jeunesse",
    ),
    ("M. Mohamed Amine JERDANI", "Ministère de Justice"),
    ("Mme. Meryem STAILI", "Ministère de Justice"),
    (
        "Mme. Karima KHALDOUN",
        "Ministère de Transition Numérique et de Réforme de l'Administration",
    ),
    (
        "Mme. Assia BENABOU",
        "Ministère de Transition Numérique et de Réforme de l'Administration",
    ),
    (
        "M. Souidi SALLAHI",
        "Forum Sahara pour le dialogue & cultures",
    ),
    (
        "M. Rezzouki ELMILOUD",
        "Association de Coopération pour le Développement et la Culture, ACODEC",
    ),
    (
        "Mme. Houdna BENNANI",
        "Association démocratique des femmes du Maroc",
    ),
    (
        "M. Ahmed ANAJJAR",
        "Association Labouirat pour le Sport et le Developpement",
    ),
    (
        "M. Said CHAKRI",
        "Alliance Marocaine pour le Climat et le Développement Durable",
    ),
];

const ABSENT: &[&str] = &[
    "Direction Générale des Collectivités Territoriales",
    "Ministère délégué chargé des Relations avec le Parlement",
    "Observatoire pour la protection de l'environnement et les monuments historiques",
    "Association 4Chabab",
    "Association colombe blanche pour les droits des personnes en situation de handicap",
    "Mouvement alternatives citoyenne-ALCI-",
    "Association Moltaka B'ladi pour la citoyenneté-AMBC",
];

/// Per commitment, in order: observations ("o " opens a sub-bullet) and marks as keys
/// with their argument: "t:new title", "x:reason", "m:search words", "f", "r", "n".
const REVIEW: &[(&[&str], &[&str])] = &[
    (
        &[
            "Reformuler la problématique.",
            "Détailler le calendrier des activités.",
            "Clarifier les collectivités territoriales ciblées par le programme.",
        ],
        &[],
    ),
    (
        &[
            "Mettre l'accent sur l'importance de renforcer et de protéger l'espace civique.",
            "Ajouter les activités suivantes :",
            "o Identification de la méthodologie de l'approche participative",
            "o Consultation sur le projet de loi",
            "o Soumission du projet de loi à la procédure législative",
        ],
        &["t:Consultation publique sur la modification du code de la presse et de l'édition"],
    ),
    (
        &["Résumer la problématique posée."],
        &[
            "t:Renforcer la transparence et la participation dans l'élaboration et la mise en œuvre de la nouvelle version de la stratégie nationale de développement durable à l'horizon 2035",
        ],
    ),
    (
        &[],
        &["x:l'absence de lien direct avec les principes d'ouverture"],
    ),
    (
        &[
            "Reformuler le titre et se concentrer sur les principes de transparence et de participation.",
            "Détailler la solution proposée.",
        ],
        &[],
    ),
    (&[], &["r"]),
    (
        &["Ajouter une activité liée à l'évaluation des données ouvertes publiées sur le portail."],
        &[],
    ),
    (
        &["Se concentrer sur les activités liées à la transparence et à l'inclusion."],
        &["m:forums jeunesse", "f"],
    ),
    (
        &["Se concentrer sur les activités liées à la transparence et à l'inclusion."],
        &["m:benevolat", "f"],
    ),
    (
        &[
            "Proposer de se concentrer sur des mesures claires pour renforcer la transparence et la participation.\nExemple : publier des indicateurs sur la mise en œuvre des projets.",
        ],
        &[],
    ),
    (
        &[
            "Ajouter d'autres activités liées aux dimensions de la participation, de la transparence et de la responsabilité.",
        ],
        &[],
    ),
    (
        &[
            "Discuter du projet d'engagement avec les représentants de la société civile spécialisés dans le domaine du handicap.",
        ],
        &[],
    ),
    (&[], &["n"]),
    (&["Reformuler le titre."], &[]),
    (&[], &["n", "f"]),
    (&[], &["n", "f"]),
    (&[], &["n", "f"]),
    (&[], &["n", "f"]),
    (
        &[
            "Détailler la solution avec clarification des dispositions principales du futur cadre légal.",
        ],
        &[
            "t:Instituer un nouveau cadre légal régissant le financement public accordé aux associations",
        ],
    ),
    (
        &[
            "Reformuler et détailler la problématique posée.",
            "Ajouter les activités en mettant l'accent sur la démarche participative.",
        ],
        &[],
    ),
    (
        &[
            "Quel est le lien avec le portail e-learning et le portail national des associations ?",
            "Ajouter des activités.",
        ],
        &[],
    ),
    (
        &[
            "Le projet de loi a-t-il été préparé ? S'agit-il d'adopter la loi ?",
            "Avez-vous une vision concernant le calendrier réalisation ?",
        ],
        &[],
    ),
];

/// In a picker with free text, chooses the entry equal to `text`, or the typed text.
fn choose(app: &mut App, text: &str) {
    type_text(app, text);
    let Some(Layer::Picker(picker)) = app.layers.last() else {
        panic!("no picker")
    };
    let target = picker
        .hits
        .iter()
        .position(|h| picker.items.get(h.index).is_some_and(|i| i == text))
        .unwrap_or(picker.hits.len() - 1);
    for _ in 0..target {
        press(app, "down");
    }
    press(app, "enter");
}

/// Replaces the value in the prompt that is open.
fn retype(app: &mut App, text: &str) {
    let Some(Layer::Prompt(prompt)) = app.layers.last() else {
        panic!("no prompt")
    };
    for _ in 0..prompt.text().chars().count() {
        press(app, "backspace");
    }
    type_text(app, text);
    press(app, "enter");
}

#[test]
fn the_seed_record_is_built_only_through_keys() {
    let config = Config::builtin();
    let commitments = store::import_csv(Path::new("sample-data/commitments.csv")).unwrap();
    let meeting = Meeting {
        header: Header::default(),
        commitments: commitments.into_iter().map(std::sync::Arc::new).collect(),
        ..Meeting::default()
    };
    let mut app = App::new(meeting, config.clone(), None, copil::live::clock());

    // The header and the agenda, on the points screen.
    press(&mut app, "2 j enter");
    retype(&mut app, "jeudi 22 février 2024");
    press(&mut app, "j j enter");
    retype(&mut app, "Réunion à distance");
    for item in [
        "Rappel des prochaines étapes du processus de co-création du troisième Plan d'Action National du gouvernement ouvert.",
        "Présentation des projets d'engagements proposés par les institutions publiques concernés et recueil des commentaires et remarques à leur sujet.",
        "Discussion de méthodologie de travail pour les prochaines étapes",
    ] {
        // From the header, a adds an agenda item at the end.
        press(&mut app, "g a");
        type_text(&mut app, item);
        press(&mut app, "enter");
    }
    // The discussion points, from "+ add a discussion point" at the bottom; the new
    // point is selected, and Enter opens its text.
    press(&mut app, "G a");
    type_text(&mut app, "Mot d'ouverture");
    press(&mut app, "enter enter");
    type_text(&mut app, OPENING);
    press(&mut app, "esc");
    press(&mut app, "G enter");
    type_text(
        &mut app,
        "Rappel des étapes restantes de co-création du troisième Plan d'Action National du gouvernement ouvert",
    );
    press(&mut app, "enter enter");
    type_text(
        &mut app,
        "1. Organisation de réunions de coordination avec les administrations concernées.",
    );
    press(&mut app, "enter");
    type_text(
        &mut app,
        "2. Lancement de la consultation publique sur les projets engagements proposés.",
    );
    press(&mut app, "esc G a");
    type_text(
        &mut app,
        "Présentation des engagements proposés par les secteurs et les institutions publiques concernés et fournir des commentaires à leur sujet",
    );
    press(&mut app, "enter T");

    // The roll call.
    press(&mut app, "1");
    for (name, organisation) in PARTICIPANTS {
        press(&mut app, "n");
        type_text(&mut app, name);
        press(&mut app, "enter");
        choose(&mut app, organisation);
    }
    for organisation in ABSENT {
        press(&mut app, "n enter");
        choose(&mut app, organisation);
        press(&mut app, "a");
    }

    // The review, commitment by commitment.
    press(&mut app, "3 g");
    for (observations, marks) in REVIEW {
        if !observations.is_empty() {
            press(&mut app, "a");
            let mut level = 0;
            for text in *observations {
                let (wanted, text) = match text.strip_prefix("o ") {
                    Some(rest) => (1, rest),
                    None => (0, *text),
                };
                if wanted != level {
                    press(&mut app, if wanted == 1 { "tab" } else { "shift-tab" });
                    level = wanted;
                }
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        press(&mut app, "ctrl-j");
                    }
                    type_text(&mut app, line);
                }
                press(&mut app, "enter");
            }
            press(&mut app, "esc");
        }
        for mark in *marks {
            let (key, arg) = mark.split_once(':').unwrap_or((mark, ""));
            press(&mut app, key);
            if !arg.is_empty() {
                type_text(&mut app, arg);
                press(&mut app, "enter");
            }
        }
        press(&mut app, "j");
    }

    // The decisions.
    press(&mut app, "4");
    for (text, deadline) in [
        (
            "Prolongation du délai de réception des remarques sur les engagements proposés (via le document Google Doc partagé).",
            // A period: the words say so.
            Some("jusqu'au lundi 26 février 2024"),
        ),
        (
            "Mise à jour des fiches de projets d'engagements par les administrations concernées suite aux commentaires reçus.",
            Some("4 mars 2024"),
        ),
        (
            "Organisation d'une réunion pour évaluer et classer les projets d'engagements proposés selon leur impact transformationnel.",
            None,
        ),
    ] {
        press(&mut app, "G a");
        type_text(&mut app, text);
        press(&mut app, "esc");
        if let Some(deadline) = deadline {
            press(&mut app, "D");
            type_text(&mut app, deadline);
            press(&mut app, "enter");
        }
    }
    assert!(app.layers.is_empty(), "every prompt was answered");

    let typeset = Record::build(&app.meeting, &config.marks, &config.export);
    assert!(typeset.participants[0].ends_with("Réforme de l’Administration\u{202f};"));
    assert!(typeset.participants.last().unwrap().ends_with('.'));
    assert_eq!(typeset.labels.colon, "\u{a0}:");
    // The words themselves, compared with the seed's without the typography.
    let mut plain = config.export.clone();
    plain.french_spaces = false;
    plain.apostrophes = false;
    let record = Record::build(&app.meeting, &config.marks, &plain);
    assert_eq!(record.title, "Réunion du comité de pilotage");
    assert_eq!(record.labels.record, "Relevé de conclusions");
    assert_eq!(record.date, "Jeudi 22 février 2024");
    assert_eq!(record.place, "Réunion à distance");
    assert_eq!(record.participants.len(), 21);
    assert_eq!(
        record.participants[0],
        "Mme. Ouiame EL MOUSTAMIDE, Ministère de Transition Numérique et de Réforme de l'Administration ;"
    );
    // Each line ends " ;" and the last ".", as the seed's first lines do.
    let last = ABSENT.len() - 1;
    let absent: Vec<String> = ABSENT
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{a}{}", if i == last { "." } else { " ;" }))
        .collect();
    assert_eq!(record.absents, absent);
    assert_eq!(record.agenda.len(), 3);
    let titles: Vec<&str> = record
        .sections
        .iter()
        .map(|s| match s {
            Section::Point { title, .. } => title.as_str(),
            Section::Table(_) => "TABLE",
        })
        .collect();
    assert_eq!(titles.len(), 4);
    assert_eq!(titles[0], "Mot d'ouverture");
    assert_eq!(titles[3], "TABLE", "the table stands after the third point");
    let Section::Point { blocks, .. } = &record.sections[1] else {
        panic!()
    };
    assert!(matches!(blocks[1], Block::Numbered { number: 2, .. }));

    let rows: Vec<_> = record.rows().collect();
    assert_eq!(rows.len(), 22);
    assert_eq!(rows[0].items.len(), 3);
    assert_eq!(
        rows[1].new_title.as_deref(),
        Some("Consultation publique sur la modification du code de la presse et de l'édition")
    );
    for n in [1, 2, 18] {
        assert!(
            rows[n].items[0]
                .text
                .starts_with("Réviser le titre, et le remplacer par"),
            "the new title first in item {}, as in the seed",
            rows[n].number
        );
    }
    let subs: Vec<&str> = rows[1]
        .items
        .iter()
        .filter(|i| i.level == 1)
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(subs.len(), 3);
    assert_eq!(
        rows[3].items[0].text,
        "Annuler l'engagement proposé en raison de l'absence de lien direct avec les principes d'ouverture."
    );
    assert_eq!(
        rows[5].items[0].text,
        "En attente des remarques de la société civile."
    );
    // Two items of one ministry merged: the seed's sentence on both, the ministry by its
    // whole name (the seed's "secteur de la jeunesse" is a name the secretary gives it).
    let merged = "Fusionner les deux engagements proposés par le Ministère de la Jeunesse, de la \
                  Culture et de la Communication – Département de Jeunesse.";
    for n in [7, 8] {
        let texts: Vec<&str> = rows[n].items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Se concentrer sur les activités liées à la transparence et à l'inclusion.",
                merged,
                "En attente de recevoir une fiche détaillée de l'engagement.",
            ]
        );
    }
    let youth = copil::record::names::Institution {
        called: Some("secteur de la jeunesse".into()),
        ..Default::default()
    };
    (plain.institutions).insert(app.meeting.commitments[7].institution.clone(), youth);
    let named = Record::build(&app.meeting, &config.marks, &plain);
    let seed = "Fusionner les deux engagements proposés par le secteur de la jeunesse.";
    let said: Vec<&str> = (named.rows())
        .filter(|r| [8, 9].contains(&r.number))
        .map(|r| r.items[1].text.as_str())
        .collect();
    assert_eq!(said, [seed, seed]);
    assert!(rows[9].items[0].text.contains("\nExemple : publier"));
    assert_eq!(
        rows[14]
            .items
            .iter()
            .map(|i| i.text.as_str())
            .collect::<Vec<_>>(),
        [
            "Aucune remarque n'a été reçue concernant l'engagement.",
            "En attente de recevoir une fiche détaillée de l'engagement.",
        ]
    );
    assert!(
        rows.iter().all(|r| !r.items.is_empty()),
        "every item was reviewed"
    );
    assert_eq!(record.decisions.len(), 3);
    // As the seed writes them: the deadline inside the sentence.
    let sentence = |i: usize| match &record.decisions[i].blocks[..] {
        [Block::Paragraph(text)] => text.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        sentence(0),
        "Prolongation du délai de réception des remarques sur les engagements proposés \
         (via le document Google Doc partagé) jusqu'au lundi 26 février 2024."
    );
    // A delivery, the default.
    assert!(sentence(1).ends_with("commentaires reçus au plus tard le lundi 4 mars 2024."));
    assert!(record.decisions.iter().all(|d| d.deadline.is_none()));

    // What was typed survives the file.
    let text = store::write_meeting(&app.meeting, &config.marks);
    let reloaded = store::parse_meeting(Path::new("seed.toml"), &text, &config.marks).unwrap();
    assert_eq!(reloaded, *app.meeting);
}
