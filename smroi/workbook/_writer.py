"""The workbook's shared parts: sheet names, number formats, _Writer, _Column, _Layout, CSV."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from babel.numbers import get_currency_precision

from smroi.formatting import PREFIX_SYMBOLS, currency_symbol, format_value, is_undefined, unit_label
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator, fill, is_rtl, translate_message
from smroi.i18n import translator as gettext_of
from smroi.registry import METRICS, cost_per_result_label, metric_label
from smroi.settings import Settings
from smroi.workbook.bulk import BulkColumn, BulkRows, number_values, reserve_styles, write_bulk_rows

TITLE = N_("Social media ROI report")
# The app's colours (smroi.charts): return green, cost red.
RETURN_COLOUR = "#2e7d32"
COST_COLOUR = "#c62828"
HEADER_FILL = "#e8eef4"
# Excel's limits: rows per sheet, characters per cell.
MAX_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767
MIN_WIDTH, MAX_WIDTH = 8, 60
# Every sheet's name (English; translated by `sheet_names`), in the workbook's order.
SHEET_NAMES: dict[str, str] = {
    # Translators: the name of a sheet in the Excel report, as are the next ones: at most
    # 31 characters and none of [ ] : * ? / \ (the English name is used otherwise)
    "Summary": N_("Summary"),
    "By platform": N_("By platform"),
    "By campaign": N_("By campaign"),
    "By element": N_("By element"),
    "Over time": N_("Over time"),
    "Earned media": N_("Earned media"),
    "Funnel": N_("Funnel"),
    "Goals": N_("Goals"),
    "Data": N_("Data"),
    "Import report": N_("Import report"),
}
SHEET_NAME_MAX = 31  # Excel's limit
SHEET_NAME_FORBIDDEN = frozenset("[]:*?/\\")
# A first character that makes a spreadsheet read text as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# How the trend chart labels a period.
AXIS_DATES = {
    "day": "d mmm yyyy",
    "week": "d mmm yyyy",
    "month": "mmm yyyy",
    "quarter": "mmm yyyy",
    "year": "yyyy",
}
# ... in the other languages: Norwegian month names ([$-414] is Excel's nb-NO locale) and,
# in Persian, numbers only (a Persian locale code could switch Excel to another calendar).
AXIS_DATES_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "en": AXIS_DATES,
    "nb": {
        "day": "[$-414]d. mmm yyyy",
        "week": "[$-414]d. mmm yyyy",
        "month": "[$-414]mmm yyyy",
        "quarter": "[$-414]mmm yyyy",
        "year": "yyyy",
    },
    "fa": {
        "day": "yyyy-mm-dd",
        "week": "yyyy-mm-dd",
        "month": "yyyy-mm",
        "quarter": "yyyy-mm",
        "year": "yyyy",
    },
}
PERIOD_STARTING: dict[str, str] = {  # a column title
    "day": N_("Day starting"),
    "week": N_("Week starting"),
    "month": N_("Month starting"),
    "quarter": N_("Quarter starting"),
    "year": N_("Year starting"),
}
LEVEL_NAMES: dict[str, str] = {  # smroi.cost_per_result.LEVEL_LABELS, translatable
    "platform": N_("Platform"),
    "campaign": N_("Campaign"),
    "element": N_("Post / ad"),
}
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")


def escape_formula_text(value: str) -> str:
    """Text that no spreadsheet runs as a formula, for a CSV cell.

    A cell starting with =, +, -, @, a tab or a carriage return gets a leading single
    quote (OWASP's advice against CSV injection); anything else is returned unchanged.
    In an .xlsx file, write the text as a string cell instead (report_workbook does).
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def table_csv(frame: pd.DataFrame) -> bytes:
    """A table as a CSV file for a spreadsheet.

    UTF-8 with a byte-order mark (so Excel reads "kr", accents and Persian names right),
    undefined numbers (NaN, inf) as empty fields, dates as 2026-01-31, and every text field
    and header passed through `escape_formula_text`. Numbers are left as they are: a
    number cannot hold a formula.
    """
    out = []
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if pd.api.types.is_float_dtype(values):
            values = values.where(np.isfinite(values.astype("float64")))
        elif not (
            pd.api.types.is_bool_dtype(values)
            or pd.api.types.is_numeric_dtype(values)
            or pd.api.types.is_datetime64_any_dtype(values)
        ):
            values = pd.Series(
                [
                    None if _missing(value) else escape_formula_text(str(value))
                    for value in values.astype(object).tolist()
                ],
                index=values.index,
                dtype=object,
            )
        out.append(values.rename(position))
    table = pd.concat(out, axis=1) if out else pd.DataFrame(index=frame.index)
    table.columns = [escape_formula_text(str(column)) for column in frame.columns]
    return table.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig")


def _missing(value: Any) -> bool:
    """True for a missing value in a text column (None, NaN, NaT, pd.NA)."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- number formats


def money_format(currency: str, *, lang: str = DEFAULT_LANGUAGE) -> str:
    """An Excel number format that shows money as the app does: '"$"#,##0.00', '#,##0.00 "kr"'.

    In nb and fa, the language's symbol after the amount and the currency's own decimals,
    as smroi.formatting.format_money writes them: '#,##0.00 "USD"' in nb, '#,##0 "ریال"'
    for IRR in fa. (Excel shows the group and decimal separators of the reader's system.)
    """
    symbol = currency_symbol(currency, lang=lang).replace('"', "")
    if lang == DEFAULT_LANGUAGE:
        if currency in PREFIX_SYMBOLS:
            return f'"{symbol}"#,##0.00'
        return f'#,##0.00 "{symbol}"'
    places = get_currency_precision(currency)
    return "#,##0" + ("." + "0" * places if places else "") + f' "{symbol}"'


def number_format(unit: str, currency: str, *, lang: str = DEFAULT_LANGUAGE) -> str:
    """The Excel number format of a registry unit (see smroi.formatting.format_value); in
    nb a space before the percent sign ("12,5 %") and the language's word for months."""
    percent = " %" if lang == "nb" else "%"
    months = unit_label("months", currency, lang=lang).replace('"', "")
    return {
        "money": money_format(currency, lang=lang),
        "count": "#,##0",
        "percent": f"#,##0.0{percent}",  # the cell holds roi_pct / 100
        "fraction": f"#,##0.00{percent}",
        "multiple": '#,##0.00"x"',
        "months": f'#,##0.0" {months}"',
    }.get(unit, "General")


def sheet_names(lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The sheets' names in a language, keyed by their English names (SHEET_NAMES).

    A translation that Excel would refuse (over 31 characters, one of []:*?/\\, a quote at
    either end, empty, or the same as another sheet's) is replaced by the English name.
    """
    translate = gettext_of(lang)
    names: dict[str, str] = {}
    for key, english in SHEET_NAMES.items():
        name = translate(english).strip()
        taken = {other.casefold() for other in names.values()}
        if (
            not name
            or len(name) > SHEET_NAME_MAX
            or SHEET_NAME_FORBIDDEN & set(name)
            or name.startswith("'")
            or name.endswith("'")
            or name.casefold() in taken
        ):
            name = key
        names[key] = name
    return names


def _cell_number(value: Any, unit: str) -> float | None:
    """The number a cell holds for a metric value: None when undefined, percent / 100."""
    if is_undefined(value):
        return None
    number = float(value)
    return number / 100 if unit == "percent" else number


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class _Column:
    """One column of a table: where its values come from and how they are written."""

    header: str
    source: str  # the frame's column
    kind: str  # "text", "number", "date" or "bool"
    unit: str = ""  # a registry unit for numbers ("money", "percent", ...)


class _Writer:
    """The workbook being written, its formats, and helpers that write tables column-wise."""

    def __init__(
        self, settings: Settings, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
    ) -> None:
        self.lang, self.digits = lang, digits
        self.gettext = gettext_of(lang)  # text in cells
        self.chart_gettext = chart_translator(lang)  # text drawn in charts
        self.names = sheet_names(lang)
        self.buffer = io.BytesIO()
        self.bulk_rows: list[BulkRows] = []  # written by finish(), smroi.workbook.bulk
        self.book = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                # user text stays text: never a formula, a link or a number
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self.currency = settings.currency_code
        # text read right to left in Persian, whatever its first letter (a file name)
        direction = {"reading_order": 2} if is_rtl(lang) else {}

        def add(properties: dict[str, Any]) -> Any:
            return self.book.add_format(properties)

        def add_text(properties: dict[str, Any]) -> Any:
            return add({**properties, **direction})

        self.title = add_text({"bold": True, "font_size": 16})
        self.bold = add_text({"bold": True})
        self.section = add_text({"bold": True, "font_size": 12})
        self.header = add_text(
            {
                "bold": True,
                "bg_color": HEADER_FILL,
                "bottom": 1,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.wrap = add_text({"text_wrap": True, "valign": "top"})
        self.top = add_text({"valign": "top"})
        self.date = add({"num_format": "yyyy-mm-dd", "align": "left", "valign": "top"})
        self.units = {
            unit: add(
                {"num_format": number_format(unit, self.currency, lang=lang), "valign": "top"}
            )
            for unit in ("money", "count", "percent", "fraction", "multiple", "months")
        }
        self.units["general"] = add({"num_format": "General"})

    def sheet(self, key: str) -> Any:
        """A new sheet (its English name `key`, written in the workbook's language) that
        prints landscape, one page wide, and reads right to left in Persian."""
        sheet = self.book.add_worksheet(self.names[key])
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        if is_rtl(self.lang):
            sheet.right_to_left()
        return sheet

    def fill(self, message: str, /, **fields: object) -> str:
        """A translated message with its fields (already formatted) filled in."""
        return fill(message, self.lang, **fields)

    def count(self, value: Any) -> str:
        """A count as text in the workbook's language and digits ('1,234', '1 234', '۱٬۲۳۴')."""
        return format_value(value, "count", lang=self.lang, digits=self.digits)

    def shown(self, value: Any, unit: str) -> str:
        """A number in its unit as text in the workbook's language ('1 234,50 kr')."""
        return format_value(value, unit, self.currency, lang=self.lang, digits=self.digits)

    def core(self, text: object) -> str:
        """Text the core wrote (a smroi.i18n.Message) in the workbook's language; other
        text (a file name) as it is."""
        return translate_message(text, self.lang)

    def axis_dates(self, period: str) -> str:
        """The number format of a chart axis of dates, per period."""
        return AXIS_DATES_BY_LANGUAGE.get(self.lang, AXIS_DATES)[period]

    def freeze_header(self, sheet: Any, header: int, columns: int = 0) -> None:
        """Keep the header row (and the first columns) in view, and print it on every page."""
        sheet.freeze_panes(header + 1, columns)
        sheet.repeat_rows(header)

    def finish(self) -> bytes:
        """The .xlsx file's bytes, with the rows kept for writing in bulk written in."""
        reserve_styles(self.bulk_rows)
        self.book.close()
        return write_bulk_rows(self.buffer.getvalue(), self.bulk_rows)

    # ---- single cells

    def text(self, sheet: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
        """Any value as a text cell (never a formula); None and "" write nothing."""
        if value is None or value == "":
            return
        sheet.write_string(row, col, str(value)[:MAX_CELL_CHARS], fmt or self.top)

    def number(self, sheet: Any, row: int, col: int, value: Any, unit: str) -> None:
        """A number in its unit's format; undefined writes nothing (an empty cell)."""
        number = _cell_number(value, unit)
        if number is not None:
            sheet.write_number(row, col, number, self.units.get(unit, self.units["general"]))

    def day(self, sheet: Any, row: int, col: int, value: date | None) -> None:
        if value is not None:
            sheet.write_number(row, col, float(_excel_days(pd.Series([value]))[0]), self.date)

    # ---- tables

    def table(
        self,
        sheet: Any,
        top: int,
        columns: Sequence[_Column],
        frame: pd.DataFrame,
        widths: dict[int, int] | None = None,
        *,
        bulk: bool = False,
    ) -> int:
        """The frame under a header row at `top`; returns the last row written.

        Written column by column (a 100,000-row sheet would take twice as long cell by
        cell); with `bulk`, its rows are written when the workbook is finished, in bulk
        (smroi.workbook.bulk: the Data sheet's 100,000 rows in about a second, not seven).
        Column widths are collected in `widths` (the longest text, capped).
        """
        rows = min(len(frame), MAX_ROWS - top - 1)
        frame = frame.iloc[:rows]
        widths = {} if widths is None else widths
        cells: list[BulkColumn] = []
        for col, column in enumerate(columns):
            sheet.write_string(top, col, column.header, self.header)
            if bulk:
                width, bulk_column = self._bulk_column(frame[column.source], column)
                cells.append(bulk_column)
            else:
                width = self._write_column(sheet, top + 1, col, frame[column.source], column)
            longest = max(width, max((len(word) for word in column.header.split()), default=0))
            widths[col] = max(widths.get(col, MIN_WIDTH), min(longest + 2, MAX_WIDTH))
        if bulk and rows:
            self.bulk_rows.append(BulkRows(sheet, top + 1, rows, cells))
        return top + rows

    def _bulk_column(self, values: pd.Series, column: _Column) -> tuple[int, BulkColumn]:
        """A column's cells for smroi.workbook.bulk, and its widest text in characters."""
        if column.kind == "date":
            days = _excel_days(values)
            early = pd.to_datetime(values, errors="coerce").notna().to_numpy() & ~np.isfinite(days)
            texts = {
                int(index): pd.Timestamp(values.iloc[index]).date().isoformat()
                for index in np.flatnonzero(early)
            }
            return 10, BulkColumn("date", days, self.date, texts)
        if column.kind == "bool":
            flags = [None if pd.isna(flag) else bool(flag) for flag in values.tolist()]
            return 5, BulkColumn("bool", flags)
        if column.kind == "number":
            numbers = number_values(values)
            kept = numbers[np.isfinite(numbers)]
            width = 0
            if len(kept):
                shown = (self.shown(kept.min(), column.unit), self.shown(kept.max(), column.unit))
                width = max(len(text) for text in shown)
            if column.unit == "percent":
                numbers = numbers / 100  # a true Excel percentage: 35% is 0.35
            style = self.units.get(column.unit, self.units["general"])
            return width, BulkColumn("number", numbers, style)
        if isinstance(values.dtype, pd.CategoricalDtype):
            names = values.cat.categories.map(lambda name: str(name)[:MAX_CELL_CHARS])
            codes = values.cat.codes.to_numpy()
            used = np.unique(codes[codes >= 0])
            widest = max((len(names[code]) for code in used.tolist()), default=0)
            texts = pd.Categorical.from_codes(codes, categories=pd.Index(names).unique())
            if len(texts.categories) != len(names):  # two names the same once cut: as text
                return self._bulk_texts(values.astype(object))
            return widest, BulkColumn("text", texts)
        return self._bulk_texts(values)

    def _bulk_texts(self, values: pd.Series) -> tuple[int, BulkColumn]:
        texts = [
            None
            if value is None or (not isinstance(value, str) and pd.isna(value))
            else str(value)[:MAX_CELL_CHARS]
            for value in values.tolist()
        ]
        widest = max((len(text) for text in texts if text is not None), default=0)
        return widest, BulkColumn("text", texts)

    def _write_column(
        self, sheet: Any, first: int, col: int, values: pd.Series, column: _Column
    ) -> int:
        """Write one column from row `first` down; returns its widest text, in characters."""
        if values.empty:
            return 0
        if column.kind == "date":
            return self._write_dates(sheet, first, col, values)
        if column.kind == "bool":
            present = values.notna().to_numpy()
            rows = (np.flatnonzero(present) + first).tolist()
            write_bool = sheet.write_boolean
            for row, flag in zip(rows, values[present].astype(bool).tolist(), strict=True):
                write_bool(row, col, flag)
            return 5
        if column.kind == "number":
            return self._write_numbers(sheet, first, col, values, column.unit)
        if column.kind == "header only":
            return 0
        return self._write_texts(sheet, first, col, values)

    def _write_numbers(self, sheet: Any, first: int, col: int, values: pd.Series, unit: str) -> int:
        numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        keep = np.isfinite(numbers)
        if not keep.any():
            return 0
        kept = numbers[keep]
        shown = (self.shown(kept.min(), unit), self.shown(kept.max(), unit))
        if unit == "percent":
            kept = kept / 100  # a true Excel percentage: 35% is 0.35
        fmt = self.units.get(unit, self.units["general"])
        write = sheet.write_number
        rows = (np.flatnonzero(keep) + first).tolist()
        for row, number in zip(rows, kept.tolist(), strict=True):
            write(row, col, number, fmt)
        return max(len(text) for text in shown)

    def _write_dates(self, sheet: Any, first: int, col: int, values: pd.Series) -> int:
        days = _excel_days(values)
        write = sheet.write_number
        keep = np.isfinite(days)
        rows = (np.flatnonzero(keep) + first).tolist()
        for row, number in zip(rows, days[keep].tolist(), strict=True):
            write(row, col, number, self.date)
        # a date Excel cannot show (before 1900) is kept as text, not dropped
        early = pd.to_datetime(values, errors="coerce").notna().to_numpy() & ~keep
        for row in (np.flatnonzero(early) + first).tolist():
            when = pd.Timestamp(values.iloc[row - first])
            sheet.write_string(row, col, when.date().isoformat())
        return 10

    def _write_texts(self, sheet: Any, first: int, col: int, values: pd.Series) -> int:
        if isinstance(values.dtype, pd.CategoricalDtype):
            names = [str(name)[:MAX_CELL_CHARS] for name in values.cat.categories]
            codes = values.cat.codes.to_numpy()
            keep = codes >= 0
            rows = (np.flatnonzero(keep) + first).tolist()
            texts = [names[code] for code in codes[keep].tolist()]
            widest = max((len(names[code]) for code in np.unique(codes[keep])), default=0)
        else:
            present = values.notna().to_numpy()
            rows = (np.flatnonzero(present) + first).tolist()
            texts = [str(value)[:MAX_CELL_CHARS] for value in values[present].tolist()]
            widest = max((len(text) for text in texts), default=0)
        write = sheet.write_string  # always a text cell: "=..." stays text
        for row, text in zip(rows, texts, strict=True):
            write(row, col, text)
        return widest

    def set_widths(self, sheet: Any, widths: dict[int, int], wrap: Sequence[int] = ()) -> None:
        for col, width in widths.items():
            sheet.set_column(col, col, width, self.wrap if col in wrap else None)


def _excel_days(values: pd.Series) -> np.ndarray:
    """Dates as Excel serial day numbers (1 = 1 Jan 1900); NaN when missing or before 1900."""
    stamps = pd.to_datetime(pd.Series(values).reset_index(drop=True), errors="coerce")
    days = ((stamps - _EXCEL_EPOCH) / pd.Timedelta(days=1)).to_numpy(
        dtype="float64", na_value=np.nan
    )
    days = np.floor(days)
    days = np.where(days < 61, days - 1, days)  # Excel counts a 29 February 1900
    return np.where(days >= 1, days, np.nan)


def _metric_columns(
    frame: pd.DataFrame, settings: Settings, lang: str = DEFAULT_LANGUAGE
) -> list[_Column]:
    """Every registry metric the frame has, in the registry's order, named in `lang`."""
    columns = []
    for key, metric in METRICS.items():
        if key not in frame or key == "months":
            continue
        columns.append(_Column(_metric_name(key, settings, lang), key, "number", metric.unit))
    return columns


def _metric_name(key: str, settings: Settings, lang: str) -> str:
    """A metric's name in `lang`; cost per result is named after the objective."""
    if key == "cost_per_result":
        return cost_per_result_label(settings.objective, lang)
    return metric_label(key, lang)


def _column_index(columns: Sequence[_Column], source: str) -> int:
    return next(i for i, column in enumerate(columns) if column.source == source)


# ---------------------------------------------------------------- sheets of several tables


@dataclass
class _Layout:
    """A sheet of headings, sentences and small tables, written from the top down.

    Column widths and the heights of wrapped rows depend on every table of the sheet, so
    `finish` sets them at the end: sentences are merged across the tables' columns and
    wrapped, header rows get the height their wrapped headers need.
    """

    writer: _Writer
    sheet: Any
    row: int = 0
    widths: dict[int, int] = field(default_factory=dict)
    headers: list[tuple[int, list[str]]] = field(default_factory=list)
    sentences: list[tuple[int, str]] = field(default_factory=list)

    def heading(self, text: str, fmt: Any = None) -> None:
        """A short heading on its own row, then a row further down."""
        self.writer.text(self.sheet, self.row, 0, text, fmt or self.writer.section)
        self.row += 1

    def sentence(self, text: str) -> None:
        """A sentence on its own row (wrapped across the tables' columns by `finish`)."""
        self.sentences.append((self.row, text))
        self.row += 1

    def gap(self, rows: int = 1) -> None:
        self.row += rows

    def table(self, columns: Sequence[_Column], frame: pd.DataFrame, name: str) -> tuple[int, int]:
        """The frame as an Excel table (its own filter buttons) from the current row; returns
        the header row and the last row written, and moves below the table."""
        top = self.row
        last = self.writer.table(self.sheet, top, columns, frame, self.widths)
        return self._close(top, last, [column.header for column in columns], name)

    def cells(self, headers: list[str], rows: list[list[tuple[Any, str]]], name: str) -> int:
        """A table whose units change from row to row: each cell a (value, unit) pair, unit
        "" for text. Returns the header row."""
        writer, sheet, top = self.writer, self.sheet, self.row
        for col, header in enumerate(headers):
            sheet.write_string(top, col, header, writer.header)
            longest = max((len(word) for word in header.split()), default=0)
            self._widen(col, longest)
        for offset, cells in enumerate(rows, start=1):
            for col, (value, unit) in enumerate(cells):
                if unit:
                    writer.number(sheet, top + offset, col, value, unit)
                    shown = "" if is_undefined(value) else writer.shown(value, unit)
                else:
                    writer.text(sheet, top + offset, col, value)
                    shown = "" if value is None else str(value)
                self._widen(col, len(shown))
        self._close(top, top + len(rows), headers, name)
        return top

    def _widen(self, col: int, characters: int) -> None:
        self.widths[col] = max(self.widths.get(col, MIN_WIDTH), min(characters + 2, MAX_WIDTH))

    def _close(self, top: int, last: int, headers: list[str], name: str) -> tuple[int, int]:
        columns = [_Column(header, header, "text") for header in headers]
        _as_excel_table(self.sheet, top, last, columns, name, self.writer.header)
        self.headers.append((top, headers))
        self.row = max(last, top + 1) + 2  # an empty table still has one (blank) row
        return top, last

    def finish(self) -> None:
        """Set column widths, wrap sentences across the tables' columns, size wrapped rows."""
        writer, sheet = self.writer, self.sheet
        if not self.widths:
            self.widths[0] = MAX_WIDTH
        writer.set_widths(sheet, self.widths)
        span = max(self.widths) + 1
        across = sum(self.widths.get(col, MIN_WIDTH) for col in range(span))
        for row, text in self.sentences:
            if span > 1:
                sheet.merge_range(row, 0, row, span - 1, "", writer.wrap)
            sheet.write_string(row, 0, text[:MAX_CELL_CHARS], writer.wrap)
            lines = math.ceil(len(text) / max(across - 2, 1))
            if lines > 1:
                sheet.set_row(row, 15 * lines)
        for row, headers in self.headers:
            lines = max(
                math.ceil(len(header) / max(self.widths.get(col, MIN_WIDTH) - 2, 1))
                for col, header in enumerate(headers)
            )
            sheet.set_row(row, 15 * max(lines, 1))


def _axis_format(unit: str, currency: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A chart axis's number format: the cells' format without the decimals."""
    percent = " %" if lang == "nb" else "%"
    return {
        "money": money_format(currency, lang=lang).replace(".00", ""),
        "count": "#,##0",
        "percent": f"0{percent}",
        "fraction": f"0.0{percent}",
        "multiple": '0.0"x"',
    }.get(unit, "General")


def _as_excel_table(
    sheet: Any, top: int, last: int, columns: Sequence[_Column], name: str, header_format: Any
) -> None:
    """An Excel table over written cells: its own filter buttons and banded rows."""
    sheet.add_table(
        top,
        0,
        max(last, top + 1),
        len(columns) - 1,
        {
            "name": name,
            "columns": [
                {"header": column.header, "header_format": header_format} for column in columns
            ],
            "style": "Table Style Light 9",
            "autofilter": True,
        },
    )
