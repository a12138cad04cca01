//! Screens show everything: a point's whole text when it is selected, a decision's whole
//! text, the front screen's keys first in the help, g and G wherever a list has the keys.

mod common;

use common::{app, press, screen_text, type_text, whole_meeting};

#[test]
fn the_selected_point_shows_every_line_and_the_others_say_how_many_more() {
    let mut app = whole_meeting();
    press(&mut app, "2");
    let long = "Premier paragraphe.\n- un\n- deux\n- trois\n- quatre dernier";
    app.change_rest(|m| m.points[0].text = long.to_owned());
    let unselected = screen_text(&app, 100, 40);
    assert!(!unselected.contains("quatre dernier"), "{unselected}");
    assert!(unselected.contains("2 more"), "{unselected}");
    let at = copil::app::view::point_entries(&app.meeting)
        .iter()
        .position(|e| matches!(e, copil::app::view::Entry::Point(0)))
        .unwrap();
    app.states.get_mut::<copil::screens::PointLines>().pos = at;
    let selected = screen_text(&app, 100, 40);
    assert!(selected.contains("quatre dernier"), "{selected}");
}

#[test]
fn the_selected_decision_shows_its_whole_text() {
    let mut app = whole_meeting();
    press(&mut app, "4");
    let text = "Une décision longue qui ne tient pas sur une seule ligne de quatre-vingts colonnes et dont la fin compte";
    app.change_rest(|m| m.decisions[0].text = text.to_owned());
    app.states.get_mut::<copil::screens::DecisionsShown>().pos = 0;
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("dont la fin compte"), "{screen}");
}

#[test]
fn help_lists_the_keys_of_the_screen_in_front_first() {
    let mut app = app();
    press(&mut app, "4 ?");
    let screen = screen_text(&app, 100, 40);
    let decisions = screen.find("4 Decisions").unwrap_or(usize::MAX);
    let list = screen.find("Review: the list").unwrap_or(usize::MAX);
    assert!(decisions < list, "{screen}");
}

#[test]
fn g_and_big_g_walk_to_the_ends_of_the_observations() {
    let mut app = app();
    press(&mut app, "a");
    for text in ["un", "deux", "trois"] {
        type_text(&mut app, text);
        press(&mut app, "enter");
    }
    press(&mut app, "esc tab g");
    assert_eq!(app.obs_selected, 0);
    press(&mut app, "G");
    assert_eq!(app.obs_selected, 2);
    assert_eq!(common::current_number(&app), 1, "the list did not move");
}

/// A message longer than the status line is not cut: it takes the rows below it, wrapped,
/// each line of it too.
#[test]
fn a_long_message_shows_whole_below_the_status_line() {
    let mut app = app();
    let long = "The file changed outside and does not load: meeting.toml, line 12, column 3: \
                expected a value after title = ; correct the file, or press Ctrl-s to save over it \
                with the meeting as copil holds it";
    app.message = Some(format!(
        "{long}\nSecond line of the message, all of it shown"
    ));
    let screen = screen_text(&app, 80, 24);
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("as copil holds it"), "{screen}");
    assert!(
        flat.contains("Second line of the message, all of it shown"),
        "{screen}"
    );
    app.message = Some("Short".into());
    let last = screen_text(&app, 80, 24).lines().last().unwrap().to_owned();
    assert!(
        last.ends_with("Short"),
        "a short one stays on the status line: {last}"
    );
}

/// A merge marked on n° 8 is said on n° 9's screen too, as the record says it on both.
#[test]
fn the_item_merged_into_says_so() {
    use copil::model::{Mark, MarkArg};
    let mut app = app();
    let eight = app.meeting.position_of(8).unwrap();
    app.change_commitment(eight, |c| {
        c.marks.push(Mark::new("merge", MarkArg::Commitment(9)))
    });
    app.select_commitment(app.meeting.position_of(9).unwrap());
    let screen = screen_text(&app, 120, 40);
    assert!(
        screen.contains("n° 8 is to merge with this one"),
        "{screen}"
    );
}
