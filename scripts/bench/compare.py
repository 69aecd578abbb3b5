#!/usr/bin/env python3
"""Bookkeeping for scripts/bench-compare.sh: records each round's figures
and prints the one table. Standard library only (runs with any python3).

All records go to JSON-lines files in the run's directory (DIR, by default
target/bench-compare/):

    numpy.jsonl       written by scripts/numpy_busday.py (time, scalar)
    criterion.jsonl   {"id", "round", "median_ns", "n"}: criterion's median
                      time per iteration of one bench, one line per round
    banking77.jsonl   {"system", "round", accuracy, macro_f1, train_seconds,
                      per_call_per_second, ...}: one line per system and round
    bindings.jsonl    {"via", "round", "per_call_ns", "calls"}: triage through
                      the C library and the npm package
    skipped.jsonl     {"part", "reason"}

    compare.py criterion --criterion TARGET/criterion --id GROUP/BENCH --round R --n N --log DIR/criterion.jsonl
    compare.py banking77-json FILE.json --round R --log DIR/banking77.jsonl
    compare.py walletcare-banking77 OUTPUT.txt --round R --log DIR/banking77.jsonl
    compare.py skip --part NAME --reason TEXT --log DIR/skipped.jsonl
    compare.py report --dir DIR

Every figure in the table is a median over the rounds (and, for numpy's
bulk timings, over the repeats within each round).
"""
import argparse
import json
import re
import statistics
import sys
from pathlib import Path


def append(path, record):
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")


def read_jsonl(path):
    p = Path(path)
    if not p.exists():
        return []
    return [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]


def cmd_criterion(args):
    group, bench = args.id.split("/", 1)
    est = Path(args.criterion) / group / bench / "new" / "estimates.json"
    median_ns = json.loads(est.read_text())["median"]["point_estimate"]
    append(args.log, {"id": args.id, "round": args.round, "median_ns": median_ns, "n": args.n})
    if args.n == 1:
        print(f"  walletcare {args.id}: median {fmt_ns(median_ns)} per call = {fmt_rate(1e9 / median_ns)}")
    else:
        per_item = median_ns / args.n
        print(f"  walletcare {args.id}: median {fmt_ns(median_ns)} per iteration of {args.n:,} = {fmt_rate(1e9 / per_item, 'items')}")


def cmd_banking77_json(args):
    r = json.loads(Path(args.file).read_text())
    r["round"] = args.round
    append(args.log, r)


# The walletcare Banking77 example prints one line such as
#   test acc 0.9123 macro-F1 0.9101 train 2.34s features 123456
# Read the figures by name so that small changes of layout still parse.
NUM = r"([0-9]+(?:\.[0-9]+)?)"
PATTERNS = {
    "accuracy": re.compile(r"\bacc(?:uracy)?\b\s*[:=]?\s*" + NUM + r"\s*(%?)", re.I),
    "macro_f1": re.compile(r"\bmacro[- _]?F1\b\s*[:=]?\s*" + NUM + r"\s*(%?)", re.I),
    "train_seconds": re.compile(r"\btrain(?:ing)?(?:[ _]time)?\b\s*[:=]?\s*" + NUM + r"\s*(ms|s)\b", re.I),
}


def parse_walletcare_banking77(text):
    """Returns (figures, None) or (None, why)."""
    lines = [l for l in text.splitlines() if l.strip().lower().startswith("test")]
    if not lines:
        lines = text.splitlines()
    for line in reversed(lines):
        got = {}
        for key, pat in PATTERNS.items():
            m = pat.search(line)
            if not m:
                break
            value = float(m.group(1))
            unit = m.group(2)
            if key == "train_seconds":
                value = value / 1000 if unit.lower() == "ms" else value
            elif unit == "%" or value > 1.0:
                value /= 100
            got[key] = value
        else:
            m = re.search(r"\bfeatures\s*[:=]?\s*([0-9]+)", line)
            if m:
                got["features"] = int(m.group(1))
            got["line"] = line.strip()
            return got, None
    return None, "no line with accuracy, macro-F1 and training time in its output"


def cmd_walletcare_banking77(args):
    text = Path(args.output).read_text(encoding="utf-8", errors="replace")
    got, why = parse_walletcare_banking77(text)
    if got is None:
        print(f"  could not read the example's output: {why}", file=sys.stderr)
        return 1
    got.update({"system": "walletcare", "round": args.round})
    append(args.log, got)
    print(f"  walletcare: accuracy {got['accuracy']:.4f}, macro-F1 {got['macro_f1']:.4f}, train {got['train_seconds']:.2f} s")
    return 0


def cmd_skip(args):
    append(args.log, {"part": args.part, "reason": args.reason})
    print(f"skipped: {args.part}: {args.reason}")


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_rate(per_s, unit="calls"):
    if per_s >= 1e6:
        return f"{per_s / 1e6:,.1f} M {unit}/s"
    if per_s >= 1e3:
        return f"{per_s / 1e3:,.1f} k {unit}/s"
    return f"{per_s:,.0f} {unit}/s"


def fmt_count(n):
    return f"{n / 1e6:g}M" if n >= 1e6 else f"{n:,}"


def fmt_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:,.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:,.2f} us"
    return f"{ns:,.0f} ns"


def spread(values):
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return ""
    return f" [{min(values):.3g}-{max(values):.3g}]"


def report(args):
    d = Path(args.dir)
    numpy_log = read_jsonl(d / "numpy.jsonl")
    crit = read_jsonl(d / "criterion.jsonl")
    b77 = read_jsonl(d / "banking77.jsonl")
    bind = read_jsonl(d / "bindings.jsonl")
    skipped = read_jsonl(d / "skipped.jsonl")
    skip = {}
    for s in skipped:
        skip.setdefault(s["part"], s["reason"])
    parts_run = args.parts.split(",")

    rows = []  # [what, baseline, baseline figure, walletcare figure, walletcare vs baseline, rounds]
    notes = []  # footnotes, numbered from 1

    def note(text):
        if text not in notes:
            notes.append(text)
        return f"[{notes.index(text) + 1}]"

    def skipped_cell(part):
        if part in skip:
            return "skipped " + note(f"skipped: {skip[part]}")
        if part.split("-")[0] not in parts_run:
            return "not run " + note("not run: not in PARTS")
        return "skipped " + note(f"skipped: {part}: no figures were recorded")

    def crit_values(bench_id):
        """Seconds per item, one value per round."""
        return [c["median_ns"] / c["n"] / 1e9 for c in crit if c["id"] == bench_id]

    def np_values(op):
        """Seconds per item, one value per timed call."""
        return [r["seconds"] / r["n"] for r in numpy_log if r["op"] == op]

    # Calendar.
    n_bulk = max((r["n"] for r in numpy_log if r["op"] == "busday_offset"), default=0)
    n_label = fmt_count(n_bulk) if n_bulk else "N"
    cal_rows = (
        (f"add 7 business days, {n_label} dates", "numpy.busday_offset", "busday_offset", "calendar/add_7_business_days_10M", "dates"),
        (f"business days between, {n_label} pairs", "numpy.busday_count", "busday_count", "calendar/business_days_between_10M", "pairs"),
        ("add business days, one date per call", "numpy.busday_offset, Python loop", "busday_offset_scalar", "calendar_single/add_business_days", "calls"),
    )
    for what, base, op, bench_id, unit in cal_rows:
        np_s, wc_s = np_values(op), crit_values(bench_id)
        if not np_s or not wc_s:
            rows.append([what, base, skipped_cell("calendar"), "", "", ""])
            continue
        np_rate, wc_rate = 1 / med(np_s), 1 / med(wc_s)
        wc_cell = fmt_rate(wc_rate, unit)
        if op == "busday_offset_scalar":
            wc_cell += " " + note(
                "walletcare's single-call criterion bench (calendar_single/add_business_days) adds 250 business days "
                "to one fixed date on China's calendar, while numpy's loop adds 7 on Indonesia's to different dates: "
                "not the same work; the 'via C' row does numpy's exact work, one call at a time")
        rows.append([what, base, fmt_rate(np_rate, unit), wc_cell, f"{wc_rate / np_rate:,.1f}x faster", str(len(wc_s))])
    # The same dates and offset as numpy's loop, through the C library.
    what, base = "add 7 business days, one date per call, via C", "numpy.busday_offset, Python loop"
    np_s = np_values("busday_offset_scalar")
    c_s = [r["per_call_ns"] / 1e9 for r in read_jsonl(d / "calendar_c.jsonl")]
    if np_s and c_s:
        np_rate, wc_rate = 1 / med(np_s), 1 / med(c_s)
        rows.append([what, base, fmt_rate(np_rate, "calls"), fmt_rate(wc_rate, "calls"), f"{wc_rate / np_rate:,.1f}x faster", str(len(c_s))])
    else:
        rows.append([what, base, fmt_rate(1 / med(np_s), "calls") if np_s else skipped_cell("calendar"), skipped_cell("calendar-c"), "", ""])

    # Banking77.
    def b77_values(system, key):
        return [r.get(key) for r in b77 if r["system"] == system]

    have_wc = bool(b77_values("walletcare", "accuracy"))
    wc_call = crit_values(args.triage_classify_bench) if args.triage_classify_bench else []
    for system, label in (("scikit-learn", "scikit-learn TF-IDF+LinearSVC"), ("fastText", "fastText (2-grams, 50 epochs)")):
        part = f"banking77-{system}"
        if not b77_values(system, "accuracy"):
            rows.append([f"Banking77 (all figures)", label, skipped_cell(part), "", "", ""])
            continue
        n_rounds = str(len(b77_values(system, "accuracy")))
        acc, f1 = med(b77_values(system, "accuracy")), med(b77_values(system, "macro_f1"))
        train = med(b77_values(system, "train_seconds"))
        call = med(b77_values(system, "per_call_per_second"))
        train_note = ""
        if system == "scikit-learn":
            c = b77_values(system, "c")[0]
            cv = med(b77_values(system, "cv_seconds"))
            train_note = " " + note(f"scikit-learn: C = {c}, chosen by 5-fold CV on the training set, which took {cv:,.1f} s more (once, not in the training time)")
        if have_wc:
            w_acc, w_f1 = med(b77_values("walletcare", "accuracy")), med(b77_values("walletcare", "macro_f1"))
            w_train = med(b77_values("walletcare", "train_seconds"))
            rows.append(["Banking77 test accuracy", label, f"{acc * 100:.2f} %", f"{w_acc * 100:.2f} %", f"{(w_acc - acc) * 100:+.2f} points", n_rounds])
            rows.append(["Banking77 test macro-F1", label, f"{f1 * 100:.2f} %", f"{w_f1 * 100:.2f} %", f"{(w_f1 - f1) * 100:+.2f} points", n_rounds])
            rows.append(["Banking77 training time", label, f"{train:,.2f} s{train_note}", f"{w_train:,.2f} s", f"{train / w_train:,.1f}x faster", n_rounds])
        else:
            missing = skipped_cell("banking77-walletcare")
            rows.append(["Banking77 test accuracy", label, f"{acc * 100:.2f} %", missing, "", n_rounds])
            rows.append(["Banking77 test macro-F1", label, f"{f1 * 100:.2f} %", missing, "", n_rounds])
            rows.append(["Banking77 training time", label, f"{train:,.2f} s{train_note}", missing, "", n_rounds])
        if wc_call:
            w_rate = 1 / med(wc_call)
            rows.append(["Banking77 classify, one per call", label, fmt_rate(call), fmt_rate(w_rate), f"{w_rate / call:,.1f}x faster", n_rounds])
        else:
            rows.append(["Banking77 classify, one per call", label, fmt_rate(call), skipped_cell("banking77-walletcare-per-call"), "", n_rounds])

    # Bindings: the baseline is the native Rust call.
    native = crit_values(args.triage_native_bench) if args.triage_native_bench else []
    native_ns = med(native) * 1e9 if native else None
    for via, label in (("c", "triage, one message per call: C library"), ("node", "triage, one message per call: npm package in Node")):
        part = f"bindings-{via}"
        values = [b["per_call_ns"] for b in bind if b["via"] == via]
        base = fmt_ns(native_ns) + "/call" if native_ns is not None else skipped_cell("bindings-native")
        if not values:
            rows.append([label, "native Rust call", base, skipped_cell(part), "", ""])
        elif native_ns is None:
            rows.append([label, "native Rust call", base, fmt_ns(med(values)) + "/call", "", str(len(values))])
        else:
            ns = med(values)
            rows.append([label, "native Rust call", base, fmt_ns(ns) + "/call", f"{ns / native_ns:,.2f}x the native time", str(len(values))])

    headers = ["what", "baseline", "baseline", "walletcare", "walletcare vs baseline", "rounds"]
    widths = [max(len(r[i]) for r in rows + [headers]) for i in range(len(headers))]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    out += [""] + [f"[{i}] {t}" for i, t in enumerate(notes, 1)] if notes else []
    text = "\n".join(out)
    print(text)
    (d / "table.txt").write_text(text + "\n")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("criterion")
    c.add_argument("--criterion", required=True)
    c.add_argument("--id", required=True)
    c.add_argument("--round", type=int, required=True)
    c.add_argument("--n", type=int, default=1, help="items per iteration (1 for one call per iteration)")
    c.add_argument("--log", required=True)
    b = sub.add_parser("banking77-json")
    b.add_argument("file")
    b.add_argument("--round", type=int, required=True)
    b.add_argument("--log", required=True)
    w = sub.add_parser("walletcare-banking77")
    w.add_argument("output", help="the example's captured stdout")
    w.add_argument("--round", type=int, required=True)
    w.add_argument("--log", required=True)
    s = sub.add_parser("skip")
    s.add_argument("--part", required=True)
    s.add_argument("--reason", required=True)
    s.add_argument("--log", required=True)
    r = sub.add_parser("report")
    r.add_argument("--dir", required=True)
    r.add_argument("--triage-classify-bench", default="")
    r.add_argument("--triage-native-bench", default="")
    r.add_argument("--parts", default="calendar,banking77,bindings", help="the parts that were run")
    args = p.parse_args()
    return {
        "criterion": cmd_criterion,
        "banking77-json": cmd_banking77_json,
        "walletcare-banking77": cmd_walletcare_banking77,
        "skip": cmd_skip,
        "report": report,
    }[args.cmd](args) or 0


if __name__ == "__main__":
    sys.exit(main())
