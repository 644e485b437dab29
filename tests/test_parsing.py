"""smroi.parsing: dates that pandas' nanosecond type cannot hold are read, never an error.

datetime64[ns] holds 21 Sep 1677 to 11 Apr 2262. A cell such as "0226-06-30", "9999-12-31"
or an Excel serial of 9,999,999 (23 Jan 29279) used to raise OutOfBoundsDatetime, which
refused the whole file ("…; please report this"). read_dates keeps them as dates (for
smroi.report_dates to judge); parse_dates, which returns nanoseconds, marks them as not
dates.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from smroi.parsing import parse_dates, read_dates


def days(values: list[object]) -> pd.Series:
    return pd.Series(values, dtype=object)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("0226-06-30", "0226-06-30"),
        ("9999-12-31", "9999-12-31"),
        ("2226-06-30", "2226-06-30"),
        ("1899-12-31", "1899-12-31"),
        ("30/06/0226", "0226-06-30"),
        (45_000, "2023-03-15"),  # an Excel serial in a "General" cell
        (datetime(2226, 6, 30), "2226-06-30"),  # what calamine gives for a date cell
        (datetime(9999, 12, 31, 23, 59), "9999-12-31 23:59"),
    ],
    ids=["year-226", "year-9999", "year-2226", "year-1899", "d/m/Y-226", "serial", "dt", "dt-9999"],
)
def test_read_dates_reads_any_year_a_cell_can_hold(cell: object, expected: str) -> None:
    read, bad, _form = read_dates(days([cell, "2026-01-01"]))
    assert read.dtype == "datetime64[us]"
    assert read.iloc[0] == pd.Timestamp(expected)
    assert read.iloc[1] == pd.Timestamp("2026-01-01")
    assert not bad.any()


@pytest.mark.parametrize(
    "cell",
    ["0226-06-30", "9999-12-31", "30/06/0226", 9_999_999, datetime(9999, 1, 1)],
    ids=["year-226", "year-9999", "d/m/Y-226", "serial", "dt-9999"],
)
def test_parse_dates_marks_dates_nanoseconds_cannot_hold_as_not_dates(cell: object) -> None:
    parsed, bad, _form = parse_dates(days([cell, "2026-01-01"]))
    assert parsed.dtype == "datetime64[ns]"
    assert pd.isna(parsed.iloc[0])
    assert bad.tolist() == [True, False]
    assert parsed.iloc[1] == pd.Timestamp("2026-01-01")


def test_parse_dates_keeps_dates_inside_the_nanosecond_range() -> None:
    parsed, bad, _form = parse_dates(days(["2226-06-30", 45_000, date(2016, 6, 30), "n/a"]))
    assert parsed.tolist()[:3] == [
        pd.Timestamp("2226-06-30"),
        pd.Timestamp("2023-03-15"),  # serial 45,000
        pd.Timestamp("2016-06-30"),
    ]
    assert pd.isna(parsed.iloc[3])
    assert bad.tolist() == [False, False, False, False]  # "n/a" is blank, not a bad date


def test_an_excel_serial_of_9_999_999_is_the_year_29279() -> None:
    read, bad, _form = read_dates(days([9_999_999, 45_000]))
    # 1899-12-30 + 9,999,999 days (a Timestamp cannot be written from text past 9999)
    assert read.iloc[0].year == 29279
    assert (read.iloc[0].month, read.iloc[0].day) == (1, 23)
    assert not bad.any()


def test_a_serial_too_large_for_any_date_is_not_a_date() -> None:
    read, bad, _form = read_dates(days([1e20, 45_000]))
    assert pd.isna(read.iloc[0])
    assert bad.tolist() == [True, False]
