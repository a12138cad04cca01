//! An observation on the wrong commitment is moved, a shared one copied, and their order
//! changed, each in a few keys and each undone in one.

mod common;

use common::{app, press, type_text};

fn texts(app: &copil::app::App, index: usize) -> Vec<String> {
    app.meeting.commitments[index]
        .observations
        .iter()
        .map(|o| format!("{}{}", "  ".repeat(o.level as usize), o.text))
        .collect()
}

/// On the first commitment: un, deux (with a sub-bullet), trois; the observations pane in
/// front.
fn three_bullets() -> copil::app::App {
    let mut app = app();
    press(&mut app, "a");
    for (text, keys) in [
        ("un", "enter"),
        ("deux", "enter tab"),
        ("deux a", "enter shift-tab"),
        ("trois", "enter esc"),
    ] {
        type_text(&mut app, text);
        press(&mut app, keys);
    }
    press(&mut app, "tab");
    app
}

#[test]
fn a_bullet_moves_up_and_down_with_its_sub_bullets() {
    let mut app = three_bullets();
    assert_eq!(texts(&app, 0), ["un", "deux", "  deux a", "trois"]);
    press(&mut app, "k k");
    assert_eq!(app.obs_selected, 1, "deux");
    press(&mut app, "K");
    assert_eq!(texts(&app, 0), ["deux", "  deux a", "un", "trois"]);
    assert_eq!(app.obs_selected, 0);
    press(&mut app, "J J");
    assert_eq!(texts(&app, 0), ["un", "trois", "deux", "  deux a"]);
    assert_eq!(app.obs_selected, 2);
    press(&mut app, "J");
    assert_eq!(
        texts(&app, 0),
        ["un", "trois", "deux", "  deux a"],
        "already last"
    );
    // A sub-bullet stays under its bullet.
    press(&mut app, "j K");
    assert_eq!(texts(&app, 0), ["un", "trois", "deux", "  deux a"]);
    press(&mut app, "u u");
    assert_eq!(texts(&app, 0), ["deux", "  deux a", "un", "trois"]);
}

#[test]
fn an_observation_moves_to_another_commitment_and_back_with_one_undo() {
    let mut app = three_bullets();
    assert_eq!(app.obs_selected, 3, "trois, the last typed");
    press(&mut app, "M");
    type_text(&mut app, "liberte presse");
    press(&mut app, "enter");
    assert_eq!(texts(&app, 0), ["un", "deux", "  deux a"]);
    assert_eq!(texts(&app, 1), ["trois"]);
    assert!(
        app.message.as_deref().unwrap().contains('2'),
        "{:?}",
        app.message
    );
    press(&mut app, "u");
    assert_eq!(texts(&app, 0), ["un", "deux", "  deux a", "trois"]);
    assert!(texts(&app, 1).is_empty());
}

#[test]
fn a_bullet_shared_by_two_commitments_is_copied_with_its_sub_bullets() {
    let mut app = three_bullets();
    press(&mut app, "k k");
    press(&mut app, "C");
    type_text(&mut app, "approche participative");
    press(&mut app, "enter");
    assert_eq!(texts(&app, 0), ["un", "deux", "  deux a", "trois"]);
    assert_eq!(texts(&app, 2), ["deux", "  deux a"]);
}
