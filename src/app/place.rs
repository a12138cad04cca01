//! Where the secretary was (the screen, the commitment), so that reopening the file goes
//! back there. Kept beside the program's data, not in the meeting file.

use super::state::App;

/// The place as a small text: `screen = "review"` and `commitment = 14`.
pub fn describe(app: &App) -> String {
    let screen = app.screen_name();
    let mut text = format!("screen = \"{screen}\"\n");
    if let Some(c) = app.current_commitment() {
        text.push_str(&format!("commitment = {}\n", c.number));
    }
    text
}

/// Goes back to the place `text` describes; anything it does not say is left as it is.
pub fn restore(app: &mut App, text: &str) {
    let Ok(table) = text.parse::<toml::Table>() else {
        return;
    };
    if let Some(name) = table.get("screen").and_then(|v| v.as_str())
        && let Some(screen) = app.screens.iter().position(|s| s.name() == name)
    {
        app.screen = screen;
    }
    let number = table.get("commitment").and_then(|v| v.as_integer());
    if let Some(i) = number.and_then(|n| {
        app.meeting
            .commitments
            .iter()
            .position(|c| i64::from(c.number) == n)
    }) {
        app.select_commitment(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_place_goes_and_comes_back() {
        let meeting = crate::model::generate::meeting(30, 1);
        let clock = crate::app::Clock {
            instant: std::time::Instant::now(),
            wall: chrono::NaiveDate::from_ymd_opt(2024, 2, 22)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        };
        let mut app = App::new(meeting.clone(), Config::builtin(), None, clock);
        app.select_commitment(13);
        app.show("decisions");
        let text = describe(&app);
        let mut again = App::new(meeting, Config::builtin(), None, clock);
        restore(&mut again, &text);
        assert_eq!(again.screen_name(), "decisions");
        assert_eq!(again.current(), Some(13));
        restore(&mut again, "not toml [");
        assert_eq!(again.current(), Some(13));
    }
}
