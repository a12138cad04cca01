//! When nothing can be written (the meeting file, the emergency copy, the journal), `q`
//! says plainly that the notes are only in memory and offers a place to write them.

mod common;

use common::{app, press, press_effects, type_text};
use copil::app::{Effect, Layer, SaveStatus};

#[test]
fn quitting_with_the_notes_nowhere_asks_where_to_write_them_then_quits() {
    let mut app = app();
    app.file = Some("réunion.toml".into());
    app.save_status = SaveStatus::Failed {
        cause: "No space left on device".into(),
        copy: None,
    };
    app.journal_failing = true;
    let effects = press_effects(&mut app, "q");
    assert!(!effects.contains(Effect::Quit), "the first q asks");
    let Some(Layer::Prompt(p)) = app.layers.last() else {
        panic!("a question")
    };
    assert!(p.context.as_deref().unwrap().contains("only in memory"));
    assert!(p.text().ends_with("réunion-kept.toml"), "{}", p.text());
    press(&mut app, "ctrl-u");
    type_text(&mut app, "/media/clé/notes.toml");
    let effects = press_effects(&mut app, "enter");
    assert!(effects.contains(Effect::SaveCopy), "{effects:?}");
    assert_eq!(
        app.copy_to.as_deref(),
        Some("/media/clé/notes.toml".as_ref())
    );
    let effects = press_effects(&mut app, "q");
    assert!(effects.contains(Effect::Quit), "asked once: q quits");
}
