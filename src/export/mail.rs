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

/// The e-mail addresses of `institution`'s participants, each once.
pub fn recipients(meeting: &Meeting, institution: &str) -> Vec<String> {
    let name = fold(institution);
    let mut out: Vec<String> = Vec::new();
    for p in &meeting.participants {
        if fold(&p.organization) == name
            && let Some(email) = &p.email
            && !out.contains(email)
        {
            out.push(email.clone());
        }
    }
    out
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

/// The draft for `institution`; `file` names the attachments.
pub fn draft(
    meeting: &Meeting,
    institution: &str,
    (marks, options): (&MarkSet, &Options),
    (attach, deadline, file): (Attach, Option<NaiveDate>, &str),
) -> std::io::Result<Draft> {
    let language = meeting.header.language;
    let date = long_date_inline(meeting.header.date, language);
    let deadline = deadline
        .map(|d| long_date_inline(d, language))
        .unwrap_or_default();
    let fill = |template: &str| {
        without_empty(template, "{deadline}", deadline.is_empty())
            .replace("{date}", &date)
            .replace("{institution}", institution)
            .replace("{deadline}", &deadline)
    };
    let to = recipients(meeting, institution);
    let mut out: Vec<u8> = Vec::new();
    out.extend_from_slice(b"X-Unsent: 1\r\n");
    if !to.is_empty() {
        out.extend_from_slice(b"To: ");
        let list: Vec<Address> = to.iter().map(|a| Address::from(a.as_str())).collect();
        Address::new_list(list).write_header(&mut out, 4);
    }
    out.extend_from_slice(b"Subject: ");
    Text::new(fill(options.mail_subject.get(language))).write_header(&mut out, 9);
    out.extend_from_slice(b"MIME-Version: 1.0\r\n");
    let mut body = MessageBuilder::new().text_body(fill(options.mail_body.get(language)));
    let props = docx::Properties {
        author: options.author.clone(),
        organisation: options.organisation.clone(),
        written_at: None,
    };
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
