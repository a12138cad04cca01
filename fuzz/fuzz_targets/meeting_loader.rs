//! Any bytes given as a meeting file: a message or a meeting, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let marks = copil::config::Config::builtin().marks;
        if let Ok(meeting) = copil::store::parse_meeting(std::path::Path::new("fuzz.toml"), text, &marks) {
            // What loads must save and load again to the same meeting.
            let saved = copil::store::write_meeting(&meeting, &marks);
            let again = copil::store::parse_meeting(std::path::Path::new("saved.toml"), &saved, &marks)
                .expect("a saved meeting loads");
            assert_eq!(meeting, again);
        }
    }
});
