"""Time import, headline metrics, group-bys and a dashboard rerun against DESIGN.md's budget,
side by side with what pandas, DuckDB and Polars do with the same file in the same run.

    python bench/bench_core.py [--rows 10k,100k,1M] [--rerun-rows 100000] [--repeat 3]
    python bench/bench_core.py --rows 10k,100k,1M,5M      # the whole scale curve

First a table per size: smroi's import (`read_file`) beside a bare `pandas.read_csv` of
the same file, DuckDB reading it into a table and Polars reading it; then the
aggregation set (headline, 7 group-bys, weekly trend) in smroi beside the same sums in
DuckDB and Polars; and the peak memory of smroi's import and aggregation. A second table
times the import of the same rows written as a Norwegian export (a title line, ';',
day-first dates, 'kr 1 234,50') beside pandas reading that file bare. Each size runs
in child processes of its own, so that the peak memory is smroi's alone. DuckDB and Polars
are bench-only extras (`pip install -e '.[bench]'`); without them their columns say so.
Past the app's limits (2,000,000 rows or 200 MB a file), smroi reads the rows as a user
uploads them, in the fewest files within the limits (`load_files`, each file in its worker
process); pandas, DuckDB and Polars read the one file.

Then one line per budget of DESIGN.md at the largest size up to 1M rows: the best of
--repeat runs, and the target.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import best_of, canonical_rows, messy_locale_csv  # noqa: E402
from smroi import (  # noqa: E402
    Settings,
    analyse,
    by_group,
    headline,
    over_time,
    read_file,
)
from smroi.ingest import MAX_ROWS, load_files  # noqa: E402
from smroi.readers import MAX_FILE_BYTES  # noqa: E402
from smroi.settings import Costs, ValueAssumptions  # noqa: E402

SETTINGS = Settings(
    costs=Costs(labour_hours_per_month=20, hourly_rate=35, tools_per_month=49),
    values=ValueAssumptions(value_per_lead=25, average_order_value=60),
)
GROUPINGS: tuple[str | list[str], ...] = (
    "platform",
    ["platform", "campaign"],
    ["platform", "campaign", "element"],
    "paid",
    "age",
    "gender",
    "location",
)
MEASURES = ("spend", "impressions", "clicks", "engagements", "leads", "conversions", "revenue")


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
    for column in GROUPINGS:
        by_group(analysis, column)
    over_time(analysis, "week")


# ---------------------------------------------------------------- children (one per size)


def _peak_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_smroi(path: Path, repeat: int) -> dict[str, float | None]:
    """smroi's import and aggregation set, and the peak memory of both; then the import of
    the messy locale file (after the peak is taken)."""
    data = path.read_bytes()
    parts = _within_limits(data)
    if len(parts) == 1:
        imported = best_of(repeat, lambda: read_file("canonical.csv", data))
        table, _ = read_file("canonical.csv", data)
    else:  # as a user uploads it: files within the limits, read as the app reads them
        imported = best_of(repeat, lambda: load_files(parts))
        table, _ = load_files(parts)
    aggregated = best_of(repeat, lambda: all_group_bys(table))
    peak = _peak_mb()
    messy = _messy(path).read_bytes()
    messy_import = (  # a file past the limits is refused (its title line is not split)
        best_of(repeat, lambda: read_file("rapport.csv", messy))
        if len(_within_limits(messy)) == 1
        else None
    )
    return {
        "import": imported,
        "aggregate": aggregated,
        "peak_mb": peak,
        "messy_import": messy_import,
    }


def _within_limits(data: bytes) -> list[tuple[str, bytes]]:
    """The CSV as one file, or, past the app's limits (2,000,000 rows or 200 MB a file: 5M
    rows are 456 MB), as the fewest files within them, each with the header."""
    header, _, body = data.partition(b"\n")
    lines = body.splitlines(keepends=True)
    parts = max(math.ceil(len(lines) / MAX_ROWS), math.ceil(len(data) / (MAX_FILE_BYTES * 0.95)), 1)
    if parts == 1:
        return [("canonical.csv", data)]
    size = math.ceil(len(lines) / parts)
    return [
        (f"canonical_{part + 1}.csv", header + b"\n" + b"".join(lines[start : start + size]))
        for part, start in enumerate(range(0, len(lines), size))
    ]


def _messy(path: Path) -> Path:
    """The messy locale file written beside the clean one."""
    return path.with_name(path.stem + "_messy.csv")


def _duckdb_set(connection) -> None:  # type: ignore[no-untyped-def]
    """The same sums, each as a sorted pandas table (as smroi gives them to the pages)."""
    sums = ", ".join(f"sum({m})" for m in MEASURES)
    connection.execute(f"select {sums} from t").df()
    for grouping in GROUPINGS:
        keys = ", ".join([grouping] if isinstance(grouping, str) else grouping)
        connection.execute(f"select {keys}, {sums} from t group by all order by all").df()
    connection.execute(
        f"select date_trunc('week', date) as w, {sums} from t group by w order by w"
    ).df()


def _polars_set(frame) -> None:  # type: ignore[no-untyped-def]
    import polars as pl

    sums = [pl.col(m).sum() for m in MEASURES]
    frame.select(sums)
    for grouping in GROUPINGS:
        keys = [grouping] if isinstance(grouping, str) else grouping
        frame.group_by(keys).agg(sums).sort(keys)
    frame.group_by(pl.col("date").dt.truncate("1w")).agg(sums).sort("date")


def child_engines(path: Path, repeat: int) -> dict[str, float | None]:
    """The same file read by a bare pandas.read_csv, DuckDB and Polars, and the same sums."""
    import pandas as pd

    data = path.read_bytes()
    messy = _messy(path).read_bytes()
    found: dict[str, float | None] = {
        "pandas_read": best_of(repeat, lambda: pd.read_csv(io.BytesIO(data))),
        "pandas_messy_read": best_of(
            repeat, lambda: pd.read_csv(io.BytesIO(messy), sep=";", skiprows=1)
        ),
        "duckdb_read": None,
        "duckdb_aggregate": None,
        "polars_read": None,
        "polars_aggregate": None,
    }
    try:
        import duckdb
    except ImportError:
        pass
    else:
        connection = duckdb.connect()
        statement = f"create or replace table t as select * from read_csv_auto('{path}')"
        found["duckdb_read"] = best_of(repeat, lambda: connection.execute(statement))
        found["duckdb_aggregate"] = best_of(repeat, lambda: _duckdb_set(connection))
    try:
        import polars as pl
    except ImportError:
        pass
    else:
        found["polars_read"] = best_of(repeat, lambda: pl.read_csv(path, try_parse_dates=True))
        frame = pl.read_csv(path, try_parse_dates=True)
        found["polars_aggregate"] = best_of(repeat, lambda: _polars_set(frame))
    return found


def _run_child(kind: str, path: Path, repeat: int) -> dict[str, float | None]:
    command = [sys.executable, __file__, "--child", kind, "--csv", str(path)]
    done = subprocess.run(
        [*command, "--repeat", str(repeat)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the table


def _size(text: str) -> int:
    """'10k' -> 10_000, '1M' -> 1_000_000, '250000' -> 250_000."""
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * factor)


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f} s"


def _times(value: float | None, base: float | None) -> str:
    return "—" if value is None or not base else f"{value / base:.1f}×"


def side_by_side(sizes: list[int], repeat: int, folder: Path) -> int:
    """Print the table for each size; return the largest size up to 1M rows (0: none)."""
    print(
        "| rows | smroi import | pandas bare read | smroi ÷ pandas | DuckDB read | "
        "Polars read | smroi numbers | DuckDB numbers | smroi ÷ DuckDB | Polars numbers | "
        "smroi peak memory |"
    )
    print("|---:" * 11 + "|")
    messy_lines = []
    for rows in sizes:
        path = folder / f"canonical_{rows}.csv"
        canonical_rows(rows).to_csv(path, index=False)
        _messy(path).write_bytes(messy_locale_csv(rows))
        ours = _run_child("smroi", path, repeat)
        theirs = _run_child("engines", path, repeat)
        messy_lines.append(
            f"| {rows:,} | {_seconds(ours['messy_import'])} | "
            f"{_seconds(theirs['pandas_messy_read'])} | "
            f"{_times(ours['messy_import'], theirs['pandas_messy_read'])} |"
        )
        print(
            f"| {rows:,} | {_seconds(ours['import'])} | {_seconds(theirs['pandas_read'])} | "
            f"{_times(ours['import'], theirs['pandas_read'])} | "
            f"{_seconds(theirs['duckdb_read'])} | {_seconds(theirs['polars_read'])} | "
            f"{_seconds(ours['aggregate'])} | {_seconds(theirs['duckdb_aggregate'])} | "
            f"{_times(ours['aggregate'], theirs['duckdb_aggregate'])} | "
            f"{_seconds(theirs['polars_aggregate'])} | {ours['peak_mb']:,.0f} MB |",
            flush=True,
        )
        path.unlink()
        _messy(path).unlink()
    print(
        "\nThe same rows as a Norwegian export (a title line, ';', 01.06.2026, 'kr 1 234,50'):\n"
        "\n| rows | smroi import | pandas bare read (sep=';', skiprows=1) | smroi ÷ pandas |\n"
        "|---:|---:|---:|---:|"
    )
    print("\n".join(messy_lines))
    return max((rows for rows in sizes if rows <= 1_000_000), default=0)


def budgets(rows: int, rerun_rows: int, repeat: int, folder: Path) -> None:
    """DESIGN.md's budget lines at `rows` rows."""
    path = folder / "canonical.csv"
    canonical_rows(rows).to_csv(path, index=False)
    data = path.read_bytes()
    print(f"\n{rows:,} rows, CSV {len(data) / 1e6:,.0f} MB")
    report(
        f"import a {rows:,}-row CSV (read_file)",
        best_of(repeat, lambda: read_file("canonical.csv", data)),
        3.0,
    )
    table, _ = read_file("canonical.csv", data)
    report(
        f"headline + by platform, {rows:,} rows",
        best_of(repeat, lambda: metrics_once(table)),
        0.3,
    )
    report(
        f"headline + 7 group-bys + weekly trend, {rows:,} rows",
        best_of(repeat, lambda: all_group_bys(table)),
        0.3,
    )
    small = table.head(rerun_rows)
    report(
        f"dashboard numbers after a sidebar change, {rerun_rows:,} rows",
        best_of(repeat, lambda: all_group_bys(small)),
        0.3,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="10k,100k,1M", help="sizes, e.g. 10k,100k,1M,5M")
    parser.add_argument("--rerun-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["smroi", "engines"], help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        work = child_smroi if args.child == "smroi" else child_engines
        print(json.dumps(work(args.csv, args.repeat)))
        return
    sizes = [_size(size) for size in args.rows.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        largest = side_by_side(sizes, args.repeat, Path(folder))
        if largest:  # DESIGN.md's budgets are for files up to 1M rows, one file each
            budgets(largest, min(args.rerun_rows, largest), args.repeat, Path(folder))


if __name__ == "__main__":
    main()
