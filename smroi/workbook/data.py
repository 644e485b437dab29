"""The Data sheet (the canonical rows, readable back into smroi) and the Import report sheet."""

from __future__ import annotations

from typing import Any

import pandas as pd

from smroi.canonical import COLUMNS, COUNTS, DATES, LABELS
from smroi.i18n import DEFAULT_LANGUAGE, Message
from smroi.ingest import ImportReport
from smroi.metrics import Analysis
from smroi.settings import Settings
from smroi.workbook._writer import _as_excel_table, _Column, _Writer

# Data sheet: columns always shown, even when no row has a value in them.
DATA_ALWAYS = ("date", "platform", "campaign", "element", "paid", "spend")
MONEY_COLUMNS = ("spend", "revenue", "commissions")
FIXED_COST_ROWS = "(fixed costs)"  # rows smroi.metrics adds to carry an assigned cost


def _data_rows(analysis: Analysis) -> pd.DataFrame:
    """The canonical rows in view (not the rows that only carry an assigned fixed cost)."""
    rows = analysis.rows
    if len(rows):
        rows = rows[(rows["element"] != FIXED_COST_ROWS).to_numpy()]
    return rows


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
    last = writer.table(sheet, 0, columns, rows, widths, bulk=True)
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
