//! The files a command reads, as named on its command line: a name with `*` or `?` that
//! no file has is a pattern, expanded here (Windows' shells leave `retours\*.docx` as
//! typed, and any shell does inside quotes).

use std::path::PathBuf;

use super::error::CliError;
use crate::i18n::{fill, msg};

/// `names` with each pattern replaced by the files it matches, in name order; a pattern
/// that matches nothing is refused.
pub fn expanded(names: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for name in names {
        let text = name.to_string_lossy();
        if name.exists() || !text.contains(['*', '?']) {
            files.push(name.clone());
            continue;
        }
        let none = || CliError::BadInput(fill(msg().no_file_matches, &[&text]));
        let mut found: Vec<PathBuf> = glob::glob(&text)
            .map_err(|_| none())?
            .filter_map(Result::ok)
            .filter(|p| p.is_file())
            .collect();
        if found.is_empty() {
            return Err(none());
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_no_shell_expanded_gives_its_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("retours reçus");
        std::fs::create_dir(&folder).unwrap();
        for name in ["b.docx", "a.docx", "notes.txt"] {
            std::fs::write(folder.join(name), "x").unwrap();
        }
        let pattern = folder.join("*.docx");
        let plain = dir.path().join("seul.csv");
        let files = expanded(&[plain.clone(), pattern]).unwrap();
        assert_eq!(files, [plain, folder.join("a.docx"), folder.join("b.docx")]);
        let none = expanded(&[folder.join("*.xlsx")]).unwrap_err();
        assert_eq!(none.exit_code(), 2);
        assert!(none.to_string().contains("*.xlsx"), "{none}");
    }
}
