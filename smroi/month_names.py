"""Dates written with month names in the platforms' interface languages, rewritten the one
way smroi.parsing reads them: "3 mars 2026" (sv, nb, fr), "3. März 2026" (de),
"3 de marzo de 2026" (es), "1 Eylül 2026" (tr), "3 marca 2026" (pl), "2026年3月3日" (ja)
all become "3 Mar 2026" or "2026/3/3".

The names come from the Unicode CLDR through Babel (wide and abbreviated, in both the
format and the stand-alone forms), not from a list kept here; no name means two different
months in two of these languages (checked by tests/test_month_names.py).
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
from babel.dates import get_day_names, get_month_names

# the interface languages of issue 16 whose dates spell the month (Japanese writes 3月)
LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl", "nb", "sv", "da", "pl", "tr", "ar", "fa")
_ENGLISH = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# year, month and day written with 年 月 日 (Japanese, Chinese) or 년 월 일 (Korean)
_HAN = re.compile(r"^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?$")
# what is left once the month is English: "3. Mar 2026", "3 de Mar de 2026", "Mar 3 2026"
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})\.?\s*(?:de\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s*,?\s*"
    r"(?:de\s+|del\s+)?(\d{2,4})$",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{1,2})\s*,?\s*(\d{4})$",
    re.IGNORECASE,
)


@cache
def month_numbers() -> dict[str, int]:
    """Each month name of LANGUAGES, lower case and without a closing dot -> its month."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for month, name in get_month_names(width, context, locale=language).items():
                    names[name.lower().rstrip(".")] = month
    return names


@cache
def _month_pattern(group: bool = True) -> re.Pattern[str]:
    names = sorted(month_numbers(), key=len, reverse=True)  # "marzo" before "mar"
    alternatives = "|".join(map(re.escape, names))
    return re.compile(rf"\b({'' if group else '?:'}{alternatives})\b\.?", re.IGNORECASE)


@cache
def _weekday_pattern() -> re.Pattern[str]:
    """A weekday before the date, in any of LANGUAGES: "lørdag 3. mars 2026", "Sa., 3. März"."""
    names = {
        name.lower().rstrip(".")
        for language in LANGUAGES
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, "format", locale=language).values()
    }
    ordered = sorted(names, key=len, reverse=True)
    # a weekday that is also a month (es "mar." is Tuesday and March) only before a month
    months = _month_pattern(group=False).pattern
    alternatives = "|".join(
        re.escape(name)
        if name not in month_numbers()
        else rf"{re.escape(name)}(?=\.?,?\s+.*{months})"
        for name in ordered
    )
    return re.compile(rf"^(?:{alternatives})\.?,?\s+", re.IGNORECASE)


def _english(match: re.Match[str]) -> str:
    return _ENGLISH[month_numbers()[match.group(1).lower()] - 1]


def with_english_months(text: pd.Series) -> pd.Series:
    """Date texts with a month name of any of LANGUAGES (or 年月日) rewritten as
    "3 Mar 2026" or "2026/3/3"; a text with no month name is returned as it was."""
    out = text.str.replace(_HAN, r"\1/\2/\3", regex=True)
    named = out.str.contains(_month_pattern(group=False), regex=True)
    if not named.any():
        return out
    spelled = out[named].str.replace(_weekday_pattern(), "", regex=True)
    spelled = spelled.str.replace(_month_pattern(), _english, regex=True).str.strip()
    spelled = spelled.str.replace(_MONTH_DAY_YEAR, r"\2 \1 \3", regex=True)
    spelled = spelled.str.replace(_DAY_MONTH_YEAR, r"\1 \2 \3", regex=True)
    out[named] = spelled
    return out
