//! The Word file of the fixture meeting, and its parts unzipped.

use std::io::Read;
use std::path::Path;

use copil::config::Config;
use copil::export::{self, Format, TextLayout};
use copil::record::Record;
use copil::store;

pub fn record() -> Record {
    let mut config = Config::builtin();
    config.export.author = "Secrétariat du COPIL".into();
    config.export.organisation = "MTNRA".into();
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    Record::build(&meeting, &config.marks, &config.export)
}

pub fn docx() -> Vec<u8> {
    export::render_at(
        &record(),
        Format::Docx,
        TextLayout::default(),
        Some("2026-11-22T10:30:00Z".into()),
        None,
    )
    .unwrap()
}

/// The remarks form of the fixture meeting as a Word file.
#[allow(dead_code)]
pub fn form_docx() -> Vec<u8> {
    let config = Config::builtin();
    let meeting = store::load(Path::new("tests/fixtures/everything.toml"), &config.marks).unwrap();
    let recipe = (&config.marks, &config.export);
    let form = copil::record::form::Form::build(&meeting, recipe, None, None);
    let props = export::docx::Properties {
        author: "Secrétariat du COPIL".into(),
        organisation: "MTNRA".into(),
        written_at: None,
    };
    export::docx::form(&form, &props)
}

pub fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut xml = String::new();
    file.read_to_string(&mut xml).unwrap();
    xml
}
