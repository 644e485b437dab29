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

Written with xlsxwriter, column by column, and the Data sheet's rows in bulk
(smroi.workbook.bulk): with a 100,000-row Data sheet the whole workbook takes about 2.5 s
on a 2-core machine (bench/bench_export.py; budget 10 s; 8.4 s cell by cell). The
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

from datetime import date

import pandas as pd

from smroi.formatting import check_language
from smroi.i18n import DEFAULT_LANGUAGE, translate_message
from smroi.ingest import ImportReport
from smroi.metrics import FREQUENCIES, headline
from smroi.narrative import sales_value_caveat
from smroi.report_view import report_analysis
from smroi.settings import Settings
from smroi.workbook._writer import (
    MAX_CELL_CHARS,
    MAX_ROWS,
    SHEET_NAMES,
    TITLE,
    _Writer,
    escape_formula_text,
    money_format,
    number_format,
    sheet_names,
    table_csv,
)
from smroi.workbook.data import _data_rows, _data_sheet, _import_sheet
from smroi.workbook.earned_media import _earned_media_sheet
from smroi.workbook.funnel import _funnel_sheet
from smroi.workbook.goals import _goals_sheet
from smroi.workbook.groups import _group_sheet, _groups
from smroi.workbook.over_time import _over_time_sheet
from smroi.workbook.summary import _summary_sheet

__all__ = [
    "GROUP_SHEETS",
    "MAX_CELL_CHARS",
    "MAX_GROUP_ROWS",
    "MAX_ROWS",
    "SHEET_NAMES",
    "TITLE",
    "escape_formula_text",
    "money_format",
    "number_format",
    "report_workbook",
    "sheet_names",
    "table_csv",
]

# Sheets of every metric per group; each lists at most MAX_GROUP_ROWS groups (a search-term
# report can have 100,000 terms: the Data sheet has them all). report_workbook reads it
# when called and passes it to the sheets that cut their lists (groups, funnel segments).
GROUP_SHEETS: dict[str, str] = {
    "By platform": "platform",
    "By campaign": "campaign",
    "By element": "element",
}
MAX_GROUP_ROWS = 5_000


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
    analysis, settings, currency_notes = report_analysis(
        table, reports, settings, start=start, end=end, platforms=platforms
    )
    currency = settings.currency_code
    data = _data_rows(analysis)
    groups = {
        name: _groups(analysis, level, MAX_GROUP_ROWS) for name, level in GROUP_SHEETS.items()
    }
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
    notes += [translate_message(note, lang, digits) for note in currency_notes]
    caveat = sales_value_caveat(headline(analysis), currency, lang=lang, digits=digits)
    if caveat:  # every ROI and profit in the workbook counts sales at their full value
        notes.append(caveat)
    _summary_sheet(writer, analysis, settings, start, end, platforms, len(data), notes)
    for name, level in GROUP_SHEETS.items():
        frame, total = groups[name]
        _group_sheet(writer, name, analysis, level, frame, total)
    _over_time_sheet(writer, analysis, period)
    _earned_media_sheet(writer, analysis)
    _funnel_sheet(writer, analysis, groups["By platform"][0]["platform"], MAX_GROUP_ROWS)
    _goals_sheet(writer, analysis, period)
    _data_sheet(writer, data)
    _import_sheet(writer, reports, analysis, settings)
    writer.book.set_properties({"title": _(TITLE), "comments": "Made by smroi"})
    return writer.finish()
