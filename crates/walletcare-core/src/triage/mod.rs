//! Offline multilingual triage of support messages.
//!
//! [`triage`] reads a message in Chinese, Indonesian or English (informal
//! spelling included) and returns a [`Triage`]: the [`Category`], the
//! [`Priority`], the [`Language`], the model's confidence and runner-up
//! categories, the information support will need (marking what the message
//! already gives), the [entities](Entity) in the text (amounts as exact
//! [`Money`](crate::money::Money), order and transaction numbers, dates,
//! times, phone numbers...), the [urgency cues](UrgencyCue) seen and the
//! self-service [`Answer`] in the message's language.
//!
//! The classifier is a linear model over hashed word, word-pair and
//! character n-gram features ([`FeatureConfig`]), trained by a deterministic
//! linear SVM ([`train`]); the built-in one is trained from the corpus
//! ahead of time and shipped prepared ([`builtin_model`]). Services can train their own
//! models on their own labels ([`train`], [`train_csv`]), store them
//! ([`Model::to_bytes`]) and triage with them ([`Triager::new`]).
//!
//! Everything is deterministic: the same text gives the same JSON on every
//! platform. Any input gives a defined result in bounded time: only the
//! first [`MAX_INPUT_BYTES`] bytes are read.
//!
//! # Examples
//!
//! ```
//! use walletcare_core::money::{Currency, Money};
//! use walletcare_core::ticket::{Category, Priority};
//! use walletcare_core::triage::{EntityValue, InfoField, Language, triage};
//!
//! let t = triage("saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat", None);
//! assert_eq!(t.category, Category::PaymentFailure);
//! assert_eq!(t.priority, Priority::Urgent);
//! assert_eq!(t.language, Language::Id);
//! assert!(t.entities.iter().any(|e| e.value == Some(EntityValue::Money(Money::new(5_000_000, Currency::Idr)))));
//! let amount = t.needed_info.iter().find(|n| n.field == InfoField::Amount).unwrap();
//! assert!(amount.found);
//! assert_eq!(t.answer.locale.as_str(), "id-ID");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod answers;
mod banking77;
mod builtin;
pub mod csv;
pub(crate) mod entities;
mod features;
mod labels;
mod language;
mod math;
mod model;
pub(crate) mod needles;
mod normalize;
mod train;
mod urgency;

pub use answers::{Answer, InfoField, NeededInfo, SelfServiceAnswer, required_info};
pub use banking77::{BANKING77_PER_INTENT, banking77_categories, banking77_examples};
pub use builtin::{
    BUILTIN_TRAIN_CONFIG, CorpusExample, CrossValidationReport, builtin_corpus,
    builtin_cross_validation, builtin_model, train_builtin_model,
};
pub use entities::{Entity, EntityKind, EntityValue, extract_entities};
pub use features::{FeatureConfig, MAX_INPUT_BYTES, cap_input};
pub use labels::{LabelAnswer, LabelAnswerText, LabelEntry, LabelMap, LabelMapEntryInput};
pub use language::{Language, detect_language};
pub use model::{Classification, LabelScore, Model, Prediction};
pub use train::{
    Evaluation, KindWeights, Multiclass, TrainConfig, cross_validate, train, train_csv,
};
pub use urgency::{UrgencyCue, priority_for, urgency_cues};

use serde::{Deserialize, Serialize};

use crate::money::Currency;
use crate::ticket::{Category, Priority};

use crate::error::{ErrorCode, HasErrorCode};

/// An error from triage: model bytes, training data, configuration or CSV.
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::triage::Model;
///
/// let err = Model::from_bytes(b"garbage").unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidModel);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TriageError {
    /// Model bytes are malformed, truncated, corrupted or of another version.
    #[error("invalid triage model: {0}")]
    InvalidModel(String),
    /// Training data is empty, has fewer than two labels or a bad label.
    #[error("invalid training data: {0}")]
    InvalidTrainingData(String),
    /// A feature or training setting is out of range.
    #[error("invalid triage configuration: {0}")]
    InvalidConfig(String),
    /// A company label map is malformed.
    #[error("invalid label map: {0}")]
    InvalidLabelMap(String),
    /// A label map names a label the model does not have.
    #[error(
        "the label map names {label:?}, which is not a label of the model (its labels: {known})"
    )]
    UnknownLabel {
        /// The label in the map.
        label: String,
        /// The model's labels (the first twelve), comma-separated.
        known: String,
    },
    /// A label map maps a label to something that is not a category.
    #[error(
        "the label map maps {label:?} to {category:?}, which is not a category; expected account_access, account_security, payment_failure, refund, bank_card, technical, complaint, feedback or general_inquiry"
    )]
    UnknownCategory {
        /// The label.
        label: String,
        /// What the map gives as its category.
        category: String,
    },
    /// A model label is not a category and the label map does not name it.
    #[error(
        "model label {0:?} is not a category and has no entry in the label map; map it to one of the nine categories"
    )]
    UnmappedLabel(String),
    /// CSV text is malformed.
    #[error("CSV error at line {line}: {reason}")]
    Csv {
        /// The 1-based line of the problem.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

impl HasErrorCode for TriageError {
    fn code(&self) -> ErrorCode {
        match self {
            TriageError::InvalidModel(_) => ErrorCode::InvalidModel,
            TriageError::InvalidTrainingData(_) => ErrorCode::InvalidTrainingData,
            TriageError::InvalidConfig(_) => ErrorCode::InvalidArgument,
            TriageError::Csv { .. } => ErrorCode::InvalidCsv,
            TriageError::InvalidLabelMap(_) => ErrorCode::TriageInvalidLabelMap,
            TriageError::UnknownLabel { .. } => ErrorCode::TriageUnknownLabel,
            TriageError::UnknownCategory { .. } => ErrorCode::TriageUnknownCategory,
            TriageError::UnmappedLabel(_) => ErrorCode::TriageUnmappedLabel,
        }
    }
}

/// The channel a message came in through: the ticket's
/// [`Channel`], one type from message to ticket.
/// Only social media changes the result: a public complaint is raised one
/// priority level. The names triage used before (`app`, `phone`,
/// `social_media`, `web`) still parse.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::Channel;
///
/// assert_eq!("social_media".parse::<Channel>()?, Channel::Social);
/// assert_eq!(serde_json::from_str::<Channel>("\"app\"")?, Channel::InApp);
/// assert_eq!(serde_json::to_string(&Channel::InApp)?, "\"in_app\"");
/// assert!("fax".parse::<Channel>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub use crate::ticket::Channel;

/// A category with the model's score and probability for it.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::CategoryScore;
///
/// let s = CategoryScore { category: Category::Refund, label: "refund".into(), score: -0.25, probability: 0.1 };
/// assert_eq!(serde_json::to_string(&s)?, r#"{"category":"refund","label":"refund","score":-0.25,"probability":0.1}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CategoryScore {
    /// The category.
    pub category: Category,
    /// The model's label (the category's name unless a [`LabelMap`] is used).
    pub label: String,
    /// The linear decision value, rounded to 4 decimals.
    pub score: f64,
    /// The softmax probability, rounded to 4 decimals.
    pub probability: f64,
}

/// The result of triaging a message. Its JSON form is stable: snake_case
/// fields and values, numbers rounded to 4 decimals.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{Category, Priority};
/// use walletcare_core::triage::{Channel, Language, triage};
///
/// let t = triage("我的账户被盗了，有人用我的钱包付款", Some(Channel::InApp));
/// assert_eq!(t.category, Category::AccountSecurity);
/// assert_eq!(t.priority, Priority::Urgent);
/// assert_eq!(t.language, Language::Zh);
/// assert!(t.answer.steps[0].contains("冻结"));
/// let json = serde_json::to_value(&t)?;
/// assert_eq!(json["category"], "account_security");
/// assert_eq!(json["channel"], "in_app");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Triage {
    /// What the message is about.
    pub category: Category,
    /// The model's label: the category's name for the built-in model, the
    /// company's own label for a model used with a [`LabelMap`].
    pub label: String,
    /// How fast to handle it: the category's default raised by urgency cues.
    pub priority: Priority,
    /// The message's language.
    pub language: Language,
    /// The model's probability for the category (0 when the message shares
    /// nothing with the training data). When a reported scam attempt makes
    /// the category `account_security` by rule, it is the probability of
    /// the model's own pick, listed first among the alternatives.
    pub confidence: f64,
    /// The next most likely categories, best first (at most three).
    pub alternatives: Vec<CategoryScore>,
    /// What support needs for this category, and whether the message has it.
    pub needed_info: Vec<NeededInfo>,
    /// Entities found in the message.
    pub entities: Vec<Entity>,
    /// Urgency cues found in the message.
    pub urgency_cues: Vec<UrgencyCue>,
    /// The self-service answer, in the message's language (English for other
    /// languages).
    pub answer: Answer,
    /// The channel given by the caller.
    pub channel: Option<Channel>,
    /// Whether the message was longer than [`MAX_INPUT_BYTES`] and only its
    /// start was read.
    pub truncated: bool,
}

/// Triage with a category model: the built-in one or one trained by a
/// service on its own history.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::{TrainConfig, Triager, train};
///
/// let model = train(
///     [
///         ("refund my order please", "refund"),
///         ("the app keeps crashing", "technical"),
///         ("card binding fails", "bank_card"),
///     ],
///     &TrainConfig::default(),
/// )?;
/// let triager = Triager::new(model)?;
/// assert_eq!(triager.triage("crashing again", None).category, Category::Technical);
///
/// let custom = train([("a", "x"), ("b", "y")], &TrainConfig::default())?;
/// assert!(Triager::new(custom).is_err()); // labels must be categories
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Triager {
    model: Model,
    /// What each model label means for triage, in the model's label order.
    entries: Vec<LabelEntry>,
}

/// What a caller already has for a message it triages (the intake reads
/// each of them for its own use), so [`Triager::triage_known`] does not
/// compute it again. Each must be what triage would compute for the
/// message capped by [`cap_input`]; `None` computes it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Known<'k> {
    /// [`detect_language`] of the message.
    pub(crate) language: Option<Language>,
    /// [`answers::lowercase_words`] of the message.
    pub(crate) lower: Option<&'k str>,
    /// The spans of the secrets in the message
    /// ([`crate::redact::secret_spans`]).
    pub(crate) secrets: Option<&'k [(usize, usize)]>,
}

/// Decimal places kept in the numbers of a [`Triage`].
const ROUNDING: f64 = 10_000.0;

fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * ROUNDING).round() / ROUNDING
    } else {
        0.0
    }
}

impl Triager {
    /// A triager over `model`, whose labels must all be [`Category`] names.
    ///
    /// # Errors
    ///
    /// [`TriageError::InvalidModel`] naming the first label that is not a
    /// category.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{Triager, train_builtin_model};
    ///
    /// let triager = Triager::new(train_builtin_model()?)?;
    /// assert_eq!(triager.model().labels().len(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(model: Model) -> Result<Triager, TriageError> {
        let entries = model
            .labels()
            .iter()
            .map(|l| {
                let category = l.parse::<Category>().map_err(|_| {
                    TriageError::InvalidModel(format!(
                        "label {:?} is not a category; expected one of the nine category names, or give a label map for a company's own labels",
                        l.chars().take(64).collect::<String>()
                    ))
                })?;
                Ok(LabelEntry::of(category))
            })
            .collect::<Result<Vec<_>, TriageError>>()?;
        Ok(Triager { model, entries })
    }

    /// A triager over a model with a company's own labels: `labels` maps
    /// each of them to a category (for SLA, routing and priority rules) and
    /// optionally a priority floor, the information support needs and the
    /// label's own self-service answer. The triage names both the label and
    /// the category.
    ///
    /// # Errors
    ///
    /// [`TriageError::UnknownLabel`] if the map names a label the model does
    /// not have, [`TriageError::UnmappedLabel`] if a model label is missing
    /// from the map.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::{Category, Priority};
    /// use walletcare_core::triage::{LabelMap, TrainConfig, Triager, train};
    ///
    /// let model = train(
    ///     [
    ///         ("my paylater bill is wrong", "PayLater"),
    ///         ("paylater limit too low", "PayLater"),
    ///         ("refund not showing up yet", "Refund_not_showing_up"),
    ///         ("where is my refund", "Refund_not_showing_up"),
    ///     ],
    ///     &TrainConfig::default(),
    /// )?;
    /// let map = LabelMap::from_json(r#"{"PayLater": "general_inquiry",
    ///     "Refund_not_showing_up": {"category": "refund", "priority_floor": "high"}}"#)?;
    /// let triager = Triager::with_labels(model, &map)?;
    /// let t = triager.triage("refund not showing up", None);
    /// assert_eq!(t.label, "Refund_not_showing_up");
    /// assert_eq!(t.category, Category::Refund);
    /// assert_eq!(t.priority, Priority::High);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_labels(model: Model, labels: &LabelMap) -> Result<Triager, TriageError> {
        let entries = labels.resolve(model.labels())?;
        Ok(Triager { model, entries })
    }

    /// The triager over the built-in model (decoded from its prepared bytes
    /// on first use), or `None` if those bytes were broken (a test rules it
    /// out).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::Triager;
    /// assert!(Triager::builtin().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn builtin() -> Option<&'static Triager> {
        builtin::builtin_triager()
    }

    /// The model.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::Triager;
    /// let triager = Triager::builtin().unwrap();
    /// assert!(triager.model().feature_count() > 1_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Triages one message. Any input gives a result; only the first
    /// [`MAX_INPUT_BYTES`] are read.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Category;
    /// use walletcare_core::triage::Triager;
    ///
    /// let triager = Triager::builtin().unwrap();
    /// let t = triager.triage("", None);
    /// assert_eq!(t.category, Category::GeneralInquiry);
    /// assert_eq!(t.confidence, 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn triage(&self, text: &str, channel: Option<Channel>) -> Triage {
        self.triage_known(text, channel, Known::default())
    }

    /// As [`Triager::triage`], reusing what the caller already knows about
    /// the message (see [`Known`]).
    pub(crate) fn triage_known(
        &self,
        text: &str,
        channel: Option<Channel>,
        known: Known<'_>,
    ) -> Triage {
        let (head, truncated) = cap_input(text);
        let prediction = self.model.predict(head);
        let entry_of = |index: usize| self.entries.get(index);
        let category_of =
            |index: usize| entry_of(index).map_or(Category::GeneralInquiry, |e| e.category);
        let label_of = |index: usize| {
            self.model.labels().get(index).map_or_else(
                || Category::GeneralInquiry.as_str().to_owned(),
                Clone::clone,
            )
        };
        let (best, confidence, alternatives) = if prediction.known_features == 0 {
            (None, 0.0, Vec::new())
        } else {
            let mut ranked = prediction.ranked.iter();
            let best = ranked.next();
            let alternatives = ranked
                .take(3)
                .map(|s| CategoryScore {
                    category: category_of(s.index),
                    label: label_of(s.index),
                    score: round4(s.score),
                    probability: round4(s.probability),
                })
                .collect();
            (
                best.map(|b| b.index),
                best.map_or(0.0, |b| round4(b.probability)),
                alternatives,
            )
        };
        let category = best.map_or(Category::GeneralInquiry, category_of);
        let label = best.map_or_else(|| category.as_str().to_owned(), label_of);
        // A reported scam attempt (someone asked for the user's code or
        // PIN, a fee to release money, a look-alike link) is an account
        // security case whatever the model says: a deterministic rule, so
        // no retraining is needed.
        let (category, label, entry, alternatives) =
            if category != Category::AccountSecurity && crate::redact::reports_scam(head) {
                let mut alternatives = alternatives;
                alternatives.retain(|a| a.category != Category::AccountSecurity);
                if prediction.known_features > 0 {
                    alternatives.insert(
                        0,
                        CategoryScore {
                            category,
                            label,
                            score: 0.0,
                            probability: confidence,
                        },
                    );
                }
                alternatives.truncate(3);
                // The company's own security label, if it has one.
                let security = self
                    .entries
                    .iter()
                    .position(|e| e.category == Category::AccountSecurity);
                let label = security
                    .map_or_else(|| Category::AccountSecurity.as_str().to_owned(), label_of);
                (
                    Category::AccountSecurity,
                    label,
                    security.and_then(entry_of),
                    alternatives,
                )
            } else {
                (category, label, best.and_then(entry_of), alternatives)
            };
        let language = known.language.unwrap_or_else(|| detect_language(head));
        let default_currency = if language == Language::Zh {
            Currency::Cny
        } else {
            Currency::Idr
        };
        let entities = entities::extract_known(head, default_currency, known.secrets);
        // One lowercased copy for the urgency cues and the needed info.
        let computed;
        let lower = match known.lower {
            Some(lower) => lower,
            None => {
                computed = answers::lowercase_words(head);
                &computed
            }
        };
        let cues = urgency::cues_in(lower);
        let mut priority = priority_for(category, &cues);
        if channel == Some(Channel::Social) && category == Category::Complaint {
            priority = urgency::raise(priority);
        }
        if let Some(floor) = entry.and_then(|e| e.priority_floor) {
            priority = priority.max(floor);
        }
        let needed_info = match entry.and_then(|e| e.needed_info.as_deref()) {
            Some(fields) => answers::needed_fields_in(fields, head, lower, &entities),
            None => answers::needed_info_in(category, head, lower, &entities),
        };
        let locale = language.locale();
        let answer = match entry.and_then(|e| e.answer.as_ref()) {
            Some(own) => {
                let text = own.get(locale);
                Answer {
                    locale,
                    title: text.title.clone(),
                    steps: text.steps.clone(),
                }
            }
            None => Answer::new(SelfServiceAnswer { category }, locale),
        };
        Triage {
            category,
            label,
            priority,
            language,
            confidence,
            alternatives,
            needed_info,
            entities,
            urgency_cues: cues,
            answer,
            channel,
            truncated,
        }
    }
}

/// Triages one message with the built-in model (see [`Triager::triage`]).
/// The first call decodes the prepared model (no training).
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::{Language, triage};
///
/// let t = triage("I want a refund for order INV/20261121/XYZ/123, paid $12 yesterday", None);
/// assert_eq!(t.category, Category::Refund);
/// assert_eq!(t.language, Language::En);
/// assert!(t.needed_info.iter().all(|n| n.found));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn triage(text: &str, channel: Option<Channel>) -> Triage {
    match Triager::builtin() {
        Some(triager) => triager.triage(text, channel),
        None => fallback(text, channel),
    }
}

/// The result when no model is available: rules only.
fn fallback(text: &str, channel: Option<Channel>) -> Triage {
    let (head, truncated) = cap_input(text);
    let language = detect_language(head);
    let cues = urgency_cues(head);
    let category = if crate::redact::reports_scam(head) {
        Category::AccountSecurity
    } else {
        Category::GeneralInquiry
    };
    Triage {
        category,
        label: category.as_str().to_owned(),
        priority: priority_for(category, &cues),
        language,
        confidence: 0.0,
        alternatives: Vec::new(),
        needed_info: Vec::new(),
        entities: extract_entities(head),
        urgency_cues: cues,
        answer: Answer::new(SelfServiceAnswer { category }, language.locale()),
        channel,
        truncated,
    }
}
