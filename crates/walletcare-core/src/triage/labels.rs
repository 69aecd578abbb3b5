//! Company taxonomies: a label map from a company model's own labels to the
//! nine [`Category`] values, so a model trained on any label set drives the
//! full triage (priority, SLA and routing rules by category, the information
//! support needs, the self-service answer).
//!
//! The JSON form is documented on [`LabelMap`].
//!
//! Every label of the model must be in the map and every key of the map must
//! be a label of the model ([`Triager::with_labels`](super::Triager::with_labels)
//! says which is not); a category that is not one of the nine is refused as
//! the map is read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::TriageError;
use super::answers::InfoField;
use crate::locale::Locale;
use crate::ticket::{Category, Priority};

/// The longest label, title or step kept in an error message.
const SHOWN: usize = 64;

fn shown(s: &str) -> String {
    s.chars().take(SHOWN).collect()
}

/// A self-service answer in one locale.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::LabelAnswerText;
///
/// let a: LabelAnswerText = serde_json::from_str(r#"{"title":"PayLater","steps":["Open PayLater."]}"#)?;
/// assert_eq!(a.steps.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LabelAnswerText {
    /// The title.
    pub title: String,
    /// The steps, in order (at least one).
    pub steps: Vec<String>,
}

/// A label's own self-service answer in the three locales.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::triage::LabelAnswer;
///
/// let a: LabelAnswer = serde_json::from_str(r#"{
///   "en": {"title": "PayLater", "steps": ["Open PayLater."]},
///   "id-ID": {"title": "PayLater", "steps": ["Buka PayLater."]},
///   "zh-CN": {"title": "先享后付", "steps": ["打开先享后付。"]}}"#)?;
/// assert_eq!(a.get(Locale::Id).steps[0], "Buka PayLater.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LabelAnswer {
    /// English.
    pub en: LabelAnswerText,
    /// Indonesian.
    #[serde(rename = "id-ID")]
    pub id: LabelAnswerText,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    pub zh: LabelAnswerText,
}

impl LabelAnswer {
    /// The answer in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::triage::{LabelAnswer, LabelAnswerText};
    ///
    /// let t = |s: &str| LabelAnswerText { title: s.into(), steps: vec![s.into()] };
    /// let a = LabelAnswer { en: t("a"), id: t("b"), zh: t("c") };
    /// assert_eq!(a.get(Locale::ZhCn).title, "c");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, locale: Locale) -> &LabelAnswerText {
        match locale {
            Locale::En => &self.en,
            Locale::Id => &self.id,
            Locale::ZhCn => &self.zh,
        }
    }
}

/// What a company label means for triage.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{Category, Priority};
/// use walletcare_core::triage::LabelMap;
///
/// let map = LabelMap::from_json(r#"{"KYC_upgrade": {"category": "general_inquiry", "priority_floor": "normal"}}"#)?;
/// let entry = map.get("KYC_upgrade").unwrap();
/// assert_eq!(entry.category, Category::GeneralInquiry);
/// assert_eq!(entry.priority_floor, Some(Priority::Normal));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LabelEntry {
    /// The category for SLA, routing and priority rules.
    pub category: Category,
    /// The lowest priority this label is triaged with.
    pub priority_floor: Option<Priority>,
    /// The information support needs (the category's when `None`).
    pub needed_info: Option<Vec<InfoField>>,
    /// The label's own self-service answer (the category's when `None`).
    pub answer: Option<LabelAnswer>,
}

impl LabelEntry {
    /// The entry of a label that is a category: the category's own rules.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::ticket::Category;
    /// use walletcare_core::triage::LabelEntry;
    /// assert!(LabelEntry::of(Category::Refund).answer.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of(category: Category) -> LabelEntry {
        LabelEntry {
            category,
            priority_floor: None,
            needed_info: None,
            answer: None,
        }
    }
}

/// A map from a company model's labels to categories and what support needs
/// for each. Validated as it is read: every category is one of the nine,
/// answers have all three locales with a title and a step.
///
/// # JSON form
///
/// One object whose keys are the model's labels. Each value is either a
/// category name (`"refund"`) or an object:
///
/// | member | required | meaning |
/// |---|---|---|
/// | `category` | yes | one of `account_access`, `account_security`, `payment_failure`, `refund`, `bank_card`, `technical`, `complaint`, `feedback`, `general_inquiry` |
/// | `priority_floor` | no | `low`, `normal`, `high` or `urgent`: the triage never gives this label a lower priority |
/// | `needed_info` | no | the information support needs, in order (`order_number`, `transaction_id`, `payment_time`, `incident_time`, `amount`, `payment_method`, `registered_phone`, `error_message`, `device_model`, `app_version`, `bank_name`, `card_last_digits`, `ticket_number`); the category's list when absent, none when `[]` |
/// | `answer` | no | the label's own self-service answer: `{"en": {"title", "steps"}, "id-ID": {...}, "zh-CN": {...}}`, all three locales, each with a title and at least one step; the category's answer when absent |
///
/// ```json
/// {
///   "Refund_not_showing_up": {"category": "refund", "priority_floor": "high",
///     "needed_info": ["order_number", "amount"],
///     "answer": {"en": {"title": "Refund not showing", "steps": ["Refunds take up to 3 business days."]},
///                "id-ID": {"title": "Refund belum masuk", "steps": ["Refund masuk paling lambat 3 hari kerja."]},
///                "zh-CN": {"title": "退款未到账", "steps": ["退款最多需要 3 个工作日。"]}}},
///   "PayLater_question": "general_inquiry"
/// }
/// ```
///
/// # Examples
///
/// ```
/// use walletcare_core::error::{ErrorCode, HasErrorCode};
/// use walletcare_core::triage::LabelMap;
///
/// let map = LabelMap::from_json(r#"{"PayLater": "general_inquiry", "Refund_not_showing_up": "refund"}"#)?;
/// assert_eq!(map.labels().collect::<Vec<_>>(), ["PayLater", "Refund_not_showing_up"]);
/// let err = LabelMap::from_json(r#"{"PayLater": "loans"}"#).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::TriageUnknownCategory);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(try_from = "serde_json::Value", into = "BTreeMap<String, EntryWire>")]
#[cfg_attr(
    feature = "typescript",
    ts(as = "BTreeMap<String, LabelMapEntryInput>")
)]
pub struct LabelMap {
    entries: BTreeMap<String, LabelEntry>,
}

/// A label map entry as written: a category name or an object.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::LabelMapEntryInput;
///
/// let e: LabelMapEntryInput = serde_json::from_str(r#""refund""#)?;
/// assert!(matches!(e, LabelMapEntryInput::Category(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged, deny_unknown_fields)]
pub enum LabelMapEntryInput {
    /// Just the category name.
    Category(String),
    /// The category and optional details.
    Full {
        /// The category name.
        category: String,
        /// `low`, `normal`, `high` or `urgent`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        priority_floor: Option<Priority>,
        /// Information field names.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        needed_info: Option<Vec<InfoField>>,
        /// The answer in the three locales.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answer: Option<LabelAnswer>,
    },
}

type EntryWire = LabelMapEntryInput;

impl TryFrom<serde_json::Value> for LabelMap {
    type Error = crate::error::Coded<TriageError>;
    fn try_from(value: serde_json::Value) -> Result<Self, Self::Error> {
        LabelMap::from_value(value).map_err(crate::error::Coded)
    }
}

impl From<LabelMap> for BTreeMap<String, EntryWire> {
    fn from(map: LabelMap) -> Self {
        map.entries
            .into_iter()
            .map(|(label, e)| {
                (
                    label,
                    EntryWire::Full {
                        category: e.category.as_str().to_owned(),
                        priority_floor: e.priority_floor,
                        needed_info: e.needed_info,
                        answer: e.answer,
                    },
                )
            })
            .collect()
    }
}

impl LabelMap {
    /// Reads a label map from its JSON form.
    ///
    /// # Errors
    ///
    /// [`TriageError::UnknownCategory`] for a category that is not one of
    /// the nine, [`TriageError::InvalidLabelMap`] for anything else wrong
    /// (not JSON, not an object, an unknown member, a bad priority or
    /// information field, an answer missing a locale, title or step, an
    /// empty map).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::error::{ErrorCode, HasErrorCode};
    /// use walletcare_core::triage::LabelMap;
    ///
    /// let err = LabelMap::from_json(r#"{"A": {"category": "refund", "priority_floor": "asap"}}"#).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::TriageInvalidLabelMap);
    /// assert!(err.to_string().contains("\"A\""), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<LabelMap, TriageError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            TriageError::InvalidLabelMap(format!(
                "the label map is not valid JSON (line {}, column {})",
                e.line(),
                e.column()
            ))
        })?;
        LabelMap::from_value(value)
    }

    /// Reads a label map from a parsed JSON value (as [`LabelMap::from_json`]).
    fn from_value(value: serde_json::Value) -> Result<LabelMap, TriageError> {
        let serde_json::Value::Object(object) = value else {
            return Err(TriageError::InvalidLabelMap(
                "the label map must be a JSON object from each model label to a category or {\"category\", ...}"
                    .to_owned(),
            ));
        };
        let mut wire = BTreeMap::new();
        for (label, entry) in object {
            let parsed = serde_json::from_value::<EntryWire>(entry.clone())
                .map_err(|_| TriageError::InvalidLabelMap(entry_problem(&label, &entry)))?;
            wire.insert(label, parsed);
        }
        LabelMap::from_entries(wire)
    }

    fn from_entries(wire: BTreeMap<String, EntryWire>) -> Result<LabelMap, TriageError> {
        if wire.is_empty() {
            return Err(TriageError::InvalidLabelMap(
                "the label map is empty: map each model label to a category".to_owned(),
            ));
        }
        let mut entries = BTreeMap::new();
        for (label, entry) in wire {
            let (category, priority_floor, needed_info, answer) = match entry {
                EntryWire::Category(c) => (c, None, None, None),
                EntryWire::Full {
                    category,
                    priority_floor,
                    needed_info,
                    answer,
                } => (category, priority_floor, needed_info, answer),
            };
            let category =
                category
                    .trim()
                    .parse::<Category>()
                    .map_err(|_| TriageError::UnknownCategory {
                        label: shown(&label),
                        category: shown(&category),
                    })?;
            if let Some(answer) = &answer {
                for (locale, text) in Locale::ALL.iter().map(|&l| (l, answer.get(l))) {
                    if text.title.trim().is_empty()
                        || text.steps.is_empty()
                        || text.steps.iter().any(|s| s.trim().is_empty())
                    {
                        return Err(TriageError::InvalidLabelMap(format!(
                            "label {:?}: the {} answer needs a title and at least one non-empty step",
                            shown(&label),
                            locale.as_str()
                        )));
                    }
                }
            }
            if let Some(fields) = &needed_info {
                let mut seen = fields.clone();
                seen.sort_unstable();
                seen.dedup();
                if seen.len() != fields.len() {
                    return Err(TriageError::InvalidLabelMap(format!(
                        "label {:?}: needed_info lists a field twice",
                        shown(&label)
                    )));
                }
            }
            entries.insert(
                label,
                LabelEntry {
                    category,
                    priority_floor,
                    needed_info,
                    answer,
                },
            );
        }
        Ok(LabelMap { entries })
    }

    /// The identity map of the nine categories: what a model whose labels
    /// are category names uses.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::LabelMap;
    /// assert_eq!(LabelMap::categories().labels().count(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn categories() -> LabelMap {
        LabelMap {
            entries: Category::ALL
                .iter()
                .map(|&c| (c.as_str().to_owned(), LabelEntry::of(c)))
                .collect(),
        }
    }

    /// The entry of `label`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::LabelMap;
    /// let map = LabelMap::from_json(r#"{"PayLater": "general_inquiry"}"#)?;
    /// assert!(map.get("PayLater").is_some());
    /// assert!(map.get("paylater").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, label: &str) -> Option<&LabelEntry> {
        self.entries.get(label)
    }

    /// The labels the map names, in sorted order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::LabelMap;
    /// let map = LabelMap::from_json(r#"{"b": "refund", "a": "technical"}"#)?;
    /// assert_eq!(map.labels().collect::<Vec<_>>(), ["a", "b"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The entries for `model_labels`, in their order.
    ///
    /// # Errors
    ///
    /// [`TriageError::UnknownLabel`] for a map key that is not a model
    /// label, [`TriageError::UnmappedLabel`] for a model label the map does
    /// not name.
    pub(crate) fn resolve(&self, model_labels: &[String]) -> Result<Vec<LabelEntry>, TriageError> {
        if let Some(extra) = self.labels().find(|l| !model_labels.iter().any(|m| m == l)) {
            return Err(TriageError::UnknownLabel {
                label: shown(extra),
                known: model_labels
                    .iter()
                    .take(12)
                    .map(|l| shown(l))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        model_labels
            .iter()
            .map(|l| {
                self.get(l)
                    .cloned()
                    .ok_or_else(|| TriageError::UnmappedLabel(shown(l)))
            })
            .collect()
    }
}

/// A person-readable reason why one entry of a label map does not parse.
fn entry_problem(label: &str, entry: &serde_json::Value) -> String {
    let label = shown(label);
    let Some(object) = entry.as_object() else {
        return format!("label {label:?}: expected a category name or an object with \"category\"");
    };
    const MEMBERS: [&str; 4] = ["category", "priority_floor", "needed_info", "answer"];
    if let Some(unknown) = object.keys().find(|k| !MEMBERS.contains(&k.as_str())) {
        return format!(
            "label {label:?}: unknown member {:?}; expected category, priority_floor, needed_info or answer",
            shown(unknown)
        );
    }
    if !object
        .get("category")
        .is_some_and(serde_json::Value::is_string)
    {
        return format!("label {label:?}: \"category\" (a category name) is required");
    }
    if let Some(p) = object.get("priority_floor") {
        if serde_json::from_value::<Priority>(p.clone()).is_err() {
            return format!(
                "label {label:?}: priority_floor must be low, normal, high or urgent, not {p}"
            );
        }
    }
    if let Some(fields) = object.get("needed_info") {
        if serde_json::from_value::<Vec<InfoField>>(fields.clone()).is_err() {
            return format!(
                "label {label:?}: needed_info must be a list of information fields such as \"order_number\" or \"amount\""
            );
        }
    }
    format!(
        "label {label:?}: answer must have \"en\", \"id-ID\" and \"zh-CN\", each {{\"title\": text, \"steps\": [text, ...]}}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, HasErrorCode};

    #[test]
    fn each_kind_of_bad_map_has_its_code_and_names_the_label() {
        for (json, code, needle) in [
            ("[1]", ErrorCode::TriageInvalidLabelMap, "JSON object"),
            ("{", ErrorCode::TriageInvalidLabelMap, "line 1"),
            ("{}", ErrorCode::TriageInvalidLabelMap, "empty"),
            (r#"{"X": 3}"#, ErrorCode::TriageInvalidLabelMap, "\"X\""),
            (
                r#"{"X": {"category": "refund", "sla": 1}}"#,
                ErrorCode::TriageInvalidLabelMap,
                "\"sla\"",
            ),
            (
                r#"{"X": {"category": "refund", "needed_info": ["shoe_size"]}}"#,
                ErrorCode::TriageInvalidLabelMap,
                "needed_info",
            ),
            (
                r#"{"X": {"category": "refund", "answer": {"en": {"title": "t", "steps": ["s"]}}}}"#,
                ErrorCode::TriageInvalidLabelMap,
                "zh-CN",
            ),
            (
                r#"{"X": {"category": "refund", "needed_info": ["amount", "amount"]}}"#,
                ErrorCode::TriageInvalidLabelMap,
                "twice",
            ),
            (
                r#"{"X": "loans"}"#,
                ErrorCode::TriageUnknownCategory,
                "\"loans\"",
            ),
        ] {
            let err = LabelMap::from_json(json).unwrap_err();
            assert_eq!(err.code(), code, "{json}: {err}");
            assert!(err.to_string().contains(needle), "{json}: {err}");
        }
    }

    #[test]
    fn resolving_checks_both_directions() {
        let map = LabelMap::from_json(r#"{"a": "refund", "b": "technical"}"#).unwrap();
        let labels = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let entries = map.resolve(&labels(&["b", "a"])).unwrap();
        assert_eq!(entries[0].category, Category::Technical);
        let err = map.resolve(&labels(&["a"])).unwrap_err();
        assert_eq!(err.code(), ErrorCode::TriageUnknownLabel);
        let err = map.resolve(&labels(&["a", "b", "c"])).unwrap_err();
        assert_eq!(err.code(), ErrorCode::TriageUnmappedLabel);
        assert!(err.to_string().contains("\"c\""));
    }

    #[test]
    fn json_round_trips_through_serde() {
        let map = LabelMap::from_json(
            r#"{"a": {"category": "refund", "priority_floor": "high", "needed_info": []}}"#,
        )
        .unwrap();
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(serde_json::from_str::<LabelMap>(&json).unwrap(), map);
        let err = serde_json::from_str::<LabelMap>(r#"{"a": "loans"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with("triage.unknown_category"),
            "{err}"
        );
    }
}
