//! Participants from an invitation list: a spreadsheet (xlsx, ods) or a csv (`,` or `;`),
//! its columns found by their header words, whatever their order. Every row is checked
//! before anything is kept: a bad one is refused with its row number.

use std::path::Path;

use crate::fuzzy::fold;
use crate::i18n::{fill, msg};
use crate::model::{Attendance, Participant, is_email};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Name,
    Organisation,
    Email,
    Civility,
}

/// The column a header names, folded ("Nom", "Name", "Organisation", "Courriel", "Civilité").
fn column(head: &str) -> Option<Column> {
    let head = fold(head.trim());
    let head = head.trim_end_matches([':', '.', ' ']);
    match head {
        "nom" | "name" | "nom et prenom" | "prenom et nom" | "nom complet" | "full name"
        | "participant" | "participante" | "personne" => Some(Column::Name),
        "organisation" | "organization" | "institution" | "organisme" | "structure"
        | "ministere" | "association" => Some(Column::Organisation),
        "courriel"
        | "email"
        | "e-mail"
        | "mail"
        | "adresse electronique"
        | "adresse e-mail"
        | "adresse email" => Some(Column::Email),
        "civilite" | "civility" | "salutation" | "titre de civilite" => Some(Column::Civility),
        _ => None,
    }
}

/// "Mme" → "Mme.", as the records write it; anything else as typed.
fn civility(text: &str) -> String {
    crate::model::Participant::written(text)
}

/// The rows of the list at `path`, as cells.
fn rows(path: &Path) -> Result<Vec<Vec<String>>, String> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let grid = if ext == "csv" || ext == "txt" {
        // Its encoding checked: a Latin-1 or UTF-16 list is refused by name.
        let text = super::read_text(path).map_err(|e| e.to_string())?;
        super::forms::sheet::csv(text.as_bytes())
    } else {
        let bytes = super::read_regular(path).map_err(|e| e.to_string())?;
        super::forms::sheet::workbook(bytes)
    };
    Ok(grid?.rows)
}

/// The participants of the invitation list at `path`, in its order, or every reason it is
/// refused (the file, the row, what is wrong).
pub fn read_list(path: &Path) -> Result<Vec<Participant>, Vec<String>> {
    let m = msg();
    let at = |what: String| fill(m.list_at, &[&path.display(), &what]);
    let rows = rows(path).map_err(|e| vec![at(e)])?;
    let header = rows.iter().position(|row| {
        let found: Vec<Column> = row.iter().filter_map(|c| column(c)).collect();
        found.contains(&Column::Organisation)
    });
    let Some(header) = header else {
        return Err(vec![at(m.list_no_columns.to_owned())]);
    };
    let heads: Vec<Option<Column>> = rows[header].iter().map(|c| column(c)).collect();
    let find = |col: Column| heads.iter().position(|h| *h == Some(col));
    let (name, organisation) = (find(Column::Name), find(Column::Organisation));
    let (email, civ) = (find(Column::Email), find(Column::Civility));
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        let cell = |c: Option<usize>| {
            let text = c.and_then(|c| row.get(c)).map_or("", |s| s.trim());
            super::format::one_line(text.to_owned())
        };
        let (who, org, mail, title) = (cell(name), cell(organisation), cell(email), cell(civ));
        if [&who, &org, &mail, &title].iter().all(|c| c.is_empty()) {
            continue;
        }
        let row_at = |what: &str| at(fill(m.list_row, &[&(i + 1), &what]));
        if row.iter().any(|c| c.contains('\u{FFFD}')) {
            errors.push(row_at(m.replacement_char));
            continue;
        }
        if org.is_empty() {
            errors.push(row_at(m.list_no_organisation));
            continue;
        }
        if !mail.is_empty() && !is_email(&mail) {
            errors.push(row_at(&fill(m.list_bad_email, &[&mail])));
            continue;
        }
        let who = match (title.is_empty(), who.is_empty()) {
            (_, true) => None,
            (true, false) => Some(who),
            (false, false) => Some(format!("{} {who}", civility(&title))),
        };
        out.push(Participant {
            name: who,
            organization: org,
            attendance: Attendance::NotCalled,
            represented_by: None,
            email: Some(mail).filter(|m| !m.is_empty()),
        });
    }
    match errors.is_empty() {
        true => Ok(out),
        false => Err(errors),
    }
}

/// Whether two entries are the same person of the same organisation (accents, case and
/// civility aside), so that importing a list twice adds nothing.
pub fn same(a: &Participant, b: &Participant) -> bool {
    let bare = |name: &Option<String>| {
        let name = fold(name.as_deref().unwrap_or_default());
        let words: Vec<&str> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let titles = ["m", "mme", "mlle", "mr", "mrs", "ms", "dr", "pr"];
        match words.first() {
            Some(first) if titles.contains(first) => words[1..].join(" "),
            _ => words.join(" "),
        }
    };
    let org = |p: &Participant| fold(p.organization.trim());
    bare(&a.name) == bare(&b.name) && org(a) == org(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, org: &str) -> Participant {
        Participant {
            name: Some(name.into()),
            organization: org.into(),
            attendance: Attendance::NotCalled,
            represented_by: None,
            email: None,
        }
    }

    #[test]
    fn the_same_person_is_found_whatever_the_accents_case_and_civility() {
        let a = person("Mme. Mounia SBAITI", "Ministère de la Justice");
        assert!(same(
            &a,
            &person("mounia sbaiti", "ministere de la justice")
        ));
        assert!(!same(&a, &person("Mounia SBAITI", "ACODEC")));
        assert!(!same(&a, &person("Mounia SBAI", "Ministère de la Justice")));
    }

    #[test]
    fn headers_are_found_by_their_words() {
        assert_eq!(column(" Nom "), Some(Column::Name));
        assert_eq!(column("Organization"), Some(Column::Organisation));
        assert_eq!(column("Courriel :"), Some(Column::Email));
        assert_eq!(column("Civilité"), Some(Column::Civility));
        assert_eq!(column("Téléphone"), None);
    }
}
