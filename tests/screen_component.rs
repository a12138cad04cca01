//! A screen is one component: one added beside the registered ones, with nothing but its
//! own code, shows on the tab bar, takes the actions no layer or global key takes, keeps
//! its own state and draws its body; the other screens do not change.

mod common;

use copil::app::screen::Ctx;
use copil::app::{Action, App, Effects, Mode, Screen};
use copil::i18n::Ui;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

/// A screen that counts the actions it is given.
struct Tally;

#[derive(Default)]
struct Count(usize);

impl Screen<App> for Tally {
    fn name(&self) -> &'static str {
        "tally"
    }

    fn title(&self, _ui: &Ui) -> &'static str {
        "Tally"
    }

    fn mode(&self, _app: &App) -> Mode {
        Mode::Screen("tally")
    }

    fn init(&self, app: &mut App) {
        app.states.get_mut::<Count>();
    }

    fn update(&self, app: &mut App, _action: Action) -> Effects {
        app.states.get_mut::<Count>().0 += 1;
        Effects::none()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, cx: &Ctx<App>) {
        let count = cx.app.states.get::<Count>().map_or(0, |c| c.0);
        frame.render_widget(Paragraph::new(format!("{count} actions")), area);
    }
}

static WITH_TALLY: [&dyn Screen<App>; 7] = [
    copil::screens::ALL[0],
    copil::screens::ALL[1],
    copil::screens::ALL[2],
    copil::screens::ALL[3],
    copil::screens::ALL[4],
    copil::screens::ALL[5],
    &Tally,
];

#[test]
fn a_screen_added_beside_the_others_works_through_its_component_alone() {
    let config = common::app().config.clone();
    let clock = copil::live::clock();
    let mut app = App::build(common::sample(), config, None, clock, (&WITH_TALLY, 2));
    assert_eq!(app.screen_name(), "review");
    let before = common::body_text(&app, 120, 40);
    app.show("tally");
    let now = app.now;
    for _ in 0..3 {
        let _ = copil::app::update(&mut app, Action::Next, now);
    }
    let screen = common::screen_text(&app, 140, 40);
    assert!(screen.contains("7 Tally"), "on the tab bar: {screen}");
    assert!(
        screen.contains("3 actions"),
        "its own state, drawn: {screen}"
    );
    // A global key still works from it; the other screens draw as before.
    common::press(&mut app, "3");
    assert_eq!(app.screen_name(), "review");
    assert_eq!(common::body_text(&app, 120, 40), before);
}
