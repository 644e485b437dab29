"""Numbers as a user reads them; undefined is a dash."""

from __future__ import annotations

import math
from datetime import date

import pytest

from smroi import format_metric, format_money, format_value
from smroi.formatting import period_label, plural


@pytest.mark.parametrize("value", [None, math.nan, math.inf, -math.inf], ids=str)
@pytest.mark.parametrize("unit", ["money", "count", "percent", "fraction", "multiple"])
def test_undefined_shows_a_dash(value: float | None, unit: str) -> None:
    assert format_value(value, unit, "USD") == "—"


@pytest.mark.parametrize(
    ("value", "unit", "currency", "shown"),
    [
        (1234.5, "money", "USD", "$1,234.50"),
        (-20.0, "money", "EUR", "-€20.00"),
        (1234.5, "money", "NOK", "1,234.50 kr"),
        (99.0, "money", "XYZ", "99.00 XYZ"),
        (12345.0, "count", "USD", "12,345"),
        (162.8902, "percent", "USD", "162.9%"),
        (0.0123, "fraction", "USD", "1.23%"),
        (3.2, "multiple", "USD", "3.20x"),
    ],
    ids=[
        "usd",
        "negative-eur",
        "nok-suffix",
        "unknown-code",
        "count",
        "percent",
        "fraction",
        "multiple",
    ],
)
def test_values_in_their_units(value: float, unit: str, currency: str, shown: str) -> None:
    assert format_value(value, unit, currency) == shown


def test_metrics_format_by_their_registry_unit() -> None:
    assert format_metric("ctr", 0.05) == "5.00%"
    assert format_metric("roas", 2.4406) == "2.44x"
    assert format_money(0.004, "USD") == "$0.00"


def test_plural() -> None:
    assert plural(1, "row") == "1 row"
    assert plural(1200, "row") == "1,200 rows"


@pytest.mark.parametrize(
    ("start", "period", "label"),
    [
        (date(2026, 6, 5), "day", "5 Jun 2026"),
        (date(2026, 6, 1), "week", "Week of 1 Jun 2026"),
        (date(2026, 9, 1), "month", "Sep 2026"),
        (date(2026, 7, 1), "quarter", "Q3 2026"),
        (date(2026, 1, 1), "quarter", "Q1 2026"),
        (date(2026, 1, 1), "year", "2026"),
    ],
)
def test_period_label(start: date, period: str, label: str) -> None:
    assert period_label(start, period) == label
