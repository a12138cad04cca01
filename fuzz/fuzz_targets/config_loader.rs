//! Any bytes given as a configuration file: a message or a configuration, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = copil::config::Config::parse(std::path::Path::new("fuzz.toml"), text);
    }
});
