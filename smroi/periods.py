"""The period of a file with no date column (from its title or name), and notes on its dates."""

from __future__ import annotations

import re

import pandas as pd

from smroi.i18n import _
from smroi.import_report import ImportReport
from smroi.parsing import parse_dates

DATE_RANGE = re.compile(r"^\W*(.+?)\s+(?:-|–|—|to)\s+(.+?)\W*$")
COMPACT_RANGE = re.compile(r"^#?\s*(\d{8})\s*-\s*(\d{8})\s*$")  # GA4: "# 20260226-20260325"
START_END = re.compile(r"^#?\s*(start|end) date:\s*(\d{8})\s*$", re.IGNORECASE)


def _preamble_range(lines: list[str]) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The date range that the lines above a table give, nearest the table first."""
    bounds: dict[str, str] = {}
    for line in reversed(lines):
        text = line.strip()
        if match := START_END.match(text):
            bounds.setdefault(match.group(1).lower(), match.group(2))
            if len(bounds) == 2:
                return _range(bounds["start"], bounds["end"], "%Y%m%d")
            continue
        if match := COMPACT_RANGE.match(text):
            return _range(match.group(1), match.group(2), "%Y%m%d")
        if match := DATE_RANGE.match(text):
            days, bad, _form = parse_dates(
                pd.Series([match.group(1), match.group(2)], dtype=object)
            )
            if not bad.any() and days.notna().all() and days.iloc[0] <= days.iloc[1]:
                return days.iloc[0], days.iloc[1]
    return None


def _range(first: str, last: str, form: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    start = pd.to_datetime(first, format=form, errors="coerce")
    end = pd.to_datetime(last, format=form, errors="coerce")
    return (start, end) if pd.notna(start) and pd.notna(end) and start <= end else None


def _period_from_title(
    raw: pd.DataFrame, columns: dict[str, pd.Series], report: ImportReport
) -> None:
    """A report without a date column whose title lines give its date range ("1 May 2026 -
    8 May 2026", as Google Ads writes; "# Start date: 20260226", as GA4 does): every row
    covers that period."""
    found = _preamble_range(raw.attrs.get("preamble", []))
    from_title = found is not None
    if found is None:
        found = _file_name_range(report.file)
    if found is None:
        return
    first, last = found
    columns["date"] = pd.Series(first, index=raw.index)
    columns["period_end"] = pd.Series(last, index=raw.index)
    fields = {"file": report.file, "first": first.date(), "last": last.date()}
    if from_title:
        said = _(
            "{file}: no date column; its rows cover {first:%d %b %Y} to {last:%d %b %Y}, as "
            "the lines above the table say.",
            **fields,
        )
    else:
        said = _(
            "{file}: no date column; its rows cover {first:%d %b %Y} to {last:%d %b %Y}, as "
            "the file name says.",
            **fields,
        )
    report.warnings.append(said)


FILE_NAME_RANGE = re.compile(
    r"(\d{4})[.\-_]?(\d{2})[.\-_]?(\d{2})\s*(?:-|_|–|to)\s*(\d{4})[.\-_]?(\d{2})[.\-_]?(\d{2})"
)


def _file_name_range(name: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """A date range in a file name: "Devices(2026.02.05-2026.02.10).csv" (Google Ads)."""
    match = FILE_NAME_RANGE.search(name.rsplit("/", 1)[-1])
    if not match:
        return None
    parts = match.groups()
    return _range("".join(parts[:3]), "".join(parts[3:]), "%Y%m%d")


def _date_notes(name: str, column: str, formats: str | None) -> list[str]:
    """Say how dates that could be read two ways (03/04/2026) were read."""
    formats = formats or ""
    day_first = "%d/%m" in formats or "%d-%m" in formats
    month_first = "%m/%d" in formats
    if day_first and month_first:
        return [
            _(
                "{file}: dates in column {column} are written both day/month and month/day; "
                "each one that could be either was read as the date nearest the others.",
                file=name,
                column=column,
            )
        ]
    if day_first:
        return [
            _("{file}: dates in column {column} read as day/month/year.", file=name, column=column)
        ]
    if month_first:
        return [
            _("{file}: dates in column {column} read as month/day/year.", file=name, column=column)
        ]
    return []
