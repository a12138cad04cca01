//! The meeting file's tables as serde reads them, with spans for messages: plain structs
//! that mirror the file, turned into the model by `format::Converter`.

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileDto {
    pub(crate) meeting: Option<Spanned<HeaderDto>>,
    #[serde(default)]
    pub(crate) participants: Vec<ParticipantDto>,
    #[serde(default)]
    pub(crate) commitments: Vec<CommitmentDto>,
    #[serde(default)]
    pub(crate) points: Vec<PointDto>,
    #[serde(default)]
    pub(crate) decisions: Vec<DecisionDto>,
    #[serde(default)]
    pub(crate) remarks: Vec<RemarkDto>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeaderDto {
    pub(crate) title: String,
    pub(crate) date: Spanned<toml::Value>,
    pub(crate) time: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) place: String,
    pub(crate) language: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) agenda: Vec<String>,
    pub(crate) end: Option<Spanned<String>>,
    pub(crate) duration: Option<u32>,
    pub(crate) item_budget: Option<u32>,
    #[serde(default)]
    pub(crate) clock: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParticipantDto {
    pub(crate) name: Option<String>,
    pub(crate) organization: String,
    pub(crate) present: Option<bool>,
    pub(crate) excused: Option<bool>,
    pub(crate) represented_by: Option<String>,
    pub(crate) email: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommitmentDto {
    pub(crate) number: u32,
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) institution: String,
    pub(crate) summary: Option<String>,
    #[serde(default)]
    pub(crate) marks: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    pub(crate) observations: Vec<ObservationDto>,
    #[serde(default)]
    pub(crate) seconds_spent: u64,
    pub(crate) last_discussed: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) history: Vec<ObservationDto>,
    pub(crate) sheet: Option<SheetDto>,
    #[serde(default)]
    pub(crate) carried: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ObservationDto {
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) level: u8,
    pub(crate) by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SheetDto {
    pub(crate) problem: Option<String>,
    pub(crate) solution: Option<String>,
    pub(crate) lead_agency: Option<String>,
    #[serde(default)]
    pub(crate) activities: Vec<ActivityDto>,
    #[serde(default)]
    pub(crate) values: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActivityDto {
    pub(crate) text: String,
    pub(crate) start: Option<Spanned<toml::Value>>,
    pub(crate) end: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PointDto {
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) table: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DecisionDto {
    pub(crate) text: String,
    pub(crate) deadline: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) until: bool,
    pub(crate) owner: Option<String>,
    #[serde(default)]
    pub(crate) carried: bool,
    pub(crate) status: Option<Spanned<String>>,
    pub(crate) closed: Option<Spanned<toml::Value>>,
    pub(crate) reason: Option<String>,
    pub(crate) taken: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) log: Vec<StatusChangeDto>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatusChangeDto {
    pub(crate) date: Spanned<toml::Value>,
    pub(crate) status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RemarkDto {
    pub(crate) number: u32,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) author: String,
    pub(crate) received: Spanned<toml::Value>,
    #[serde(default)]
    pub(crate) source: String,
    pub(crate) status: Option<Spanned<String>>,
    pub(crate) reason: Option<String>,
}
