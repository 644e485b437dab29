"""Numbers as a user reads them; undefined is a dash."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest

from smroi import currency_symbol, format_metric, format_money, format_value
from smroi.formatting import (
    BABEL_LOCALES,
    LANGUAGES,
    format_day,
    period_label,
    plural,
    unit_label,
)


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
        (date(2026, 6, 5), "day", "05 Jun 2026"),
        (date(2026, 6, 1), "week", "Week of 01 Jun 2026"),
        (date(2026, 9, 1), "month", "Sep 2026"),
        (date(2026, 7, 1), "quarter", "Q3 2026"),
        (date(2026, 1, 1), "quarter", "Q1 2026"),
        (date(2026, 1, 1), "year", "2026"),
    ],
)
def test_period_label(start: date, period: str, label: str) -> None:
    assert period_label(start, period) == label


# Locale-aware formatting (issue 9). Spaces and marks are written as escapes:
# \u00a0 no-break space (Babel's group separator in nb and its space before "kr" and "%"),
# \u200e left-to-right mark (before a Persian minus), \u200c zero-width non-joiner.


@pytest.mark.parametrize("lang", ["en", "nb", "fa"])
@pytest.mark.parametrize("digits", ["native", "latin"])
@pytest.mark.parametrize("value", [None, math.nan, math.inf, -math.inf, "n/a"], ids=str)
@pytest.mark.parametrize("unit", ["money", "count", "percent", "fraction", "multiple", "months"])
def test_undefined_shows_a_dash_in_every_language(
    value: object, unit: str, lang: str, digits: str
) -> None:
    assert format_value(value, unit, "IRR", lang=lang, digits=digits) == "—"
    assert format_money(value, "NOK", lang=lang, digits=digits) == "—"


@pytest.mark.parametrize(
    ("value", "currency", "lang", "digits", "shown"),
    [
        # English is what it always was, whatever the digits choice
        (1234.5, "USD", "en", "native", "$1,234.50"),
        (1234.5, "USD", "en", "latin", "$1,234.50"),
        (1234.5, "EUR", "en", "native", "€1,234.50"),
        (1234.5, "GBP", "en", "native", "£1,234.50"),
        (1234.5, "INR", "en", "native", "₹1,234.50"),
        (1234.5, "BRL", "en", "native", "R$1,234.50"),
        (1234.5, "CAD", "en", "native", "C$1,234.50"),
        (1234.5, "NOK", "en", "native", "1,234.50 kr"),
        (1234.5, "JPY", "en", "native", "¥1,234.50"),
        (-20.0, "EUR", "en", "native", "-€20.00"),
        # Norsk bokmål: no-break spaces, decimal comma, the nb symbol after the amount
        (1234.5, "NOK", "nb", "native", "1\u00a0234,50\u00a0kr"),
        (1234.5, "NOK", "nb", "latin", "1\u00a0234,50\u00a0kr"),
        (-1234.5, "NOK", "nb", "native", "-1\u00a0234,50\u00a0kr"),
        (1234.5, "EUR", "nb", "native", "1\u00a0234,50\u00a0€"),
        (1234.5, "GBP", "nb", "native", "1\u00a0234,50\u00a0£"),
        (1234.5, "USD", "nb", "native", "1\u00a0234,50\u00a0USD"),
        (1234.5, "JPY", "nb", "native", "1\u00a0234\u00a0JPY"),
        (-0.001, "NOK", "nb", "native", "0,00\u00a0kr"),
        (99.0, "XYZ", "nb", "native", "99,00\u00a0XYZ"),
        # Persian: the amount first, then the symbol; rials have no decimals
        (12345.67, "IRR", "fa", "native", "۱۲٬۳۴۶\u00a0ریال"),
        (12345.67, "IRR", "fa", "latin", "12,346\u00a0ریال"),
        (-12345.0, "IRR", "fa", "native", "\u200e-۱۲٬۳۴۵\u00a0ریال"),
        (1234.5, "USD", "fa", "native", "۱٬۲۳۴٫۵۰\u00a0$"),
        (1234.5, "USD", "fa", "latin", "1,234.50\u00a0$"),
        (1234.5, "EUR", "fa", "native", "۱٬۲۳۴٫۵۰\u00a0€"),
        (1234.5, "INR", "fa", "native", "۱٬۲۳۴٫۵۰\u00a0₹"),
        (1234.5, "BRL", "fa", "native", "۱٬۲۳۴٫۵۰\u00a0R$"),
        (1234.5, "CAD", "fa", "native", "۱٬۲۳۴٫۵۰\u00a0$CA"),
        (1234.5, "NOK", "fa", "native", "۱٬۲۳۴٫۵۰\u00a0NOK"),
    ],
)
def test_money_per_locale(value: float, currency: str, lang: str, digits: str, shown: str) -> None:
    assert format_money(value, currency, lang=lang, digits=digits) == shown
    assert format_value(value, "money", currency, lang=lang, digits=digits) == shown


def test_explicit_decimals_override_the_currency_digits() -> None:
    assert format_money(12345.67, "IRR", decimals=2, lang="fa") == "۱۲٬۳۴۵٫۶۷\u00a0ریال"
    assert format_money(1234.5, "NOK", decimals=0, lang="nb") == "1\u00a0234\u00a0kr"
    assert format_money(1234.5, "USD", decimals=0) == "$1,234"
    assert format_money(1234.5, "JPY", decimals=2, lang="nb") == "1\u00a0234,50\u00a0JPY"


@pytest.mark.parametrize(
    ("value", "unit", "lang", "digits", "shown"),
    [
        (12345.0, "count", "en", "native", "12,345"),
        (12345.0, "count", "nb", "native", "12\u00a0345"),
        (12345.0, "count", "fa", "native", "۱۲٬۳۴۵"),
        (12345.0, "count", "fa", "latin", "12,345"),
        (162.8902, "percent", "en", "native", "162.9%"),
        (162.8902, "percent", "nb", "native", "162,9\u00a0%"),
        (162.8902, "percent", "fa", "native", "۱۶۲٫۹٪"),
        (162.8902, "percent", "fa", "latin", "162.9%"),
        (-12.5, "percent", "nb", "native", "-12,5\u00a0%"),
        (-12.5, "percent", "fa", "native", "\u200e-۱۲٫۵٪"),
        (0.0123, "fraction", "en", "native", "1.23%"),
        (0.0123, "fraction", "nb", "native", "1,23\u00a0%"),
        (0.0123, "fraction", "fa", "native", "۱٫۲۳٪"),
        (0.0123, "fraction", "fa", "latin", "1.23%"),
        (2.6, "multiple", "en", "native", "2.60x"),
        (2.6, "multiple", "nb", "native", "2,60x"),
        (2.6, "multiple", "fa", "native", "۲٫۶۰x"),
        (2.6, "multiple", "fa", "latin", "2.60x"),
        (3.94, "months", "en", "native", "3.9 months"),
        (3.94, "months", "nb", "native", "3,9 måneder"),
        (3.94, "months", "fa", "native", "۳٫۹ ماه"),
        (1234.567, "other", "nb", "native", "1\u00a0234,57"),
        (1234.567, "other", "fa", "native", "۱٬۲۳۴٫۵۷"),
    ],
)
def test_units_per_locale(value: float, unit: str, lang: str, digits: str, shown: str) -> None:
    assert format_value(value, unit, "USD", lang=lang, digits=digits) == shown


def test_metrics_per_locale() -> None:
    assert format_metric("ctr", 0.05, lang="nb") == "5,00\u00a0%"
    assert format_metric("roas", 2.4406, lang="fa") == "۲٫۴۴x"
    assert format_metric("roas", 2.4406, lang="fa", digits="latin") == "2.44x"
    assert format_metric("roas", 2.4406) == "2.44x"


def test_currency_symbols_and_unit_labels_per_locale() -> None:
    assert currency_symbol("NOK") == "kr"
    assert currency_symbol("IRR") == "﷼"
    assert currency_symbol("NOK", lang="nb") == "kr"
    assert currency_symbol("IRR", lang="fa") == "ریال"
    assert unit_label("count", "NOK") == "count"
    assert unit_label("count", "NOK", lang="nb") == "antall"
    assert unit_label("months", "IRR", lang="fa") == "ماه"
    assert unit_label("money", "IRR", lang="fa") == "IRR"


@pytest.mark.parametrize(
    ("day", "lang", "digits", "shown"),
    [
        (date(2026, 6, 1), "en", "native", "01 Jun 2026"),
        (date(2026, 6, 1), "en", "latin", "01 Jun 2026"),
        (date(2026, 6, 1), "nb", "native", "1. juni 2026"),
        (date(2026, 9, 28), "nb", "native", "28. sep. 2026"),
        (date(2026, 6, 1), "fa", "native", "۱ ژوئن ۲۰۲۶"),
        (date(2026, 6, 1), "fa", "latin", "1 ژوئن 2026"),
    ],
)
def test_format_day(day: date, lang: str, digits: str, shown: str) -> None:
    assert format_day(day, lang, digits) == shown


@pytest.mark.parametrize(
    ("start", "period", "lang", "digits", "label"),
    [
        (date(2026, 6, 5), "day", "nb", "native", "5. juni 2026"),
        (date(2026, 6, 1), "week", "nb", "native", "Uke fra 1. juni 2026"),
        (date(2026, 6, 1), "month", "nb", "native", "juni 2026"),
        (date(2026, 9, 1), "month", "nb", "native", "sep. 2026"),
        (date(2026, 7, 1), "quarter", "nb", "native", "K3 2026"),
        (date(2026, 1, 1), "year", "nb", "native", "2026"),
        (date(2026, 6, 5), "day", "fa", "native", "۵ ژوئن ۲۰۲۶"),
        (date(2026, 6, 1), "week", "fa", "native", "هفته از ۱ ژوئن ۲۰۲۶"),
        (date(2026, 9, 1), "month", "fa", "native", "سپتامبر ۲۰۲۶"),
        (date(2026, 7, 1), "quarter", "fa", "native", "سه\u200cماههٔ سوم ۲۰۲۶"),
        (date(2026, 1, 1), "quarter", "fa", "native", "سه\u200cماههٔ اول ۲۰۲۶"),
        (date(2026, 1, 1), "year", "fa", "native", "۲۰۲۶"),
        (date(2026, 1, 1), "year", "fa", "latin", "2026"),
        (date(2026, 9, 1), "month", "fa", "latin", "سپتامبر 2026"),
        (date(2026, 7, 1), "quarter", "en", "latin", "Q3 2026"),
    ],
)
def test_period_label_per_locale(
    start: date, period: str, lang: str, digits: str, label: str
) -> None:
    assert period_label(start, period, lang=lang, digits=digits) == label


def test_languages() -> None:
    assert LANGUAGES == ("en", "nb", "fa")
    assert BABEL_LOCALES == {"en": "en_US", "nb": "nb_NO", "fa": "fa_IR"}


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_money(1.0, "USD", lang="de"),
        lambda: format_value(1.0, "count", lang="de"),
        lambda: format_value(None, "count", lang="de"),
        lambda: format_metric("ctr", 0.05, lang="de"),
        lambda: period_label(date(2026, 1, 1), "month", lang="de"),
        lambda: format_day(date(2026, 1, 1), "de"),
        lambda: currency_symbol("USD", lang="de"),
        lambda: unit_label("count", "USD", lang="de"),
    ],
)
def test_unknown_language_is_refused_naming_the_known_ones(call: Any) -> None:
    with pytest.raises(ValueError, match=r"'de'.*en, nb, fa"):
        call()


def test_unknown_digits_are_refused() -> None:
    with pytest.raises(ValueError, match=r"native, latin"):
        format_money(1.0, "USD", lang="fa", digits="arabic")
