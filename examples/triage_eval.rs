//! How well the built-in triage model's recipe does on text it did not learn
//! from, per language, with confusion matrices.
//!
//! ```sh
//! cargo run --release --example triage_eval
//! cargo run --release --example triage_eval -- --b77 20   # plus 20 Banking77 examples per intent
//! cargo run --release --example triage_eval -- --holdout tests/data/triage_holdout2.csv
//! cargo run --release --example triage_eval -- --no-cv --holdout FILE   # held-out sets only
//! cargo run --release --example triage_eval -- --misses   # also list the CV mistakes
//! ```
//!
//! 1. Stratified 5-fold cross-validation over the built-in corpus
//!    (`crates/walletcare-core/data/triage`, the recipe of the shipped
//!    model) with [`BUILTIN_TRAIN_CONFIG`], reported on the whole corpus and
//!    separately on its original part (`corpus_{zh,id,en}.csv`, without the
//!    `_chat` files); with `--b77 N`, each fold's model also learns from N
//!    Banking77 training examples per intent (never scored), an experiment
//!    the shipped model does not use.
//! 2. The held-out sets `tests/data/triage_holdout_{en,id,zh}.csv`, written
//!    before any tuning and never trained or tuned on, scored with a model
//!    trained on the whole recipe and with the shipped built-in model.
//!    Each `--holdout FILE` (`text,label` CSV, any languages mixed) is
//!    scored the same way, per language as the triage detects it.
//! 3. The four English misroutes quoted in issue 13 and the other probe
//!    phrasings of `tests/data/triage_probe.csv`.
//!
//! Banking77 is read from `$WALLETCARE_SHARED_DIR/datasets/banking77/`
//! (default `../shared`, then `/work/shared`) only with `--b77`; without it,
//! the recipe is the built-in corpus only, and the output says so. The 77-intent Banking77
//! test figure is `cargo run --release --example banking77`.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Instant;

use walletcare::ticket::Category;
use walletcare::triage::{
    BANKING77_PER_INTENT, BUILTIN_TRAIN_CONFIG, CorpusExample, Language, Triager,
    banking77_examples, builtin_corpus,
    csv::{parse, read_labelled},
    train,
};

type Error = Box<dyn std::error::Error>;

/// The shared datasets folder's Banking77 training split, if present.
fn banking77_train() -> Option<String> {
    let candidates = [
        std::env::var_os("WALLETCARE_SHARED_DIR").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")),
        Some(PathBuf::from("/work/shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|dir| dir.join("datasets/banking77/train.csv"))
        .find_map(|path| std::fs::read_to_string(path).ok())
}

/// The original corpus files, before the chat-style ones were added.
const ORIGINAL: [&str; 3] = [
    include_str!("../crates/walletcare-core/data/triage/corpus_zh.csv"),
    include_str!("../crates/walletcare-core/data/triage/corpus_id.csv"),
    include_str!("../crates/walletcare-core/data/triage/corpus_en.csv"),
];

/// Predictions per example: `(language, truth, predicted)`.
type Results = Vec<(Language, Category, Category)>;

fn index(c: Category) -> usize {
    Category::ALL.iter().position(|&x| x == c).unwrap_or(0)
}

fn short(c: Category) -> &'static str {
    match c {
        Category::AccountAccess => "access",
        Category::AccountSecurity => "secur",
        Category::PaymentFailure => "payfail",
        Category::Refund => "refund",
        Category::BankCard => "card",
        Category::Technical => "tech",
        Category::Complaint => "complt",
        Category::Feedback => "feedbk",
        Category::GeneralInquiry => "general",
    }
}

fn report(title: &str, results: &Results) {
    let acc = |keep: &dyn Fn(Language) -> bool| {
        let rows: Vec<_> = results.iter().filter(|r| keep(r.0)).collect();
        let right = rows.iter().filter(|r| r.1 == r.2).count();
        (right as f64 / rows.len().max(1) as f64 * 100.0, rows.len())
    };
    let (all, n) = acc(&|_| true);
    println!("{title}: {all:.2}% of {n}");
    let mut worst = f64::INFINITY;
    for language in [Language::Zh, Language::Id, Language::En] {
        let (a, n) = acc(&|l| l == language);
        worst = worst.min(a);
        println!("  {language}: {a:.2}% of {n}");
    }
    let (other, n) = acc(&|l| l == Language::Other);
    if n > 0 {
        println!("  other: {other:.2}% of {n}");
    }
    println!("  worst language: {worst:.2}%");
    println!("  confusion (rows: truth, columns: predicted)");
    print!("  {:>8}", "");
    for c in Category::ALL {
        print!("{:>8}", short(c));
    }
    println!();
    let mut matrix = [[0usize; 9]; 9];
    for &(_, t, p) in results {
        if let Some(cell) = matrix.get_mut(index(t)).and_then(|r| r.get_mut(index(p))) {
            *cell += 1;
        }
    }
    for (c, row) in Category::ALL.iter().zip(matrix) {
        print!("  {:>8}", short(*c));
        for cell in row {
            print!("{cell:>8}");
        }
        println!();
    }
}

fn train_triager(rows: &[&CorpusExample]) -> Result<Triager, Error> {
    let model = train(
        rows.iter().map(|e| (e.text.as_str(), e.category.as_str())),
        &BUILTIN_TRAIN_CONFIG,
    )?;
    Ok(Triager::new(model)?)
}

fn holdout() -> Result<Vec<(Language, String, Category)>, Error> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    for (file, language) in [
        ("triage_holdout_zh.csv", Language::Zh),
        ("triage_holdout_id.csv", Language::Id),
        ("triage_holdout_en.csv", Language::En),
    ] {
        let text = std::fs::read_to_string(dir.join(file))?;
        for (text, label) in read_labelled(&text)? {
            out.push((language, text, label.parse::<Category>()?));
        }
    }
    Ok(out)
}

/// A `text,label` file of any languages, each message's language as the
/// triage detects it.
fn holdout_file(path: &str) -> Result<Vec<(String, Category)>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (text, label) in read_labelled(&text)? {
        out.push((text, label.parse::<Category>()?));
    }
    Ok(out)
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let extra_holdouts: Vec<&String> = args
        .iter()
        .zip(args.iter().skip(1))
        .filter(|(flag, _)| *flag == "--holdout")
        .map(|(_, path)| path)
        .collect();
    let run_cv = !args.iter().any(|a| a == "--no-cv");
    let show_misses = args.iter().any(|a| a == "--misses");
    let per_intent: usize = match args.iter().position(|a| a == "--b77") {
        Some(i) => args
            .get(i + 1)
            .map_or(Ok(BANKING77_PER_INTENT), |n| n.parse())?,
        None => 0,
    };
    let corpus = builtin_corpus()?;
    let extra = match banking77_train() {
        Some(csv) if per_intent > 0 => banking77_examples(&csv, per_intent)?,
        Some(_) => Vec::new(),
        None => {
            println!("Banking77 not found: the recipe is the built-in corpus only");
            Vec::new()
        }
    };
    let mut original = std::collections::HashSet::new();
    for file in ORIGINAL {
        for (text, _) in read_labelled(file)? {
            original.insert(text);
        }
    }
    println!(
        "recipe: {} corpus examples + {} Banking77 training examples ({} per intent)",
        corpus.len(),
        extra.len(),
        per_intent
    );

    // 1. Stratified k-fold over the corpus, by language and category.
    const FOLDS: usize = 5;
    let start = Instant::now();
    let mut fold_of = vec![0usize; corpus.len()];
    let mut counter = std::collections::HashMap::new();
    for (i, e) in corpus.iter().enumerate() {
        let n = counter.entry((e.language, e.category)).or_insert(0usize);
        if let Some(f) = fold_of.get_mut(i) {
            *f = *n % FOLDS;
        }
        *n += 1;
    }
    let mut cv = Results::new();
    let mut cv_original = Results::new();
    for fold in (0..FOLDS).filter(|_| run_cv) {
        let rows: Vec<&CorpusExample> = corpus
            .iter()
            .zip(&fold_of)
            .filter(|(_, f)| **f != fold)
            .map(|(e, _)| e)
            .chain(extra.iter())
            .collect();
        let triager = train_triager(&rows)?;
        for (e, _) in corpus.iter().zip(&fold_of).filter(|(_, f)| **f == fold) {
            let got = triager.triage(&e.text, None).category;
            cv.push((e.language, e.category, got));
            if show_misses && got != e.category {
                println!(
                    "  miss {}: {:?} {} -> {got}",
                    e.language, e.text, e.category
                );
            }
            if original.contains(&e.text) {
                cv_original.push((e.language, e.category, got));
            }
        }
    }
    if run_cv {
        report(
            &format!(
                "{FOLDS}-fold cross-validation on the whole corpus ({:.1} s)",
                start.elapsed().as_secs_f64()
            ),
            &cv,
        );
        report(
            "the same cross-validation, scored on the original corpus only",
            &cv_original,
        );
    }

    // 2. The held-out sets.
    let all: Vec<&CorpusExample> = corpus.iter().chain(extra.iter()).collect();
    let recipe = train_triager(&all)?;
    let held = holdout()?;
    let score = |triager: &Triager| -> Results {
        held.iter()
            .map(|(l, text, truth)| (*l, *truth, triager.triage(text, None).category))
            .collect()
    };
    report(
        "held-out set, model trained on the whole recipe",
        &score(&recipe),
    );
    let builtin = Triager::builtin().filter(|b| b.model() != recipe.model());
    if let Some(builtin) = builtin {
        report("held-out set, the shipped built-in model", &score(builtin));
    }
    for path in extra_holdouts {
        let held = holdout_file(path)?;
        let score = |triager: &Triager| -> Results {
            held.iter()
                .map(|(text, truth)| {
                    let t = triager.triage(text, None);
                    (t.language, *truth, t.category)
                })
                .collect()
        };
        report(
            &format!("{path}, model trained on the whole recipe"),
            &score(&recipe),
        );
        if let Some(builtin) = builtin {
            report(
                &format!("{path}, the shipped built-in model"),
                &score(builtin),
            );
        }
    }

    // 3. The issue's misroutes.
    println!("issue 13 misroutes and probe phrasings (model trained on the whole recipe):");
    let probe_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/triage_probe.csv");
    let probe = std::fs::read_to_string(probe_path)?;
    let (mut right, mut total) = (0, 0);
    for record in parse(&probe)?.into_iter().skip(1) {
        let (Some(text), Some(want)) = (record.fields.first(), record.fields.get(1)) else {
            continue;
        };
        let want: Category = want.parse()?;
        let got = recipe.triage(text, None).category;
        total += 1;
        if got == want {
            right += 1;
        }
        let mark = if got == want { "ok" } else { "WRONG" };
        println!("  {mark}: {text:?} -> {got} (want {want})");
    }
    println!("  {right} of {total} right");
    Ok(())
}
