//! The configured set of marks: one-key statuses that also write a standard sentence.

use super::meeting::{Language, Localized, Mark, MarkArg, Meeting};

/// What a mark's argument is: free text (a reason, a new title) or another commitment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    Text,
    Commitment,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkArgDef {
    /// The key under which the argument is written in the meeting file, and the
    /// placeholder in labels and sentences: `{reason}`, `{target}`, `{target_title}`.
    pub name: String,
    pub kind: ArgKind,
    pub prompt: Localized,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkDef {
    pub id: String,
    pub key: char,
    pub label: Localized,
    /// Empty when the mark writes nothing into the record.
    pub sentence: Localized,
    pub arg: Option<MarkArgDef>,
    pub color: String,
    /// The sentence stands first among its commitment's lines (a new title), wherever the
    /// other marks' sentences stand.
    pub first: bool,
}

impl MarkDef {
    /// The label with its placeholder shown as "…", for lists of all marks.
    pub fn generic_label(&self, language: Language) -> String {
        let label = self.label.get(language);
        match &self.arg {
            Some(arg) => label.replace(&format!("{{{}}}", arg.name), "…"),
            None => label.to_owned(),
        }
    }
}

/// The marks in force, in the order the configuration lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkSet {
    pub defs: Vec<MarkDef>,
}

impl MarkSet {
    pub fn get(&self, id: &str) -> Option<&MarkDef> {
        self.defs.iter().find(|d| d.id == id)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.defs.iter().map(|d| d.id.as_str()).collect()
    }

    /// The short label shown on badges, with the argument filled in.
    pub fn label(&self, mark: &Mark, meeting: &Meeting, language: Language) -> String {
        match self.get(&mark.id) {
            Some(def) => fill(def.label.get(language), def, mark, meeting),
            None => mark.id.clone(),
        }
    }

    /// Whether the mark's sentence stands first among its commitment's lines.
    pub fn first(&self, id: &str) -> bool {
        self.get(id).is_some_and(|d| d.first)
    }

    /// The sentence the mark writes into the record, if it writes one.
    pub fn sentence(&self, mark: &Mark, meeting: &Meeting, language: Language) -> Option<String> {
        let def = self.get(&mark.id)?;
        let template = def.sentence.get(language);
        if template.is_empty() {
            return None;
        }
        Some(fill(template, def, mark, meeting))
    }
}

fn fill(template: &str, def: &MarkDef, mark: &Mark, meeting: &Meeting) -> String {
    let Some(arg) = &def.arg else {
        return template.to_owned();
    };
    let (value, title) = match &mark.arg {
        MarkArg::None => (String::new(), String::new()),
        MarkArg::Text(text) => (text.clone(), String::new()),
        MarkArg::Commitment(n) => (
            n.to_string(),
            meeting
                .commitment_by_number(*n)
                .map(|c| c.title.clone())
                .unwrap_or_default(),
        ),
    };
    template
        .replace(&format!("{{{}_title}}", arg.name), &title)
        .replace(&format!("{{{}}}", arg.name), &value)
}
