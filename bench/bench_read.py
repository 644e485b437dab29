"""What reading a file in a worker process (smroi.isolation) costs, against reading it in
this process, and how fast a hostile file is refused.

    python bench/bench_read.py [--rows 1000000] [--repeat 3]

The first isolated read starts the worker pool (a forkserver); it is timed apart, as
"first read" (what every CLI run pays once). The rest are best-of-N with the pool warm.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import best_of, canonical_rows  # noqa: E402
from smroi.errors import InputFileError  # noqa: E402
from smroi.ingest import read_file  # noqa: E402
from smroi.isolation import read_file_isolated  # noqa: E402

SMALL = b"Date,Platform,Spend,Clicks\n2026-06-01,facebook,12.50,4\n2026-06-02,facebook,8,3\n"


def hostile_files() -> dict[str, bytes]:
    """The test suite's hostile files (their builders live in tests/)."""
    from tests.hostile_csv import HOSTILE_CSV

    files = {name: hostile.data for name, hostile in HOSTILE_CSV.items()}
    try:
        from tests.hostile_files import HOSTILE_XLSX
    except ImportError:
        return files
    for name, entry in HOSTILE_XLSX.items():
        files[name] = entry[0] if isinstance(entry, tuple) else entry.data
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    read_file_isolated("small.csv", SMALL)
    print(f"first isolated read (starts the pool)       {time.perf_counter() - start:7.3f} s")
    big = io.BytesIO()
    canonical_rows(args.rows).to_csv(big, index=False)
    files = {
        "3-row CSV": ("small.csv", SMALL),
        "sample CSV": (
            "social_media_sample.csv",
            (ROOT / "sample_data" / "social_media_sample.csv").read_bytes(),
        ),
        "sample XLSX": (
            "social_media_sample.xlsx",
            (ROOT / "sample_data" / "social_media_sample.xlsx").read_bytes(),
        ),
        f"{args.rows:,}-row CSV ({big.tell() / 2**20:,.0f} MB)": ("big.csv", big.getvalue()),
    }
    print(f"{'file':<34}{'in process':>12}{'isolated':>12}{'overhead':>10}")
    for label, (name, data) in files.items():
        here = best_of(args.repeat, lambda n=name, d=data: read_file(n, d))
        there = best_of(args.repeat, lambda n=name, d=data: read_file_isolated(n, d))
        print(f"{label:<34}{here:>10.3f} s{there:>10.3f} s{there / here:>9.2f}x")
    print("\nhostile files, isolated (read or refused):")
    for name, data in hostile_files().items():
        start = time.perf_counter()
        try:
            read_file_isolated(name, data)
            outcome = "read"
        except InputFileError as refusal:
            outcome = str(refusal)[:90]
        print(f"  {name:<28}{time.perf_counter() - start:7.3f} s  {outcome}")


if __name__ == "__main__":
    main()
