//! The record's parts, which every room of `record` builds or reads: the options, the
//! blocks of free text, the rows of the table, the decisions, the record itself.

use super::typeset::Typography;
use crate::i18n::Labels;
use crate::model::Language;

/// Where a commitment's mark sentences stand among its observations in the record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentencePlace {
    Before,
    #[default]
    After,
}

/// Where a decision's deadline is written: inside its sentence ("… jusqu'au lundi 26 février
/// 2024."), as the seeds do, or apart after it ("Échéance : …").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlinePlace {
    #[default]
    Sentence,
    Apart,
}

/// The paper a paged document (the PDF) is laid out on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// What the record shows beyond its essentials: the `[export]` settings of the
/// configuration, handed in by whoever builds the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub mark_sentences: SentencePlace,
    /// Name the organisation that made an observation.
    pub attribution: bool,
    /// Add the observations of earlier meetings under each commitment.
    pub history: bool,
    pub deadlines: DeadlinePlace,
    /// French no-break spaces before `: ; ! ?` and inside `« »`.
    pub french_spaces: bool,
    /// The apostrophe ’ in a French record.
    pub apostrophes: bool,
    /// « » for straight quotes in a French record, … for three dots.
    pub quotes: bool,
    /// A long row of the table may cross a page break, as in the seeds.
    pub split_rows: bool,
    pub paper: Paper,
    /// Who writes the record, for the Word file's properties.
    pub author: String,
    pub organisation: String,
    /// The owners of a decision that concerns every institution ("Administrations
    /// concernées"), for the follow-up letters.
    pub everyone: Vec<String>,
    /// The first paragraph of a follow-up letter: {institution}, {date}, {title}.
    pub opening: crate::model::Localized,
    /// The subject and body of the draft mail to each institution ({date}, {institution},
    /// {deadline}).
    pub mail_subject: crate::model::Localized,
    pub mail_body: crate::model::Localized,
    /// The subject and body of the draft mail to every member with the whole record
    /// ({date}, {deadline}).
    pub mail_all_subject: crate::model::Localized,
    pub mail_all_body: crate::model::Localized,
    /// The introduction of the reasoned response to the proposals ({date}).
    pub response_intro: crate::model::Localized,
    /// Accepted written remarks among the observations, or in their own section.
    pub received_remarks: RemarksPlace,
    /// The administration's own Word file whose styles, page, header and footer the Word
    /// export takes; a relative path is read from the folder the record is written to.
    pub docx_template: Option<std::path::PathBuf>,
    /// What the secretary said of institutions: their short names and articles.
    pub institutions: super::names::Institutions,
    /// How a follow-up letter is framed.
    pub letter: LetterSettings,
}

impl Options {
    /// The typography these settings ask for in `language`.
    pub fn typography(&self, language: Language) -> super::typeset::Typography {
        super::typeset::Typography {
            language,
            spaces: self.french_spaces,
            apostrophes: self.apostrophes,
            quotes: self.quotes,
        }
    }
}

/// A piece of free text: a paragraph, a bullet or sub-bullet, or an item of a numbered list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Bullet { level: u8, text: String },
    Numbered { number: u32, text: String },
}

/// Reads the text of a point or a decision: `- ` a bullet, an indented `- ` (or `o `) a
/// sub-bullet, `1. ` an item of a numbered list, anything else a paragraph.
pub fn parse_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for line in text.lines() {
        let content = line.trim_start();
        if content.is_empty() {
            continue;
        }
        let indented = line.len() - content.len() >= 2;
        let bullet = ["- ", "• ", "* "]
            .iter()
            .find_map(|p| content.strip_prefix(p))
            .map(|t| (u8::from(indented), t))
            .or_else(|| content.strip_prefix("o ").map(|t| (1, t)));
        if let Some((level, text)) = bullet {
            blocks.push(Block::Bullet {
                level,
                text: text.trim().to_owned(),
            });
            continue;
        }
        let digits: String = content.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty()
            && let Some(rest) = content[digits.len()..]
                .strip_prefix(". ")
                .or_else(|| content[digits.len()..].strip_prefix(") "))
            && let Ok(number) = digits.parse()
        {
            blocks.push(Block::Numbered {
                number,
                text: rest.trim().to_owned(),
            });
            continue;
        }
        blocks.push(Block::Paragraph(content.trim_end().to_owned()));
    }
    blocks
}

/// One line of the observations column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub level: u8,
    pub text: String,
}

/// One commitment in the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: u32,
    pub title: String,
    pub new_title: Option<String>,
    pub institution: String,
    pub items: Vec<Item>,
    /// Earlier meetings' observations, when the configuration asks for them.
    pub history: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Section {
    Point { title: String, blocks: Vec<Block> },
    Table(Vec<Row>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionEntry {
    /// What became of a decision taken earlier: "En retard", "Réalisé le …".
    pub status: Option<String>,
    pub blocks: Vec<Block>,
    pub owner: Option<String>,
    /// The deadline as it reads in a sentence: "lundi 26 février 2024".
    pub deadline: Option<String>,
}

/// A line of a letter's frame, and where it stands on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Framed {
    /// At the left margin.
    Line(String),
    /// In bold at the left margin: the sender, the subject.
    Strong(String),
    /// In the right half of the page: the place and date, the addressee, the signature.
    Right(String),
    /// In bold in the right half: the addressee's name.
    RightStrong(String),
    /// An empty line.
    Gap,
}

/// What makes a follow-up letter a letter, around its body: the sender, place and date,
/// the addressee, the reference and subject, the salutation (the `head`, before the
/// opening); the closing formula and the signature (the `tail`, after the decisions).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LetterFrame {
    pub head: Vec<Framed>,
    pub tail: Vec<Framed>,
}

/// The `[export.letter]` settings: how a follow-up letter is framed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LetterSettings {
    /// Where letters are sent from: "Rabat".
    pub place: String,
    /// The reference: {date} the meeting's (YYYY-MM-DD), {n} the letter's number,
    /// {short} the institution's short name.
    pub reference: String,
    /// Who signs, and as what.
    pub signatory: String,
    pub signatory_title: crate::model::Localized,
    /// The line above the addressee ("À l'attention de").
    pub to: crate::model::Localized,
    pub salutation: crate::model::Localized,
    pub closing: crate::model::Localized,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub language: Language,
    pub labels: Labels,
    pub title: String,
    /// What the document is, under the title: "Relevé de conclusions", or the institution a
    /// follow-up letter is for.
    pub kind: String,
    /// A letter's opening paragraph.
    pub opening: Option<String>,
    /// A letter's frame: the title and kind then stand in its subject.
    pub letter: Option<LetterFrame>,
    /// "Jeudi 22 février 2024 à 11h".
    pub date: String,
    /// The day and hour of the meeting, which a document's properties give as its date.
    pub held_on: chrono::NaiveDateTime,
    pub place: String,
    pub participants: Vec<String>,
    pub absents: Vec<String>,
    pub agenda: Vec<String>,
    pub sections: Vec<Section>,
    pub decisions: Vec<DecisionEntry>,
    /// Decisions of earlier meetings: late first, then open, then closed since.
    pub followed: Vec<DecisionEntry>,
    pub split_rows: bool,
    pub paper: Paper,
    pub author: String,
    pub organisation: String,
    pub typography: Typography,
    /// The sections stand alone, without the "Points abordés" heading (the response).
    pub plain_sections: bool,
    pub docx_template: Option<std::path::PathBuf>,
}

/// Where accepted remarks stand in the record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemarksPlace {
    #[default]
    Observations,
    Section,
}

/// Writes the deadline at the end of the decision's last sentence: "… partagé) jusqu'au
/// lundi 26 février 2024." for a period (`until`), "… au plus tard le lundi 4 mars 2024."
/// for a delivery. A decision with no text keeps it apart.
pub(super) fn deadline_inside(entry: &mut DecisionEntry, labels: &Labels, until: bool) {
    let Some(last) = entry.blocks.last() else {
        return;
    };
    let Some(deadline) = entry.deadline.take() else {
        return;
    };
    let word = if until { labels.until } else { labels.by };
    // A decision that ends on a list is due as a whole: its deadline is a sentence of its
    // own, not the last item's.
    let list = !matches!(last, Block::Paragraph(_));
    if list && entry.blocks.len() > 1 {
        let sentence = crate::model::dates::capitalize(&format!("{word} {deadline}."));
        entry.blocks.push(Block::Paragraph(sentence));
        return;
    }
    let Some(Block::Paragraph(text) | Block::Bullet { text, .. } | Block::Numbered { text, .. }) =
        entry.blocks.last_mut()
    else {
        return;
    };
    // The sentence ends with its deadline, and a full stop, as the seeds write it.
    let body = text.trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    *text = format!("{body} {word} {deadline}.");
}

/// A decision's last sentence ends with a full stop (or the mark it has: ?, !, …, :).
pub(super) fn full_stop(entry: &mut DecisionEntry) {
    let Some(Block::Paragraph(text) | Block::Bullet { text, .. } | Block::Numbered { text, .. }) =
        entry.blocks.last_mut()
    else {
        return;
    };
    let body = text.trim_end();
    if !body.is_empty() && !body.ends_with(['.', '?', '!', '…', ':', ';']) {
        *text = format!("{body}.");
    }
}

/// Bullets with the sub-bullets that follow them; sub-bullets with no bullet before them
/// hang from an empty one.
pub fn group_items(items: &[Item]) -> Vec<(Option<&Item>, Vec<&Item>)> {
    let mut groups: Vec<(Option<&Item>, Vec<&Item>)> = Vec::new();
    for item in items {
        if item.level == 0 {
            groups.push((Some(item), Vec::new()));
        } else {
            match groups.last_mut() {
                Some((_, subs)) => subs.push(item),
                None => groups.push((None, vec![item])),
            }
        }
    }
    groups
}

/// "échéance : lundi 26 février 2024 ; responsable : MTNRA".
pub fn decision_tail(record: &Record, d: &DecisionEntry) -> String {
    let l = &record.labels;
    let mut parts: Vec<String> = d.status.iter().cloned().collect();
    if let Some(deadline) = &d.deadline {
        parts.push(format!(
            "{}{} {deadline}",
            crate::model::dates::capitalize(l.deadline),
            l.colon
        ));
    }
    if let Some(owner) = &d.owner {
        parts.push(format!(
            "{}{} {owner}",
            crate::model::dates::capitalize(l.owner),
            l.colon
        ));
    }
    parts.join(l.separator)
}

/// The marks in force, and the marks of other items naming each item
/// (`MarkSet::pointing`), found once for a whole record.
pub type Marks<'a> = (&'a crate::model::MarkSet, &'a crate::model::Pointing);
