"""Numbers as a user reads them; the only place that rounds. Undefined shows as "—"."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from smroi.registry import METRICS

DASH = "—"
# Symbols written before the amount; other currencies show their code after it.
PREFIX_SYMBOLS: dict[str, str] = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "INR": "₹",
    "JPY": "¥",
    "BRL": "R$",
    "AUD": "A$",
    "CAD": "C$",
    "CNY": "¥",
}
SUFFIX_SYMBOLS: dict[str, str] = {"NOK": "kr", "SEK": "kr", "DKK": "kr.", "IRR": "﷼"}


def is_undefined(value: Any) -> bool:
    """True for None, NaN and inf: a number that has no meaning."""
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError):
        return True


def currency_symbol(currency: str) -> str:
    """The symbol users know for a currency code ('$', 'kr'), or the code itself."""
    return PREFIX_SYMBOLS.get(currency) or SUFFIX_SYMBOLS.get(currency) or currency


def format_money(value: Any, currency: str, *, decimals: int = 2) -> str:
    """'$1,234.56', '1,234.56 kr', or '—' when undefined."""
    if is_undefined(value):
        return DASH
    number = float(value)
    sign = "-" if number < 0 else ""
    amount = f"{abs(number):,.{decimals}f}"
    if currency in PREFIX_SYMBOLS:
        return f"{sign}{PREFIX_SYMBOLS[currency]}{amount}"
    return f"{sign}{amount} {currency_symbol(currency)}"


def format_value(value: Any, unit: str, currency: str = "USD") -> str:
    """A number in its unit: money, count, percent, fraction (shown as %), multiple, months."""
    if is_undefined(value):
        return DASH
    number = float(value)
    if unit == "money":
        return format_money(number, currency)
    if unit == "count":
        return f"{number:,.0f}"
    if unit == "percent":
        return f"{number:,.1f}%"
    if unit == "fraction":
        return f"{number * 100:,.2f}%"
    if unit == "multiple":
        return f"{number:,.2f}x"
    if unit == "months":
        return f"{number:,.1f} months"
    return f"{number:,.2f}"


def format_metric(key: str, value: Any, currency: str = "USD") -> str:
    """A registry metric's value as shown on screen."""
    return format_value(value, METRICS[key].unit, currency)


def unit_label(unit: str, currency: str) -> str:
    """What an axis or column is measured in: 'USD', '%', 'x', 'count'."""
    return {
        "money": currency,
        "percent": "%",
        "fraction": "%",
        "multiple": "x",
        "count": "count",
        "months": "months",
    }.get(unit, "")


def plural(count: int, word: str) -> str:
    """'1 row', '3 rows'."""
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def period_label(start: date, period: str) -> str:
    """A period named the way people say it, from its first day: '5 Jun 2026',
    'Week of 1 Jun 2026', 'Jun 2026', 'Q3 2026', '2026'."""
    day = start
    if period == "week":
        return f"Week of {day.day} {day:%b %Y}"
    if period == "month":
        return f"{day:%b %Y}"
    if period == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if period == "year":
        return str(day.year)
    return f"{day.day} {day:%b %Y}"
