//! Triage: support-message text, model bytes and training CSV.

use walletcare_core::triage::{
    self, Channel, MAX_INPUT_BYTES, Model, TrainConfig, Triage, Triager, cap_input,
    detect_language, extract_entities, urgency_cues,
};

use super::common::{check_error, round_trip};

/// The invariants of one triage result of `text`.
fn check_triage(result: &Triage, text: &str) {
    let (head, truncated) = cap_input(text);
    assert_eq!(result.truncated, truncated);
    assert!(
        (0.0..=1.0).contains(&result.confidence),
        "confidence {}",
        result.confidence
    );
    assert!(result.alternatives.len() <= 3);
    for alternative in &result.alternatives {
        assert!(alternative.score.is_finite());
        assert!((0.0..=1.0).contains(&alternative.probability));
        assert!(
            alternative.probability <= result.confidence + 1e-9,
            "a runner-up beats the winner"
        );
    }
    for entity in &result.entities {
        assert!(
            entity.start <= entity.end && entity.end <= head.len(),
            "{entity:?} is outside the text"
        );
        assert_eq!(
            head.get(entity.start..entity.end),
            Some(entity.text.as_str()),
            "{entity:?}"
        );
    }
    assert_eq!(result.language, detect_language(head));
    assert_eq!(result.urgency_cues, urgency_cues(head));
    assert_eq!(result.answer.locale, result.language.locale());
    round_trip!(Triage, result);
}

/// `triage_text`: the input is a support message (lossy UTF-8).
///
/// Invariants: triage is deterministic and reads only the first
/// `MAX_INPUT_BYTES` (on a char boundary); entities point at their own text
/// inside it; confidence and probabilities are in [0, 1] with the winner
/// first; the result's JSON loads back equal; the answer is in the language
/// detected.
pub fn triage_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (head, truncated) = cap_input(&text);
    assert!(head.len() <= MAX_INPUT_BYTES);
    assert!(text.starts_with(head));
    assert_eq!(truncated, head.len() < text.len());
    let channel = data
        .first()
        .and_then(|b| Channel::ALL.get(usize::from(*b) % 8).copied());
    let result = triage::triage(&text, channel);
    check_triage(&result, &text);
    assert_eq!(result.channel, channel);
    assert_eq!(
        triage::triage(&text, channel),
        result,
        "triage is not deterministic"
    );
    for entity in extract_entities(head) {
        assert_eq!(
            head.get(entity.start..entity.end),
            Some(entity.text.as_str()),
            "{entity:?}"
        );
    }
    assert!(!result.answer.title.is_empty() && !result.answer.steps.is_empty());
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

const SAMPLES: [&str; 4] = [
    "saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat",
    "我的账户被冻结了，怎么解冻？",
    "refund for order INV/20261121/XYZ/123 not received",
    "",
];

fn check_model(model: &Model) {
    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes);
    assert!(
        back.is_ok(),
        "a model's own bytes do not load: {:?}",
        back.err()
    );
    if let Ok(back) = back {
        assert_eq!(back.to_bytes(), bytes, "model bytes are not stable");
    }
    let k = model.labels().len();
    for text in SAMPLES {
        let prediction = model.predict(text);
        assert_eq!(prediction.ranked.len(), k);
        let total: f64 = prediction.ranked.iter().map(|s| s.probability).sum();
        assert!((total - 1.0).abs() < 1e-6, "probabilities sum to {total}");
        for pair in prediction.ranked.windows(2) {
            if let [a, b] = pair {
                assert!(a.score >= b.score, "ranking out of order");
            }
        }
        let classification = model.classify(text);
        assert!(classification.score.is_finite());
        assert_eq!(
            model.labels().get(classification.index).map(String::as_str),
            Some(classification.label)
        );
    }
    if let Ok(triager) = Triager::new(model.clone()) {
        for text in SAMPLES {
            check_triage(&triager.triage(text, None), text);
        }
    }
}

/// `triage_model`: the input is model bytes. They are loaded as they are,
/// and again with a correct checksum appended (so that the fuzzer reaches
/// the parser behind the checksum).
///
/// Invariants: loading never panics and allocates only what the bytes can
/// fill; a loaded model saves to bytes that load back to the same bytes;
/// predictions rank every label with probabilities summing to 1.
pub fn triage_model(data: &[u8]) {
    if let Err(error) = Model::from_bytes(data) {
        check_error(&error);
    }
    let mut fixed = data.to_vec();
    fixed.extend_from_slice(&fnv1a(data).to_le_bytes());
    match Model::from_bytes(&fixed) {
        Ok(model) => check_model(&model),
        Err(error) => check_error(&error),
    }
}

/// `triage_csv`: the input is labelled training CSV (`text,label`).
///
/// Invariants: the CSV reader never panics and names the line of an error;
/// records keep their line order; training on what it reads, with a small
/// configuration, either fails with a typed error or gives a model that
/// passes the model invariants.
pub fn triage_csv(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match triage::csv::parse(&text) {
        Ok(records) => {
            for pair in records.windows(2) {
                if let [a, b] = pair {
                    assert!(a.line < b.line, "records out of line order");
                }
            }
        }
        Err(error) => check_error(&error),
    }
    let labelled = triage::csv::read_labelled(&text);
    if let Err(error) = &labelled {
        check_error(error);
    }
    let mut config = TrainConfig::default();
    config.features.bits = 12;
    config.max_epochs = 3;
    match triage::train_csv(&text, &config) {
        Ok(model) => {
            assert!(labelled.is_ok());
            check_model(&model);
        }
        Err(error) => check_error(&error),
    }
}
