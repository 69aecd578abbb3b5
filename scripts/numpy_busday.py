#!/usr/bin/env python3
"""numpy's business-day functions on the same inputs as benches/calendar.rs.

    numpy_busday.py run --dir DIR --holidays FILE [--n 10000000] [--seed 7]
        Draws N random dates in 2020-01-01..2030-12-14 and N (start, end)
        pairs in 2020-2030, writes them to DIR as little-endian int32 days
        since 1970-01-01 (dates.i32, starts.i32, ends.i32), times
        numpy.busday_offset(dates, 7, roll='following') and
        numpy.busday_count(starts, ends) (weekmask Mon-Fri, the holidays in
        FILE, best of 3 runs, one thread), and writes numpy's results
        (offset_np.i32, count_np.i64) and timings (numpy.json).

    numpy_busday.py compare --dir DIR --criterion TARGET/criterion
        Checks that walletcare's results (offset_rust.i32, count_rust.i64,
        written by the bench) equal numpy's on every input, shows a sample,
        and prints both throughputs and the ratios (criterion's median).

    numpy_busday.py draw --dir DIR [--n 10000000] [--seed 7]
        Only draws and saves the inputs, as `run` does.

    numpy_busday.py compare --dir DIR --agreement-only
        Only the agreement check (no timings needed).

    numpy_busday.py time --dir DIR --holidays FILE [--repeat 3] [--log FILE]
        One round of timings on the inputs `run` saved in DIR (used by
        scripts/bench-compare.sh, which alternates rounds of numpy and
        walletcare): times busday_offset and busday_count --repeat times each
        and appends one JSON line per timed call to --log
        ({"op": ..., "n": ..., "seconds": ...}). --save-results also writes
        offset_np.i32 and count_np.i64 for `compare`.

    numpy_busday.py scalar --dir DIR --holidays FILE [--calls 200000] [--log FILE]
        One date per call: a Python loop calling
        numpy.busday_offset(date, 7, roll='following', busdaycal=cal) on one
        numpy.datetime64 scalar at a time, over the first --calls dates of
        dates.i32 (converted to scalars before the clock starts). Appends
        {"op": "busday_offset_scalar", "n": calls, "seconds": ...} to --log.

Dates stop at 2030-12-14 for the offsets because walletcare's Indonesian
calendar has no data for 2031 (it answers NotCovered rather than guess).
"""
import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

N_DEFAULT = 10_000_000
OFFSET = 7
WEEKMASK = "1111100"


def days(iso):
    return int(np.datetime64(iso, "D").astype(np.int64))


def best_of(runs, fn):
    best, out = None, None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
    return best, out


def calendar(holidays_file):
    holidays = [l.strip() for l in Path(holidays_file).read_text().splitlines() if l.strip()]
    cal = np.busdaycalendar(weekmask=WEEKMASK, holidays=np.array(holidays, dtype="datetime64[D]"))
    return holidays, cal


def as_datetime64(*arrays):
    return tuple(a.astype(np.int64).view("datetime64[D]") for a in arrays)


def load_inputs(d):
    return tuple(np.fromfile(d / f"{name}.i32", dtype="<i4") for name in ("dates", "starts", "ends"))


def log_lines(path, records):
    if path:
        with open(path, "a", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")


def time_round(args):
    d = Path(args.dir)
    _, cal = calendar(args.holidays)
    d64, s64, e64 = as_datetime64(*load_inputs(d))
    n = d64.size
    records, results = [], {}
    for op, fn in (
        ("busday_offset", lambda: np.busday_offset(d64, OFFSET, roll="following", busdaycal=cal)),
        ("busday_count", lambda: np.busday_count(s64, e64, busdaycal=cal)),
    ):
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            results[op] = fn()
            records.append({"op": op, "n": int(n), "seconds": time.perf_counter() - t0})
    log_lines(args.log, records)
    if args.save_results:
        results["busday_offset"].view(np.int64).astype("<i4").tofile(d / "offset_np.i32")
        results["busday_count"].astype("<i8").tofile(d / "count_np.i64")
    for op in ("busday_offset", "busday_count"):
        secs = sorted(r["seconds"] for r in records if r["op"] == op)
        print(f"  numpy {op:<14} n = {n:,}: " + ", ".join(f"{n / t / 1e6:.1f}" for t in secs) + " M/s")


def scalar_round(args):
    d = Path(args.dir)
    _, cal = calendar(args.holidays)
    dates = np.fromfile(d / "dates.i32", dtype="<i4")[: args.calls]
    scalars = [np.datetime64(int(v), "D") for v in dates]
    busday_offset = np.busday_offset
    t0 = time.perf_counter()
    for day in scalars:
        busday_offset(day, OFFSET, roll="following", busdaycal=cal)
    seconds = time.perf_counter() - t0
    log_lines(args.log, [{"op": "busday_offset_scalar", "n": len(scalars), "seconds": seconds}])
    n = len(scalars)
    print(f"  numpy busday_offset, one date per call: {n:,} calls in {seconds:.2f} s = {n / seconds:,.0f} calls/s ({seconds / n * 1e6:.2f} us/call)")


def draw(args):
    d = Path(args.dir)
    d.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    n = args.n
    dates = rng.integers(days("2020-01-01"), days("2030-12-15"), n, dtype=np.int32)
    starts = rng.integers(days("2020-01-01"), days("2031-01-01"), n, dtype=np.int32)
    ends = rng.integers(days("2020-01-01"), days("2031-01-01"), n, dtype=np.int32)
    for name, arr in (("dates", dates), ("starts", starts), ("ends", ends)):
        arr.astype("<i4").tofile(d / f"{name}.i32")
    return dates, starts, ends


def run(args):
    d = Path(args.dir)
    holidays, cal = calendar(args.holidays)
    n = args.n
    d64, s64, e64 = as_datetime64(*draw(args))

    t_off, off = best_of(3, lambda: np.busday_offset(d64, OFFSET, roll="following", busdaycal=cal))
    t_cnt, cnt = best_of(3, lambda: np.busday_count(s64, e64, busdaycal=cal))
    off.view(np.int64).astype("<i4").tofile(d / "offset_np.i32")
    cnt.astype("<i8").tofile(d / "count_np.i64")
    timings = {
        "n": n,
        "numpy_version": np.__version__,
        "holidays": len(holidays),
        "busday_offset_seconds": t_off,
        "busday_count_seconds": t_cnt,
    }
    (d / "numpy.json").write_text(json.dumps(timings, indent=2))
    print(f"numpy {np.__version__}: {len(holidays)} Indonesian holidays, weekmask {WEEKMASK}, n = {n:,}")
    print(f"  busday_offset(+{OFFSET}, roll='following'): {t_off:.3f} s = {n / t_off / 1e6:.1f} M dates/s")
    print(f"  busday_count:                          {t_cnt:.3f} s = {n / t_cnt / 1e6:.1f} M pairs/s")


def criterion_seconds(root, bench):
    path = Path(root) / "calendar" / bench / "new" / "estimates.json"
    est = json.loads(path.read_text())
    return est["median"]["point_estimate"] / 1e9


def compare(args):
    d = Path(args.dir)
    if args.agreement_only:
        t = {"n": int(np.fromfile(d / "dates.i32", dtype="<i4").size)}
    else:
        t = json.loads((d / "numpy.json").read_text())
    n = t["n"]
    ok = True
    checks = (
        ("busday_offset", "offset_np.i32", "offset_rust.i32", "<i4"),
        ("busday_count", "count_np.i64", "count_rust.i64", "<i8"),
    )
    dates = np.fromfile(d / "dates.i32", dtype="<i4")
    starts = np.fromfile(d / "starts.i32", dtype="<i4")
    ends = np.fromfile(d / "ends.i32", dtype="<i4")
    for name, np_file, rust_file, dtype in checks:
        a = np.fromfile(d / np_file, dtype=dtype)
        b = np.fromfile(d / rust_file, dtype=dtype)
        if a.shape != b.shape:
            print(f"MISMATCH {name}: {a.shape} numpy results vs {b.shape} walletcare results")
            ok = False
            continue
        bad = np.flatnonzero(a != b)
        print(f"agreement {name}: {n - bad.size:,} of {n:,} results equal", "(all)" if bad.size == 0 else "")
        rng = np.random.default_rng(1)
        sample = rng.choice(n, size=5, replace=False)
        for i in list(sample) + list(bad[:5]):
            if name == "busday_offset":
                src = f"{np.datetime64(int(dates[i]), 'D')} +{OFFSET}"
                fmt = lambda v: str(np.datetime64(int(v), "D"))
            else:
                src = f"{np.datetime64(int(starts[i]), 'D')}..{np.datetime64(int(ends[i]), 'D')}"
                fmt = str
            flag = "" if a[i] == b[i] else "   <-- differs"
            print(f"    {src}: numpy {fmt(a[i])}, walletcare {fmt(b[i])}{flag}")
        ok = ok and bad.size == 0

    if args.agreement_only:
        if not ok:
            print("walletcare and numpy disagree", file=sys.stderr)
        return 0 if ok else 1
    rows = (
        ("add 7 business days", "dates", t["busday_offset_seconds"], "add_7_business_days_10M"),
        ("business days between", "pairs", t["busday_count_seconds"], "business_days_between_10M"),
    )
    print()
    print(f"{'operation':<24}{'numpy':>16}{'walletcare':>18}{'ratio':>9}")
    for label, unit, t_np, bench in rows:
        t_rs = criterion_seconds(args.criterion, bench)
        np_rate, rs_rate = n / t_np / 1e6, n / t_rs / 1e6
        print(f"{label:<24}{np_rate:>9.1f} M {unit}/s{rs_rate:>10.1f} M {unit}/s{rs_rate / np_rate:>8.1f}x")
    print("(target: >= 10x; walletcare is criterion's median of single-thread runs over the same inputs)")
    if not ok:
        print("walletcare and numpy disagree", file=sys.stderr)
        return 1
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--dir", required=True)
    r.add_argument("--holidays", required=True)
    r.add_argument("--n", type=int, default=N_DEFAULT)
    r.add_argument("--seed", type=int, default=7)
    c = sub.add_parser("compare")
    c.add_argument("--dir", required=True)
    c.add_argument("--criterion")
    c.add_argument("--agreement-only", action="store_true", help="only check that the results agree")
    dr = sub.add_parser("draw")
    dr.add_argument("--dir", required=True)
    dr.add_argument("--n", type=int, default=N_DEFAULT)
    dr.add_argument("--seed", type=int, default=7)
    t = sub.add_parser("time")
    t.add_argument("--dir", required=True)
    t.add_argument("--holidays", required=True)
    t.add_argument("--repeat", type=int, default=3)
    t.add_argument("--log")
    t.add_argument("--save-results", action="store_true", help="write offset_np.i32 and count_np.i64 for compare")
    s = sub.add_parser("scalar")
    s.add_argument("--dir", required=True)
    s.add_argument("--holidays", required=True)
    s.add_argument("--calls", type=int, default=200_000)
    s.add_argument("--log")
    args = p.parse_args()
    if args.cmd == "run":
        run(args)
        return 0
    if args.cmd == "draw":
        draw(args)
        return 0
    if args.cmd == "compare" and not args.agreement_only and not args.criterion:
        p.error("compare needs --criterion (or --agreement-only)")
    if args.cmd == "time":
        time_round(args)
        return 0
    if args.cmd == "scalar":
        scalar_round(args)
        return 0
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
