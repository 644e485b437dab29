"""Dates with month names in the platforms' interface languages (issue 16): the day a user
wrote is the day smroi reads, and no month name means two months."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from babel.dates import format_date, get_month_names
from hypothesis import given, settings
from hypothesis import strategies as st

from smroi.ingest import read_file
from smroi.month_names import LANGUAGES
from smroi.parsing import read_dates


def _days(cells: list[str]) -> list[str | None]:
    days, _bad, _formats = read_dates(pd.Series(cells, dtype=object))
    return [None if pd.isna(day) else str(day.date()) for day in days]


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("3 mars 2026", "2026-03-03"),  # sv, nb, fr
        ("4 maj 2026", "2026-05-04"),  # sv, da, pl
        ("3. März 2026", "2026-03-03"),  # de
        ("12. Dez. 2026", "2026-12-12"),  # de, abbreviated
        ("3 de marzo de 2026", "2026-03-03"),  # es
        ("3 de out. de 2026", "2026-10-03"),  # pt, abbreviated
        ("1 Eylül 2026", "2026-09-01"),  # tr
        ("3 marca 2026", "2026-03-03"),  # pl, genitive
        ("3 mrt. 2026", "2026-03-03"),  # nl
        ("3 ottobre 2026", "2026-10-03"),  # it
        ("lørdag 3. oktober 2026", "2026-10-03"),  # nb, with the weekday
        ("mar., 3 de mar. de 2026", "2026-03-03"),  # es: "mar." is Tuesday, then March
        ("Mar 3, 2026", "2026-03-03"),  # en: "Mar" is March here
        ("۳ مارس ۲۰۲۶", "2026-03-03"),  # fa, Persian digits
        ("3 يونيو 2026", "2026-06-03"),  # ar
        ("2026年3月3日", "2026-03-03"),  # ja
    ],
)
def test_a_date_with_a_month_name_is_the_day_written(cell: str, day: str) -> None:
    assert _days([cell]) == [day]


def test_a_text_with_no_month_is_still_no_date() -> None:
    assert _days(["hello", "3 Monat 2026"]) == [None, None]


def test_no_month_name_means_two_months_in_the_languages_read() -> None:
    months: dict[str, set[int]] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, locale=language).items():
                    months.setdefault(name.lower().rstrip("."), set()).add(month)
    assert {name: found for name, found in months.items() if len(found) > 1} == {}


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    language=st.sampled_from(LANGUAGES),
    pattern=st.sampled_from(["d MMMM y", "d MMM y", "EEEE d MMMM y"]),
)
def test_any_day_written_in_any_language_reads_back(
    day: dt.date, language: str, pattern: str
) -> None:
    written = format_date(day, pattern, locale=language)
    assert _days([written]) == [day.isoformat()], written


def test_a_swedish_export_with_month_names_keeps_every_row() -> None:
    data = "Datum,Visningar,Klick\n3 mars 2026,1000,10\n4 mars 2026,500,5\n1 april 2026,250,2\n"
    table, report = read_file("statistik.csv", data.encode())
    assert report.rows_used == 3
    assert [str(day.date()) for day in table["date"]] == ["2026-03-03", "2026-03-04", "2026-04-01"]
    assert table["impressions"].sum() == 1750
