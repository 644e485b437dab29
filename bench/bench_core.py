"""Time import, headline metrics, group-bys and a dashboard rerun against DESIGN.md's budget.

    python bench/bench_core.py [--rows 1000000] [--rerun-rows 100000] [--repeat 3]

Prints one line per measurement: the best of --repeat runs, and the target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import best_of, canonical_rows  # noqa: E402
from smroi import Settings, analyse, by_group, headline, over_time, read_file  # noqa: E402
from smroi.settings import Costs, ValueAssumptions  # noqa: E402

SETTINGS = Settings(
    costs=Costs(labour_hours_per_month=20, hourly_rate=35, tools_per_month=49),
    values=ValueAssumptions(value_per_lead=25, average_order_value=60),
)


def report(what: str, seconds: float, target: float) -> None:
    verdict = "ok" if seconds <= target else "OVER BUDGET"
    print(f"{what:<58} {seconds:7.3f} s   target {target:5.2f} s   {verdict}")


def metrics_once(table) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse(table, SETTINGS)
    headline(analysis)
    by_group(analysis, "platform")


def all_group_bys(table) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse(table, SETTINGS)
    headline(analysis)
    for column in (
        "platform",
        ["platform", "campaign"],
        ["platform", "campaign", "element"],
        "paid",
        "age",
        "gender",
        "location",
    ):
        by_group(analysis, column)
    over_time(analysis, "week")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rerun-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "canonical.csv"
        canonical_rows(args.rows).to_csv(path, index=False)
        data = path.read_bytes()
        print(f"{args.rows:,} rows, CSV {len(data) / 1e6:,.0f} MB")
        report(
            f"import a {args.rows:,}-row CSV (read_file)",
            best_of(args.repeat, lambda: read_file("canonical.csv", data)),
            3.0,
        )
        table, _ = read_file("canonical.csv", data)

    report(
        f"headline + by platform, {args.rows:,} rows",
        best_of(args.repeat, lambda: metrics_once(table)),
        0.3,
    )
    report(
        f"headline + 7 group-bys + weekly trend, {args.rows:,} rows",
        best_of(args.repeat, lambda: all_group_bys(table)),
        0.3,
    )

    small = table.head(args.rerun_rows)
    report(
        f"dashboard numbers after a sidebar change, {args.rerun_rows:,} rows",
        best_of(args.repeat, lambda: all_group_bys(small)),
        0.3,
    )


if __name__ == "__main__":
    main()
