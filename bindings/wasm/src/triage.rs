//! Triage of support messages: the built-in model and trained models
//! loaded from bytes. Each export maps its arguments to
//! `walletcare_api::triage` and runs it.

use serde::Deserialize;
use serde_json::Value;
use walletcare_api::ops::Operation;
use walletcare_api::triage::{
    Classify, DefaultTrainConfig, DetectLanguage, Examples, Train, TriageText,
};
use walletcare_core::error::ErrorCode;
use walletcare_core::triage::Triager;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::{
    MAX_BYTES_INPUT, api, api_js, from_js, js_error, member, options_arg, string_arg, string_array,
    to_js,
};

#[wasm_bindgen(typescript_custom_section)]
const TS_TRIAGE: &str = r#"
/** The channel a message came in through (social media raises complaints). */
export type TriageChannel = "app" | "chat" | "email" | "phone" | "social_media" | "web";
/** The language of a message. */
export type Language = "zh" | "id" | "en" | "other";
/** A category with the model's score and probability (4 decimals). */
export interface CategoryScore {
  category: Category;
  score: number;
  probability: number;
}
/** Something support needs for a category, and whether the message has it. */
export interface NeededInfo {
  field:
    | "order_number" | "transaction_id" | "payment_time" | "incident_time" | "amount"
    | "payment_method" | "registered_phone" | "error_message" | "device_model"
    | "app_version" | "bank_name" | "card_last_digits" | "ticket_number";
  found: boolean;
}
/** The value of an entity, when it has one. */
export type EntityValue =
  | ({ type: "money" } & Money)
  | { type: "date"; year: number | null; month: number; day: number }
  | { type: "relative_day"; days: number }
  | { type: "time"; hour: number; minute: number }
  | { type: "digits"; digits: string };
/**
 * Something found in a message. `start` and `end` are UTF-8 byte offsets
 * (as in Rust and C); `text` is the entity's text itself.
 */
export interface Entity {
  kind:
    | "amount" | "reference" | "date" | "relative_date" | "time" | "phone" | "email"
    | "card_digits" | "error_code";
  text: string;
  start: number;
  end: number;
  value: EntityValue | null;
}
/** The self-service answer for a category, in the message's language. */
export interface SelfServiceAnswer {
  locale: Locale;
  title: string;
  steps: string[];
}
/** The result of triaging a message (numbers rounded to 4 decimals). */
export interface Triage {
  category: Category;
  priority: Priority;
  language: Language;
  /** The model's probability for the category (0 when nothing is known). */
  confidence: number;
  /** The next most likely categories, best first (at most three). */
  alternatives: CategoryScore[];
  needed_info: NeededInfo[];
  entities: Entity[];
  urgency_cues: ("urgent" | "money_lost" | "fraud" | "escalation")[];
  answer: SelfServiceAnswer;
  channel: TriageChannel | null;
  /** Whether the message was longer than the triage input limit and only its start was read. */
  truncated: boolean;
}
/** Options of {@link triage} and {@link TriageModel.triage}. */
export interface TriageOptions {
  channel?: TriageChannel;
}
/** The model's best label for a text, with its index and linear score. */
export interface Classification {
  label: Category;
  index: number;
  score: number;
}
/** A labelled training example: the text and its category name. */
export type TrainingExample = [text: string, label: Category];
/** Which features a model extracts from a text. */
export interface FeatureConfig {
  /** Longest word n-gram: 1 (words), 2 (and bigrams) or 3 (and trigrams). */
  word_ngrams: number;
  /** Shortest character n-gram inside a padded word (0 turns them off). */
  char_min: number;
  /** Longest character n-gram inside a padded word, at most 8. */
  char_max: number;
  /** Shortest character n-gram over a CJK run (0 turns them off). */
  cjk_min: number;
  /** Longest character n-gram over a CJK run, at most 8. */
  cjk_max: number;
  /** Pairs of words up to this many words apart (0 turns them off, at most 16). */
  word_pairs: number;
  /** Features are hashed into `2^bits` buckets (12 to 22). */
  bits: number;
}
/** How much each kind of feature counts. */
export interface KindWeights {
  word: number;
  word_ngram: number;
  word_pair: number;
  char: number;
  cjk: number;
  symbol: number;
}
/**
 * The settings of {@link TriageModel.train}: every field is required, so
 * start from {@link defaultTrainConfig} and change what you need.
 */
export interface TrainConfig {
  features: FeatureConfig;
  /** The SVM cost `C`: larger fits the training data more closely. */
  c: number;
  /** Stopping tolerance on the projected gradient. */
  epsilon: number;
  max_epochs: number;
  /** Features seen in fewer training texts are dropped. */
  min_df: number;
  /** Weigh rare labels as much as common ones. */
  balanced: boolean;
  bias: number;
  /** Seed of the example order (training is deterministic). */
  seed: number;
  /** The factor applied to scores before the softmax. */
  confidence_scale: number;
  weights: KindWeights;
  multiclass: "one_vs_rest" | "crammer_singer";
}
"#;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TriageOptions {
    #[serde(default)]
    channel: Option<Value>,
}

/// The input of a triage: the text and `options.channel`.
fn triage_input(text: &JsValue, options: Option<&JsValue>) -> Result<TriageText, JsValue> {
    let text = string_arg(text, "text")?;
    let options: TriageOptions = options_arg(options, "options")?;
    Ok(TriageText {
        text,
        channel: member(options.channel, "channel")?,
    })
}

/// Triages a support message in Chinese, Indonesian or English with the
/// built-in model: category, priority, language, confidence, runner-up
/// categories, the information support needs (and whether the message has
/// it), entities, urgency cues and the self-service answer in the message's
/// language. The first call trains the built-in model (a few hundred
/// milliseconds); any text gives a result.
#[wasm_bindgen(unchecked_return_type = "Triage")]
pub fn triage(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TriageOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    api_js(triage_input(&text, options.as_ref())?.run())
}

/// The category the built-in model gives a message, without the rest of
/// the triage (entities, answer...): the fast path for routing many
/// messages. The same label as `triage(text).category` whenever the message
/// shares a feature with the training data.
#[wasm_bindgen(unchecked_return_type = "Classification")]
pub fn classify(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text")?;
    api_js(Classify { text }.run())
}

/// The language of a text: `"zh"`, `"id"`, `"en"` or `"other"`.
#[wasm_bindgen(js_name = detectLanguage, unchecked_return_type = "Language")]
pub fn detect_language_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text")?;
    api_js(DetectLanguage { text }.run())
}

/// The training settings of the built-in model, to start a custom
/// `TrainConfig` from.
#[wasm_bindgen(js_name = defaultTrainConfig, unchecked_return_type = "TrainConfig")]
pub fn default_train_config() -> Result<JsValue, JsValue> {
    api_js(DefaultTrainConfig {}.run())
}

enum Source {
    Builtin(&'static Triager),
    Trained(Box<Triager>),
}

/// A triage model: the built-in one, or one a service trained on its own
/// labelled history and stored as bytes. Its labels are the nine category
/// names.
#[wasm_bindgen]
pub struct TriageModel {
    source: Source,
}

impl std::fmt::Debug for TriageModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TriageModel")
            .field("builtin", &matches!(self.source, Source::Builtin(_)))
            .field("labels", &self.triager().model().labels().len())
            .finish()
    }
}

impl TriageModel {
    fn triager(&self) -> &Triager {
        match &self.source {
            Source::Builtin(t) => t,
            Source::Trained(t) => t,
        }
    }

    fn trained(triager: Triager) -> TriageModel {
        TriageModel {
            source: Source::Trained(Box::new(triager)),
        }
    }
}

#[wasm_bindgen]
impl TriageModel {
    /// The built-in model (trained from the compiled-in corpus on first use).
    pub fn builtin() -> Result<TriageModel, JsValue> {
        Ok(TriageModel {
            source: Source::Builtin(api(walletcare_api::triage::builtin())?),
        })
    }

    /// Loads a model from the bytes `toBytes` wrote (a `Uint8Array`, at most
    /// 64 MiB). Throws `triage.invalid_model` for bytes that are malformed,
    /// truncated, corrupted or of another version, or whose labels are not
    /// the category names.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    ) -> Result<TriageModel, JsValue> {
        let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() else {
            return Err(crate::convert::invalid("bytes must be a Uint8Array"));
        };
        let len = usize::try_from(array.length()).unwrap_or(usize::MAX);
        if len > MAX_BYTES_INPUT {
            return Err(js_error(
                ErrorCode::InputTooLarge,
                &format!("the model is {len} bytes; the limit is {MAX_BYTES_INPUT}"),
            ));
        }
        let triager = api(walletcare_api::triage::load(&array.to_vec()))?;
        Ok(TriageModel::trained(triager))
    }

    /// Trains a model on labelled examples: `[text, category]` pairs, or CSV
    /// text with a header `text,label`. Uses the built-in model's settings
    /// unless a full training `config` is given. Deterministic: the same
    /// examples give the same bytes. Throws `triage.invalid_training_data`,
    /// `triage.invalid_csv`, or `triage.invalid_model` for labels that are
    /// not category names.
    pub fn train(
        #[wasm_bindgen(unchecked_param_type = "TrainingExample[] | string")] examples: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TrainConfig")] config: Option<JsValue>,
    ) -> Result<TriageModel, JsValue> {
        let examples = if examples.is_string() {
            Examples::Csv(string_arg(&examples, "examples")?)
        } else {
            Examples::Pairs(from_js(&examples, "examples")?)
        };
        let config = match config {
            Some(c) if !c.is_undefined() && !c.is_null() => Some(from_js(&c, "config")?),
            _ => None,
        };
        let triager = api(Train { examples, config }.model())?;
        Ok(TriageModel::trained(triager))
    }

    /// Whether this is the built-in model.
    #[wasm_bindgen(getter, js_name = isBuiltin)]
    #[must_use]
    pub fn is_builtin(&self) -> bool {
        matches!(self.source, Source::Builtin(_))
    }

    /// The model's labels (category names), in its order.
    #[wasm_bindgen(getter, unchecked_return_type = "Category[]")]
    #[must_use]
    pub fn labels(&self) -> JsValue {
        string_array(self.triager().model().labels())
    }

    /// The number of feature rows the model keeps.
    #[wasm_bindgen(getter, js_name = featureCount)]
    #[must_use]
    pub fn feature_count(&self) -> u32 {
        u32::try_from(self.triager().model().feature_count()).unwrap_or(u32::MAX)
    }

    /// The model as bytes (versioned, checksummed), for `fromBytes`.
    #[wasm_bindgen(js_name = toBytes)]
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.triager().model().to_bytes()
    }

    /// The category this model gives a message, without the rest of the
    /// triage (see `classify`).
    #[wasm_bindgen(js_name = classify, unchecked_return_type = "Classification")]
    pub fn classify_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = string_arg(&text, "text")?;
        to_js(&Classify { text }.run_with(self.triager()))
    }

    /// Triages one message with this model (see `triage`).
    #[wasm_bindgen(js_name = triage, unchecked_return_type = "Triage")]
    pub fn triage_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TriageOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        to_js(&triage_input(&text, options.as_ref())?.run_with(self.triager()))
    }
}
