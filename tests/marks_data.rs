//! A mark is data: a mark added in a user's configuration alone works on the screen, in the
//! record, in the reasoned response and in the next meeting (`new --from`); a list of marks
//! written before their parts were data keeps its behaviour.

mod common;

use std::path::Path;

use copil::app::App;
use copil::config::{Config, layers};
use copil::export::{self, Format, TextLayout};
use copil::model::{Language, Mark, MarkArg};
use copil::record::Record;

/// The built-in marks named by their id alone (each takes the rest from the built-in
/// list), then two of the user's own.
const USER: &str = r#"
[[marks]]
id = "awaiting-fiche"
[[marks]]
id = "awaiting-remarks"
[[marks]]
id = "no-remarks"
[[marks]]
id = "cancelled"
[[marks]]
id = "merge"
[[marks]]
id = "retitle"
[[marks]]
id = "retained"

[[marks]]
id = "postponed"
key = "o"
color = "yellow"
label = { fr = "Reporté", en = "Postponed" }
sentence = { fr = "Examen reporté à la prochaine réunion.", en = "Review postponed to the next meeting." }
[marks.response]
decision = { fr = "Examen reporté à la prochaine réunion", en = "Review postponed to the next meeting" }

[[marks]]
id = "withdrawn"
key = "w"
color = "red"
label = { fr = "Retiré", en = "Withdrawn" }
sentence = { fr = "Retiré par l'institution.", en = "Withdrawn by the institution." }
closes = true
[marks.response]
decision = { fr = "Retiré par l'institution qui l'avait proposé", en = "Withdrawn by the institution that proposed it" }
alone = true
"#;

fn user_config(dir: &Path) -> (std::path::PathBuf, Config) {
    let path = dir.join("user.toml");
    std::fs::write(&path, USER).unwrap();
    let config = layers::load(None, Some(&path), None).expect("the user's marks load");
    (path, config)
}

fn text(record: &Record) -> String {
    String::from_utf8(export::render(record, Format::Md, TextLayout::default()).unwrap()).unwrap()
}

#[test]
fn a_mark_added_in_the_users_config_works_on_screen_in_the_record_and_the_response() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut config) = user_config(dir.path());
    assert_eq!(config.marks.defs.len(), 9);
    config.ui_language = Language::En;
    let mut app = App::new(common::sample(), config, None, copil::live::clock());
    let first = app.meeting.commitments[0].number;
    common::press(&mut app, "o");
    assert_eq!(
        app.meeting.commitments[0].marks,
        [Mark::new("postponed", MarkArg::None)]
    );
    let screen = common::screen_text(&app, 120, 40);
    assert!(screen.contains("Reporté"), "{screen}");

    let (marks, export) = (&app.config.marks, &app.config.export);
    let record = text(&Record::build(&app.meeting, marks, export));
    assert!(
        record.contains("Examen reporté à la prochaine réunion."),
        "{record}"
    );
    let response = text(&Record::response(&app.meeting, marks, export));
    let decision = "Examen reporté à la prochaine réunion.";
    let at = response.find(decision).expect(&response);
    assert!(
        response[..at].contains(&format!("N°\u{a0}{first} ")),
        "the decision stands under its commitment: {response}"
    );
}

#[test]
fn a_users_closing_mark_sends_its_item_last_at_the_next_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let (config_path, config) = user_config(dir.path());
    let mut meeting = common::sample();
    let first = meeting.commitments[0].number;
    let second = meeting.commitments[1].number;
    std::sync::Arc::make_mut(&mut meeting.commitments[0]).marks =
        vec![Mark::new("withdrawn", MarkArg::None)];
    std::sync::Arc::make_mut(&mut meeting.commitments[1]).marks =
        vec![Mark::new("postponed", MarkArg::None)];
    let last = dir.path().join("last.toml");
    copil::store::save(&last, &meeting, &config.marks).unwrap();
    let next = dir.path().join("next.toml");
    let out = common::copil_at(
        dir.path(),
        "C.UTF-8",
        &[
            "--config",
            config_path.to_str().unwrap(),
            "new",
            next.to_str().unwrap(),
            "--date",
            "2024-03-07",
            "--from",
            last.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let next = copil::store::load(&next, &config.marks).unwrap();
    let numbers: Vec<u32> = next.commitments.iter().map(|c| c.number).collect();
    assert_eq!(
        numbers.last(),
        Some(&first),
        "withdrawn goes last: {numbers:?}"
    );
    assert_eq!(numbers[0], second, "postponed stays in the running");
    assert!(next.commitments[0].carried);
    assert_eq!(next.commitments[0].marks[0].id, "postponed");
}

/// A list of marks copied from the built-in file before the marks' parts were data (an
/// argument's kind "text", no `closes`, no `response`) keeps every mark's behaviour.
#[test]
fn an_older_list_of_marks_keeps_its_behaviour() {
    let dir = tempfile::tempdir().unwrap();
    let older = r#"
[[marks]]
id = "cancelled"
key = "x"
color = "red"
label = { fr = "Annulé", en = "Cancelled" }
sentence = { fr = "Annuler l'engagement proposé en raison de {reason}.", en = "Cancel the proposed commitment because of {reason}." }
argument = { name = "reason", kind = "text", prompt = { fr = "Motif de l'annulation", en = "Reason for cancelling" } }

[[marks]]
id = "retitle"
key = "t"
color = "light-blue"
label = { fr = "Titre révisé", en = "New title" }
sentence = { fr = "Réviser le titre, et le remplacer par : « {title} ».", en = "Revise the title, and replace it with: “{title}”." }
argument = { name = "title", kind = "text", prompt = { fr = "Nouveau titre", en = "New title" } }
first = true
"#;
    let path = dir.path().join("older.toml");
    std::fs::write(&path, older).unwrap();
    let config = layers::load(None, Some(&path), None).unwrap();
    let builtin = Config::builtin();
    for id in ["cancelled", "retitle"] {
        assert_eq!(config.marks.get(id), builtin.marks.get(id), "{id}");
    }
}
