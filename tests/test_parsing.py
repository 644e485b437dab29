"""smroi.parsing: dates that pandas' nanosecond type cannot hold are read, never an error.

datetime64[ns] holds 21 Sep 1677 to 11 Apr 2262. A cell such as "0226-06-30", "9999-12-31"
or an Excel serial of 9,999,999 (23 Jan 29279) used to raise OutOfBoundsDatetime, which
refused the whole file ("…; please report this"). read_dates keeps them as dates (for
smroi.report_dates to judge); parse_dates, which returns nanoseconds, marks them as not
dates.

Numbers (below): one decimal mark a column, decided from all its cells; a column that
proves both marks is not guessed; "0x10" is not a number, "1e3" is a thousand, "1e300" is
an impossible amount.
"""

from __future__ import annotations

from datetime import date, datetime

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings

from smroi.parsing import (
    IMPOSSIBLE,
    LARGEST,
    NOT_A_NUMBER,
    UNDECIDED,
    decimal_hint,
    parse_dates,
    parse_numbers,
    read_dates,
    read_numbers,
)


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


# ---------------------------------------------------------------- numbers, one mark a column


def cells(values: list[object]) -> pd.Series:
    return pd.Series(values, dtype=object)


@pytest.mark.parametrize(
    ("cell", "number"),
    [
        ("1'234.50", 1234.5),  # Swiss apostrophe grouping
        ("1 234,50", 1234.5),
        ("1\u00a0234,50", 1234.5),  # no-break space
        ("1\u202f234,50", 1234.5),  # narrow no-break space
        ("1\u2009234,50", 1234.5),  # thin space
        ("1e3", 1000.0),
        ("1.5E-2", 0.015),
        ("US$135.81", 135.81),
        ("kr 1 234,50", 1234.5),
        ("€ 12,50", 12.5),
        ("1 234,50 NOK", 1234.5),
        ("12,5%", 12.5),
        ("۱۲٫۵", 12.5),
        ("۱٬۲۳۴", 1234.0),
        ("(12)", -12.0),
        ("12-", -12.0),
        ("−100", -100.0),  # the minus sign U+2212
        ("1,23,456.50", 123456.5),  # Indian lakh grouping
    ],
)
def test_a_cell_reads_as_the_number_written(cell: str, number: float) -> None:
    numbers = read_numbers(cells([cell]))
    assert numbers.values.tolist() == [pytest.approx(number)]
    assert not numbers.not_numbers.any()


@pytest.mark.parametrize("cell", ["0x10", "12abc", "1.2.3,4", "abc", "2026-01-05", "1,2,3"])
def test_text_that_is_not_a_number_is_left_out_with_its_reason(cell: str) -> None:
    numbers = read_numbers(cells([cell, "12"]))
    assert numbers.values.tolist()[1] == 12.0
    assert numbers.not_numbers.tolist() == [True, False]
    assert numbers.reasons[0] == NOT_A_NUMBER


@pytest.mark.parametrize("cell", ["-1e308", "1e300", "inf", "-inf", "2e15"])
def test_an_impossible_amount_is_not_read(cell: str) -> None:
    numbers = read_numbers(cells([cell, "12"]))
    assert numbers.not_numbers.tolist() == [True, False]
    assert numbers.reasons[0] == IMPOSSIBLE
    assert numbers.values.sum() == 12.0  # not inf, not -1e308 + 12


def test_impossible_amounts_in_a_column_of_floats() -> None:
    numbers = read_numbers(pd.Series([12.0, float("inf"), -1e308, float("nan")]))
    assert numbers.values.sum() == 12.0
    assert numbers.not_numbers.tolist() == [False, True, True, False]  # NaN: not reported


def test_a_column_that_proves_the_decimal_comma_reads_1_234_as_a_thousand() -> None:
    numbers = read_numbers(cells(["1.234", "12,50", "7", "1e3"]))
    assert numbers.decimal == ","
    assert numbers.values.tolist() == [1234.0, 12.5, 7.0, 1000.0]
    assert numbers.mixed is None


def test_a_column_that_proves_the_decimal_point_reads_1_234_as_a_thousand() -> None:
    numbers = read_numbers(cells(["1,234", "12.50"]))
    assert numbers.decimal == "."
    assert numbers.values.tolist() == [1234.0, 12.5]


@pytest.mark.parametrize(
    ("cell", "hint", "number", "decimal"),
    [
        ("1.234", None, 1.234, "."),  # no proof, no hint: the point, as the platforms write
        ("1,234", None, 1234.0, "."),
        ("1.234", ",", 1234.0, ","),  # a file separated by ";": "1.234" is a thousand
        ("1,234", ",", 1.234, ","),
        ("1.234", ".", 1.234, "."),
    ],
)
def test_a_column_that_proves_nothing_follows_the_files_hint(
    cell: str, hint: str | None, number: float, decimal: str
) -> None:
    numbers = read_numbers(cells([cell, "7"]), hint=hint)
    assert numbers.values.tolist() == [number, 7.0]
    assert numbers.decimal == decimal


def test_the_hint_does_not_overrule_what_the_column_proves() -> None:
    numbers = read_numbers(cells(["1.234", "12.50"]), hint=",")
    assert numbers.values.tolist() == [1.234, 12.5]
    assert numbers.decimal == "."


def test_a_column_that_mixes_the_marks_is_not_guessed() -> None:
    numbers = read_numbers(cells(["1,234.50", "1.234,50", "12", "1 234", "1.234", "", "0x10"]))
    assert numbers.decimal is None
    assert numbers.mixed == ("1,234.50", "1.234,50")
    # "12" and "1 234" read the same either way; the others wait for the user's choice
    assert numbers.values.fillna(-1).tolist() == [-1, -1, 12.0, 1234.0, -1, -1, -1]
    assert numbers.not_numbers.tolist() == [True, True, False, False, True, False, True]
    assert numbers.reasons.tolist()[:2] == [UNDECIDED, UNDECIDED]
    assert numbers.reasons[4] == UNDECIDED
    assert numbers.reasons[6] == NOT_A_NUMBER


@pytest.mark.parametrize(
    ("decimal", "expected"),
    [
        # the chosen mark reads "1.234"; cells that prove a mark keep their own reading
        (",", [1234.5, 1234.5, 12.0, 1234.0]),
        (".", [1234.5, 1234.5, 12.0, 1.234]),
    ],
)
def test_the_users_choice_reads_a_mixed_column(decimal: str, expected: list[float]) -> None:
    numbers = read_numbers(cells(["1,234.50", "1.234,50", "12", "1.234"]), decimal)
    assert numbers.values.tolist() == expected
    assert numbers.decimal == decimal and numbers.mixed is None
    assert not numbers.not_numbers.any()


def test_numbers_in_a_workbook_column_are_not_read_again_as_text() -> None:
    # calamine gives an xlsx number cell as a float beside text cells: 1234.5 is not "1234.5"
    numbers = read_numbers(cells([1234.5, "1.234,50", 7]))
    assert numbers.values.tolist() == [1234.5, 1234.5, 7.0]
    assert numbers.mixed is None


def test_parse_numbers_is_read_numbers_for_callers_that_need_less() -> None:
    parsed, bad, decimal = parse_numbers(cells(["1.234", "12,50", "0x10"]))
    assert parsed.fillna(-1).tolist() == [1234.0, 12.5, -1]
    assert bad.tolist() == [False, False, True]
    assert decimal == ","


@pytest.mark.parametrize(
    ("delimiter", "mark"), [(";", ","), (",", None), ("\t", None), (None, None)]
)
def test_a_semicolon_separated_file_hints_at_a_decimal_comma(
    delimiter: str | None, mark: str | None
) -> None:
    assert decimal_hint(delimiter) == mark


@hypothesis_settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet="0123456789.,-e '()$€%x", max_size=10),
            st.floats(allow_nan=True, allow_infinity=True),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([None, ".", ","]),
)
def test_every_cell_is_a_possible_number_or_has_its_reason(
    values: list[object], decimal: str | None
) -> None:
    numbers = read_numbers(cells(values), decimal)
    read = numbers.values.dropna()
    assert (read.abs() <= LARGEST).all()
    assert numbers.not_numbers.tolist() == numbers.reasons.notna().tolist()
    assert not (numbers.not_numbers & numbers.values.notna()).any()
    assert (numbers.mixed is None) == (numbers.decimal is not None)
