"""Rows that are not data, found or put back: description, slid, totals and sum rows."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from smroi.canonical import DIMENSIONS, LABELS, MEASURES
from smroi.i18n import _, _n, listed
from smroi.import_report import ImportReport
from smroi.parsing import blank_cells, map_unique, number_from_text

TOTALS = re.compile(
    r"^\s*(?:grand total|total geral|total general|totals?|totalt|totaal|totale|gesamt|"
    r"gesamtsumme|insgesamt|i alt|summe|toplam|合計|総計|全\s*[\d,]+\s*件の結果)\s*(?:[:：].*)?$",
    re.IGNORECASE,
)
TOTALS_REASON = _("a totals row (adding it would count everything twice)")
SCAN_ALL_TEXT_UP_TO = 200_000  # rows; above, only the recognised label columns are scanned


DIGITS = re.compile(r"[-+(]?[\d\s.,'’]+\)?")


def _drop_description_row(
    raw: pd.DataFrame, mapping: dict[str, str], first_row: int, report: ImportReport
) -> tuple[pd.DataFrame, int]:
    """A second header row (Facebook Insights describes every column under its name) is
    not data: drop it and say so."""
    if raw.empty:
        return raw, first_row
    measures = [header for header, column in mapping.items() if column in MEASURES]
    cells = [raw[header].iloc[0] for header in measures]
    texts = [c for c in cells if isinstance(c, str) and c.strip()]
    # a cell of digits is a number here even when too large to be an amount
    numbers = [c for c in texts if number_from_text(c) is not None or DIGITS.fullmatch(c.strip())]
    if len(texts) == len(cells) and not numbers and any(len(t) > 15 for t in texts):
        report.warnings.append(
            _(
                "{file}: row {row} describes the columns (a second header row); it is not "
                "read as data.",
                file=report.file,
                row=first_row,
            )
        )
        return raw.iloc[1:], first_row + 1
    return raw, first_row


SHAPES = (
    ("date", re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")),
    ("range", re.compile(r"^\d{1,3}\s*[-–]\s*\d{1,3}$|^\d{1,3}\+$")),
    ("whole", re.compile(r"^-?\d+$")),
    ("decimal", re.compile(r"^-?\d*[.,]\d+$")),
    ("letter", re.compile(r"^[A-Za-z]$")),
)
REPAIR_UP_TO = 50_000  # rows; a larger file is not scanned for shifted rows


def _shape(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value).strip()
    if not text:
        return ""
    return next((name for name, pattern in SHAPES if pattern.match(text)), "text")


def _repair_shifted_rows(raw: pd.DataFrame, first_row: int, report: ImportReport) -> pd.DataFrame:
    """Rows whose cells slid one to three columns to the left (a column missing in the
    middle, the last ones empty), as some re-saved exports have: put back where they fit."""
    if len(raw) > REPAIR_UP_TO or raw.shape[1] < 4:
        return raw
    blank = [
        raw[c].isna().to_numpy() | (raw[c].astype(str).str.strip() == "").to_numpy()
        for c in raw.columns[-3:]
    ]
    tail_empty = np.zeros(len(raw), dtype=int)
    for k in (1, 2, 3):
        tail_empty[np.logical_and.reduce(blank[-k:])] = k
    if not tail_empty.any() or (tail_empty == 0).sum() < 5:
        return raw
    complete = raw[tail_empty == 0].head(2000).map(_shape)
    expected = [complete[c][complete[c] != ""].mode() for c in raw.columns]
    expected_shape = [e.iloc[0] if len(e) else "" for e in expected]
    candidates = raw[tail_empty > 0].map(_shape)

    def fits(row_shapes: list[str]) -> float:
        pairs = [
            (have, want)
            for have, want in zip(row_shapes, expected_shape, strict=True)
            if have and want
        ]
        ok = sum(1 for have, want in pairs if have == want or {have, want} == {"whole", "decimal"})
        return ok / len(pairs) if pairs else 1.0

    repaired: list[int] = []
    values = raw.to_numpy(dtype=object, copy=True)
    for position, row_shapes in zip(
        np.flatnonzero(tail_empty), candidates.itertuples(index=False), strict=True
    ):
        row = list(row_shapes)
        if fits(row) >= 0.9:
            continue
        best = (fits(row), 0, 0)
        for k in range(1, tail_empty[position] + 1):
            for gap in range(1, raw.shape[1] - k):
                moved = row[:gap] + [""] * k + row[gap : len(row) - k]
                score = fits(moved)
                if score > best[0]:
                    best = (score, k, gap)
        score, k, gap = best
        if k and score >= 0.9:
            cells = list(values[position])
            values[position] = cells[:gap] + [None] * k + cells[gap : len(cells) - k]
            repaired.append(int(position))
    if not repaired:
        return raw
    fixed = pd.DataFrame(values, index=raw.index, columns=raw.columns)
    for column in raw.columns:  # keep the fast types of untouched columns
        if not pd.api.types.is_object_dtype(raw[column]) and not pd.api.types.is_string_dtype(
            raw[column]
        ):
            fixed[column] = pd.to_numeric(fixed[column], errors="coerce")
    rows = listed(p + first_row for p in repaired)
    report.warnings.append(
        _n(
            "{file}: {count:,} row had cells slid to the left (a column missing in the middle) "
            "and was put back where their values fit: row {rows}.",
            "{file}: {count:,} rows had cells slid to the left (a column missing in the middle) "
            "and were put back where their values fit: rows {rows}.",
            len(repaired),
            file=report.file,
            count=len(repaired),
            rows=rows,
        )
    )
    return fixed


def _totals_rows(raw: pd.DataFrame, mapping: dict[str, str]) -> pd.Series:
    """Rows that add up other rows: their first filled cell says "Total: Account", "Totalt",
    "Grand total" (a "Total" further right, such as a lifetime budget type, is data)."""
    found = pd.Series(False, index=raw.index)
    seen = pd.Series(False, index=raw.index)
    scan_all = len(raw) <= SCAN_ALL_TEXT_UP_TO
    labels = {h for h, c in mapping.items() if c in (*LABELS, *DIMENSIONS)}
    for header in raw.columns:
        values = raw[header]
        filled = values.notna()
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            if scan_all or header in labels:
                total = map_unique(values, lambda v: isinstance(v, str) and bool(TOTALS.match(v)))
                found |= ~seen & total.astype(bool)
            filled &= ~blank_cells(values) if scan_all else filled
        seen |= filled
        if seen.all():
            break
    return found


def _unlabelled_sum_rows(columns: dict[str, pd.Series], measures: pd.DataFrame) -> pd.Series:
    """A first or last row with no name whose numbers are the sum of all the other rows
    (GA4 puts its "Grand total" there, with the label in a cell past the last column)."""
    found = pd.Series(False, index=measures.index)
    labels = [columns[c] for c in (*LABELS, *DIMENSIONS) if c in columns]
    if not labels or len(measures) < 3 or measures.empty:
        return found
    unnamed = pd.concat(labels, axis=1).isna().all(axis=1)
    for position in {0, len(measures) - 1}:
        if not unnamed.iloc[position]:
            continue
        row = measures.iloc[position]
        rest = measures.drop(index=measures.index[position]).sum()
        filled = row.notna() & (row != 0)
        if filled.any() and np.allclose(row[filled], rest[filled], rtol=1e-6, atol=0.01):
            found.iloc[position] = True
    return found
