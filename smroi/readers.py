"""Bytes in, the file's table out: encodings, delimiters, the header row, the sheet.

A CSV is decoded (UTF-8 with or without BOM, UTF-16, Windows-1252), its delimiter
and header row are found (title lines, a date range and '#' comments above it are
passed over), and of several tables in one file (GA4) the one whose column names
smroi knows best is read. An Excel workbook is checked for
damage and bombs before it is opened with calamine, and the sheet whose column
names smroi knows best is read (or the one the user chose). The result is a raw
DataFrame with the file's own headers, and attrs that say where its first data row
was ("first_row"), what stood above it ("preamble") and what to tell the user
("notes"). Turning it into canonical rows is smroi.ingest's job.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Mapping

import numpy as np
import pandas as pd

from smroi.canonical import MEASURES
from smroi.errors import InputFileError
from smroi.exports import header_score, map_columns, recognise
from smroi.i18n import _, _n

MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_XLSX_RATIO = 150  # zip members that expand more than this are a "zip bomb"


def read_table(
    name: str, data: bytes, column_map: Mapping[str, str], sheet: str | None = None
) -> pd.DataFrame:
    """The file's table as the file has it; InputFileError if it is no spreadsheet."""
    return _read_spreadsheet(name, data, column_map, sheet)


def _read_spreadsheet(
    name: str, data: bytes, column_map: Mapping[str, str], sheet: str | None = None
) -> pd.DataFrame:
    """The file's first table as text cells, header row included as column names."""
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(name, data, sheet)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _read_excel(
            name, data, _("an old .xls file or a password-protected workbook"), sheet
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(name, _("this is not a spreadsheet (CSV or Excel) file."))
    return _read_csv(name, data, column_map)


def _read_xlsx(name: str, data: bytes, sheet: str | None = None) -> pd.DataFrame:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "xl/workbook.xml" not in names:
                raise InputFileError(name, _("this zip file is not an Excel workbook (.xlsx)."))
            expanded = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
    except zipfile.BadZipFile:
        raise InputFileError(
            name, _("the Excel file is damaged (not a valid .xlsx archive).")
        ) from None
    if expanded > MAX_XLSX_UNCOMPRESSED or (expanded > 50e6 and expanded / packed > MAX_XLSX_RATIO):
        raise InputFileError(
            name,
            _(
                "the workbook expands to {size:,} MB, too large to open safely.",
                size=round(expanded / 1e6),
            ),
        )
    return _read_excel(name, data, _("a damaged Excel file"), sheet)


def _read_excel(name: str, data: bytes, what: str, wanted: str | None = None) -> pd.DataFrame:
    """The table of the sheet the user chose, or else of the sheet whose header we know best."""
    try:
        sheets = pd.read_excel(
            io.BytesIO(data), sheet_name=None, engine="calamine", header=None, dtype=object
        )
    except Exception as exc:  # calamine raises many types for damaged or locked files
        raise InputFileError(
            name,
            _(
                "could not open it as Excel: it looks like {what} ({error}).",
                what=what,
                error=type(exc).__name__,
            ),
        ) from None
    best: tuple[int, str, int] | None = None  # score, sheet, header row
    names = [str(sheet) for sheet in sheets]
    for sheet, frame in sheets.items():
        if wanted in names and str(sheet) != wanted:
            continue
        for number in range(min(len(frame), HEADER_SEARCH_LINES)):
            cells = [str(v) for v in frame.iloc[number] if pd.notna(v)]
            if not cells:
                continue
            score = header_score(cells)
            if best is None or score > best[0]:
                best = (score, str(sheet), number)
    if best is None:
        raise InputFileError(name, _("the workbook has no rows of data."))
    score, sheet, header_at = best
    if score == 0:  # nothing we know: take the first filled row of the first filled sheet
        sheet = (
            next(str(k) for k, f in sheets.items() if f.notna().any().any() and wanted in (None, k))
            if wanted in (None, *names)
            else sheet
        )
        header_at = int(np.argmax(sheets[sheet].notna().any(axis=1).to_numpy()))
    sheets = {str(k): f for k, f in sheets.items()}
    body = _table_below_header(name, sheets[sheet], header_at)
    body.attrs["sheets"], body.attrs["sheet"] = names, sheet
    body.attrs["preamble"] = [
        " ".join(str(v) for v in sheets[sheet].iloc[i] if pd.notna(v)) for i in range(header_at)
    ]
    notes = body.attrs.setdefault("notes", [])
    if len(sheets) > 1:
        notes.append(
            _(
                "{file}: read sheet '{sheet}' ({sheets} sheets in the workbook).",
                file=name,
                sheet=sheet,
                sheets=len(sheets),
            )
        )
    if header_at:
        notes.append(
            _n(
                "{file}: {count:,} row above the column names (a title or date range) passed over.",
                "{file}: {count:,} rows above the column names (a title or date range) "
                "passed over.",
                header_at,
                file=name,
                count=header_at,
            )
        )
    return body


def _table_below_header(name: str, frame: pd.DataFrame, header_at: int) -> pd.DataFrame:
    """The rows below the header row, up to the last filled one."""
    filled = frame.notna().any(axis=1).to_numpy()
    last = len(filled) - int(np.argmax(filled[::-1]))
    header = [str(value).strip() if pd.notna(value) else "" for value in frame.iloc[header_at]]
    body = frame.iloc[header_at + 1 : last].reset_index(drop=True)
    body.columns = _unique(header)
    body = body.loc[
        :, [bool(h) or body[c].notna().any() for h, c in zip(header, body.columns, strict=True)]
    ]
    body.attrs["first_row"] = header_at + 2  # spreadsheet row of the first data row
    if body.empty:
        raise InputFileError(name, _("the sheet has a header but no rows of data."))
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
                name, _("the text encoding is not UTF-8, UTF-16 or Windows-1252.")
            ) from None
        return "cp1252"
    return "utf-8-sig"


DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_LINES = 500


def _find_header(lines: list[str]) -> tuple[str, int]:
    """The delimiter and the line of the header: the row with the most headers we know
    (title lines, a date range or '#' comments above it are passed over)."""
    best = (0, 0, ",", 0)  # score, columns, delimiter, line
    for delimiter in DELIMITERS:
        for number, cells in enumerate(csv.reader(lines, delimiter=delimiter)):
            if not cells or cells[0].lstrip().startswith("#"):
                continue
            score = header_score(cells)
            if (score, len(cells)) > best[:2] or (
                score == best[0] > 0 and number < best[3] and len(cells) >= best[1]
            ):
                best = (score, len(cells), delimiter, number)
    if best[0] == 0:
        first = next(
            (i for i, line in enumerate(lines) if line.strip() and not COMMENT.match(line)), 0
        )
        try:
            sample = "\n".join(lines[first : first + 50])
            return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter, first
        except csv.Error:
            return ",", first
    return best[2], best[3]


COMMENT = re.compile(r"^#(?:\s|-|$)")


def _table_ends(lines: list[str], number: int) -> bool:
    """A '# ' comment after a blank line starts the next table (GA4 puts several in a file)."""
    return bool(COMMENT.match(lines[number])) and number > 0 and not lines[number - 1].strip()


def _read_csv(name: str, data: bytes, column_map: Mapping[str, str]) -> pd.DataFrame:
    encoding = _encoding(name, data)
    if encoding == "cp1252" and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 mark on a file that is not UTF-8 (Facebook Insights)
    sample = data[:65536].decode(encoding, errors="ignore")
    if not sample.strip():
        raise InputFileError(name, _("the file is empty."))
    lines = sample.splitlines()[:HEADER_SEARCH_LINES]
    delimiter, header_at = _find_header(lines)
    notes: list[str] = []  # Messages (smroi.i18n)
    preamble: list[str] = []
    comments_below = any(_table_ends(lines, i) for i in range(header_at + 1, len(lines)))
    if header_at == 0 and not comments_below:
        source: io.IOBase = io.BytesIO(data)  # the fast path for large plain files
        headers_line = lines[0]
    else:
        all_lines = data.decode(encoding, errors="replace").splitlines()
        end = next(
            (i for i in range(header_at + 1, len(all_lines)) if _table_ends(all_lines, i)),
            len(all_lines),
        )
        tables_above = sum(_table_ends(all_lines, i) for i in range(header_at))
        tables_below = sum(_table_ends(all_lines, i) for i in range(end, len(all_lines)))
        if tables_above or tables_below:
            others = tables_above + tables_below
            notes.append(
                _n(
                    "{file}: it holds {tables} tables; the one with columns {columns} "
                    "(line {line}) was read, the other was not.",
                    "{file}: it holds {tables} tables; the one with columns {columns} "
                    "(line {line}) was read, the others were not.",
                    others,
                    file=name,
                    tables=others + 1,
                    columns=", ".join(_short(lines[header_at], delimiter)),
                    line=header_at + 1,
                )
            )
        while end > header_at + 1 and not all_lines[end - 1].strip(" \t,;"):
            end -= 1
        if header_at and not tables_above:
            notes.append(
                _n(
                    "{file}: {count:,} line above the column names (a title or date range) "
                    "passed over.",
                    "{file}: {count:,} lines above the column names (a title or date range) "
                    "passed over.",
                    header_at,
                    file=name,
                    count=header_at,
                )
            )
        preamble = all_lines[:header_at]
        source = io.StringIO("\n".join(all_lines[header_at:end]))
        headers_line = all_lines[header_at]
        encoding = None  # type: ignore[assignment]
    try:
        headers = next(csv.reader([headers_line], delimiter=delimiter))
        # Measures are parsed by pandas' fast path; every other column stays text
        # (a 19-digit post id must not become a float).
        stripped = [h.strip() for h in headers]
        mapping, _ignored = map_columns(stripped, recognise(stripped), column_map)
        text_columns = {h: str for h in headers if mapping.get(h.strip()) not in MEASURES}
        with warnings.catch_warnings():  # the cell too many is dropped; it is a totals label
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            frame = pd.read_csv(
                source,
                encoding=encoding,
                sep=delimiter,
                dtype=text_columns,
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                engine="c",
                index_col=False,  # a first row with one cell too many (GA4's "Grand total")
            )
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputFileError(
            name,
            _("this is not a readable CSV table ({error}).", error=" ".join(str(exc).split())),
        ) from None
    if frame.empty:
        raise InputFileError(name, _("the file has a header but no rows of data."))
    frame.columns = _unique([str(column).strip() for column in frame.columns])
    frame.attrs["first_row"] = header_at + 2
    frame.attrs["notes"] = notes
    frame.attrs["preamble"] = preamble
    return frame


def _short(line: str, delimiter: str) -> list[str]:
    """A header line's names, for a message."""
    return [name.strip() for name in next(csv.reader([line], delimiter=delimiter)) if name]


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for index, name in enumerate(names):
        name = name or f"column {index + 1}"
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result
