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
/** Options of {@link triage} and {@link TriageModel.triage}. */
export interface TriageOptions {
  channel?: Channel;
}
/** A labelled training example: the text and its category name. */
export type TrainingExample = [text: string, label: Category];"#;

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
    /// The built-in model (the prepared model shipped in the package, decoded on first use).
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
        let triager = api(Train {
            examples,
            config,
            labels: None,
            triage: Vec::new(),
        }
        .model())?;
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
