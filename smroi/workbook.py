"""The Excel report: the dashboard's numbers in one workbook, with native Excel charts.

    report_workbook(table, reports, settings, start=..., end=..., platforms=..., period="week")

returns the bytes of an .xlsx file with the sheets Summary, By platform, By campaign, By
element, Over time, Earned media (the value ledger), Funnel (the funnel's steps, by
platform and by audience segment), Goals (each goal per period, this period against the
one before, and the platforms ranked), Data and Import report. Every
number comes from smroi.metrics (docs/METRICS.md) and is written as a number, with a
number format that shows it as the app does: money with the currency's symbol, ROI and
rates as percentages, ROAS as "3.20x". ROI is stored as a true Excel percentage (35% is
the number 0.35), so that a formula or a chart over the cell works. An undefined value
(a cost per lead with no leads) is an empty cell, never 0.

Text from the user's files (campaign and post names, file names, reasons) is always
written as a text cell, so no spreadsheet runs "=HYPERLINK(...)" as a formula.
`escape_formula_text` does the same job for CSV files, where a cell has no type.

Written with xlsxwriter, column by column: with a 100,000-row Data sheet the whole
workbook takes about 8 s on a 2-core machine (bench/bench_export.py; budget 10 s). The
sheets of campaigns and posts list at most MAX_GROUP_ROWS each, the highest cost first,
so that a search-term report of 100,000 terms stays in budget; the Data sheet has every
row. This module never imports streamlit.

`lang="nb"` or `"fa"` writes the workbook in Norwegian or Persian: sheet names, column
titles (metric names from smroi.registry), headings, notes, chart titles and the import
report's reasons, with sentences' numbers written by smroi.formatting (`digits`). Number
formats show the language's currency symbol after the amount ('#,##0.00 "kr"'); Excel
itself shows the separators of the reader's system. Dates stay real dates. Persian sheets
read right to left. The Data sheet keeps the canonical column names in every language, so
that it reads back into smroi as it is. English (the default) is written as it always was.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from babel.numbers import get_currency_precision

from smroi.canonical import COLUMNS, COUNTS, DATES, LABELS
from smroi.earned_media import ledger_totals, value_ledger
from smroi.errors import SettingsError
from smroi.formatting import (
    PREFIX_SYMBOLS,
    check_language,
    currency_symbol,
    format_day,
    format_value,
    is_undefined,
    unit_label,
)
from smroi.funnel import (
    MIN_CLICKS,
    MIN_RESULTS,
    MONEY_STAGES,
    STAGES,
    dimensions_present,
    funnel,
    funnel_by,
    segments,
)
from smroi.goals import (
    LOWER_IS_BETTER,
    budget_shift,
    compare_with_previous,
    goal_periods,
    goal_sentence,
    goal_status,
    goal_title,
    ranking,
    review,
)
from smroi.i18n import (
    DEFAULT_LANGUAGE,
    N_,
    Message,
    chart_translator,
    fill,
    is_rtl,
    translate_message,
)
from smroi.i18n import translator as gettext_of
from smroi.ingest import ImportReport
from smroi.metrics import (
    FREQUENCIES,
    Analysis,
    analyse,
    by_group,
    headline,
    over_time,
    rows_in_view,
)
from smroi.registry import (
    METRICS,
    SUMMARY_KEYS,
    cost_per_result_label,
    metric_formula,
    metric_help_text,
    metric_label,
)
from smroi.settings import COST_LINE_LABELS, COST_LINES, Goal, Settings, settings_to_dict

TITLE = N_("Social media ROI report")
# The app's colours (smroi.charts): return green, cost red.
RETURN_COLOUR = "#2e7d32"
COST_COLOUR = "#c62828"
HEADER_FILL = "#e8eef4"
# Excel's limits: rows per sheet, characters per cell.
MAX_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767
MIN_WIDTH, MAX_WIDTH = 8, 60
# Sheets of every metric per group; each lists at most MAX_GROUP_ROWS groups (a search-term
# report can have 100,000 terms: the Data sheet has them all).
GROUP_SHEETS: dict[str, str] = {
    "By platform": "platform",
    "By campaign": "campaign",
    "By element": "element",
}
MAX_GROUP_ROWS = 5_000
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
# Data sheet: columns always shown, even when no row has a value in them.
DATA_ALWAYS = ("date", "platform", "campaign", "element", "paid", "spend")
MONEY_COLUMNS = ("spend", "revenue", "commissions")
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
# Words for a period (a trend's or a goal's), whole, so each language words its own grammar.
PERIOD_WORDS: dict[str, str] = {
    "day": N_("day"),
    "week": N_("week"),
    "month": N_("month"),
    "quarter": N_("quarter"),
    "year": N_("year"),
}
PERIOD_NAMES: dict[str, str] = {  # an axis title
    "day": N_("Day"),
    "week": N_("Week"),
    "month": N_("Month"),
    "quarter": N_("Quarter"),
    "year": N_("Year"),
}
PERIOD_STARTING: dict[str, str] = {  # a column title
    "day": N_("Day starting"),
    "week": N_("Week starting"),
    "month": N_("Month starting"),
    "quarter": N_("Quarter starting"),
    "year": N_("Year starting"),
}
LATEST_PERIOD: dict[str, str] = {
    "day": N_("Latest day"),
    "week": N_("Latest week"),
    "month": N_("Latest month"),
    "quarter": N_("Latest quarter"),
    "year": N_("Latest year"),
}
PERIOD_BEFORE: dict[str, str] = {
    "day": N_("Day before"),
    "week": N_("Week before"),
    "month": N_("Month before"),
    "quarter": N_("Quarter before"),
    "year": N_("Year before"),
}
PER_PERIOD: dict[str, str] = {
    "day": N_("per day"),
    "week": N_("per week"),
    "month": N_("per month"),
    "quarter": N_("per quarter"),
    "year": N_("per year"),
}
PARTIAL_NOTES: dict[str, str] = {
    "day": N_(
        'Partial period "yes" (a hollow point in the chart): a day the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
    "week": N_(
        'Partial period "yes" (a hollow point in the chart): a week the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
    "month": N_(
        'Partial period "yes" (a hollow point in the chart): a month the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
    "quarter": N_(
        'Partial period "yes" (a hollow point in the chart): a quarter the data covers only '
        "in part, so its sums are not comparable with the others. Other costs are spread "
        "over the days covered."
    ),
    "year": N_(
        'Partial period "yes" (a hollow point in the chart): a year the data covers only in '
        "part, so its sums are not comparable with the others. Other costs are spread over "
        "the days covered."
    ),
}
GOAL_CHART_TITLES: dict[str, str] = {
    "day": N_("{metric} per day against the target"),
    "week": N_("{metric} per week against the target"),
    "month": N_("{metric} per month against the target"),
    "quarter": N_("{metric} per quarter against the target"),
    "year": N_("{metric} per year against the target"),
}
LEVEL_NAMES: dict[str, str] = {  # smroi.cost_per_result.LEVEL_LABELS, translatable
    "platform": N_("Platform"),
    "campaign": N_("Campaign"),
    "element": N_("Post / ad"),
}
OBJECTIVE_NAMES: dict[str, str] = {  # a setting's value: the objective's key, as in settings
    "awareness": N_("awareness"),
    "engagement": N_("engagement"),
    "leads": N_("leads"),
    "sales": N_("sales"),
}
RESULTS_TITLES: dict[str, str] = {  # smroi.registry.RESULT_WORDS in a column title
    "awareness": N_("Results (impressions)"),
    "engagement": N_("Results (engagements)"),
    "leads": N_("Results (leads)"),
    "sales": N_("Results (sales)"),
}
LEDGER_KINDS: dict[str, str] = {"cash": N_("cash"), "estimated": N_("estimated")}
# The funnel's steps (smroi.funnel.STAGES): name, and what the rate into the step is called.
STAGE_NAMES: dict[str, tuple[str, str]] = {
    "impressions": (N_("Impressions"), ""),
    "clicks": (N_("Clicks"), N_("Click-through rate")),
    "leads": (N_("Leads"), N_("Clicks that became leads")),
    "conversions": (N_("Sales"), N_("Leads that became sales")),
    "sales_value": (N_("Sales value"), N_("Sales value per sale")),
    "commissions": (N_("Commissions"), N_("Commissions per 1 of sales value")),
}
DIMENSION_NAMES: dict[str, str] = {  # audience columns; utm_… keep their own names
    "age": N_("Age"),
    "gender": N_("Gender"),
    "location": N_("Location"),
    "interest": N_("Interest"),
    "device": N_("Device"),
}
FIXED_COST_ROWS = "(fixed costs)"  # rows smroi.metrics adds to carry an assigned cost
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
        self.book.close()
        return self.buffer.getvalue()

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
    ) -> int:
        """The frame under a header row at `top`; returns the last row written.

        Written column by column (a 100,000-row sheet would take twice as long cell by
        cell). Column widths are collected in `widths` (the longest text, capped).
        """
        rows = min(len(frame), MAX_ROWS - top - 1)
        frame = frame.iloc[:rows]
        widths = {} if widths is None else widths
        for col, column in enumerate(columns):
            sheet.write_string(top, col, column.header, self.header)
            width = self._write_column(sheet, top + 1, col, frame[column.source], column)
            longest = max(width, max((len(word) for word in column.header.split()), default=0))
            widths[col] = max(widths.get(col, MIN_WIDTH), min(longest + 2, MAX_WIDTH))
        return top + rows

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


# ---------------------------------------------------------------- the workbook


def report_workbook(
    table: pd.DataFrame,
    reports: list[ImportReport],
    settings: Settings,
    *,
    start: date | None = None,
    end: date | None = None,
    platforms: list[str] | None = None,
    period: str = "week",
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> bytes:
    """The Excel report of the rows in view, as .xlsx bytes.

    The same filters as the dashboard: a date range (`start`, `end`), platforms, and the
    period (day, week, month, quarter or year) of the trend on the Over time sheet and of
    "this period against the one before" on the Goals sheet (each goal keeps its own period).
    `lang` ("en", "nb" or "fa") is the workbook's language and `digits` ("native" or
    "latin") the digits of numbers inside its sentences (smroi.formatting).
    """
    if period not in FREQUENCIES:
        raise ValueError(f"period must be one of {', '.join(FREQUENCIES)}, not {period!r}")
    check_language(lang, digits)
    analysis = analyse(table, settings, start=start, end=end, platforms=platforms)
    data = _data_rows(analysis)
    groups = {name: _groups(analysis, level) for name, level in GROUP_SHEETS.items()}
    writer = _Writer(settings, lang, digits)
    _ = writer.gettext
    notes = [
        writer.fill(
            _(
                "{sheet} lists the {shown} with the highest total cost, of {total}; "
                "the Data sheet has every row."
            ),
            sheet=writer.names[name],
            shown=writer.count(len(frame)),
            total=writer.count(total),
        )
        for name, (frame, total) in groups.items()
        if len(frame) < total
    ]
    if len(data) >= MAX_ROWS:
        notes.append(
            writer.fill(
                _(
                    "The Data sheet holds the first {shown} of {total} rows (Excel's limit); "
                    "every number in this workbook counts all rows."
                ),
                shown=writer.count(MAX_ROWS - 1),
                total=writer.count(len(data)),
            )
        )
    _summary_sheet(writer, analysis, settings, start, end, platforms, len(data), notes)
    for name, level in GROUP_SHEETS.items():
        frame, total = groups[name]
        _group_sheet(writer, name, analysis, level, frame, total)
    _over_time_sheet(writer, analysis, period)
    _earned_media_sheet(writer, analysis)
    _funnel_sheet(writer, analysis, groups["By platform"][0]["platform"])
    _goals_sheet(writer, analysis, period)
    _data_sheet(writer, data)
    _import_sheet(writer, reports, analysis, settings)
    writer.book.set_properties({"title": _(TITLE), "comments": "Made by smroi"})
    return writer.finish()


def _data_rows(analysis: Analysis) -> pd.DataFrame:
    """The canonical rows in view (not the rows that only carry an assigned fixed cost)."""
    rows = analysis.rows
    if len(rows):
        rows = rows[(rows["element"] != FIXED_COST_ROWS).to_numpy()]
    return rows


def _summary_sheet(
    writer: _Writer,
    analysis: Analysis,
    settings: Settings,
    start: date | None,
    end: date | None,
    platforms: list[str] | None,
    rows_used: int,
    notes: list[str],
) -> None:
    sheet = writer.sheet("Summary")
    _ = writer.gettext
    lang = writer.lang
    writer.text(sheet, 0, 0, _(TITLE), writer.title)
    # Translators: the platforms the report covers: "all" or "none" of them
    everything, nothing = _("all"), _("none")
    shown_platforms = everything if platforms is None else ", ".join(platforms) or nothing
    info: list[tuple[str, Callable[[int], None]]] = [
        (_("Period start"), lambda r: writer.day(sheet, r, 1, analysis.first_day or start)),
        (_("Period end"), lambda r: writer.day(sheet, r, 1, analysis.last_day or end)),
        (_("Months covered"), lambda r: writer.number(sheet, r, 1, analysis.months, "months")),
        (_("Currency"), lambda r: writer.text(sheet, r, 1, settings.currency)),
        (_("Platforms"), lambda r: writer.text(sheet, r, 1, shown_platforms)),
        (_("Rows used"), lambda r: writer.number(sheet, r, 1, rows_used, "count")),
    ]
    row = 2
    for label, write in info:
        writer.text(sheet, row, 0, label, writer.bold)
        write(row)
        row += 1
    for note in notes:
        writer.text(sheet, row, 0, note, writer.bold)
        row += 1
    top = row + 1
    totals = headline(analysis)
    metrics = pd.DataFrame(
        {
            "label": [metric_label(key, lang) for key in SUMMARY_KEYS],
            "formula": [metric_formula(key, lang) for key in SUMMARY_KEYS],
            "help": [_help(key, lang) for key in SUMMARY_KEYS],
        }
    )
    columns = [
        _Column(_("Metric"), "label", "text"),
        _Column(_("Value"), "label", "header only"),  # written below, each in its unit
        _Column(_("Formula in words"), "formula", "text"),
        _Column(_("What it means"), "help", "text"),
    ]
    widths: dict[int, int] = {}
    last = writer.table(sheet, top, columns, metrics, widths)
    widest = 0
    for offset, key in enumerate(SUMMARY_KEYS, start=top + 1):
        writer.number(sheet, offset, 1, totals[key], METRICS[key].unit)
        if not is_undefined(totals[key]):
            widest = max(widest, len(writer.shown(totals[key], METRICS[key].unit)))
    widths[1] = max(MIN_WIDTH + 6, widest + 2)
    for offset, record in enumerate(metrics.itertuples(), start=top + 1):
        lines = max(  # wrapped text needs a taller row: no spreadsheet sizes it on opening
            math.ceil(len(record.formula) / max(widths.get(2, MAX_WIDTH) - 1, 1)),
            math.ceil(len(record.help) / max(widths.get(3, MAX_WIDTH) - 1, 1)),
        )
        if lines > 1:
            sheet.set_row(offset, 15 * lines)
            writer.text(sheet, offset, 0, record.label, writer.top)  # beside its first line
    writer.freeze_header(sheet, top, 1)
    sheet.autofilter(top, 0, last, len(columns) - 1)

    row = last + 2
    writer.text(sheet, row, 0, _("Settings that produced these numbers"), writer.section)
    row += 1
    for col, header in enumerate((_("Setting"), _("Value"), _("Applies to / note"))):
        writer.text(sheet, row, col, header, writer.header)
    for label, value, unit, note in _settings_rows(settings, writer):
        row += 1
        writer.text(sheet, row, 0, label)
        if unit:
            writer.number(sheet, row, 1, value, unit)
        else:
            writer.text(sheet, row, 1, value)
        writer.text(sheet, row, 2, note)
        widths[0] = max(widths.get(0, 0), min(len(label) + 2, MAX_WIDTH))
    row += 1
    writer.text(sheet, row, 0, _("Settings file (JSON)"))
    settings_json = json.dumps(settings_to_dict(settings), ensure_ascii=False)
    # one wrapped cell across Value … What it means, so a long text does not widen the page
    sheet.merge_range(row, 1, row, 3, "", writer.wrap)
    sheet.write_string(row, 1, settings_json, writer.wrap)
    sheet.set_row(row, 15 * (1 + len(settings_json) // 110))
    writer.text(
        sheet, row + 1, 1, _("Save this text as a .json file to load the same settings in smroi.")
    )
    writer.set_widths(sheet, widths, wrap=(2, 3))
    sheet.set_column(1, 1, widths[1], writer.top)


def _help(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """What a metric means in `lang`, and whether it counts paid rows only or is estimated."""
    metric = METRICS[key]
    _ = gettext_of(lang)
    notes = [metric_help_text(key, lang)]
    if metric.paid_only:
        notes.append(_("Paid rows only."))
    if metric.estimated:
        notes.append(_("Estimated."))
    return " ".join(notes)


def _settings_rows(settings: Settings, writer: _Writer) -> list[tuple[str, Any, str, str]]:
    """(setting, value, unit or "" for text, note) for every setting behind the numbers, in
    the workbook's language."""
    _ = writer.gettext
    lang = writer.lang
    costs, values, earned = settings.costs, settings.values, settings.earned_media
    yes, no = _("yes"), _("no")
    objective = settings.objective
    rows: list[tuple[str, Any, str, str]] = [
        (
            _("Objective"),
            _(OBJECTIVE_NAMES[objective]) if objective in OBJECTIVE_NAMES else objective,
            "",
            cost_per_result_label(objective, lang),
        ),
        (_("Currency"), settings.currency, "", ""),
        (_("Hours spent per month"), costs.labour_hours_per_month, "general", ""),
        (_("Hourly rate"), costs.hourly_rate, "money", ""),
    ]
    for line in COST_LINES:
        platform = costs.assigned_to.get(line)
        if platform:
            note = writer.fill(_("{platform} only"), platform=platform)
        else:
            note = _("all platforms, shared by ad spend")
        label = writer.fill(_("{cost} per month"), cost=_(COST_LINE_LABELS[line]))
        rows.append((label, costs.monthly()[line], "money", note))
    counting = {
        None: _("automatic: only on rows whose sales are not tracked"),
        True: _("yes, on every row"),
        False: no,
    }[values.count_lead_value]
    rows += [
        (_("Value per lead"), values.value_per_lead, "money", ""),
        (
            _("Average order value"),
            values.average_order_value,
            "money",
            _("for sales without revenue"),
        ),
        (_("Value per engagement"), values.value_per_engagement, "money", ""),
        (_("Value per new follower"), values.value_per_follower, "money", ""),
        (_("Count lead value in return"), counting, "", ""),
        (
            _("Count earned media value in return and ROI"),
            yes if earned.include_in_roi else no,
            "",
            "",
        ),
    ]
    names = sorted(earned.rates, key=lambda name: (name != "default", name))
    for name in names:
        rate = earned.rates[name]
        where = _("every other platform") if name == "default" else name
        rows += [
            (_("Earned media: CPM (per 1,000 impressions)"), rate.cpm, "money", where),
            (_("Earned media: CPC (per click)"), rate.cpc, "money", where),
            (_("Earned media: CPE (per engagement)"), rate.cpe, "money", where),
        ]
    for goal in settings.goals:
        metric = METRICS.get(goal.metric)
        label = metric_label(goal.metric, lang) if metric else goal.metric
        unit = metric.unit if metric else "general"
        per = _(PER_PERIOD[goal.period]) if goal.period in PER_PERIOD else f"per {goal.period}"
        rows.append((writer.fill(_("Goal: {metric}"), metric=label), goal.target, unit, per))
    for header, column in settings.column_map.items():
        rows.append(
            (
                writer.fill(_("File column {header}"), header=repr(header)),
                column or _("not used"),
                "",
                _("read as"),
            )
        )
    return rows


def _groups(analysis: Analysis, level: str) -> tuple[pd.DataFrame, int]:
    """Every metric per platform, campaign or post/ad, the highest total cost first (then the
    highest return, then by name); at most MAX_GROUP_ROWS of them, and how many there are."""
    frame = by_group(analysis, level)
    if frame.empty:
        frame = frame.assign(**{level: pd.Series(dtype="object")})
    order = (
        frame.assign(_name=frame[level].astype(str))
        .sort_values(["cost", "return", "_name"], ascending=[False, False, True], kind="stable")
        .index
    )
    frame = frame.loc[order].reset_index(drop=True)
    return frame.head(MAX_GROUP_ROWS), len(frame)


def _group_sheet(
    writer: _Writer, name: str, analysis: Analysis, level: str, frame: pd.DataFrame, total: int
) -> None:
    _ = writer.gettext
    sheet = writer.sheet(name)
    labels = [_Column(_(LEVEL_NAMES[level]), level, "text")]
    columns = labels + _metric_columns(frame, analysis.settings, writer.lang)
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, columns, frame, widths)
    writer.freeze_header(sheet, 0, len(labels))
    sheet.autofilter(0, 0, last, len(columns) - 1)
    writer.set_widths(sheet, widths)
    sheet.set_row(0, 45)
    if len(frame) < total:
        writer.text(
            sheet,
            last + 2,
            0,
            writer.fill(
                _(
                    "The {shown} with the highest total cost, of {total}; the Data sheet has "
                    "every row."
                ),
                shown=writer.count(len(frame)),
                total=writer.count(total),
            ),
            writer.bold,
        )
    if level == "platform" and len(frame):
        _platform_charts(writer, sheet, writer.names[name], columns, frame, last)


def _platform_charts(
    writer: _Writer,
    sheet: Any,
    name: str,
    columns: list[_Column],
    frame: pd.DataFrame,
    last: int,
) -> None:
    currency = writer.currency
    _ = writer.chart_gettext
    ret, cost, roi = (_column_index(columns, key) for key in ("return", "cost", "roi_pct"))
    categories = [name, 1, 0, last, 0]
    chart = writer.book.add_chart({"type": "column"})
    for col, colour in ((ret, RETURN_COLOUR), (cost, COST_COLOUR)):
        chart.add_series(
            {
                "name": [name, 0, col],
                "categories": categories,
                "values": [name, 1, col, last, col],
                "fill": {"color": colour},
                "border": {"color": colour},
                "gap": 80,
            }
        )
    chart.set_title({"name": _("Return vs cost by platform")})
    chart.set_x_axis({"name": _("Platform")})
    chart.set_y_axis(
        {
            "name": writer.fill(_("Amount ({currency})"), currency=currency),
            "num_format": _axis_format("money", currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_legend({"position": "top"})
    chart.set_size({"width": 640, "height": 380})
    anchor = last + 3
    writer.text(sheet, anchor - 1, 0, writer.gettext("Charts"), writer.section)  # a cell
    sheet.insert_chart(anchor, 0, chart, {"x_offset": 5, "y_offset": 5})

    roi_values = frame["roi_pct"].to_numpy(dtype="float64", na_value=np.nan)
    if not np.isfinite(roi_values).any():
        writer.text(
            sheet,
            anchor,
            9,
            writer.gettext("No platform has a cost, so there is no ROI to chart."),
            writer.bold,
        )
        return
    points = [
        {"fill": {"color": RETURN_COLOUR if value >= 0 else COST_COLOUR}}
        if math.isfinite(value)
        else None
        for value in roi_values
    ]
    bars = writer.book.add_chart({"type": "bar"})
    bars.add_series(
        {
            "name": [name, 0, roi],
            "categories": categories,
            "values": [name, 1, roi, last, roi],
            "points": points,
            "gap": 60,
            "data_labels": {
                "value": True,
                "num_format": _axis_format("percent", currency, writer.lang),
            },
        }
    )
    bars.set_title({"name": _("ROI by platform")})
    # in a bar chart, x is the value axis (across) and y the category axis (down)
    bars.set_x_axis(
        {
            "name": _("ROI (%)"),
            "num_format": _axis_format("percent", currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    # the first platform on top, as in the table, with the ROI axis still at the bottom
    bars.set_y_axis(
        {"name": _("Platform"), "reverse": True, "crossing": "max", "label_position": "low"}
    )
    bars.set_legend({"none": True})
    bars.set_size({"width": 560, "height": 380})
    sheet.insert_chart(anchor, 0, bars, {"x_offset": 665, "y_offset": 5})


def _over_time_sheet(writer: _Writer, analysis: Analysis, period: str) -> None:
    _ = writer.gettext
    sheet = writer.sheet("Over time")
    trend = over_time(analysis, period)
    if "days" not in trend:
        trend = trend.assign(days=pd.Series(dtype="float64"), partial=pd.Series(dtype=bool))
    yes, no = _("yes"), _("no")
    trend = trend.assign(partial_text=np.where(trend["partial"].astype(bool), yes, no))
    starting = _(PERIOD_STARTING[period])
    columns = [
        _Column(starting, "period_start", "date"),
        _Column(_("Days covered"), "days", "number", "count"),
        _Column(_("Partial period"), "partial_text", "text"),
        *_metric_columns(trend, analysis.settings, writer.lang),
    ]
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, columns, trend, widths)
    writer.freeze_header(sheet, 0, 1)
    sheet.autofilter(0, 0, last, len(columns) - 1)
    writer.set_widths(sheet, widths)
    sheet.set_row(0, 45)
    note = last + 2
    writer.text(sheet, note, 0, _(PARTIAL_NOTES[period]))
    if not trend.empty:
        _over_time_chart(writer, sheet, period, columns, trend, last, note + 2)


def _over_time_chart(
    writer: _Writer,
    sheet: Any,
    period: str,
    columns: list[_Column],
    trend: pd.DataFrame,
    last: int,
    at: int,
) -> None:
    """Return and cost per period as lines, a hollow point for a partial period."""
    _ = writer.chart_gettext
    name = writer.names["Over time"]
    ret, cost = _column_index(columns, "return"), _column_index(columns, "cost")
    partial = trend["partial"].astype(bool).tolist()
    chart = writer.book.add_chart({"type": "line"})
    for col, colour, dash in ((ret, RETURN_COLOUR, "solid"), (cost, COST_COLOUR, "dash")):
        chart.add_series(
            {
                "name": [name, 0, col],
                "categories": [name, 1, 0, last, 0],
                "values": [name, 1, col, last, col],
                "line": {"color": colour, "width": 2.25, "dash_type": dash},
                "smooth": False,
                "marker": {
                    "type": "circle",
                    "size": 6,
                    "fill": {"color": colour},
                    "border": {"color": colour},
                },
                "points": [
                    {"fill": {"color": "#ffffff"}, "border": {"color": colour, "width": 1.5}}
                    if is_partial
                    else None
                    for is_partial in partial
                ],
            }
        )
    chart.set_title({"name": _("Return and cost over time")})
    chart.set_x_axis(
        {
            "name": _(PERIOD_STARTING[period]),
            "text_axis": True,  # one label per period, not a tick per day
            "num_format": writer.axis_dates(period),
            "num_font": {"rotation": -45},
        }
    )
    chart.set_y_axis(
        {
            "name": writer.fill(_("Amount ({currency})"), currency=writer.currency),
            "num_format": _axis_format("money", writer.currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_legend({"position": "top"})
    chart.set_size({"width": 760, "height": 400})
    sheet.insert_chart(at, 0, chart, {"x_offset": 5, "y_offset": 5})


ESTIMATE_COLOUR = "#F9A825"


def _earned_media_sheet(writer: _Writer, analysis: Analysis) -> None:
    """The value ledger (cash and estimated lines, with formulas), the earned-media rates,
    and a native chart of the ledger."""
    _ = writer.gettext
    sheet = writer.sheet("Earned media")
    settings = analysis.settings
    totals = headline(analysis)
    lines = value_ledger(totals, settings, analysis.months, lang=writer.lang, digits=writer.digits)
    yes, no = _("yes"), _("no")
    labels = [line.label for line in lines]
    kinds = [
        _(LEDGER_KINDS[line.kind]) if line.kind in LEDGER_KINDS else line.kind for line in lines
    ]
    formulas = [line.formula for line in lines]
    frame = pd.DataFrame(
        {
            "label": labels,
            "kind": kinds,
            "amount": [line.amount for line in lines],
            "in_roi": [yes if line.in_roi else no for line in lines],
            "formula": formulas,
        }
    )
    columns = [
        _Column(_("Line"), "label", "text"),
        _Column(_("Kind"), "kind", "text"),
        _Column(
            writer.fill(_("Amount ({currency})"), currency=writer.currency),
            "amount",
            "number",
            "money",
        ),
        _Column(_("Counted in ROI"), "in_roi", "text"),
        _Column(_("How it is worked out"), "formula", "text"),
    ]
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, columns, frame, widths)
    writer.freeze_header(sheet, 0, 1)
    sheet.autofilter(0, 0, last, len(columns) - 1)
    sums = ledger_totals(lines, float(totals["cost"] or 0.0))
    row = last + 2
    for label, key in (
        (_("Cash return"), "cash"),
        (_("Estimated value"), "estimated"),
        (_("Total cost"), "cost"),
        (_("Net value with estimates (not ROI: most of it is not money)"), "net_with_estimates"),
    ):
        writer.text(sheet, row, 0, label, writer.bold)
        writer.number(sheet, row, 2, sums[key], "money")
        row += 1
    row += 1
    writer.text(sheet, row, 0, _("Earned-media rates (organic rows)"), writer.section)
    rates = pd.DataFrame(
        [
            {
                "platform": _("default") if platform == "default" else platform,
                "cpm": rate.cpm,
                "cpc": rate.cpc,
                "cpe": rate.cpe,
            }
            for platform, rate in settings.earned_media.rates.items()
        ]
    )
    rate_columns = [
        _Column(_("Platform"), "platform", "text"),
        _Column(_("CPM (per 1,000 impressions)"), "cpm", "number", "money"),
        _Column(_("CPC (per click)"), "cpc", "number", "money"),
        _Column(_("CPE (per engagement)"), "cpe", "number", "money"),
    ]
    writer.table(sheet, row + 1, rate_columns, rates, widths)
    widths[4] = max(widths.get(4, MIN_WIDTH), 60)
    writer.set_widths(sheet, widths, wrap=(4,))
    sheet.set_row(0, 30)
    for offset, line in enumerate(lines, start=1):  # wrapped formulas need taller rows
        formula = formulas[offset - 1]
        sheet.set_row(offset, 15 * max(1, math.ceil(len(formula) / (widths[4] - 1))))
        for col, text in enumerate((labels[offset - 1], kinds[offset - 1])):  # beside the top line
            writer.text(sheet, offset, col, text, writer.top)
        writer.text(sheet, offset, 3, yes if line.in_roi else no, writer.top)
    sheet.set_row(row + 1, 30)
    if any(line.amount for line in lines):  # no chart over zeros
        _ledger_chart(writer, sheet, lines, last, len(columns) + 1)


def _ledger_chart(writer: _Writer, sheet: Any, lines: list[Any], last: int, col: int) -> None:
    """The ledger's amounts as bars: cash green, estimates yellow."""
    _ = writer.chart_gettext
    name = writer.names["Earned media"]
    chart = writer.book.add_chart({"type": "bar"})
    colours = {"cash": RETURN_COLOUR, "estimated": ESTIMATE_COLOUR}
    chart.add_series(
        {
            "name": [name, 0, 2],
            "categories": [name, 1, 0, last, 0],
            "values": [name, 1, 2, last, 2],
            "points": [{"fill": {"color": colours[line.kind]}} for line in lines],
            "gap": 60,
        }
    )
    chart.set_title({"name": _("The value ledger: cash (green) and estimates (yellow)")})
    chart.set_x_axis(
        {
            "name": writer.fill(_("Amount ({currency})"), currency=writer.currency),
            "num_format": _axis_format("money", writer.currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_y_axis(
        {"name": _("Line"), "reverse": True, "crossing": "max", "label_position": "low"}
    )
    chart.set_legend({"none": True})
    chart.set_size({"width": 720, "height": 400})
    sheet.insert_chart(1, col, chart, {"x_offset": 10, "y_offset": 5})


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


# ---------------------------------------------------------------- the funnel


NO_ROWS_FOR_FUNNEL = N_("No rows in this selection, so there is no funnel to show.")
NO_DIMENSIONS = N_(
    "The files have no audience columns (age, gender, location, interest, device, utm_…), "
    "so there are no segments to compare."
)
NEUTRAL_COLOUR = "#1f77b4"
FUNNEL_CHART_ROWS = 21  # rows the funnel chart takes (380 pixels)


def _stage_name(key: str, label: str, lang: str) -> str:
    """A funnel step's name in `lang` (`label`, smroi.funnel's, where the step is unknown)."""
    return gettext_of(lang)(STAGE_NAMES[key][0] if key in STAGE_NAMES else label)


def _rate_name(key: str, rate: str, lang: str) -> str:
    """What the rate into a funnel step is called, capitalised, in `lang`."""
    known = STAGE_NAMES.get(key, ("", ""))[1]
    return gettext_of(lang)(known) if known else rate.capitalize()


def _funnel_sheet(writer: _Writer, analysis: Analysis, platforms: pd.Series) -> None:
    """The funnel's steps (METRICS.md section 7) overall, by platform and for each value of
    every audience dimension the data fills, with a native chart of the steps. `platforms`
    are the platforms in the order of the By platform sheet."""
    _ = writer.gettext
    lang = writer.lang
    sheet = writer.sheet("Funnel")
    if rows_in_view(analysis) == 0:
        writer.text(sheet, 0, 0, _(NO_ROWS_FOR_FUNNEL))
        sheet.set_column(0, 0, MAX_WIDTH)
        return
    layout = _Layout(writer, sheet)
    stages = funnel(analysis)
    rows = [
        [
            (_stage_name(record.key, record.stage, lang), ""),
            (record.value, "money" if record.money else "count"),
            (record.rate if record.rate_name else None, _funnel_rate_unit(record.key)),
            (_rate_name(record.key, str(record.rate_name), lang) if record.rate_name else "", ""),
        ]
        for record in stages.itertuples(index=False)
    ]
    top = layout.cells(
        [_("Step"), _("Total"), _("Rate from the step before"), _("What the rate is")],
        rows,
        "FunnelSteps",
    )
    writer.freeze_header(sheet, top, 1)
    layout.sentence(
        _(
            "Each rate is the step over the step before it, from the sums (an empty cell where "
            "the step before is 0). Sales can outnumber leads (a rate over 100%) when people buy "
            "without filling in a lead form first."
        )
    )
    layout.gap()
    counts = [i for i, money in enumerate(stages["money"].tolist()) if not money]
    values = pd.to_numeric(stages["value"], errors="coerce").iloc[counts]
    if (values.fillna(0) > 0).any():
        _funnel_chart(writer, sheet, writer.names["Funnel"], top, counts, layout.row)
        layout.gap(FUNNEL_CHART_ROWS)

    layout.heading(_("The funnel by platform"))
    by_platform = funnel_by(analysis, "platform")
    columns = [_Column(_(LEVEL_NAMES["platform"]), "platform", "text")]
    for key, label, rate in STAGES:
        unit = "money" if key in MONEY_STAGES else "count"
        columns.append(_Column(_stage_name(key, label, lang), label, "number", unit))
        if rate:
            source = rate.capitalize()
            columns.append(
                _Column(_rate_name(key, rate, lang), source, "number", _funnel_rate_unit(key))
            )
    layout.table(columns, _in_order(by_platform, "platform", platforms), "FunnelByPlatform")

    layout.heading(_("Audience: who converts"))
    present = dimensions_present(analysis)
    if not present:
        layout.sentence(_(NO_DIMENSIONS))
    settings = analysis.settings
    objective = settings.objective
    results = _(RESULTS_TITLES[objective])
    yes, no = _("yes"), _("no")
    for dimension in present:
        if dimension in DIMENSION_NAMES:
            shown = _(DIMENSION_NAMES[dimension])
            heading = writer.fill(_("By {dimension}"), dimension=shown.lower())
        else:  # utm_source …: a column's own name
            shown = dimension.replace("_", " ").capitalize()
            heading = writer.fill(_("By {dimension}"), dimension=dimension.replace("_", " "))
        layout.heading(heading)
        frame = segments(analysis, dimension)
        frame = frame.assign(
            enough_text=np.where(frame["enough"].astype(bool), yes, no)
        ).sort_values("cost", ascending=False, kind="stable")
        total = len(frame)
        frame = frame.head(MAX_GROUP_ROWS)
        segment_columns = [
            _Column(shown, dimension, "text"),
            _Column(metric_label("cost", lang), "cost", "number", "money"),
            _Column(metric_label("clicks", lang), "clicks", "number", "count"),
            _Column(results, "results", "number", "count"),
            _Column(metric_label("conversion_rate", lang), "conversion_rate", "number", "fraction"),
            _Column(cost_per_result_label(objective, lang), "cost_per_result", "number", "money"),
            _Column(_("Enough to compare"), "enough_text", "text"),
        ]
        layout.table(segment_columns, frame, f"Audience_{dimension}")
        if len(frame) < total:
            layout.row -= 1
            layout.sentence(
                writer.fill(
                    _("The {shown} with the highest total cost, of {total}."),
                    shown=writer.count(len(frame)),
                    total=writer.count(total),
                )
            )
            layout.gap()
    if present:
        layout.sentence(
            writer.fill(
                _(
                    "Enough to compare: at least {clicks} clicks and {results} results; with "
                    "fewer, one sale more or less changes a segment's rates a lot. Total cost "
                    "includes each segment's share of the monthly costs (shared by ad spend); "
                    "cost per result is ad spend over the results of paid rows."
                ),
                clicks=writer.count(MIN_CLICKS),
                results=writer.count(MIN_RESULTS),
            )
        )
    layout.finish()


def _funnel_rate_unit(key: str) -> str:
    """The unit of the rate into a funnel step: money for sales value per sale, else a share."""
    return "money" if key == "sales_value" else "fraction"


def _in_order(frame: pd.DataFrame, level: str, names: pd.Series) -> pd.DataFrame:
    """A frame of groups in the order of `names` (the By platform sheet's: the highest total
    cost first); groups not in `names` last."""
    order = {name: i for i, name in enumerate(names.astype(str))}
    ranks = frame[level].astype(str).map(order).fillna(len(order))
    return frame.assign(_rank=ranks).sort_values("_rank", kind="stable").drop(columns="_rank")


def _funnel_chart(
    writer: _Writer, sheet: Any, name: str, top: int, counts: list[int], at: int
) -> None:
    """A bar chart of the count steps (people, not money), widest first, linked to the cells."""
    first, last = top + 1 + counts[0], top + 1 + counts[-1]
    chart = writer.book.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": [name, top, 1],
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 1, last, 1],
            "fill": {"color": NEUTRAL_COLOUR},
            "border": {"color": NEUTRAL_COLOUR},
            "gap": 50,
            "data_labels": {"value": True, "num_format": "#,##0"},
        }
    )
    _ = writer.chart_gettext
    chart.set_title({"name": _("The funnel: how many went on to each step")})
    chart.set_x_axis(
        {
            "name": _("How many"),
            "num_format": "#,##0",
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    chart.set_y_axis(
        {"name": _("Step"), "reverse": True, "crossing": "max", "label_position": "low"}
    )
    chart.set_legend({"none": True})
    chart.set_size({"width": 640, "height": 380})
    sheet.insert_chart(at, 0, chart, {"x_offset": 5, "y_offset": 5})


# ---------------------------------------------------------------- goals and review


NO_GOALS = N_("No goals set. Add them in the sidebar under Goals.")
GOAL_CHART_ROWS = 17  # rows a goal's chart takes (320 pixels)
NOT_MET_COLOUR = "#9e9e9e"


def _goals_sheet(writer: _Writer, analysis: Analysis, period: str) -> None:
    """Each goal against its target per period, with a chart; this period against the one
    before; and the platforms ranked by ROI, with the review's sentences."""
    _ = writer.gettext
    sheet = writer.sheet("Goals")
    layout = _Layout(writer, sheet)
    layout.heading(_("Goals"))
    goals = analysis.settings.goals
    if not goals:
        layout.sentence(_(NO_GOALS))
    for number, goal in enumerate(goals, start=1):
        layout.gap()
        _goal_block(writer, layout, writer.names["Goals"], analysis, goal, number)
    layout.gap()
    _comparison(writer, layout, analysis, period)
    layout.gap()
    _review(writer, layout, analysis)
    layout.finish()


def _goal_block(
    writer: _Writer, layout: _Layout, name: str, analysis: Analysis, goal: Goal, number: int
) -> None:
    _ = writer.gettext
    currency = writer.currency
    lang, digits = writer.lang, writer.digits
    layout.heading(goal_title(goal, currency, lang=lang, digits=digits), writer.bold)
    try:
        periods = goal_periods(analysis, goal)
    except SettingsError as error:
        problems = "; ".join(writer.core(problem) for problem in error.problems)
        layout.sentence(
            writer.fill(_("This goal cannot be tracked: {problems}."), problems=problems)
        )
        return
    status = goal_status(analysis, goal, periods)
    layout.sentence(goal_sentence(status, currency, lang=lang, digits=digits)[1])
    metric = METRICS[goal.metric]
    ceiling = goal.metric in LOWER_IS_BETTER
    yes, no = _("yes"), _("no")
    frame = periods.assign(
        met_text=np.where(periods["met"], yes, no),
        partial_text=np.where(periods["partial"], yes, no),
    )
    columns = [
        _Column(_(PERIOD_STARTING[goal.period]), "period_start", "date"),
        _Column(_("Actual"), "actual", "number", metric.unit),
        _Column(_("Target"), "target", "number", metric.unit),
        _Column(
            _("Progress (% of the limit)") if ceiling else _("Progress (% of the target)"),
            "progress_pct",
            "number",
            "percent",
        ),
        _Column(_("Within the limit") if ceiling else _("Met"), "met_text", "text"),
        _Column(_("Days covered"), "days", "number", "count"),
        _Column(_("Partial period"), "partial_text", "text"),
    ]
    top, last = layout.table(columns, frame, f"Goal_{number}")
    actual = pd.to_numeric(frame["actual"], errors="coerce").to_numpy(dtype="float64")
    if not np.isfinite(actual).any():
        return  # nothing to chart: no chart over empty cells
    _goal_chart(writer, layout.sheet, name, goal, frame, top, last, len(columns) + 1)
    layout.row = max(layout.row, top + GOAL_CHART_ROWS + 1)


def _goal_chart(
    writer: _Writer,
    sheet: Any,
    name: str,
    goal: Goal,
    frame: pd.DataFrame,
    top: int,
    last: int,
    col: int,
) -> None:
    """Actual per period as columns (green where met, pale where partial), the target as a
    dashed line on the same axes."""
    _ = writer.chart_gettext
    metric = METRICS[goal.metric]
    label = metric_label(goal.metric, writer.lang)
    categories = [name, top + 1, 0, last, 0]
    columns = writer.book.add_chart({"type": "column"})
    columns.add_series(
        {
            "name": [name, top, 1],
            "categories": categories,
            "values": [name, top + 1, 1, last, 1],
            "fill": {"color": NOT_MET_COLOUR},
            "points": [
                {
                    "fill": {
                        "color": RETURN_COLOUR if met else NOT_MET_COLOUR,
                        "transparency": 55 if partial else 0,
                    }
                }
                for met, partial in zip(frame["met"], frame["partial"], strict=True)
            ],
            "gap": 60,
        }
    )
    line = writer.book.add_chart({"type": "line"})
    line.add_series(
        {
            "name": [name, top, 2],
            "categories": categories,
            "values": [name, top + 1, 2, last, 2],
            "line": {"color": COST_COLOUR, "width": 2, "dash_type": "dash"},
            "marker": {"type": "dash", "size": 12, "fill": {"color": COST_COLOUR}}
            if last == top + 1
            else {"type": "none"},
            "smooth": False,
        }
    )
    columns.combine(line)
    columns.set_title({"name": writer.fill(_(GOAL_CHART_TITLES[goal.period]), metric=label)})
    columns.set_x_axis(
        {
            "name": _(PERIOD_NAMES[goal.period]),
            "text_axis": True,
            "num_format": writer.axis_dates(goal.period),
            "num_font": {"rotation": -45},
        }
    )
    unit = unit_label(metric.unit, writer.currency, lang=writer.lang)
    columns.set_y_axis(
        {
            "name": f"{label} ({unit})",
            "num_format": _axis_format(metric.unit, writer.currency, writer.lang),
            "major_gridlines": {"visible": True, "line": {"color": "#d9d9d9"}},
        }
    )
    columns.set_legend({"position": "top"})
    columns.set_size({"width": 600, "height": 320})
    sheet.insert_chart(top, col, columns, {"x_offset": 10, "y_offset": 0})


def _comparison(writer: _Writer, layout: _Layout, analysis: Analysis, period: str) -> None:
    """Every headline number in the latest period beside the period before it."""
    _ = writer.gettext
    layout.heading(_("This period against the one before"))
    compared = compare_with_previous(analysis, period)
    latest, previous = compared.attrs.get("latest_start"), compared.attrs.get("previous_start")
    word = _(PERIOD_WORDS[period])
    if latest is None:
        layout.sentence(
            writer.fill(_("No rows with dates, so there is no {period} to compare."), period=word)
        )
        return
    if previous is None:
        layout.sentence(
            writer.fill(
                _("The data covers only one {period} (from {latest}): nothing to compare."),
                period=word,
                latest=_day_text(latest, writer),
            )
        )
    else:
        sentence = (
            _(
                "The {period} from {latest} against the {period} from {previous}. Weeks "
                "start on Monday."
            )
            if period == "week"
            else _("The {period} from {latest} against the {period} from {previous}.")
        )
        layout.sentence(
            writer.fill(
                sentence,
                period=word,
                latest=_day_text(latest, writer),
                previous=_day_text(previous, writer),
            )
        )
    if bool(compared["latest_partial"].iloc[0]):
        layout.sentence(
            writer.fill(
                _(
                    "The data stops before the latest {period} ends: its counts and money are "
                    "for part of a {period}, so they look low next to a whole one. Ratios "
                    "compare fairly."
                ),
                period=word,
            )
        )
    rows = []
    for record in compared.itertuples(index=False):
        metric = METRICS[record.metric]
        rows.append(
            [
                (_metric_name(record.metric, analysis.settings, writer.lang), ""),
                (record.latest, metric.unit),
                (record.previous, metric.unit),
                (record.change, metric.unit),
                (record.change_pct, "percent"),
            ]
        )
    headers = [
        _("Number"),
        _(LATEST_PERIOD[period]),
        _(PERIOD_BEFORE[period]),
        _("Change"),
        _("Change (%)"),
    ]
    layout.cells(headers, rows, "Comparison")
    layout.row -= 1
    layout.sentence(
        _(
            "Change = latest - before (for ROI, in percentage points); change (%) = change / "
            "the value before. An empty cell: the number is undefined in one of the two periods."
        )
    )
    layout.gap()


def _day_text(value: Any, writer: _Writer) -> str:
    """A period's first day (an ISO date) inside a sentence: as it is (2026-01-05) in
    English, the language's date otherwise ('5. jan. 2026', '۵ ژانویهٔ ۲۰۲۶')."""
    if writer.lang == DEFAULT_LANGUAGE:
        return str(value)
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return format_day(day, writer.lang, writer.digits)


def _review(writer: _Writer, layout: _Layout, analysis: Analysis) -> None:
    """The review's sentences, the budget-shift projection, and the platforms ranked."""
    _ = writer.gettext
    lang = writer.lang
    layout.heading(_("Review"))
    groups = by_group(analysis, "platform")
    for sentence in review(analysis, "platform", groups=groups, lang=lang, digits=writer.digits):
        layout.sentence(sentence)
    shift = budget_shift(analysis, "platform", groups=groups, lang=lang, digits=writer.digits)
    if shift is not None:
        layout.sentence(shift["sentence"])
    ranked = ranking(analysis, "platform", groups)
    if ranked.empty:
        layout.sentence(_("No platforms to rank."))
        return
    layout.gap()
    layout.heading(_("Platforms ranked by ROI (highest first), then cost per result"), writer.bold)
    objective = analysis.settings.objective
    columns = [
        _Column(_(LEVEL_NAMES["platform"]), "platform", "text"),
        _Column(metric_label("cost", lang), "cost", "number", "money"),
        _Column(metric_label("return", lang), "return", "number", "money"),
        _Column(metric_label("roi_pct", lang), "roi_pct", "number", "percent"),
        _Column(cost_per_result_label(objective, lang), "cost_per_result", "number", "money"),
    ]
    layout.table(columns, ranked, "Ranking")


def _data_sheet(writer: _Writer, rows: pd.DataFrame) -> None:
    """The canonical rows in view, one per line, with the canonical column names as headers
    (so the sheet can be read back into smroi as it is)."""
    sheet = writer.sheet("Data")
    present = [
        column
        for column in COLUMNS
        if column in rows and (column in DATA_ALWAYS or rows[column].notna().any())
    ]
    columns = []
    for column in present:
        if column in DATES:
            columns.append(_Column(column, column, "date"))
        elif column == "paid":
            columns.append(_Column(column, column, "bool"))
        elif column in MONEY_COLUMNS:
            columns.append(_Column(column, column, "number", "money"))
        elif column in COUNTS:
            columns.append(_Column(column, column, "number", "count"))
        else:
            columns.append(_Column(column, column, "text"))
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, columns, rows, widths)
    writer.freeze_header(sheet, 0)
    sheet.autofilter(0, 0, last, len(columns) - 1)
    for col, written in enumerate(columns):
        if written.source in LABELS:
            widths[col] = max(widths[col], 12)
    writer.set_widths(sheet, widths)


def _import_sheet(
    writer: _Writer, reports: list[ImportReport], analysis: Analysis, settings: Settings
) -> None:
    _ = writer.gettext
    sheet = writer.sheet("Import report")
    not_recognised = _("not recognised: read by column names")
    files = pd.DataFrame(
        {
            "file": [report.file for report in reports],
            "export": [report.export or not_recognised for report in reports],
            "platforms": [", ".join(report.platforms) for report in reports],
            "rows_read": [report.rows_read for report in reports],
            "rows_used": [report.rows_used for report in reports],
            "rows_excluded": [report.rows_excluded for report in reports],
            "currency": [report.currency or "" for report in reports],
            "sheet": [report.sheet or "" for report in reports],
            "problem": [writer.core(report.error or "") for report in reports],
        }
    )
    file_columns = [
        _Column(_("File"), "file", "text"),
        _Column(_("Export recognised"), "export", "text"),
        _Column(_("Platforms"), "platforms", "text"),
        _Column(_("Rows read"), "rows_read", "number", "count"),
        _Column(_("Rows used"), "rows_used", "number", "count"),
        _Column(_("Rows left out"), "rows_excluded", "number", "count"),
        _Column(_("Currency"), "currency", "text"),
        _Column(_("Sheet"), "sheet", "text"),
        _Column(_("Problem"), "problem", "text"),
    ]
    widths: dict[int, int] = {}
    last = writer.table(sheet, 0, file_columns, files, widths)
    _as_excel_table(sheet, 0, last, file_columns, "Files", writer.header)
    writer.freeze_header(sheet, 0, 1)
    sheet.set_row(0, 30)  # "Rows read" wraps onto two lines in its narrow column

    row = last + 2
    writer.text(sheet, row, 0, _("Rows left out"), writer.section)
    excluded = [
        report.excluded.assign(file=report.file)[["file", "row", "reason"]]
        for report in reports
        if len(report.excluded)
    ]
    if excluded:
        left_out = pd.concat(excluded, ignore_index=True)
        if writer.lang != DEFAULT_LANGUAGE:
            left_out["reason"] = _translated(left_out["reason"], writer)
        left_columns = [
            _Column(_("File"), "file", "text"),
            _Column(_("Row in the file"), "row", "number", "count"),
            _Column(_("Reason"), "reason", "text"),
        ]
        top = row + 1
        last = writer.table(sheet, top, left_columns, left_out, widths)
        _as_excel_table(sheet, top, last, left_columns, "RowsLeftOut", writer.header)
        row = last + 2
    else:
        writer.text(sheet, row + 1, 0, _("No rows were left out."))
        row += 3

    writer.text(sheet, row, 0, _("Notes"), writer.section)
    notes = [writer.core(line) for report in reports for line in report.summary()]
    notes += [
        writer.fill(
            _(
                "{file}: its amounts are in {currency}, but the settings say {settings}; "
                "amounts are added up as they are."
            ),
            file=report.file,
            currency=report.currency,
            settings=settings.currency,
        )
        for report in reports
        if report.currency and report.currency != settings.currency
    ]
    notes += [writer.core(warning) for warning in analysis.warnings]
    for offset, line in enumerate(notes or [_("Nothing to report.")], start=row + 1):
        writer.text(sheet, offset, 0, line)
    writer.set_widths(sheet, widths)


def _translated(reasons: pd.Series, writer: _Writer) -> pd.Series:
    """Reasons (smroi.i18n.Message, or text) in the workbook's language, each distinct one
    translated once: a file can have thousands of rows left out for a few reasons."""
    done: dict[tuple[bool, str], str] = {}
    out: list[Any] = []
    for reason in reasons.tolist():
        if not isinstance(reason, str):  # a missing reason stays missing
            out.append(reason)
            continue
        key = (isinstance(reason, Message), reason)
        if key not in done:
            done[key] = writer.core(reason)
        out.append(done[key])
    return pd.Series(out, index=reasons.index, dtype=object)


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
