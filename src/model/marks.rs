//! The configured set of marks: one-key statuses that also write a standard sentence. A
//! mark is data: its entry in the configuration says everything it does (its key, badge and
//! colour, its sentences in the record and the reasoned response, whether it closes the
//! item, the kind of its argument), so no mark's id is written in the code.

use std::collections::{HashMap, HashSet};

/// For each commitment's number, the marks of other items that name it, each with the
/// other item's number as its argument (`MarkSet::pointing`).
pub type Pointing = HashMap<u32, Vec<Mark>>;

use super::meeting::{Commitment, Language, Localized, Mark, MarkArg, Meeting};

/// What a mark's argument is, which also gives the mark its part: a reason (free text), a
/// new title (the record and the next meeting take it as the item's title), or another
/// commitment (the mark is said on both items).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    Reason,
    Title,
    Commitment,
}

impl ArgKind {
    /// Whether the argument is typed as text (a reason or a title).
    pub fn is_text(self) -> bool {
        self != ArgKind::Commitment
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkArgDef {
    /// The key under which the argument is written in the meeting file, and the
    /// placeholder in labels and sentences: `{reason}`, `{target}`, `{target_title}`.
    pub name: String,
    pub kind: ArgKind,
    pub prompt: Localized,
}

/// What a mark says in the reasoned response to the proposals. Empty texts say nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseDef {
    /// The committee's decision, when this mark makes it. Marks decide in the order the
    /// configuration lists them, a new title's mark last.
    pub decision: Localized,
    /// The decision when the item also carries a new title (its placeholder, `{title}`).
    pub titled: Localized,
    /// The decision stands alone: the item's pending clauses are not said.
    pub alone: bool,
    /// A clause said after the decision ("awaiting its detailed sheet").
    pub pending: Localized,
    /// Said on the item a commitment argument names, with the other item in the placeholder.
    pub on_target: Localized,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkDef {
    pub id: String,
    pub key: char,
    pub label: Localized,
    /// Empty when the mark writes nothing into the record.
    pub sentence: Localized,
    /// For a mark naming another item: the sentence when both items were proposed by the
    /// same institution ("Merge the two commitments proposed by {the_institution}."); empty,
    /// `sentence` always.
    pub sentence_same_institution: Localized,
    pub arg: Option<MarkArgDef>,
    pub color: String,
    /// The sentence stands first among its commitment's lines (a new title), wherever the
    /// other marks' sentences stand.
    pub first: bool,
    /// The item is out of the running: listed after the others at the next meeting.
    pub closes: bool,
    /// A remark accepted in writing settles it: the secretary is offered to take it off.
    pub settled_by_remark: bool,
    /// It says no remark came: not written of an item whose remark came in writing.
    pub says_no_remarks: bool,
    /// The badge on the item a commitment argument names ("n° 8 is to merge with this
    /// one"); empty: the label.
    pub label_on_target: Localized,
    pub response: ResponseDef,
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

    fn kind(&self) -> Option<ArgKind> {
        self.arg.as_ref().map(|a| a.kind)
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

    /// The sentence the mark writes into the record, if it writes one. `the_institution`,
    /// when the mark names another item proposed by the same institution: that institution
    /// as a sentence names it, for the mark's `sentence_same_institution`.
    pub fn sentence(
        &self,
        mark: &Mark,
        meeting: &Meeting,
        language: Language,
        the_institution: Option<&str>,
    ) -> Option<String> {
        let def = self.get(&mark.id)?;
        let shared = def.sentence_same_institution.get(language);
        match the_institution {
            Some(name) if !shared.is_empty() => {
                let filled = fill(shared, def, mark, meeting);
                Some(filled.replace("{the_institution}", name))
            }
            _ => self.said(&def.sentence, mark, meeting, language),
        }
    }

    /// `text` in `language` with `mark`'s argument filled in; none when it is empty.
    pub fn said(
        &self,
        text: &Localized,
        mark: &Mark,
        meeting: &Meeting,
        language: Language,
    ) -> Option<String> {
        let def = self.get(&mark.id)?;
        let template = text.get(language);
        (!template.is_empty()).then(|| fill(template, def, mark, meeting))
    }

    fn has(&self, id: &str, kind: ArgKind) -> bool {
        self.get(id).is_some_and(|d| d.kind() == Some(kind))
    }

    /// Whether the mark's argument is a new title (shown as the title, not beside the badge).
    pub fn is_title(&self, id: &str) -> bool {
        self.has(id, ArgKind::Title)
    }

    /// The new title `c` carries, if one of its marks gives one.
    pub fn new_title<'a>(&self, c: &'a Commitment) -> Option<&'a str> {
        self.title_mark(c).and_then(|m| match &m.arg {
            MarkArg::Text(t) => Some(t.as_str()),
            _ => None,
        })
    }

    /// The mark of `c` that gives it a new title.
    pub fn title_mark<'a>(&self, c: &'a Commitment) -> Option<&'a Mark> {
        c.marks.iter().find(|m| self.is_title(&m.id))
    }

    /// Whether one of `c`'s marks takes it out of the running.
    pub fn closes(&self, c: &Commitment) -> bool {
        (c.marks.iter()).any(|m| self.get(&m.id).is_some_and(|d| d.closes))
    }

    /// Whether a remark accepted in writing settles the mark.
    pub fn settled_by_remark(&self, id: &str) -> bool {
        self.get(id).is_some_and(|d| d.settled_by_remark)
    }

    /// Whether the mark is said of `c` in `meeting`: one that says no remark came is not,
    /// once a remark on `c` came in writing.
    pub fn stands(&self, mark: &Mark, c: &Commitment, meeting: &Meeting) -> bool {
        let came = || (meeting.remarks.iter()).any(|r| r.number == c.number && r.taken());
        !(self.get(&mark.id).is_some_and(|d| d.says_no_remarks) && came())
    }

    /// The marks other items carry that name commitment `number` and that it does not name
    /// back, each as the mark said from this side (its argument the other item's number):
    /// a mark between two items is said on both.
    pub fn pointing_at(&self, meeting: &Meeting, number: u32) -> Vec<Mark> {
        let this = meeting.commitment_by_number(number);
        (meeting.commitments.iter())
            .filter(|o| o.number != number)
            .filter(|o| this.is_none_or(|c| self.names(c, o.number).is_none()))
            .filter_map(|o| {
                self.names(o, number)
                    .map(|id| Mark::new(id, MarkArg::Commitment(o.number)))
            })
            .collect()
    }

    /// `pointing_at` for every commitment, in one walk of the list: what a record needs,
    /// where asking item by item would walk the list once per item.
    pub fn pointing(&self, meeting: &Meeting) -> Pointing {
        // Each item's first mark naming each other item: (from, to, mark).
        let mut named: Vec<(u32, u32, &str)> = Vec::new();
        for o in &meeting.commitments {
            let first = named.len();
            for m in &o.marks {
                let MarkArg::Commitment(to) = m.arg else {
                    continue;
                };
                let again = named[first..].iter().any(|&(_, t, _)| t == to);
                if !again && self.has(&m.id, ArgKind::Commitment) {
                    named.push((o.number, to, m.id.as_str()));
                }
            }
        }
        let pairs: HashSet<(u32, u32)> = named.iter().map(|&(from, to, _)| (from, to)).collect();
        let mut pointing = Pointing::new();
        for (from, to, id) in named {
            // Not on itself, and not when the item names this one back.
            if from != to && !pairs.contains(&(to, from)) {
                let mark = Mark::new(id.to_owned(), MarkArg::Commitment(from));
                pointing.entry(to).or_default().push(mark);
            }
        }
        pointing
    }

    /// The id of the first mark of `c` that names commitment `n`.
    fn names(&self, c: &Commitment, n: u32) -> Option<String> {
        (c.marks.iter())
            // The number first: a comparison of integers, where the kind compares names.
            .find(|m| m.arg == MarkArg::Commitment(n) && self.has(&m.id, ArgKind::Commitment))
            .map(|m| m.id.clone())
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn the_marks_naming_each_item_are_found_alike_in_one_walk_and_item_by_item() {
        let marks = crate::config::Config::builtin().marks;
        let mut meeting = crate::model::generate::meeting(200, 5);
        // Merges one way, both ways, onto a missing item, onto itself.
        let merge = |n| Mark::new("merge", MarkArg::Commitment(n));
        for (from, to) in [(3, 9), (4, 9), (10, 11), (11, 10), (12, 9_999), (13, 13)] {
            let c = Arc::make_mut(&mut meeting.commitments[from - 1]);
            c.marks.push(merge(to));
        }
        let pointing = marks.pointing(&meeting);
        let mut named = 0;
        for c in &meeting.commitments {
            let one = marks.pointing_at(&meeting, c.number);
            named += one.len();
            assert_eq!(
                pointing.get(&c.number).cloned().unwrap_or_default(),
                one,
                "n° {}",
                c.number
            );
        }
        assert!(named >= 2, "the merges onto n° 9 are found");
    }
}
