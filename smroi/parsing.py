"""Numbers and dates as people and platforms write them, decided per column.

Numbers: thousands separators (`,` `.` space, no-break space, `٬`), decimal comma,
currency text (`US$135.81`, `kr 1 234,50`), percent signs, Persian and Arabic-Indic
digits, negatives in brackets. Whether `.` or `,` is the decimal mark is decided
for a whole column from all of its values, so "1.234" means 1234 in a column that
also holds "12,50".

Dates: ISO, d.m.Y, d/m/Y or m/d/Y (decided for the whole column), month names,
timestamps with zones (the local day is kept), Excel serial numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

PLACEHOLDERS = frozenset({"", "-", "--", "–", "—", "na", "n/a", "nan", "none", "null", "#n/a"})
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_KEEP = re.compile(r"[^0-9.,\-]")
_COMMA_DECIMAL = re.compile(r"(?:^|[^0-9,.])\d+,\d{1,2}$|\d\.\d{3},\d+$|^\d{1,3}(?:\.\d{3})+$")


def map_unique(values: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    """func applied once per distinct value (fast on long columns of repeated text)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(u) for u in uniques]
    mapped[-1] = func(None)
    return pd.Series(mapped[codes], index=values.index)


def is_blank(value: Any) -> bool:
    """Empty, or a placeholder such as '--' or 'N/A'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return str(value).strip().lower() in PLACEHOLDERS


def blank_cells(values: pd.Series) -> pd.Series:
    """Which cells hold nothing."""
    return map_unique(values, is_blank).astype(bool)


def number_from_text(text: Any, decimal: str = ".") -> float | None:
    """'US$1,234.50' -> 1234.5, '(12)' -> -12, '۱۲٫۵' -> 12.5; None if it is not a number."""
    if is_blank(text):
        return None
    raw = str(text).translate(_DIGITS).replace("٫", decimal).replace("٬", "")
    negative = raw.strip().startswith("(") and raw.strip().endswith(")")
    kept = _KEEP.sub("", raw)
    if kept.endswith("-"):  # "12-" as some accounting exports write it
        kept, negative = kept[:-1], True
    # the other mark is a thousands separator
    kept = kept.replace(".", "").replace(",", ".") if decimal == "," else kept.replace(",", "")
    if not re.fullmatch(r"-?\d*\.?\d+", kept):
        return None
    number = float(kept)
    return -abs(number) if negative else number


def parse_numbers(values: pd.Series) -> tuple[pd.Series, pd.Series, str]:
    """Numbers from a column, the cells that are not numbers, and the decimal mark used."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        parsed = values.astype("float64")
        infinite = pd.Series(np.isinf(parsed), index=values.index)
        return parsed.mask(infinite), infinite, "."
    parsed = pd.to_numeric(values, errors="coerce").astype("float64")
    missing = parsed.isna()
    blank = pd.Series(False, index=values.index)
    blank[missing] = blank_cells(values[missing])
    unparsed = missing & ~blank
    decimal = "."
    if unparsed.any():
        text = values[unparsed].astype(str)
        if text.str.contains(_COMMA_DECIMAL).any() or text.str.contains("٫").any():
            decimal = ","
            unparsed = ~blank  # "1.234" in this column is a thousand, not one point two
        parsed[unparsed] = map_unique(
            values[unparsed], lambda v: number_from_text(v, decimal)
        ).astype("float64")
    infinite = pd.Series(np.isinf(parsed), index=values.index)
    parsed = parsed.mask(infinite)
    return parsed, (parsed.isna() & ~blank) | infinite, decimal


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
    text = pd.Series(uniques, dtype=object).astype(str).str.strip()
    text = text.str.replace(_ZONE, r"\1", regex=True)
    read = pd.to_datetime(text, errors="coerce", format="ISO8601").astype(DAYS)
    left = text[read.isna()].str.replace(_TIME_OF_DAY, "", regex=True)  # the day is what counts
    left = left.str.replace(_WEEKDAY, "", regex=True)
    chosen: list[str] = []
    if not left.empty:
        readings = pd.DataFrame(
            {fmt: pd.to_datetime(left, errors="coerce", format=fmt) for fmt in DATE_FORMATS}
        ).astype(DAYS)
        distinct = readings.nunique(axis=1)
        # one possible date: take it; several (03/04/2026): the one nearest the dates that
        # are not in doubt, so a column of November dates reads "1/11/2024" as 1 November
        sure = readings[distinct == 1].bfill(axis=1).iloc[:, 0]
        certain = pd.concat([read.dropna(), sure.dropna()]).astype(DAYS)
        centre = certain.median() if len(certain) else None
        order = readings.notna().sum().sort_values(ascending=False, kind="stable").index
        # the formats the dates not in doubt are written in: a US file's 12/31/2026 says
        # that its 01/05/2026 is 5 January
        votes = readings[distinct == 1].notna().sum()
        for number in left.index:
            options = readings.loc[number, list(order)].dropna()
            if options.empty:
                continue
            voted = [fmt for fmt in options.index if votes[fmt] > 0]
            if options.nunique() == 1 or len(voted) == 0:
                best = options.index[0]
            elif len(voted) == 1 or centre is None:
                best = voted[0]
            else:  # the column mixes ways of writing dates: the nearest reading
                best = (options[voted] - centre).abs().idxmin()
            read[number] = options[best]
            if best not in chosen:
                chosen.append(best)
    parsed[todo] = read.to_numpy()[codes]
    return parsed, parsed.isna() & ~blank, ", ".join(chosen) or None
