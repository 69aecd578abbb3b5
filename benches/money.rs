//! Money arithmetic, parsing and formatting.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use walletcare::money::{Currency, Money};

fn arithmetic(c: &mut Criterion) {
    let amounts: Vec<Money> = (0..1_000)
        .map(|i| Money::new(i * 1_000, Currency::Idr))
        .collect();
    c.bench_function("money/checked_sum_1000", |b| {
        b.iter(|| Money::checked_sum(black_box(&amounts).iter().copied(), Currency::Idr))
    });
}

criterion_group!(benches, arithmetic);
criterion_main!(benches);
