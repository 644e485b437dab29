"""Every hostile file through `smroi summary` in a fresh process, as a user would run it:
exit 0 (read, with its warning) or 2 (refused, in one sentence naming the file), never a
traceback, within loose bounds of time (15 s of CPU for the whole process tree, its reader
workers included, and 45 s on the clock) and memory (1 GB for that tree). CPU time is the
bound that holds on a busy machine: the tests run beside others (pytest-xdist), and a
small file's wall time there is mostly waiting for a CPU.

The files are built by tests/hostile_csv.py and tests/hostile_files.py; they run four at a
time, so the time bound holds on a loaded machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile_csv import HOSTILE_CSV, Hostile
from tests.hostile_files import HOSTILE_XLSX, READABLE_ODD_XLSX

HOSTILE: dict[str, Hostile] = {
    **HOSTILE_CSV,
    **{name: Hostile(data, True, says) for name, (data, says) in HOSTILE_XLSX.items()},
    **{name: Hostile(data, False, "rows read") for name, (data, _t) in READABLE_ODD_XLSX.items()},
}
CPU_SECONDS = 15.0
CLOCK_SECONDS = 45.0  # a hang, not slowness: the reader workers stop at their own limit
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
TREE_BYTES = 1024**3
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Run:
    """What a run of the CLI did."""

    code: int
    out: str
    err: str
    seconds: float
    peak_bytes: int | None  # the process tree's largest resident size seen; None off Linux
    cpu_seconds: float | None  # the CPU time of every process of the tree; None off Linux


def _descendants(pid: int) -> list[int]:
    """A process's children, theirs, and so on (from /proc's children lists)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as children:
                kids = [int(kid) for kid in children.read().split()]
        except OSError:
            continue
        found += kids
        todo += kids
    return found


def _tree_rss(root: int) -> int:
    """The resident bytes of a process and all its descendants."""
    total = 0
    for pid in (root, *_descendants(root)):
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE
        except OSError:
            continue
    return total


def _cpu_seconds(pid: int) -> float | None:
    """The user and system CPU seconds a process has used so far (from /proc/PID/stat)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()  # after the command's name
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime and stime, fields 14 and 15


def run_summary(path: Path) -> Run:
    """`smroi summary <path>`, its memory sampled every 50 ms."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "smroi.cli", "summary", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SMROI_DEBUG": ""},
    )
    linux = os.path.exists(f"/proc/{process.pid}/task/{process.pid}/children")
    peak, cpu = 0, {}
    with ThreadPoolExecutor(1) as reader:
        output = reader.submit(process.communicate, timeout=60)
        while not output.done():
            if linux:
                peak = max(peak, _tree_rss(process.pid))
                for pid in (process.pid, *_descendants(process.pid)):
                    seconds = _cpu_seconds(pid)
                    if seconds is not None:
                        cpu[pid] = max(cpu.get(pid, 0.0), seconds)
            time.sleep(0.05)
        out, err = output.result()
    seconds = time.perf_counter() - start
    if not linux:
        return Run(process.returncode, out, err, seconds, None, None)
    return Run(process.returncode, out, err, seconds, peak, sum(cpu.values()))


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("hostile")
    for name, hostile in HOSTILE.items():
        (folder / name).write_bytes(hostile.data)
    with ThreadPoolExecutor(4) as pool:
        done = pool.map(run_summary, (folder / name for name in HOSTILE))
        return dict(zip(HOSTILE, done, strict=True))


def test_the_hostile_files_are_small() -> None:
    assert all(len(hostile.data) < 6_000_000 for hostile in HOSTILE.values())
    assert sum(len(hostile.data) for hostile in HOSTILE.values()) < 12_000_000


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_read_or_refused_in_one_sentence(runs: dict[str, Run], name: str) -> None:
    run, hostile = runs[name], HOSTILE[name]
    assert "Traceback" not in run.out + run.err
    if hostile.refused:
        assert run.code == 2, run.err
        assert run.out == ""
        [line] = run.err.strip().splitlines()
        assert line.startswith("smroi: ") and f"{name}: " in line
        assert "stopped" not in line  # refused by a check, not stopped at a limit
        assert hostile.says in line
    else:
        assert run.code == 0, run.err
        assert hostile.says in " ".join((run.out + run.err).split())  # spaces of a table, one


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_done_with_quickly_and_in_little_memory(
    runs: dict[str, Run], name: str
) -> None:
    run = runs[name]
    assert run.seconds < CLOCK_SECONDS, f"took {run.seconds:.1f} s"
    if run.cpu_seconds is not None:
        assert run.cpu_seconds < CPU_SECONDS, f"took {run.cpu_seconds:.1f} s of CPU"
    else:  # no /proc to read the CPU time from: the clock, as before
        assert run.seconds < CPU_SECONDS, f"took {run.seconds:.1f} s"
    if run.peak_bytes is not None:
        assert run.peak_bytes < TREE_BYTES, f"used {run.peak_bytes / 2**20:.0f} MB"
