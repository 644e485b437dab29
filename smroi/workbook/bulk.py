"""The Data sheet's rows written in bulk: the sheet's XML made column by column from whole
arrays, then put into the workbook xlsxwriter wrote (issue 21, item 4).

xlsxwriter spends about 5 µs on each cell (a Python object per cell, then its XML one cell
at a time): 7 of the 9 s of a 100,000-row report. Here xlsxwriter writes the Data sheet's
header, widths, filter and frozen pane as usual; its rows are kept as `BulkRows` and
written when the workbook is finished: each column's cells as text in one pass over its
array (a category's name is escaped once, not once per row), the rows streamed into the
sheet's part of the .xlsx, 20,000 at a time, so memory stays flat. Cells are what
xlsxwriter writes: numbers with their number format, dates as Excel day numbers with the
date format, TRUE/FALSE as booleans, and text always as a text cell (an inline string),
never a formula, escaped as xlsxwriter escapes it (XML's & < >, control characters as
_xHHHH_, whitespace kept). An empty or undefined value is no cell, never 0.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd
from xlsxwriter.utility import xl_col_to_name

CHUNK_ROWS = 20_000  # rows of XML built and written at a time
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")
_ESCAPED_LOOKING = re.compile(r"(_x[0-9a-fA-F]{4}_)")


@dataclass(frozen=True)
class BulkColumn:
    """One column of cells: its kind ("number", "date", "bool", "text" or "day text"),
    its values (floats for numbers and dates, NaN where empty; texts or None) and the
    xlsxwriter format whose style the cells take (None: the default style)."""

    kind: str
    values: Any
    style: Any = None
    texts: dict[int, str] | None = None  # rows (0-based in the job) of text in a date column


@dataclass(frozen=True)
class BulkRows:
    """Rows of one sheet to be written in bulk, from `first` (0-based, as xlsxwriter counts)
    down, with `columns` from column 0 right; `sheet` is the xlsxwriter worksheet."""

    sheet: Any
    first: int
    rows: int
    columns: Sequence[BulkColumn]


def cell_text(text: str) -> str:
    """A text as the XML of an inline string's <t> element, escaped as xlsxwriter does."""
    text = _ESCAPED_LOOKING.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<t{space}>{escape(text)}</t>"


def reserve_styles(jobs: Sequence[BulkRows]) -> None:
    """Give each format the bulk cells use its number in the workbook's styles now: xlsxwriter
    numbers only the formats its own cells use, and writes only those."""
    for job in jobs:
        for column in job.columns:
            if column.style is not None:
                column.style._get_xf_index()


def _number(value: float) -> str:
    """A number as the shortest text that reads back as the same float ("100", not "100.0")."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def _style(column: BulkColumn) -> str:
    return "" if column.style is None else f' s="{column.style._get_xf_index()}"'


def _column_cells(column: BulkColumn, col: int, first: int, start: int, stop: int) -> list[str]:
    """The XML of one column's cells for rows start..stop of the job ("" for no cell)."""
    letter = xl_col_to_name(col)
    style = _style(column)
    rows = range(first + start + 1, first + stop + 1)  # Excel's rows count from 1
    values = column.values[start:stop]
    if column.kind in ("number", "date"):
        head = f'<c r="{letter}'
        tail = f'"{style}><v>'
        cells = [
            f"{head}{row}{tail}{_number(value)}</v></c>" if value == value else ""
            for row, value in zip(rows, values.tolist(), strict=True)
        ]
        for index, text in (column.texts or {}).items():  # a day Excel cannot show
            if start <= index < stop:
                row = first + index + 1
                cells[index - start] = (
                    f'<c r="{letter}{row}" t="inlineStr"><is>{cell_text(text)}</is></c>'
                )
        return cells
    if column.kind == "bool":
        flags = {True: f'" t="b"{style}><v>1</v></c>', False: f'" t="b"{style}><v>0</v></c>'}
        return [
            f'<c r="{letter}{row}{flags[value]}' if value is not None else ""
            for row, value in zip(rows, values, strict=True)
        ]
    # text: a categorical's names are escaped once each
    if isinstance(values, pd.Categorical):
        tails = [
            f'" t="inlineStr"{style}><is>{cell_text(str(name))}</is></c>'
            for name in values.categories
        ]
        codes = values.codes.tolist()
        return [
            f'<c r="{letter}{row}{tails[code]}' if code >= 0 else ""
            for row, code in zip(rows, codes, strict=True)
        ]
    done: dict[str, str] = {}
    out = []
    for row, value in zip(rows, values, strict=True):
        if value is None:
            out.append("")
            continue
        if value not in done:
            done[value] = f'" t="inlineStr"{style}><is>{cell_text(value)}</is></c>'
        out.append(f'<c r="{letter}{row}{done[value]}')
    return out


def _row_chunks(job: BulkRows) -> Iterator[bytes]:
    """The job's <row> elements as UTF-8, CHUNK_ROWS rows at a time."""
    for start in range(0, job.rows, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, job.rows)
        columns = [
            _column_cells(column, col, job.first, start, stop)
            for col, column in enumerate(job.columns)
        ]
        first_row = job.first + start + 1
        yield "".join(
            f'<row r="{row}">{"".join(cells)}</row>'
            for row, cells in enumerate(zip(*columns, strict=True), start=first_row)
        ).encode("utf-8")


def _sheet_part(job: BulkRows) -> str:
    """The .xlsx part that holds the job's sheet (xlsxwriter numbers them in order)."""
    return f"xl/worksheets/sheet{job.sheet.index + 1}.xml"


def write_bulk_rows(xlsx: bytes, jobs: Sequence[BulkRows]) -> bytes:
    """The workbook with each job's rows written into its sheet, before </sheetData>, and
    the sheet's dimension widened to hold them."""
    parts = {_sheet_part(job): job for job in jobs}
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(xlsx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            job = parts.get(info.filename)
            if job is None or job.rows == 0:
                target.writestr(info, data)
                continue
            head, _, tail = data.decode("utf-8").partition("</sheetData>")
            if not tail:  # an empty sheet's <sheetData/>
                head, _, tail = head.partition("<sheetData/>")
                head += "<sheetData>"
            last = f"{xl_col_to_name(len(job.columns) - 1)}{job.first + job.rows}"
            head = re.sub(
                r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last}"/>', head, count=1
            )
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with target.open(entry, "w", force_zip64=True) as part:
                part.write(head.encode("utf-8"))
                for chunk in _row_chunks(job):
                    part.write(chunk)
                part.write(("</sheetData>" + tail).encode("utf-8"))
    return out.getvalue()


def number_values(values: pd.Series) -> np.ndarray:
    """A column's numbers as floats, NaN where a cell stays empty (text, inf, missing)."""
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isfinite(numbers), numbers, np.nan)
