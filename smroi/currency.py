"""Which currency the amounts are in: the settings', else the one the files name.

A file names its currency in a currency column ("Currency code": GBP), in a header
("Amount spent (AUD)"), or in its money cells ("£1,164.09", "1 234,50 NOK", "R$ 12,50").
The decision is made from all of a column's values: one currency, or a refusal to add
up amounts in two. When the settings fix no currency, the files' currency is the
report's; when nothing names one, DEFAULT_CURRENCY is shown and the user is told.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import pandas as pd
from babel.numbers import list_currencies

from smroi.i18n import _
from smroi.settings import DEFAULT_CURRENCY

# ISO codes that are also English words in headers ("Clicks (ALL)", "(TOP)"): never a currency
_NOT_CURRENCIES = frozenset({"ALL", "TOP", "CUP", "PEN", "BOB", "XXX", "XTS", "XAU", "XAG"})
# Symbols that name one currency only ("$", "kr" and "¥" are several countries' and decide
# nothing). Longer symbols first, so "R$" is not read as "$".
SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "AU$": "AUD",
    "A$": "AUD",
    "CA$": "CAD",
    "C$": "CAD",
    "NZ$": "NZD",
    "MX$": "MXN",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "zł": "PLN",
    "₺": "TRY",
    "₩": "KRW",
    "₦": "NGN",
    "₱": "PHP",
    "₫": "VND",
    "฿": "THB",
    "₪": "ILS",
    "﷼": "IRR",
    "ریال": "IRR",
}
_SYMBOL = re.compile(
    "|".join(re.escape(symbol) for symbol in sorted(SYMBOLS, key=len, reverse=True))
)
_CODE_IN_CELL = re.compile(r"(?:^|[\s\d(])([A-Z]{3})(?=$|[\s\d)])")
_CODE_IN_HEADER = re.compile(r"\(([A-Z]{3})\)|\[([A-Z]{3})\]|(?:^|[\s_-])([A-Z]{3})$")
_MAX_CELLS = 5_000  # distinct cells of a money column looked at


@cache
def _codes() -> frozenset[str]:
    return frozenset(list_currencies()) - _NOT_CURRENCIES


def is_currency_code(text: str) -> bool:
    """True for an ISO 4217 code such as NOK or AUD (not for 'AOV' or 'CTR')."""
    return text.strip().upper() in _codes() if len(text.strip()) == 3 else False


def currency_in_header(header: object) -> str | None:
    """'Amount spent (AUD)' -> 'AUD', 'Cost [GBP]' -> 'GBP'; None when no code is in it."""
    for match in _CODE_IN_HEADER.finditer(str(header)):
        code = next(group for group in match.groups() if group)
        if code in _codes():
            return code
    return None


def currencies_in_headers(headers: Iterable[object]) -> set[str]:
    """Every currency that the headers name."""
    return {code for header in headers if (code := currency_in_header(header))}


def currencies_in_cells(values: pd.Series) -> set[str]:
    """Every currency that the cells of a money column name by an unambiguous symbol
    ('£', 'R$', 'A$') or an ISO code ('1 234,50 NOK'); empty when they name none."""
    if pd.api.types.is_numeric_dtype(values):
        return set()
    found: set[str] = set()
    for cell in values.dropna().drop_duplicates().head(_MAX_CELLS):
        text = str(cell)
        found.update(SYMBOLS[symbol] for symbol in _SYMBOL.findall(text))
        found.update(code for code in _CODE_IN_CELL.findall(text) if code in _codes())
    return found


def currencies_in_column(values: pd.Series) -> set[str]:
    """The ISO codes a currency column holds ('GBP', 'gbp'); other text is passed over."""
    return {
        code
        for value in values.dropna().drop_duplicates()
        if is_currency_code(code := str(value).strip().upper())
    }


def report_currency(
    settings_currency: str | None, file_currencies: Sequence[tuple[str, str | None]]
) -> tuple[str, list[str]]:
    """The report's currency and what to tell the user about it.

    `file_currencies` holds (file, currency the file names or None) for each file in use.
    A currency in the settings wins (files naming another are warned about: amounts are
    never converted); else the files' one currency; else DEFAULT_CURRENCY, said so.
    """
    named = [(file, code) for file, code in file_currencies if code]
    if settings_currency:
        return settings_currency, [
            _(
                "{file}: its amounts are in {currency}, but the settings say {settings}; "
                "amounts are shown as they are, not converted.",
                file=file,
                currency=code,
                settings=settings_currency,
            )
            for file, code in named
            if code != settings_currency
        ]
    if named:
        return named[0][1] or DEFAULT_CURRENCY, []
    if not file_currencies:
        return DEFAULT_CURRENCY, []
    return DEFAULT_CURRENCY, [
        _(
            "Your files do not say which currency their amounts are in, so they are shown "
            "in {currency}; set your currency in the settings if it is another.",
            currency=DEFAULT_CURRENCY,
        )
    ]


def files_in_use(reports: Sequence[Any]) -> list[tuple[str, str | None]]:
    """(file, the currency it names or None) for each import report whose rows are used:
    what report_currency decides from."""
    return [(r.file, r.currency) for r in reports if r.error is None and r.rows_used]


def shown_currency(reports: Sequence[Any]) -> str | None:
    """The currency of the files in use (they have one: load_files leaves the others out),
    or None when none names one."""
    return next((code for _file, code in files_in_use(reports) if code), None)


def currency_choices(reports: Sequence[Any]) -> list[str]:
    """The currencies of the files read (each once, in the order the files came): the ones
    a user can pick between when files are in more than one."""
    return list(dict.fromkeys(r.currency for r in reports if r.currency and r.rows_read))
