//! Snapshots of each screen's body (all below the tab bar) at 80×24 and 120×40, and of the
//! tab bar alone: adding a screen changes the tab bar's snapshot, not the screens'.

mod common;

use common::{app, press, reviewed, type_text, whole_meeting};
use copil::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// What a terminal of `width` × `height` shows below the tab bar.
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height - 1)).unwrap();
    terminal
        .draw(|f| copil::ui::draw_body(f, f.area(), app))
        .unwrap();
    terminal.backend().to_string()
}

/// The whole terminal, tab bar included.
fn whole(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| copil::ui::draw(f, app)).unwrap();
    terminal.backend().to_string()
}

/// Snapshots the app at both sizes under `name`.
fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

#[test]
fn review_list() {
    snap("review_list", &reviewed());
}

#[test]
fn review_focus_on_observations() {
    let mut app = reviewed();
    press(&mut app, ":");
    type_text(&mut app, "2");
    press(&mut app, "enter tab");
    snap("review_observations", &app);
}

#[test]
fn editor_open_with_a_sub_bullet() {
    let mut app = reviewed();
    press(&mut app, ":");
    type_text(&mut app, "2");
    press(&mut app, "enter a tab");
    type_text(&mut app, "Publication des résultats de la consultation");
    snap("editor_sub_bullet", &app);
}

#[test]
fn search() {
    let mut app = reviewed();
    press(&mut app, "/");
    type_text(&mut app, "plateforme");
    snap("search", &app);
}

#[test]
fn merge_picker() {
    let mut app = reviewed();
    press(&mut app, ":");
    type_text(&mut app, "9");
    press(&mut app, "enter m");
    type_text(&mut app, "benevolat");
    snap("merge_picker", &app);
}

#[test]
fn phrase_picker() {
    let mut app = reviewed();
    press(&mut app, "p");
    type_text(&mut app, "detail");
    snap("phrase_picker", &app);
}

#[test]
fn filter_picker() {
    let mut app = reviewed();
    press(&mut app, "F");
    snap("filter_picker", &app);
}

#[test]
fn filtered_list() {
    let mut app = reviewed();
    press(&mut app, "F");
    type_text(&mut app, "not yet");
    press(&mut app, "enter");
    snap("filtered_list", &app);
}

#[test]
fn cancel_prompt() {
    let mut app = reviewed();
    press(&mut app, "x");
    type_text(&mut app, "doublon avec l'engagement 7");
    snap("cancel_prompt", &app);
}

#[test]
fn help() {
    let mut app = reviewed();
    press(&mut app, "?");
    snap("help", &app);
}

#[test]
fn too_small() {
    let app = reviewed();
    insta::assert_snapshot!("too_small_59x14", whole(&app, 59, 14));
}

/// The tab bar, drawn once above every screen: the screens by number and name, the current
/// one highlighted, the meeting's title and date, the count reviewed.
#[test]
fn tab_bar() {
    let mut app = reviewed();
    for (w, screen) in [(80, "3"), (120, "1"), (160, "6")] {
        press(&mut app, screen);
        let mut terminal = Terminal::new(TestBackend::new(w, 1)).unwrap();
        terminal
            .draw(|f| copil::ui::draw_tab_bar(f, f.area(), &app))
            .unwrap();
        let bar = terminal.backend().to_string();
        insta::assert_snapshot!(format!("tab_bar_{w}"), bar);
        let top = whole(&app, w, 24);
        assert_eq!(
            top.lines().next(),
            bar.lines().next(),
            "the tab bar tops the screen"
        );
    }
}

#[test]
fn arabic_and_emoji_keep_the_borders_straight() {
    let mut app = app();
    std::sync::Arc::make_mut(&mut app.meeting_mut().commitments[0]).title =
        "الحكومة المنفتحة — تعزيز الشفافية 🇲🇦👩🏽‍💼 漢字".to_owned();
    press(&mut app, "a");
    type_text(&mut app, "ملاحظة 👍 sur l'accès — 漢字漢字");
    press(&mut app, "enter esc");
    for (w, h) in [(80, 24), (120, 40)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| copil::ui::draw(f, &app)).unwrap();
        let buffer = terminal.backend().buffer();
        let list_width = (w * 42 / 100).clamp(32, 70);
        for y in 2..h - 2 {
            for x in [0, list_width - 1, list_width, w - 1] {
                assert_eq!(
                    buffer[(x, y)].symbol(),
                    "│",
                    "row {y}, column {x} at {w}×{h}"
                );
            }
        }
        insta::assert_snapshot!(format!("wide_text_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn attendance_screen() {
    let mut app = whole_meeting();
    press(&mut app, "1");
    snap("attendance", &app);
}

#[test]
fn points_screen() {
    let mut app = whole_meeting();
    press(&mut app, "2 j");
    snap("points", &app);
}

#[test]
fn decisions_screen() {
    let mut app = whole_meeting();
    press(&mut app, "4");
    snap("decisions", &app);
}

#[test]
fn preview_screen() {
    let mut app = whole_meeting();
    press(&mut app, "5");
    snap("preview_top", &app);
    for _ in 0..40 {
        press(&mut app, "j");
    }
    snap("preview_scrolled", &app);
}

#[test]
fn text_editor_for_a_point() {
    let mut app = whole_meeting();
    press(&mut app, "2 G k enter");
    type_text(&mut app, "- Présentation des 22 engagements");
    snap("text_editor", &app);
}

#[test]
fn review_with_time_budget() {
    let app = whole_meeting();
    let mut app = app;
    press(&mut app, "3");
    snap("review_time_boxed", &app);
}

#[test]
fn presentation_mode() {
    let mut app = reviewed();
    press(&mut app, ":");
    type_text(&mut app, "2");
    press(&mut app, "enter P");
    snap("presentation", &app);
    press(&mut app, "a");
    type_text(&mut app, "Ajoutée pendant la présentation");
    snap("presentation_editor", &app);
    press(&mut app, "enter esc P");
    assert!(!app.presenting);
    assert_eq!(app.meeting.commitments[1].observations.len(), 4);
}

#[test]
fn the_interface_in_french() {
    let mut app = common::app_in(copil::model::Language::Fr);
    press(&mut app, "a");
    type_text(&mut app, "Reformuler le titre.");
    press(&mut app, "enter esc f");
    snap("french_review", &app);
    press(&mut app, "?");
    snap("french_help", &app);
    press(&mut app, "esc 1");
    snap("french_attendance", &app);
}
