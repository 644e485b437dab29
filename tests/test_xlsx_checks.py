"""Structural checks before an xlsx is parsed (smroi.xlsx_checks): each hostile workbook
of tests/hostile_files.py is refused in milliseconds with its reason, odd but harmless
ones and real workbooks still read.

Hostile files are read through the worker (smroi.isolation), so that a check that
regresses fails its test instead of aborting pytest with calamine."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from smroi import isolation
from smroi.errors import InputFileError
from smroi.isolation import read_table_isolated
from smroi.readers import read_table
from smroi.xlsx_checks import (
    CELL_BYTES,
    CHUNK_BYTES,
    MAX_COLUMNS,
    MAX_ROWS,
    SheetExtent,
    check_workbook_structure,
    column_letters,
    column_number,
    max_cells,
    sheet_extent,
)
from tests.conftest import FIXTURES, REALDATA, ROOT
from tests.hostile_files import HOSTILE_XLSX, READABLE_ODD_XLSX, far_away, workbook

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture(autouse=True)
def _isolating(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(isolation.ISOLATE_VARIABLE, raising=False)


@pytest.fixture(scope="module")
def warm_worker() -> None:
    """A worker started before the timings: the first one waits for the forkserver."""
    read_table_isolated("warm.csv", b"spend\n1\n")


def extent(data: bytes) -> SheetExtent:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sheet_extent(archive, archive.getinfo(SHEET))


def table(frame: pd.DataFrame) -> dict[str, list[object]]:
    """The frame column by column, empty cells as None."""
    return {
        str(column): [None if pd.isna(value) else value for value in frame[column]]
        for column in frame.columns
    }


# ---------------------------------------------------------------- hostile workbooks


@pytest.mark.parametrize("name", sorted(HOSTILE_XLSX))
def test_a_hostile_workbook_is_refused_in_milliseconds_with_its_reason(
    name: str, warm_worker: None
) -> None:
    data, reason = HOSTILE_XLSX[name]
    started = time.monotonic()
    with pytest.raises(InputFileError) as refused:
        read_table_isolated(name, data)
    assert time.monotonic() - started < 1.0  # the worker would stop it after 5 s
    message = str(refused.value)
    assert message.startswith(f"{name}: ")
    assert reason in message
    assert "\n" not in message and "stopped" not in message


def test_the_hostile_workbooks_are_small() -> None:
    sizes = {name: len(data) for name, (data, _reason) in HOSTILE_XLSX.items()}
    assert max(sizes.values()) < 100_000, sizes


def test_the_farthest_cell_names_its_grid_in_numbers_worked_out_by_hand() -> None:
    data, reason = HOSTILE_XLSX["far_cell.xlsx"]
    assert 1_048_576 * 16_384 == 17_179_869_184
    with pytest.raises(InputFileError) as refused:
        read_table_isolated("far_cell.xlsx", data)
    assert str(refused.value) == f"far_cell.xlsx: {reason}"


@pytest.mark.parametrize("name", sorted(READABLE_ODD_XLSX))
def test_an_odd_but_harmless_workbook_reads(name: str) -> None:
    data, expected = READABLE_ODD_XLSX[name]
    assert table(read_table_isolated(name, data)) == expected


# ---------------------------------------------------------------- the limits


def test_columns_are_numbered_as_excel_numbers_them() -> None:
    assert [column_number(c) for c in ("A", "Z", "AA", "AZ", "ZZ", "AAA")] == [
        1,
        26,
        27,
        52,
        702,
        703,
    ]
    assert column_number("XFD") == MAX_COLUMNS == 16_384
    assert column_number("xfd") == 16_384
    # 1,000,000 = 2*26^4 + 4*26^3 + 23*26^2 + 7*26 + 14: B, D, W, G, N
    assert column_number("BDWGN") == 1_000_000
    assert [column_letters(n) for n in (1, 26, 27, 702, 703, 16_384, 1_000_000)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
        "XFD",
        "BDWGN",
    ]


def test_the_grid_a_file_may_make_is_its_memory_at_forty_bytes_a_cell() -> None:
    assert CELL_BYTES == 40
    assert max_cells(500_000_000) == 12_500_000
    assert MAX_ROWS == 1_048_576


def test_the_same_grid_reads_when_the_file_may_use_more_memory() -> None:
    data = workbook(far_away("XFD1000", 1000))  # 16,384,000 cells: 655,360,000 bytes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with pytest.raises(InputFileError, match="16,384,000 cells"):
            check_workbook_structure("wide.xlsx", archive, 655_359_999)
        check_workbook_structure("wide.xlsx", archive, 655_360_000)  # no error


def test_the_extent_counts_cells_with_a_value_only() -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Spend</t></is></c><c r="C1"><v>1</v></c>'
        '</row><row r="7"><c r="B7"><v>2</v></c><c r="AB7" s="1"/><c r="AC7"></c></row>'
        '<row r="9"/>'
    )
    assert extent(workbook(rows)) == SheetExtent(rows=7, columns=3)


def test_the_farthest_row_and_column_are_compared_as_numbers() -> None:
    # 100 is after 99 and 9 though its text sorts first; AA is after Z
    rows = (
        '<row r="9"><c r="A9"><v>1</v></c><c r="Z9"><v>1</v></c></row>'
        '<row r="99"><c r="AA99"><v>1</v></c></row><row r="100"><c r="b100"><v>1</v></c></row>'
    )
    assert extent(workbook(rows)) == SheetExtent(rows=100, columns=27)
    assert extent(workbook(rows.replace('"', "'"))) == SheetExtent(rows=100, columns=27)


def test_every_way_of_writing_a_cell_reaches_as_far() -> None:
    plain = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>1</v></c></row>'
        '<row r="7"><c r="b7"><v>2</v></c><c r="AB7" s="1"/></row>'
    )
    # an attribute before r is read in bulk; single quotes and a prefix tag by tag
    quoted = plain.replace('"', "'")
    prefixed = plain.replace("<c ", "<x:c ").replace("</c>", "</x:c>")
    styled_first = plain.replace("<c r=", '<c s="0" r=')
    for rows in (plain, quoted, prefixed, styled_first):
        assert extent(workbook(rows)) == SheetExtent(rows=7, columns=3), rows


def test_cells_without_their_reference_follow_the_one_before() -> None:
    # row 1: A1, B1; row 2: A2; row 5 (r="5"): A5, D5, then E5
    rows = (
        "<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>"
        '<row r="5"><c><v>4</v></c><c r="D5"><v>5</v></c><c><v>6</v></c></row>'
    )
    assert extent(workbook(rows)) == SheetExtent(rows=5, columns=5)


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_sheet_longer_than_one_chunk_is_read_to_its_last_cell(quote: str) -> None:
    rows = "".join(
        f"<row r={quote}{n}{quote}><c r={quote}A{n}{quote}><v>{n}</v></c>"
        f"<c r={quote}B{n}{quote}><v>1.5</v></c></row>"
        for n in range(1, 60_001)
    )
    assert len(rows) > 3 * CHUNK_BYTES
    assert extent(workbook(rows)) == SheetExtent(rows=60_000, columns=2)


# ---------------------------------------------------------------- real workbooks


def real_workbooks() -> list[Path]:
    """The xlsx files of sample_data, tests/fixtures and the real-data folder."""
    found = [*sorted((ROOT / "sample_data").glob("*.xlsx")), *sorted(FIXTURES.glob("*.xlsx"))]
    return found + sorted(REALDATA.rglob("*.xlsx")) if REALDATA.is_dir() else found


@pytest.mark.parametrize("path", real_workbooks(), ids=lambda path: path.name)
def test_a_real_workbook_passes_the_checks_and_reads(path: Path) -> None:
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_workbook_structure(path.name, archive, isolation.file_limits(data).memory_bytes)
    assert len(read_table(path.name, data, {})) > 0


def test_the_real_data_folder_has_workbooks_to_check() -> None:
    if not REALDATA.is_dir():
        pytest.skip("no real-data folder here")
    assert len([p for p in real_workbooks() if REALDATA in p.parents]) >= 5


def test_the_sample_workbook_is_checked_in_a_fraction_of_its_reading() -> None:
    data = (ROOT / "sample_data" / "social_media_sample.xlsx").read_bytes()
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_workbook_structure("sample.xlsx", archive, 10**9)
        checked = time.perf_counter() - started
        started = time.perf_counter()
        read_table("sample.xlsx", data, {})
        timings.append((checked, time.perf_counter() - started))
    checked, read = min(timings)
    assert checked < 0.25 * read and checked < 0.1, (checked, read)


# The command line's answer to each hostile workbook: tests/test_hostile_files.py.
