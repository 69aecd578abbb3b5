//! Triage: classifying one message per call with the built-in model (9
//! classes) and with a Banking77 model (77 classes), the whole triage of a
//! message, and training.
//!
//! The Banking77 benches need `../shared/datasets/banking77/` (or
//! `$WALLETCARE_SHARED_DIR/datasets/banking77/`) and are skipped without it.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use walletcare::triage::{
    Model, TrainConfig, builtin_corpus, builtin_model, csv::read_labelled, train,
    train_builtin_model, triage,
};

fn banking77_dir() -> PathBuf {
    std::env::var_os("WALLETCARE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("datasets/banking77")
}

/// Classifies the texts one call at a time, round-robin.
fn per_call(c: &mut Criterion, name: &str, model: &Model, texts: &[String]) {
    let mut group = c.benchmark_group("triage");
    group.throughput(Throughput::Elements(1));
    let mut i = 0usize;
    group.bench_function(name, |b| {
        b.iter(|| {
            let text = texts.get(i % texts.len()).map_or("", String::as_str);
            i = i.wrapping_add(1);
            model.classify(black_box(text)).index
        })
    });
    group.finish();
}

fn builtin(c: &mut Criterion) {
    let (Some(model), Ok(corpus)) = (builtin_model(), builtin_corpus()) else {
        return;
    };
    let texts: Vec<String> = corpus.into_iter().map(|e| e.text).collect();
    per_call(c, "classify_builtin_9_classes", model, &texts);

    let mut group = c.benchmark_group("triage");
    group.throughput(Throughput::Elements(1));
    let mut i = 0usize;
    group.bench_function("triage_builtin_full", |b| {
        b.iter(|| {
            let text = texts.get(i % texts.len()).map_or("", String::as_str);
            i = i.wrapping_add(1);
            triage(black_box(text), None).priority
        })
    });
    group.finish();

    let mut group = c.benchmark_group("triage");
    group.sample_size(10);
    group.bench_function("train_builtin", |b| b.iter(train_builtin_model));
    group.finish();
}

fn banking77(c: &mut Criterion) {
    let dir = banking77_dir();
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .ok()
            .and_then(|text| read_labelled(&text).ok())
    };
    let (Some(train_rows), Some(test_rows)) = (read("train.csv"), read("test.csv")) else {
        eprintln!(
            "Banking77 not found at {}; skipping its benches",
            dir.display()
        );
        return;
    };
    let Ok(model) = train(
        train_rows.iter().map(|(t, l)| (t, l)),
        &TrainConfig::default(),
    ) else {
        return;
    };
    let texts: Vec<String> = test_rows.into_iter().map(|(t, _)| t).collect();
    per_call(c, "classify_banking77_77_classes", &model, &texts);
}

criterion_group!(benches, builtin, banking77);
criterion_main!(benches);
