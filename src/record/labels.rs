//! Every word of the record, in French and in English, in one place.

use crate::model::Language;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    pub record: &'static str,
    pub date: &'static str,
    pub at: &'static str,
    pub place: &'static str,
    pub participants: &'static str,
    pub absents: &'static str,
    pub agenda: &'static str,
    pub points: &'static str,
    pub decisions: &'static str,
    pub number: &'static str,
    pub commitments: &'static str,
    pub observations: &'static str,
    pub new_title: &'static str,
    pub history: &'static str,
    pub deadline: &'static str,
    pub owner: &'static str,
    pub excused: &'static str,
    pub excused_f: &'static str,
    /// Before a deadline written inside a decision: "jusqu'au", "by".
    pub until: &'static str,
    pub for_person: &'static str,
    pub no_observation: &'static str,
    /// In place of an empty commitments table.
    pub no_commitments: &'static str,
    /// The start of a follow-up letter's title.
    pub follow_up: &'static str,
    /// Before the meeting's date in a letter's title: "du", "of".
    pub of_date: &'static str,
    /// "Page 2 / 5", "Page 2 of 5".
    pub page: &'static str,
    pub page_of: &'static str,
    /// In the number column of a row that runs on from the page before.
    pub continued: &'static str,
    /// The remarks form.
    pub form: &'static str,
    /// An accepted written remark: "(ACODEC, reçue par écrit le …)".
    pub received_on: &'static str,
    pub received_title: &'static str,
    pub form_ask: &'static str,
    pub form_by: &'static str,
    pub form_organisation: &'static str,
    pub form_commitment: &'static str,
    pub form_said: &'static str,
    pub form_remarks: &'static str,
    pub form_blank: &'static str,
    /// " :" in French typography, ":" in English.
    pub colon: &'static str,
    /// Between the parts of a line: " ; " in French, "; " in English.
    pub separator: &'static str,
}

const FR: Labels = Labels {
    record: "Relevé de conclusions",
    date: "Date de la réunion",
    at: "à",
    place: "Lieu",
    participants: "Participant(e)s",
    absents: "Absent(e)s",
    agenda: "Ordre du jour",
    points: "Points abordés",
    decisions: "Points arrêtés",
    number: "N°",
    commitments: "Engagements proposés",
    observations: "Observations et suggestions des membres du comité",
    new_title: "Nouveau titre proposé",
    history: "Observations des réunions précédentes",
    deadline: "échéance",
    owner: "responsable",
    excused: "excusé",
    excused_f: "excusée",
    until: "jusqu'au",
    for_person: "pour",
    no_observation: "Aucune observation.",
    no_commitments: "Aucun engagement n'a été examiné.",
    follow_up: "Suivi :",
    of_date: "du",
    page: "Page",
    page_of: "/",
    continued: "(suite)",
    form: "Formulaire de remarques",
    received_on: "reçue par écrit le",
    received_title: "Remarques reçues par écrit",
    form_ask: "Merci d'écrire vos remarques dans la dernière colonne",
    form_by: " et de renvoyer ce formulaire avant le {}",
    form_organisation: "Organisation",
    form_commitment: "Engagement",
    form_said: "Observations du comité",
    form_remarks: "Remarques",
    form_blank: "……………………………………",
    colon: " :",
    separator: " ; ",
};

const EN: Labels = Labels {
    record: "Summary of conclusions",
    date: "Date of the meeting",
    at: "at",
    place: "Place",
    participants: "Participants",
    absents: "Absent",
    agenda: "Agenda",
    points: "Points discussed",
    decisions: "Decisions",
    number: "No.",
    commitments: "Proposed commitments",
    observations: "Observations and suggestions of the committee members",
    new_title: "Proposed new title",
    history: "Observations of earlier meetings",
    deadline: "deadline",
    owner: "owner",
    excused: "excused",
    excused_f: "excused",
    until: "by",
    for_person: "for",
    no_observation: "No observations.",
    no_commitments: "No commitments were reviewed.",
    follow_up: "Follow-up:",
    of_date: "of",
    page: "Page",
    page_of: "of",
    continued: "(cont.)",
    form: "Remarks form",
    received_on: "received in writing on",
    received_title: "Remarks received in writing",
    form_ask: "Please write your remarks in the last column",
    form_by: " and return this form by {}",
    form_organisation: "Organisation",
    form_commitment: "Commitment",
    form_said: "Committee's observations",
    form_remarks: "Remarks",
    form_blank: "……………………………………",
    colon: ":",
    separator: "; ",
};

impl Labels {
    pub fn of(language: Language) -> Labels {
        match language {
            Language::Fr => FR,
            Language::En => EN,
        }
    }
}
