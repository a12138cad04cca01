//! Realistic meetings of any size, for benchmarks and tests: French titles and
//! observations, marks, participants and decisions, the same for the same seed. Test data:
//! its marks are the built-in configuration's, named by their ids as the fixtures name them.

use chrono::NaiveDate;

use super::decision::Decision;
use super::meeting::{
    Attendance, Commitment, Header, Language, Mark, MarkArg, Meeting, Observation, Participant,
    Point,
};

/// A small deterministic generator (xorshift), so that no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ACTIONS: &[&str] = &[
    "Renforcement de",
    "Création d'une plateforme pour",
    "Amélioration de",
    "Consultation publique sur",
    "Publication des données relatives à",
    "Mise en place d'un mécanisme de suivi de",
    "Sensibilisation et formation à",
    "Élaboration d'un guide méthodologique sur",
];
const SUBJECTS: &[&str] = &[
    "l'accès à l'information",
    "la participation citoyenne",
    "la transparence budgétaire",
    "la redevabilité des collectivités territoriales",
    "l'inclusion des personnes en situation de handicap",
    "la réutilisation des données ouvertes",
    "l'égalité d'accès aux services publics",
    "la liberté de presse et de publication",
    "l'intégrité dans l'administration",
    "la participation politique des jeunes",
];
const INSTITUTIONS: &[&str] = &[
    "Ministère de Transition Numérique et de Réforme de l'Administration",
    "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille",
    "Ministère de Justice",
    "Ministère de l'Intérieur",
    "Agence de Développement Digitale",
    "Ministère de la Jeunesse, de la Culture et de la Communication",
    "Ministère délégué chargé des Relations avec le Parlement",
];
const OBSERVATIONS: &[&str] = &[
    "Reformuler le titre.",
    "Reformuler la problématique.",
    "Détailler le calendrier des activités.",
    "Détailler la solution proposée.",
    "Ajouter des activités liées à la transparence et la participation.",
    "Clarifier les collectivités territoriales ciblées par le programme.",
    "Se concentrer sur des termes clés tels que : publication, espace civique, co-création.",
    "Ajouter une activité liée à l'évaluation des données ouvertes publiées sur le portail en termes de qualité et d'adéquation aux besoins des ré-utilisateurs.",
    "Discuter du projet d'engagement avec les représentants de la société civile spécialisés dans le domaine.",
    "Quel est le lien avec le portail national des associations ?",
];

/// A meeting with `commitments` items, built from `seed`.
pub fn meeting(commitments: usize, seed: u64) -> Meeting {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let count = commitments as u32;
    let items = (1..=count)
        .map(|number| {
            let mut observations: Vec<Observation> = (0..rng.below(11))
                .map(|_| Observation::new(rng.pick(OBSERVATIONS), 0))
                .collect();
            for o in observations.iter_mut().skip(1) {
                if rng.below(4) == 0 {
                    o.level = 1;
                }
            }
            let mut marks = Vec::new();
            match rng.below(8) {
                0 => marks.push(Mark::new("awaiting-fiche", MarkArg::None)),
                1 => marks.push(Mark::new("no-remarks", MarkArg::None)),
                2 => marks.push(Mark::new("awaiting-remarks", MarkArg::None)),
                3 if count > 1 => {
                    marks.push(Mark::new("merge", MarkArg::Commitment(number % count + 1)))
                }
                4 => marks.push(Mark::new(
                    "cancelled",
                    MarkArg::Text("l'absence de lien direct avec les principes d'ouverture".into()),
                )),
                5 => marks.push(Mark::new("retained", MarkArg::None)),
                _ => {}
            }
            Commitment {
                number,
                title: format!("{} {}", rng.pick(ACTIONS), rng.pick(SUBJECTS)),
                institution: rng.pick(INSTITUTIONS).to_owned(),
                summary: None,
                observations,
                marks,
                seconds_spent: rng.below(600) as u64,
                ..Commitment::default()
            }
        })
        .map(std::sync::Arc::new)
        .collect();
    let participants = (0..25)
        .map(|i| Participant {
            name: (i < 20).then(|| format!("Mme. Participante {i}")),
            organization: INSTITUTIONS[i % INSTITUTIONS.len()].to_owned(),
            attendance: if i < 20 {
                Attendance::Present
            } else {
                Attendance::Absent
            },
            represented_by: None,
            email: None,
        })
        .collect();
    Meeting {
        header: Header {
            title: "Réunion du comité de pilotage".to_owned(),
            date: NaiveDate::from_ymd_opt(2024, 2, 22).expect("a valid date"),
            time: None,
            place: "Réunion à distance".to_owned(),
            language: Language::Fr,
            agenda: vec!["Présentation des projets d'engagements proposés".to_owned()],
            ..Header::default()
        },
        participants,
        commitments: items,
        points: vec![Point {
            title: "Présentation des engagements proposés".to_owned(),
            text: String::new(),
            table: true,
        }],
        decisions: vec![Decision {
            text: "Mise à jour des fiches de projets d'engagements".to_owned(),
            deadline: NaiveDate::from_ymd_opt(2024, 3, 4),
            owner: None,
            ..Decision::default()
        }],
        remarks: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::validate;

    #[test]
    fn generated_meetings_are_valid_and_reproducible() {
        let marks = Config::builtin().marks;
        for n in [0, 1, 20, 500] {
            let m = meeting(n, 7);
            assert_eq!(m.commitments.len(), n);
            assert!(validate(&m, &marks).is_empty(), "{n}");
            assert_eq!(m, meeting(n, 7));
        }
        assert_ne!(meeting(20, 1), meeting(20, 2));
    }
}
