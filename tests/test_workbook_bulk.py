"""The Data sheet written in bulk (smroi.workbook.bulk): the cells a user opens are the
cells xlsxwriter would have written, across chunks, with text never a formula."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from smroi import read_file
from smroi.settings import Settings
from smroi.workbook import report_workbook
from smroi.workbook.bulk import CHUNK_ROWS, cell_text

SETTINGS = Settings(currency="NOK")


def _data_sheet_xml(xlsx: bytes) -> str:
    """The Data sheet's XML (the last sheet but one: Data, then Import report)."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        sheets = sorted(
            (
                name
                for name in book.namelist()
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)
            ),
            key=lambda name: int(re.findall(r"\d+", name)[0]),
        )
        return book.read(sheets[-2]).decode("utf-8")


def _workbook(csv: str) -> bytes:
    table, report = read_file("f.csv", csv.encode("utf-8"))
    return report_workbook(table, [report], SETTINGS)


def test_cells_keep_their_kind_format_and_text() -> None:
    xlsx = _workbook(
        "date,platform,campaign,element,paid,spend,impressions,clicks,revenue\n"
        '2026-01-05,facebook,"=HYPERLINK(""http://x"")",  lead space ,true,10.5,100,3,\n'
        '2026-01-06,instagram,"a\x01b <tag> & ""q""",post 2,false,,200,,55.25\n'
        "2026-01-07,facebook,émoji 😀 æøå,شبکه,,0.1,0,1,0.0000001\n"
    )
    sheet = load_workbook(io.BytesIO(xlsx))["Data"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "date", "platform", "campaign", "element", "paid", "spend", "impressions", "clicks",
        "revenue",
    ]  # fmt: skip
    assert rows[1] == [
        datetime(2026, 1, 5), "facebook", '=HYPERLINK("http://x")', "lead space", True, 10.5,
        100, 3, None,
    ]  # fmt: skip
    # a control character is written as Excel writes it (_x0001_), the rest as typed
    assert rows[2][2] == 'a_x0001_b <tag> & "q"'
    assert rows[2][4] is False and rows[2][5] is None and rows[2][7] is None
    assert rows[3][2:4] == ["émoji 😀 æøå", "شبکه"]
    assert rows[3][8] == 1e-7  # the number as read, not rounded to what the format shows
    # the formula-looking name is a text cell, never a formula
    assert sheet["C2"].data_type == "s"
    assert sheet["F2"].number_format == '#,##0.00 "kr"'
    assert sheet["G2"].number_format == "#,##0"
    assert sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet.dimensions == "A1:I4"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:I4"


def test_text_reads_back_into_smroi_as_typed() -> None:
    """calamine (smroi's Excel reader) reads the escaped text back as it was typed."""
    xlsx = _workbook(
        'date,platform,campaign,spend\n2026-01-06,instagram,"a\x01b _x0041_ <tag> & ""q"" ",5\n'
    )
    rows = CalamineWorkbook.from_filelike(io.BytesIO(xlsx)).get_sheet_by_name("Data").to_python()
    assert rows[1][:3] == [date(2026, 1, 6), "instagram", 'a\x01b _x0041_ <tag> & "q"']


def test_rows_across_chunks_are_all_there_in_order() -> None:
    rows = CHUNK_ROWS + 7
    days = pd.date_range("2025-01-01", periods=rows, freq="h").strftime("%Y-%m-%d")
    frame = pd.DataFrame(
        {
            "date": days,
            "platform": np.where(np.arange(rows) % 2, "facebook", "tiktok"),
            "campaign": [f"c{i}" for i in range(rows)],
            "spend": np.arange(rows) / 4,
        }
    )
    xlsx = _workbook(frame.to_csv(index=False))
    xml = _data_sheet_xml(xlsx)
    assert f'<dimension ref="A1:F{rows + 1}"/>' in xml
    # every row once, numbered in order
    numbers = [int(n) for n in re.findall(r'<row r="(\d+)"', xml)]
    assert numbers == list(range(1, rows + 2))
    read = CalamineWorkbook.from_filelike(io.BytesIO(xlsx)).get_sheet_by_name("Data").to_python()
    assert len(read) == rows + 1
    # rows are sorted by date (24 an hour apart share a day) and keep their order within it
    assert read[1][1:] == ["tiktok", "c0", "", False, 0.0]  # no spend: organic
    last = rows - 1  # 20,006: an even row, tiktok; 5,001.5 kr spent, so paid
    assert read[-1][1:] == ["tiktok", f"c{last}", "", True, last / 4]
    assert read[CHUNK_ROWS][2] == f"c{CHUNK_ROWS - 1}"  # the last row of the first chunk
    assert read[CHUNK_ROWS + 1][2:] == [f"c{CHUNK_ROWS}", "", True, CHUNK_ROWS / 4]


def test_cell_text_escapes_as_xlsxwriter_does() -> None:
    assert cell_text("a & b <c>") == "<t>a &amp; b &lt;c&gt;</t>"
    assert cell_text(" x") == '<t xml:space="preserve"> x</t>'
    assert cell_text("\x07") == "<t>_x0007_</t>"
    assert cell_text("_x0041_") == "<t>_x005F_x0041_</t>"
