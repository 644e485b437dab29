"""Time importing a 100,000-row XLSX against DESIGN.md's budget (under 2 s), and against
pandas.read_excel(engine="openpyxl").

    python bench/bench_xlsx.py [--rows 100000] [--repeat 3]

The workbook is generated once (openpyxl, write-only) into bench/out/ and reused.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
import pandas as pd  # noqa: E402

from bench.generate import best_of, canonical_rows  # noqa: E402
from smroi import read_file  # noqa: E402


def workbook(rows: int) -> Path:
    path = ROOT / "bench" / "out" / f"canonical_{rows}.xlsx"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = canonical_rows(rows)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(list(frame.columns))
    for record in frame.itertuples(index=False):
        sheet.append([None if isinstance(v, float) and v != v else v for v in record])
    book.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = workbook(args.rows)
    data = path.read_bytes()
    print(f"{args.rows:,} rows, XLSX {len(data) / 1e6:,.1f} MB")
    ours = best_of(args.repeat, lambda: read_file(path.name, data))
    verdict = "ok" if ours <= 2.0 else "OVER BUDGET"
    print(f"smroi read_file (calamine + parsing)        {ours:7.3f} s   target 2.00 s   {verdict}")
    theirs = best_of(1, lambda: pd.read_excel(io.BytesIO(data), engine="openpyxl"))
    print(
        f"pandas.read_excel(engine='openpyxl') alone   {theirs:7.3f} s   "
        f"(smroi is {theirs / ours:.1f}x faster)"
    )


if __name__ == "__main__":
    main()
