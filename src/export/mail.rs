//! A draft mail per institution (`copil mail`): an .eml file that Outlook and Thunderbird
//! open as a draft to edit and send — `X-Unsent: 1`, no Date or Message-ID — addressed to
//! the institution's participants, its subject and body from the configuration, with the
//! institution's follow-up letter and, when asked, its remarks form attached. Built with
//! mail-builder; nothing is sent.

use chrono::NaiveDate;
use mail_builder::MessageBuilder;
use mail_builder::headers::Header;
use mail_builder::headers::address::Address;
use mail_builder::headers::text::Text;

use super::docx;
use crate::fuzzy::fold;
use crate::model::dates::long_date_inline;
use crate::model::{MarkSet, Meeting};
use crate::record::form::Form;
use crate::record::names::with_article;
use crate::record::{Options, Record};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// What goes with the mail.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attach {
    pub letter: bool,
    pub form: bool,
}

/// One draft: its bytes and how many addresses it goes to.
pub struct Draft {
    pub bytes: Vec<u8>,
    pub recipients: usize,
}

/// The participants of `institution` (every participant when `None`) with an address:
/// their name, when the meeting has it, and their address, each address once.
pub fn recipients(meeting: &Meeting, institution: Option<&str>) -> Vec<(Option<String>, String)> {
    let name = institution.map(fold);
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    for p in &meeting.participants {
        if name.as_ref().is_none_or(|n| fold(&p.organization) == *n)
            && let Some(email) = &p.email
            && !out.iter().any(|(_, e)| e == email)
        {
            out.push((p.name.clone(), email.clone()));
        }
    }
    out
}

/// The `To:` header of `to`: "Name <address>", or the address alone.
fn write_to(out: &mut Vec<u8>, to: &[(Option<String>, String)]) {
    if to.is_empty() {
        return;
    }
    out.extend_from_slice(b"To: ");
    let list: Vec<Address> = (to.iter())
        .map(|(name, email)| Address::new_address(name.clone(), email.clone()))
        .collect();
    Address::new_list(list).write_header(out, 4);
}

/// The text of a mail in the record's typography: the apostrophe ’, French spaces.
fn typeset(text: &str, language: crate::model::Language, options: &Options) -> String {
    options.typography(language).apply(text)
}

/// `template` without the paragraphs that name `field` when it has no value (no deadline
/// given: no "until ." left in the mail).
fn without_empty(template: &str, field: &str, empty: bool) -> String {
    if !empty {
        return template.to_owned();
    }
    template
        .split("\n\n")
        .filter(|paragraph| !paragraph.contains(field))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// What a mail's templates are filled with: the meeting's date, the remarks deadline,
/// the institution and the same with its article.
struct Words<'a> {
    language: crate::model::Language,
    date: String,
    deadline: String,
    institution: &'a str,
    the_institution: String,
}

impl<'a> Words<'a> {
    fn new(
        meeting: &Meeting,
        institution: &'a str,
        deadline: Option<NaiveDate>,
        options: &Options,
    ) -> Words<'a> {
        let language = meeting.header.language;
        Words {
            language,
            date: long_date_inline(meeting.header.date, language),
            deadline: deadline
                .map(|d| long_date_inline(d, language))
                .unwrap_or_default(),
            institution,
            the_institution: with_article(institution, language, &options.institutions),
        }
    }

    /// `template` filled in, in the record's typography.
    fn fill(&self, template: &crate::model::Localized, options: &Options) -> String {
        let template = template.get(self.language);
        let text = without_empty(template, "{deadline}", self.deadline.is_empty())
            .replace("{date}", &self.date)
            .replace("{the_institution}", &self.the_institution)
            .replace("{institution}", self.institution)
            .replace("{deadline}", &self.deadline);
        typeset(&text, self.language, options)
    }
}

/// A draft's headers: unsent, to `to`, `subject`.
fn headers(to: &[(Option<String>, String)], subject: String) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    out.extend_from_slice(b"X-Unsent: 1\r\n");
    write_to(&mut out, to);
    out.extend_from_slice(b"Subject: ");
    Text::new(subject).write_header(&mut out, 9);
    out.extend_from_slice(b"MIME-Version: 1.0\r\n");
    out
}

/// The Word files' properties, as the exports write them.
fn properties(options: &Options) -> docx::Properties {
    docx::Properties {
        author: options.author.clone(),
        organisation: options.organisation.clone(),
        written_at: None,
    }
}

/// The draft to every participant with an address, the whole record attached as
/// `file.docx` (`copil mail --all`).
pub fn draft_all(
    meeting: &Meeting,
    (marks, options): (&MarkSet, &Options),
    (deadline, file): (Option<NaiveDate>, &str),
) -> std::io::Result<Draft> {
    let words = Words::new(meeting, "", deadline, options);
    let to = recipients(meeting, None);
    let mut out = headers(&to, words.fill(&options.mail_all_subject, options));
    let record = Record::build(meeting, marks, options);
    let docx = docx::render(&record, &properties(options), None);
    MessageBuilder::new()
        .text_body(words.fill(&options.mail_all_body, options))
        .attachment(DOCX, format!("{file}.docx"), docx)
        .write_body(&mut out)?;
    Ok(Draft {
        bytes: out,
        recipients: to.len(),
    })
}

/// The draft for `institution`; `file` names the attachments.
pub fn draft(
    meeting: &Meeting,
    institution: &str,
    (marks, options): (&MarkSet, &Options),
    (attach, deadline, file): (Attach, Option<NaiveDate>, &str),
) -> std::io::Result<Draft> {
    let words = Words::new(meeting, institution, deadline, options);
    let to = recipients(meeting, Some(institution));
    let mut out = headers(&to, words.fill(&options.mail_subject, options));
    let mut body = MessageBuilder::new().text_body(words.fill(&options.mail_body, options));
    let props = properties(options);
    if attach.letter {
        let letter = Record::letter(meeting, institution, marks, options);
        let name = format!("{file}.docx");
        body = body.attachment(DOCX, name, docx::render(&letter, &props, None));
    }
    if attach.form {
        let form = Form::build(meeting, (marks, options), Some(institution), None);
        let name = format!("{file}-{}.docx", crate::i18n::msg().remarks_file);
        body = body.attachment(DOCX, name, docx::form(&form, &props));
    }
    body.write_body(&mut out)?;
    Ok(Draft {
        bytes: out,
        recipients: to.len(),
    })
}
