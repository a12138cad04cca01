//! The screen as the last session left it, kept to be shown at the next opening while the
//! meeting is read: a large meeting takes tens of milliseconds to read, its kept screen a
//! fraction of one. It is shown only when the file holds exactly what that session saved
//! (its length and hash), at the same terminal size, with no lock on the file and nothing
//! waiting in the journal; the first real frame then writes only what differs (the clock,
//! a message). Keys typed meanwhile wait in the terminal until the meeting is in: none is
//! read before, none is lost.

use std::io;
use std::path::Path;
use std::str::FromStr;

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier};
use serde::{Deserialize, Serialize};

use crate::app::App;
use crate::paths::MeetingFiles;
use crate::store::cache::{Key, key_of_file};

/// Changes when the kept screen's shape does: an older one is not shown.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Kept {
    version: u32,
    /// The key (`length hash`) of the file as that session left it.
    file: String,
    /// What decided the look of that session (`look`): another language or theme since,
    /// and the screen is not shown.
    look: u64,
    width: u16,
    height: u16,
    /// Each style once: foreground and background as ratatui names colours, modifier bits.
    styles: Vec<(String, String, u16)>,
    /// Each cell's symbol, row after row, each ended by a NUL: one string to read, not
    /// one per cell.
    symbols: String,
    /// Each cell's style, as an index in `styles`.
    cells: Vec<u16>,
}

/// Ends each cell's symbol in `Kept::symbols`.
const END: char = '\0';

/// What decides how the screen looks, read before the configuration is: the user's
/// configuration file and the one given on the command line (their bytes), the theme given,
/// the language and colour asked by the environment, and the program's version.
pub fn look(files: &[Option<&Path>], theme: Option<&str>) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for file in files {
        hasher.update(&file.and_then(|f| std::fs::read(f).ok()).unwrap_or_default());
        hasher.update(b"\0");
    }
    hasher.update(theme.unwrap_or_default().as_bytes());
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        hasher.update(b"\0");
        hasher.update(std::env::var_os(var).unwrap_or_default().as_encoded_bytes());
    }
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.digest()
}

/// Keeps the screen `app` shows at `size`, for the file at `path` as it is now, and the
/// `look` it had. Layers are left out (the next opening starts without them), and the
/// status line says the meeting is opening: the real first frame replaces it.
pub fn keep(
    app: &mut App,
    (size, look): (Size, u64),
    files: &MeetingFiles,
    path: &Path,
) -> io::Result<()> {
    let key = key_of_file(path).ok_or_else(|| io::Error::other("the file could not be read"))?;
    app.layers.clear();
    app.message = Some(app.ui().msg_opening.to_owned());
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.width, size.height))
            .map_err(|e| io::Error::other(e.to_string()))?;
    terminal
        .draw(|frame| crate::ui::draw(frame, app))
        .map_err(|e| io::Error::other(e.to_string()))?;
    let bytes = postcard::to_stdvec(&encode(terminal.backend().buffer(), key, look))
        .map_err(|e| io::Error::other(e.to_string()))?;
    if let Some(dir) = files.screen.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&files.screen, bytes)
}

/// Keeps the screen at the terminal's size for the next opening; a failure is only logged
/// (the next opening draws from the meeting, as without it).
pub fn keep_for_next(app: &mut App, look: u64, files: &MeetingFiles, path: &Path) {
    let kept = ratatui::crossterm::terminal::size()
        .and_then(|(width, height)| keep(app, (Size { width, height }, look), files, path));
    if let Err(e) = kept {
        tracing::warn!(error = %e, "the screen was not kept for the next opening");
    }
}

fn encode(buffer: &Buffer, key: Key, look: u64) -> Kept {
    let mut styles: Vec<(String, String, u16)> = Vec::new();
    let mut cells = Vec::with_capacity(buffer.content.len());
    let mut symbols = String::with_capacity(buffer.content.len() * 2);
    for cell in &buffer.content {
        let style = (
            cell.fg.to_string(),
            cell.bg.to_string(),
            cell.modifier.bits(),
        );
        let index = match styles.iter().position(|s| *s == style) {
            Some(i) => i,
            None => {
                styles.push(style);
                styles.len() - 1
            }
        };
        symbols.push_str(cell.symbol());
        symbols.push(END);
        cells.push(index as u16);
    }
    Kept {
        version: VERSION,
        file: key.to_line(),
        look,
        width: buffer.area.width,
        height: buffer.area.height,
        styles,
        symbols,
        cells,
    }
}

/// The kept screen, when it may be shown for the file at `path` on a terminal of `size`
/// with `look`: the file unchanged since, the same look, nobody holding it, nothing in the
/// journal.
pub fn kept(files: &MeetingFiles, path: &Path, (size, look): (Size, u64)) -> Option<Buffer> {
    let busy = files
        .places(&files.lock)
        .iter()
        .chain(&files.places(&files.journal))
        .chain([&crate::store::lock::beside(path)])
        .any(|p| p.exists());
    if busy {
        return None;
    }
    let kept: Kept = postcard::from_bytes(&std::fs::read(&files.screen).ok()?).ok()?;
    let same_size = (kept.width, kept.height) == (size.width, size.height);
    if kept.version != VERSION || !same_size || kept.look != look {
        return None;
    }
    // The file's length first: a changed file is seldom the same length.
    let key = Key::from_line(&kept.file)?;
    if std::fs::metadata(path).ok()?.len() != key.size() || key_of_file(path)? != key {
        return None;
    }
    decode(&kept)
}

fn decode(kept: &Kept) -> Option<Buffer> {
    let area = Rect::new(0, 0, kept.width, kept.height);
    if kept.cells.len() != area.area() as usize {
        return None;
    }
    let styles: Vec<(Color, Color, Modifier)> = kept
        .styles
        .iter()
        .map(|(fg, bg, m)| {
            Some((
                Color::from_str(fg).ok()?,
                Color::from_str(bg).ok()?,
                Modifier::from_bits_truncate(*m),
            ))
        })
        .collect::<Option<_>>()?;
    // A symbol that held a NUL itself makes one cell too many: not shown.
    let symbols: Vec<&str> = kept.symbols.split_terminator(END).collect();
    if symbols.len() != kept.cells.len() {
        return None;
    }
    let mut buffer = Buffer::empty(area);
    let each = symbols.into_iter().zip(&kept.cells);
    for (cell, (symbol, style)) in buffer.content.iter_mut().zip(each) {
        let (fg, bg, modifier) = *styles.get(*style as usize)?;
        cell.set_symbol(symbol);
        (cell.fg, cell.bg, cell.modifier) = (fg, bg, modifier);
    }
    Some(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn a_screen_comes_back_cell_for_cell() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 2));
        let bold = Style::default()
            .fg(Color::Rgb(200, 10, 3))
            .bg(Color::Indexed(236))
            .add_modifier(Modifier::BOLD | Modifier::REVERSED);
        buffer.set_string(0, 0, "Réviser 東京", bold);
        buffer.set_string(1, 1, "n° 12 — 🙂", Style::default().fg(Color::LightCyan));
        let kept = encode(&buffer, Key::of(b"x"), 7);
        let bytes = postcard::to_stdvec(&kept).unwrap();
        let back = decode(&postcard::from_bytes(&bytes).unwrap()).unwrap();
        assert_eq!(back, buffer);
    }

    #[test]
    fn a_damaged_screen_is_not_shown() {
        let buffer = Buffer::empty(Rect::new(0, 0, 4, 2));
        let mut kept = encode(&buffer, Key::of(b"x"), 7);
        kept.cells.pop();
        assert!(decode(&kept).is_none());
        let mut kept = encode(&buffer, Key::of(b"x"), 7);
        kept.cells[0] = 9;
        assert!(decode(&kept).is_none());
        let mut kept = encode(&buffer, Key::of(b"x"), 7);
        kept.styles[0].0 = "no such colour".into();
        assert!(decode(&kept).is_none());
        let mut kept = encode(&buffer, Key::of(b"x"), 7);
        kept.symbols.insert(0, END);
        assert!(decode(&kept).is_none());
    }
}
