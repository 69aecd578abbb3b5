//! Triage of support messages in Chinese, Indonesian and English.
//!
//! The operations use the built-in model. A model trained elsewhere is not
//! JSON state: the C library's `wc_model` and the npm package's
//! `TriageModel` hold a [`Triager`] and call the same functions
//! ([`TriageText::run_with`], [`Classify::run_with`], [`Train::model`],
//! [`load`]) with it.
//!
//! # Examples
//!
//! ```
//! let out = walletcare_api::call("triage.triage", r#"{"text":"saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat"}"#)?;
//! assert!(out.starts_with(r#"{"category":"payment_failure","label":"payment_failure","priority":"urgent","language":"id""#), "{out}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};
use walletcare_core::error::{Error, ErrorCode};
use walletcare_core::triage::{
    BUILTIN_TRAIN_CONFIG, Channel, Classification, LabelMap, Language, Model, TrainConfig, Triage,
    Triager, cap_input, detect_language, train, train_csv,
};

use crate::ops::{Operation, registry};

registry! {
    operations: [TriageText, Classify, DetectLanguage, DefaultTrainConfig, Train],
    commands: [],
}

/// The built-in triager: the prepared model compiled into the library,
/// decoded on first use in the process and shared afterwards.
///
/// # Errors
///
/// `triage.invalid_model` if the compiled-in model cannot be decoded (it
/// always can; the error keeps a host from panicking if it ever could not).
///
/// # Examples
///
/// ```
/// let triager = walletcare_api::triage::builtin()?;
/// assert_eq!(triager.model().labels().len(), 9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn builtin() -> Result<&'static Triager, Error> {
    Triager::builtin().ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidModel,
            "the built-in triage model could not be trained from its corpus",
        )
    })
}

/// A triager for a model saved as bytes (`Model::to_bytes`): magic,
/// version, checksum, sizes and labels (every one a ticket category name)
/// are all checked.
///
/// # Errors
///
/// `triage.invalid_model` for bytes that are malformed, truncated,
/// corrupted, of another version, or whose labels are not categories.
///
/// # Examples
///
/// ```
/// let err = walletcare_api::triage::load(b"not a model").unwrap_err();
/// assert_eq!(err.code.as_str(), "triage.invalid_model");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load(bytes: &[u8]) -> Result<Triager, Error> {
    Ok(Triager::new(Model::from_bytes(bytes)?)?)
}

/// A triager for a model saved as bytes whose labels are a company's own,
/// with the label map (JSON, see [`LabelMap`]) that gives each label its
/// category and, optionally, a priority floor, the information support needs
/// and its own self-service answer.
///
/// # Errors
///
/// `triage.invalid_model` for bad bytes; `triage.invalid_label_map`,
/// `triage.unknown_category`, `triage.unknown_label` or
/// `triage.unmapped_label` for a map that does not fit the model.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{TrainConfig, train};
///
/// let model = train([("paylater bill", "PayLater"), ("kyc upgrade", "KYC")], &TrainConfig::default())?;
/// let map = r#"{"PayLater": "general_inquiry", "KYC": "general_inquiry"}"#;
/// let triager = walletcare_api::triage::load_with_labels(&model.to_bytes(), map)?;
/// assert_eq!(triager.triage("paylater bill", None).label, "PayLater");
/// let err = walletcare_api::triage::load_with_labels(&model.to_bytes(), r#"{"PayLater": "loans"}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "triage.unknown_category");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_with_labels(bytes: &[u8], label_map_json: &str) -> Result<Triager, Error> {
    let model = Model::from_bytes(bytes)?;
    let map = LabelMap::from_json(label_map_json)?;
    Ok(Triager::with_labels(model, &map)?)
}

/// What a trained model holds: its labels, in its order, and its number of
/// feature rows.
///
/// # Examples
///
/// ```
/// let info = walletcare_api::triage::ModelInfo::of(walletcare_api::triage::builtin()?);
/// assert!(info.labels.iter().any(|l| l == "refund"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ModelInfo {
    /// The labels (category names).
    pub labels: Vec<String>,
    /// The number of feature rows the model keeps.
    pub feature_count: usize,
}

impl ModelInfo {
    /// The information of a triager's model.
    ///
    /// # Examples
    ///
    /// ```
    /// let info = walletcare_api::triage::ModelInfo::of(walletcare_api::triage::builtin()?);
    /// assert!(info.feature_count > 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of(triager: &Triager) -> Self {
        let model = triager.model();
        ModelInfo {
            labels: model.labels().to_vec(),
            feature_count: model.feature_count(),
        }
    }
}

/// `triage.triage`: triages one message with the built-in model: category,
/// priority, language, confidence, runner-up categories, the information
/// support needs, entities, urgency cues and the self-service answer in the
/// message's language. `channel` (the ticket channels `hotline`, `chat`,
/// `email`, `social`, `in_app`, `web_form`; the older `phone`, `social_media`,
/// `app`, `web` still parse) is where it came in; a public complaint on social
/// media is raised one priority level. Only the first 4 096 bytes are read.
///
/// # Examples
///
/// ```
/// let err = walletcare_api::call("triage.triage", r#"{"text":"hi","channel":"fax"}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "general.unknown_value");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TriageText {
    /// The message.
    pub text: String,
    /// Where it came in, if known.
    #[serde(default)]
    pub channel: Option<Channel>,
}

impl TriageText {
    /// Triages with `triager` (a handle's model).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_api::triage::{TriageText, builtin};
    /// let out = TriageText { text: "my refund has not arrived".into(), channel: None }.run_with(builtin()?);
    /// assert_eq!(out.language.as_str(), "en");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn run_with(&self, triager: &Triager) -> Triage {
        triager.triage(&self.text, self.channel)
    }
}

impl Operation for TriageText {
    const NAME: &'static str = "triage.triage";
    type Output = Triage;
    fn run(self) -> Result<Triage, Error> {
        Ok(self.run_with(builtin()?))
    }
}

/// `triage.classify`: the category the built-in model gives a message,
/// without the rest of the triage: the fast path for routing many
/// messages.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("triage.classify", r#"{"text":"refund my order please"}"#)?;
/// assert!(out.starts_with(r#"{"label":"refund""#), "{out}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Classify {
    /// The message.
    pub text: String,
}

impl Classify {
    /// Classifies with `triager` (a handle's model).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_api::triage::{Classify, builtin};
    /// let triager = builtin()?;
    /// let input = Classify { text: "the app keeps crashing".into() };
    /// assert_eq!(input.run_with(triager).label, "technical");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn run_with<'t>(&self, triager: &'t Triager) -> Classification<'t> {
        triager.model().classify(cap_input(&self.text).0)
    }
}

impl Operation for Classify {
    const NAME: &'static str = "triage.classify";
    type Output = Classification<'static>;
    fn run(self) -> Result<Classification<'static>, Error> {
        Ok(self.run_with(builtin()?))
    }
}

/// `triage.detect_language`: `"zh"`, `"id"`, `"en"` or `"other"`.
///
/// # Examples
///
/// ```
/// assert_eq!(walletcare_api::call("triage.detect_language", r#"{"text":"退款还没到账"}"#)?, r#""zh""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DetectLanguage {
    /// The text.
    pub text: String,
}

impl Operation for DetectLanguage {
    const NAME: &'static str = "triage.detect_language";
    type Output = Language;
    fn run(self) -> Result<Language, Error> {
        Ok(detect_language(&self.text))
    }
}

/// `triage.default_train_config`: the training settings of the built-in
/// model, which [`Train`] uses when no `config` is given; start a custom
/// configuration from it.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("triage.default_train_config", "{}")?;
/// assert!(out.contains(r#""multiclass":"crammer_singer""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DefaultTrainConfig {}

impl Operation for DefaultTrainConfig {
    const NAME: &'static str = "triage.default_train_config";
    type Output = TrainConfig;
    fn run(self) -> Result<TrainConfig, Error> {
        Ok(BUILTIN_TRAIN_CONFIG)
    }
}

/// Labelled training examples: CSV text with a `text,label` header, or a
/// list of `[text, label]` pairs.
///
/// # Examples
///
/// ```
/// use walletcare_api::triage::Examples;
/// let pairs: Examples = serde_json::from_str(r#"[["refund please","refund"]]"#)?;
/// assert!(matches!(pairs, Examples::Pairs(_)));
/// let csv: Examples = serde_json::from_str(r#""text,label\nrefund please,refund\n""#)?;
/// assert!(matches!(csv, Examples::Csv(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Examples {
    /// CSV text, `text,label` with a header line.
    Csv(String),
    /// `[text, label]` pairs.
    Pairs(Vec<(String, String)>),
}

/// `triage.train`: trains a model on labelled examples with `config`, or
/// the built-in model's settings when absent. Labels must be ticket category
/// names unless `labels` gives a company label map ([`LabelMap`]: each label
/// to a category, optionally a priority floor, needed information and its
/// own answer in the three locales). Messages in `triage` are triaged with
/// the new model and answered in `triages`, so a host can try a company
/// taxonomy in one call. Deterministic: the same examples and settings give
/// the same model bytes everywhere. The bindings' model handles keep the
/// model itself ([`Train::model`]). Errors: `triage.invalid_csv` (with the
/// line), `triage.invalid_training_data` (fewer than two labels),
/// `triage.invalid_model` (a label that is not a category, without a map),
/// `triage.invalid_label_map`, `triage.unknown_category`,
/// `triage.unknown_label`, `triage.unmapped_label` (a map that does not fit),
/// `general.invalid_argument` (a setting out of range).
///
/// # Examples
///
/// ```
/// let err = walletcare_api::call("triage.train", r#"{"examples":[["a","apples"],["b","pears"]]}"#).unwrap_err();
/// assert_eq!(err.code.as_str(), "triage.invalid_model");
/// let out = walletcare_api::call("triage.train", r#"{"examples":[["a","apples"],["b","pears"]],
///     "labels":{"apples":"refund","pears":"feedback"},"triage":["a"]}"#)?;
/// assert!(out.contains(r#""category":"refund","label":"apples""#), "{out}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Train {
    /// The examples.
    pub examples: Examples,
    /// The training settings (the built-in model's when absent).
    #[serde(default)]
    pub config: Option<TrainConfig>,
    /// A company label map, needed when the labels are not category names.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub labels: Option<LabelMap>,
    /// Messages to triage with the new model.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<String>>", optional))]
    pub triage: Vec<String>,
}

impl Train {
    /// Trains the model and checks it can triage (its labels are category
    /// names, or the label map fits them).
    ///
    /// # Errors
    ///
    /// As the operation.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_api::triage::{Examples, Train};
    /// let csv = "text,label\nrefund my order please,refund\nthe app keeps crashing,technical\n";
    /// let triager = Train { examples: Examples::Csv(csv.into()), config: None, labels: None, triage: Vec::new() }.model()?;
    /// assert_eq!(triager.model().labels().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn model(self) -> Result<Triager, Error> {
        let config = self.config.unwrap_or(BUILTIN_TRAIN_CONFIG);
        let model = match self.examples {
            Examples::Csv(csv) => train_csv(&csv, &config)?,
            Examples::Pairs(pairs) => train(pairs, &config)?,
        };
        Ok(match &self.labels {
            Some(map) => Triager::with_labels(model, map)?,
            None => Triager::new(model)?,
        })
    }
}

/// What `triage.train` answers: what the model holds and the triage of each
/// message given in `triage`.
///
/// # Examples
///
/// ```
/// let out = walletcare_api::call("triage.train", r#"{"examples":[["refund please","refund"],["app crash","technical"]]}"#)?;
/// assert!(out.contains(r#""triages":[]"#), "{out}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TrainOutput {
    /// The labels, in the model's order.
    pub labels: Vec<String>,
    /// The number of feature rows the model keeps.
    pub feature_count: usize,
    /// The triage of each message of the input's `triage`, in order.
    pub triages: Vec<Triage>,
}

impl Operation for Train {
    const NAME: &'static str = "triage.train";
    type Output = TrainOutput;
    fn run(self) -> Result<TrainOutput, Error> {
        let texts = self.triage.clone();
        let triager = self.model()?;
        let info = ModelInfo::of(&triager);
        Ok(TrainOutput {
            labels: info.labels,
            feature_count: info.feature_count,
            triages: texts.iter().map(|t| triager.triage(t, None)).collect(),
        })
    }
}
