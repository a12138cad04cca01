//! Any text as a piece of a large meeting file, read from the TOML parser's events: either
//! left to serde or read as the ordinary loader reads it, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let marks = copil::config::Config::builtin().marks;
        if let Some(read) = copil::store::commitments_from_events(text, &marks) {
            let whole = format!("[meeting]\ntitle = \"t\"\ndate = 2024-01-01\n\n{text}");
            let meeting = copil::store::parse_meeting(std::path::Path::new("p.toml"), &whole, &marks);
            // The ordinary loader may still refuse what only the whole meeting can judge
            // (a number used twice, a merge with a missing item); what it accepts is the same.
            if let Ok(meeting) = meeting {
                assert_eq!(meeting.commitments, read);
            }
        }
    }
});
