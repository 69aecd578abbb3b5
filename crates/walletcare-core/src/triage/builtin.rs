//! The built-in category model: trained from the team's labelled corpus,
//! shipped prepared.
//!
//! The corpus (about 2,000 support messages in Chinese, Indonesian and
//! English, labelled with the nine [`Category`] names) lives in
//! `data/triage/corpus_*.csv`: per language, the original hand-written
//! messages (`corpus_{zh,id,en}.csv`) and chat-style ones
//! (`corpus_{zh,id,en}_chat.csv`: slang and typos, Traditional Chinese,
//! code-mixing, one-word and rambling messages). The model trained from it with
//! [`BUILTIN_TRAIN_CONFIG`] is checked in as `data/triage/builtin_model.bin`
//! in the compact format ([`Model::to_compact_bytes`]) and compiled into the
//! library, so no binding trains at start-up: the first use only decodes it
//! (well under a millisecond). Training is deterministic, so the file is a
//! pure function of the corpus, the features and the trainer: a test
//! (`prepared_model_is_current`) retrains it and fails when the file is
//! stale, and `scripts/model.sh` rewrites it. A trained model gives every
//! text exactly the scores the prepared one gives: they are the same model,
//! quantised weights included.

use std::sync::OnceLock;

use serde::Serialize;

use super::Triager;
use super::features::FeatureConfig;
use super::language::Language;
use super::model::Model;
use super::train::{KindWeights, Multiclass, TrainConfig, cross_validate, train};
use super::{TriageError, csv};
use crate::ticket::Category;

/// The corpus files: per language, the original hand-written messages, then
/// the chat-style ones (informal spelling and slang, Traditional Chinese,
/// code-mixing, one-word and rambling messages, and the plain requests of
/// crowd-written banking questions, all written for this corpus).
const CORPUS: [(&str, &str, Language); 6] = [
    (
        "corpus_zh.csv",
        include_str!("../../data/triage/corpus_zh.csv"),
        Language::Zh,
    ),
    (
        "corpus_zh_chat.csv",
        include_str!("../../data/triage/corpus_zh_chat.csv"),
        Language::Zh,
    ),
    (
        "corpus_id.csv",
        include_str!("../../data/triage/corpus_id.csv"),
        Language::Id,
    ),
    (
        "corpus_id_chat.csv",
        include_str!("../../data/triage/corpus_id_chat.csv"),
        Language::Id,
    ),
    (
        "corpus_en.csv",
        include_str!("../../data/triage/corpus_en.csv"),
        Language::En,
    ),
    (
        "corpus_en_chat.csv",
        include_str!("../../data/triage/corpus_en_chat.csv"),
        Language::En,
    ),
];

/// The training settings of the built-in model, chosen by 5-fold
/// cross-validation on the corpus (three seeds): word bigrams, character
/// 3-5-grams at half weight against words, CJK 1-3-grams, no word pairs,
/// Crammer-Singer with `C = 1`. Word pairs (-0.3 points), other n-gram
/// ranges, one-vs-rest, class balancing and other costs all scored within
/// 0.4 points of it; 3-5-grams cost 0.3 points against 2-5-grams and save a
/// quarter of the features of Latin text.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::BUILTIN_TRAIN_CONFIG;
/// assert!(BUILTIN_TRAIN_CONFIG.validate().is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const BUILTIN_TRAIN_CONFIG: TrainConfig = TrainConfig {
    features: FeatureConfig {
        word_ngrams: 2,
        char_min: 3,
        char_max: 5,
        cjk_min: 1,
        cjk_max: 3,
        word_pairs: 0,
        bits: 18,
    },
    c: 1.0,
    epsilon: 0.1,
    max_epochs: 200,
    min_df: 1,
    balanced: false,
    bias: 1.0,
    seed: 0x5eed,
    confidence_scale: 6.0,
    weights: KindWeights {
        word: 1.0,
        word_ngram: 1.0,
        word_pair: 1.0,
        char: 0.5,
        cjk: 1.0,
        symbol: 1.0,
    },
    multiclass: Multiclass::CrammerSinger,
};

/// One labelled message of the built-in corpus.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::builtin_corpus;
///
/// let corpus = builtin_corpus()?;
/// assert!(corpus.len() > 1_000);
/// assert!(!corpus[0].text.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CorpusExample {
    /// The message.
    pub text: String,
    /// Its category.
    pub category: Category,
    /// The language of the corpus file it comes from.
    pub language: Language,
}

/// The built-in corpus: Chinese, then Indonesian, then English examples, in
/// file order.
///
/// # Errors
///
/// [`TriageError::Csv`] or [`TriageError::InvalidTrainingData`] if a corpus
/// file is malformed or has an unknown label (a test guarantees it is not).
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{Language, builtin_corpus};
///
/// let corpus = builtin_corpus()?;
/// assert!(corpus.iter().any(|e| e.language == Language::Id));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn builtin_corpus() -> Result<Vec<CorpusExample>, TriageError> {
    let mut out = Vec::new();
    for (file, text, language) in CORPUS {
        for (i, (text, label)) in csv::read_labelled(text)?.into_iter().enumerate() {
            let category = label.parse::<Category>().map_err(|_| {
                TriageError::InvalidTrainingData(format!(
                    "{file} example {} has unknown category {label:?}",
                    i + 1
                ))
            })?;
            out.push(CorpusExample {
                text,
                category,
                language,
            });
        }
    }
    Ok(out)
}

/// Trains the built-in model from the corpus: the model [`builtin_model`]
/// ships prepared.
///
/// # Errors
///
/// As [`builtin_corpus`] and [`crate::triage::train`].
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{builtin_model, train_builtin_model};
///
/// let model = train_builtin_model()?;
/// assert_eq!(Some(&model), builtin_model());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn train_builtin_model() -> Result<Model, TriageError> {
    let corpus = builtin_corpus()?;
    train(
        corpus
            .iter()
            .map(|e| (e.text.as_str(), e.category.as_str())),
        &BUILTIN_TRAIN_CONFIG,
    )
}

/// The prepared built-in model: [`train_builtin_model`]'s result in the
/// compact format, regenerated by `scripts/model.sh`.
const PREPARED: &[u8] = include_bytes!("../../data/triage/builtin_model.bin");

/// The triager over the prepared built-in model, decoded on first use.
pub(crate) fn builtin_triager() -> Option<&'static Triager> {
    static TRIAGER: OnceLock<Option<Triager>> = OnceLock::new();
    TRIAGER
        .get_or_init(|| {
            Model::from_bytes(PREPARED)
                .ok()
                .and_then(|m| Triager::new(m).ok())
        })
        .as_ref()
}

/// The built-in model, decoded from its prepared bytes on first use and
/// shared afterwards (`None` only if the compiled-in bytes were broken,
/// which a test rules out).
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::builtin_model;
///
/// let model = builtin_model().expect("the prepared model is valid");
/// assert_eq!(model.labels().len(), 9);
/// assert_eq!(model.classify("lupa PIN").label, "account_access");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn builtin_model() -> Option<&'static Model> {
    builtin_triager().map(Triager::model)
}

/// Cross-validated accuracy of the built-in model's training recipe on its
/// corpus, overall and per language.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::builtin_cross_validation;
///
/// let report = builtin_cross_validation(5)?;
/// assert_eq!(report.folds, 5);
/// assert!(report.accuracy > 0.8);
/// assert_eq!(report.by_language.len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CrossValidationReport {
    /// The number of folds.
    pub folds: usize,
    /// The number of examples.
    pub examples: usize,
    /// The share classified right.
    pub accuracy: f64,
    /// The unweighted mean F1 over categories.
    pub macro_f1: f64,
    /// Per language: the language, its number of examples and its accuracy.
    pub by_language: Vec<(Language, usize, f64)>,
}

/// Runs stratified k-fold cross-validation of [`BUILTIN_TRAIN_CONFIG`] on the
/// built-in corpus.
///
/// # Errors
///
/// As [`crate::triage::cross_validate`].
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::builtin_cross_validation;
///
/// assert!(builtin_cross_validation(1).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn builtin_cross_validation(folds: usize) -> Result<CrossValidationReport, TriageError> {
    cross_validation_with(folds, &BUILTIN_TRAIN_CONFIG)
}

/// As [`builtin_cross_validation`] with another training configuration.
pub(crate) fn cross_validation_with(
    folds: usize,
    config: &TrainConfig,
) -> Result<CrossValidationReport, TriageError> {
    let corpus = builtin_corpus()?;
    let examples: Vec<(&str, &str)> = corpus
        .iter()
        .map(|e| (e.text.as_str(), e.category.as_str()))
        .collect();
    let eval = cross_validate(&examples, folds, config)?;
    let by_language = [Language::Zh, Language::Id, Language::En]
        .into_iter()
        .map(|language| {
            let of = |i: usize| corpus.get(i).is_some_and(|e| e.language == language);
            let n = (0..corpus.len()).filter(|&i| of(i)).count();
            (language, n, eval.accuracy_where(of))
        })
        .collect();
    Ok(CrossValidationReport {
        folds,
        examples: corpus.len(),
        accuracy: eval.accuracy(),
        macro_f1: eval.macro_f1(),
        by_language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::detect_language;

    #[test]
    fn corpus_is_complete_and_labelled() {
        let corpus = builtin_corpus().unwrap();
        for language in [Language::Zh, Language::Id, Language::En] {
            let rows: Vec<_> = corpus.iter().filter(|e| e.language == language).collect();
            assert!(rows.len() >= 380, "{language}: {} rows", rows.len());
            for category in Category::ALL {
                let n = rows.iter().filter(|e| e.category == category).count();
                assert!(n >= 30, "{language} {category}: {n}");
            }
        }
    }

    /// Where `scripts/model.sh` writes the prepared model.
    const PREPARED_PATH: &str =
        concat!(env!("CARGO_MANIFEST_DIR"), "/data/triage/builtin_model.bin");

    #[test]
    fn prepared_model_is_current() {
        let bytes = train_builtin_model().unwrap().to_compact_bytes();
        if std::env::var_os("WC_BLESS").is_some() {
            std::fs::write(PREPARED_PATH, &bytes).unwrap();
            return;
        }
        assert!(
            bytes == PREPARED,
            "crates/walletcare-core/data/triage/builtin_model.bin is stale: the corpus, the \
             features or the trainer changed. Run scripts/model.sh (it runs \
             `WC_BLESS=1 cargo test -p walletcare-core --lib prepared_model_is_current`) \
             and commit the file. ({} bytes checked in, {} trained)",
            PREPARED.len(),
            bytes.len()
        );
    }

    #[test]
    fn prepared_model_classifies_the_corpus_exactly_as_the_trained_one() {
        let trained = train_builtin_model().unwrap();
        let prepared = builtin_model().unwrap();
        assert_eq!(prepared, &trained);
        for e in builtin_corpus().unwrap() {
            let (a, b) = (prepared.predict(&e.text), trained.predict(&e.text));
            assert_eq!(a.known_features, b.known_features, "{}", e.text);
            for (x, y) in a.ranked.iter().zip(&b.ranked) {
                assert_eq!(x.index, y.index, "{}", e.text);
                assert_eq!(x.score.to_bits(), y.score.to_bits(), "{}", e.text);
                assert_eq!(
                    x.probability.to_bits(),
                    y.probability.to_bits(),
                    "{}",
                    e.text
                );
            }
        }
    }

    /// The four English misroutes of issue 13 and similar phrasings in the
    /// three languages, written before the corpus was extended for them and
    /// never copied into it (`tests/data/triage_probe.csv`).
    const PROBE: &str = include_str!("../../../../tests/data/triage_probe.csv");

    #[test]
    fn builtin_model_routes_the_probe_phrasings() {
        let corpus: std::collections::HashSet<String> = builtin_corpus()
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        let triager = builtin_triager().unwrap();
        let mut wrong = Vec::new();
        let records = csv::parse(PROBE).unwrap();
        assert!(records.len() > 20);
        for record in records.into_iter().skip(1) {
            let [text, label, language] = <[String; 3]>::try_from(record.fields).unwrap();
            assert!(!corpus.contains(&text), "{text:?} is in the corpus");
            let want: Category = label.parse().unwrap();
            let language: Language = language.parse().unwrap();
            let got = triager.triage(&text, None);
            assert_eq!(got.language, language, "{text}");
            if got.category != want {
                wrong.push(format!("{text:?} -> {} (want {want})", got.category));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn language_detection_agrees_with_the_corpus_files() {
        let corpus = builtin_corpus().unwrap();
        for language in [Language::Zh, Language::Id, Language::En] {
            let rows: Vec<_> = corpus.iter().filter(|e| e.language == language).collect();
            let wrong: Vec<&str> = rows
                .iter()
                .filter(|e| detect_language(&e.text) != language)
                .map(|e| e.text.as_str())
                .collect();
            let share = wrong.len() as f64 / rows.len() as f64;
            assert!(
                share <= 0.03,
                "{language}: {} wrong, e.g. {:?}",
                wrong.len(),
                &wrong[..wrong.len().min(10)]
            );
        }
    }
}
