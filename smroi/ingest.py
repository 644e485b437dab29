"""Files in, one canonical table out, with a report of every row that was not used.

smroi.readers turns a file's bytes into its table; here that table becomes
canonical rows (docs/METRICS.md section 1): columns recognised (smroi.exports),
numbers and dates parsed (smroi.parsing), totals rows left out, slid rows put
back, the platform and currency found. Every row read is either in the table or
listed in the file's ImportReport with its reason. A file that cannot be read
raises InputFileError with one sentence naming the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from smroi.canonical import (
    COUNTS,
    DATES,
    DIMENSIONS,
    LABELS,
    MEASURES,
    MONEY_MEASURES,
    SOURCE,
    conform,
)
from smroi.canonical import empty_table as _empty_table
from smroi.currency import currencies_in_cells, currencies_in_column, currencies_in_headers
from smroi.errors import InputFileError
from smroi.exports import (
    CURRENCY_COLUMNS,
    ENGAGEMENT_PARTS,
    PAID_MEDIUMS,
    RESULT_COLUMNS,
    RESULT_INDICATORS,
    SOCIAL_CHANNELS,
    URL_COLUMNS,
    map_columns,
    normalise_header,
    platform_of_source,
    recognise,
)
from smroi.i18n import _, _n, listed
from smroi.parsing import blank_cells, map_unique, number_from_text, parse_dates, parse_numbers
from smroi.readers import read_table
from smroi.utm import utm_columns

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 2_000_000

PLATFORM_ALIASES: dict[str, str] = {
    "fb": "facebook",
    "meta": "facebook",
    "ig": "instagram",
    "insta": "instagram",
    "twitter": "x",
    "x (twitter)": "x",
    "li": "linkedin",
    "yt": "youtube",
    "google ads": "google",
    "adwords": "google",
    "tik tok": "tiktok",
}
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "paid", "ad", "ads", "sponsored", "boosted"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "organic", "unpaid", "post"})


@dataclass
class ImportReport:
    """What happened to one file: what was recognised, used and left out, and why."""

    file: str
    rows_read: int = 0
    rows_used: int = 0
    platforms: list[str] = field(default_factory=list)
    column_map: dict[str, str] = field(default_factory=dict)  # source header -> canonical
    ignored_columns: list[str] = field(default_factory=list)
    excluded: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(
            {"row": pd.Series(dtype="int64"), "reason": pd.Series(dtype="object")}
        )
    )
    currency: str | None = None
    export: str | None = None  # the platform export recognised, if any
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets
    sheet: str | None = None  # the sheet read
    # canonical measure -> rows used that leave it blank (not reported there, not 0)
    blank_counts: dict[str, int] = field(default_factory=dict)
    # sentences for the user, as smroi.i18n Messages: English as str, translatable in the app
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def rows_excluded(self) -> int:
        """How many rows were read but not used."""
        return len(self.excluded)

    def summary(self) -> list[str]:
        """The report as sentences (the CLI's warnings; the Excel report's notes): Messages,
        English as str, translatable with smroi.i18n.translate_message."""
        if self.error:
            return [self.error]
        lines = list(self.warnings)
        if self.ignored_columns:
            lines.append(
                _(
                    "{file}: columns not used: {columns}.",
                    file=self.file,
                    columns=", ".join(self.ignored_columns),
                )
            )
        lines += self.blank_notes()
        reasons = self.reasons()
        for reason, group in self.excluded.groupby("reason", sort=False):
            rows = group["row"].tolist()
            lines.append(
                _n(
                    "{file}: {count:,} row left out ({reason}): row {rows}.",
                    "{file}: {count:,} rows left out ({reason}): rows {rows}.",
                    len(rows),
                    file=self.file,
                    count=len(rows),
                    reason=reasons.get(str(reason), reason),
                    rows=listed(rows),
                )
            )
        return lines

    def blank_notes(self) -> list[str]:
        """For each measure some used rows leave blank: how many, and that it is not 0."""
        return [
            _n(
                "{file}: {count:,} of {rows:,} rows leaves {column} blank, so it counts as "
                "not reported there, not as 0.",
                "{file}: {count:,} of {rows:,} rows leave {column} blank, so it counts as "
                "not reported there, not as 0.",
                count,
                file=self.file,
                count=count,
                rows=self.rows_used,
                column=column,
            )
            for column, count in self.blank_counts.items()
        ]

    def reasons(self) -> dict[str, str]:
        """Each reason a row was left out, by its English text: the Message it was written
        as (a groupby on the reason column gives plain str keys; this gives them back)."""
        return {str(reason): reason for reason in self.excluded["reason"].drop_duplicates()}


def empty_table() -> pd.DataFrame:
    """The canonical table with no rows (what the app holds before any upload)."""
    return _empty_table()


def read_file(
    name: str,
    data: bytes,
    column_map: Mapping[str, str] | None = None,
    sheet: str | None = None,
) -> tuple[pd.DataFrame, ImportReport]:
    """One uploaded file as canonical rows and its import report; InputFileError if unreadable."""
    if not data:
        raise InputFileError(name, _("the file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(
            name,
            _(
                "the file is {size:,} MB; the limit is {limit:,} MB. Export a shorter period "
                "or fewer columns.",
                size=round(len(data) / 1e6),
                limit=round(MAX_FILE_BYTES / 1e6),
            ),
        )
    try:
        raw = read_table(name, data, column_map or {}, sheet)
        table, report = _to_canonical(name, raw, column_map or {})
    except InputFileError:
        raise
    except Exception as exc:  # a bug must not show the user a traceback; tests catch bugs
        error = f"{type(exc).__name__}: {exc}"
        raise InputFileError(
            name, _("smroi could not read it ({error}); please report this.", error=error)
        ) from exc
    report.sheets, report.sheet = raw.attrs.get("sheets", []), raw.attrs.get("sheet")
    return table, report


def load_files(
    files: list[tuple[str, bytes]],
    column_map: Mapping[str, str] | None = None,
    sheets: Mapping[str, str] | None = None,
    currency: str | None = None,
) -> tuple[pd.DataFrame, list[ImportReport]]:
    """All files as one canonical table; a file that cannot be read, or whose currency is not
    the one shown (`currency` when a file is in it, else the first file's), is reported, not
    fatal."""
    read: list[tuple[pd.DataFrame, ImportReport]] = []
    reports: list[ImportReport] = []
    for name, data in files:
        try:
            table, report = read_file(name, data, column_map, (sheets or {}).get(name))
        except InputFileError as exc:
            reports.append(ImportReport(file=name, error=exc.message))
            continue
        reports.append(report)
        read.append((table, report))
    tables = [table for table, report in check_together(read, currency) if report.error is None]
    if not tables:
        return empty_table(), reports
    combined = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    return conform(combined), reports


def check_together(
    read: list[tuple[pd.DataFrame, ImportReport]], currency: str | None = None
) -> list[tuple[pd.DataFrame, ImportReport]]:
    """What files say about each other: amounts in two currencies cannot be added up, so a
    file in another currency than `currency` (when a file is in it; else the first file's
    currency) is refused, with how to see it instead; two files with rows of one platform
    over the same days are warned about (the same ads would be counted twice)."""
    named = [(report.currency, report.file) for _table, report in read if report.currency]
    chosen = next((pair for pair in named if pair[0] == currency), named[0] if named else None)
    spans: list[tuple[str, str, pd.Timestamp, pd.Timestamp, bool]] = []
    for table, report in read:
        if report.currency and chosen and report.currency != chosen[0]:
            report.error = _(
                "{file}: its amounts are in {currency}, but {other} is in {other_currency}; "
                "amounts in two currencies cannot be added up, so it was left out. Choose "
                "{currency} as the report's currency to see it instead.",
                file=report.file,
                currency=report.currency,
                other=chosen[1],
                other_currency=chosen[0],
            )
            report.rows_used = 0
            continue
        for platform, rows in table.groupby("platform", observed=True):
            days = pd.concat([rows["date"], rows["period_end"]]).dropna()
            if days.empty:
                continue
            first, last = days.min(), days.max()
            for other, other_platform, other_first, other_last, analytics in spans:
                if other_platform == platform and first <= other_last and other_first <= last:
                    fields = {
                        "file": report.file,
                        "platform": str(platform),
                        "first": first.date(),
                        "last": last.date(),
                        "other": other,
                    }
                    if analytics != (report.export == ANALYTICS):
                        overlap = _(
                            "{file}: its {platform} rows ({first:%d %b %Y} – {last:%d %b %Y}) "
                            "overlap those of {other}; if both files hold the same visits and "
                            "sales (one from Google Analytics, one from the platform), they are "
                            "counted twice.",
                            **fields,
                        )
                    else:
                        overlap = _(
                            "{file}: its {platform} rows ({first:%d %b %Y} – {last:%d %b %Y}) "
                            "overlap those of {other}; if both files hold the same ads or posts, "
                            "they are counted twice.",
                            **fields,
                        )
                    report.warnings.append(overlap)
            spans.append((report.file, str(platform), first, last, report.export == ANALYTICS))
    return read


# ---------------------------------------------------------------- to canonical


TOTALS = re.compile(
    r"^\s*(?:grand total|total geral|total general|totals?|totalt|totaal|totale|gesamt|"
    r"gesamtsumme|insgesamt|i alt|summe)\s*(?::.*)?$",
    re.IGNORECASE,
)
NO_DATA = re.compile(
    r"^\s*(no data|no results|ingen data|sem dados|sin datos|keine daten)", re.IGNORECASE
)
TOTALS_REASON = _("a totals row (adding it would count everything twice)")
SCAN_ALL_TEXT_UP_TO = 200_000  # rows; above, only the recognised label columns are scanned


def _to_canonical(
    name: str, raw: pd.DataFrame, column_map: Mapping[str, str]
) -> tuple[pd.DataFrame, ImportReport]:
    report = ImportReport(file=name)
    report.warnings += raw.attrs.get("notes", [])
    headers = list(raw.columns)
    export = recognise(headers)
    mapping, ignored = map_columns(headers, export, column_map)
    report.export = export.name if export else None
    report.column_map, report.ignored_columns = mapping, ignored
    if not any(target in MEASURES for target in mapping.values()):
        raise InputFileError(
            name,
            _(
                "none of its columns is a number smroi knows (such as spend, impressions, "
                "clicks, leads, conversions or revenue); check that the file has a row of "
                "column names."
            ),
        )
    first_row = int(raw.attrs.get("first_row", 2))
    raw, first_row = _drop_description_row(raw, mapping, first_row, report)
    raw = _repair_shifted_rows(raw, first_row, report)
    report.rows_read = len(raw)
    if len(raw) > MAX_ROWS:
        raise InputFileError(
            name,
            _("the file has {rows:,} rows; the limit is {limit:,}.", rows=len(raw), limit=MAX_ROWS),
        )
    report.currency = _currency(name, raw, mapping)
    source = pd.DataFrame(
        {target: raw[header] for header, target in mapping.items()}, index=raw.index
    )
    # (reason, rows): each reason a Message, so that the Data page can translate it
    problems: list[tuple[str, pd.Series]] = [(TOTALS_REASON, _totals_rows(raw, mapping))]
    columns: dict[str, pd.Series] = {}

    for column in source.columns:
        values = source[column]
        if column in MEASURES:
            parsed, bad, _mark = parse_numbers(values)
            if column in COUNTS:
                bad |= parsed < 0
            columns[column] = parsed
            problems.append((_("not a number in column {column}", column=column), bad))
        elif column in DATES:
            parsed, bad, formats = parse_dates(values)
            if bad.all():  # "Sunday", "Q1": a column named Day that holds no dates
                header = next(h for h, c in mapping.items() if c == column)
                report.ignored_columns.append(header)
                del mapping[header]
                report.warnings.append(
                    _(
                        "{file}: column {column} holds no dates (such as {example}), so it is "
                        "not read as dates.",
                        file=name,
                        column=repr(header),
                        example=repr(str(values[bad].iloc[0])),
                    )
                )
                continue
            columns[column] = parsed
            problems.append((_("not a date in column {column}", column=column), bad))
            report.warnings += _date_notes(name, column, formats)
        elif column == "paid":
            parsed, bad = _parse_paid(values)
            columns[column] = parsed
            problems.append((_("paid is not true/false or paid/organic"), bad))
        else:
            columns[column] = _clean_text(values)
    _results_by_indicator(raw, columns, report)
    _utm_from_links(raw, columns, report, column_map)
    if "engagements" not in columns:
        _engagements_from_parts(raw, columns, report)
    if "date" not in columns:
        _period_from_title(raw, columns, report)
    if export and export.one_sale_per_row and "conversions" not in columns:
        columns["conversions"] = pd.Series(1.0, index=raw.index)  # one order per row
    not_social = _web_traffic(columns, raw.index, report) if export and export.web_analytics else []

    if len(raw) == 1 and NO_DATA.match(str(raw.iloc[0, 0])):
        raise InputFileError(
            name,
            _(
                "the export has no rows for its period (it says {text}).",
                text=repr(str(raw.iloc[0, 0])),
            ),
        )
    measures = pd.DataFrame({c: columns[c] for c in columns if c in MEASURES})
    problems.append((TOTALS_REASON, _unlabelled_sum_rows(columns, measures)))
    problems += not_social
    problems.append((_("no numbers in the row"), measures.isna().all(axis=1)))
    report.excluded = _excluded_rows(problems, first_row)
    keep = np.ones(len(source), dtype=bool)
    keep[report.excluded["row"].to_numpy() - first_row] = False

    table = pd.DataFrame(columns, index=source.index)[keep]
    if "platform" in table:
        table["platform"] = _normalise_platform(table["platform"])
    elif export:
        table["platform"] = export.platform
    elif named := _platform_from_file_name(name):
        table["platform"] = named
        report.warnings.append(
            _(
                "{file}: no platform column; its rows are counted as {platform}, as the file "
                "name says.",
                file=name,
                platform=repr(named),
            )
        )
    else:
        table["platform"] = "other"
        report.warnings.append(
            _("{file}: no platform column, so its rows are counted as 'other'.", file=name)
        )
    if "paid" not in table and export and export.paid is not None:
        table["paid"] = export.paid
    table[SOURCE] = name
    table = conform(table.reset_index(drop=True))
    report.rows_used = len(table)
    report.blank_counts = {
        column: int(blank)
        for column in MEASURES
        if column in columns and (blank := int(table[column].isna().sum()))
    }
    report.platforms = sorted(str(p) for p in table["platform"].dropna().unique())
    return table, report


ANALYTICS = "Google Analytics 4"


def _web_traffic(
    columns: dict[str, pd.Series], index: pd.Index, report: ImportReport
) -> list[tuple[str, pd.Series]]:
    """Rows of a web-analytics report (GA4) by source or channel: the platform each visit
    came from, paid when its medium or channel says so. Returns the rows that are not
    social media traffic (Direct, Organic Search, e-mail, other sites), which are left out:
    their sales are not social media's return."""
    empty = pd.Series(None, index=index, dtype=object)
    source = columns.get("utm_source", empty).astype(object)
    label = columns.get("element", empty).astype(object)
    medium = columns.get("utm_medium", empty).astype(object)
    platform = _categorical_unique(source.fillna(label), platform_of_source).astype(object)
    channel = label.fillna("").astype(str).str.strip().str.lower()
    social_channel = channel.isin(SOCIAL_CHANNELS)
    platform = platform.where(platform.notna(), social_channel.map({True: "social", False: None}))
    medium = medium.fillna(label.fillna("").astype(str).str.split(" / ").str[1])
    columns["platform"] = platform
    columns["paid"] = medium.fillna("").astype(str).str.strip().str.lower().isin(
        PAID_MEDIUMS
    ) | channel.str.startswith("paid")
    if "element" not in columns and "utm_source" in columns:
        columns["element"] = source
    if (platform == "social").any():
        report.warnings.append(
            _(
                "{file}: Google Analytics groups visits by channel here and does not say which "
                "network they came from; its social rows are counted as platform 'social'.",
                file=report.file,
            )
        )
    other = platform.isna()
    names = source.fillna(label).fillna("(not set)").astype(str)
    return [
        (
            _("website traffic that did not come from social media: {source}", source=name),
            other & (names == name),
        )
        for name in names[other].unique()
    ]


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


SHAPES = (
    ("date", re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")),
    ("range", re.compile(r"^\d{1,3}\s*[-–]\s*\d{1,3}$|^\d{1,3}\+$")),
    ("whole", re.compile(r"^-?\d+$")),
    ("decimal", re.compile(r"^-?\d*[.,]\d+$")),
    ("letter", re.compile(r"^[A-Za-z]$")),
)
REPAIR_UP_TO = 50_000  # rows; a larger file is not scanned for shifted rows


def _shape(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value).strip()
    if not text:
        return ""
    return next((name for name, pattern in SHAPES if pattern.match(text)), "text")


def _repair_shifted_rows(raw: pd.DataFrame, first_row: int, report: ImportReport) -> pd.DataFrame:
    """Rows whose cells slid one to three columns to the left (a column missing in the
    middle, the last ones empty), as some re-saved exports have: put back where they fit."""
    if len(raw) > REPAIR_UP_TO or raw.shape[1] < 4:
        return raw
    blank = [
        raw[c].isna().to_numpy() | (raw[c].astype(str).str.strip() == "").to_numpy()
        for c in raw.columns[-3:]
    ]
    tail_empty = np.zeros(len(raw), dtype=int)
    for k in (1, 2, 3):
        tail_empty[np.logical_and.reduce(blank[-k:])] = k
    if not tail_empty.any() or (tail_empty == 0).sum() < 5:
        return raw
    complete = raw[tail_empty == 0].head(2000).map(_shape)
    expected = [complete[c][complete[c] != ""].mode() for c in raw.columns]
    expected_shape = [e.iloc[0] if len(e) else "" for e in expected]
    candidates = raw[tail_empty > 0].map(_shape)

    def fits(row_shapes: list[str]) -> float:
        pairs = [
            (have, want)
            for have, want in zip(row_shapes, expected_shape, strict=True)
            if have and want
        ]
        ok = sum(1 for have, want in pairs if have == want or {have, want} == {"whole", "decimal"})
        return ok / len(pairs) if pairs else 1.0

    repaired: list[int] = []
    values = raw.to_numpy(dtype=object, copy=True)
    for position, row_shapes in zip(
        np.flatnonzero(tail_empty), candidates.itertuples(index=False), strict=True
    ):
        row = list(row_shapes)
        if fits(row) >= 0.9:
            continue
        best = (fits(row), 0, 0)
        for k in range(1, tail_empty[position] + 1):
            for gap in range(1, raw.shape[1] - k):
                moved = row[:gap] + [""] * k + row[gap : len(row) - k]
                score = fits(moved)
                if score > best[0]:
                    best = (score, k, gap)
        score, k, gap = best
        if k and score >= 0.9:
            cells = list(values[position])
            values[position] = cells[:gap] + [None] * k + cells[gap : len(cells) - k]
            repaired.append(int(position))
    if not repaired:
        return raw
    fixed = pd.DataFrame(values, index=raw.index, columns=raw.columns)
    for column in raw.columns:  # keep the fast types of untouched columns
        if not pd.api.types.is_object_dtype(raw[column]) and not pd.api.types.is_string_dtype(
            raw[column]
        ):
            fixed[column] = pd.to_numeric(fixed[column], errors="coerce")
    rows = listed(p + first_row for p in repaired)
    report.warnings.append(
        _n(
            "{file}: {count:,} row had cells slid to the left (a column missing in the middle) "
            "and was put back where their values fit: row {rows}.",
            "{file}: {count:,} rows had cells slid to the left (a column missing in the middle) "
            "and were put back where their values fit: rows {rows}.",
            len(repaired),
            file=report.file,
            count=len(repaired),
            rows=rows,
        )
    )
    return fixed


def _engagements_from_parts(
    raw: pd.DataFrame, columns: dict[str, pd.Series], report: ImportReport
) -> None:
    """Engagements are reactions, comments, shares and saves: a file that counts them in
    separate columns, and has no engagements column, gets their sum."""
    parts = [h for h in raw.columns if normalise_header(h) in ENGAGEMENT_PARTS]
    if len(parts) < 2:
        return
    counts = [parse_numbers(raw[h])[0] for h in parts]
    columns["engagements"] = pd.concat(counts, axis=1).sum(axis=1, min_count=1)
    for header in parts:
        report.column_map[header] = _("engagements (added up)")
    report.ignored_columns = [h for h in report.ignored_columns if h not in parts]


def _utm_from_links(
    raw: pd.DataFrame,
    columns: dict[str, pd.Series],
    report: ImportReport,
    overrides: Mapping[str, str],
) -> None:
    """A column of the links people clicked ("Landing page", "Final URL") fills the utm_*
    columns from the links' utm tags, where the file has no such column of its own (its own
    column wins, whole). The first such column whose links have tags is used."""
    wanted = [c for c in DIMENSIONS if c.startswith("utm_") and c not in columns]
    if not wanted:
        return
    headers = {normalise_header(h): h for h in report.ignored_columns if overrides.get(h) != ""}
    for header in (headers[name] for name in URL_COLUMNS if name in headers):
        tags = utm_columns(raw[header])[wanted].dropna(axis=1, how="all")
        if tags.columns.empty:
            continue
        columns.update({column: tags[column] for column in tags.columns})
        report.column_map[header] = _(
            "{columns} (read from its links' tags)", columns=" / ".join(tags.columns)
        )
        report.ignored_columns.remove(header)
        return


def _drop_description_row(
    raw: pd.DataFrame, mapping: dict[str, str], first_row: int, report: ImportReport
) -> tuple[pd.DataFrame, int]:
    """A second header row (Facebook Insights describes every column under its name) is
    not data: drop it and say so."""
    if raw.empty:
        return raw, first_row
    measures = [header for header, column in mapping.items() if column in MEASURES]
    cells = [raw[header].iloc[0] for header in measures]
    texts = [c for c in cells if isinstance(c, str) and c.strip()]
    numbers = [c for c in texts if number_from_text(c) is not None]
    if len(texts) == len(cells) and not numbers and any(len(t) > 15 for t in texts):
        report.warnings.append(
            _(
                "{file}: row {row} describes the columns (a second header row); it is not "
                "read as data.",
                file=report.file,
                row=first_row,
            )
        )
        return raw.iloc[1:], first_row + 1
    return raw, first_row


def _totals_rows(raw: pd.DataFrame, mapping: dict[str, str]) -> pd.Series:
    """Rows that add up other rows: their first filled cell says "Total: Account", "Totalt",
    "Grand total" (a "Total" further right, such as a lifetime budget type, is data)."""
    found = pd.Series(False, index=raw.index)
    seen = pd.Series(False, index=raw.index)
    scan_all = len(raw) <= SCAN_ALL_TEXT_UP_TO
    labels = {h for h, c in mapping.items() if c in (*LABELS, *DIMENSIONS)}
    for header in raw.columns:
        values = raw[header]
        filled = values.notna()
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            if scan_all or header in labels:
                total = map_unique(values, lambda v: isinstance(v, str) and bool(TOTALS.match(v)))
                found |= ~seen & total.astype(bool)
            filled &= ~blank_cells(values) if scan_all else filled
        seen |= filled
        if seen.all():
            break
    return found


def _unlabelled_sum_rows(columns: dict[str, pd.Series], measures: pd.DataFrame) -> pd.Series:
    """A first or last row with no name whose numbers are the sum of all the other rows
    (GA4 puts its "Grand total" there, with the label in a cell past the last column)."""
    found = pd.Series(False, index=measures.index)
    labels = [columns[c] for c in (*LABELS, *DIMENSIONS) if c in columns]
    if not labels or len(measures) < 3 or measures.empty:
        return found
    unnamed = pd.concat(labels, axis=1).isna().all(axis=1)
    for position in {0, len(measures) - 1}:
        if not unnamed.iloc[position]:
            continue
        row = measures.iloc[position]
        rest = measures.drop(index=measures.index[position]).sum()
        filled = row.notna() & (row != 0)
        if filled.any() and np.allclose(row[filled], rest[filled], rtol=1e-6, atol=0.01):
            found.iloc[position] = True
    return found


def _currency(name: str, raw: pd.DataFrame, mapping: Mapping[str, str]) -> str | None:
    """The file's currency, from all of its values: a currency column ("Currency code"), else
    the headers of its money columns ("Amount spent (INR)"), else the symbols or codes in its
    money cells ("£1,164.09", "1 234,50 NOK"). A file that names two cannot be added up."""
    money = [header for header, column in mapping.items() if column in MONEY_MEASURES]
    sources: list[tuple[str, set[str]]] = [
        (str(header), currencies_in_column(raw[header]))
        for header in raw.columns
        if normalise_header(header) in CURRENCY_COLUMNS
    ]
    sources.append((", ".join(map(str, money)), currencies_in_headers(money)))
    sources += [(str(header), currencies_in_cells(raw[header])) for header in money]
    for column, codes in sources:
        if len(codes) > 1:
            raise InputFileError(
                name,
                _(
                    "the file mixes currencies ({currencies}) in column {column}, and "
                    "amounts in different currencies cannot be added up; export one "
                    "currency per file.",
                    currencies=", ".join(sorted(codes)),
                    column=column,
                ),
            )
        if codes:
            return codes.pop()
    return None


def _results_by_indicator(
    raw: pd.DataFrame, columns: dict[str, pd.Series], report: ImportReport
) -> None:
    """Meta's "Results" column holds leads, purchases or conversations by its "Result
    indicator": read it as leads or sales where the export has no such column of its own."""
    normalised = {normalise_header(h): h for h in raw.columns}
    results = next((normalised[n] for n in RESULT_COLUMNS if n in normalised), None)
    indicator = next((normalised[n] for n in RESULT_INDICATORS if n in normalised), None)
    if results is not None and indicator is None and not {"leads", "conversions"} & set(columns):
        report.warnings.append(
            _(
                "{file}: column {column} counts each campaign's own result (leads, sales or "
                "something else) and the file does not say which, so it is not used; if they "
                "are leads or sales, choose that for it on the Data page.",
                file=report.file,
                column=repr(results),
            )
        )
    if results is None or indicator is None:
        return
    counts, _bad, _mark = parse_numbers(raw[results])
    kind = raw[indicator].astype("object").fillna("").astype(str).str.lower()
    used = []
    for column, words in (
        ("leads", r"lead|messaging_conversation|contact"),
        ("conversions", r"purchase"),
    ):
        if column in columns:
            continue
        matches = kind.str.contains(words)
        if matches.any():
            columns[column] = counts.where(matches)
            used.append(column)
    if used:
        report.column_map[results] = _(
            "{columns} (by {indicator})", columns=" / ".join(used), indicator=indicator
        )
        report.column_map[indicator] = _("(tells what each result is)")
        report.ignored_columns = [
            h for h in report.ignored_columns if h not in (results, indicator)
        ]


def _excluded_rows(problems: list[tuple[str, pd.Series]], first_row: int) -> pd.DataFrame:
    """Each bad row once, with the first problem found in it, numbered as in the spreadsheet."""
    rows: list[np.ndarray] = []
    reasons: list[str] = []  # Messages, kept as objects in the reason column
    seen = np.zeros(len(problems[0][1]) if problems else 0, dtype=bool)
    for reason, bad in problems:
        new = bad.to_numpy(dtype=bool) & ~seen
        if new.any():
            positions = np.flatnonzero(new)
            rows.append(positions)
            reasons += [reason] * len(positions)
            seen |= new
    if not rows:
        return pd.DataFrame({"row": pd.Series(dtype="int64"), "reason": pd.Series(dtype="object")})
    positions = np.concatenate(rows)
    order = np.argsort(positions, kind="stable")
    return pd.DataFrame(
        {
            "row": (positions[order] + first_row).astype("int64"),
            # object, not str: pandas would turn the Messages into plain str
            "reason": pd.Series(np.array(reasons, dtype=object)[order], dtype=object),
        }
    )


def _categorical_unique(values: pd.Series, func: Callable[[Any], str | None]) -> pd.Series:
    """Like _map_unique, straight to a categorical column (None becomes missing)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = [func(u) for u in uniques]
    new_codes, categories = pd.factorize(pd.Series([*mapped, func(None)], dtype=object))
    return pd.Series(
        pd.Categorical.from_codes(new_codes[codes], categories=pd.Index(categories, dtype=object)),
        index=values.index,
    )


def _parse_paid(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean"), pd.Series(False, index=values.index)
    words = values.astype(str).str.strip().str.lower()
    blank = blank_cells(values)
    paid = pd.Series(pd.NA, index=values.index, dtype="boolean")
    paid[words.isin(TRUE_WORDS)] = True
    paid[words.isin(FALSE_WORDS)] = False
    return paid, paid.isna() & ~blank


def _text_or_none(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id Excel stored as a number: 12345.0 -> "12345"
    text = str(value).strip()
    return text or None


def _clean_text(values: pd.Series) -> pd.Series:
    """Text cells stripped; empty ones missing."""
    return _categorical_unique(values, _text_or_none)


def _platform_name(value: Any) -> str:
    text = _text_or_none(value)
    if text is None:
        return "other"
    return PLATFORM_ALIASES.get(text.lower(), text.lower())


FILE_NAME_PLATFORMS: dict[str, str] = {
    "google": "google",
    "adwords": "google",
    "meta": "facebook",
    "facebook": "facebook",
    "instagram": "instagram",
    "linkedin": "linkedin",
    "tiktok": "tiktok",
    "twitter": "x",
    "microsoft": "microsoft",
    "bing": "microsoft",
    "pinterest": "pinterest",
    "snapchat": "snapchat",
    "youtube": "youtube",
    "reddit": "reddit",
}


def _platform_from_file_name(name: str) -> str | None:
    """The one platform a file name names ("Meta Ads.csv" -> facebook), if it names one."""
    words = re.findall(r"[a-z]+", name.rsplit("/", 1)[-1].lower())
    found = {FILE_NAME_PLATFORMS[w] for w in words if w in FILE_NAME_PLATFORMS}
    return found.pop() if len(found) == 1 else None


def _normalise_platform(values: pd.Series) -> pd.Series:
    """Platform names in lower case, with common aliases (fb, ig, twitter) resolved."""
    return _categorical_unique(values, _platform_name)
