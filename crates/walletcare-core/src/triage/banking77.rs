//! Banking77's human-written English questions as extra training data for
//! the built-in model, through the project's own mapping of its 77 intents
//! to the nine [`Category`] values.
//!
//! Banking77 (Casanueva et al., "Efficient Intent Detection with Dual
//! Sentence Encoders", 2020; PolyAI, Creative Commons Attribution 4.0) is
//! not in this repository: the generator of the prepared built-in model reads
//! its **training** split from the shared datasets folder and passes the
//! text here. Its test split is for evaluation only. The mapping
//! (`data/triage/banking77_categories.csv`, `intent,category`) is ours: fee
//! and exchange-rate questions are general inquiries, transactions the user
//! did not make and lost cards or phones are account security, a declined,
//! pending or reverted payment, top-up, transfer or withdrawal is a payment
//! failure, refunds and double charges are refunds, anything about a
//! physical or virtual card is a bank card matter, and PIN, passcode and
//! personal-detail changes are account access.

use super::builtin::CorpusExample;
use super::language::Language;
use super::{TriageError, csv};
use crate::ticket::Category;

/// How many examples of each Banking77 intent the built-in model learns
/// from: the first this many of each intent in the training split (chosen by
/// cross-validation on the hand-written corpus).
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::BANKING77_PER_INTENT;
/// assert!(BANKING77_PER_INTENT > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const BANKING77_PER_INTENT: usize = 40;

/// Our mapping of Banking77's intents to categories, `intent,category`.
const MAPPING: &str = include_str!("../../data/triage/banking77_categories.csv");

/// The category each Banking77 intent is folded into, in the mapping file's
/// order (alphabetical by intent).
///
/// # Errors
///
/// [`TriageError::Csv`] or [`TriageError::InvalidTrainingData`] if the
/// compiled-in mapping were malformed (a test rules it out).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::banking77_categories;
///
/// let map = banking77_categories()?;
/// assert_eq!(map.len(), 77);
/// assert!(map.contains(&("declined_transfer".to_owned(), Category::PaymentFailure)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn banking77_categories() -> Result<Vec<(String, Category)>, TriageError> {
    csv::parse(MAPPING)?
        .into_iter()
        .skip(1)
        .map(|record| {
            let [intent, category] = <[String; 2]>::try_from(record.fields).map_err(|_| {
                TriageError::InvalidTrainingData(format!(
                    "banking77_categories.csv line {} is not intent,category",
                    record.line
                ))
            })?;
            let parsed = category.parse::<Category>().map_err(|_| {
                TriageError::InvalidTrainingData(format!(
                    "banking77 intent {intent:?} maps to unknown category {category:?}"
                ))
            })?;
            Ok((intent, parsed))
        })
        .collect()
}

/// English training examples from Banking77's training split (`text,category`
/// CSV as published), each intent's label replaced by its category. At most
/// `per_intent` examples of each intent are kept, the first ones in file
/// order, so the human-written questions widen the English vocabulary
/// without drowning the hand-written corpus or growing the model much.
///
/// # Errors
///
/// [`TriageError::Csv`] for malformed CSV and
/// [`TriageError::InvalidTrainingData`] for an intent the mapping does not
/// know (the text is not Banking77's training split).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::banking77_examples;
///
/// let csv = "text,category\nWhy was my transfer declined?,declined_transfer\nAnd again?,declined_transfer\n";
/// let rows = banking77_examples(csv, 1)?;
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows[0].category, Category::PaymentFailure);
/// assert!(banking77_examples("text,category\nhi,not_an_intent\n", 5).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn banking77_examples(
    train_csv: &str,
    per_intent: usize,
) -> Result<Vec<CorpusExample>, TriageError> {
    let map = banking77_categories()?;
    let mut taken = vec![0usize; map.len()];
    let mut out = Vec::new();
    for (text, intent) in csv::read_labelled(train_csv)? {
        let index = map.iter().position(|(i, _)| *i == intent).ok_or_else(|| {
            TriageError::InvalidTrainingData(format!(
                "{:?} is not a Banking77 intent",
                intent.chars().take(64).collect::<String>()
            ))
        })?;
        let (Some(count), Some((_, category))) = (taken.get_mut(index), map.get(index)) else {
            continue;
        };
        if *count < per_intent {
            *count += 1;
            out.push(CorpusExample {
                text,
                category: *category,
                language: Language::En,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_covers_77_distinct_intents_and_eight_categories() {
        let map = banking77_categories().unwrap();
        let mut intents: Vec<&str> = map.iter().map(|(i, _)| i.as_str()).collect();
        intents.sort_unstable();
        intents.dedup();
        assert_eq!(intents.len(), 77);
        for category in Category::ALL {
            let n = map.iter().filter(|(_, c)| *c == category).count();
            let expected_none = matches!(
                category,
                Category::Technical | Category::Complaint | Category::Feedback
            );
            assert_eq!(n == 0, expected_none, "{category}: {n}");
        }
    }
}
