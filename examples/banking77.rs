//! Banking77 benchmark (experimental harness, being written).
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Instant;
use walletcare::triage::{Evaluation, FeatureConfig, TrainConfig, csv::read_labelled, train};

/// Labelled rows: `(text, label)`.
type Rows = Vec<(String, String)>;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::var_os("WALLETCARE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("datasets/banking77");
    let train_rows = read_labelled(&std::fs::read_to_string(dir.join("train.csv"))?)?;
    let test_rows = read_labelled(&std::fs::read_to_string(dir.join("test.csv"))?)?;
    let args: Vec<String> = std::env::args().collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut config = TrainConfig::default();
    if let Some(v) = get("--c") {
        config.c = v.parse()?;
    }
    if let Some(v) = get("--eps") {
        config.epsilon = v.parse()?;
    }
    if let Some(v) = get("--words") {
        config.features.word_ngrams = v.parse()?;
    }
    if let Some(v) = get("--char") {
        let (a, b) = v.split_once(',').ok_or("--char a,b")?;
        config.features.char_min = a.parse()?;
        config.features.char_max = b.parse()?;
    }
    if let Some(v) = get("--min-df") {
        config.min_df = v.parse()?;
    }
    if let Some(v) = get("--epochs") {
        config.max_epochs = v.parse()?;
    }
    if let Some(v) = get("--pairs") {
        config.features.word_pairs = v.parse()?;
    }
    if let Some(v) = get("--ww") {
        config.weights.word = v.parse()?;
    }
    if let Some(v) = get("--wn") {
        config.weights.word_ngram = v.parse()?;
    }
    if let Some(v) = get("--wp") {
        config.weights.word_pair = v.parse()?;
    }
    if let Some(v) = get("--wc") {
        config.weights.char = v.parse()?;
    }
    if args.iter().any(|a| a == "--balanced") {
        config.balanced = true;
    }
    let _ = FeatureConfig::default();
    let dev = args.iter().any(|a| a == "--dev");
    let fold: usize = get("--fold").map(|v| v.parse()).transpose()?.unwrap_or(0);
    let (fit, eval): (Rows, Rows) = if dev {
        // Every 5th example of each label is held out.
        let mut seen = std::collections::BTreeMap::<String, usize>::new();
        let mut fit = Vec::new();
        let mut held = Vec::new();
        for (t, l) in train_rows {
            let c = seen.entry(l.clone()).or_default();
            *c += 1;
            if *c % 5 == fold {
                held.push((t, l));
            } else {
                fit.push((t, l));
            }
        }
        (fit, held)
    } else {
        (train_rows, test_rows)
    };
    let start = Instant::now();
    let model = train(fit.iter().map(|(t, l)| (t, l)), &config)?;
    let secs = start.elapsed().as_secs_f64();
    let e = Evaluation::of_model(&model, eval.iter().map(|(t, l)| (t, l)))?;
    if args.iter().any(|a| a == "--confusions") {
        let mut pairs = std::collections::BTreeMap::<(usize, usize), usize>::new();
        for (t, p) in e.truth.iter().zip(&e.predicted) {
            if t != p {
                *pairs.entry((*t, *p)).or_default() += 1;
            }
        }
        let mut v: Vec<_> = pairs.into_iter().collect();
        v.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        for ((t, p), n) in v.iter().take(25) {
            let name = |i: usize| e.labels.get(i).map_or("?", String::as_str);
            println!("{n:3} {} -> {}", name(*t), name(*p));
        }
    }
    println!(
        "{} acc {:.4} macro-F1 {:.4} train {:.2}s features {}",
        if dev { "dev" } else { "test" },
        e.accuracy(),
        e.macro_f1(),
        secs,
        model.feature_count()
    );
    Ok(())
}
