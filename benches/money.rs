//! Money arithmetic, splitting, parsing and formatting.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use walletcare::locale::Locale;
use walletcare::money::{self, Currency, Money};

fn arithmetic(c: &mut Criterion) {
    let amounts: Vec<Money> = (0..1_000)
        .map(|i| Money::new(i * 1_000, Currency::Idr))
        .collect();
    c.bench_function("money/checked_sum_1000", |b| {
        b.iter(|| Money::checked_sum(black_box(&amounts).iter().copied(), Currency::Idr))
    });
}

fn splitting(c: &mut Criterion) {
    let bill = Money::new(15_000_050, Currency::Idr);
    c.bench_function("money/split_7", |b| b.iter(|| black_box(bill).split(7)));
    c.bench_function("money/split_10000", |b| {
        b.iter(|| black_box(bill).split(10_000))
    });
    let ratios: Vec<u64> = (1..=100).collect();
    c.bench_function("money/allocate_100_ratios", |b| {
        b.iter(|| black_box(bill).allocate(black_box(&ratios)))
    });
}

fn parsing(c: &mut Criterion) {
    let cases = [
        ("id_rp_grouped", "Rp150.000,50", Locale::Id, Currency::Idr),
        ("id_jt_suffix", "1,5jt", Locale::Id, Currency::Idr),
        ("zh_yuan_wan", "1.5万元", Locale::ZhCn, Currency::Cny),
        (
            "zh_fullwidth",
            "￥１，５００．５０",
            Locale::ZhCn,
            Currency::Cny,
        ),
        ("en_dollar", "$1,234.56", Locale::En, Currency::Usd),
        ("en_code_suffix", "12.34 SGD", Locale::En, Currency::Usd),
    ];
    for (name, text, locale, default) in cases {
        c.bench_function(&format!("money/parse/{name}"), |b| {
            b.iter(|| money::parse(black_box(text), locale, default))
        });
    }
    c.bench_function("money/parse/rejected_misplaced_separator", |b| {
        b.iter(|| money::parse(black_box("Rp1.50.000"), Locale::Id, Currency::Idr))
    });
    let long = format!("{}5", " ".repeat(255));
    c.bench_function("money/parse/max_length_input", |b| {
        b.iter(|| money::parse(black_box(&long), Locale::En, Currency::Usd))
    });
}

fn formatting(c: &mut Criterion) {
    let cases = [
        ("id_idr", Money::new(15_000_050, Currency::Idr), Locale::Id),
        ("zh_cny", Money::new(15_000, Currency::Cny), Locale::ZhCn),
        (
            "en_usd_large",
            Money::new(i64::MIN, Currency::Usd),
            Locale::En,
        ),
    ];
    for (name, m, locale) in cases {
        c.bench_function(&format!("money/format/{name}"), |b| {
            b.iter(|| black_box(m).format(locale))
        });
    }
    let m = Money::new(15_000_050, Currency::Idr);
    c.bench_function("money/display", |b| b.iter(|| black_box(m).to_string()));
    c.bench_function("money/format_then_parse_id", |b| {
        b.iter(|| money::parse(&black_box(m).format(Locale::Id), Locale::Id, Currency::Idr))
    });
}

criterion_group!(benches, arithmetic, splitting, parsing, formatting);
criterion_main!(benches);
