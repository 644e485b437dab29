"""Files in, one canonical table out, with a report of every row that was not used.

This reads canonical CSV and Excel files (docs/METRICS.md section 1), with headers
matched by normalised name and a few common synonyms. Every row read is either
in the table or listed in the file's ImportReport with its reason. A file that
cannot be read raises InputFileError with one sentence naming the file.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from smroi.canonical import COUNTS, DATES, DIMENSIONS, LABELS, MEASURES, SOURCE, conform
from smroi.canonical import empty_table as _empty_table
from smroi.errors import InputFileError
from smroi.formatting import plural

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 2_000_000
MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_XLSX_RATIO = 150  # zip members that expand more than this are a "zip bomb"
PLACEHOLDERS = frozenset({"", "-", "--", "–", "—", "na", "n/a", "nan", "none", "null"})

# Normalised header -> canonical column. Canonical names map to themselves.
SYNONYMS: dict[str, str] = {
    "day": "date",
    "reporting_starts": "date",
    "start_date": "date",
    "reporting_ends": "period_end",
    "end_date": "period_end",
    "network": "platform",
    "channel": "platform",
    "source_platform": "platform",
    "campaign_name": "campaign",
    "ad_name": "element",
    "post": "element",
    "ad": "element",
    "post_id": "element",
    "keyword": "element",
    "amount_spent": "spend",
    "cost": "spend",
    "ad_spend": "spend",
    "link_clicks": "clicks",
    "engagement": "engagements",
    "post_engagements": "engagements",
    "video_plays": "video_views",
    "new_followers": "followers_gained",
    "follows": "followers_gained",
    "purchases": "conversions",
    "sales": "conversions",
    "orders": "conversions",
    "purchases_conversion_value": "revenue",
    "conversion_value": "revenue",
    "sales_value": "revenue",
    "commission": "commissions",
    "coupon": "coupon_code",
    "discount_code": "coupon_code",
    "is_paid": "paid",
    "paid_or_organic": "paid",
    "type": "paid",
}
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
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def rows_excluded(self) -> int:
        """How many rows were read but not used."""
        return len(self.excluded)

    def summary(self) -> list[str]:
        """The report as plain sentences (the CLI's warnings; the Data page's notes)."""
        if self.error:
            return [self.error]
        lines = list(self.warnings)
        if self.ignored_columns:
            lines.append(f"{self.file}: columns not used: {', '.join(self.ignored_columns)}.")
        for reason, group in self.excluded.groupby("reason", sort=False):
            rows = group["row"].tolist()
            shown = ", ".join(str(r) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
            lines.append(
                f"{self.file}: {plural(len(rows), 'row')} left out ({reason}): "
                f"{'row' if len(rows) == 1 else 'rows'} {shown}."
            )
        return lines


def empty_table() -> pd.DataFrame:
    """The canonical table with no rows (what the app holds before any upload)."""
    return _empty_table()


def read_file(name: str, data: bytes) -> tuple[pd.DataFrame, ImportReport]:
    """One uploaded file as canonical rows and its import report; InputFileError if unreadable."""
    if not data:
        raise InputFileError(name, "the file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(
            name,
            f"the file is {len(data) / 1e6:,.0f} MB; the limit is "
            f"{MAX_FILE_BYTES / 1e6:,.0f} MB. Export a shorter period or fewer columns.",
        )
    raw = _read_spreadsheet(name, data)
    return _to_canonical(name, raw)


def load_files(files: list[tuple[str, bytes]]) -> tuple[pd.DataFrame, list[ImportReport]]:
    """All files as one canonical table; a file that cannot be read is reported, not fatal."""
    tables: list[pd.DataFrame] = []
    reports: list[ImportReport] = []
    for name, data in files:
        try:
            table, report = read_file(name, data)
        except InputFileError as exc:
            reports.append(ImportReport(file=name, error=str(exc)))
            continue
        tables.append(table)
        reports.append(report)
    if not tables:
        return empty_table(), reports
    combined = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    return conform(combined), reports


# ---------------------------------------------------------------- reading bytes


def _read_spreadsheet(name: str, data: bytes) -> pd.DataFrame:
    """The file's first table as text cells, header row included as column names."""
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(name, data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _read_excel(name, data, "an old .xls file or a password-protected workbook")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(name, "this is not a spreadsheet (CSV or Excel) file.")
    return _read_csv(name, data)


def _read_xlsx(name: str, data: bytes) -> pd.DataFrame:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "xl/workbook.xml" not in names:
                raise InputFileError(name, "this zip file is not an Excel workbook (.xlsx).")
            expanded = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
    except zipfile.BadZipFile:
        raise InputFileError(
            name, "the Excel file is damaged (not a valid .xlsx archive)."
        ) from None
    if expanded > MAX_XLSX_UNCOMPRESSED or (expanded > 50e6 and expanded / packed > MAX_XLSX_RATIO):
        raise InputFileError(
            name, f"the workbook expands to {expanded / 1e6:,.0f} MB, too large to open safely."
        )
    return _read_excel(name, data, "a damaged Excel file")


def _read_excel(name: str, data: bytes, what: str) -> pd.DataFrame:
    try:
        sheets = pd.read_excel(
            io.BytesIO(data), sheet_name=None, engine="calamine", header=None, dtype=object
        )
    except Exception as exc:  # calamine raises many types for damaged or locked files
        raise InputFileError(
            name, f"could not open it as Excel: it looks like {what} ({type(exc).__name__})."
        ) from None
    for frame in sheets.values():
        filled = frame.notna().any(axis=1).to_numpy()
        if filled.any():
            return _table_below_header(name, frame, filled)
    raise InputFileError(name, "the workbook has no rows of data.")


def _table_below_header(name: str, frame: pd.DataFrame, filled: np.ndarray) -> pd.DataFrame:
    """The first filled row is the header; the rows below it, up to the last filled one."""
    header_at = int(np.argmax(filled))
    last = len(filled) - int(np.argmax(filled[::-1]))
    header = [str(value).strip() if pd.notna(value) else "" for value in frame.iloc[header_at]]
    body = frame.iloc[header_at + 1 : last].reset_index(drop=True)
    body.columns = _unique(header)
    body = body.loc[
        :, [bool(h) or body[c].notna().any() for h, c in zip(header, body.columns, strict=True)]
    ]
    body.attrs["first_row"] = header_at + 2  # spreadsheet row of the first data row
    if body.empty:
        raise InputFileError(name, "the sheet has a header but no rows of data.")
    return body


def _encoding(name: str, data: bytes) -> str:
    """The file's text encoding: UTF-16 by its BOM, else UTF-8 if it decodes, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # a character cut off at the very end
            return "utf-8-sig"
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputFileError(
                name, "the text encoding is not UTF-8, UTF-16 or Windows-1252."
            ) from None
        return "cp1252"
    return "utf-8-sig"


def _read_csv(name: str, data: bytes) -> pd.DataFrame:
    encoding = _encoding(name, data)
    sample = data[:40000].decode(encoding, errors="ignore")
    if not sample.strip():
        raise InputFileError(name, "the file is empty.")
    try:
        delimiter = csv.Sniffer().sniff(sample[:20000], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    try:
        headers = pd.read_csv(io.StringIO(sample), sep=delimiter, nrows=0).columns
        # Measures are parsed by pandas' fast path; every other column stays text
        # (a 19-digit post id must not become a float).
        mapping, _ = map_columns([str(h).strip() for h in headers])
        text_columns = {h: str for h in headers if mapping.get(str(h).strip()) not in MEASURES}
        frame = pd.read_csv(
            io.BytesIO(data),
            encoding=encoding,
            sep=delimiter,
            dtype=text_columns,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputFileError(
            name, f"this is not a readable CSV table ({' '.join(str(exc).split())})."
        ) from None
    if frame.empty:
        raise InputFileError(name, "the file has a header but no rows of data.")
    frame.columns = _unique([str(column).strip() for column in frame.columns])
    frame.attrs["first_row"] = 2
    return frame


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for index, name in enumerate(names):
        name = name or f"column {index + 1}"
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result


# ---------------------------------------------------------------- to canonical


def normalise_header(header: str) -> str:
    """'Amount spent (USD)' -> 'amount_spent'; lower case, words joined by underscores."""
    text = re.sub(r"\([^)]*\)", " ", str(header)).strip().lower()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def map_columns(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    """Which source header fills which canonical column, and the headers not used."""
    canonical = set(("date", "period_end", "paid", *LABELS, *MEASURES, *DIMENSIONS))
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    ignored: list[str] = []
    for header in headers:
        key = normalise_header(header)
        target = key if key in canonical else SYNONYMS.get(key)
        if target is None or target in taken:
            ignored.append(header)
            continue
        mapping[header] = target
        taken.add(target)
    return mapping, ignored


def _currency_from_headers(headers: list[str]) -> str | None:
    for header in headers:
        match = re.search(r"\(([A-Z]{3})\)", str(header))
        if match:
            return match.group(1)
    return None


def _to_canonical(name: str, raw: pd.DataFrame) -> tuple[pd.DataFrame, ImportReport]:
    report = ImportReport(file=name, rows_read=len(raw))
    if len(raw) > MAX_ROWS:
        raise InputFileError(name, f"the file has {len(raw):,} rows; the limit is {MAX_ROWS:,}.")
    mapping, ignored = map_columns(list(raw.columns))
    report.column_map, report.ignored_columns = mapping, ignored
    report.currency = _currency_from_headers(list(raw.columns))
    if not any(target in MEASURES for target in mapping.values()):
        raise InputFileError(
            name,
            "none of its columns is a number smroi knows (such as spend, impressions, "
            "clicks, leads, conversions or revenue); check that the first row holds the "
            "column names.",
        )
    first_row = int(raw.attrs.get("first_row", 2))
    source = pd.DataFrame(
        {target: raw[header] for header, target in mapping.items()}, index=raw.index
    )
    problems: list[tuple[str, pd.Series]] = []  # (reason, rows it applies to), in order
    columns: dict[str, pd.Series] = {}

    for column in source.columns:
        values = source[column]
        if column in MEASURES:
            parsed, bad = _parse_numbers(values)
            if column in COUNTS:
                bad |= parsed < 0
            columns[column] = parsed
            problems.append((f"not a number in column {column}", bad))
        elif column in DATES:
            parsed, bad = _parse_dates(values)
            columns[column] = parsed
            problems.append((f"not a date in column {column}", bad))
        elif column == "paid":
            parsed, bad = _parse_paid(values)
            columns[column] = parsed
            problems.append(("paid is not true/false or paid/organic", bad))
        else:
            columns[column] = _clean_text(values)

    measures = pd.DataFrame({c: columns[c] for c in columns if c in MEASURES})
    problems.append(("no numbers in the row", measures.isna().all(axis=1)))
    report.excluded = _excluded_rows(problems, first_row)
    keep = np.ones(len(source), dtype=bool)
    keep[report.excluded["row"].to_numpy() - first_row] = False

    table = pd.DataFrame(columns, index=source.index)[keep]
    if "platform" in table:
        table["platform"] = _normalise_platform(table["platform"])
    else:
        table["platform"] = "other"
        report.warnings.append(f"{name}: no platform column, so its rows are counted as 'other'.")
    table[SOURCE] = name
    table = conform(table.reset_index(drop=True))
    report.rows_used = len(table)
    report.platforms = sorted(str(p) for p in table["platform"].dropna().unique())
    return table, report


def _excluded_rows(problems: list[tuple[str, pd.Series]], first_row: int) -> pd.DataFrame:
    """Each bad row once, with the first problem found in it, numbered as in the spreadsheet."""
    rows: list[np.ndarray] = []
    reasons: list[str] = []
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
            "reason": np.array(reasons, dtype=object)[order],
        }
    )


def _blank(values: pd.Series) -> pd.Series:
    """Cells that hold nothing: empty, or a placeholder such as '--' or 'N/A'."""
    return _map_unique(values, lambda v: str(v).strip().lower() in PLACEHOLDERS).astype(bool)


def _map_unique(values: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
    """func applied once per distinct value (fast on long columns of repeated text)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(u) for u in uniques]
    mapped[-1] = func(None)
    return pd.Series(mapped[codes], index=values.index)


def _categorical_unique(values: pd.Series, func: Callable[[Any], str | None]) -> pd.Series:
    """Like _map_unique, straight to a categorical column (None becomes missing)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = [func(u) for u in uniques]
    new_codes, categories = pd.factorize(pd.Series([*mapped, func(None)], dtype=object))
    return pd.Series(
        pd.Categorical.from_codes(new_codes[codes], categories=pd.Index(categories, dtype=object)),
        index=values.index,
    )


def _parse_numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers from cells; blank and placeholders are missing; anything else unparsable is bad."""
    if pd.api.types.is_numeric_dtype(values):
        parsed = values.astype("float64")
        infinite = np.isinf(parsed)
        return parsed.mask(infinite), infinite
    parsed = pd.to_numeric(values, errors="coerce")
    blank = parsed.isna()
    blank[blank] = _blank(values[blank])
    unparsed = parsed.isna() & ~blank
    if unparsed.any():
        cleaned = (
            values[unparsed]
            .astype(str)
            .str.replace(r"[\s\u00a0$€£¥₹%]|kr|US", "", regex=True)
            .str.replace(",", "", regex=False)
        )
        parsed[unparsed] = pd.to_numeric(cleaned, errors="coerce")
    parsed = parsed.astype("float64")
    infinite = np.isinf(parsed)
    return parsed.mask(infinite), (parsed.isna() & ~blank) | infinite


def _parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    blank = _blank(values)
    if pd.api.types.is_datetime64_any_dtype(values):
        return values, pd.Series(False, index=values.index)
    if pd.api.types.is_string_dtype(values):  # a CSV column: all text, no serial numbers
        is_number = pd.Series(False, index=values.index)
        text = values.where(~blank)
    else:
        is_number = (
            _map_unique(
                values, lambda v: isinstance(v, int | float | np.number) and not isinstance(v, bool)
            ).astype(bool)
            & ~blank
        )
        text = values.where(~blank & ~is_number).astype(object)
        text = text.where(text.isna(), text.astype(str))
    parsed = pd.to_datetime(text, errors="coerce", format="ISO8601").astype("datetime64[ns]")
    if is_number.any():  # Excel serial day numbers (dates in a "General" column)
        serial = pd.to_numeric(values[is_number], errors="coerce")
        parsed[is_number] = pd.to_datetime(
            serial, unit="D", origin="1899-12-30", errors="coerce"
        ).astype("datetime64[ns]")
    retry = parsed.isna() & ~blank & ~is_number
    if retry.any():
        parsed[retry] = pd.to_datetime(text[retry], errors="coerce", format="mixed").astype(
            "datetime64[ns]"
        )
    return parsed, parsed.isna() & ~blank


def _parse_paid(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean"), pd.Series(False, index=values.index)
    words = values.astype(str).str.strip().str.lower()
    blank = _blank(values)
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


def _normalise_platform(values: pd.Series) -> pd.Series:
    """Platform names in lower case, with common aliases (fb, ig, twitter) resolved."""
    return _categorical_unique(values, _platform_name)
