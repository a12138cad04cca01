//! Commitment lists from spreadsheets: a header row, `,` or `;` between fields (French
//! locales write `;`), quoted fields, UTF-8 with or without a byte-order mark.

use std::collections::HashMap;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::read::{LoadError, read_text};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{fill, msg};
use crate::model::Commitment;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Title,
    Institution,
    Summary,
}

fn column(name: &str) -> Option<Column> {
    let name: String = name.trim().to_lowercase().nfc().collect();
    match name.as_str() {
        "number" | "no" | "n°" | "nº" | "numéro" | "numero" | "num" => Some(Column::Number),
        "title" | "titre" | "engagement" | "engagements proposés" | "commitment" => {
            Some(Column::Title)
        }
        "institution" | "organisation" | "organization" | "ministère" | "proposed by"
        | "proposé par" => Some(Column::Institution),
        "summary" | "résumé" | "resume" | "description" => Some(Column::Summary),
        _ => None,
    }
}

/// The separator the first line uses most, counting only outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for ch in first.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

fn at_line(path: &Path, line: u64, message: String, hint: &str) -> Diagnostic {
    Diagnostic {
        file: path.to_owned(),
        line: line as usize,
        column: 1,
        message,
        hint: hint.to_owned(),
    }
}

fn invalid(d: Diagnostic) -> LoadError {
    LoadError::Invalid(Diagnostics(vec![d]))
}

/// Which field holds what, from the header row; the number and the title are required.
fn columns(path: &Path, headers: &csv::StringRecord) -> Result<HashMap<usize, Column>, LoadError> {
    let columns: HashMap<usize, Column> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, name)| column(name).map(|c| (i, c)))
        .collect();
    for (required, missing) in [
        (Column::Number, msg().csv_no_number_column),
        (Column::Title, msg().csv_no_title_column),
    ] {
        if !columns.values().any(|&c| c == required) {
            let d = at_line(path, 1, missing.to_owned(), msg().csv_header_hint);
            return Err(invalid(d));
        }
    }
    Ok(columns)
}

/// One row as a commitment (its number not yet set) and the number as written.
fn commitment(
    record: &csv::StringRecord,
    columns: &HashMap<usize, Column>,
) -> (Commitment, String) {
    let mut c = Commitment::default();
    let mut number_text = String::new();
    for (i, field) in record.iter().enumerate() {
        let field: String = field
            .trim()
            .chars()
            .filter(|&c| !crate::wrap::forbidden(c))
            .nfc()
            .collect();
        match columns.get(&i) {
            Some(Column::Number) => number_text = field,
            Some(Column::Title) => c.title = field,
            Some(Column::Institution) => c.institution = field,
            Some(Column::Summary) if !field.is_empty() => c.summary = Some(field),
            _ => {}
        }
    }
    (c, number_text)
}

/// Reads `number,title,institution[,summary]` rows into commitments.
pub fn import_csv(path: &Path) -> Result<Vec<Commitment>, LoadError> {
    let text = read_text(path)?;
    let mut errors = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| {
        let message = fill(msg().csv_header_unreadable, &[&e]);
        invalid(at_line(path, 1, message, msg().csv_header_hint))
    })?;
    let columns = columns(path, headers)?;
    let mut commitments: Vec<Commitment> = Vec::new();
    let mut seen: HashMap<u32, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let message = fill(msg().csv_row_unreadable, &[&e]);
                errors.push(at_line(path, line, message, msg().csv_row_hint));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (mut c, number_text) = commitment(&record, &columns);
        match number_text.trim_end_matches('.').parse::<u32>() {
            Ok(n) if n > 0 => {
                c.number = n;
                if let Some(first) = seen.insert(n, line) {
                    let message = fill(msg().csv_duplicate, &[&n, &first]);
                    errors.push(at_line(path, line, message, msg().csv_duplicate_hint));
                }
            }
            _ => {
                let message = fill(msg().csv_not_a_number, &[&number_text]);
                errors.push(at_line(path, line, message, msg().csv_not_a_number_hint));
            }
        }
        if record.iter().any(|f| f.contains('\u{FFFD}')) {
            let m = msg();
            errors.push(at_line(
                path,
                line,
                m.replacement_char.to_owned(),
                m.replacement_char_hint,
            ));
        }
        if c.title.is_empty() {
            let message = fill(msg().csv_no_title, &[&number_text]);
            errors.push(at_line(path, line, message, msg().csv_no_title_hint));
        }
        commitments.push(c);
    }
    if !errors.is_empty() {
        return Err(LoadError::Invalid(Diagnostics(errors)));
    }
    if commitments.is_empty() {
        return Err(LoadError::Invalid(Diagnostics(vec![
            Diagnostic::whole_file(path, msg().csv_empty, msg().csv_empty_hint),
        ])));
    }
    Ok(commitments)
}
