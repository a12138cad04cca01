//! Every kind of bad meeting file gets a message naming its line and column.

mod common;

use std::path::Path;

use copil::config::Config;
use copil::diag::Diagnostic;
use copil::store::{self, LoadError};

const GOOD: &str = r#"[meeting]
title = "Réunion du comité de pilotage"
date = 2024-02-22
place = "Réunion à distance"

[[commitments]]
number = 8
title = "Programme national de bénévolat"
institution = "Département de Jeunesse"
marks = [{ id = "merge", target = 9 }]

[[commitments]]
number = 9
title = "Forums jeunesse"
institution = "Département de Jeunesse"
"#;

fn errors(text: &str) -> Vec<Diagnostic> {
    let marks = Config::builtin().marks;
    match store::parse_meeting(Path::new("m.toml"), text, &marks) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(LoadError::Invalid(d)) => d.0,
        Err(e) => panic!("unexpected error {e}"),
    }
}

/// The error of `text` that says `words`, checked to stand at the first occurrence of
/// `needle` and to carry a hint.
fn assert_error_at(text: &str, needle: &str, words: &str) -> Diagnostic {
    let errs = errors(text);
    let first = errs
        .iter()
        .find(|e| e.message.contains(words))
        .unwrap_or_else(|| panic!("no error says {words:?}: {errs:?}"))
        .clone();
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let line = text[..offset].matches('\n').count() + 1;
    let column = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!((first.line, first.column), (line, column), "{first}");
    assert!(!first.hint.is_empty(), "{first}");
    first
}

#[test]
fn good_file_is_accepted() {
    let marks = Config::builtin().marks;
    store::parse_meeting(Path::new("m.toml"), GOOD, &marks).unwrap();
}

#[test]
fn malformed_toml_points_at_the_broken_line() {
    let text = GOOD.replace("title = \"Forums jeunesse\"", "title = \"Forums jeunesse");
    let e = errors(&text);
    assert_eq!(e[0].line, 14, "{}", e[0]);
}

#[test]
fn missing_required_field_names_the_field_and_its_table() {
    let text = GOOD.replace("title = \"Forums jeunesse\"\n", "");
    let e = assert_error_at(&text, "[[commitments]]\nnumber = 9", "title");
    assert!(e.message.contains("missing field"), "{e}");
}

#[test]
fn missing_meeting_table_is_reported() {
    let text = GOOD.replace("[meeting]\n", "").replace(
        "title = \"Réunion du comité de pilotage\"\ndate = 2024-02-22\nplace = \"Réunion à distance\"\n",
        "",
    );
    let e = errors(&text);
    assert!(e[0].message.contains("[meeting]"), "{}", e[0]);
}

#[test]
fn duplicate_commitment_numbers_point_at_the_second() {
    let text = GOOD.replace("number = 9", "number = 8");
    assert_error_at(
        &text,
        "8\ntitle = \"Forums",
        "duplicate commitment number 8",
    );
}

#[test]
fn unknown_mark_points_at_its_id() {
    let text = GOOD.replace("id = \"merge\", target = 9", "id = \"merged\", target = 9");
    let e = assert_error_at(&text, "\"merged\"", "unknown mark");
    assert!(e.hint.contains("awaiting-fiche"), "{e}");
}

#[test]
fn merge_target_that_does_not_exist_points_at_the_target() {
    let text = GOOD.replace("target = 9", "target = 99");
    assert_error_at(&text, "99", "does not exist");
}

#[test]
fn mark_without_its_argument_is_reported() {
    let text = GOOD.replace("{ id = \"merge\", target = 9 }", "{ id = \"cancelled\" }");
    assert_error_at(&text, "{ id = \"cancelled\" }", "reason");
}

#[test]
fn empty_title_points_at_the_title() {
    let text = GOOD.replace("\"Forums jeunesse\"", "\"  \"");
    assert_error_at(&text, "\"  \"", "empty title");
}

#[test]
fn a_string_that_is_not_a_date_points_at_the_date() {
    let text = GOOD.replace("date = 2024-02-22", "date = \"22 février\"");
    assert_error_at(&text, "\"22 février\"", "not a date");
}

#[test]
fn an_impossible_date_points_at_the_date() {
    let text = GOOD.replace("date = 2024-02-22", "date = 2024-02-30");
    let e = errors(&text);
    assert_eq!((e[0].line, e[0].column), (3, 8), "{}", e[0]);
}

#[test]
fn a_time_that_is_not_a_time_is_reported() {
    let text = GOOD.replace(
        "date = 2024-02-22\n",
        "date = 2024-02-22\ntime = \"25:99\"\n",
    );
    assert_error_at(&text, "\"25:99\"", "not a time");
}

#[test]
fn an_unknown_field_is_refused_loudly() {
    let text = GOOD.replace(
        "institution = \"Département de Jeunesse\"\nmarks",
        "instituton = \"x\"\nmarks",
    );
    assert_error_at(&text, "instituton", "unknown field");
}

#[test]
fn a_deadline_that_is_not_a_date_is_reported() {
    let text = format!("{GOOD}\n[[decisions]]\ntext = \"Prolonger\"\ndeadline = \"lundi\"\n");
    assert_error_at(&text, "\"lundi\"", "not a date");
}

#[test]
fn several_problems_are_all_reported_in_file_order() {
    let text = GOOD
        .replace("target = 9", "target = 99")
        .replace("\"Forums jeunesse\"", "\"\"");
    let e = errors(&text);
    assert_eq!(e.len(), 2);
    assert!(e[0].line < e[1].line);
}

#[test]
fn a_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    let mut bytes = b"[meeting]\ntitle = \"R".to_vec();
    bytes.push(0xE9); // "é" in Latin-1
    bytes.extend_from_slice(b"union\"\n");
    std::fs::write(&path, bytes).unwrap();
    let err = store::load(&path, &Config::builtin().marks).unwrap_err();
    let LoadError::Invalid(d) = err else {
        panic!("{err}")
    };
    assert_eq!((d.0[0].line, d.0[0].column), (2, 11), "{}", d.0[0]);
    assert!(d.0[0].message.contains("UTF-8"));
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.toml");
    std::fs::write(&path, "\n  \n").unwrap();
    let err = store::load(&path, &Config::builtin().marks).unwrap_err();
    assert!(err.is_bad_input());
    assert!(err.to_string().contains("empty"), "{err}");
}

#[test]
fn messages_read_file_line_column_then_help() {
    let text = GOOD.replace("target = 9", "target = 99");
    let e = errors(&text);
    let shown = e[0].to_string();
    assert!(shown.starts_with("m.toml:10:"), "{shown}");
    assert!(shown.contains("\n  help: "), "{shown}");
}

#[test]
fn an_email_that_is_not_an_address_is_refused_where_it_stands() {
    let text = GOOD.replace(
        "place = \"Réunion à distance\"\n",
        "place = \"Réunion à distance\"\n\n[[participants]]\norganization = \"ACODEC\"\nemail = \"acodec at gmail\"\n",
    );
    assert_error_at(&text, "\"acodec at gmail\"", "is not an e-mail address");
    let good = text.replace("acodec at gmail", "contact@acodec.ma");
    let marks = Config::builtin().marks;
    let m = store::parse_meeting(Path::new("m.toml"), &good, &marks).unwrap();
    assert_eq!(
        m.participants[0].email.as_deref(),
        Some("contact@acodec.ma")
    );
}

#[test]
fn an_email_typed_on_screen_1_is_kept_or_refused_with_its_reason() {
    let mut app = copil::app::App::new(
        copil::store::parse_meeting(
            Path::new("m.toml"),
            &GOOD.replace(
                "place = \"Réunion à distance\"\n",
                "place = \"Réunion à distance\"\n\n[[participants]]\norganization = \"ACODEC\"\npresent = true\n",
            ),
            &Config::builtin().marks,
        )
        .unwrap(),
        Config::builtin(),
        None,
        copil::live::clock(),
    );
    common::press(&mut app, "1 m");
    common::type_text(&mut app, "pas une adresse");
    common::press(&mut app, "enter");
    assert_eq!(app.meeting.participants[0].email, None, "refused");
    assert!(!app.layers.is_empty(), "the prompt stays, with the reason");
    common::press(&mut app, "ctrl-u");
    common::type_text(&mut app, "contact@acodec.ma");
    common::press(&mut app, "enter");
    let screen = common::screen_text(&app, 120, 40);
    assert!(screen.contains("✉ contact@acodec.ma"), "{screen}");
    assert_eq!(
        app.meeting.participants[0].email.as_deref(),
        Some("contact@acodec.ma")
    );
}
