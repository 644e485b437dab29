"""Time the Excel report (all sheets and their native charts, a 100,000-row Data sheet) against
DESIGN.md's budget: under 10 s. Exits with status 1 when over budget.

    python bench/bench_export.py [--rows 100000] [--repeat 3]

The rows are bench.generate's synthetic table, imported with read_file as an upload would be.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import best_of, canonical_rows  # noqa: E402
from smroi import Settings, read_file  # noqa: E402
from smroi.settings import Costs, ValueAssumptions  # noqa: E402
from smroi.workbook import report_workbook  # noqa: E402

BUDGET_SECONDS = 10.0
SETTINGS = Settings(
    currency="NOK",
    costs=Costs(labour_hours_per_month=20, hourly_rate=350, tools_per_month=490),
    values=ValueAssumptions(value_per_lead=250, average_order_value=600),
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "canonical.csv"
        canonical_rows(args.rows).to_csv(path, index=False)
        table, report = read_file(path.name, path.read_bytes())

    size = len(report_workbook(table, [report], SETTINGS))
    seconds = best_of(args.repeat, lambda: report_workbook(table, [report], SETTINGS))
    verdict = "ok" if seconds <= BUDGET_SECONDS else "OVER BUDGET"
    print(f"{args.rows:,} rows, XLSX {size / 1e6:,.1f} MB")
    print(
        f"{'Excel report with charts (report_workbook)':<46} {seconds:7.3f} s   "
        f"target {BUDGET_SECONDS:5.2f} s   {verdict}"
    )
    return 0 if seconds <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
