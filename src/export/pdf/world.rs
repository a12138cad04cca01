//! What typst sees of the world: the template, the record as its input, the fonts copil
//! ships; no file system, no clock, no network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts every PDF embeds, with their licence in assets/fonts/OFL.txt.
const FONTS: [&[u8]; 8] = [
    include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    // Arrows, check marks, many pictographs.
    include_bytes!("../../../assets/fonts/NotoSansSymbols-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSansSymbols2-Regular.ttf"),
];

/// The fonts, read once.
static LOADED: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = (FONTS.iter())
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

const TEMPLATE: &str = include_str!("record.typ");

pub struct Copil {
    library: LazyHash<Library>,
    main: Source,
}

impl Copil {
    /// A world whose template reads `record` as `sys.inputs.record`.
    pub fn new(record: Value) -> Copil {
        let mut inputs = Dict::new();
        inputs.insert("record".into(), record);
        let library = Library::builder().with_inputs(inputs).build();
        let path = VirtualPath::new("record.typ").expect("a plain relative path");
        let id = RootedPath::new(VirtualRoot::Project, path).intern();
        Copil {
            library: LazyHash::new(library),
            main: Source::new(id, TEMPLATE.to_owned()),
        }
    }
}

impl World for Copil {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &LOADED.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match id == self.main.id() {
            true => Ok(self.main.clone()),
            false => Err(FileError::AccessDenied),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match id == self.main.id() {
            true => Ok(Bytes::from_string(self.main.clone())),
            false => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        LOADED.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// The letters of `text` no shipped font has, each once, in order.
pub fn missing(text: &str) -> Vec<char> {
    let fonts = &LOADED.1;
    let mut out: Vec<char> = Vec::new();
    for c in text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
    {
        let has = |f: &Font| f.info().coverage.contains(c as u32);
        // Joiners and variation selectors shape with their neighbours.
        let silent = matches!(c, '\u{200c}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}');
        if !silent && !out.contains(&c) && !fonts.iter().any(has) {
            out.push(c);
        }
    }
    out
}
