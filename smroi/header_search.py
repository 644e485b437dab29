"""Where a table's header is: the row with the most column names smroi knows, else (names
in any language) the first row of the longest run of rows of one width, below titles and
date ranges."""

from __future__ import annotations

import csv
import re

import numpy as np
import pandas as pd

from smroi.exports import header_score

DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_LINES = 500


def find_header(lines: list[str]) -> tuple[str, int]:
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
        run = _longest_run(lines)
        if run is not None and run[1] > first and _only_titles_above(lines, *run):
            return run  # title lines in words smroi does not know
        try:
            sample = "\n".join(lines[first : first + 50])
            return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter, first
        except csv.Error:
            return ",", first
    return best[2], best[3]


def first_widest_row(frame: pd.DataFrame) -> int:
    """The header of a sheet whose column names smroi does not know: the first row with
    the most filled cells, when it has two or more and every row above has fewer (title
    lines and a date range in any language); else the first filled row."""
    filled = frame.head(HEADER_SEARCH_LINES).notna().sum(axis=1).to_numpy()
    if not filled.any():
        return 0
    widest = int(np.argmax(filled))
    if filled[widest] >= 2 and (filled[:widest] < filled[widest]).all():
        return widest
    return int(np.argmax(filled > 0))


def _only_titles_above(lines: list[str], delimiter: str, start: int) -> bool:
    """Whether every line above `start` has fewer cells than that line: titles and date
    ranges, not a header with a cell more than its rows ("Name,Value," over "x,1")."""
    rows = list(csv.reader(lines[: start + 1], delimiter=delimiter))
    return all(len(row) < len(rows[start]) for row in rows[:start])


def _longest_run(lines: list[str]) -> tuple[str, int] | None:
    """The delimiter and the first line of the longest run of lines that have the same
    number of cells (two or more), a header and at least one row: the header of a table
    whose column names smroi does not know (one long line among short ones is a row, not
    a header), below title lines in any language ("キャンペーン レポート", a date range)."""
    best: tuple[int, int, str, int] | None = None  # lines, -start, delimiter, start
    for delimiter in DELIMITERS:
        start, length, cells = 0, 0, -1
        for number, row in enumerate(csv.reader(lines, delimiter=delimiter)):
            count = len(row) if row and not row[0].lstrip().startswith("#") else 0
            if count != cells or count < 2:
                start, length, cells = number, 0, count
            length += 1
            if cells >= 2 and length >= 2 and (best is None or (length, -start) > best[:2]):
                best = (length, -start, delimiter, start)
    return None if best is None else (best[2], best[3])


COMMENT = re.compile(r"^#(?:\s|-|$)")
