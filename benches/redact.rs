//! Redaction: `redact` with one message per call (the default policy and
//! every kind), on the labelled set `examples/redact_eval.rs` generates,
//! and the scam warnings.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use walletcare::redact::{RedactPolicy, ScamConfig, redact, warnings};

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/redact_eval.rs"]
mod eval;

fn per_message(c: &mut Criterion) {
    let texts: Vec<String> = eval::generate(14, 10_000)
        .into_iter()
        .map(|m| m.text)
        .collect();
    let mut group = c.benchmark_group("redact");
    group.throughput(Throughput::Elements(1));
    for (name, policy) in [
        ("default_policy", RedactPolicy::default()),
        ("all_kinds", RedactPolicy::all()),
    ] {
        let mut i = 0usize;
        group.bench_function(name, |b| {
            b.iter(|| {
                let text = texts.get(i % texts.len()).map_or("", String::as_str);
                i = i.wrapping_add(1);
                redact(black_box(text), &policy).findings.len()
            })
        });
    }
    let config = ScamConfig::default();
    let mut i = 0usize;
    group.bench_function("warnings", |b| {
        b.iter(|| {
            let text = texts.get(i % texts.len()).map_or("", String::as_str);
            i = i.wrapping_add(1);
            warnings(black_box(text), &config).len()
        })
    });
    group.finish();
}

criterion_group!(benches, per_message);
criterion_main!(benches);
