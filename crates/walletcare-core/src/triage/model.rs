//! A trained linear text classifier: scoring and its binary format.
//!
//! # Scoring
//!
//! A text's feature ids ([`FeatureConfig::feature_ids`], buckets of a
//! `2^bits` hash space) select rows of weights; features never seen in
//! training have none and are ignored. With `tf` the count of a known feature in the text and `idf` its
//! smoothed inverse document frequency from training, the feature vector is
//!
//! ```text
//! x_f = tf_f · idf_f / sqrt(Σ_g tf_g · idf_g²)
//! ```
//!
//! (for the short texts of support tickets almost every `tf` is 1 and this is
//! the usual L2-normalised TF-IDF vector; the form lets scoring run in one pass
//! over the features with no deduplication). Each class scores
//! `Σ_f x_f · w_fc + b_c`. The weights are stored `idf`-folded and quantised
//! to `i8`, one row of all classes per feature (`[feature][class]`, with the
//! feature's `idf²` at the end of the row), found through a `2^bits` index
//! of buckets and packed most frequent first, so the rows most texts touch
//! stay in cache; a feature costs two memory accesses and one contiguous row
//! add into `i32` accumulators; integer sums are exact, and the few floating-point steps use
//! a fixed order and no libm function, so scores are bit-identical on every
//! platform.
//!
//! # Binary format (version 1, little-endian)
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `WCTRIAGE` |
//! | 2 | version (1) |
//! | 7 | feature config: `word_ngrams`, `char_min`, `char_max`, `cjk_min`, `cjk_max`, `word_pairs`, `bits` |
//! | 4 | class count `K` (2..=65535) |
//! | 4 | feature row count `R` |
//! | 4 | confidence scale (f32) |
//! | K × (2 + n) | labels: byte length (u16, 1..=1024) then UTF-8 |
//! | 4 K | per-class dequantisation scale (f32) |
//! | 4 K | per-class bias (f32) |
//! | 4 R | feature ids (u32), strictly increasing, below `2^bits` |
//! | 4 R | `idf²` per feature (f32) |
//! | K R | weights (i8 in -127..=127), row by row |
//! | 8 | FNV-1a 64 checksum of everything before |
//!
//! # Compact format (version 2, little-endian)
//!
//! What [`Model::to_compact_bytes`] writes and the built-in model ships as:
//! the same model in about two thirds of the bytes, decoded without
//! sorting or per-row allocation. The header (magic, version 2, feature
//! config, `K`, `R`, confidence scale), labels, scales and biases are as in
//! version 1; then the rows are stored in their in-memory order (ascending
//! `idf²`, then ascending feature id), grouped by their `idf²` (a corpus has
//! only a few hundred distinct values):
//!
//! | bytes | content |
//! |---|---|
//! | 4 | distinct `idf²` count `D` |
//! | 4 D | the distinct `idf²` values (f32), strictly increasing |
//! | varints | per value: its row count, then its feature ids, the first as is and each next one as its (positive) difference to the previous one (unsigned LEB128, at most 5 bytes) |
//! | K R | weights (i8 in -127..=127), row by row in that order |
//! | 8 | checksum of everything before: FNV-1a 64 over little-endian 64-bit words (the last one zero-padded), seeded with the length, with an xor-shift after each multiply |

use serde::Serialize;

use super::TriageError;
use super::features::{FeatureConfig, extract};
use super::math;

/// Magic bytes at the start of every model.
const MAGIC: &[u8; 8] = b"WCTRIAGE";
/// The format version [`Model::to_bytes`] writes.
const VERSION: u16 = 1;
/// The compact format version [`Model::to_compact_bytes`] writes.
const VERSION_COMPACT: u16 = 2;
/// Longest label, in bytes.
pub(crate) const MAX_LABEL_BYTES: usize = 1024;
/// Most classes a model may have.
pub(crate) const MAX_CLASSES: usize = 65_535;
/// A trained linear classifier over hashed text features, with its own string
/// labels. Train one with [`crate::triage::train`]; store it with
/// [`Model::to_bytes`] and load it with [`Model::from_bytes`].
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{Model, TrainConfig, train};
///
/// let examples = [
///     ("my card was declined", "payment"),
///     ("payment failed at checkout", "payment"),
///     ("I forgot my password", "login"),
///     ("cannot log in to my account", "login"),
/// ];
/// let model = train(examples, &TrainConfig::default())?;
/// assert_eq!(model.classify("password reset please").label, "login");
///
/// let bytes = model.to_bytes();
/// let loaded = Model::from_bytes(&bytes)?;
/// assert_eq!(loaded, model);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Model {
    labels: Vec<String>,
    features: FeatureConfig,
    confidence_scale: f32,
    scales: Vec<f32>,
    bias: Vec<f32>,
    /// Bytes per feature row: the class weights (i8), padding, then `idf²`
    /// (f32, little-endian) in the last 4 bytes.
    stride: usize,
    /// One entry per bucket (`2^bits`): 0 for a feature never seen in
    /// training, else 1 + its row.
    index: Vec<u32>,
    /// The rows of the present features, the most frequent (lowest `idf`)
    /// first, so the rows most texts touch share a few cache lines.
    rows: Vec<u8>,
}

impl PartialEq for Model {
    /// Models are equal when their bytes are: same labels, configuration and
    /// weights, however the rows are laid out in memory.
    fn eq(&self, other: &Model) -> bool {
        self.to_bytes() == other.to_bytes()
    }
}

/// The best label for a text, from [`Model::classify`].
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{TrainConfig, train};
///
/// let model = train([("refund", "refund"), ("login", "access")], &TrainConfig::default())?;
/// let best = model.classify("refund please");
/// assert_eq!((best.label, best.index), ("refund", 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Classification<'a> {
    /// The label.
    pub label: &'a str,
    /// Its position in [`Model::labels`].
    pub index: usize,
    /// Its score (the linear decision value).
    pub score: f64,
}

/// One label with its score and probability, in a [`Prediction`].
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{TrainConfig, train};
///
/// let model = train([("refund", "refund"), ("login", "access")], &TrainConfig::default())?;
/// let top = &model.predict("refund").ranked[0];
/// assert_eq!(top.label, "refund");
/// assert!(top.probability > 0.5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LabelScore<'a> {
    /// The label.
    pub label: &'a str,
    /// Its position in [`Model::labels`].
    pub index: usize,
    /// The linear decision value.
    pub score: f64,
    /// The softmax of the scaled scores: the model's confidence.
    pub probability: f64,
}

/// Every label ranked for a text, from [`Model::predict`].
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{TrainConfig, train};
///
/// let model = train([("refund", "refund"), ("login", "access")], &TrainConfig::default())?;
/// let prediction = model.predict("login");
/// assert_eq!(prediction.ranked.len(), 2);
/// assert_eq!(prediction.ranked[0].label, "access");
/// // "login" and its 3- to 5-grams of " login ": 1 + 5 + 4 + 3.
/// assert_eq!(prediction.known_features, 13);
/// assert!(model.predict("zzz").known_features == 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Prediction<'a> {
    /// All labels, best first (ties: the earlier label first).
    pub ranked: Vec<LabelScore<'a>>,
    /// How many feature occurrences of the text the model knew. Zero means
    /// the text shares nothing with the training data and the ranking only
    /// reflects the biases.
    pub known_features: usize,
}

impl Model {
    /// Builds a model from its parts; `weights` is row-major `[row][class]`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_parts(
        labels: Vec<String>,
        features: FeatureConfig,
        confidence_scale: f32,
        scales: Vec<f32>,
        bias: Vec<f32>,
        keys: Vec<u32>,
        idf_sq: Vec<f32>,
        weights: Vec<i8>,
    ) -> Result<Model, TriageError> {
        let invalid = |reason: String| Err(TriageError::InvalidModel(reason));
        let k = labels.len();
        check_head(&labels, &features, confidence_scale, &scales, &bias)?;
        let rows = keys.len();
        if idf_sq.len() != rows || Some(weights.len()) != rows.checked_mul(k) {
            return invalid("feature rows do not match their weights".to_owned());
        }
        if u32::try_from(rows).is_err() || rows > (1 << 30) {
            return invalid(format!("{rows} feature rows is too many"));
        }
        if let Some(pair) = keys.windows(2).find(|w| w.first() >= w.get(1)) {
            return invalid(format!(
                "feature ids are not strictly increasing at {pair:?}"
            ));
        }
        if let Some(v) = idf_sq.iter().find(|v| !(v.is_finite() && **v > 0.0)) {
            return invalid(format!("idf² {v} is not a finite positive number"));
        }
        if weights.contains(&i8::MIN) {
            return invalid("a weight is -128; weights are -127..=127".to_owned());
        }
        let buckets = 1usize << features.bits;
        if let Some(key) = keys.last().filter(|&&key| key as usize >= buckets) {
            return invalid(format!("feature id {key} is outside the {buckets} buckets"));
        }
        let stride = (k + 4).div_ceil(4) * 4;
        let row_of = |i: usize| -> Vec<u8> {
            let mut row = vec![0u8; stride];
            for (slot, w) in row.iter_mut().zip(weights.iter().skip(i * k).take(k)) {
                *slot = w.to_le_bytes()[0];
            }
            if let (Some(tail), Some(v)) = (row.last_chunk_mut::<4>(), idf_sq.get(i)) {
                *tail = v.to_le_bytes();
            }
            row
        };
        // Hottest rows first: ascending idf² (descending document
        // frequency), ties by key.
        let mut order: Vec<usize> = (0..rows).collect();
        order.sort_by(|&a, &b| {
            let ia = idf_sq.get(a).copied().unwrap_or(0.0);
            let ib = idf_sq.get(b).copied().unwrap_or(0.0);
            ia.total_cmp(&ib).then(a.cmp(&b))
        });
        let mut index = vec![0u32; buckets];
        let mut packed = Vec::with_capacity(rows.saturating_mul(stride));
        for (row, &i) in order.iter().enumerate() {
            if let (Some(&key), Ok(entry)) = (keys.get(i), u32::try_from(row + 1)) {
                if let Some(slot) = index.get_mut(key as usize) {
                    *slot = entry;
                }
            }
            packed.extend(row_of(i));
        }
        Ok(Model {
            labels,
            features,
            confidence_scale,
            scales,
            bias,
            stride,
            index,
            rows: packed,
        })
    }

    /// The labels, in the order of class indices.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{TrainConfig, train};
    ///
    /// let model = train([("b text", "b"), ("a text", "a")], &TrainConfig::default())?;
    /// assert_eq!(model.labels(), ["a", "b"]); // sorted
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The feature configuration the model was trained with.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{FeatureConfig, TrainConfig, train};
    ///
    /// let model = train([("x", "a"), ("y", "b")], &TrainConfig::default())?;
    /// assert_eq!(*model.features(), FeatureConfig::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn features(&self) -> &FeatureConfig {
        &self.features
    }

    /// How many distinct features the model has weights for.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{TrainConfig, train};
    ///
    /// let model = train([("ab", "a"), ("ab", "b")], &TrainConfig::default())?;
    /// // "ab": the word and the n-grams " ab", "ab ", " ab ".
    /// assert_eq!(model.feature_count(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn feature_count(&self) -> usize {
        self.rows.len() / self.stride.max(1)
    }

    /// The row of a feature id, if the feature was seen in training.
    #[inline]
    fn row(&self, id: u32) -> Option<&[u8]> {
        self.row_at(*self.index.get(id as usize)?)
    }

    /// The row of an index entry (0: no row).
    #[inline]
    fn row_at(&self, entry: u32) -> Option<&[u8]> {
        let start = (entry as usize).checked_sub(1)?.wrapping_mul(self.stride);
        self.rows.get(start..start.wrapping_add(self.stride))
    }

    /// Calls `f` with each present feature id and its row, in id order.
    fn for_each_row(&self, mut f: impl FnMut(u32, &[u8])) {
        for (key, _) in self.index.iter().enumerate().filter(|(_, e)| **e != 0) {
            let key = u32::try_from(key).unwrap_or(u32::MAX);
            if let Some(row) = self.row(key) {
                f(key, row);
            }
        }
    }

    /// Adds the rows of the text's known features into `acc` (length `K`);
    /// returns `Σ idf²` over them and their count.
    ///
    /// Rows are summed into `i16` lanes (half the work of widening to `i32`)
    /// and flushed into `acc` every [`FLUSH_EVERY`] features, before any lane
    /// could overflow (`256 · 127 < 2^15`).
    ///
    /// It runs in three passes: the text's feature ids, then their index
    /// entries, then their rows. Each pass's memory reads are independent of
    /// each other, so the processor has many cache misses in flight at once
    /// on a model larger than its caches; the sums are in feature order, as
    /// one pass would make them.
    fn accumulate(
        &self,
        text: &str,
        scratch: &mut Vec<char>,
        acc: &mut [i32],
        lanes: &mut [i16],
    ) -> (f64, usize) {
        let mut entries: Vec<u32> = Vec::with_capacity(text.len().min(64) * 4);
        extract(text, &self.features, scratch, |id, _| entries.push(id));
        for entry in &mut entries {
            *entry = self.index.get(*entry as usize).copied().unwrap_or(0);
        }
        let mut norm_sq = 0.0_f64;
        let mut known = 0usize;
        let mut pending = 0usize;
        for &entry in &entries {
            if let Some(row) = self.row_at(entry) {
                for (l, &w) in lanes.iter_mut().zip(row) {
                    *l += i16::from(w as i8);
                }
                norm_sq += f64::from(row_idf_sq(row));
                known += 1;
                pending += 1;
                if pending == FLUSH_EVERY {
                    flush(lanes, acc);
                    pending = 0;
                }
            }
        }
        flush(lanes, acc);
        (norm_sq, known)
    }

    /// Scores of every class for `text`, in label order, and the number of
    /// known feature occurrences.
    fn scores_into(&self, text: &str, scores: &mut Vec<f64>) -> usize {
        let k = self.labels.len();
        // Small class counts (the usual case) need no allocation for the
        // accumulators.
        let mut acc_stack = [0_i32; STACK_CLASSES];
        let mut lanes_stack = [0_i16; STACK_CLASSES];
        let (mut acc_heap, mut lanes_heap) = (Vec::new(), Vec::new());
        let (acc, lanes) = match (acc_stack.get_mut(..k), lanes_stack.get_mut(..k)) {
            (Some(a), Some(l)) => (a, l),
            _ => {
                acc_heap.resize(k, 0_i32);
                lanes_heap.resize(k, 0_i16);
                (&mut acc_heap[..], &mut lanes_heap[..])
            }
        };
        let mut scratch = Vec::with_capacity(text.len().min(super::MAX_INPUT_BYTES));
        let (norm_sq, known) = self.accumulate(text, &mut scratch, acc, lanes);
        let inv_norm = if norm_sq > 0.0 {
            1.0 / norm_sq.sqrt()
        } else {
            0.0
        };
        scores.clear();
        scores.extend(
            acc.iter()
                .zip(&self.scales)
                .zip(&self.bias)
                .map(|((&a, &s), &b)| f64::from(a) * f64::from(s) * inv_norm + f64::from(b)),
        );
        known
    }

    /// The best label for `text` (ties: the earlier label). The fast path:
    /// no ranking, no probabilities.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{TrainConfig, train};
    ///
    /// let model = train(
    ///     [("top up failed", "payment"), ("forgot my PIN", "access")],
    ///     &TrainConfig::default(),
    /// )?;
    /// assert_eq!(model.classify("my top up failed again").label, "payment");
    /// assert_eq!(model.classify("").index, model.classify("").index); // defined for any input
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn classify(&self, text: &str) -> Classification<'_> {
        let mut scores = Vec::with_capacity(self.labels.len());
        self.scores_into(text, &mut scores);
        let (index, score) = argmax(&scores);
        Classification {
            label: self.labels.get(index).map_or("", String::as_str),
            index,
            score,
        }
    }

    /// Every label ranked for `text`, with softmax probabilities
    /// (`softmax(confidence_scale · score)`, computed with a deterministic
    /// `exp`).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{TrainConfig, train};
    ///
    /// let model = train(
    ///     [("top up failed", "payment"), ("forgot my PIN", "access"), ("great app", "praise")],
    ///     &TrainConfig::default(),
    /// )?;
    /// let p = model.predict("forgot PIN");
    /// assert_eq!(p.ranked[0].label, "access");
    /// let total: f64 = p.ranked.iter().map(|s| s.probability).sum();
    /// assert!((total - 1.0).abs() < 1e-9);
    /// assert!(p.ranked.windows(2).all(|w| w[0].score >= w[1].score));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn predict(&self, text: &str) -> Prediction<'_> {
        let mut scores = Vec::with_capacity(self.labels.len());
        let known_features = self.scores_into(text, &mut scores);
        let probabilities = softmax(&scores, f64::from(self.confidence_scale));
        let mut ranked: Vec<LabelScore<'_>> = self
            .labels
            .iter()
            .zip(scores.iter().zip(probabilities))
            .enumerate()
            .map(|(index, (label, (&score, probability)))| LabelScore {
                label,
                index,
                score,
                probability,
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        Prediction {
            ranked,
            known_features,
        }
    }

    /// The model in the versioned binary format described in the module
    /// documentation (version 1, which every release reads).
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{TrainConfig, train};
    ///
    /// let model = train([("x", "a"), ("y", "b")], &TrainConfig::default())?;
    /// let bytes = model.to_bytes();
    /// assert_eq!(&bytes[..8], b"WCTRIAGE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let k = self.labels.len();
        let rows = self.feature_count();
        let mut out = Vec::with_capacity(40 + k * 16 + rows * (8 + k));
        self.write_head(&mut out, VERSION);
        self.for_each_row(|key, _| out.extend_from_slice(&key.to_le_bytes()));
        self.for_each_row(|_, row| out.extend_from_slice(&row_idf_sq(row).to_le_bytes()));
        self.for_each_row(|_, row| out.extend(row.iter().take(k)));
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// The model in the compact format (version 2, described in the module
    /// documentation): the same model as [`Model::to_bytes`] in fewer bytes,
    /// and faster to load. [`Model::from_bytes`] reads both; the built-in
    /// model ships in this format.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{Model, TrainConfig, train};
    ///
    /// let model = train(
    ///     [("refund my order", "refund"), ("forgot my PIN", "access")],
    ///     &TrainConfig::default(),
    /// )?;
    /// let compact = model.to_compact_bytes();
    /// assert!(compact.len() < model.to_bytes().len());
    /// assert_eq!(Model::from_bytes(&compact)?, model);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_compact_bytes(&self) -> Vec<u8> {
        let k = self.labels.len();
        let stride = self.stride.max(1);
        let rows = self.feature_count();
        let mut out = Vec::with_capacity(40 + k * 16 + rows * (2 + k));
        self.write_head(&mut out, VERSION_COMPACT);
        // The feature id of each row, in memory order.
        let mut keys = vec![0u32; rows];
        for (key, &entry) in self.index.iter().enumerate() {
            if let (Some(slot), Ok(key)) = (
                keys.get_mut((entry as usize).wrapping_sub(1)),
                u32::try_from(key),
            ) {
                *slot = key;
            }
        }
        // Rows are in ascending idf², then ascending id: group them by idf².
        let idf_sq: Vec<f32> = self.rows.chunks_exact(stride).map(row_idf_sq).collect();
        let mut groups: Vec<(f32, &[u32])> = Vec::new();
        let mut rest = &keys[..];
        let mut idfs = &idf_sq[..];
        while let Some(&first) = idfs.first() {
            let n = idfs
                .iter()
                .position(|v| v.to_bits() != first.to_bits())
                .unwrap_or(idfs.len());
            let (group, tail) = rest.split_at_checked(n).unwrap_or((rest, &[]));
            groups.push((first, group));
            rest = tail;
            idfs = idfs.get(n..).unwrap_or_default();
        }
        out.extend_from_slice(&u32::try_from(groups.len()).unwrap_or(0).to_le_bytes());
        for (value, _) in &groups {
            out.extend_from_slice(&value.to_le_bytes());
        }
        for (_, group) in &groups {
            push_varint(&mut out, u32::try_from(group.len()).unwrap_or(0));
            let mut previous = 0u32;
            for (i, &key) in group.iter().enumerate() {
                push_varint(&mut out, if i == 0 { key } else { key - previous });
                previous = key;
            }
        }
        for row in self.rows.chunks_exact(stride) {
            out.extend(row.iter().take(k));
        }
        let sum = word_checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Writes the magic, `version`, feature config, sizes, labels, scales
    /// and biases: the part both formats share.
    fn write_head(&self, out: &mut Vec<u8>, version: u16) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&version.to_le_bytes());
        let f = &self.features;
        out.extend_from_slice(&[
            f.word_ngrams,
            f.char_min,
            f.char_max,
            f.cjk_min,
            f.cjk_max,
            f.word_pairs,
            f.bits,
        ]);
        let k = self.labels.len();
        out.extend_from_slice(&u32::try_from(k).unwrap_or(0).to_le_bytes());
        let rows = self.feature_count();
        out.extend_from_slice(&u32::try_from(rows).unwrap_or(0).to_le_bytes());
        out.extend_from_slice(&self.confidence_scale.to_le_bytes());
        for label in &self.labels {
            out.extend_from_slice(&u16::try_from(label.len()).unwrap_or(0).to_le_bytes());
            out.extend_from_slice(label.as_bytes());
        }
        for s in &self.scales {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for b in &self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
    }

    /// Loads a model written by [`Model::to_bytes`] or
    /// [`Model::to_compact_bytes`], validating everything: magic, version,
    /// checksum, sizes (checked against the byte length before anything is
    /// allocated), labels, ranges and ordering.
    ///
    /// # Errors
    ///
    /// [`TriageError::InvalidModel`] saying what is wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::{Model, TrainConfig, train};
    ///
    /// let model = train([("x", "a"), ("y", "b")], &TrainConfig::default())?;
    /// let mut bytes = model.to_bytes();
    /// assert_eq!(Model::from_bytes(&bytes)?, model);
    /// assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    /// bytes[20] ^= 1;
    /// assert!(Model::from_bytes(&bytes).is_err());
    /// assert!(Model::from_bytes(b"not a model").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, TriageError> {
        let invalid = |reason: String| TriageError::InvalidModel(reason);
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(invalid(
                "not a walletcare triage model (bad magic bytes)".to_owned(),
            ));
        }
        let version = r.u16()?;
        if version != VERSION && version != VERSION_COMPACT {
            return Err(invalid(format!(
                "model format version {version} is not supported (this build reads {VERSION} and {VERSION_COMPACT})"
            )));
        }
        let (body, checksum) = bytes
            .split_last_chunk::<8>()
            .ok_or_else(|| invalid("truncated: no checksum".to_owned()))?;
        let sum = if version == VERSION {
            fnv1a(body)
        } else {
            word_checksum(body)
        };
        if sum != u64::from_le_bytes(*checksum) {
            return Err(invalid(
                "checksum mismatch: the model is corrupted or truncated".to_owned(),
            ));
        }
        let r = &mut Reader {
            bytes: body,
            pos: r.pos,
        };
        if version == VERSION_COMPACT {
            return Model::read_compact(r);
        }
        let head = read_head(r, 8)?;
        let rows = head.rows;
        let k = head.labels.len();
        let keys = (0..rows).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?;
        let idf_sq = (0..rows).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let weight_bytes = r.take(rows * k)?;
        let weights = weight_bytes
            .iter()
            .map(|&b| i8::from_le_bytes([b]))
            .collect();
        if r.remaining() != 0 {
            return Err(invalid(format!(
                "{} unexpected bytes after the weights",
                r.remaining()
            )));
        }
        Model::from_parts(
            head.labels,
            head.features,
            head.confidence_scale,
            head.scales,
            head.bias,
            keys,
            idf_sq,
            weights,
        )
    }

    /// Reads the rest of a compact model (after its version), straight into
    /// the in-memory layout: the rows are stored in memory order, so there
    /// is nothing to sort and one allocation per table.
    fn read_compact(r: &mut Reader<'_>) -> Result<Model, TriageError> {
        let invalid = |reason: String| Err(TriageError::InvalidModel(reason));
        let head = read_head(r, 1)?;
        check_head(
            &head.labels,
            &head.features,
            head.confidence_scale,
            &head.scales,
            &head.bias,
        )?;
        let rows = head.rows;
        let k = head.labels.len();
        if u32::try_from(rows).is_err() || rows > (1 << 30) {
            return invalid(format!("{rows} feature rows is too many"));
        }
        let distinct = r.u32()? as usize;
        // Every idf² value has at least one row.
        if distinct > rows || distinct.saturating_mul(4) > r.remaining() {
            return invalid(format!(
                "{distinct} idf² values for {rows} feature rows in {} bytes",
                r.remaining()
            ));
        }
        let values = (0..distinct)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(v) = values.iter().find(|v| !(v.is_finite() && **v > 0.0)) {
            return invalid(format!("idf² {v} is not a finite positive number"));
        }
        if let Some(pair) = values.windows(2).find(|w| w.first() >= w.get(1)) {
            return invalid(format!(
                "idf² values are not strictly increasing at {pair:?}"
            ));
        }
        let buckets = 1usize << head.features.bits;
        let mut index = vec![0u32; buckets];
        let mut counts = Vec::with_capacity(distinct);
        let mut row = 0u32;
        for _ in &values {
            let count = r.varint()?;
            if count == 0 || count as usize > rows - row as usize {
                return invalid(format!(
                    "an idf² group of {count} rows does not fit the {rows} rows"
                ));
            }
            counts.push(count as usize);
            let mut key = 0u32;
            for i in 0..count {
                let step = r.varint()?;
                if i > 0 && step == 0 {
                    return invalid(format!("feature id {key} is stored twice in a group"));
                }
                key = match key.checked_add(step) {
                    Some(next) if (next as usize) < buckets => next,
                    _ => {
                        return invalid(format!("a feature id is outside the {buckets} buckets"));
                    }
                };
                row += 1;
                match index.get_mut(key as usize) {
                    Some(slot) if *slot == 0 => *slot = row,
                    _ => return invalid(format!("feature id {key} has two rows")),
                }
            }
        }
        if row as usize != rows {
            return invalid(format!("{row} feature ids for {rows} rows"));
        }
        let weights = r.take(rows * k)?;
        if weights.contains(&0x80) {
            return invalid("a weight is -128; weights are -127..=127".to_owned());
        }
        if r.remaining() != 0 {
            return invalid(format!(
                "{} unexpected bytes after the weights",
                r.remaining()
            ));
        }
        let stride = (k + 4).div_ceil(4) * 4;
        let Some(size) = rows.checked_mul(stride) else {
            return invalid(format!("{rows} feature rows is too many"));
        };
        let mut packed = vec![0u8; size];
        let idf_of_rows = values
            .iter()
            .zip(&counts)
            .flat_map(|(&v, &n)| std::iter::repeat_n(v, n));
        for ((dst, src), idf_sq) in packed
            .chunks_exact_mut(stride)
            .zip(weights.chunks_exact(k))
            .zip(idf_of_rows)
        {
            for (d, s) in dst.iter_mut().zip(src) {
                *d = *s;
            }
            if let Some(tail) = dst.last_chunk_mut::<4>() {
                *tail = idf_sq.to_le_bytes();
            }
        }
        Ok(Model {
            labels: head.labels,
            features: head.features,
            confidence_scale: head.confidence_scale,
            scales: head.scales,
            bias: head.bias,
            stride,
            index,
            rows: packed,
        })
    }
}

/// Checks the parts of a model before its rows: class count, feature
/// configuration, labels, confidence scale, per-class scales and biases.
fn check_head(
    labels: &[String],
    features: &FeatureConfig,
    confidence_scale: f32,
    scales: &[f32],
    bias: &[f32],
) -> Result<(), TriageError> {
    let invalid = |reason: String| Err(TriageError::InvalidModel(reason));
    let k = labels.len();
    if !(2..=MAX_CLASSES).contains(&k) {
        return invalid(format!("{k} classes; a model needs 2..={MAX_CLASSES}"));
    }
    features
        .validate()
        .map_err(|e| TriageError::InvalidModel(e.to_string()))?;
    for (i, label) in labels.iter().enumerate() {
        if label.is_empty() || label.len() > MAX_LABEL_BYTES {
            return invalid(format!(
                "label {i} is {} bytes; labels are 1..={MAX_LABEL_BYTES} bytes",
                label.len()
            ));
        }
        if labels.iter().take(i).any(|l| l == label) {
            return invalid(format!("label {label:?} appears twice"));
        }
    }
    if !(confidence_scale.is_finite() && confidence_scale >= 0.0) {
        return invalid(format!(
            "confidence scale {confidence_scale} is not a finite non-negative number"
        ));
    }
    if scales.len() != k || bias.len() != k {
        return invalid("per-class scales or biases do not match the classes".to_owned());
    }
    if let Some(s) = scales.iter().find(|s| !(s.is_finite() && **s >= 0.0)) {
        return invalid(format!(
            "class scale {s} is not a finite non-negative number"
        ));
    }
    if let Some(b) = bias.iter().find(|b| !b.is_finite()) {
        return invalid(format!("class bias {b} is not finite"));
    }
    Ok(())
}

/// The parts of a model before its rows, in either format.
struct Head {
    features: FeatureConfig,
    rows: usize,
    confidence_scale: f32,
    labels: Vec<String>,
    scales: Vec<f32>,
    bias: Vec<f32>,
}

/// Reads the feature config, sizes, labels, scales and biases (after the
/// version). `row_bytes` is the fewest bytes a row takes besides its `K`
/// weights: every size is bounded by the bytes there before allocating.
fn read_head(r: &mut Reader<'_>, row_bytes: usize) -> Result<Head, TriageError> {
    let invalid = |reason: String| TriageError::InvalidModel(reason);
    let cfg = r.take(7)?;
    let [
        word_ngrams,
        char_min,
        char_max,
        cjk_min,
        cjk_max,
        word_pairs,
        bits,
    ] = *cfg
    else {
        return Err(invalid("truncated feature config".to_owned()));
    };
    let features = FeatureConfig {
        word_ngrams,
        char_min,
        char_max,
        cjk_min,
        cjk_max,
        word_pairs,
        bits,
    };
    let k = r.u32()? as usize;
    let rows = r.u32()? as usize;
    let confidence_scale = r.f32()?;
    if !(2..=MAX_CLASSES).contains(&k) {
        return Err(invalid(format!(
            "{k} classes; a model has 2..={MAX_CLASSES}"
        )));
    }
    let remaining = r.remaining();
    let fixed = k.checked_mul(2 + 4 + 4);
    let per_row = k.checked_add(row_bytes);
    let needed = per_row
        .and_then(|p| p.checked_mul(rows))
        .and_then(|v| v.checked_add(fixed?));
    if needed.is_none_or(|n| n > remaining) {
        return Err(invalid(format!(
            "header claims {k} classes and {rows} feature rows, more than the {remaining} bytes that follow"
        )));
    }
    let mut labels = Vec::with_capacity(k);
    for i in 0..k {
        let len = usize::from(r.u16()?);
        let raw = r.take(len)?;
        let label =
            std::str::from_utf8(raw).map_err(|_| invalid(format!("label {i} is not UTF-8")))?;
        labels.push(label.to_owned());
    }
    let scales = (0..k).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
    let bias = (0..k).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
    Ok(Head {
        features,
        rows,
        confidence_scale,
        labels,
        scales,
        bias,
    })
}

/// Appends `v` as unsigned LEB128.
fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The compact format's checksum: FNV-1a 64 over little-endian 64-bit
/// words (the last one zero-padded), seeded with the length, each multiply
/// followed by an xor-shift. Every step is a bijection of the state, so any
/// one changed word changes the sum; eight bytes a step keep it about eight
/// times faster than the byte-wise FNV-1a of version 1.
fn word_checksum(bytes: &[u8]) -> u64 {
    let mix = |h: u64, w: u64| {
        let h = (h ^ w).wrapping_mul(0x0000_0100_0000_01b3);
        h ^ (h >> 32)
    };
    let mut h = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        h = mix(h, <[u8; 8]>::try_from(word).map_or(0, u64::from_le_bytes));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        for (d, s) in last.iter_mut().zip(rest) {
            *d = *s;
        }
        h = mix(h, u64::from_le_bytes(last));
    }
    h
}

/// Features summed in `i16` lanes between flushes into `i32`.
const FLUSH_EVERY: usize = 256;
/// Class counts up to this keep their accumulators on the stack.
const STACK_CLASSES: usize = 128;

/// Adds `lanes` into `acc` and zeroes them.
#[inline]
fn flush(lanes: &mut [i16], acc: &mut [i32]) {
    for (a, l) in acc.iter_mut().zip(lanes.iter_mut()) {
        *a += i32::from(*l);
        *l = 0;
    }
}

/// The `idf²` stored in the last 4 bytes of a row (0 for an absent feature).
#[inline]
fn row_idf_sq(row: &[u8]) -> f32 {
    row.last_chunk::<4>()
        .map_or(0.0, |b| f32::from_le_bytes(*b))
}

/// The index and value of the largest score; ties go to the earlier index.
fn argmax(scores: &[f64]) -> (usize, f64) {
    scores
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (i, &s)| {
            if s > best.1 { (i, s) } else { best }
        })
}

/// `softmax(scale · scores)` with the deterministic `exp`.
pub(crate) fn softmax(scores: &[f64], scale: f64) -> Vec<f64> {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores
        .iter()
        .map(|&s| math::exp(scale * (s - max)))
        .collect();
    let total: f64 = exps.iter().sum();
    if total > 0.0 && total.is_finite() {
        exps.iter().map(|e| e / total).collect()
    } else {
        let n = scores.len().max(1) as f64;
        scores.iter().map(|_| 1.0 / n).collect()
    }
}

/// FNV-1a over bytes: the model checksum.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A bounds-checked cursor over model bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], TriageError> {
        let end = self.pos.checked_add(n);
        let slice = end.and_then(|end| self.bytes.get(self.pos..end));
        match (slice, end) {
            (Some(s), Some(end)) => {
                self.pos = end;
                Ok(s)
            }
            _ => Err(TriageError::InvalidModel(format!(
                "truncated at byte {}: needed {n} more bytes",
                self.pos
            ))),
        }
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], TriageError> {
        let s = self.take(N)?;
        <[u8; N]>::try_from(s).map_err(|_| TriageError::InvalidModel("truncated".to_owned()))
    }

    fn u16(&mut self) -> Result<u16, TriageError> {
        self.array().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Result<u32, TriageError> {
        self.array().map(u32::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, TriageError> {
        self.array().map(f32::from_le_bytes)
    }

    /// An unsigned LEB128 `u32` (at most 5 bytes).
    fn varint(&mut self) -> Result<u32, TriageError> {
        let mut value = 0u32;
        for shift in [0u32, 7, 14, 21, 28] {
            let [b] = self.array::<1>()?;
            if shift == 28 && b > 0x0f {
                break;
            }
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(TriageError::InvalidModel(format!(
            "a number at byte {} does not fit 32 bits",
            self.pos
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::{TrainConfig, train};

    fn small_model() -> Model {
        train(
            [
                ("my card was declined at the store", "payment"),
                ("pembayaran gagal terus", "payment"),
                ("付款失败了", "payment"),
                ("forgot my PIN", "access"),
                ("lupa PIN gimana", "access"),
                ("忘记密码了", "access"),
                ("great app, love it 😍", "praise"),
            ],
            &TrainConfig::default(),
        )
        .unwrap()
    }

    /// Rewrites the checksum after tampering, so the structural checks run.
    fn reseal(bytes: &mut Vec<u8>) {
        bytes.truncate(bytes.len() - 8);
        let sum = fnv1a(bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
    }

    #[test]
    fn round_trip_keeps_every_score() {
        let model = small_model();
        let bytes = model.to_bytes();
        let loaded = Model::from_bytes(&bytes).unwrap();
        assert_eq!(loaded, model);
        assert_eq!(loaded.to_bytes(), bytes);
        for text in ["card declined", "lupa PIN", "忘记", "😍", "", "zzz"] {
            assert_eq!(loaded.predict(text), model.predict(text));
        }
    }

    #[test]
    fn classify_agrees_with_predict() {
        let model = small_model();
        for text in [
            "card declined",
            "lupa PIN",
            "忘记",
            "😍",
            "",
            "the",
            "付款 PIN",
        ] {
            let c = model.classify(text);
            let p = model.predict(text);
            assert_eq!(c.index, p.ranked[0].index, "{text:?}");
            assert_eq!(c.score.to_bits(), p.ranked[0].score.to_bits(), "{text:?}");
        }
    }

    #[test]
    fn every_truncation_is_rejected() {
        let bytes = small_model().to_bytes();
        for len in 0..bytes.len() {
            assert!(matches!(
                Model::from_bytes(&bytes[..len]),
                Err(TriageError::InvalidModel(_))
            ));
        }
    }

    #[test]
    fn every_flipped_bit_is_rejected() {
        let bytes = small_model().to_bytes();
        for i in (0..bytes.len()).step_by(7) {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert!(Model::from_bytes(&bad).is_err(), "byte {i}");
        }
    }

    #[test]
    fn absurd_headers_are_rejected_before_allocating() {
        let bytes = small_model().to_bytes();
        // Offsets: magic 8, version 2, config 7, classes at 17, rows at 21.
        for (offset, value) in [
            (17, u32::MAX),
            (17, 1),
            (17, 0),
            (21, u32::MAX),
            (21, 1 << 28),
        ] {
            let mut bad = bytes.clone();
            bad[offset..offset + 4].copy_from_slice(&value.to_le_bytes());
            reseal(&mut bad);
            let err = Model::from_bytes(&bad).unwrap_err();
            assert!(
                matches!(err, TriageError::InvalidModel(_)),
                "{offset}: {err}"
            );
        }
        let mut bad = bytes.clone();
        bad[8] = 3; // version
        reseal(&mut bad);
        assert!(
            Model::from_bytes(&bad)
                .unwrap_err()
                .to_string()
                .contains("version 3")
        );
        for (offset, value) in [(10, 9), (16, 30), (16, 4)] {
            // word_ngrams 9, bits 30, bits 4
            let mut bad = bytes.clone();
            bad[offset] = value;
            reseal(&mut bad);
            assert!(Model::from_bytes(&bad).is_err(), "{offset}");
        }
        let mut bad = bytes.clone();
        bad.insert(bad.len() - 8, 0);
        reseal(&mut bad);
        assert!(
            Model::from_bytes(&bad)
                .unwrap_err()
                .to_string()
                .contains("unexpected")
        );
    }

    #[test]
    fn bad_values_are_rejected() {
        let model = small_model();
        let k = model.labels.len();
        let rows = model.feature_count();
        let labels_len: usize = model.labels.iter().map(|l| 2 + l.len()).sum();
        let scales_at = 29 + labels_len;
        let keys_at = scales_at + 8 * k;
        let weights_at = keys_at + 8 * rows;
        let bytes = model.to_bytes();
        // A NaN scale.
        let mut bad = bytes.clone();
        bad[scales_at..scales_at + 4].copy_from_slice(&f32::NAN.to_le_bytes());
        reseal(&mut bad);
        assert!(Model::from_bytes(&bad).is_err());
        // Keys out of order.
        let mut bad = bytes.clone();
        bad[keys_at..keys_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        reseal(&mut bad);
        assert!(
            Model::from_bytes(&bad)
                .unwrap_err()
                .to_string()
                .contains("increasing")
        );
        // A weight of -128.
        let mut bad = bytes.clone();
        bad[weights_at] = 0x80;
        reseal(&mut bad);
        assert!(
            Model::from_bytes(&bad)
                .unwrap_err()
                .to_string()
                .contains("-128")
        );
        // A duplicate label.
        let mut bad = bytes.clone();
        let second = 29 + 2 + model.labels[0].len();
        let first_len = second - 29;
        let copy = bytes[second..second + first_len].to_vec();
        bad[29..second].copy_from_slice(&copy);
        reseal(&mut bad);
        assert!(Model::from_bytes(&bad).is_err());
    }

    #[test]
    fn keys_outside_the_buckets_are_rejected() {
        let bytes = small_model().to_bytes();
        let mut bad = bytes.clone();
        bad[16] = 12; // fewer bits than the keys need
        reseal(&mut bad);
        assert!(
            Model::from_bytes(&bad)
                .unwrap_err()
                .to_string()
                .contains("outside")
        );
    }

    #[test]
    fn rows_are_ordered_most_frequent_first() {
        let model = small_model();
        let idf: Vec<f32> = model
            .rows
            .chunks_exact(model.stride)
            .map(row_idf_sq)
            .collect();
        assert!(idf.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(
            model.index.iter().filter(|e| **e != 0).count(),
            model.feature_count()
        );
    }

    /// Rewrites the compact format's checksum after tampering.
    fn reseal_compact(bytes: &mut Vec<u8>) {
        bytes.truncate(bytes.len() - 8);
        let sum = word_checksum(bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
    }

    /// The offset of the compact format's first varint (the first group's
    /// row count) and the number of idf² groups.
    fn compact_varints_at(model: &Model, bytes: &[u8]) -> (usize, usize) {
        let k = model.labels.len();
        let labels_len: usize = model.labels.iter().map(|l| 2 + l.len()).sum();
        let groups_at = 29 + labels_len + 8 * k;
        let d = u32::from_le_bytes(bytes[groups_at..groups_at + 4].try_into().unwrap()) as usize;
        (groups_at + 4 + 4 * d, d)
    }

    fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
        let mut r = Reader { bytes, pos: *at };
        let v = r.varint().unwrap();
        *at = r.pos;
        v
    }

    #[test]
    fn compact_format_round_trips_to_the_same_model_in_fewer_bytes() {
        let model = small_model();
        let compact = model.to_compact_bytes();
        assert_eq!(&compact[..8], MAGIC);
        assert_eq!(compact[8..10], VERSION_COMPACT.to_le_bytes());
        assert!(compact.len() < model.to_bytes().len());
        let loaded = Model::from_bytes(&compact).unwrap();
        assert_eq!(loaded.index, model.index);
        assert_eq!(loaded.rows, model.rows);
        assert_eq!(loaded, model);
        assert_eq!(loaded.to_compact_bytes(), compact);
        for text in ["card declined", "lupa PIN", "忘记", "😍", "", "zzz"] {
            assert_eq!(loaded.predict(text), model.predict(text));
        }
        // Through version 1 and back.
        let again = Model::from_bytes(&loaded.to_bytes()).unwrap();
        assert_eq!(again.to_compact_bytes(), compact);
    }

    #[test]
    fn every_truncation_and_flipped_bit_of_a_compact_model_is_rejected() {
        let bytes = small_model().to_compact_bytes();
        for len in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..len]).is_err(), "{len}");
        }
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x04;
            assert!(Model::from_bytes(&bad).is_err(), "byte {i}");
        }
    }

    #[test]
    fn compact_models_with_bad_rows_are_rejected() {
        let model = small_model();
        let bytes = model.to_compact_bytes();
        let (at, groups) = compact_varints_at(&model, &bytes);
        assert!(groups >= 2);
        let mut pos = at;
        let count = read_varint(&bytes, &mut pos);
        assert!(count >= 2, "the first group has {count} rows");
        let first_key_at = pos;
        read_varint(&bytes, &mut pos);
        let delta_at = pos;
        let message = |bad: Vec<u8>| Model::from_bytes(&bad).unwrap_err().to_string();
        // A group of no rows.
        let mut bad = bytes.clone();
        bad.splice(at..first_key_at, [0]);
        reseal_compact(&mut bad);
        assert!(message(bad).contains("group"));
        // The same feature twice in a group.
        let mut bad = bytes.clone();
        let delta_len = {
            let mut p = delta_at;
            read_varint(&bytes, &mut p);
            p - delta_at
        };
        bad.splice(delta_at..delta_at + delta_len, [0]);
        reseal_compact(&mut bad);
        assert!(message(bad).contains("twice"));
        // A feature id outside the buckets.
        let mut bad = bytes.clone();
        bad.splice(first_key_at..delta_at, [0xff, 0xff, 0xff, 0xff, 0x0f]);
        reseal_compact(&mut bad);
        assert!(message(bad).contains("outside"));
        // A number longer than 32 bits.
        let mut bad = bytes.clone();
        bad.splice(first_key_at..delta_at, [0xff, 0xff, 0xff, 0xff, 0x7f]);
        reseal_compact(&mut bad);
        assert!(message(bad).contains("32 bits"));
        // Unordered idf² values.
        let mut bad = bytes.clone();
        let values_at = at - 4 * groups;
        let big = f32::MAX.to_le_bytes();
        bad[values_at..values_at + 4].copy_from_slice(&big);
        reseal_compact(&mut bad);
        assert!(message(bad).contains("increasing"));
        // A weight of -128.
        let mut bad = bytes.clone();
        let weights_at = bytes.len() - 8 - model.feature_count() * model.labels.len();
        bad[weights_at] = 0x80;
        reseal_compact(&mut bad);
        assert!(message(bad).contains("-128"));
    }

    #[test]
    fn softmax_is_a_distribution() {
        let p = softmax(&[1.0, 2.0, 3.0], 4.0);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(p[2] > p[1] && p[1] > p[0]);
        let flat = softmax(&[f64::NAN, 1.0], 1.0);
        assert_eq!(flat, [0.5, 0.5]);
    }
}
