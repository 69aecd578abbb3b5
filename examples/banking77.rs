//! The triage classifier on Banking77 (77 banking intents, English), and the
//! speed and size of the built-in model.
//!
//! ```sh
//! cargo run --release --example banking77              # test figures
//! cargo run --release --example banking77 -- --select-c  # choose C by CV on train
//! cargo run --release --example banking77 -- --dev      # held-out split of train
//! ```
//!
//! Trains on `train.csv` with `TrainConfig::default()` (or the options
//! below), scores `test.csv` (accuracy, macro-F1), and times training and
//! classification of one message per call. Reads
//! `../shared/datasets/banking77/` or `$WALLETCARE_SHARED_DIR/datasets/banking77/`;
//! without it, says so and prints only the built-in model's figures.
//!
//! Times are given both as wall-clock time and as the CPU time of the
//! measuring thread (Linux `/proc/thread-self/schedstat`), which is what
//! one core does when the machine is shared. Options: `--c C`, `--eps E`,
//! `--ovr` (one-vs-rest), `--unbalanced`, `--pairs N`, `--char MIN,MAX`,
//! `--bits B`, `--select-c` (3-fold cross-validation on the training set
//! over `C` in 0.25, 0.5, 1, 2, 4; the test set is only used at the end),
//! `--rounds N` (passes over the texts when timing the 77-intent model, 30
//! by default; more for profiling), `--dev` (score on every 5th example of each intent of the training set
//! instead of the test set), `--confusions`.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use walletcare::triage::{
    Evaluation, Model, Multiclass, TrainConfig, builtin_corpus, builtin_model, cross_validate,
    csv::read_labelled, train,
};

/// Labelled rows: `(text, label)`.
type Rows = Vec<(String, String)>;

/// CPU time of this thread so far, in seconds, where the OS tells it.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Wall-clock and thread CPU seconds of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, Option<f64>) {
    let cpu = thread_cpu_seconds();
    let start = Instant::now();
    let out = f();
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
    (out, wall, cpu)
}

fn show_cpu(cpu: Option<f64>) -> String {
    cpu.map_or_else(|| "n/a".to_owned(), |s| format!("{s:.2} s"))
}

/// Classifies every text one call at a time, `rounds` times over; prints
/// messages per second by wall clock and by thread CPU time.
fn throughput(name: &str, model: &Model, texts: &[&str], rounds: usize) {
    // Warm up caches and the branch predictor.
    for t in texts {
        black_box(model.classify(black_box(t)).index);
    }
    let ((), wall, cpu) = timed(|| {
        for _ in 0..rounds {
            for t in texts {
                black_box(model.classify(black_box(t)).index);
            }
        }
    });
    let calls = (texts.len() * rounds) as f64;
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    println!(
        "  {name}: {:.0}/s wall, {} per CPU second ({} calls, {:.1} chars per text)",
        calls / wall,
        cpu.map_or_else(|| "n/a".to_owned(), |c| format!("{:.0}/s", calls / c)),
        calls,
        chars as f64 / texts.len().max(1) as f64
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let flag = |name: &str| args.iter().any(|a| a == name);
    let mut config = TrainConfig::default();
    if let Some(v) = get("--c") {
        config.c = v.parse()?;
    }
    if let Some(v) = get("--eps") {
        config.epsilon = v.parse()?;
    }
    if let Some(v) = get("--pairs") {
        config.features.word_pairs = v.parse()?;
    }
    if let Some(v) = get("--bits") {
        config.features.bits = v.parse()?;
    }
    if let Some(v) = get("--char") {
        let (a, b) = v.split_once(',').ok_or("--char MIN,MAX")?;
        config.features.char_min = a.parse()?;
        config.features.char_max = b.parse()?;
    }
    if flag("--unbalanced") {
        config.balanced = false;
    }
    if flag("--ovr") {
        config.multiclass = Multiclass::OneVsRest;
    }
    config.validate()?;

    let builtin = builtin_model().ok_or("the built-in corpus is broken")?;
    let corpus: Vec<String> = builtin_corpus()?.into_iter().map(|e| e.text).collect();
    let corpus_texts: Vec<&str> = corpus.iter().map(String::as_str).collect();

    let dir = std::env::var_os("WALLETCARE_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("datasets/banking77");
    let read = |name: &str| -> Option<Result<Rows, Box<dyn std::error::Error>>> {
        let text = std::fs::read_to_string(dir.join(name)).ok()?;
        Some(read_labelled(&text).map_err(Into::into))
    };
    let (Some(train_rows), Some(test_rows)) = (read("train.csv"), read("test.csv")) else {
        println!(
            "Banking77 not found at {} (train.csv and test.csv); skipping its figures. \
             Set WALLETCARE_SHARED_DIR to the folder holding datasets/banking77/.",
            dir.display()
        );
        println!("built-in model (9 categories):");
        println!("  size: {} bytes", builtin.to_bytes().len());
        throughput("classify, corpus texts", builtin, &corpus_texts, 200);
        return Ok(());
    };
    let (train_rows, test_rows) = (train_rows?, test_rows?);

    let dev = flag("--dev");
    let (fit, eval): (Rows, Rows) = if dev {
        // Every 5th example of each intent is held out.
        let mut seen = std::collections::BTreeMap::<String, usize>::new();
        let (mut fit, mut held) = (Vec::new(), Vec::new());
        for (t, l) in train_rows {
            let c = seen.entry(l.clone()).or_default();
            *c += 1;
            if *c % 5 == 0 {
                held.push((t, l));
            } else {
                fit.push((t, l));
            }
        }
        (fit, held)
    } else {
        (train_rows, test_rows)
    };
    let labels: std::collections::BTreeSet<&str> = fit.iter().map(|(_, l)| l.as_str()).collect();
    println!(
        "Banking77: {} training and {} {} messages, {} intents",
        fit.len(),
        eval.len(),
        if dev { "held-out (dev)" } else { "test" },
        labels.len()
    );

    if flag("--select-c") {
        println!("choosing C by stratified 3-fold cross-validation on the training messages:");
        let mut best = (f64::NEG_INFINITY, config.c);
        for c in [0.25, 0.5, 1.0, 2.0, 4.0] {
            let candidate = TrainConfig { c, ..config };
            let (e, wall, _) = timed(|| cross_validate(&fit, 3, &candidate));
            let accuracy = e?.accuracy();
            println!("  C = {c}: CV accuracy {accuracy:.4} ({wall:.1} s)");
            if accuracy > best.0 {
                best = (accuracy, c);
            }
        }
        println!("  chose C = {}", best.1);
        config.c = best.1;
    }

    let (model, wall, cpu) = timed(|| train(fit.iter().map(|(t, l)| (t, l)), &config));
    let model = model?;
    println!(
        "training: {wall:.2} s wall, {} CPU (C = {}, {:?})",
        show_cpu(cpu),
        config.c,
        config.multiclass
    );
    let e = Evaluation::of_model(&model, eval.iter().map(|(t, l)| (t, l)))?;
    println!(
        "{} acc {:.4} macro-F1 {:.4}",
        if dev { "dev" } else { "test" },
        e.accuracy(),
        e.macro_f1()
    );
    if flag("--confusions") {
        let mut pairs = std::collections::BTreeMap::<(usize, usize), usize>::new();
        for (t, p) in e.truth.iter().zip(&e.predicted) {
            if t != p {
                *pairs.entry((*t, *p)).or_default() += 1;
            }
        }
        let mut v: Vec<_> = pairs.into_iter().collect();
        v.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let name = |i: usize| e.labels.get(i).map_or("?", String::as_str);
        for ((t, p), n) in v.iter().take(25) {
            println!("  {n:3} {} -> {}", name(*t), name(*p));
        }
    }
    println!(
        "model: {} features, {} bytes",
        model.feature_count(),
        model.to_bytes().len()
    );

    println!("classify one message per call, one thread:");
    let texts: Vec<&str> = eval.iter().map(|(t, _)| t.as_str()).collect();
    let rounds = get("--rounds").map_or(Ok(30), |v| v.parse())?;
    throughput("77 intents, Banking77 texts", &model, &texts, rounds);
    throughput(
        "built-in 9 categories, Banking77 texts",
        builtin,
        &texts,
        30,
    );
    throughput(
        "built-in 9 categories, corpus texts",
        builtin,
        &corpus_texts,
        60,
    );
    println!("built-in model: {} bytes", builtin.to_bytes().len());
    Ok(())
}
