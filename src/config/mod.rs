//! Configuration: `config/default.toml` is built into the binary and parsed at start;
//! the user's file and `--config FILE` override it key by key (see `layers`).

mod comments;
mod keys;
pub mod layers;
mod settings;
pub mod styles;

use std::path::Path;

use ratatui::style::Color;
use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{fill, msg};
use crate::model::{ArgKind, Localized, MarkArgDef, MarkDef, MarkSet, ResponseDef};

pub use crate::record::SentencePlace;
pub use keys::{modes, screen_modes};
pub use settings::{Config, DEFAULT_TOML, HIGH_CONTRAST_TOML, Theme, parse_color};
pub use styles::Styles;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    language: toml::Spanned<String>,
    marks: Vec<toml::Spanned<MarkFile>>,
    #[serde(default)]
    keys: toml::Table,
    phrases: Vec<LocalizedFile>,
    theme: ThemeFile,
    export: ExportFile,
}

/// A text of the configuration: one for both languages, or `{ fr = "…", en = "…" }`.
#[derive(Deserialize)]
#[serde(untagged, expecting = "a text, or { fr = \"…\", en = \"…\" }")]
enum LocalizedFile {
    Both(String),
    Each(Pair),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    fr: String,
    en: String,
}

impl From<LocalizedFile> for Localized {
    fn from(l: LocalizedFile) -> Self {
        match l {
            LocalizedFile::Both(text) => Localized {
                fr: text.clone(),
                en: text,
            },
            LocalizedFile::Each(Pair { fr, en }) => Localized { fr, en },
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkFile {
    id: String,
    key: toml::Spanned<String>,
    color: toml::Spanned<String>,
    label: LocalizedFile,
    sentence: LocalizedFile,
    sentence_same_institution: Option<LocalizedFile>,
    argument: Option<ArgumentFile>,
    #[serde(default)]
    first: bool,
    #[serde(default)]
    closes: bool,
    #[serde(default)]
    settled_by_remark: bool,
    #[serde(default)]
    says_no_remarks: bool,
    label_on_target: Option<LocalizedFile>,
    #[serde(default)]
    response: ResponseFile,
}

/// What a mark says in the reasoned response (`model::ResponseDef`).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ResponseFile {
    decision: Option<LocalizedFile>,
    titled: Option<LocalizedFile>,
    #[serde(default)]
    alone: bool,
    pending: Option<LocalizedFile>,
    on_target: Option<LocalizedFile>,
}

fn localized(text: Option<LocalizedFile>) -> Localized {
    text.map(Into::into).unwrap_or_default()
}

impl From<ResponseFile> for ResponseDef {
    fn from(r: ResponseFile) -> Self {
        ResponseDef {
            decision: localized(r.decision),
            titled: localized(r.titled),
            alone: r.alone,
            pending: localized(r.pending),
            on_target: localized(r.on_target),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArgumentFile {
    name: String,
    kind: ArgKindFile,
    prompt: LocalizedFile,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ArgKindFile {
    Reason,
    Title,
    Commitment,
    /// Before marks said their argument's part: a reason.
    Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    background: toml::Spanned<String>,
    foreground: toml::Spanned<String>,
    accent: toml::Spanned<String>,
    muted: toml::Spanned<String>,
    selection_fg: toml::Spanned<String>,
    selection_bg: toml::Spanned<String>,
    ok: toml::Spanned<String>,
    warning: toml::Spanned<String>,
    error: toml::Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile {
    formats: Vec<String>,
    mark_sentences: SentencePlace,
    attribution: bool,
    history: bool,
    deadlines: crate::record::DeadlinePlace,
    french_spaces: bool,
    apostrophes: bool,
    quotes: bool,
    split_rows: bool,
    paper: crate::record::Paper,
    author: String,
    organisation: String,
    everyone: Vec<String>,
    letter_opening: LocalizedFile,
    docx_template: String,
    received_remarks: crate::record::remarks::RemarksPlace,
    response_intro: LocalizedFile,
    mail_subject: LocalizedFile,
    mail_body: LocalizedFile,
    mail_all_subject: LocalizedFile,
    mail_all_body: LocalizedFile,
    #[serde(default)]
    institutions: crate::record::names::Institutions,
    letter: LetterFile,
}

/// `[export.letter]`: how a follow-up letter is framed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LetterFile {
    place: String,
    reference: String,
    signatory: String,
    signatory_title: LocalizedFile,
    to: LocalizedFile,
    salutation: LocalizedFile,
    closing: LocalizedFile,
}

impl From<LetterFile> for crate::record::LetterSettings {
    fn from(l: LetterFile) -> Self {
        crate::record::LetterSettings {
            place: l.place,
            reference: l.reference,
            signatory: l.signatory,
            signatory_title: l.signatory_title.into(),
            to: l.to.into(),
            salutation: l.salutation.into(),
            closing: l.closing.into(),
        }
    }
}

impl Config {
    /// The built-in configuration. It is tested, so a failure here is a build defect.
    pub fn builtin() -> Self {
        Config::parse(Path::new("config/default.toml"), DEFAULT_TOML)
            .expect("the built-in config/default.toml is valid")
    }

    /// Parses a complete configuration file.
    pub fn parse(file: &Path, text: &str) -> Result<Self, Diagnostics> {
        let raw: ConfigFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Diagnostics(vec![Diagnostic::at_offset(
                file,
                text,
                offset,
                e.message().trim().to_owned(),
                msg().config_fix_hint,
            )])
        })?;
        let mut reader = Reader {
            file,
            text,
            errors: Vec::new(),
        };
        let theme = reader.theme(&raw.theme);
        let marks = MarkSet {
            defs: reader.marks(raw.marks),
        };
        let export_formats = reader.export_formats(&raw.export.formats);
        let ui_language = reader.ui_language(&raw.language);
        let keymap = keys::keymap(&raw.keys, &marks, file, text).unwrap_or_else(|mut e| {
            reader.errors.append(&mut e);
            crate::keys::Keymap::from_bindings(Vec::new())
        });
        if !reader.errors.is_empty() {
            return Err(Diagnostics(reader.errors));
        }
        Ok(Config {
            ui_language,
            keymap,
            marks,
            phrases: raw.phrases.into_iter().map(Into::into).collect(),
            theme,
            export: crate::record::Options {
                mark_sentences: raw.export.mark_sentences,
                attribution: raw.export.attribution,
                history: raw.export.history,
                deadlines: raw.export.deadlines,
                french_spaces: raw.export.french_spaces,
                apostrophes: raw.export.apostrophes,
                quotes: raw.export.quotes,
                split_rows: raw.export.split_rows,
                paper: raw.export.paper,
                author: raw.export.author,
                organisation: raw.export.organisation,
                everyone: raw.export.everyone,
                opening: raw.export.letter_opening.into(),
                received_remarks: raw.export.received_remarks,
                response_intro: raw.export.response_intro.into(),
                mail_subject: raw.export.mail_subject.into(),
                mail_body: raw.export.mail_body.into(),
                mail_all_subject: raw.export.mail_all_subject.into(),
                mail_all_body: raw.export.mail_all_body.into(),
                institutions: raw.export.institutions,
                letter: raw.export.letter.into(),
                docx_template: Some(raw.export.docx_template)
                    .filter(|t| !t.is_empty())
                    .map(Into::into),
            },
            export_formats,
        })
    }
}

/// Turns the parsed file into typed settings, gathering every problem with its line.
struct Reader<'a> {
    file: &'a Path,
    text: &'a str,
    errors: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error_at(&mut self, offset: usize, message: String, hint: &str) {
        let d = Diagnostic::at_offset(self.file, self.text, offset, message, hint);
        self.errors.push(d);
    }

    fn color(&mut self, value: &toml::Spanned<String>) -> Color {
        parse_color(value.get_ref()).unwrap_or_else(|| {
            let message = fill(msg().not_a_colour, &[value.get_ref()]);
            self.error_at(value.span().start, message, msg().colour_hint);
            Color::Reset
        })
    }

    fn theme(&mut self, raw: &ThemeFile) -> Theme {
        Theme {
            color: true,
            background: self.color(&raw.background),
            foreground: self.color(&raw.foreground),
            accent: self.color(&raw.accent),
            muted: self.color(&raw.muted),
            selection_fg: self.color(&raw.selection_fg),
            selection_bg: self.color(&raw.selection_bg),
            ok: self.color(&raw.ok),
            warning: self.color(&raw.warning),
            error: self.color(&raw.error),
        }
    }

    fn marks(&mut self, raw: Vec<toml::Spanned<MarkFile>>) -> Vec<MarkDef> {
        let mut defs: Vec<MarkDef> = Vec::new();
        for spanned in raw {
            let span = spanned.span();
            let m = spanned.into_inner();
            self.color(&m.color);
            let mut chars = m.key.get_ref().chars();
            let key = match (chars.next(), chars.next()) {
                (Some(k), None) => k,
                _ => {
                    let message = fill(msg().mark_key_not_char, &[m.key.get_ref()]);
                    self.error_at(m.key.span().start, message, msg().mark_key_hint);
                    ' '
                }
            };
            if let Some(other) = defs.iter().find(|d| d.id == m.id || d.key == key) {
                let message = fill(msg().mark_repeats, &[&m.id, &other.id]);
                self.error_at(span.start, message, msg().mark_repeats_hint);
            }
            defs.push(MarkDef {
                id: m.id,
                key,
                label: m.label.into(),
                sentence: m.sentence.into(),
                sentence_same_institution: localized(m.sentence_same_institution),
                arg: m.argument.map(|a| MarkArgDef {
                    name: a.name,
                    kind: match a.kind {
                        ArgKindFile::Reason | ArgKindFile::Text => ArgKind::Reason,
                        ArgKindFile::Title => ArgKind::Title,
                        ArgKindFile::Commitment => ArgKind::Commitment,
                    },
                    prompt: a.prompt.into(),
                }),
                color: m.color.into_inner(),
                first: m.first,
                closes: m.closes,
                settled_by_remark: m.settled_by_remark,
                says_no_remarks: m.says_no_remarks,
                label_on_target: localized(m.label_on_target),
                response: m.response.into(),
            });
        }
        defs
    }

    fn export_formats(&mut self, names: &[String]) -> Vec<crate::export::Format> {
        let mut formats = Vec::new();
        for name in names {
            match crate::export::Format::from_name(name) {
                Some(format) => formats.push(format),
                None => {
                    let all = crate::export::Format::ALL.map(|f| f.extension()).join(", ");
                    // Where the name stands in the file (the list keeps no places of its own).
                    let quoted = [format!("\"{name}\""), format!("'{name}'")];
                    let at = quoted.iter().find_map(|q| self.text.find(q.as_str()));
                    let message = fill(msg().unknown_export_format, &[name]);
                    let hint = fill(msg().use_some_of, &[&all]);
                    self.errors.push(Diagnostic::at_offset(
                        self.file,
                        self.text,
                        at.unwrap_or(0),
                        message,
                        &hint,
                    ));
                }
            }
        }
        formats
    }

    fn ui_language(&mut self, raw: &toml::Spanned<String>) -> crate::model::Language {
        match raw.get_ref().as_str() {
            "auto" => crate::i18n::language_from_env(),
            code => crate::model::Language::from_code(code).unwrap_or_else(|| {
                let message = fill(msg().unknown_ui_language, &[&code]);
                self.error_at(raw.span().start, message, msg().ui_language_hint);
                crate::model::Language::En
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_config_has_marks_and_enough_phrases() {
        let config = Config::builtin();
        let set = &config.marks;
        let kind = |k| {
            set.defs
                .iter()
                .filter(move |d| d.arg.as_ref().is_some_and(|a| a.kind == k))
        };
        // Each part a mark can play is played by a built-in mark.
        assert_eq!(kind(ArgKind::Title).count(), 1);
        assert!(kind(ArgKind::Commitment).all(|d| d.closes && !d.label_on_target.fr.is_empty()));
        assert!(set.defs.iter().any(|d| d.settled_by_remark));
        assert!(set.defs.iter().any(|d| d.says_no_remarks));
        for d in &set.defs {
            let r = &d.response;
            let says = [&r.decision, &r.pending].map(|t| !t.fr.is_empty() && !t.en.is_empty());
            assert!(
                says.contains(&true),
                "{} says nothing in the response",
                d.id
            );
        }
        assert!(
            config.phrases.len() >= 30,
            "{} phrases",
            config.phrases.len()
        );
        assert!(
            config
                .phrases
                .iter()
                .all(|p| !p.fr.trim().is_empty() && !p.en.trim().is_empty())
        );
    }

    #[test]
    fn bad_colour_is_reported_with_its_line() {
        let text = DEFAULT_TOML.replace("accent = \"cyan\"", "accent = \"cyann\"");
        let err = Config::parse(Path::new("user.toml"), &text).unwrap_err();
        let line = text.lines().position(|l| l.contains("cyann")).unwrap() + 1;
        assert_eq!(err.0[0].line, line);
        assert!(err.0[0].message.contains("cyann"));
    }

    #[test]
    fn unknown_key_is_reported_with_its_line() {
        let text = DEFAULT_TOML.replace("[theme]\n", "[theme]\nacent = \"red\"\n");
        let err = Config::parse(Path::new("user.toml"), &text).unwrap_err();
        let line = text.lines().position(|l| l.starts_with("acent")).unwrap() + 1;
        assert_eq!(err.0[0].line, line, "{}", err);
        assert!(err.to_string().contains("acent"));
    }

    #[test]
    fn two_marks_on_one_key_are_refused() {
        let text = DEFAULT_TOML.replace("key = \"r\"", "key = \"f\"");
        let err = Config::parse(Path::new("user.toml"), &text).unwrap_err();
        assert!(err.to_string().contains("repeats the id or key"), "{err}");
    }
}
