"""Columns a file lacks, read from those it has: results, utm tags, engagements."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from smroi.canonical import DIMENSIONS
from smroi.exports import (
    ENGAGEMENT_PARTS,
    RESULT_COLUMNS,
    RESULT_INDICATORS,
    URL_COLUMNS,
    normalise_header,
)
from smroi.i18n import _
from smroi.import_report import ImportReport
from smroi.parsing import parse_numbers
from smroi.utm import utm_columns


def _results_by_indicator(
    raw: pd.DataFrame, columns: dict[str, pd.Series], report: ImportReport
) -> None:
    """Meta's "Results" column holds leads, purchases or conversations by its "Result
    indicator": read it as leads or sales where the export has no such column of its own."""
    normalised = {normalise_header(h): h for h in raw.columns}
    results = next((normalised[n] for n in RESULT_COLUMNS if n in normalised), None)
    indicator = next((normalised[n] for n in RESULT_INDICATORS if n in normalised), None)
    if results is not None and indicator is None and not {"leads", "conversions"} & set(columns):
        report.warnings.append(
            _(
                "{file}: column {column} counts each campaign's own result (leads, sales or "
                "something else) and the file does not say which, so it is not used; if they "
                "are leads or sales, choose that for it on the Data page.",
                file=report.file,
                column=repr(results),
            )
        )
    if results is None or indicator is None:
        return
    counts, _bad, _mark = parse_numbers(raw[results])
    kind = raw[indicator].astype("object").fillna("").astype(str).str.lower()
    used = []
    for column, words in (
        ("leads", r"lead|messaging_conversation|contact"),
        ("conversions", r"purchase"),
    ):
        if column in columns:
            continue
        matches = kind.str.contains(words)
        if matches.any():
            columns[column] = counts.where(matches)
            used.append(column)
    if used:
        report.column_map[results] = _(
            "{columns} (by {indicator})", columns=" / ".join(used), indicator=indicator
        )
        report.column_map[indicator] = _("(tells what each result is)")
        report.ignored_columns = [
            h for h in report.ignored_columns if h not in (results, indicator)
        ]


def _utm_from_links(
    raw: pd.DataFrame,
    columns: dict[str, pd.Series],
    report: ImportReport,
    overrides: Mapping[str, str],
) -> None:
    """A column of the links people clicked ("Landing page", "Final URL") fills the utm_*
    columns from the links' utm tags, where the file has no such column of its own (its own
    column wins, whole). The first such column whose links have tags is used."""
    wanted = [c for c in DIMENSIONS if c.startswith("utm_") and c not in columns]
    if not wanted:
        return
    headers = {normalise_header(h): h for h in report.ignored_columns if overrides.get(h) != ""}
    for header in (headers[name] for name in URL_COLUMNS if name in headers):
        tags = utm_columns(raw[header])[wanted].dropna(axis=1, how="all")
        if tags.columns.empty:
            continue
        columns.update({column: tags[column] for column in tags.columns})
        report.column_map[header] = _(
            "{columns} (read from its links' tags)", columns=" / ".join(tags.columns)
        )
        report.ignored_columns.remove(header)
        return


def _engagements_from_parts(
    raw: pd.DataFrame, columns: dict[str, pd.Series], report: ImportReport, least: int = 2
) -> None:
    """Engagements are reactions, comments, shares and saves: a file that counts them in
    separate columns, and has no engagements column, gets their sum. `least` parts are
    needed: 2 in any file (a lone "Likes" may be a page's fans), 1 in a platform's export
    of posts, where the parts it has are all its engagement (a YouTube table with Likes)."""
    parts = [h for h in raw.columns if normalise_header(h) in ENGAGEMENT_PARTS]
    if not parts or len(parts) < least:
        return
    counts = [parse_numbers(raw[h])[0] for h in parts]
    columns["engagements"] = pd.concat(counts, axis=1).sum(axis=1, min_count=1)
    for header in parts:
        report.column_map[header] = _("engagements (added up)") if len(parts) > 1 else "engagements"
    report.ignored_columns = [h for h in report.ignored_columns if h not in parts]
