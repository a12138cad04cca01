//! The meeting file as TOML: what is read (with spans for messages) and what is written.
//!
//! Reading goes through plain serde structs that mirror the file, then into the model.
//! Writing is done by hand so that the file stays pleasant to edit: one `[[commitments]]`
//! table per item, marks and observations one per line.

use std::ops::Range;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

pub(crate) use super::dto::{CommitmentDto, FileDto};
use super::dto::{DecisionDto, HeaderDto, ObservationDto, RemarkDto, SheetDto};
use crate::diag::Diagnostic;
use crate::i18n::{fill, msg};
use crate::model::{
    Activity, Attendance, Commitment, Decision, DecisionStatus, Header, Language, Mark, MarkArg,
    MarkSet, Meeting, Observation, OgpValue, Participant, Point, Remark, RemarkState, Sheet,
    StatusChange,
};

/// Turns the file's structs into the model, reporting values the types could not check.
pub(crate) struct Converter<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub marks: &'a MarkSet,
    pub errors: Vec<Diagnostic>,
}

/// A one-line text of the file (a name, an organisation, a title, a place): as `nfc`,
/// with each line break or tab a space, so that a name pasted with its line end never
/// breaks a table, a letter's address or a mail header.
pub(crate) fn one_line(s: String) -> String {
    let s = nfc(s);
    if !s.contains(['\n', '\t']) {
        return s;
    }
    s.replace(['\n', '\t'], " ")
}

/// A text of the file in NFC, its line breaks `\n` (a file saved on Windows holds
/// `\r\n` inside its multi-line strings), without the characters no exported document may
/// hold (controls but tab and line ends, U+FFFE, U+FFFF).
pub(crate) fn nfc(s: String) -> String {
    let s = match s.chars().any(|c| c == '\r' || crate::wrap::forbidden(c)) {
        true => s
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|&c| !crate::wrap::forbidden(c))
            .collect(),
        false => s,
    };
    if unicode_normalization::is_nfc(&s) {
        s
    } else {
        s.nfc().collect()
    }
}

impl Converter<'_> {
    fn error(&mut self, span: Range<usize>, message: String, hint: &str) {
        self.errors.push(Diagnostic::at_offset(
            self.file, self.text, span.start, message, hint,
        ));
    }

    pub fn meeting(&mut self, dto: FileDto) -> Meeting {
        let header = match dto.meeting {
            Some(h) => self.header(h.into_inner()),
            None => {
                self.errors.push(Diagnostic::at_offset(
                    self.file,
                    self.text,
                    0,
                    msg().no_meeting_table,
                    msg().no_meeting_table_hint,
                ));
                Header::default()
            }
        };
        Meeting {
            header,
            participants: dto
                .participants
                .into_iter()
                .map(|p| Participant {
                    email: p.email.and_then(|e| self.email(e)),
                    name: p.name.map(one_line),
                    organization: one_line(p.organization),
                    attendance: match (p.present, p.excused) {
                        (Some(true), _) => Attendance::Present,
                        (_, Some(true)) => Attendance::Excused,
                        (Some(false), _) => Attendance::Absent,
                        (None, _) => Attendance::NotCalled,
                    },
                    represented_by: p.represented_by.map(one_line),
                })
                .collect(),
            commitments: (self.commitments(dto.commitments).into_iter())
                .map(std::sync::Arc::new)
                .collect(),
            points: dto
                .points
                .into_iter()
                .map(|p| Point {
                    title: nfc(p.title),
                    text: nfc(p.text),
                    table: p.table,
                })
                .collect(),
            decisions: dto
                .decisions
                .into_iter()
                .map(|d| self.decision(d))
                .collect(),
            remarks: dto
                .remarks
                .into_iter()
                .filter_map(|r| self.remark(r))
                .collect(),
        }
    }

    fn email(&mut self, e: Spanned<String>) -> Option<String> {
        let text = e.get_ref().trim();
        if crate::model::is_email(text) {
            return Some(text.to_owned());
        }
        let message = fill(msg().bad_email, &[&text]);
        self.error(e.span(), message, msg().bad_email_hint);
        None
    }

    fn decision(&mut self, d: DecisionDto) -> Decision {
        let closed = d.closed.and_then(|v| self.date(v, "closed"));
        let status = match d.status.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("open") => DecisionStatus::Open,
            Some("done") => DecisionStatus::Done(closed.unwrap_or_default()),
            Some("dropped") => DecisionStatus::Dropped {
                on: closed.unwrap_or_default(),
                reason: d.reason.map(nfc),
            },
            Some(other) => {
                let message = fill(msg().bad_decision_status, &[&other]);
                let span = d.status.as_ref().map_or(0..0, Spanned::span);
                self.error(span, message, msg().bad_decision_status_hint);
                DecisionStatus::Open
            }
        };
        let log = d
            .log
            .into_iter()
            .filter_map(|c| {
                Some(StatusChange {
                    date: self.date(c.date, "date")?,
                    status: c.status,
                })
            })
            .collect();
        Decision {
            text: nfc(d.text),
            deadline: d.deadline.and_then(|v| self.date(v, "deadline")),
            until: d.until,
            owner: d.owner.map(nfc),
            carried: d.carried,
            status,
            taken: d.taken.and_then(|v| self.date(v, "taken")),
            log,
        }
    }

    fn remark(&mut self, r: RemarkDto) -> Option<Remark> {
        let status = r
            .status
            .as_ref()
            .map_or("pending", |s| s.get_ref().as_str());
        let state = match status {
            "pending" => RemarkState::Pending,
            "accepted" => RemarkState::Accepted,
            "merged" => RemarkState::Merged,
            "rejected" => RemarkState::Rejected(r.reason.map(nfc)),
            other => {
                let message = fill(msg().bad_remark_status, &[&other]);
                let span = r.status.as_ref().map_or(0..0, Spanned::span);
                self.error(span, message, msg().bad_remark_status_hint);
                return None;
            }
        };
        Some(Remark {
            number: r.number,
            text: nfc(r.text),
            author: one_line(r.author),
            received: self.date(r.received, "received").unwrap_or_default(),
            source: r.source,
            state,
        })
    }

    fn header(&mut self, h: HeaderDto) -> Header {
        let date = self.date(h.date, "date").unwrap_or_default();
        let time = h.time.and_then(|t| {
            let parsed = parse_time(t.get_ref());
            if parsed.is_none() {
                self.error(
                    t.span(),
                    fill(msg().not_a_time, &[t.get_ref()]),
                    msg().time_hint,
                );
            }
            parsed
        });
        let language = match h.language {
            None => Language::Fr,
            Some(l) => Language::from_code(l.get_ref()).unwrap_or_else(|| {
                self.error(
                    l.span(),
                    fill(msg().unknown_record_language, &[l.get_ref()]),
                    msg().record_language_hint,
                );
                Language::Fr
            }),
        };
        let planned_end = h.end.and_then(|t| {
            let parsed = parse_time(t.get_ref());
            if parsed.is_none() {
                self.error(
                    t.span(),
                    fill(msg().not_a_time, &[t.get_ref()]),
                    msg().end_hint,
                );
            }
            parsed
        });
        Header {
            title: one_line(h.title),
            date,
            time,
            place: one_line(h.place),
            language,
            agenda: h.agenda.into_iter().map(nfc).collect(),
            planned_end,
            planned_minutes: h.duration,
            item_budget_minutes: h.item_budget,
            seconds_elapsed: h.clock,
        }
    }

    pub fn commitments(&mut self, dtos: Vec<CommitmentDto>) -> Vec<Commitment> {
        dtos.into_iter()
            .map(|c| Commitment {
                number: c.number,
                title: one_line(c.title),
                institution: one_line(c.institution),
                summary: c.summary.map(nfc),
                observations: c.observations.into_iter().map(observation).collect(),
                marks: c.marks.into_iter().map(|m| self.mark(m)).collect(),
                seconds_spent: c.seconds_spent,
                last_discussed: c.last_discussed.and_then(|v| self.datetime(v)),
                history: c.history.into_iter().map(observation).collect(),
                sheet: c.sheet.map(|s| self.sheet(s)),
                carried: c.carried,
            })
            .collect()
    }

    fn sheet(&mut self, s: SheetDto) -> Sheet {
        let mut values = Vec::new();
        for v in s.values {
            match OgpValue::from_id(v.get_ref()) {
                Some(value) => values.push(value),
                None => self.error(
                    v.span(),
                    fill(msg().unknown_ogp_value, &[v.get_ref()]),
                    msg().ogp_value_hint,
                ),
            }
        }
        Sheet {
            problem: s.problem.map(nfc),
            solution: s.solution.map(nfc),
            lead_agency: s.lead_agency.map(nfc),
            activities: s
                .activities
                .into_iter()
                .map(|a| Activity {
                    text: nfc(a.text),
                    start: a.start.and_then(|d| self.date(d, "start")),
                    end: a.end.and_then(|d| self.date(d, "end")),
                })
                .collect(),
            values,
        }
    }

    fn mark(&mut self, spanned: Spanned<toml::Table>) -> Mark {
        let span = spanned.span();
        let table = spanned.into_inner();
        let id = match table.get("id") {
            Some(toml::Value::String(id)) => id.clone(),
            _ => {
                self.error(
                    span.clone(),
                    msg().mark_no_id.to_owned(),
                    &fill(msg().mark_no_id_hint, &[&self.marks.ids().join(", ")]),
                );
                String::new()
            }
        };
        let expected = self
            .marks
            .get(&id)
            .and_then(|d| d.arg.as_ref())
            .map(|a| a.name.clone());
        let mut arg = MarkArg::None;
        for (key, value) in table.iter().filter(|(k, _)| k.as_str() != "id") {
            if expected.is_some() && expected.as_deref() != Some(key.as_str()) {
                self.error(
                    span.clone(),
                    fill(msg().mark_unknown_field, &[&id, key]),
                    &fill(
                        msg().mark_argument_hint,
                        &[&id, &expected.as_deref().unwrap_or_default()],
                    ),
                );
                continue;
            }
            arg = match value {
                toml::Value::String(s) => MarkArg::Text(nfc(s.clone())),
                toml::Value::Integer(n) if u32::try_from(*n).is_ok() => {
                    MarkArg::Commitment(*n as u32)
                }
                other => {
                    self.error(
                        span.clone(),
                        fill(msg().mark_wrong_type, &[&id, other]),
                        msg().mark_wrong_type_hint,
                    );
                    MarkArg::None
                }
            };
        }
        Mark { id, arg }
    }

    fn date(&mut self, value: Spanned<toml::Value>, what: &str) -> Option<NaiveDate> {
        let parsed = match value.get_ref() {
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())),
            toml::Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                value.span(),
                fill(msg().not_a_date, &[&what, value.get_ref()]),
                &fill(msg().date_hint, &[&what, &what]),
            );
        }
        parsed
    }

    fn datetime(&mut self, value: Spanned<toml::Value>) -> Option<NaiveDateTime> {
        let parsed = match value.get_ref() {
            toml::Value::Datetime(dt) => {
                NaiveDateTime::parse_from_str(&dt.to_string(), "%Y-%m-%dT%H:%M:%S%.f").ok()
            }
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                value.span(),
                fill(msg().not_a_datetime, &[value.get_ref()]),
                msg().datetime_hint,
            );
        }
        parsed
    }
}

fn observation(o: ObservationDto) -> Observation {
    Observation {
        text: nfc(o.text),
        level: o.level,
        by: o.by.map(nfc),
    }
}

/// "11:00", "11h", "11h30", "9:05".
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_lowercase();
    let (h, m) = t.split_once([':', 'h']).unwrap_or((&t, ""));
    let hour: u32 = h.trim().parse().ok()?;
    let minute: u32 = if m.trim().is_empty() {
        0
    } else {
        m.trim().parse().ok()?
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}
