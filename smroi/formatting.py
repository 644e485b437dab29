"""Numbers as a user reads them; the only place that rounds. Undefined shows as "—".

English ("en", the default) is written by this module itself, exactly as it always was
("$1,234.50", "1,234.50 kr", "12.5%", "2.60x", "01 Jun 2026"). Norwegian bokmål ("nb")
and Persian ("fa") follow the locale's conventions from Babel (CLDR):

- The number is rounded here, by Python (round half to even on the float, as in English),
  and Babel only writes it out: the locale's group and decimal separators ("1 234,50" in
  nb with a no-break space U+00A0, "۱٬۲۳۴٫۵۰" in fa with U+066C and U+066B).
- Babel writes Latin digits whatever the numbering system; with digits="native" Persian
  gets its own digits ۰–۹ here. digits="latin" keeps 0–9 with Babel's "latn" separators
  ("1,234.50" in fa). Norwegian's native digits are Latin, so digits changes nothing there.
- Money: the currency's symbol in the locale ("kr" for NOK in nb, "ریال" for IRR in fa,
  else usually the ISO code), after the amount and a no-break space, in both languages:
  nb's CLDR pattern is "#,##0.00 ¤"; fa's is "<U+200E>¤ #,##0.00", but Persian writes the amount
  first ("۱۲٬۳۴۵ ریال"), so fa uses nb's order. Decimals: Babel's currency digits (0 for
  IRR and JPY, 2 for most), unless `decimals` is given.
- A currency whose own country groups digits differently keeps its grouping in every
  language: Indian rupees (INR) in lakhs and crores, as Babel's en_IN writes them
  ("₹17,34,465.00", "17 34 465,00 INR", "۱۷٬۳۴٬۴۶۵٫۰۰ INR"); every other currency is grouped
  by threes. The currency picks the grouping, the language the separators and digits.
- Counts are whole numbers in every language ("46", "1 234", "۱٬۲۳۴"), never "46.00".
- Negative numbers start with "-" (Babel's own output; not CLDR's U+2212); in Persian a
  left-to-right mark U+200E comes first, so the sign stays left of the digits in
  right-to-left text (CLDR does the same with its Persian minus sign).
- Percent: the locale's pattern ("12,5 %" with U+00A0 in nb, "۱۲٫۵٪" in fa with the
  Arabic percent sign U+066A, or "12.5%" with Latin digits). Multiple: the number and a
  Latin "x" in every language ("2,60x", "۲٫۶۰x"), as on the chart axes.
- Dates: Gregorian in every language, one style per language. A day is "01 Jun 2026" in
  English (as the core's messages and the charts write it) and CLDR's medium date in nb and
  fa ("1. juni 2026", "5. sep. 2026", "۱ ژوئن ۲۰۲۶"); a range of days is "<first> – <last>",
  the earlier day first in reading order (in Persian each day is a Unicode isolate, so the
  earlier day stands on the right, where a right-to-left reader starts); a month is
  CLDR's "yMMM" ("sep. 2026", "سپتامبر ۲۰۲۶"), a quarter CLDR's "yQQQ" ("K3 2026",
  "سه<U+200C>ماههٔ سوم ۲۰۲۶"); a week is "Uke fra <day>" / "هفته از <day>" (literally
  "week from <day>").

This module knows units, not metrics: it imports nothing from smroi, so smroi.i18n can
use it. A registry metric's value is written by smroi.metric_format.format_metric.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, get_currency_precision
from babel.numbers import get_currency_symbol as babel_currency_symbol

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
# Currencies whose country groups digits its own way (CLDR en_IN: "#,##,##0.###"): the
# amount keeps that grouping in every language. Others are grouped by threes.
CURRENCY_GROUPING: dict[str, str] = {"INR": "#,##,##0"}


def is_undefined(value: Any) -> bool:
    """True for None, NaN and inf: a number that has no meaning."""
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))
    except (TypeError, ValueError):
        return True


LANGUAGES = ("en", "nb", "fa")
RIGHT_TO_LEFT = frozenset({"fa"})  # as smroi.i18n.RTL, which builds on this module
# The Babel (CLDR) locale of each language.
BABEL_LOCALES: dict[str, str] = {"en": "en_US", "nb": "nb_NO", "fa": "fa_IR"}
# "native": the language's own digits (Persian ۰–۹ in fa); "latin": 0–9.
DIGITS = ("native", "latin")
NBSP = "\u00a0"
LRM = "\u200e"
FSI, PDI = "\u2068", "\u2069"  # a Unicode isolate: its text keeps its own direction
RLI = "\u2067"  # a right-to-left isolate (closed by PDI)
EN_DASH = "\u2013"
# The digits of a CLDR numbering system; Babel writes only Latin ones.
_SYSTEM_DIGITS: dict[str, str] = {"latn": "0123456789", "arabext": "۰۱۲۳۴۵۶۷۸۹"}
# The sign of a negative number: in Persian behind a left-to-right mark, so that in
# right-to-left text it stays on the left of the digits.
_MINUS: dict[str, str] = {"fa": LRM + "-"}
# fa puts the amount before the symbol, as Persian writes it (CLDR: "<U+200E>¤ #,##0.00").
_MONEY_PATTERNS: dict[str, str] = {"fa": "#,##0.00" + NBSP + "¤"}
# The few words written next to numbers here; everything else is in the UI's catalogs.
_WORDS: dict[str, dict[str, str]] = {
    "en": {"months": "months", "count": "count", "week": "Week of {day}"},
    "nb": {"months": "måneder", "count": "antall", "week": "Uke fra {day}"},
    "fa": {"months": "ماه", "count": "تعداد", "week": "هفته از {day}"},
}


def check_language(lang: str, digits: str = "native") -> None:
    """Raise ValueError for a language or digits choice this module cannot write."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    if digits not in DIGITS:
        raise ValueError(f"unknown digits {digits!r}: use one of {', '.join(DIGITS)}")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def _system(lang: str, digits: str) -> str:
    """The CLDR numbering system: the locale's default one, or "latn"."""
    return "latn" if digits == "latin" else str(_locale(lang).default_numbering_system)


@cache
def _digit_table(system: str) -> dict[int, int]:
    """Every known digit to the same digit of `system` (Latin when it is not known)."""
    wanted = _SYSTEM_DIGITS.get(system, _SYSTEM_DIGITS["latn"])
    table: dict[int, int] = {}
    for others in _SYSTEM_DIGITS.values():
        table.update(str.maketrans(others, wanted))
    return table


def _script(text: str, lang: str, digits: str) -> str:
    """Babel's Latin digits (and any Persian ones) written in the chosen system's digits."""
    return text.translate(_digit_table(_system(lang, digits)))


def localise_digits(text: str, lang: str, digits: str = "native") -> str:
    """Text with its digits written in the language's chosen digits ('4, 5' -> '۴, ۵' in
    Persian with native digits); other languages and Latin digits leave it as it is."""
    check_language(lang, digits)
    return text if lang == "en" else _script(text, lang, digits)


def _number_pattern(decimals: int, grouping: str = "#,##0") -> str:
    """'#,##0' (or another grouping, '#,##,##0') with `decimals` zeros after the point."""
    return grouping + ("." + "0" * decimals if decimals > 0 else "")


def _with_decimals(pattern: str, decimals: int, grouping: str = "#,##0") -> str:
    """A CLDR pattern ('#,##0 %', '#,##0.00 ¤') with `decimals` fraction digits and the
    given grouping."""
    return re.sub(r"[#,0]+(\.[#0]+)?", _number_pattern(decimals, grouping), pattern, count=1)


def _rounded(number: float, decimals: int) -> tuple[Decimal, bool]:
    """The size of `number` rounded as English rounds it, and whether it is negative once
    rounded (so -0.001 shows as 0,00, not -0,00)."""
    size = Decimal(f"{abs(number):.{decimals}f}")
    return size, number < 0 and size != 0


def _localised(number: float, decimals: int, lang: str, digits: str, *, suffix: str = "") -> str:
    """A number in nb or fa: the locale's separators and digits, then `suffix`."""
    size, negative = _rounded(number, decimals)
    text = format_decimal(
        size,
        _number_pattern(decimals),
        locale=_locale(lang),
        numbering_system=_system(lang, digits),
    )
    sign = _MINUS.get(lang, "-") if negative else ""
    return sign + _script(text, lang, digits) + suffix


def currency_symbol(currency: str, *, lang: str = "en") -> str:
    """The symbol users know for a currency code ('$', 'kr'), or the code itself.

    In nb and fa, Babel's symbol in that locale ('kr' for NOK in nb, 'ریال' for IRR in fa,
    'USD' for USD in nb)."""
    check_language(lang)
    if lang != "en":
        return str(babel_currency_symbol(currency, locale=_locale(lang)))
    return PREFIX_SYMBOLS.get(currency) or SUFFIX_SYMBOLS.get(currency) or currency


def format_money(
    value: Any,
    currency: str,
    *,
    decimals: int | None = None,
    lang: str = "en",
    digits: str = "native",
) -> str:
    """'$1,234.56', '1,234.56 kr', or '—' when undefined; in nb '1 234,56 kr', in fa
    '۱٬۲۳۴ ریال' (the locale's symbol after the amount, with a no-break space).

    `decimals`: 2 in English; in nb and fa the currency's own digits (0 for IRR and JPY)."""
    check_language(lang, digits)
    if is_undefined(value):
        return DASH
    number = float(value)
    if lang != "en":
        places = get_currency_precision(currency) if decimals is None else decimals
        size, negative = _rounded(number, places)
        pattern = _MONEY_PATTERNS.get(lang) or _locale(lang).currency_formats["standard"].pattern
        grouping = CURRENCY_GROUPING.get(currency, "#,##0")
        text = format_currency(
            size,
            currency,
            _with_decimals(pattern, places, grouping),
            locale=_locale(lang),
            currency_digits=False,
            numbering_system=_system(lang, digits),
        )
        sign = _MINUS.get(lang, "-") if negative else ""
        return sign + _script(text, lang, digits)
    places = 2 if decimals is None else decimals
    sign = "-" if number < 0 else ""
    amount = f"{abs(number):,.{places}f}"
    if currency in CURRENCY_GROUPING:  # its own grouping, English separators: 17,34,465.00
        size = Decimal(f"{abs(number):.{places}f}")
        amount = format_decimal(
            size, _number_pattern(places, CURRENCY_GROUPING[currency]), locale=_locale("en")
        )
    if currency in PREFIX_SYMBOLS:
        return f"{sign}{PREFIX_SYMBOLS[currency]}{amount}"
    return f"{sign}{amount} {currency_symbol(currency)}"


def _percent(number: float, decimals: int, lang: str, digits: str) -> str:
    """An amount already in percent ('12.5') with the locale's percent sign and spacing."""
    pattern = _locale(lang).percent_formats[None]
    symbols = _locale(lang).number_symbols[_system(lang, digits)]
    suffix = str(pattern.suffix[0]).replace("%", symbols.get("percentSign", "%"))
    return _localised(number, decimals, lang, digits, suffix=suffix)


def format_value(
    value: Any,
    unit: str,
    currency: str = "USD",
    *,
    lang: str = "en",
    digits: str = "native",
) -> str:
    """A number in its unit: money, count, percent, fraction (shown as %), multiple, months."""
    check_language(lang, digits)
    if is_undefined(value):
        return DASH
    number = float(value)
    if unit == "money":
        return format_money(number, currency, lang=lang, digits=digits)
    if lang != "en":
        if unit == "count":
            return _localised(number, 0, lang, digits)
        if unit == "percent":
            return _percent(number, 1, lang, digits)
        if unit == "fraction":
            return _percent(number * 100, 2, lang, digits)
        if unit == "multiple":
            return _localised(number, 2, lang, digits, suffix="x")
        if unit == "months":
            return _localised(number, 1, lang, digits, suffix=" " + _WORDS[lang]["months"])
        return _localised(number, 2, lang, digits)
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


def unit_label(unit: str, currency: str, *, lang: str = "en") -> str:
    """What an axis or column is measured in: 'USD', '%', 'x', 'count' ('antall', 'تعداد')."""
    check_language(lang)
    words = _WORDS[lang]
    return {
        "money": currency,
        "percent": "%",
        "fraction": "%",
        "multiple": "x",
        "count": words["count"],
        "months": words["months"],
    }.get(unit, "")


def plural(count: int, word: str) -> str:
    """'1 row', '3 rows' (English words)."""
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def format_day(day: date, lang: str = "en", digits: str = "native") -> str:
    """A day: '01 Jun 2026', '1. juni 2026', '۱ ژوئن ۲۰۲۶' (Gregorian in every language)."""
    check_language(lang, digits)
    if lang == "en":
        return f"{day:%d %b %Y}"
    return _script(format_date(day, "medium", locale=_locale(lang)), lang, digits)


def format_day_range(first: date, last: date, lang: str = "en", digits: str = "native") -> str:
    """The days from `first` to `last`, the earlier first in reading order: '01 Jun 2026 –
    28 Sep 2026', '1. juni 2026 – 28. sep. 2026'; in Persian each day is an isolate, so
    '۱ ژوئن ۲۰۲۶' stands on the right, where the reader starts."""
    check_language(lang, digits)
    earlier, later = sorted((first, last))
    days = [format_day(day, lang, digits) for day in (earlier, later)]
    if lang in RIGHT_TO_LEFT:  # each day keeps its own order of day, month and year
        days = [f"{FSI}{day}{PDI}" for day in days]
    return f"{days[0]} {EN_DASH} {days[1]}"


def format_value_range(low: str, high: str, lang: str = "en") -> str:
    """Two shown values as a range, the low one first in reading order: '$24.56–$27.92'; in
    a right-to-left language each bound an isolate inside a right-to-left one, so the low
    bound stands on the right, where the reader starts (as format_day_range writes days)."""
    check_language(lang)
    if lang in RIGHT_TO_LEFT:
        return f"{RLI}{FSI}{low}{PDI}{EN_DASH}{FSI}{high}{PDI}{PDI}"
    return f"{low}{EN_DASH}{high}"


def label_with_unit(label: str, unit: str, lang: str = "en") -> str:
    """A column's or axis' name with its unit in one pair of brackets: 'Return (USD)', and
    'Earned media value (estimated, USD)' for a name that has brackets already (not
    '(estimated) (USD)'); in Persian the list comma '،'."""
    check_language(lang)
    if not unit:
        return label
    if label.endswith(")") and "(" in label:
        comma = "، " if lang in RIGHT_TO_LEFT else ", "
        return f"{label[:-1]}{comma}{unit})"
    return f"{label} ({unit})"


def period_label(start: date, period: str, *, lang: str = "en", digits: str = "native") -> str:
    """A period named the way people say it, from its first day: '05 Jun 2026',
    'Week of 01 Jun 2026', 'Jun 2026', 'Q3 2026', '2026'; in nb '5. juni 2026',
    'Uke fra 1. juni 2026', 'juni 2026', 'K3 2026', '2026'."""
    check_language(lang, digits)
    day = start
    if period == "week":
        return _WORDS[lang]["week"].format(day=format_day(day, lang, digits))
    if lang != "en":
        skeleton = {"month": "yMMM", "quarter": "yQQQ", "year": "y"}.get(period)
        if skeleton is None:
            return format_day(day, lang, digits)
        return _script(format_skeleton(skeleton, day, locale=_locale(lang)), lang, digits)
    if period == "month":
        return f"{day:%b %Y}"
    if period == "quarter":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if period == "year":
        return str(day.year)
    return format_day(day)


def format_numbers(
    values: Iterable[Any], unit: str, lang: str = "en", digits: str = "native"
) -> list[str]:
    """Many counts ("count": '1,234', '1 234', '۱٬۲۳۴') or amounts ("number": two decimals)
    written as format_value writes one, fast enough for a table of thousands of rows: Python
    writes '1,234.50' and the language's separators, digits and minus sign replace its own."""
    check_language(lang, digits)
    places = {"count": 0, "number": 2}[unit]
    symbols = _locale(lang).number_symbols[_system(lang, digits)] if lang != "en" else {}
    table = (
        str.maketrans(
            {
                ",": symbols.get("group", ","),
                ".": symbols.get("decimal", "."),
                **{
                    str(d): _SYSTEM_DIGITS.get(_system(lang, digits), "0123456789")[d]
                    for d in range(10)
                },
            }
        )
        if lang != "en"
        else {}
    )
    minus = _MINUS.get(lang, "-")
    shown = []
    for value in values:
        if is_undefined(value):
            shown.append(DASH)
            continue
        text = f"{abs(float(value)):,.{places}f}"
        negative = float(value) < 0 and text.strip("0.,") != ""
        shown.append((minus if negative else "") + text.translate(table))
    return shown
