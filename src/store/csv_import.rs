//! Commitment lists from spreadsheets: a header row, `,` or `;` between fields (French
//! locales write `;`), quoted fields, UTF-8 with or without a byte-order mark.

use std::collections::HashMap;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use super::{LoadError, read_text};
use crate::diag::{Diagnostic, Diagnostics};
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

/// Reads `number,title,institution[,summary]` rows into commitments.
pub fn import_csv(path: &Path) -> Result<Vec<Commitment>, LoadError> {
    let text = read_text(path)?;
    let mut errors = Vec::new();
    let at_line = |line: u64, message: String, hint: &str| Diagnostic {
        file: path.to_owned(),
        line: line as usize,
        column: 1,
        message,
        hint: hint.to_owned(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(&text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| {
        LoadError::Invalid(Diagnostics(vec![at_line(
            1,
            format!("cannot read the header row: {e}"),
            "the first row names the columns: number,title,institution[,summary]",
        )]))
    })?;
    let mut columns: HashMap<usize, Column> = HashMap::new();
    for (i, name) in headers.iter().enumerate() {
        if let Some(c) = column(name) {
            columns.insert(i, c);
        }
    }
    for required in [Column::Number, Column::Title] {
        if !columns.values().any(|&c| c == required) {
            return Err(LoadError::Invalid(Diagnostics(vec![at_line(
                1,
                format!(
                    "the header row has no {} column",
                    if required == Column::Number {
                        "number"
                    } else {
                        "title"
                    }
                ),
                "the first row names the columns: number,title,institution[,summary]",
            )])));
        }
    }
    let mut commitments: Vec<Commitment> = Vec::new();
    let mut seen: HashMap<u32, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(at_line(
                    line,
                    format!("cannot read this row: {e}"),
                    "check the quotes of this row",
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut c = Commitment::default();
        let mut number_text = String::new();
        for (i, field) in record.iter().enumerate() {
            let field: String = field.trim().nfc().collect();
            match columns.get(&i) {
                Some(Column::Number) => number_text = field,
                Some(Column::Title) => c.title = field,
                Some(Column::Institution) => c.institution = field,
                Some(Column::Summary) if !field.is_empty() => c.summary = Some(field),
                _ => {}
            }
        }
        match number_text.trim_end_matches('.').parse::<u32>() {
            Ok(n) if n > 0 => {
                c.number = n;
                if let Some(first) = seen.insert(n, line) {
                    errors.push(at_line(
                        line,
                        format!("duplicate commitment number {n} (line {first} already uses it)"),
                        "give each commitment its own number",
                    ));
                }
            }
            _ => errors.push(at_line(
                line,
                format!("\"{number_text}\" is not a commitment number"),
                "write a whole number from 1 in the number column",
            )),
        }
        if c.title.is_empty() {
            errors.push(at_line(
                line,
                format!("commitment {number_text} has no title"),
                "write the title in the title column",
            ));
        }
        commitments.push(c);
    }
    if !errors.is_empty() {
        return Err(LoadError::Invalid(Diagnostics(errors)));
    }
    if commitments.is_empty() {
        return Err(LoadError::Invalid(Diagnostics(vec![
            Diagnostic::whole_file(
                path,
                "the file has a header row but no commitments",
                "add one row per commitment under the header",
            ),
        ])));
    }
    Ok(commitments)
}
