//! Business-day arithmetic on 10 million dates, single thread.
//!
//! The headline benches mirror `scripts/numpy_busday.py`: numpy's
//! `busday_offset(dates, 7, roll='following')` and `busday_count(starts,
//! ends)` with Indonesia's holidays and a Monday-Friday weekmask. When
//! `WALLETCARE_BENCH_DIR` is set (by `scripts/bench-calendar.sh`) the inputs
//! are read from the files numpy used (`dates.i32`, `starts.i32`,
//! `ends.i32`: little-endian days since 1970-01-01) and our results are
//! written next to them (`offset_rust.i32`, `count_rust.i64`) so the script
//! can check that they agree with numpy's. Otherwise the same kind of inputs
//! are generated here with a fixed seed.
//!
//! `calendar_single/add_7_business_days_id` is the one-date-per-call
//! counterpart of numpy's scalar loop: the same calendar, offset and dates
//! (the first `WALLETCARE_BENCH_SCALAR_CALLS`, 200,000 by default), one
//! `add_business_days` call per iteration.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::panic
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use walletcare::calendar::{BusinessCalendar, CalendarId, date_from_epoch_day, epoch_day};

const N: usize = 10_000_000;
const OFFSET: i64 = 7;
/// Dates of the one-date-per-call bench (numpy's scalar loop takes as many).
const SCALAR_CALLS: usize = 200_000;

/// SplitMix64, for deterministic inputs without a dependency.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn day_in(&mut self, lo: i32, hi: i32) -> i32 {
        lo + (self.next() % u64::from((hi - lo) as u32)) as i32
    }
}

fn read_i32(path: &Path) -> Vec<i32> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes(c.try_into().unwrap()))
        .collect()
}

fn write_bytes(path: &Path, bytes: impl Iterator<Item = u8>) {
    std::fs::write(path, bytes.collect::<Vec<u8>>())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

struct Inputs {
    dates: Vec<i32>,
    starts: Vec<i32>,
    ends: Vec<i32>,
    dir: Option<PathBuf>,
}

fn inputs() -> Inputs {
    if let Some(dir) = std::env::var_os("WALLETCARE_BENCH_DIR").map(PathBuf::from) {
        return Inputs {
            dates: read_i32(&dir.join("dates.i32")),
            starts: read_i32(&dir.join("starts.i32")),
            ends: read_i32(&dir.join("ends.i32")),
            dir: Some(dir),
        };
    }
    let d = |y, m, day| epoch_day(NaiveDate::from_ymd_opt(y, m, day).unwrap());
    // Dates late enough in 2030 would need 2031 data for +7.
    let (lo, hi_offset, hi_count) = (d(2020, 1, 1), d(2030, 12, 15), d(2031, 1, 1));
    let mut rng = SplitMix(20_240_410);
    Inputs {
        dates: (0..N).map(|_| rng.day_in(lo, hi_offset)).collect(),
        starts: (0..N).map(|_| rng.day_in(lo, hi_count)).collect(),
        ends: (0..N).map(|_| rng.day_in(lo, hi_count)).collect(),
        dir: None,
    }
}

fn bulk(c: &mut Criterion) {
    let id = BusinessCalendar::builtin(CalendarId::Indonesia);
    let inp = inputs();
    let mut offsets = vec![0_i32; inp.dates.len()];
    let mut counts = vec![0_i64; inp.starts.len()];

    let mut g = c.benchmark_group("calendar");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(inp.dates.len() as u64));
    g.bench_function("add_7_business_days_10M", |b| {
        b.iter(|| {
            id.add_business_days_epoch_into(black_box(&inp.dates), OFFSET, &mut offsets)
                .unwrap();
            black_box(&offsets);
        })
    });
    g.throughput(Throughput::Elements(inp.starts.len() as u64));
    g.bench_function("business_days_between_10M", |b| {
        b.iter(|| {
            id.business_days_between_epoch_into(
                black_box(&inp.starts),
                black_box(&inp.ends),
                &mut counts,
            )
            .unwrap();
            black_box(&counts);
        })
    });
    g.finish();

    // One date per call, as an app calls it and as numpy's Python loop does
    // (scripts/numpy_busday.py scalar): add 7 business days on Indonesia's
    // calendar to the first SCALAR_CALLS dates, round-robin, converted to
    // `NaiveDate` before the clock starts.
    let scalar_calls = std::env::var("WALLETCARE_BENCH_SCALAR_CALLS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(SCALAR_CALLS);
    let dates: Vec<NaiveDate> = inp
        .dates
        .iter()
        .take(scalar_calls.max(1))
        .map(|&d| date_from_epoch_day(d).unwrap())
        .collect();
    let mut g = c.benchmark_group("calendar_single");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    g.throughput(Throughput::Elements(1));
    let mut i = 0_usize;
    g.bench_function("add_7_business_days_id", |b| {
        b.iter(|| {
            let date = dates.get(i % dates.len()).copied().unwrap();
            i = i.wrapping_add(1);
            id.add_business_days(black_box(date), black_box(OFFSET))
                .unwrap()
        })
    });
    g.finish();

    if let Some(dir) = &inp.dir {
        id.add_business_days_epoch_into(&inp.dates, OFFSET, &mut offsets)
            .unwrap();
        id.business_days_between_epoch_into(&inp.starts, &inp.ends, &mut counts)
            .unwrap();
        write_bytes(
            &dir.join("offset_rust.i32"),
            offsets.iter().flat_map(|v| v.to_le_bytes()),
        );
        write_bytes(
            &dir.join("count_rust.i64"),
            counts.iter().flat_map(|v| v.to_le_bytes()),
        );
    }
}

fn single(c: &mut Criterion) {
    let cn = BusinessCalendar::builtin(CalendarId::China);
    let date = NaiveDate::from_ymd_opt(2024, 9, 13).unwrap();
    let end = NaiveDate::from_ymd_opt(2028, 2, 1).unwrap();
    let at = Utc.with_ymd_and_hms(2024, 9, 13, 8, 30, 0).unwrap();
    let later = Utc.with_ymd_and_hms(2027, 3, 1, 2, 0, 0).unwrap();
    let mut g = c.benchmark_group("calendar_single");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    g.bench_function("is_business_day", |b| {
        b.iter(|| cn.is_business_day(black_box(date)))
    });
    g.bench_function("add_business_days", |b| {
        b.iter(|| cn.add_business_days(black_box(date), black_box(250)))
    });
    g.bench_function("business_days_between", |b| {
        b.iter(|| cn.business_days_between(black_box(date), black_box(end)))
    });
    g.bench_function("add_business_duration_100h", |b| {
        b.iter(|| cn.add_business_duration(black_box(at), chrono::Duration::hours(100)))
    });
    g.bench_function("business_duration_between", |b| {
        b.iter(|| cn.business_duration_between(black_box(at), black_box(later)))
    });
    g.bench_function("builtin_clone", |b| {
        b.iter(|| BusinessCalendar::builtin(black_box(CalendarId::Singapore)))
    });
    g.bench_function("from_json_indonesia", |b| {
        let json = BusinessCalendar::builtin(CalendarId::Indonesia).to_json();
        b.iter(|| BusinessCalendar::from_json(black_box(&json)))
    });
    g.finish();
}

criterion_group!(benches, bulk, single);
criterion_main!(benches);
