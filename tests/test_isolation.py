"""Readers in worker processes (smroi.isolation): a file that aborts the reader, eats its
memory or never ends costs one sentence naming it; this process and the next read carry on.

The functions run in the workers are defined at the top of this module, so that the
worker can unpickle them."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from smroi import isolation, load_files, read_file
from smroi.attribution import read_journeys
from smroi.errors import InputFileError
from smroi.i18n import Message
from smroi.isolation import (
    MAX_IDLE,
    ReaderStopped,
    file_limits,
    read_file_isolated,
    read_table_isolated,
    run_isolated,
)
from smroi.readers import read_table
from tests.conftest import FIXTURES, ROOT
from tests.hostile_files import FAR_CELL, HUGE_STRING_COUNT

CRASH = "the file reader stopped unexpectedly; the file is probably damaged."


@pytest.fixture(autouse=True)
def _isolating(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(isolation.ISOLATE_VARIABLE, raising=False)


# ---------------------------------------------------------------- run in the workers


def abort_now() -> None:
    os.abort()


def rust_out_of_memory() -> None:
    """What Rust does when an allocation fails: says so on stderr, then aborts."""
    os.write(2, b"memory allocation of 549755813888 bytes failed\n")
    os.abort()


def allocate_five_gigabytes() -> int:
    return len(bytearray(5_000_000_000))


def sleep_forever() -> None:
    time.sleep(3600)


def refuse(file: str) -> None:
    raise InputFileError(file, Message("the file is {what}.", {"what": "odd"}))


def fail() -> None:
    raise ValueError("not a number: 'x'")


class Unpicklable(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} and {second}")


def fail_unpicklably() -> None:
    raise Unpicklable("this", "that")


def my_pid(wait: float = 0.0) -> int:
    time.sleep(wait)
    return os.getpid()


def chatter() -> str:
    print("to stdout")
    os.write(2, b"to stderr\n")
    return "done"


def twice(data: bytes) -> bytes:
    return data + data


# ---------------------------------------------------------------- hostile workbooks

# built in tests/hostile_files.py; smroi.xlsx_checks now refuses them before calamine
# opens them, and the worker still stands behind those checks
HOSTILE = {"far_cell.xlsx": FAR_CELL, "string_count.xlsx": HUGE_STRING_COUNT}


def test_the_hostile_workbooks_are_small() -> None:
    assert all(len(data) < 2048 for data in HOSTILE.values())


# ---------------------------------------------------------------- run_isolated


def test_a_worker_stays_warm_between_reads() -> None:
    first = run_isolated(my_pid)
    read_file_isolated(
        "sample.csv", (ROOT / "sample_data" / "social_media_sample.csv").read_bytes()
    )
    assert run_isolated(my_pid) == first != os.getpid()


def test_an_abort_is_a_sentence_and_the_next_task_runs_in_a_new_worker() -> None:
    before = run_isolated(my_pid)
    with pytest.raises(ReaderStopped) as stopped:
        run_isolated(abort_now)
    assert stopped.value.cause == "crash"
    assert str(stopped.value) == CRASH
    after = run_isolated(my_pid)
    assert after not in {os.getpid(), before}  # the aborted worker was replaced


def test_rusts_failed_allocation_is_told_as_memory() -> None:
    with pytest.raises(ReaderStopped) as stopped:
        run_isolated(rust_out_of_memory, memory_bytes=300_000_000)
    assert stopped.value.cause == "memory"
    assert str(stopped.value) == (
        "reading it needed more memory than smroi allows for one file (300 MB), so it was "
        "stopped; the file may be damaged, or too large to read in one go."
    )


def test_a_memory_hog_is_stopped_at_its_limit_quickly() -> None:
    started = time.monotonic()
    with pytest.raises(ReaderStopped) as stopped:
        run_isolated(allocate_five_gigabytes, memory_bytes=200_000_000)
    assert time.monotonic() - started < 5
    assert stopped.value.cause == "memory"
    assert "(200 MB)" in str(stopped.value)
    assert run_isolated(twice, b"ab") == b"abab"


def test_a_task_that_never_ends_is_stopped_after_its_seconds() -> None:
    started = time.monotonic()
    with pytest.raises(ReaderStopped) as stopped:
        run_isolated(sleep_forever, seconds=1)
    elapsed = time.monotonic() - started
    assert 1 <= elapsed < 4
    assert stopped.value.cause == "time"
    assert str(stopped.value) == (
        "reading it took longer than 1 s, so it was stopped; the file may be damaged, or too "
        "large to read in one go."
    )
    assert run_isolated(twice, b"x") == b"xx"


def test_an_input_file_error_comes_back_with_its_file_and_translatable_problem() -> None:
    with pytest.raises(InputFileError) as refused:
        run_isolated(refuse, "odd.csv")
    assert str(refused.value) == "odd.csv: the file is odd."
    assert refused.value.file == "odd.csv"
    assert isinstance(refused.value.problem, Message)
    assert refused.value.problem.template == "the file is {what}."


def test_other_exceptions_come_back_as_they_were_raised() -> None:
    with pytest.raises(ValueError, match=r"^not a number: 'x'$"):
        run_isolated(fail)
    with pytest.raises(RuntimeError, match=r"^Unpicklable: this and that$"):
        run_isolated(fail_unpicklably)


def test_what_a_worker_prints_does_not_reach_the_screen(capfd: pytest.CaptureFixture[str]) -> None:
    assert run_isolated(chatter) == "done"
    assert capfd.readouterr() == ("", "")


def test_reads_from_several_threads_each_get_a_worker() -> None:
    pids: list[int] = []

    def read() -> None:
        pids.append(run_isolated(my_pid, 1.5))

    threads = [threading.Thread(target=read) for _ in range(4)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert time.monotonic() - started < 4.5  # one after the other would take 6 s
    assert len(set(pids)) == 4
    assert len(isolation._POOL._idle) <= MAX_IDLE  # the others were stopped


def test_with_isolation_off_the_task_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(isolation.ISOLATE_VARIABLE, "0")
    assert run_isolated(my_pid) == os.getpid()


def test_no_zombie_is_left_after_crashes() -> None:
    for _ in range(3):
        with pytest.raises(ReaderStopped):
            run_isolated(abort_now)
    assert _zombies() == []


def _zombies() -> list[int]:
    """Processes of ours (children, and their children) that ended and were never reaped."""
    if not Path("/proc").is_dir():
        pytest.skip("needs /proc")
    family, zombies = {os.getpid()}, set()
    for _ in range(3):  # children, grandchildren (the forkserver's workers)
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                text = stat.read_text()
            except OSError:
                continue
            state, parent = text.rsplit(")", 1)[1].split()[:2]
            if int(parent) in family:
                family.add(int(text.split(" ", 1)[0]))
                if state == "Z":
                    zombies.add(int(text.split(" ", 1)[0]))
    return sorted(zombies)


# ---------------------------------------------------------------- limits


def test_limits_grow_with_the_file_and_more_for_a_workbook() -> None:
    small_csv = file_limits(b"x" * 2000)
    assert (small_csv.memory_bytes, small_csv.seconds) == (500_000_000 + 16 * 2000, 5.002)
    big_csv = file_limits(b"x" * 20_000_000)
    assert (big_csv.memory_bytes, big_csv.seconds) == (820_000_000, 25.0)
    small_xlsx = file_limits(FAR_CELL)
    assert small_xlsx.seconds == pytest.approx(5 + 3 * len(FAR_CELL) / 1e6)
    assert small_xlsx.memory_bytes == 500_000_000 + 40 * len(FAR_CELL)


# ---------------------------------------------------------------- files


def test_read_file_isolated_reads_what_read_file_reads() -> None:
    data = (FIXTURES / "canonical_small.csv").read_bytes()
    table, report = read_file_isolated("canonical_small.csv", data)
    expected, expected_report = read_file("canonical_small.csv", data)
    assert table.equals(expected)
    assert report.summary() == expected_report.summary()
    assert (report.rows_read, report.rows_used) == (expected_report.rows_read, 8)


def test_read_file_isolated_forwards_its_options() -> None:
    data = (FIXTURES / "canonical_small.xlsx").read_bytes()
    with pytest.raises(TypeError, match="no_such_option"):  # raised by read_file, in the worker
        read_file_isolated("canonical_small.xlsx", data, no_such_option=1)
    table, report = read_file_isolated("canonical_small.xlsx", data, sheet=None, column_map={})
    assert report.rows_used == len(table) == 8


def test_a_twenty_megabyte_csv_reads_within_its_limits() -> None:
    header = b"date,platform,campaign,spend,clicks\n"
    row = b"2026-06-01,facebook,Summer sale with a long campaign name,12.50,3\n"
    data = header + row * (20_000_000 // len(row))
    table, report = read_file_isolated("big.csv", data)
    assert len(table) == report.rows_used == 20_000_000 // len(row)
    assert table["spend"].sum() == pytest.approx(12.5 * len(table))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_crashing_workbook_is_reported_by_load_files_and_the_others_load(name: str) -> None:
    good = (FIXTURES / "canonical_small.csv").read_bytes()
    started = time.monotonic()
    table, reports = load_files([(name, HOSTILE[name]), ("canonical_small.csv", good)])
    assert time.monotonic() - started < 10
    error = reports[0].error
    assert error is not None and error.startswith(f"{name}: ")
    assert "\n" not in error and "Traceback" not in error and "panicked" not in error
    assert reports[1].error is None and len(table) == 8  # this process and the next file
    assert load_files([("again.csv", good)])[0]["spend"].sum() == pytest.approx(255.75)


def test_a_crashing_workbook_among_the_journeys_is_an_input_file_error() -> None:
    with pytest.raises(InputFileError) as refused:
        read_journeys(("journeys.xlsx", FAR_CELL))
    assert str(refused.value).startswith("journeys.xlsx: ")
    assert read_table_isolated("referrals.csv", b"source,sessions\nfacebook,3\n").equals(
        read_table("referrals.csv", b"source,sessions\nfacebook,3\n", {})
    )


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_cli_exits_2_with_one_line_for_a_crashing_workbook(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    done = subprocess.run(
        [sys.executable, "-m", "smroi.cli", "summary", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"smroi: {path}: ")
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr
