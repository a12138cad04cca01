//! Fuzzy matching that ignores case and accents: "reunion" finds "Réunion". One matcher
//! serves the search, the merge target and the stock phrases.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;

/// Folds each character to its lower-case base letter, one character for one, so that
/// match positions in the folded text are positions in the original.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let base = std::iter::once(c).nfd().next().unwrap_or(c);
    base.to_lowercase().next().unwrap_or(base)
}

/// One candidate that matched: its index, score and the matched character positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
    pub positions: Vec<usize>,
}

pub struct Matcher {
    inner: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            inner: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Matcher {
    /// The candidates (already folded) that match every word of `query`, best first; all
    /// of them, in order, for an empty query. Words match in any order, as in fzf.
    pub fn rank(&self, folded: &[String], query: &str) -> Vec<Hit> {
        let query = fold(query.trim());
        if query.is_empty() {
            return (0..folded.len())
                .map(|index| Hit {
                    index,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
        }
        let terms: Vec<&str> = query.split_whitespace().collect();
        let mut hits: Vec<Hit> = folded
            .iter()
            .enumerate()
            .filter_map(|(index, text)| {
                let mut hit = Hit {
                    index,
                    score: 0,
                    positions: Vec::new(),
                };
                for term in &terms {
                    let (score, positions) = self.inner.fuzzy_indices(text, term)?;
                    hit.score += score;
                    hit.positions.extend(positions);
                }
                hit.positions.sort_unstable();
                hit.positions.dedup();
                Some(hit)
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_one_character_per_character() {
        let text = "Réunion à l'Œuvre – ÉTÉ الحكومة 🇲🇦";
        assert_eq!(fold(text).chars().count(), text.chars().count());
        assert_eq!(fold("Réunion ÉTÉ"), "reunion ete");
    }

    #[test]
    fn accents_and_case_are_ignored() {
        let folded = vec![fold("Réunion du comité"), fold("Autre chose")];
        let hits = Matcher::default().rank(&folded, "REUNION");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 0);
        assert_eq!(hits[0].positions, (0..7).collect::<Vec<_>>());
    }

    #[test]
    fn words_match_in_any_order() {
        let folded = vec![
            fold("Portail juridique Adala — Ministère de Justice"),
            fold("Amazighe — Ministère"),
        ];
        let hits = Matcher::default().rank(&folded, "justice adala");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 0);
    }
}
