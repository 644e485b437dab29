"""Dates a report can hold, and dates far from all the others.

A row dated before 1 January 2000 or more than a year after today cannot be a report's
("0226-06-30", "2226-06-30", an Excel serial of 9,999,999): smroi.ingest leaves it out
with its reason. A few rows dated far from the rest of their file (one row in 2016 among
January to March 2026) are kept but pointed out: monthly costs are counted for every
month from the first date to the last (docs/METRICS.md, months covered), so one typo can
multiply them by forty.

"Far", as chosen here (outlying_rows):
- the file's distinct days are cut into groups wherever two consecutive days are more than
  FAR_GAP_DAYS (90) apart: daily, weekly and monthly data stay one group;
- the group with the most rows is the main one; a neighbouring group joins it when it is no
  more than FAR_SPAN_FACTOR (2) times the main span away, or when it holds more than
  MOST_FAR_SHARE (5%) of the rows, or more than one row in a file of under 20 (then it is
  part of the data, not a typo); this repeats while a group joins;
- the rows left outside are far only if together they are within that same share (5%, or
  one row in a file of 10 to 19; none below 10): a file whose rows are scattered over years
  is not flagged.
A year typo (2025 for 2026) is caught in a file that spans up to four months (a gap of
365 - S days against 2 x S); quarterly data (91-day gaps, but eight quarters of rows) and
seasons that come back every year (each more than 5% of rows) are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from smroi.i18n import Message, _, _n, listed
from smroi.metrics import months_covered
from smroi.parsing import map_unique

EARLIEST_REPORT_DAY = date(2000, 1, 1)
FAR_GAP_DAYS = 90
FAR_SPAN_FACTOR = 2
MOST_FAR_SHARE = 0.05
# past this many distinct wrong dates in a column, one reason names the bounds instead
MAX_DATED_REASONS = 10


def latest_report_day(today: date) -> date:
    """The last day a report can hold: a year after today (budgets are planned ahead)."""
    return (pd.Timestamp(today) + pd.DateOffset(years=1)).date()


def implausible_days(days: pd.Series, today: date) -> pd.Series:
    """Which days cannot be a report's: before 1 Jan 2000 or more than a year after today."""
    earliest = np.datetime64(EARLIEST_REPORT_DAY, "us")
    latest = np.datetime64(latest_report_day(today), "us") + np.timedelta64(1, "D")
    stamps = days.to_numpy(dtype="datetime64[us]")
    wrong = ~np.isnat(stamps) & ((stamps < earliest) | (stamps >= latest))
    return pd.Series(wrong, index=days.index)


def implausible_reasons(
    days: pd.Series, implausible: pd.Series, column: str, today: date
) -> pd.Series:
    """Why each implausible day's row is left out, with the day itself ("(30 Jun 2226)");
    past MAX_DATED_REASONS distinct days, one reason naming the bounds for all of them."""
    reasons = pd.Series(None, index=days.index, dtype=object)
    wrong = days[implausible]
    if wrong.empty:
        return reasons
    if wrong.nunique() > MAX_DATED_REASONS:
        reasons[implausible] = _(
            "a date before {earliest:%d %b %Y} or after {latest:%d %b %Y} in column "
            "{column}, which cannot be a report date",
            earliest=EARLIEST_REPORT_DAY,
            latest=latest_report_day(today),
            column=column,
        )
        return reasons
    reasons[implausible] = map_unique(wrong, lambda day: _implausible_reason(day, column))
    return reasons


def _implausible_reason(day: pd.Timestamp | None, column: str) -> Message | None:
    if day is None or pd.isna(day):
        return None
    if 1000 <= day.year <= 9999:
        return _(
            "a date that cannot be a report date in column {column} ({day:%d %b %Y})",
            column=column,
            day=date(day.year, day.month, day.day),
        )
    return _(  # "0226" (strftime writes 226) or a year a date cannot hold (a serial 9,999,999)
        "a date that cannot be a report date in column {column} (the year {year})",
        column=column,
        year=f"{day.year:04d}",
    )


def outlying_rows(days: pd.DataFrame) -> pd.Series:
    """Which rows are dated far from all the others (see the module's docstring), by their
    days in any of the frame's columns (date and period_end); False where none is."""
    far = pd.Series(False, index=days.index)
    in_days = days.to_numpy(dtype="datetime64[D]")
    dated = ~np.isnat(in_days)
    stamps = in_days.astype("int64")
    rows = int(dated.any(axis=1).sum())
    if rows < 2:
        return far
    distinct = np.sort(pd.unique(stamps[dated]))  # a hash, not a sort of every row
    group_of_day = np.concatenate(([0], np.cumsum(np.diff(distinct) > FAR_GAP_DAYS)))
    groups = int(group_of_day[-1]) + 1
    if groups == 1:
        return far
    group_first = np.array([distinct[group_of_day == g].min() for g in range(groups)])
    group_last = np.array([distinct[group_of_day == g].max() for g in range(groups)])
    # each row's groups: a row with a date and a period_end may touch two
    row_group = np.where(dated, group_of_day[np.searchsorted(distinct, stamps)], -1)
    # rows per group, a row once in each group it touches
    sorted_groups = np.sort(row_group, axis=1)
    new = np.ones(sorted_groups.shape, dtype=bool)
    new[:, 1:] = sorted_groups[:, 1:] != sorted_groups[:, :-1]
    counted = sorted_groups[new & (sorted_groups >= 0)]
    rows_in = np.bincount(counted, minlength=groups)
    most = max(MOST_FAR_SHARE * rows, 1 if rows >= 10 else 0)  # rows that may be far
    large = rows_in > most
    low = high = int(np.argmax(rows_in))
    while True:
        span = group_last[high] - group_first[low]
        options = []
        if low > 0:
            options.append((group_first[low] - group_last[low - 1], low - 1))
        if high < groups - 1:
            options.append((group_first[high + 1] - group_last[high], high + 1))
        joining = [(gap, g) for gap, g in options if large[g] or gap <= FAR_SPAN_FACTOR * span]
        if not joining:
            break
        _gap, group = min(joining)
        low, high = min(low, group), max(high, group)
    outside = (dated & ((row_group < low) | (row_group > high))).any(axis=1)
    if 0 < outside.sum() <= most:
        far[:] = outside
    return far


def main_span(days: pd.DataFrame, far: pd.Series) -> tuple[date, date]:
    """The first and last day of the rows that are not far."""
    kept = days[~far].stack().dropna()
    return kept.min().date(), kept.max().date()


def far_day(days: pd.DataFrame, first: date, last: date) -> pd.Series:
    """Each row's day outside first..last (its date, else its period_end), NaT if none."""
    outside = days.where((days < pd.Timestamp(first)) | (days > pd.Timestamp(last)))
    return outside.bfill(axis=1).iloc[:, 0]


def outlier_warning(
    file: str, outliers: Sequence[tuple[int, date]], first: date, last: date
) -> Message:
    """The sentence about rows dated far from the file's others: which, when, and how many
    months the monthly costs are counted for with and without them."""
    everything = [first, last, *(day for _row, day in outliers)]
    farthest_row, farthest_day = max(
        outliers, key=lambda pair: min(abs((pair[1] - first).days), abs((pair[1] - last).days))
    )
    fields = {
        "file": file,
        "row": farthest_row,
        "day": farthest_day,
        "first": first,
        "last": last,
        "before": round(months_covered(first, last), 1),
        "after": round(months_covered(min(everything), max(everything)), 1),
    }
    if len(outliers) == 1:
        return _(
            "{file}: row {row} is dated {day:%d %b %Y}, far from its other rows "
            "({first:%d %b %Y} – {last:%d %b %Y}). Monthly costs are counted for every month "
            "from the first date to the last, so this row stretches them from {before:,.1f} to "
            "{after:,.1f} months. Leave it out if it is a typo.",
            **fields,
        )
    return _n(
        "{file}: {count:,} row (row {rows}) is dated far from its other rows "
        "({first:%d %b %Y} – {last:%d %b %Y}), such as row {row} on {day:%d %b %Y}. Monthly "
        "costs are counted for every month from the first date to the last, so this row "
        "stretches them from {before:,.1f} to {after:,.1f} months. Leave it out if it is a "
        "typo.",
        "{file}: {count:,} rows (rows {rows}) are dated far from its other rows "
        "({first:%d %b %Y} – {last:%d %b %Y}), such as row {row} on {day:%d %b %Y}. Monthly "
        "costs are counted for every month from the first date to the last, so these rows "
        "stretch them from {before:,.1f} to {after:,.1f} months. Leave them out if they are "
        "typos.",
        len(outliers),
        count=len(outliers),
        rows=listed(row for row, _day in outliers),
        **fields,
    )


def is_outlier_warning(text: object) -> bool:
    """Whether a report's warning is the one outlier_warning writes (the Overview shows it
    with a button to leave the rows out)."""
    return isinstance(text, Message) and text.template in _OUTLIER_TEMPLATES


# the message ids outlier_warning writes, for one row and for several (their text lives in
# the _ and _n calls, where Babel finds it)
_OUTLIER_TEMPLATES = tuple(
    outlier_warning(
        "", [(0, EARLIEST_REPORT_DAY)] * count, EARLIEST_REPORT_DAY, EARLIEST_REPORT_DAY
    ).template
    for count in (1, 2)
)
