#!/usr/bin/env python3
"""Writes the texts of walletcare's built-in triage corpus to stdout, each
followed by a NUL byte: the messages benches/triage.rs triages natively
(`triage/triage_builtin_full`, round-robin over the corpus), so that the C
and Node timing programs of scripts/bench-compare.sh triage the same ones.

    triage_texts.py [--corpus-dir crates/walletcare-core/data/triage] > texts.bin
"""
import argparse
import csv
import io
import sys
from pathlib import Path

FILES = ("corpus_zh.csv", "corpus_id.csv", "corpus_en.csv")  # the order builtin.rs compiles them in


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus-dir", default="crates/walletcare-core/data/triage")
    args = p.parse_args()
    out = sys.stdout.buffer
    count = 0
    for name in FILES:
        path = Path(args.corpus_dir) / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        if not rows or rows[0][:1] != ["text"]:
            raise SystemExit(f"{path}: expected a header starting with 'text'")
        for row in rows[1:]:
            if row and row[0]:
                if "\0" in row[0]:
                    raise SystemExit(f"{path}: a text contains a NUL byte")
                out.write(row[0].encode("utf-8") + b"\0")
                count += 1
    print(f"{count} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
