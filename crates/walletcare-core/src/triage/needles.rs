//! Which of several lists of phrases occur in a text, in one pass over it.
//!
//! The urgency cues and the needed-information lists are tens of phrases
//! each; asking `str::contains` for each one searched the whole text once
//! per phrase. [`Needles`] indexes the phrases by their first two bytes
//! (built once per list, never per call) and reads the text once, trying
//! at each position only the phrases whose first two bytes are there.

use std::ops::Range;

/// How many buckets the first two bytes of a phrase are hashed into.
const BUCKETS: usize = 256;

/// The bucket of a phrase starting with bytes `a`, `b`.
fn bucket(a: u8, b: u8) -> usize {
    (usize::from(a) * 31 + usize::from(b)) % BUCKETS
}

/// Lists ("groups") of phrases, indexed to find which groups occur in a
/// text in one pass. A phrase occurs where `str::contains` finds it.
#[derive(Debug)]
pub(crate) struct Needles {
    /// The phrases of at least two bytes with their group, ordered by
    /// bucket.
    entries: Vec<(&'static [u8], u8)>,
    /// The range of `entries` of each bucket.
    buckets: Vec<Range<usize>>,
    /// Phrases shorter than two bytes (found with `contains`).
    short: Vec<(&'static str, u8)>,
}

impl Needles {
    /// Indexes `groups` (at most 32), the group number being the position
    /// in `groups`.
    pub(crate) fn new(groups: &[&[&'static str]]) -> Needles {
        let mut keyed: Vec<(usize, &'static [u8], u8)> = Vec::new();
        let mut short = Vec::new();
        for (g, phrases) in groups.iter().enumerate().take(32) {
            let g = u8::try_from(g).unwrap_or(u8::MAX);
            for &phrase in *phrases {
                match phrase.as_bytes() {
                    [a, b, ..] => keyed.push((bucket(*a, *b), phrase.as_bytes(), g)),
                    _ => short.push((phrase, g)),
                }
            }
        }
        keyed.sort_by_key(|&(b, _, _)| b);
        let mut buckets = Vec::with_capacity(BUCKETS);
        let mut at = 0;
        for b in 0..BUCKETS {
            let start = at;
            while keyed.get(at).is_some_and(|&(k, _, _)| k == b) {
                at += 1;
            }
            buckets.push(start..at);
        }
        Needles {
            entries: keyed.into_iter().map(|(_, p, g)| (p, g)).collect(),
            buckets,
            short,
        }
    }

    /// The groups with a phrase in `text`: bit `g` set for group `g`.
    pub(crate) fn groups_in(&self, text: &str) -> u32 {
        let bytes = text.as_bytes();
        let mut found = 0u32;
        for &(phrase, g) in &self.short {
            if text.contains(phrase) {
                found |= 1 << g;
            }
        }
        for (p, pair) in bytes.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let Some(range) = self.buckets.get(bucket(*a, *b)) else {
                continue;
            };
            let Some(entries) = self.entries.get(range.clone()) else {
                continue;
            };
            for &(phrase, g) in entries {
                if found & (1 << g) == 0 && bytes.get(p..).is_some_and(|r| r.starts_with(phrase)) {
                    found |= 1 << g;
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_groups_contains_finds() {
        let groups: [&[&'static str]; 4] = [
            &[" urgent", " asap ", "紧急"],
            &[" kepotong ", "扣款", "a"],
            &[" never "],
            &["ab", "b", " "],
        ];
        let needles = Needles::new(&groups);
        for text in [
            "",
            " ",
            " urgent ",
            " urgently kepotong ",
            "紧急扣款",
            " never never ",
            "xyz",
            " asap",
            "b",
            "ab",
            " 扣 款 ",
        ] {
            let want = groups
                .iter()
                .enumerate()
                .filter(|(_, phrases)| phrases.iter().any(|p| text.contains(p)))
                .fold(0u32, |m, (g, _)| m | 1 << g);
            assert_eq!(needles.groups_in(text), want, "{text:?}");
        }
    }
}
