"""One way to write numbers and dates in each language, checked against strings written by
hand: counts as whole numbers, money in the currency's own grouping, one date style per
language, date ranges with the earlier day first in reading order.

Characters written out: NBSP U+00A0 (nb groups and sets the currency apart with it), the
Persian digits ۰–۹, the Persian group separator ٬ (U+066C) and decimal separator ٫ (U+066B),
LRM U+200E (keeps a minus sign left of Persian digits), FSI U+2068 and PDI U+2069 (a Persian
date range's days are isolates)."""

from __future__ import annotations

from datetime import date

import pytest

from smroi.formatting import (
    format_day,
    format_day_range,
    format_money,
    format_value,
    label_with_unit,
)

NBSP, LRM, FSI, PDI = "\u00a0", "\u200e", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("value", "lang", "digits", "shown"),
    [
        (46.0, "en", "native", "46"),
        (152.0, "en", "native", "152"),
        (1734465.0, "en", "native", "1,734,465"),
        (46.0, "nb", "native", "46"),
        (1734465.0, "nb", "native", f"1{NBSP}734{NBSP}465"),
        (46.0, "fa", "native", "۴۶"),
        (152.4, "fa", "native", "۱۵۲"),
        (1734465.0, "fa", "native", "۱٬۷۳۴٬۴۶۵"),
        (1734465.0, "fa", "latin", "1,734,465"),
    ],
)
def test_counts_are_whole_numbers(value: float, lang: str, digits: str, shown: str) -> None:
    assert format_value(value, "count", lang=lang, digits=digits) == shown


@pytest.mark.parametrize(
    ("currency", "lang", "digits", "shown"),
    [
        ("USD", "en", "native", "$1,734,465.50"),
        ("NOK", "en", "native", "1,734,465.50 kr"),
        ("IRR", "en", "native", "1,734,465.50 ﷼"),
        ("INR", "en", "native", "₹17,34,465.50"),  # lakhs and crores, as en_IN
        ("USD", "nb", "native", f"1{NBSP}734{NBSP}465,50{NBSP}USD"),
        ("NOK", "nb", "native", f"1{NBSP}734{NBSP}465,50{NBSP}kr"),
        ("IRR", "nb", "native", f"1{NBSP}734{NBSP}466{NBSP}IRR"),  # the rial has no decimals
        ("INR", "nb", "native", f"17{NBSP}34{NBSP}465,50{NBSP}INR"),
        ("USD", "fa", "native", f"۱٬۷۳۴٬۴۶۵٫۵۰{NBSP}$"),
        ("NOK", "fa", "native", f"۱٬۷۳۴٬۴۶۵٫۵۰{NBSP}NOK"),
        ("IRR", "fa", "native", f"۱٬۷۳۴٬۴۶۶{NBSP}ریال"),
        ("INR", "fa", "native", f"۱۷٬۳۴٬۴۶۵٫۵۰{NBSP}₹"),
        ("INR", "fa", "latin", f"17,34,465.50{NBSP}₹"),
    ],
)
def test_money_in_each_currency_and_language(
    currency: str, lang: str, digits: str, shown: str
) -> None:
    assert format_money(1734465.5, currency, lang=lang, digits=digits) == shown


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "-₹12,34,567.00"),
        ("nb", f"-12{NBSP}34{NBSP}567,00{NBSP}INR"),
        ("fa", f"{LRM}-۱۲٬۳۴٬۵۶۷٫۰۰{NBSP}₹"),
    ],
)
def test_negative_rupees_keep_their_grouping_and_sign(lang: str, shown: str) -> None:
    assert format_money(-1234567, "INR", lang=lang) == shown


def test_small_rupee_amounts_are_not_grouped_oddly() -> None:
    assert format_money(999.0, "INR") == "₹999.00"
    assert format_money(1000.0, "INR") == "₹1,000.00"
    assert format_money(100000.0, "INR") == "₹1,00,000.00"


@pytest.mark.parametrize(
    ("day", "lang", "digits", "shown"),
    [
        (date(2026, 9, 1), "en", "native", "01 Sep 2026"),
        (date(2026, 6, 28), "en", "native", "28 Jun 2026"),
        (date(2026, 9, 1), "nb", "native", "1. sep. 2026"),
        (date(2026, 9, 1), "fa", "native", "۱ سپتامبر ۲۰۲۶"),
        (date(2026, 9, 1), "fa", "latin", "1 سپتامبر 2026"),
    ],
)
def test_one_date_style_per_language(day: date, lang: str, digits: str, shown: str) -> None:
    assert format_day(day, lang, digits) == shown


@pytest.mark.parametrize(
    ("lang", "digits", "shown"),
    [
        ("en", "native", "01 Jun 2026 – 28 Sep 2026"),
        ("nb", "native", "1. juni 2026 – 28. sep. 2026"),
        ("fa", "native", f"{FSI}۱ ژوئن ۲۰۲۶{PDI} – {FSI}۲۸ سپتامبر ۲۰۲۶{PDI}"),
        ("fa", "latin", f"{FSI}1 ژوئن 2026{PDI} – {FSI}28 سپتامبر 2026{PDI}"),
    ],
)
def test_a_date_range_starts_with_the_earlier_day(lang: str, digits: str, shown: str) -> None:
    assert format_day_range(date(2026, 6, 1), date(2026, 9, 28), lang, digits) == shown
    # given the other way round, the earlier day still comes first
    assert format_day_range(date(2026, 9, 28), date(2026, 6, 1), lang, digits) == shown


@pytest.mark.parametrize(
    ("label", "unit", "lang", "shown"),
    [
        ("Return", "USD", "en", "Return (USD)"),
        ("Earned media value (estimated)", "USD", "en", "Earned media value (estimated, USD)"),
        ("Opptjent medieverdi (anslått)", "NOK", "nb", "Opptjent medieverdi (anslått, NOK)"),
        ("ارزش رسانهٔ اکتسابی (برآوردی)", "IRR", "fa", "ارزش رسانهٔ اکتسابی (برآوردی، IRR)"),
        ("Clicks", "", "en", "Clicks"),
    ],
)
def test_a_unit_is_written_once_in_one_pair_of_brackets(
    label: str, unit: str, lang: str, shown: str
) -> None:
    assert label_with_unit(label, unit, lang) == shown
