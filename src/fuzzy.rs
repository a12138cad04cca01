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
    // The no-break spaces typography puts in dates and before colons are spaces to a
    // reader: a form's "22 février 2024" matches its meeting's.
    if matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}') {
        return ' ';
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

/// How many of the roughly best candidates the fine matcher orders.
const FINE_RANKED: usize = 300;

/// A quick score: every term must appear in order in the text; a term found whole scores
/// high, the earlier and the more at a word's start the better.
fn rough_score(text: &str, terms: &[&str]) -> Option<i64> {
    let mut total = 0;
    for term in terms {
        if let Some(at) = text.find(term) {
            let at_word = at == 0 || text[..at].ends_with([' ', '\'', '-', '(', '"']);
            total += 10_000 - at.min(5_000) as i64 + if at_word { 2_000 } else { 0 };
            continue;
        }
        let mut wanted = term.chars();
        let mut next = wanted.next();
        let (mut first, mut last) = (None, 0);
        for (i, c) in text.char_indices() {
            if Some(c) == next {
                first.get_or_insert(i);
                last = i;
                next = wanted.next();
                if next.is_none() {
                    break;
                }
            }
        }
        if next.is_some() {
            return None;
        }
        let span = last - first.unwrap_or(0);
        total += 1_000 - span.min(900) as i64;
    }
    Some(total)
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
    /// of them, in order, for an empty query. Words match in any order, as in fzf. Only
    /// scores are computed here; `positions` finds the characters to highlight for the few
    /// rows on screen.
    pub fn rank(&self, folded: &[String], query: &str) -> Vec<Hit> {
        self.rank_among(folded, query, 0..folded.len())
    }

    /// The same, among some candidates only: when a query grows by a letter, only the
    /// previous hits can still match.
    pub fn rank_among(
        &self,
        folded: &[String],
        query: &str,
        candidates: impl Iterator<Item = usize>,
    ) -> Vec<Hit> {
        let query = fold(query.trim());
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return candidates
                .map(|index| Hit {
                    index,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
        }
        // A cheap pass over every candidate, then the fine matcher on the best few: the
        // cost of a keystroke stays small at any list size.
        let mut rough: Vec<(i64, usize)> = candidates
            .filter_map(|index| rough_score(&folded[index], &terms).map(|s| (s, index)))
            .collect();
        rough.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let fine = rough.len().min(FINE_RANKED);
        let mut hits: Vec<Hit> = rough[..fine]
            .iter()
            .map(|&(_, index)| {
                let text = &folded[index];
                let score = terms
                    .iter()
                    .map(|t| self.inner.fuzzy_match(text, t).unwrap_or(0))
                    .sum::<i64>();
                Hit {
                    index,
                    score,
                    positions: Vec::new(),
                }
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        hits.extend(rough[fine..].iter().map(|&(score, index)| Hit {
            index,
            score,
            positions: Vec::new(),
        }));
        hits
    }

    /// The characters of `folded` that `query` matches, for highlighting.
    pub fn positions(&self, folded: &str, query: &str) -> Vec<usize> {
        let query = fold(query.trim());
        let mut positions: Vec<usize> = query
            .split_whitespace()
            .filter_map(|term| self.inner.fuzzy_indices(folded, term))
            .flat_map(|(_, p)| p)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
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
        let matcher = Matcher::default();
        let hits = matcher.rank(&folded, "REUNION");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].index, 0);
        assert_eq!(
            matcher.positions(&folded[0], "REUNION"),
            (0..7).collect::<Vec<_>>()
        );
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
