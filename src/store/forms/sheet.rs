//! Spreadsheet and csv forms read back as grids: xlsx and ods (calamine), csv.

use calamine::{Data, Reader};

use super::grid::Grid;

/// The grid of a workbook's bytes: the sheet named like the form's ("Remarques",
/// "Remarks"), else the first.
pub fn workbook(bytes: Vec<u8>) -> Result<Grid, String> {
    let m = crate::i18n::msg();
    // A workbook is a zip: none of its parts may unpack to more than copil reads (the
    // spreadsheet reader would unpack them whole).
    if let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(&bytes)) {
        for i in 0..zip.len() {
            let size = zip.by_index_raw(i).map(|f| f.size()).unwrap_or(0);
            if size > crate::store::read::MAX_UNPACKED {
                let limit = crate::store::read::MAX_UNPACKED / (1024 * 1024);
                return Err(crate::i18n::fill(m.unpacks_too_large, &[&limit]));
            }
        }
    }
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| format!("{} ({e})", m.form_not_sheet))?;
    let names = book.sheet_names();
    let at = names
        .iter()
        .position(|n| {
            let n = crate::fuzzy::fold(n);
            n.starts_with("remarq") || n.starts_with("remark")
        })
        .unwrap_or(0);
    let range = book
        .worksheet_range_at(at)
        .ok_or_else(|| m.form_not_sheet.to_owned())?
        .map_err(|e| format!("{} ({e})", m.form_not_sheet))?;
    let rows = range
        .rows()
        .map(|row| row.iter().map(cell).collect())
        .collect();
    Ok(with_field(rows))
}

fn cell(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        other => other.to_string(),
    }
}

/// A csv form: comma or semicolon separated (a French spreadsheet saves with `;`).
pub fn csv(bytes: &[u8]) -> Result<Grid, String> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(with_field(rows))
}

/// The organisation field taken from its row ("Organisation", then the value).
fn with_field(rows: Vec<Vec<String>>) -> Grid {
    let organisation = rows.iter().find_map(|row: &Vec<String>| {
        let first = row.iter().position(|c| !c.trim().is_empty())?;
        let label = crate::fuzzy::fold(row[first].trim());
        if label.starts_with("organisation") || label.starts_with("organization") {
            let inline = row[first].split_once(':').map(|(_, v)| v.trim().to_owned());
            let next = row[first + 1..]
                .iter()
                .find(|c| !c.trim().is_empty())
                .cloned();
            next.or(inline).filter(|v| !v.is_empty())
        } else {
            None
        }
    });
    Grid {
        rows,
        organisation,
        comments: Vec::new(),
    }
}
