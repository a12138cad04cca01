//! How an institution is named in a sentence and in a file's name: its article ("le
//! Ministère de Justice", "la Direction …", "l'Agence …") and its short name, from
//! `[export.institutions]` when the secretary gave them, else by rule.

use serde::Deserialize;

use crate::fuzzy::fold;
use crate::model::Language;

/// What `[export.institutions]` says of one institution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    /// The short name its files take ("dgct" for "Direction Générale des Collectivités
    /// Territoriales").
    pub short: Option<String>,
    /// Its article in a sentence: "le", "la", "l'", "les", or "" for none.
    pub article: Option<String>,
    /// What a sentence calls it, where its whole name would be too long ("secteur de la
    /// jeunesse"): the record's sentences and the mails say it, file names do not.
    pub called: Option<String>,
}

/// The institutions the secretary named, by their name as the meeting writes it.
pub type Institutions = std::collections::BTreeMap<String, Institution>;

/// What the secretary said of `name`, its accents and case aside.
fn given<'a>(name: &str, institutions: &'a Institutions) -> Option<&'a Institution> {
    let key = |n: &str| fold(n.trim()).replace('’', "'");
    let name = key(name);
    (institutions.iter())
        .find(|(n, _)| key(n) == name)
        .map(|(_, i)| i)
}

/// The short name given for `name`, if any.
pub fn short<'a>(name: &str, institutions: &'a Institutions) -> Option<&'a str> {
    given(name, institutions)?.short.as_deref()
}

/// First words of French institutions' names that are feminine: "la Direction …".
const FEMININE: &[&str] = &[
    "banque",
    "caisse",
    "cellule",
    "chambre",
    "commission",
    "commune",
    "confederation",
    "coordination",
    "cour",
    "delegation",
    "direction",
    "division",
    "federation",
    "fondation",
    "haute",
    "maison",
    "mission",
    "municipalite",
    "mutuelle",
    "plateforme",
    "prefecture",
    "presidence",
    "primature",
    "province",
    "region",
    "societe",
    "tresorerie",
    "wilaya",
];

/// `name` with its article, as a sentence says it after "par": "le Ministère de Justice",
/// "la Direction …", "l'Agence …" (an acronym keeps none: its gender is not in it); in
/// English "the Ministry of Justice". `[export.institutions]` decides first.
pub fn with_article(name: &str, language: Language, institutions: &Institutions) -> String {
    let given = given(name, institutions);
    let called = given.and_then(|i| i.called.as_deref());
    let name = called.unwrap_or(name).trim();
    if let Some(article) = given.and_then(|i| i.article.as_deref()) {
        return match article.trim() {
            "" => name.to_owned(),
            a if a.ends_with(['\'', '’']) => format!("{a}{name}"),
            a => format!("{a} {name}"),
        };
    }
    let first = name.split([' ', '-']).next().unwrap_or_default();
    let acronym = first.chars().count() > 1 && first.chars().all(|c| !c.is_lowercase());
    if name.is_empty() || acronym {
        return name.to_owned();
    }
    if language == Language::En {
        return format!("the {name}");
    }
    let folded = fold(first);
    let article = match folded.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'y') => return format!("l'{name}"),
        _ if FEMININE.contains(&folded.as_str()) => "la",
        _ => "le",
    };
    format!("{article} {name}")
}

/// Small words a file name does not end on ("…-de-l" says nothing).
const SMALL: [&str; 16] = [
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "of", "the",
    "and",
];

/// A short, readable file name from an institution's name: accents folded, letters and
/// digits (Arabic ones kept as they are), dashes, at most 40 characters cut between words
/// and never on a small word. A department ("Ministère … — Département des sports") keeps
/// its own words after the ministry's first ones, so that two departments differ.
pub fn slug(name: &str) -> String {
    let out = match name.rsplit_once(['—', '–']) {
        Some((ministry, department)) if !ministry.trim().is_empty() => {
            with_department(ministry, department)
        }
        _ => words_of(name, 40),
    };
    if out.is_empty() {
        "sans-institution".to_owned()
    } else if crate::platform::windows_refuses(&out) {
        // Windows refuses these names, whatever their extension.
        format!("institution-{out}")
    } else {
        out
    }
}

/// A department's file name: the ministry's first words, then what the department's name
/// adds ("Département des sports" → "sports"; "…-jeunesse-jeunesse" says nothing twice).
fn with_department(ministry: &str, department: &str) -> String {
    let tail = words_of(department, 40);
    let tail = (tail.strip_prefix("departement-"))
        .or_else(|| tail.strip_prefix("department-"))
        .unwrap_or(&tail);
    let tail = small_words_off(tail, true);
    let room = 40usize.saturating_sub(tail.chars().count() + 1).max(12);
    let head = words_of(ministry, room);
    let said: Vec<&str> = head.split('-').collect();
    let own: Vec<&str> = tail.split('-').filter(|w| !said.contains(w)).collect();
    match own.is_empty() {
        // Nothing of its own: the ministry's name, with all its room.
        true => words_of(ministry, 40),
        false => format!("{head}-{}", own.join("-")),
    }
}

/// `slug` without the small words at its start (`lead`) or its end.
fn small_words_off(slug: &str, lead: bool) -> String {
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    while lead && words.first().is_some_and(|w| SMALL.contains(w)) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| SMALL.contains(w)) {
        words.pop();
    }
    words.join("-")
}

/// `name`'s words folded and joined by dashes, at most `max` characters cut between words,
/// ending on a meaningful one.
fn words_of(name: &str, max: usize) -> String {
    let folded = crate::fuzzy::fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    while out.chars().count() > max {
        let cut = out.rfind('-').filter(|&at| out[..at].chars().count() >= 12);
        let at = cut.unwrap_or_else(|| out.char_indices().nth(max).map_or(out.len(), |(i, _)| i));
        out.truncate(at);
    }
    small_words_off(&out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_institution_takes_its_article_by_rule_or_as_given() {
        let none = Institutions::new();
        let fr = |n: &str| with_article(n, Language::Fr, &none);
        assert_eq!(fr("Ministère de Justice"), "le Ministère de Justice");
        assert_eq!(
            fr("Direction Générale des Collectivités Territoriales"),
            "la Direction Générale des Collectivités Territoriales"
        );
        assert_eq!(fr("Agence Nationale"), "l'Agence Nationale");
        assert_eq!(
            fr("Instance Nationale de la Probité"),
            "l'Instance Nationale de la Probité"
        );
        assert_eq!(
            fr("Haut-Commissariat au Plan"),
            "le Haut-Commissariat au Plan"
        );
        assert_eq!(fr("Haute Autorité"), "la Haute Autorité");
        assert_eq!(fr("ACODEC"), "ACODEC");
        assert_eq!(
            with_article("Ministry of Justice", Language::En, &none),
            "the Ministry of Justice"
        );
        let mut given = Institutions::new();
        given.insert(
            "DGCT".into(),
            Institution {
                short: Some("dgct".into()),
                article: Some("la".into()),
                called: None,
            },
        );
        given.insert(
            "Ministère de l'Intérieur".into(),
            Institution {
                short: None,
                article: Some(String::new()),
                called: None,
            },
        );
        let youth = "Ministère de la Jeunesse – Département de Jeunesse";
        given.insert(
            youth.into(),
            Institution {
                called: Some("secteur de la jeunesse".into()),
                ..Institution::default()
            },
        );
        // Called by its shorter name, the article by rule.
        assert_eq!(
            with_article(youth, Language::Fr, &given),
            "le secteur de la jeunesse"
        );
        assert_eq!(with_article("dgct", Language::Fr, &given), "la dgct");
        assert_eq!(with_article("DGCT", Language::Fr, &given), "la DGCT");
        assert_eq!(
            with_article("Ministère de l’Intérieur", Language::Fr, &given),
            "Ministère de l’Intérieur"
        );
        assert_eq!(short("Dgct", &given), Some("dgct"));
    }

    #[test]
    fn a_department_s_name_adds_only_what_its_ministry_does_not_say() {
        let ministry = "Ministère de la Jeunesse, de la Culture et de la Communication";
        assert_eq!(
            slug(&format!("{ministry} – Département de Jeunesse")),
            "ministere-de-la-jeunesse-de-la-culture"
        );
        assert_eq!(
            slug(&format!("{ministry} – Département de Communication")),
            "ministere-de-la-jeunesse-communication"
        );
    }
}
