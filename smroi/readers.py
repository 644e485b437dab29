"""Bytes in, the file's table out: encodings, delimiters, the header row, the sheet.

A CSV is decoded (UTF-8 with or without BOM, UTF-16, Windows-1252, or the encoding
smroi.text_encodings finds: Shift_JIS, EUC-KR, GB18030, Windows-1251 ...), its delimiter
and header row are found (title lines, a date range and '#' comments above it are
passed over), and of several tables in one file (GA4) the one whose column names
smroi knows best is read. An Excel workbook is checked for damage, bombs and sizes no
real sheet has (smroi.xlsx_checks) before it is opened with calamine, and the sheet whose
column names smroi knows best is read (or the one the user chose). The result is a raw
DataFrame with the file's own headers, and attrs that say where its first data row
was ("first_row"), what stood above it ("preamble") and what to tell the user
("notes"). Turning it into canonical rows is smroi.ingest's job.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import warnings
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from smroi.canonical import COLUMNS, MEASURES
from smroi.errors import InputFileError
from smroi.exports import header_score, map_columns, recognise
from smroi.header_search import (
    COMMENT,
    HEADER_SEARCH_LINES,
    find_header,
    first_widest_row,
)
from smroi.i18n import Message, _, _n, listed
from smroi.isolation import file_limits
from smroi.text_encodings import encoding_name, is_multi_byte_encoding, legacy_encodings
from smroi.xlsx_checks import DAMAGED_ARCHIVE_ERRORS, MAX_COLUMNS, check_workbook_structure

MAX_FILE_MB = 200  # the largest file smroi reads, in MB of 1024 x 1024 bytes as Streamlit's
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024  # uploader counts them (its max_upload_size)
MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_XLSX_RATIO = 150  # zip members that expand more than this are a "zip bomb"


def check_size(name: str, size: int) -> None:
    """InputFileError when a file of `size` bytes is larger than smroi reads (MAX_FILE_MB,
    the same limit the uploader states)."""
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            name,
            _(
                "the file is {size:,} MB; the limit is {limit:,} MB. Export a shorter period "
                "or fewer columns.",
                size=math.ceil(size / (1024 * 1024)),
                limit=MAX_FILE_MB,
            ),
        )


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
    return _read_csv(name, data, column_map)


def _read_xlsx(name: str, data: bytes, sheet: str | None = None) -> pd.DataFrame:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(name, archive)
            if _checking_structure():
                check_workbook_structure(name, archive, file_limits(data).memory_bytes)
    except DAMAGED_ARCHIVE_ERRORS:
        raise InputFileError(
            name, _("the Excel file is damaged (not a valid .xlsx archive).")
        ) from None
    return _read_excel(name, data, _("a damaged Excel file"), sheet)


def _checking_structure() -> bool:
    """True unless SMROI_XLSX_CHECKS is 0: then a workbook goes to calamine unscanned (for
    the tests that show a reader crash is contained by its worker process)."""
    return os.environ.get("SMROI_XLSX_CHECKS", "1").strip().lower() not in {"0", "false", "no"}


def _check_archive(name: str, archive: zipfile.ZipFile) -> None:
    """InputFileError for a zip file that is no workbook, or expands too far (a zip bomb)."""
    members = archive.infolist()
    if "xl/workbook.xml" not in {member.filename for member in members}:
        raise InputFileError(name, _("this zip file is not an Excel workbook (.xlsx)."))
    expanded = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if expanded > MAX_XLSX_UNCOMPRESSED or (expanded > 50e6 and expanded / packed > MAX_XLSX_RATIO):
        raise InputFileError(
            name,
            _(
                "the workbook expands to {size:,} MB, too large to open safely.",
                size=round(expanded / 1e6),
            ),
        )


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
        header_at = first_widest_row(sheets[sheet])
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


UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SAMPLE_BYTES = 65536  # the start of a file that the header search and the binary test read
# C0 control bytes other than tab, line feed and carriage return, and DEL
CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
BINARY_SHARE = 0.05  # more NULs and control bytes than this in the sample: not text
HIGH_BYTE = re.compile(rb"[\x80-\xff]")


@dataclass(frozen=True)
class _Text:
    """A CSV file made ready for pandas: its bytes in one `encoding`, or else `text` when
    it was decoded here (lines in two encodings, UTF-16); `notes` say what was done."""

    data: bytes
    encoding: str
    text: str | None = None
    notes: list[str] = field(default_factory=list)

    def start(self) -> str:
        """The first SAMPLE_BYTES of the file as text, for the header search."""
        if self.text is not None:
            return self.text[:SAMPLE_BYTES]
        return self.data[:SAMPLE_BYTES].decode(self.encoding, errors="ignore")

    def lines(self) -> list[str]:
        """The whole file's lines."""
        text = self.text if self.text is not None else self.data.decode(self.encoding, "replace")
        return text.splitlines()


def _decoded(name: str, data: bytes) -> _Text:
    """The file as text: UTF-16 by its BOM (or by its NULs when it has none), else UTF-8,
    Windows-1252, each line in the one of the two it is written in, or another encoding
    (smroi.text_encodings); NUL bytes removed and noted. A binary file (an image, a
    program, random bytes) is refused."""
    sample = data[:SAMPLE_BYTES]
    utf16 = "utf-16" if data.startswith(UTF16_BOMS) else _utf16_without_bom(sample)
    if utf16:
        return _utf16_text(name, data, utf16)
    if _looks_binary(sample):
        raise InputFileError(name, _("this is not a spreadsheet (CSV or Excel) file."))
    notes: list[str] = []
    if nuls := data.count(b"\x00"):
        data = data.replace(b"\x00", b"")
        notes.append(_nul_note(name, nuls))
    return _utf8_or_cp1252(name, data, notes)


def _looks_binary(sample: bytes) -> bool:
    """Whether the file's start is not text: over 5% NULs and control bytes, unless they
    are a few stray NULs (at most 10%) in what is otherwise clean text."""
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if controls <= BINARY_SHARE * len(sample):
        return False
    rest = sample.replace(b"\x00", b"")
    nuls = len(sample) - len(rest)
    others = controls - nuls
    return (
        nuls > 2 * BINARY_SHARE * len(sample)
        or others > max(1, 0.01 * len(rest))
        or not _is_text(rest)
    )


def _is_text(data: bytes) -> bool:
    """Whether the bytes decode as UTF-8 (a character cut off at the end allowed) or as
    Windows-1252."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return True
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return True


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text without its BOM (a NUL beside most
    characters, always on the same side), else None."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.3 * len(zeros) and other.count(0) <= 0.02 * len(other):
            return encoding
    return None


def _utf16_text(name: str, data: bytes, encoding: str) -> _Text:
    """A UTF-16 file decoded, its NUL characters removed and noted; a stray byte at its end
    left out and a broken character replaced by \ufffd, each said in a note."""
    notes: list[str] = []
    if len(data) % 2:
        data = data[:-1]
        notes.append(
            _(
                "{file}: a stray byte at the end of the file was left out (UTF-16 text comes "
                "in pairs of bytes).",
                file=name,
            )
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        replaced = _replaced(name, data, encoding, notes)
        text, notes = replaced.text or "", replaced.notes
    if nuls := text.count("\x00"):
        text = text.replace("\x00", "")
        notes.append(_nul_note(name, nuls))
    return _Text(b"", encoding, text.removeprefix("\ufeff"), notes)


def _utf8_or_cp1252(name: str, data: bytes, notes: list[str]) -> _Text:
    """UTF-8 when the whole file decodes (pandas then reads the bytes); else the encoding
    that charset-normalizer and smroi's plausibility check find for its lines that are not
    UTF-8: Windows-1252 (with the lines that are UTF-8 read as such, noted, as Excel's
    pasted-together files need), or another one (Shift_JIS, EUC-KR, GB18030, Windows-1251 ...)
    when the whole file decodes in it."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return _utf8_or_cp1252(name, data[: exc.start], notes)  # a character cut off
    else:
        return _Text(data, "utf-8-sig", None, notes)
    data = data.removeprefix(UTF8_BOM)  # a UTF-8 mark on a file that is not UTF-8 (Facebook)
    sample = _not_utf8_sample(data)
    candidates = legacy_encodings(sample)
    # a UTF-8 character somewhere, and not by chance in a Shift_JIS (multi-byte) file
    if not is_multi_byte_encoding(candidates[0]) and not data.decode("utf-8", "ignore").isascii():
        text, cp1252_lines, utf8_lines = _line_by_line(name, data)
        if utf8_lines:
            return _Text(b"", "utf-8", text, [*notes, _mixed_note(name, cp1252_lines, utf8_lines)])
    likeliest = sample.decode(candidates[0], errors="replace")
    for encoding in candidates[:MOST_TRIED]:
        if sample.decode(encoding, errors="replace") != likeliest:
            continue  # a byte the likeliest cannot read makes no other encoding likelier
        if (whole := _in_encoding(data, encoding)) is not None:
            return _Text(whole, encoding, None, notes)
    return _replaced(name, data, candidates[0], notes)


MOST_TRIED = 3  # the likeliest encodings (that read the sample alike) a file is tried in


def _in_encoding(data: bytes, encoding: str) -> bytes | None:
    """`data` when the whole of it is text in `encoding` (without a character cut off at
    the very end), else None."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason in CUT_OFF:
            return _in_encoding(data[: exc.start], encoding)
        return None
    except LookupError:
        return None
    return data


CUT_OFF = ("unexpected end of data", "incomplete multibyte sequence", "truncated data")


def _replaced(name: str, data: bytes, encoding: str, notes: list[str]) -> _Text:
    """The file decoded in the encoding most of it is in, the bytes that are not replaced
    by \ufffd and counted in a note."""
    text = data.decode(encoding, errors="replace")
    count = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    note = _n(
        "{file}: {count:,} character could not be read as {encoding} text and was replaced by "
        "\ufffd (the file may be damaged).",
        "{file}: {count:,} characters could not be read as {encoding} text and were replaced "
        "by \ufffd (the file may be damaged).",
        count,
        file=name,
        count=count,
        encoding=encoding_name(encoding),
    )
    return _Text(b"", encoding, text, [*notes, note])


SAMPLE_SLICES = 16  # evenly spaced slices of a file that the encoding is decided from
SLICE_BYTES = 4096


def _not_utf8_sample(data: bytes) -> bytes:
    """Whole lines from SAMPLE_SLICES evenly spaced places in the file (its start and end
    among them) that are not UTF-8: what its other encoding is decided from."""
    if len(data) <= SAMPLE_SLICES * SLICE_BYTES:
        starts = [0]
        size = len(data)
    else:
        step = (len(data) - SLICE_BYTES) // (SAMPLE_SLICES - 1)
        starts = [i * step for i in range(SAMPLE_SLICES)]
        size = SLICE_BYTES
    lines: list[bytes] = []
    for start in starts:
        begin = data.rfind(b"\n", 0, start) + 1 if start else 0
        end = data.find(b"\n", start + size)
        chunk = data[begin : len(data) if end < 0 else end + 1]
        for line in chunk.splitlines(keepends=True):
            if HIGH_BYTE.search(line) and not _is_utf8(line):
                lines.append(line)
    return b"".join(dict.fromkeys(lines))  # a line twice (slices that meet) counts once


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_by_line(name: str, data: bytes) -> tuple[str, list[int], list[int]]:
    """The text with each line that is not UTF-8 read as Windows-1252, the numbers of those
    lines, and of the lines that are UTF-8 beyond ASCII. Only lines with a byte above ASCII
    are looked at one by one."""
    pieces: list[str] = []
    cp1252_lines: list[int] = []
    utf8_lines: list[int] = []
    decoded = counted = position = 0  # bytes decoded into pieces; bytes whose lines are counted
    line = 1
    while (match := HIGH_BYTE.search(data, position)) is not None:
        start = data.rfind(b"\n", 0, match.start()) + 1
        end = data.find(b"\n", match.start()) + 1 or len(data)
        line += data.count(b"\n", counted, start)
        counted = position = start
        chunk = data[start:end]
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = chunk.decode("cp1252")
            except UnicodeDecodeError:
                raise InputFileError(
                    name, _("the text encoding is not UTF-8, UTF-16 or Windows-1252.")
                ) from None
            pieces += [data[decoded:start].decode("utf-8"), text]
            decoded = end
            cp1252_lines.append(line)
        else:
            utf8_lines.append(line)
        position = end
    pieces.append(data[decoded:].decode("utf-8"))
    return "".join(pieces), cp1252_lines, utf8_lines


def _mixed_note(name: str, cp1252_lines: list[int], utf8_lines: list[int]) -> str:
    """What a file with lines in two encodings says: the fewer lines, listed."""
    if len(cp1252_lines) <= len(utf8_lines):
        return _n(
            "{file}: line {lines} was in Windows-1252, the rest in UTF-8; both were read.",
            "{file}: lines {lines} were in Windows-1252, the rest in UTF-8; both were read.",
            len(cp1252_lines),
            file=name,
            lines=listed(cp1252_lines),
        )
    return _n(
        "{file}: line {lines} was in UTF-8, the rest in Windows-1252; both were read.",
        "{file}: lines {lines} were in UTF-8, the rest in Windows-1252; both were read.",
        len(utf8_lines),
        file=name,
        lines=listed(utf8_lines),
    )


def _nul_note(name: str, count: int) -> str:
    """What a text file with NUL bytes in it says."""
    return _n(
        "{file}: {count:,} NUL byte (an invisible null character) was removed.",
        "{file}: {count:,} NUL bytes (invisible null characters) were removed.",
        count,
        file=name,
        count=count,
    )


def _table_ends(lines: list[str], number: int) -> bool:
    """A '# ' comment after a blank line starts the next table (GA4 puts several in a file)."""
    return bool(COMMENT.match(lines[number])) and number > 0 and not lines[number - 1].strip()


def _read_csv(name: str, data: bytes, column_map: Mapping[str, str]) -> pd.DataFrame:
    decoded = _decoded(name, data)
    sample = decoded.start()
    if not sample.strip():
        raise InputFileError(name, _("the file is empty."))
    lines = sample.splitlines()[:HEADER_SEARCH_LINES]
    delimiter, header_at = find_header(lines)
    notes: list[str] = list(decoded.notes)  # Messages (smroi.i18n)
    preamble: list[str] = []
    comments_below = any(_table_ends(lines, i) for i in range(header_at + 1, len(lines)))
    encoding: str | None = None  # of bytes pandas decodes; None for text decoded here
    if header_at == 0 and not comments_below:
        headers_line = lines[0]
        if decoded.text is None:  # the fast path for large plain files
            source: io.IOBase = io.BytesIO(decoded.data)
            encoding = decoded.encoding
        else:
            source = io.StringIO(decoded.text)
        if len(lines) == 1:  # a header longer than the sample: all of it, not its start
            headers_line = _first_line(decoded)
    else:
        all_lines = decoded.lines()
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
    headers = _headers(name, headers_line, delimiter)
    # Measures are parsed by pandas' fast path; every other column stays text
    # (a 19-digit post id must not become a float). In a file separated by ";" (where the
    # comma is the decimal mark) measures stay text too: pandas would read "1.234" as 1.234
    # before smroi.parsing could read it as a thousand.
    stripped = [h.strip() for h in headers]
    mapping, _ignored = map_columns(stripped, recognise(stripped), column_map)
    text_columns = {
        h: object for h in headers if delimiter == ";" or mapping.get(h.strip()) not in MEASURES
    }
    # In a "," file the names and dates smroi reads are first read as pandas' own strings
    # (built in C, not a Python string per cell); the other text, and every cell of a ";"
    # file (for smroi.parsing), as Python text.
    read_as = {
        h: kind
        for h, kind in text_columns.items()
        if delimiter == ";" or mapping.get(h.strip(), "") not in TEXT_READ_FAST
    }
    frame, too_long = _read_rows(name, source, encoding, delimiter, read_as, header_at)
    if numeric := _text_read_as_numbers(frame, text_columns, read_as, mapping):
        # ids, "0123", "true": text that looks like numbers is read again as written
        read_as = {**read_as, **{h: object for h in numeric}}
        frame, too_long = _read_rows(name, source, encoding, delimiter, read_as, header_at)
    if dotted := _maybe_thousands(frame, text_columns):
        # another measure is text ("125,50"): the file may write a decimal comma, so a
        # column pandas read as 1.0 from "1.000" is read again as text, for smroi.parsing
        # to decide from the whole file (smroi.ingest reads "1.000" beside "125,50" as 1000)
        text_columns = {**text_columns, **{h: object for h in dotted}}
        read_as = {**read_as, **{h: object for h in dotted}}
        frame, too_long = _read_rows(name, source, encoding, delimiter, read_as, header_at)
    if frame.empty:
        raise InputFileError(name, _("the file has a header but no rows of data."))
    frame.columns = _unique([str(column).strip() for column in frame.columns])
    frame.attrs["first_row"] = header_at + 2
    frame.attrs["notes"] = notes
    frame.attrs["preamble"] = preamble
    frame.attrs["delimiter"] = delimiter  # ";" hints at a decimal comma (smroi.parsing)
    frame.attrs["unread_rows"] = [
        (_("{count} cells where the header has {columns}", count=cells, columns=len(headers)), rows)
        for cells, rows in too_long.items()
    ]
    return frame


def _first_line(decoded: _Text) -> str:
    """The file's first line, however long."""
    if decoded.text is not None:
        return decoded.text.split("\n", 1)[0].rstrip("\r")
    return decoded.data.split(b"\n", 1)[0].decode(decoded.encoding, "replace").rstrip("\r")


def _headers(name: str, line: str, delimiter: str) -> list[str]:
    """The column names on the header line; InputFileError when there are more than a
    spreadsheet can hold (reading such a file would take minutes and gigabytes)."""
    headers = next(csv.reader([line], delimiter=delimiter), [])
    if len(headers) > MAX_COLUMNS:
        raise InputFileError(
            name,
            _(
                "its header has {count:,} columns, more than a spreadsheet can hold "
                "({limit:,}); export fewer columns.",
                count=len(headers),
                limit=MAX_COLUMNS,
            ),
        )
    return headers


def without_unread_rows(name: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Message]]:
    """The table without the rows the reader could not read (a line with more cells than
    the header, an empty row in the table), and a sentence for each reason naming those
    rows: for readers that keep no import report (keywords, coupons, survey answers)."""
    unread: list[tuple[str, list[int]]] = frame.attrs.get("unread_rows", [])
    if not unread:
        return frame, []
    numbers = int(frame.attrs.get("first_row", 2)) + np.arange(len(frame))
    kept = frame[~np.isin(numbers, [row for _reason, rows in unread for row in rows])]
    # its rows are no longer numbered from first_row
    kept.attrs = {k: v for k, v in frame.attrs.items() if k not in ("unread_rows", "first_row")}
    return kept, [
        _n(
            "{file}: {count:,} row left out ({reason}): row {rows}.",
            "{file}: {count:,} rows left out ({reason}): rows {rows}.",
            len(rows),
            file=name,
            count=len(rows),
            reason=reason,
            rows=listed(rows),
        )
        for reason, rows in unread
    ]


# The canonical columns read from text that a "," file's columns are first read for as
# pandas' own strings (the long columns of names, dates and paid/organic of an export).
TEXT_READ_FAST = frozenset(c for c in COLUMNS if c not in MEASURES)


def _text_read_as_numbers(
    frame: pd.DataFrame,
    text_columns: Mapping[str, type],
    read_as: Mapping[str, type],
    mapping: Mapping[str, str],
) -> list[str]:
    """The columns read as text (names, dates) that pandas read as something else (numbers,
    true/false): a 19-digit post id must not become a float, nor "0123" 123. A paid/organic
    column read as true/false is kept: it was written as true/false."""
    return [
        header
        for header in text_columns
        if header not in read_as
        and header in frame.columns
        and not pd.api.types.is_string_dtype(frame[header])
        and not (
            mapping.get(header.strip()) == "paid" and pd.api.types.is_bool_dtype(frame[header])
        )
        and frame[header].notna().any()
    ]


def _maybe_thousands(frame: pd.DataFrame, text_columns: Mapping[str, type]) -> list[str]:
    """The measure columns pandas read as decimals (float64) in a table where another
    measure column is text: "1.000" there may be a thousand."""
    measures = [column for column in frame.columns if column not in text_columns]
    floats = [column for column in measures if frame[column].dtype == "float64"]
    numeric = [column for column in measures if pd.api.types.is_numeric_dtype(frame[column])]
    return floats if floats and len(numeric) < len(measures) else []


PANDAS_TOO_MANY = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
PANDAS_SKIPPED = re.compile(r"Skipping line (\d+): expected \d+ fields, saw (\d+)")
PANDAS_OPEN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _read_rows(
    name: str,
    source: io.IOBase,
    encoding: str | None,
    delimiter: str,
    text_columns: Mapping[str, type],
    header_at: int,
) -> tuple[pd.DataFrame, dict[int, list[int]]]:
    """The table below the header line, and the rows with more cells than the header, by
    their number of cells: each is an empty row in the table, numbered as in the file.
    InputFileError, in a plain sentence, for a file that is no table."""

    def read(on_bad_lines: str) -> tuple[pd.DataFrame, list[str]]:
        source.seek(0)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            frame = pd.read_csv(
                source,
                encoding=encoding,
                sep=delimiter,
                dtype=text_columns,
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                engine="c",
                # a first row with one cell too many (GA4's "Grand total"): that cell is
                # dropped, it is a totals label
                index_col=False,
                on_bad_lines=on_bad_lines,
            )
        for other in (w for w in caught if w.category is not pd.errors.ParserWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
        return frame, [str(w.message) for w in caught if w.category is pd.errors.ParserWarning]

    try:
        try:
            return read("error")[0], {}
        except pd.errors.ParserError as exc:
            if not PANDAS_TOO_MANY.search(str(exc)):
                raise
            frame, messages = read("warn")
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputFileError(name, _csv_problem(str(exc), header_at)) from None
    skipped = [
        (int(line), int(cells)) for m in messages for line, cells in PANDAS_SKIPPED.findall(m)
    ]
    if not skipped:  # pandas said a line was too long, then read the file without it
        raise InputFileError(name, _csv_problem(str(messages), header_at))
    rows = len(frame) + len(skipped)
    if len(skipped) * 2 > rows:
        raise InputFileError(
            name,
            _n(
                "{count:,} of its {rows:,} row has more cells than the column names on line "
                "{line}; check that they are the file's column names.",
                "{count:,} of its {rows:,} rows have more cells than the column names on line "
                "{line}; check that they are the file's column names.",
                rows,
                count=len(skipped),
                rows=rows,
                line=header_at + 1,
            ),
        )
    # pandas counts lines from the header (line 1); put an empty row where each one was
    positions = np.array([line - 2 for line, _cells in skipped])
    frame.index = np.setdiff1d(np.arange(rows), positions)
    frame = frame.reindex(np.arange(rows))
    too_long: dict[int, list[int]] = {}
    for line, cells in skipped:
        too_long.setdefault(cells, []).append(header_at + line)
    return frame, too_long


def _csv_problem(error: str, header_at: int) -> str:
    """pandas' parser error as a plain sentence."""
    if found := PANDAS_TOO_MANY.search(error):
        columns, line, cells = (int(n) for n in found.groups())
        return _(
            "line {line} has {count} cells where the column names have {columns}.",
            line=header_at + line,
            count=cells,
            columns=columns,
        )
    if found := PANDAS_OPEN_QUOTE.search(error):
        return _(
            'a quoted cell that starts on line {line} is never closed (a " without its '
            "partner), so the rest of the file cannot be read.",
            line=header_at + int(found.group(1)) + 1,
        )
    return _("it could not be read as a table (CSV): its separators or quotes do not line up.")


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
