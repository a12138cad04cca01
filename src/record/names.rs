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
    let name = name.trim();
    if let Some(article) = given(name, institutions).and_then(|i| i.article.as_deref()) {
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
            },
        );
        given.insert(
            "Ministère de l'Intérieur".into(),
            Institution {
                short: None,
                article: Some(String::new()),
            },
        );
        assert_eq!(with_article("dgct", Language::Fr, &given), "la dgct");
        assert_eq!(with_article("DGCT", Language::Fr, &given), "la DGCT");
        assert_eq!(
            with_article("Ministère de l’Intérieur", Language::Fr, &given),
            "Ministère de l’Intérieur"
        );
        assert_eq!(short("Dgct", &given), Some("dgct"));
    }
}
