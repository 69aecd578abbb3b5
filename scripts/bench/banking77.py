#!/usr/bin/env python3
"""Banking77 baselines for scripts/bench-compare.sh: scikit-learn and fastText.

    banking77.py sklearn  --data DIR --out FILE.json [--cv-cache FILE.json] [--per-call-seconds 3]
    banking77.py fasttext --data DIR --out FILE.json [--work DIR] [--per-call-seconds 3]

Both train on DIR/train.csv (10,003 examples) and report on DIR/test.csv
(3,080 examples, 77 intents), single thread, and write one JSON object:

    accuracy, macro_f1        on the test set (macro-F1 = unweighted mean of
                              the 77 per-intent F1 scores)
    train_seconds             wall time of the training that produced the
                              model evaluated (features + fit; for
                              scikit-learn the refit with the chosen C)
    per_call_per_second       classify one test message per call, in a loop
                              over the test set (repeated until at least
                              --per-call-seconds have passed): calls / s
    per_call_us               the same as microseconds per call

scikit-learn: TF-IDF of word 1-2 grams + TF-IDF of char_wb 2-5 grams (both
sublinear tf, lowercased), concatenated, LinearSVC. C is chosen by 5-fold
stratified cross-validation on the training set only (accuracy), from
C_GRID; the CV time is reported as cv_seconds. With --cv-cache the choice is
read from (or written to) that file, so a second round refits with the same
C without repeating the CV. One call = pipeline.predict([text]).

fastText: supervised, wordNgrams=2, epoch=50, other settings fastText's
defaults (dim 100, lr 0.1, softmax loss), thread=1 and a fixed seed so the
model is reproducible. Text is lowercased and punctuation split off words
(fastText itself only splits on whitespace); that preprocessing is part of
each timed call. One call = model.predict(text) (top-1 label).
"""
import argparse
import csv
import json
import re
import statistics
import sys
import time
from pathlib import Path

C_GRID = [0.25, 0.5, 1.0, 2.0, 4.0]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    if header != ["text", "category"]:
        raise SystemExit(f"{path}: expected header text,category, got {header}")
    return [r[0] for r in body], [r[1] for r in body]


def macro_f1(truth, pred):
    labels = sorted(set(truth))
    scores = []
    for lab in labels:
        tp = sum(1 for t, p in zip(truth, pred) if t == lab and p == lab)
        fp = sum(1 for t, p in zip(truth, pred) if t != lab and p == lab)
        fn = sum(1 for t, p in zip(truth, pred) if t == lab and p != lab)
        denom = 2 * tp + fp + fn
        scores.append(0.0 if denom == 0 else 2 * tp / denom)
    return sum(scores) / len(scores)


def accuracy(truth, pred):
    return sum(1 for t, p in zip(truth, pred) if t == p) / len(truth)


def per_call(classify, texts, min_seconds):
    """Calls classify(text) once per text, looping over texts until at least
    min_seconds have passed; returns calls per second over whole passes, and
    the median of the passes' rates."""
    rates = []
    total_calls, total_time = 0, 0.0
    while total_time < min_seconds or len(rates) < 2:
        t0 = time.perf_counter()
        for t in texts:
            classify(t)
        dt = time.perf_counter() - t0
        rates.append(len(texts) / dt)
        total_calls += len(texts)
        total_time += dt
    return statistics.median(rates), total_calls


def sklearn_pipeline(c):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion(
        [
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ]
    )
    return Pipeline([("tfidf", features), ("svm", LinearSVC(C=c, random_state=0))])


def run_sklearn(args):
    import sklearn
    from sklearn.model_selection import GridSearchCV, StratifiedKFold

    x_train, y_train = read_csv(Path(args.data) / "train.csv")
    x_test, y_test = read_csv(Path(args.data) / "test.csv")
    cache = Path(args.cv_cache) if args.cv_cache else None
    cv = None
    if cache and cache.exists():
        cv = json.loads(cache.read_text())
        print(f"scikit-learn: C = {cv['c']} (chosen by 5-fold CV earlier in this run, {cv['cv_seconds']:.1f} s)")
    else:
        grid = GridSearchCV(
            sklearn_pipeline(1.0),
            {"svm__C": C_GRID},
            cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=0),
            scoring="accuracy",
            n_jobs=1,
            refit=False,
        )
        t0 = time.perf_counter()
        grid.fit(x_train, y_train)
        cv_seconds = time.perf_counter() - t0
        means = grid.cv_results_["mean_test_score"]
        cv = {
            "c": grid.best_params_["svm__C"],
            "cv_seconds": cv_seconds,
            "cv_accuracy": dict((str(c), float(m)) for c, m in zip(C_GRID, means)),
        }
        print(f"scikit-learn: 5-fold CV over C in {C_GRID}: {cv_seconds:.1f} s")
        for c, m in zip(C_GRID, means):
            print(f"    C = {c:<5} CV accuracy {m:.4f}{'   <- chosen' if c == cv['c'] else ''}")
        if cache:
            cache.write_text(json.dumps(cv, indent=2))

    model = sklearn_pipeline(cv["c"])
    t0 = time.perf_counter()
    model.fit(x_train, y_train)
    train_seconds = time.perf_counter() - t0
    pred = list(model.predict(x_test))
    acc, f1 = accuracy(y_test, pred), macro_f1(y_test, pred)
    rate, calls = per_call(lambda t: model.predict([t]), x_test, args.per_call_seconds)
    n_features = sum(len(v.vocabulary_) for _, v in model.named_steps["tfidf"].transformer_list)
    result = {
        "system": "scikit-learn",
        "version": sklearn.__version__,
        "config": f"TF-IDF word 1-2 + char_wb 2-5 (sublinear tf), LinearSVC C={cv['c']}",
        "c": cv["c"],
        "cv_seconds": cv["cv_seconds"],
        "cv_accuracy": cv.get("cv_accuracy"),
        "features": n_features,
        "accuracy": acc,
        "macro_f1": f1,
        "train_seconds": train_seconds,
        "per_call_per_second": rate,
        "per_call_us": 1e6 / rate,
        "per_call_calls": calls,
    }
    Path(args.out).write_text(json.dumps(result, indent=2))
    print(
        f"scikit-learn {sklearn.__version__}: accuracy {acc:.4f}, macro-F1 {f1:.4f}, "
        f"train {train_seconds:.2f} s ({n_features:,} features), "
        f"one per call {rate:,.0f}/s ({1e6 / rate:.0f} us)"
    )


PUNCT = re.compile(r"([^\w\s])")


def ft_tokens(text):
    return " ".join(PUNCT.sub(r" \1 ", text.lower()).split())


def run_fasttext(args):
    import fasttext

    x_train, y_train = read_csv(Path(args.data) / "train.csv")
    x_test, y_test = read_csv(Path(args.data) / "test.csv")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    train_file = work / "banking77_train.fasttext.txt"
    train_file.write_text("".join(f"__label__{y} {ft_tokens(x)}\n" for x, y in zip(x_train, y_train)), encoding="utf-8")

    t0 = time.perf_counter()
    model = fasttext.train_supervised(
        input=str(train_file), wordNgrams=2, epoch=50, thread=1, seed=1, verbose=0
    )
    train_seconds = time.perf_counter() - t0

    def classify(text):
        return model.predict(ft_tokens(text))[0][0]

    pred = [classify(t)[len("__label__"):] for t in x_test]
    acc, f1 = accuracy(y_test, pred), macro_f1(y_test, pred)
    rate, calls = per_call(classify, x_test, args.per_call_seconds)
    result = {
        "system": "fastText",
        "version": "0.9.2 (fasttext-wheel)",
        "config": "supervised, wordNgrams=2, epoch=50, dim=100, lr=0.1, softmax, thread=1",
        "features": len(model.words),
        "accuracy": acc,
        "macro_f1": f1,
        "train_seconds": train_seconds,
        "per_call_per_second": rate,
        "per_call_us": 1e6 / rate,
        "per_call_calls": calls,
    }
    Path(args.out).write_text(json.dumps(result, indent=2))
    print(
        f"fastText: accuracy {acc:.4f}, macro-F1 {f1:.4f}, train {train_seconds:.2f} s "
        f"({len(model.words):,} words), one per call {rate:,.0f}/s ({1e6 / rate:.1f} us)"
    )


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sklearn")
    s.add_argument("--cv-cache")
    f = sub.add_parser("fasttext")
    f.add_argument("--work", required=True)
    for q in (s, f):
        q.add_argument("--data", required=True)
        q.add_argument("--out", required=True)
        q.add_argument("--per-call-seconds", type=float, default=3.0)
    args = p.parse_args()
    if args.cmd == "sklearn":
        run_sklearn(args)
    else:
        run_fasttext(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
