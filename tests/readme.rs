//! The README's screen captures are the program's own: each is drawn again here and
//! compared. `UPDATE_README=1 cargo test --test readme` rewrites them after a change.

mod common;

use common::{press, screen_text, type_text, whole_meeting};

/// The states the README shows, by the name in its `<!-- capture: NAME -->` markers.
fn capture(name: &str) -> String {
    let mut app = whole_meeting();
    match name {
        "attendance" => press(&mut app, "1"),
        "points" => press(&mut app, "2 j"),
        "review" => press(&mut app, "3"),
        "decisions" => press(&mut app, "4"),
        "preview" => press(&mut app, "5"),
        "presentation" => {
            press(&mut app, "3 :");
            type_text(&mut app, "2");
            press(&mut app, "enter P");
        }
        other => panic!("no capture named {other}"),
    }
    screen_text(&app, 80, 24)
}

#[test]
fn readme_captures_are_the_programs_own() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut updated = String::new();
    let mut rest = readme.as_str();
    let mut seen = 0;
    while let Some(at) = rest.find("<!-- capture: ") {
        let name_end = rest[at..].find(" -->").unwrap() + at;
        let name = &rest[at + "<!-- capture: ".len()..name_end];
        let fence = rest[name_end..].find("```\n").unwrap() + name_end + 4;
        let close = rest[fence..].find("```\n").unwrap() + fence;
        let shown = &rest[fence..close];
        let drawn = capture(name);
        updated.push_str(&rest[..fence]);
        updated.push_str(&drawn);
        if std::env::var_os("UPDATE_README").is_none() {
            assert_eq!(
                shown, drawn,
                "the README's capture of {name} is out of date"
            );
        }
        rest = &rest[close..];
        seen += 1;
    }
    updated.push_str(rest);
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write("README.md", updated).unwrap();
    }
    assert!(seen >= 5, "{seen} captures in the README");
}
