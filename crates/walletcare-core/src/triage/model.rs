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
//! feature's `idf²` at the end of the row), in feature id order, found
//! through a bitmap of the `2^bits` buckets with a running row count per 64
//! buckets (a bit test and a population count in a table small enough to
//! stay in cache); a feature costs that lookup and one contiguous row add
//! into `i16` lanes held in vector registers, flushed into `i32`
//! accumulators; integer sums are exact, and the few floating-point steps use
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
//! per-row allocation. The header (magic, version 2, feature
//! config, `K`, `R`, confidence scale), labels, scales and biases are as in
//! version 1; then the rows are stored in ascending
//! `idf²`, then ascending feature id, grouped by their `idf²` (a corpus has
//! only a few hundred distinct values):
//!
//! | bytes | content |
//! |---|---|
//! | 4 | distinct `idf²` count `D` |
//! | 4 D | the distinct `idf²` values (f32), strictly increasing |
//! | varints | per value: its row count, then its feature ids, the first as is and each next one as its (positive) difference to the previous one (unsigned LEB128, at most 5 bytes) |
//! | K R | weights (i8 in -127..=127), row by row in that order |
//! | 8 | checksum of everything before: FNV-1a 64 over little-endian 64-bit words (the last one zero-padded), seeded with the length, with an xor-shift after each multiply |
//!
//! # Compact format with 4-bit weights (version 3, little-endian)
//!
//! What [`Model::to_compact_bytes`] writes and the built-in model ships as
//! (version 2 is still read). As version 2, except the `K R` weight bytes,
//! which become, in the same order:
//!
//! | bytes | content |
//! |---|---|
//! | ⌈K R / 2⌉ | each weight in 4 bits (two's complement, the first of each pair in the low half; an odd count ends with a zero half): the weight itself if it is in -7..=7, else the escape code `1000` |
//! | one per escape | the escaped weights (i8 outside -7..=7, not -128), in order |
//!
//! Most trained weights are small, so this keeps the model lossless in
//! fewer bytes.

use serde::Serialize;

use super::TriageError;
use super::features::{FeatureConfig, extract};
use super::math;

/// Magic bytes at the start of every model.
const MAGIC: &[u8; 8] = b"WCTRIAGE";
/// The format version [`Model::to_bytes`] writes.
const VERSION: u16 = 1;
/// The first compact format (whole-byte weights), still read.
const VERSION_COMPACT_BYTES: u16 = 2;
/// The compact format version [`Model::to_compact_bytes`] writes (weights
/// in 4 bits where they fit).
const VERSION_COMPACT: u16 = 3;
/// The 4-bit code that stands for "the weight is in the escape bytes".
const ESCAPE: u8 = 0x08;
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
    /// Bytes per feature row ([`stride_of`]): the class weights (i8),
    /// padding, then `idf²` (f32, little-endian) in the last 4 bytes.
    stride: usize,
    /// Which of the `2^bits` buckets have a row, 64 to a word, each word
    /// with the number of rows before it: a feature's row is found by a bit
    /// test and a population count in a table of `2^bits / 8` bytes (32 KiB
    /// for 18 bits), which stays in the processor's caches ([`Model::entry`]).
    present: Vec<(u64, u32)>,
    /// Row 0, all zeros (weights and `idf²`), which every unseen feature
    /// gets, so scoring reads a row for each feature without a branch; then
    /// the rows of the present features in feature id order.
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
        let stride = stride_of(k);
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
        // The keys are increasing: the rows are in key order as given.
        let mut packed = vec![0u8; stride];
        packed.reserve(rows.saturating_mul(stride));
        for i in 0..rows {
            packed.extend(row_of(i));
        }
        Ok(Model {
            labels,
            features,
            confidence_scale,
            scales,
            bias,
            stride,
            present: present_table(buckets, &keys),
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
        (self.rows.len() / self.stride.max(1)).saturating_sub(1)
    }

    /// The row number of a feature id: 0 (the zero row) for a feature
    /// never seen in training, else 1 + the number of present ids below it.
    /// No branch and one small table read.
    #[inline]
    fn entry(&self, id: u32) -> u32 {
        entry_of(&self.present, id)
    }

    /// The present rows in memory order (without the zero row).
    fn present_rows(&self) -> std::slice::ChunksExact<'_, u8> {
        let stride = self.stride.max(1);
        self.rows
            .get(stride..)
            .unwrap_or_default()
            .chunks_exact(stride)
    }

    /// Calls `f` with each present feature id and its row, in id order
    /// (the rows' order in memory).
    fn for_each_row<'a>(&'a self, mut f: impl FnMut(u32, &'a [u8])) {
        let mut rows = self.present_rows();
        for (w, &(word, _)) in self.present.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let key = u32::try_from(w * 64).unwrap_or(u32::MAX) + bits.trailing_zeros();
                bits &= bits - 1;
                if let Some(row) = rows.next() {
                    f(key, row);
                }
            }
        }
    }

    /// Adds the rows of the text's known features into `acc` (length `K`);
    /// returns `Σ idf²` over them and their count. `lanes` is `K` rounded up
    /// to [`BLOCK`] long.
    ///
    /// Rows are summed into `i16` lanes (half the work of widening to `i32`),
    /// [`BLOCK`] lanes at a time (the compiler turns each block into a few
    /// vector adds; the lanes past `K` sum padding and are never read), and
    /// flushed into `acc` every [`FLUSH_EVERY`] features, before any lane
    /// could overflow (`256 · 127 < 2^15`).
    ///
    /// It runs in three passes: the text's index entries (looked up as the
    /// features are extracted), then the `idf²` at the end of each row (every
    /// unseen feature reads the zero row, so there is no branch, and the
    /// rows' cache misses are all independent and in flight at once on a
    /// model larger than the processor's caches), then the rows, now in
    /// cache. The sums are in feature order, as one pass would make them.
    fn accumulate(
        &self,
        text: &str,
        scratch: &mut Vec<char>,
        acc: &mut [i32],
        lanes: &mut [i16],
    ) -> (f64, usize) {
        let stride = self.stride;
        let mut entries: Vec<u32> = Vec::with_capacity(text.len().min(64) * 4);
        extract(text, &self.features, scratch, |id, _| {
            entries.push(self.entry(id));
        });
        let mut norm_sq = 0.0_f64;
        let mut known = 0usize;
        // One byte of each cache line of each row, so that all of them are
        // being fetched while the rows wait to be summed.
        let mut touched = 0u8;
        for i in 0..entries.len() {
            let Some(&entry) = entries.get(i) else { break };
            let start = entry as usize * stride;
            let row = self.rows.get(start..start + stride).unwrap_or_default();
            // Adding the zero row's 0.0 leaves the sum as it was.
            norm_sq += f64::from(row_idf_sq(row));
            for &b in row.iter().step_by(64) {
                touched ^= b;
            }
            if let Some(slot) = entries.get_mut(known) {
                *slot = entry;
            }
            known += usize::from(entry != 0);
        }
        std::hint::black_box(touched);
        for batch in entries.get(..known).unwrap_or_default().chunks(FLUSH_EVERY) {
            let rows = (self.rows.as_slice(), stride, batch);
            // The usual class counts keep every lane in a register.
            match lanes.len() / BLOCK {
                1 => add_rows::<1>(lanes, rows),
                2 => add_rows::<2>(lanes, rows),
                3 => add_rows::<3>(lanes, rows),
                4 => add_rows::<4>(lanes, rows),
                5 => add_rows::<5>(lanes, rows),
                6 => add_rows::<6>(lanes, rows),
                7 => add_rows::<7>(lanes, rows),
                8 => add_rows::<8>(lanes, rows),
                _ => add_rows_any(lanes, rows),
            }
            flush(lanes, acc);
        }
        (norm_sq, known)
    }

    /// Scores of every class for `text`, in label order, and the number of
    /// known feature occurrences.
    fn scores_into(&self, text: &str, scores: &mut Vec<f64>) -> usize {
        let k = self.labels.len();
        let width = k.div_ceil(BLOCK) * BLOCK;
        // Small class counts (the usual case) need no allocation for the
        // accumulators.
        let mut acc_stack = [0_i32; STACK_CLASSES];
        let mut lanes_stack = [0_i16; STACK_CLASSES];
        let (mut acc_heap, mut lanes_heap) = (Vec::new(), Vec::new());
        let (acc, lanes) = match (acc_stack.get_mut(..k), lanes_stack.get_mut(..width)) {
            (Some(a), Some(l)) => (a, l),
            _ => {
                acc_heap.resize(k, 0_i32);
                lanes_heap.resize(width, 0_i16);
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
        self.write_compact(VERSION_COMPACT)
    }

    /// The model in compact format `version` (2 or 3).
    fn write_compact(&self, version: u16) -> Vec<u8> {
        let k = self.labels.len();
        let rows = self.feature_count();
        let mut out = Vec::with_capacity(40 + k * 16 + rows * (2 + k));
        self.write_head(&mut out, version);
        // The rows in ascending idf², then ascending id, grouped by idf².
        let mut ordered: Vec<(u32, &[u8])> = Vec::with_capacity(rows);
        self.for_each_row(|key, row| ordered.push((key, row)));
        ordered.sort_by(|a, b| row_idf_sq(a.1).total_cmp(&row_idf_sq(b.1)));
        let keys: Vec<u32> = ordered.iter().map(|&(key, _)| key).collect();
        let idf_sq: Vec<f32> = ordered.iter().map(|&(_, row)| row_idf_sq(row)).collect();
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
        let weights = ordered.iter().flat_map(|(_, row)| row.iter().take(k));
        if version == VERSION_COMPACT_BYTES {
            out.extend(weights);
        } else {
            push_nibbles(&mut out, weights.copied(), rows * k);
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
        if !(VERSION..=VERSION_COMPACT).contains(&version) {
            return Err(invalid(format!(
                "model format version {version} is not supported (this build reads {VERSION} to {VERSION_COMPACT})"
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
        if version != VERSION {
            return Model::read_compact(r, version == VERSION_COMPACT);
        }
        let head = read_head(r, |k| k + 8)?;
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
    /// the in-memory layout: each row goes to its place in id order, found
    /// through the bucket bitmap, so there is nothing to sort and one
    /// allocation per table.
    /// `nibbles`: the weights are in 4 bits where they fit (version 3).
    fn read_compact(r: &mut Reader<'_>, nibbles: bool) -> Result<Model, TriageError> {
        let invalid = |reason: String| Err(TriageError::InvalidModel(reason));
        let head = if nibbles {
            read_head(r, |k| k / 2 + 1)?
        } else {
            read_head(r, |k| k + 1)?
        };
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
        let mut seen = vec![0u64; buckets.div_ceil(64)];
        let mut keys = Vec::with_capacity(rows);
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
                let bit = 1u64 << (key & 63);
                match seen.get_mut((key >> 6) as usize) {
                    Some(word) if *word & bit == 0 => *word |= bit,
                    _ => return invalid(format!("feature id {key} has two rows")),
                }
                keys.push(key);
            }
        }
        if row as usize != rows {
            return invalid(format!("{row} feature ids for {rows} rows"));
        }
        let unpacked;
        let weights = if nibbles {
            unpacked = read_nibbles(r, rows * k)?;
            unpacked.as_slice()
        } else {
            r.take(rows * k)?
        };
        if weights.contains(&0x80) {
            return invalid("a weight is -128; weights are -127..=127".to_owned());
        }
        if r.remaining() != 0 {
            return invalid(format!(
                "{} unexpected bytes after the weights",
                r.remaining()
            ));
        }
        let stride = stride_of(k);
        let Some(size) = rows.checked_add(1).and_then(|n| n.checked_mul(stride)) else {
            return invalid(format!("{rows} feature rows is too many"));
        };
        let present = present_from_bits(seen);
        let mut packed = vec![0u8; size];
        let idf_of_rows = values
            .iter()
            .zip(&counts)
            .flat_map(|(&v, &n)| std::iter::repeat_n(v, n));
        // Stored by idf², kept in id order.
        for ((&key, src), idf_sq) in keys.iter().zip(weights.chunks_exact(k)).zip(idf_of_rows) {
            let start = entry_of(&present, key) as usize * stride;
            let Some(dst) = packed.get_mut(start..start + stride) else {
                continue;
            };
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
            present,
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
/// version). `row_bytes(K)` is the fewest bytes a row takes: every size is
/// bounded by the bytes there before allocating.
fn read_head(r: &mut Reader<'_>, row_bytes: fn(usize) -> usize) -> Result<Head, TriageError> {
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
    let needed = row_bytes(k)
        .checked_mul(rows)
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

/// Appends `count` weights in 4 bits each where they fit (-7..=7, two's
/// complement, the first of each pair in the low half of its byte; an odd
/// count ends with a zero half), the 4-bit [`ESCAPE`] standing for a weight
/// outside that range, then those weights as whole bytes, in order.
fn push_nibbles(out: &mut Vec<u8>, weights: impl Iterator<Item = u8>, count: usize) {
    let mut escapes = Vec::new();
    let mut low = None;
    out.reserve(count.div_ceil(2));
    for w in weights {
        let code = if (-7..=7).contains(&(w as i8)) {
            w & 0x0f
        } else {
            escapes.push(w);
            ESCAPE
        };
        match low.take() {
            None => low = Some(code),
            Some(first) => out.push(first | code << 4),
        }
    }
    if let Some(first) = low {
        out.push(first);
    }
    out.extend(escapes);
}

/// Reads `count` weights written by [`push_nibbles`], as bytes (`i8`).
/// Only the canonical coding is accepted: an escaped weight must not fit 4
/// bits and an odd count's last half must be zero.
fn read_nibbles(r: &mut Reader<'_>, count: usize) -> Result<Vec<u8>, TriageError> {
    let invalid = |reason: String| Err(TriageError::InvalidModel(reason));
    let packed = r.take(count.div_ceil(2))?;
    if count % 2 == 1 && packed.last().is_some_and(|b| b >> 4 != 0) {
        return invalid("the last 4-bit weight is followed by a nonzero half byte".to_owned());
    }
    let codes = packed.iter().flat_map(|&b| [b & 0x0f, b >> 4]).take(count);
    let escaped = codes.clone().filter(|&c| c == ESCAPE).count();
    let mut escapes = r.take(escaped)?.iter();
    let mut weights = Vec::with_capacity(count);
    for code in codes {
        let w = if code == ESCAPE {
            let w = escapes.next().copied().unwrap_or(0);
            if (-7..=7).contains(&(w as i8)) {
                return invalid(format!("an escaped weight ({}) fits 4 bits", w as i8));
            }
            w
        } else {
            // Sign-extend the 4-bit two's complement code.
            ((code << 4) as i8 >> 4) as u8
        };
        weights.push(w);
    }
    Ok(weights)
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

/// The row number of feature `id` in a table of present buckets (see
/// [`Model::entry`]).
#[inline]
fn entry_of(present: &[(u64, u32)], id: u32) -> u32 {
    let Some(&(word, before)) = present.get((id >> 6) as usize) else {
        return 0;
    };
    let bit = id & 63;
    let below = word & ((1u64 << bit) - 1);
    let set = ((word >> bit) & 1) as u32;
    (before + below.count_ones() + 1) * set
}

/// The table of present buckets for increasing `keys` below `buckets`.
fn present_table(buckets: usize, keys: &[u32]) -> Vec<(u64, u32)> {
    let mut bits = vec![0u64; buckets.div_ceil(64)];
    for &key in keys {
        if let Some(word) = bits.get_mut((key >> 6) as usize) {
            *word |= 1u64 << (key & 63);
        }
    }
    present_from_bits(bits)
}

/// Pairs each word of a bucket bitmap with the number of set bits before it.
fn present_from_bits(bits: Vec<u64>) -> Vec<(u64, u32)> {
    let mut before = 0u32;
    bits.into_iter()
        .map(|word| {
            let entry = (word, before);
            before += word.count_ones();
            entry
        })
        .collect()
}

/// Lanes summed together: rows are read this many weights at a time.
const BLOCK: usize = 16;

/// Bytes per feature row of a `k`-class model: the `k` weights, then `idf²`
/// in the last 4 bytes, at least `k` rounded up to [`BLOCK`] (scoring reads
/// whole blocks) and a multiple of 4.
fn stride_of(k: usize) -> usize {
    ((k + 4).div_ceil(4) * 4).max(k.div_ceil(BLOCK) * BLOCK)
}

/// The rows to add: all rows, the stride, the rows' entries.
type RowsToAdd<'a> = (&'a [u8], usize, &'a [u32]);

/// Adds the first `N · BLOCK` bytes of each row (as `i8`) into the
/// `N · BLOCK` lanes, which stay in registers throughout.
#[inline]
fn add_rows<const N: usize>(lanes: &mut [i16], (rows, stride, entries): RowsToAdd<'_>) {
    let mut local = [[0_i16; BLOCK]; N];
    for (block, l) in local.iter_mut().zip(lanes.chunks_exact(BLOCK)) {
        block.copy_from_slice(l);
    }
    for &entry in entries {
        let start = entry as usize * stride;
        if let Some(row) = rows.get(start..start + N * BLOCK) {
            for (block, w) in local.iter_mut().zip(row.chunks_exact(BLOCK)) {
                add_block(block, w);
            }
        }
    }
    for (block, l) in local.iter().zip(lanes.chunks_exact_mut(BLOCK)) {
        l.copy_from_slice(block);
    }
}

/// [`add_rows`] for any number of blocks, the lanes in memory.
fn add_rows_any(lanes: &mut [i16], (rows, stride, entries): RowsToAdd<'_>) {
    let width = lanes.len();
    for &entry in entries {
        let start = entry as usize * stride;
        if let Some(row) = rows.get(start..start + width) {
            for (block, w) in lanes.chunks_exact_mut(BLOCK).zip(row.chunks_exact(BLOCK)) {
                if let Ok(block) = <&mut [i16; BLOCK]>::try_from(block) {
                    add_block(block, w);
                }
            }
        }
    }
}

/// Adds one block of `i8` weights (`BLOCK` bytes) into `i16` lanes
/// (wrapping: only the padding lanes past `K` ever could), as a few vector
/// instructions.
#[inline(always)]
fn add_block(lanes: &mut [i16; BLOCK], weights: &[u8]) {
    let Ok(weights) = <&[u8; BLOCK]>::try_from(weights) else {
        return;
    };
    let mut sum = *lanes;
    for (l, &w) in sum.iter_mut().zip(weights) {
        *l = l.wrapping_add(i16::from(w as i8));
    }
    *lanes = sum;
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
        bad[8] = 4; // version
        reseal(&mut bad);
        assert!(
            Model::from_bytes(&bad)
                .unwrap_err()
                .to_string()
                .contains("version 4")
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
    fn rows_are_in_id_order_behind_a_zero_row() {
        let model = small_model();
        assert!(model.rows[..model.stride].iter().all(|&b| b == 0));
        let mut keys = Vec::new();
        model.for_each_row(|key, _| keys.push(key));
        assert_eq!(keys.len(), model.feature_count());
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        for (row, &key) in keys.iter().enumerate() {
            assert_eq!(model.entry(key) as usize, row + 1);
        }
        let absent = (0..1u32 << model.features.bits)
            .filter(|id| keys.binary_search(id).is_err())
            .take(1000);
        for id in absent {
            assert_eq!(model.entry(id), 0, "{id}");
        }
        assert_eq!(model.entry(u32::MAX), 0);
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
        assert_eq!(loaded.present, model.present);
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
        // The escaped weights end the body (each class has a weight of
        // ±127): one of -128, and one that fits 4 bits.
        let last = bytes.len() - 9;
        assert!(!(-7..=7).contains(&(bytes[last] as i8)));
        let mut bad = bytes.clone();
        bad[last] = 0x80;
        reseal_compact(&mut bad);
        assert!(message(bad).contains("-128"));
        let mut bad = bytes.clone();
        bad[last] = 0x05;
        reseal_compact(&mut bad);
        assert!(message(bad).contains("fits 4 bits"));
    }

    #[test]
    fn every_weight_round_trips_through_four_bits_and_escapes() {
        let weights: Vec<u8> = (-127i8..=127).map(|w| w as u8).collect();
        for count in [0, 1, 2, weights.len()] {
            let mut out = Vec::new();
            push_nibbles(&mut out, weights.iter().copied().take(count), count);
            let escaped = weights
                .iter()
                .take(count)
                .filter(|&&w| !(-7..=7).contains(&(w as i8)))
                .count();
            assert_eq!(out.len(), count.div_ceil(2) + escaped);
            let mut r = Reader {
                bytes: &out,
                pos: 0,
            };
            assert_eq!(read_nibbles(&mut r, count).unwrap(), &weights[..count]);
            assert_eq!(r.remaining(), 0);
        }
        // An odd count's unused half must be zero.
        let mut r = Reader {
            bytes: &[0x31],
            pos: 0,
        };
        assert!(read_nibbles(&mut r, 1).is_err());
    }

    #[test]
    fn version_2_compact_models_are_still_read() {
        let model = small_model();
        let v2 = model.write_compact(VERSION_COMPACT_BYTES);
        assert_eq!(v2[8..10], 2u16.to_le_bytes());
        let loaded = Model::from_bytes(&v2).unwrap();
        assert_eq!(loaded, model);
        assert_eq!(loaded.rows, model.rows);
        // Version 3 differs only in the weights: half a byte each, plus a
        // byte for each one outside -7..=7.
        let v3 = model.to_compact_bytes();
        let weights = model.feature_count() * model.labels.len();
        let escaped = model
            .present_rows()
            .flat_map(|row| row.iter().take(model.labels.len()))
            .filter(|&&w| !(-7..=7).contains(&(w as i8)))
            .count();
        assert_eq!(v3.len(), v2.len() - weights + weights.div_ceil(2) + escaped);
        assert_eq!(Model::from_bytes(&v3).unwrap().to_compact_bytes(), v3);
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
