"""Numbers and dates as people and platforms write them, decided per column.

Numbers: thousands separators (`,` `.` space, no-break and thin spaces, `'`, `٬`), decimal
comma, currency text (`US$135.81`, `kr 1 234,50`), percent signs, Persian and Arabic-Indic
digits, negatives in brackets or with a trailing minus, scientific notation (`1e3`).
Whether `.` or `,` is the decimal mark is decided once for a whole column from all of
its values (read_numbers): "1.234" means 1234 in a column that also holds "12,50". A
column that proves both ("1,234.50" and "1.234,50") is not guessed: it is reported, and
its values that read differently under the two marks wait for the user's choice.

Dates: ISO, d.m.Y, d/m/Y or m/d/Y (decided for the whole column), month names in the
platforms' interface languages (smroi.month_names),
timestamps with zones (the local day is kept), Excel serial numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
from babel.numbers import list_currencies

from smroi.month_names import with_english_months

PLACEHOLDERS = frozenset({"", "-", "--", "–", "—", "na", "n/a", "nan", "none", "null", "#n/a"})
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

# Why a cell of a number column is not read (Numbers.reasons; the caller words it).
NOT_A_NUMBER = "not a number"
IMPOSSIBLE = "impossible amount"  # beyond LARGEST, or infinite
UNDECIDED = "decimal mark undecided"  # its column proves both marks and none was chosen
# No spend, count or revenue of a business is near a quadrillion: beyond it a cell is an
# error (1e300, -1e308, an ID read as a number), and summing it would hide every other row.
# (Not lower: a count written in full, "1,000,000,000,000,000", still reads exactly.)
LARGEST = 1e15
_INFINITE = frozenset({"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞"})
# Marks that group thousands whatever the decimal mark is: spaces (plain, no-break, narrow
# no-break, thin), apostrophes (Swiss "1'234.50") and the Arabic thousands separator.
_GROUPING = " \u00a0\u202f\u2009'’٬"
_SIGNS = "-−+"  # hyphen-minus, the minus sign U+2212, plus
_AFFIX_MARKS = "()%٪" + _SIGNS
# currency text that is not an ISO code nor holds a currency symbol ("kr 1 234,50", "12 zł")
_LOCAL_CURRENCY = frozenset(
    {"kr", "kr.", "zł", "kč", "ft", "lei", "lv", "kn", "rs", "rs.", "rp", "rm", "tl", "fr", "fr."}
    | {"sfr", "chf", "din", "руб", "лв", "ریال", "تومان", "ر.س", "د.إ"}
)
# text before an amount, the amount (from its first digit, or a mark before one, to its last
# digit), text after it
_PARTS = re.compile(r"(?P<before>\D*?)(?P<core>[.,٫]?\d(?:.*\d)?)(?P<after>\D*)", re.DOTALL)


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(code.lower() for code in list_currencies())


def _is_currency_text(token: str) -> bool:
    """'US$', '€', 'kr', 'NOK': text a platform writes beside an amount (not '12abc's 'abc')."""
    lowered = token.lower()
    if lowered in _LOCAL_CURRENCY or (len(token) == 3 and lowered in _currency_codes()):
        return True
    symbols = sum(unicodedata.category(char) == "Sc" for char in token)
    letters = sum(char.isalpha() for char in token)
    return symbols >= 1 and symbols + letters == len(token) and letters <= 3


def _affix(part: str) -> str | None:
    """The signs, brackets and percent signs of the text before or after an amount's digits;
    None when the rest of it is not currency text."""
    if not part:
        return ""
    marks = "".join(char for char in part if char in _AFFIX_MARKS)
    token = "".join(char for char in part if char not in _AFFIX_MARKS).strip()
    if token and not _is_currency_text(token):
        return None
    return marks


@cache
def _amount_pattern(decimal: str) -> re.Pattern[str]:
    """An amount's digits with `decimal` as the decimal mark: an integer part either plain or
    grouped by one mark (thousands, or the Indian lakh "1,23,456"), then an optional
    fraction and exponent."""
    group = re.escape(("," if decimal == "." else ".") + _GROUPING)
    integer = (
        rf"\d*|[1-9]\d{{0,2}}(?P<g>[{group}])\d{{3}}(?:(?P=g)\d{{3}})*"
        rf"|[1-9]\d?(?P<h>[{group}])\d{{2}}(?:(?P=h)\d{{2}})*(?P=h)\d{{3}}"
    )
    return re.compile(
        rf"(?P<int>{integer})(?:{re.escape(decimal)}(?P<frac>\d*))?(?:[eE](?P<exp>[+-]?\d+))?"
    )


def _split_amount(text: str) -> tuple[str, bool] | None:
    """An amount's digits and marks, and whether it is negative ("(12)", "12-", "−12");
    None when the text around the digits is not currency, a sign or a percent sign."""
    parts = _PARTS.fullmatch(text)
    if parts is None:
        return None
    core, before, after = parts["core"], parts["before"], parts["after"]
    if not before and not after:
        return core, False
    marks_before, marks_after = _affix(before), _affix(after)
    if marks_before is None or marks_after is None:
        return None
    if "%" in marks_before or "٪" in marks_before or "(" in marks_after or ")" in marks_before:
        return None
    if ("(" in marks_before) != (")" in marks_after) or "+" in marks_after:
        return None
    if sum(marks_before.count(sign) + marks_after.count(sign) for sign in _SIGNS) > 1:
        return None
    negative = "(" in marks_before or "-" in marks_before or "−" in marks_before
    return core, negative or "-" in marks_after


def _amount(core: str, negative: bool, decimal: str) -> float | None:
    """The digits of an amount read with `decimal` as the decimal mark, or None."""
    if "٫" in core:  # the Arabic decimal separator decides for itself
        if "." in core or "," in core:
            return None
        core = core.replace("٫", decimal)
    match = _amount_pattern(decimal).fullmatch(core)
    if match is None:
        return None
    integer, fraction, exponent = match["int"], match["frac"], match["exp"]
    if not integer and not fraction:
        return None
    for mark in (match["g"], match["h"]):
        if mark:
            integer = integer.replace(mark, "")
    number = float(f"{integer or '0'}.{fraction or '0'}e{exponent or '0'}")
    return -number if negative else number


def _readings(value: Any) -> tuple[float | None, float | None]:
    """A cell read with "." and with "," as the decimal mark (None where it is not a number).

    A number cell (an xlsx number, a float) reads the same either way; "inf" reads as an
    infinite amount, for the caller to call impossible."""
    if isinstance(value, bool | np.bool_):
        return None, None
    if isinstance(value, int | float | np.number):
        return float(value), float(value)
    text = str(value).translate(_DIGITS).strip()
    if text.lower() in _INFINITE:
        infinite = -math.inf if text.startswith(("-", "−")) else math.inf
        return infinite, infinite
    split = _split_amount(text)
    if split is None:
        return None, None
    core, negative = split
    return _amount(core, negative, "."), _amount(core, negative, ",")


def is_blank(value: Any) -> bool:
    """Empty, or a placeholder such as '--' or 'N/A'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return str(value).strip().lower() in PLACEHOLDERS


def map_unique(values: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    """func applied once per distinct value (fast on long columns of repeated text)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(u) for u in uniques]
    mapped[-1] = func(None)
    return pd.Series(mapped[codes], index=values.index)


def blank_cells(values: pd.Series) -> pd.Series:
    """Which cells hold nothing."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    blank = np.ones(len(uniques) + 1, dtype=bool)  # the last: a missing cell (code -1)
    blank[:-1] = [is_blank(u) for u in uniques]
    return pd.Series(blank[codes], index=values.index)


def number_from_text(text: Any, decimal: str = ".") -> float | None:
    """'US$1,234.50' -> 1234.5, '(12)' -> -12, '۱۲٫۵' -> 12.5, '1e3' -> 1000, with `decimal`
    as the decimal mark; None if it is not a number so written ('0x10', '12abc', '')."""
    if is_blank(text):
        return None
    point, comma = _readings(text)
    number = point if decimal == "." else comma
    return None if number is None or math.isinf(number) else number


@dataclass(frozen=True)
class Numbers:
    """A column read as numbers, with one decimal mark for all of its cells.

    `values`: float64, NaN where a cell is blank or not read. `not_numbers`: the cells that
    are not blank and were not read, each with its reason in `reasons` (NOT_A_NUMBER,
    IMPOSSIBLE or UNDECIDED; None elsewhere). `decimal`: the mark the column is read with,
    None when it proves both and none was chosen; then `mixed` holds an example of each
    ("1,234.50", "1.234,50")."""

    values: pd.Series
    not_numbers: pd.Series
    reasons: pd.Series
    decimal: str | None
    mixed: tuple[str, str] | None = None
    proved: str | None = None  # the mark the column's own cells prove (None: none, or both)


def read_numbers(
    values: pd.Series, decimal: str | None = None, *, hint: str | None = None
) -> Numbers:
    """A column's numbers, its decimal mark decided from all of its values.

    A cell proves its mark when only one reading of it is a number: "1,234.50", "0.5" and
    "12.50" prove "."; "1.234,50", "12,50" and "1 234,5" prove ",". "1,234" and "1.234"
    read either way (1234 or 1.234) and follow the mark the column proves; when it proves
    none, the file's `hint` ("," for a CSV separated by ";", see decimal_hint),
    else ".", the mark of the platforms' own exports: so a lone "1,234" is 1234 and a lone
    "1.234" is 1.234 (an amount of money is rarely written with three decimals, and a
    decimal comma shows itself in any other cell such as "12,50"). `decimal` (the user's
    choice) decides the cells that read either way, whatever the column proves; a cell that
    proves the other mark keeps its own reading.

    A column that proves both marks with no `decimal` chosen is not guessed: its cells
    that read differently under the two marks are UNDECIDED (cells such as "12", "1e3" or
    "1 234" read the same either way and are kept). Amounts beyond LARGEST, and "inf",
    are IMPOSSIBLE; text such as "0x10" or "12abc" is NOT_A_NUMBER.
    """
    index = values.index
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        parsed = values.astype("float64")
        return _judged(parsed, pd.Series(False, index=index), decimal or ".", None)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)  # each distinct cell once
    distinct = pd.to_numeric(pd.Series(uniques, dtype=object), errors="coerce")
    parsed = pd.Series(
        np.append(distinct.to_numpy(dtype="float64", na_value=np.nan), np.nan)[codes], index=index
    )
    missing = parsed.isna()
    blank = pd.Series(False, index=index)
    blank[missing] = blank_cells(values[missing])
    todo = missing & ~blank  # the cells pandas could not read: each distinct one read here
    readings = pd.DataFrame({"point": parsed, "comma": parsed})
    readings[todo] = _distinct_readings(values[todo]).to_numpy()
    point, comma = readings["point"], readings["comma"]
    if decimal == "," or hint == "," or (comma.notna() & point.isna()).any():
        # a decimal comma is possible: "1.234", which pandas read as 1.234, may be 1234
        by_pandas = ~missing
        readings.loc[by_pandas, "comma"] = _with_decimal_comma(
            values[by_pandas], parsed[by_pandas]
        ).to_numpy()
        point, comma = readings["point"], readings["comma"]
    proved = {
        ".": bool((point.notna() & comma.isna()).any()),
        ",": bool((comma.notna() & point.isna()).any()),
    }
    everything = ~blank
    own = "," if proved[","] else "." if proved["."] else None
    if decimal is None and all(proved.values()):
        either = point.notna() & comma.notna() & (point == comma)
        differs = everything & ~either & (point.notna() | comma.notna())
        mixed = (_example(values, point, comma), _example(values, comma, point))
        return _judged(point.where(either), everything & ~either, None, mixed, differs)
    chosen = decimal or (
        "," if proved[","] else "." if proved["."] else "," if hint == "," else "."
    )
    read = _chosen(readings, chosen)
    return _judged(read, everything & read.isna(), chosen, None, proved=own)


def _with_decimal_comma(values: pd.Series, parsed: pd.Series) -> pd.Series:
    """Cells pandas read as numbers (so with no comma), read with "," as the decimal mark:
    a "." then groups thousands ("1.234" is 1234) and "12.5" is not a number."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)  # each distinct cell once
    text = pd.Series(uniques, dtype=object)
    text = text.where(text.map(lambda value: isinstance(value, str)), "")
    # per distinct cell, then per cell (the last place: a missing cell, code -1)
    dotted = np.append(text.str.contains(".", regex=False).to_numpy(dtype=bool), False)
    grouped = text.str.fullmatch(r"\s*[-+]?[1-9]\d{0,2}(?:\.\d{3})+\s*").to_numpy(dtype=bool)
    thousands = np.full(len(uniques) + 1, np.nan)
    thousands[:-1][grouped] = pd.to_numeric(
        text[grouped].str.replace(".", "", regex=False), errors="coerce"
    ).to_numpy(dtype="float64")
    grouped = np.append(grouped, False)
    comma = parsed.mask(dotted[codes])
    comma[grouped[codes]] = thousands[codes][grouped[codes]]
    return comma


# The two commonest ways to write an amount that proves its mark, read without Python per
# cell: "1,234.50" (only "." reads it) and "1.234,50", "1 234,50", "12,50" (only ",").
_POINT_SHAPE = r"-?[1-9]\d{0,2}(?:,\d{3})+\.\d+"
_COMMA_SHAPE = r"-?[1-9]\d{0,2}(?P<g>[. \u00a0\u202f])\d{3}(?:(?P=g)\d{3})*,\d+|-?\d+,\d{1,2}"


def _distinct_readings(values: pd.Series) -> pd.DataFrame:
    """Each cell read with "." ("point") and "," ("comma") as the decimal mark, read once per
    distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    table = np.full((len(uniques) + 1, 2), np.nan)
    text = pd.Series(uniques, dtype=object)
    text = text.where(text.map(lambda value: isinstance(value, str)), "")
    point_only = text.str.fullmatch(_POINT_SHAPE).to_numpy(dtype=bool)
    comma_only = text.str.fullmatch(_COMMA_SHAPE).to_numpy(dtype=bool)
    digits = text[point_only].str.replace(",", "", regex=False)
    table[: len(uniques)][point_only, 0] = pd.to_numeric(digits).to_numpy(dtype="float64")
    digits = text[comma_only].str.replace(r"[. \u00a0\u202f]", "", regex=True)
    digits = digits.str.replace(",", ".", regex=False)
    table[: len(uniques)][comma_only, 1] = pd.to_numeric(digits).to_numpy(dtype="float64")
    rest = np.flatnonzero(~point_only & ~comma_only)
    if len(rest):
        table[rest] = np.array([_readings(uniques[i]) for i in rest], dtype="float64")
    return pd.DataFrame(table[codes], index=values.index, columns=["point", "comma"])


def _chosen(readings: pd.DataFrame, decimal: str) -> pd.Series:
    """Each cell read with `decimal`; a cell that proves the other mark keeps its own reading."""
    mine, other = ("point", "comma") if decimal == "." else ("comma", "point")
    return readings[mine].fillna(readings[other])


def _example(values: pd.Series, mine: pd.Series, other: pd.Series) -> str:
    """The first cell that only reads as a number one way (mine, not other)."""
    proving = mine.notna() & other.isna()
    return str(values[proving].iloc[0]).strip()


def _judged(
    parsed: pd.Series,
    bad: pd.Series,
    decimal: str | None,
    mixed: tuple[str, str] | None,
    undecided: pd.Series | None = None,
    proved: str | None = None,
) -> Numbers:
    """Numbers with impossible amounts taken out, and each bad cell's reason."""
    impossible = pd.Series(np.abs(parsed.to_numpy()) > LARGEST, index=parsed.index)
    reasons = pd.Series(None, index=parsed.index, dtype=object)
    reasons[bad] = NOT_A_NUMBER
    if undecided is not None:
        reasons[undecided] = UNDECIDED
    reasons[impossible] = IMPOSSIBLE
    values = parsed.mask(impossible)
    return Numbers(values, bad | impossible | reasons.notna(), reasons, decimal, mixed, proved)


def parse_numbers(values: pd.Series) -> tuple[pd.Series, pd.Series, str]:
    """Numbers from a column, the cells that are not numbers, and the decimal mark used
    (read_numbers, for callers that need no more than that)."""
    numbers = read_numbers(values)
    return numbers.values, numbers.not_numbers, numbers.decimal or "."


def file_decimal_mark(columns: Iterable[Numbers]) -> str | None:
    """The decimal mark a file's number columns prove when they agree ("," when a cost
    column holds "12,50" and no column proves "."), else None: a column that proves
    nothing ("1.000" impressions) is then read with it, 1000, as the file writes numbers."""
    marks = {numbers.proved for numbers in columns if numbers.proved}
    return marks.pop() if len(marks) == 1 else None


def decimal_hint(delimiter: str | None) -> str | None:
    """The decimal mark a CSV's delimiter hints at: "," for ";" (Excel, where the comma is
    the decimal mark, separates cells with ";"), else None (no hint).

    A currency is no hint: an English export of a euro account writes "€1,000.00"."""
    return "," if delimiter == ";" else None


# dates are read at microsecond resolution: a year such as 226 or 9999 is a date, not an error
DAYS = "datetime64[us]"
DATE_FORMATS = (
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d-%m-%Y",
    "%Y/%m/%d",
    "%d.%m.%y",
    "%m/%d/%y",
    "%d/%m/%y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %b %y",
)
# a zone after a time of day: "14:45:53 +1100", "09:00Z" (never the "-2024" of a date)
_TIME_OF_DAY = re.compile(r"[ T]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[AaPp]\.?[Mm]\.?)?$")
# a weekday before the date: "Thu, 5 Feb 2026" (Google Ads), "Monday 1 June 2026"
_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+",
    re.IGNORECASE,
)
_ZONE = re.compile(r"(\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)$")


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series, str | None]:
    """Dates from a column, the cells that are not dates, and the format chosen (if not ISO).

    In datetime64[ns]; a date that type cannot hold (before 1677 or after 2262: "0226-06-30",
    "9999-12-31", an Excel serial of 9,999,999) is among the cells that are not dates. Use
    read_dates to tell those apart.
    """
    days, bad, formats = read_dates(values)
    outside = days.notna() & ((days < pd.Timestamp.min) | (days > pd.Timestamp.max))
    return days.mask(outside).astype("datetime64[ns]"), bad | outside, formats


def _best_readings(
    ordered: pd.DataFrame, votes: pd.Series, centre: pd.Timestamp | None
) -> pd.Series:
    """For each distinct date text that some format reads (one row of `ordered`, its
    formats' readings, most-reading format first), the format to read it with: the first
    when the readings agree or no format is voted for by the dates not in doubt; the one
    voted-for format; else, of the voted-for formats, the reading nearest the `centre`
    of the certain dates (a column that mixes ways of writing dates)."""
    present = ordered.notna()
    readable = present.any(axis=1)
    ordered, present = ordered[readable], present[readable]
    voted = present & (votes.reindex(ordered.columns).to_numpy() > 0)
    voted_count = voted.sum(axis=1)
    agree = ordered.min(axis=1) == ordered.max(axis=1)  # one date, however many formats
    best = present.idxmax(axis=1)  # the first format that reads it
    one_vote = ~agree & (voted_count > 0) & ((voted_count == 1) | (centre is None))
    best[one_vote] = voted[one_vote].idxmax(axis=1)
    mixed = ~agree & (voted_count > 1) & (centre is not None)
    if mixed.any():
        distance = (ordered[mixed].where(voted[mixed]) - centre).abs()
        best[mixed] = distance.idxmin(axis=1)
    return best


def read_dates(values: pd.Series) -> tuple[pd.Series, pd.Series, str | None]:
    """Dates from a column, the cells that are not dates, and the format chosen (if not ISO),
    in datetime64[us]: any year a cell can hold, so that "0226-06-30" is a date (a wrong one,
    for the caller to judge), never an error.

    One format is chosen for the whole column: the one that reads the most of its
    values, day-first before month-first when both read all (d/m/Y is what most of
    the world writes; a US file shows itself by a day above 12 in second place).
    """
    blank = blank_cells(values)
    if pd.api.types.is_datetime64_any_dtype(values):
        stripped = values.dt.tz_localize(None) if values.dt.tz is not None else values
        return stripped.astype(DAYS), pd.Series(False, index=values.index), None
    parsed = pd.Series(pd.NaT, index=values.index, dtype=DAYS)
    is_number = pd.Series(False, index=values.index)
    if not pd.api.types.is_string_dtype(values):
        is_number = (
            map_unique(
                values, lambda v: isinstance(v, int | float | np.number) and not isinstance(v, bool)
            ).astype(bool)
            & ~blank
        )
        if is_number.any():  # Excel serial day numbers (dates in a "General" column)
            serial = pd.to_numeric(values[is_number], errors="coerce")
            parsed[is_number] = pd.to_datetime(
                serial, unit="D", origin="1899-12-30", errors="coerce"
            ).astype(DAYS)
        stamp = map_unique(values, lambda v: isinstance(v, pd.Timestamp | np.datetime64))
        stamps = stamp.astype(bool) & ~blank
        if stamps.any():
            parsed[stamps] = pd.to_datetime(values[stamps]).astype(DAYS)
            is_number |= stamps
    todo = ~blank & ~is_number
    if not todo.any():
        return parsed, parsed.isna() & ~blank, None
    # Dates repeat (a year has 365 days): parse each distinct text once, then spread.
    codes, uniques = pd.factorize(values[todo])
    # Persian and Arabic-Indic digits as 0-9: "۲۰۲۶-۰۶-۰۱" is a date like "2026-06-01"
    text = pd.Series(uniques, dtype=object).astype(str).str.translate(_DIGITS).str.strip()
    text = text.str.replace(_ZONE, r"\1", regex=True)
    read = pd.to_datetime(text, errors="coerce", format="ISO8601").astype(DAYS)
    left = text[read.isna()].str.replace(_TIME_OF_DAY, "", regex=True)  # the day is what counts
    left = with_english_months(left.str.replace(_WEEKDAY, "", regex=True))
    chosen: list[str] = []
    if not left.empty:
        readings = pd.DataFrame(
            {fmt: pd.to_datetime(left, errors="coerce", format=fmt) for fmt in DATE_FORMATS}
        ).astype(DAYS)
        # how many different dates a text may be (0, 1 or more; counted without a loop)
        some = readings.notna().any(axis=1)
        distinct = some.astype(int) + (some & (readings.min(axis=1) != readings.max(axis=1)))
        # one possible date: take it; several (03/04/2026): the one nearest the dates that
        # are not in doubt, so a column of November dates reads "1/11/2024" as 1 November
        sure = readings[distinct == 1].bfill(axis=1).iloc[:, 0]
        certain = pd.concat([read.dropna(), sure.dropna()]).astype(DAYS)
        centre = certain.median() if len(certain) else None
        order = readings.notna().sum().sort_values(ascending=False, kind="stable").index
        # the formats the dates not in doubt are written in: a US file's 12/31/2026 says
        # that its 01/05/2026 is 5 January
        votes = readings[distinct == 1].notna().sum()
        best = _best_readings(readings[list(order)], votes, centre)
        columns = readings.columns.get_indexer(best.to_numpy())
        read[best.index] = readings.loc[best.index].to_numpy()[np.arange(len(best)), columns]
        chosen = list(dict.fromkeys(best))  # the formats used, in the column's order
    parsed[todo] = read.to_numpy()[codes]
    return parsed, parsed.isna() & ~blank, ", ".join(chosen) or None
