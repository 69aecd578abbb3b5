//! Hostile input: every entry point that reads outside data does bounded
//! work and answers with a value or a typed error.
//!
//! The fuzz targets' bodies (`fuzz/src/lib.rs`) are compiled into this test
//! binary, and every seed of every target is replayed through them, so CI
//! checks the fuzzers' invariants on the seed corpus without a fuzzer.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

#[allow(
    unreachable_pub,
    dead_code,
    unsafe_code,
    clippy::indexing_slicing,
    clippy::panic
)]
#[path = "../../fuzz/src/lib.rs"]
mod fuzz_bodies;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
        .collect()
}

#[test]
fn every_fuzz_seed_replays_through_its_target_without_breaking_an_invariant() {
    let mut replayed = 0;
    for (target, body) in fuzz_bodies::TARGETS {
        let seeds = seeds(target);
        assert!(!seeds.is_empty(), "{target} has no seeds");
        for (name, data) in seeds {
            eprintln!("replaying {name}");
            body(&data);
            replayed += 1;
        }
    }
    assert!(replayed >= fuzz_bodies::TARGETS.len());
}

// ---------------------------------------------------------------------------
// Bounded work on hostile input
// ---------------------------------------------------------------------------
//
// Time bounds compare a large input against a small one of the same shape
// (the best of a few runs each): the large one must stay within a generous
// multiple of what linear (or, for capped inputs, constant) work would cost,
// plus a fixed allowance for a loaded machine. A quadratic algorithm, an
// unbounded loop or a parse of the whole input where only a prefix is read
// blows far past these budgets; scheduling noise on a busy two-core CI
// machine does not.

use std::time::{Duration, Instant};

use walletcare::calendar::{
    BusinessCalendar, CalendarError, CalendarSpec, Holiday, HolidayKind, MAX_JSON_BYTES,
};
use walletcare::error::{ErrorCode, HasErrorCode};
use walletcare::locale::Locale;
use walletcare::money::{self, Currency, MoneyError};
use walletcare::triage::{self, MAX_INPUT_BYTES, Model, TriageError, Triager, builtin_model};

/// Allowance for scheduling noise on a loaded machine.
const SLACK: Duration = Duration::from_millis(250);

/// The best time of `runs` runs of `f`, and its last result.
fn best_of<T>(runs: u32, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed());
        last = Some(value);
    }
    (best, last.unwrap())
}

/// Asserts that `big` (for an input `factor` times larger than the one that
/// took `small`) stays within 10 times the linear extrapolation.
#[track_caller]
fn assert_linear(what: &str, small: Duration, big: Duration, factor: u32) {
    let budget = small * factor * 10 + SLACK;
    assert!(
        big <= budget,
        "{what}: {big:?} for the large input, budget {budget:?} (small input {small:?}, x{factor})"
    );
}

/// Asserts that `big` costs about what `small` does although its input is
/// much larger (the work is capped).
#[track_caller]
fn assert_capped(what: &str, small: Duration, big: Duration) {
    let budget = small * 20 + SLACK;
    assert!(
        big <= budget,
        "{what}: {big:?} for the large input, budget {budget:?} (capped input {small:?})"
    );
}

/// Repeats `unit` until the text is at least `len` bytes, cut on a char
/// boundary.
fn text_of(unit: &str, len: usize) -> String {
    let mut text = unit.repeat(len / unit.len() + 1);
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

const MEGABYTE: usize = 1 << 20;

#[test]
fn triage_of_a_megabyte_costs_about_the_same_as_its_capped_prefix() {
    let triager = Triager::new(builtin_model().unwrap().clone()).unwrap();
    let units = [
        "saldo saya kepotong Rp 50.000 tapi transfer gagal, tolong refund cepat ",
        "我的账户被冻结了，怎么解冻？退款什么时候到账？",
        "a",
        "9",
        "INV/20261121/XYZ/123 ",
        "😡",
    ];
    for unit in units {
        let big = text_of(unit, MEGABYTE);
        let small = text_of(unit, MAX_INPUT_BYTES);
        let (head, truncated) = triage::cap_input(&big);
        assert!(truncated && head.len() <= MAX_INPUT_BYTES, "{unit:?}");
        let (t_small, r_small) = best_of(5, || triage::triage(&small, None));
        let (t_big, r_big) = best_of(3, || triage::triage(&big, None));
        assert_capped(&format!("triage of {unit:?}"), t_small, t_big);
        assert!(r_big.truncated, "{unit:?}");
        // Only the prefix is read: the verdict is that of the prefix.
        let r_head = triage::triage(head, None);
        assert_eq!(
            (r_big.category, r_big.language),
            (r_head.category, r_head.language),
            "{unit:?}"
        );
        assert_eq!(r_big.entities, r_head.entities, "{unit:?}");
        let _ = r_small;
        let (t_small, _) = best_of(5, || triager.triage(&small, None));
        let (t_big, r) = best_of(3, || triager.triage(&big, None));
        assert_capped(&format!("Triager::triage of {unit:?}"), t_small, t_big);
        assert!(r.truncated);
    }
}

fn holidays(count: usize) -> Vec<Holiday> {
    let first = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    (0..count)
        .map(|i| Holiday {
            date: first + chrono::Duration::days(i64::try_from(i).unwrap()),
            name: "H".to_owned(),
            kind: HolidayKind::Public,
            estimated: false,
        })
        .collect()
}

fn holiday_json(count: usize) -> String {
    let list: Vec<String> = holidays(count)
        .iter()
        .map(|h| format!(r#"{{"date":"{}","name":"H","kind":"public"}}"#, h.date))
        .collect();
    format!(r#"{{"time_zone":"UTC","holidays":[{}]}}"#, list.join(","))
}

#[test]
fn calendar_json_with_100000_holidays_is_refused_by_size_before_parsing() {
    let json = holiday_json(100_000);
    assert!(json.len() > MAX_JSON_BYTES, "{} bytes", json.len());
    let (allocated, (elapsed, result)) =
        alloc_meter::measure(|| best_of(3, || BusinessCalendar::from_json(&json)));
    let error = result.unwrap_err();
    assert!(matches!(error, CalendarError::TooLarge { .. }), "{error:?}");
    assert_eq!(error.code(), ErrorCode::InputTooLarge);
    assert!(
        error.to_string().contains(&MAX_JSON_BYTES.to_string()),
        "{error}"
    );
    // Refused from its length alone: nothing parsed, nothing allocated but
    // the error, and no time spent.
    assert!(allocated < 4096, "{allocated} bytes allocated");
    assert!(elapsed < SLACK, "{elapsed:?}");
}

#[test]
fn calendar_with_100000_holidays_loads_in_linear_time() {
    // Built in Rust (no JSON size limit): 100,000 days from 1900 span 274
    // years, within the 400-year table limit, so the calendar is accepted.
    let spec = |count| {
        let mut spec: CalendarSpec = serde_json::from_str(r#"{"time_zone":"UTC"}"#).unwrap();
        spec.holidays = holidays(count);
        spec
    };
    let (t_small, small) = best_of(5, || BusinessCalendar::new(spec(10_000)));
    let (t_big, big) = best_of(3, || BusinessCalendar::new(spec(100_000)));
    assert_linear("BusinessCalendar::new", t_small, t_big, 10);
    assert!(small.is_ok());
    let cal = big.unwrap();
    let last = holidays(100_000).last().unwrap().date;
    assert!(!cal.is_business_day(last).unwrap());
    assert!(
        cal.is_business_day(last + chrono::Duration::days(1))
            .is_ok()
    );

    // A JSON list of 80,000 holidays, just under the size limit, loads in
    // linear time too.
    let json_small = holiday_json(8_000);
    let json_big = holiday_json(80_000);
    assert!(json_big.len() <= MAX_JSON_BYTES, "{} bytes", json_big.len());
    let (t_small, small) = best_of(5, || BusinessCalendar::from_json(&json_small));
    let (t_big, big) = best_of(3, || BusinessCalendar::from_json(&json_big));
    assert_linear("BusinessCalendar::from_json", t_small, t_big, 10);
    assert!(small.is_ok());
    let cal = big.unwrap();
    assert!(
        !cal.is_business_day(holidays(80_000).last().unwrap().date)
            .unwrap()
    );
    // Its saved form is larger than the input (every field written out), so
    // the round trip is checked on 50,000 holidays, whose saved form fits.
    let cal = BusinessCalendar::from_json(&holiday_json(50_000)).unwrap();
    let saved = cal.to_json();
    assert!(saved.len() <= MAX_JSON_BYTES, "{} bytes", saved.len());
    assert_eq!(BusinessCalendar::from_json(&saved).unwrap(), cal);
}

#[test]
fn calendars_with_absurd_coverage_are_refused_before_building_a_table() {
    for json in [
        r#"{"time_zone":"UTC","coverage":{"first":-200000,"last":200000}}"#,
        r#"{"time_zone":"UTC","coverage":{"first":2000,"last":2147483647}}"#,
        r#"{"time_zone":"UTC","holidays":[{"date":"-200000-01-01","name":"A","kind":"public"},{"date":"+200000-01-01","name":"B","kind":"public"}]}"#,
    ] {
        let (allocated, result) = alloc_meter::measure(|| BusinessCalendar::from_json(json));
        let error = result.unwrap_err();
        assert!(!error.to_string().is_empty());
        assert!(allocated < 64 * 1024, "{json}: {allocated} bytes allocated");
    }
}

/// FNV-1a 64, the model checksum.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A model whose header claims `classes` classes and `rows` feature rows,
/// followed by `tail` bytes, with a valid checksum.
fn absurd_model(classes: u32, rows: u32, tail: usize) -> Vec<u8> {
    let real = builtin_model().unwrap().to_bytes();
    // magic (8), version (2), feature config (7), classes, rows, scale.
    let mut bytes = real[..17].to_vec();
    bytes.extend_from_slice(&classes.to_le_bytes());
    bytes.extend_from_slice(&rows.to_le_bytes());
    bytes.extend_from_slice(&1.0f32.to_le_bytes());
    bytes.extend(std::iter::repeat_n(0u8, tail));
    let sum = fnv1a(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes
}

#[test]
fn models_with_absurd_header_dimensions_are_refused_before_allocating() {
    // Sanity: the header layout assumed here is the real one.
    let real = builtin_model().unwrap().to_bytes();
    let k = builtin_model().unwrap().labels().len();
    assert_eq!(
        u32::from_le_bytes(real[17..21].try_into().unwrap()) as usize,
        k
    );
    for (classes, rows, tail) in [
        (u32::MAX, u32::MAX, 0),
        (65_535, u32::MAX, 0),
        (2, u32::MAX, 1024),
        (65_535, 65_535, 4096),
        (u32::MAX, 1, 64),
        (0, 0, 0),
        (1, 0, 16),
        (65_536, 0, 1 << 20),
    ] {
        let bytes = absurd_model(classes, rows, tail);
        let (allocated, (elapsed, result)) =
            alloc_meter::measure(|| best_of(1, || Model::from_bytes(&bytes)));
        let error = result.unwrap_err();
        assert!(matches!(error, TriageError::InvalidModel(_)), "{error:?}");
        assert!(!error.to_string().is_empty());
        // The header is checked against the bytes that follow before any
        // table is allocated: only the error message is.
        assert!(
            allocated < 4096,
            "{classes} x {rows}: {allocated} bytes allocated: {error}"
        );
        assert!(elapsed < SLACK * 4, "{classes} x {rows}: {elapsed:?}");
    }
}

#[test]
fn huge_money_strings_are_refused_from_their_length() {
    for text in [
        "9".repeat(MEGABYTE),
        format!("Rp{}", "1.000".repeat(MEGABYTE / 5)),
        format!("¥{}", "0".repeat(MEGABYTE)),
        "-".repeat(MEGABYTE),
        " ".repeat(257),
    ] {
        let (allocated, (elapsed, result)) =
            alloc_meter::measure(|| best_of(3, || money::parse(&text, Locale::Id, Currency::Idr)));
        assert_eq!(
            result,
            Err(MoneyError::InputTooLarge {
                len: text.len(),
                max: money::MAX_PARSE_LEN
            })
        );
        assert_eq!(allocated, 0);
        assert!(elapsed < SLACK, "{elapsed:?}");
    }
    // At the limit the parser runs and answers with an error, not a panic or
    // a wrapped-around amount.
    let longest = "9".repeat(money::MAX_PARSE_LEN);
    assert_eq!(
        money::parse(&longest, Locale::En, Currency::Idr),
        Err(MoneyError::Overflow)
    );
}

#[test]
fn deeply_nested_json_is_refused_by_every_json_input_without_overflowing_the_stack() {
    use walletcare::card::CardInput;
    use walletcare::refund::{RefundAction, RefundBook, RefundRequest};
    use walletcare::ticket::Ticket;

    macro_rules! check {
        ($ty:ty, $small:expr, $big:expr) => {{
            let what = stringify!($ty);
            let (t_small, r_small) = best_of(5, || serde_json::from_str::<$ty>($small).is_err());
            let (t_big, r_big) = best_of(3, || serde_json::from_str::<$ty>($big).is_err());
            assert!(r_small && r_big, "{what} accepted nested JSON");
            assert_linear(what, t_small, t_big, 100);
        }};
    }
    for (open, close) in [("[", "]"), (r#"{"a":"#, "}"), (r#"{"holidays":"#, "}")] {
        let small = format!("{}{}", open.repeat(10_000), close.repeat(10_000));
        let big = format!("{}{}", open.repeat(1_000_000), close.repeat(1_000_000));
        check!(CalendarSpec, &small, &big);
        check!(RefundBook, &small, &big);
        check!(RefundRequest, &small, &big);
        check!(RefundAction, &small, &big);
        check!(Ticket, &small, &big);
        check!(CardInput, &small, &big);
        // Under the size limit the parser itself refuses the nesting.
        let deep = format!("{}{}", open.repeat(100_000), close.repeat(100_000));
        assert!(deep.len() <= MAX_JSON_BYTES);
        let (elapsed, result) = best_of(1, || BusinessCalendar::from_json(&deep));
        assert!(
            matches!(result, Err(CalendarError::InvalidJson { .. })),
            "{result:?}"
        );
        assert!(elapsed < SLACK * 4, "{elapsed:?}");
    }
}

/// Counts the bytes this thread asks the allocator for.
mod alloc_meter {
    #![allow(unsafe_code)]

    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    struct Meter;

    thread_local! {
        static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    }

    fn count(size: usize) {
        // `try_with`: the thread-local may be gone while a thread exits.
        let _ = ALLOCATED.try_with(|a| a.set(a.get().saturating_add(size)));
    }

    // SAFETY: forwards every call to the system allocator unchanged.
    unsafe impl GlobalAlloc for Meter {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            count(layout.size());
            // SAFETY: the caller's contract is passed on.
            unsafe { System.alloc(layout) }
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            count(layout.size());
            // SAFETY: as above.
            unsafe { System.alloc_zeroed(layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            count(new_size.saturating_sub(layout.size()));
            // SAFETY: as above.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: as above.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static GLOBAL: Meter = Meter;

    /// Runs `f` and returns the bytes it allocated on this thread (growth
    /// only; frees are not subtracted) with its result.
    pub(super) fn measure<T>(f: impl FnOnce() -> T) -> (usize, T) {
        let before = ALLOCATED.with(Cell::get);
        let value = f();
        let after = ALLOCATED.with(Cell::get);
        (after - before, value)
    }
}

// ---------------------------------------------------------------------------
// Regressions found by fuzzing (their inputs are also fuzz seeds, replayed
// above through the target bodies)
// ---------------------------------------------------------------------------

/// `calendar` target, `fuzz/seeds/calendar/regress_between_reversed_weekend.txt`:
/// the harness expected the reversed count to close the same end of the
/// range whichever way round the dates were; the core was right. Pinned
/// here so the relation stays stated: for `a > b`, `between(b, a)` counts
/// `[b, a)` and `between(a, b)` is minus `(b, a]`.
#[test]
fn fuzz_regression_reversed_business_day_count_closes_the_other_end() {
    use walletcare::calendar::CalendarId;
    let cal = BusinessCalendar::builtin(CalendarId::Indonesia);
    let a = chrono::NaiveDate::from_ymd_opt(2028, 3, 18).unwrap(); // a Saturday
    let b = chrono::NaiveDate::from_ymd_opt(2025, 3, 25).unwrap(); // a Tuesday
    assert!(!cal.is_business_day(a).unwrap() && cal.is_business_day(b).unwrap());
    let n = cal.business_days_between(a, b).unwrap();
    let m = cal.business_days_between(b, a).unwrap();
    assert!(n < 0 && m > 0);
    // [b, a) holds b (a business day) but not a; (b, a] holds neither.
    assert_eq!(m, -n + 1);
    let days = |from: chrono::NaiveDate, to: chrono::NaiveDate| {
        from.iter_days()
            .take_while(|d| *d < to)
            .filter(|d| cal.is_business_day(*d).unwrap())
            .count()
    };
    assert_eq!(m, i64::try_from(days(b, a)).unwrap());
    assert_eq!(
        -n,
        i64::try_from(days(b.succ_opt().unwrap(), a.succ_opt().unwrap())).unwrap()
    );
}

/// `triage_model` target, `fuzz/seeds/triage_model/regress_huge_score_json.bin`:
/// a model with extreme weights scored a runner-up at about 2.14e20, and
/// the `Triage` JSON read that score back one unit in the last place off,
/// so the result's JSON did not load back equal. serde_json now parses
/// floats exactly (`float_roundtrip`), so every score survives its JSON.
#[test]
fn fuzz_regression_triage_scores_survive_their_json_exactly() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds/triage_model/regress_huge_score_json.bin");
    let mut bytes = std::fs::read(path).unwrap();
    let sum = fnv1a(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    let triager = Triager::new(Model::from_bytes(&bytes).unwrap()).unwrap();
    let result = triager.triage("refund for order INV/20261121/XYZ/123 not received", None);
    assert!(
        result.alternatives.iter().any(|a| a.score.abs() > 1e19),
        "{result:?}"
    );
    let json = serde_json::to_string(&result).unwrap();
    assert_eq!(
        serde_json::from_str::<walletcare::triage::Triage>(&json).unwrap(),
        result,
        "{json}"
    );
    for score in [
        2.141_077_380_317_039_8e20,
        -1.293_727_291_034_505e19,
        1e-300,
        f64::MAX,
        0.1 + 0.2,
    ] {
        let json = serde_json::to_string(&score).unwrap();
        assert_eq!(
            serde_json::from_str::<f64>(&json).unwrap().to_bits(),
            score.to_bits(),
            "{json}"
        );
    }
}

#[test]
fn redaction_and_warnings_take_linear_time_on_any_text() {
    use walletcare::redact::{RedactPolicy, ScamConfig, redact, warnings};
    let units = [
        "kode OTP 482913 kartu 4111 1111 1111 1111 ",
        "1 2 3 4 5 6 7 8 9 0 ",
        "9",
        "otp otp otp pin: ",
        "验证码",
        "a.b-c.xyz/ g0pay.co.id ",
        "@@@a@b.co ",
        "😡",
    ];
    let policy = RedactPolicy::all();
    let config = ScamConfig::default();
    for unit in units {
        let small = text_of(unit, MEGABYTE / 16);
        let big = text_of(unit, MEGABYTE);
        let (t_small, _) = best_of(3, || redact(&small, &policy));
        let (t_big, r) = best_of(2, || redact(&big, &policy));
        assert_linear(&format!("redact of {unit:?}"), t_small, t_big, 16);
        assert!(r.redacted.len() <= big.len() * 2, "{unit:?}");
        let (t_small, _) = best_of(3, || warnings(&small, &config));
        let (t_big, _) = best_of(2, || warnings(&big, &config));
        assert_linear(&format!("warnings of {unit:?}"), t_small, t_big, 16);
    }
}
