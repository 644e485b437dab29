"""The report as one PDF: verdict, headline figures, assumptions, charts and top rows.

    report_pdf(table, reports, settings, start=..., end=..., platforms=..., lang="fa")
    snapshot_pdf(snapshot, lang="nb", link="https://…/?report=TOKEN")
    snapshot_verdict(snapshot, lang="en")  # the verdict sentence, for a mail's body

The PDF holds, in the report's language: the title and the period covered; the verdict
(green when social media paid, red when it did not, blue when it cannot be told, as the
app's box) and the headline figures with their 90% ranges (the Overview's cards); the
settings behind the numbers in a short list (smroi.workbook.summary.settings_rows, as
the workbook's Summary sheet); then the charts of the Overview, Cost per result, Goals and
Earned media pages (the same smroi.charts builders, same arguments) and the top rows of
their tables ("and 12 more" when cut); each page's foot has its number, "Made by smroi"
and the live report's link when given. Numbers are written by smroi.formatting, as on
screen; an undefined one is "—", never 0. Text from the user's files (campaign names)
is only ever drawn as text.

Why fpdf2: pure-Python wheels with no system library (WeasyPrint needs Pango and its
fonts installed; ReportLab cannot shape Persian), HarfBuzz shaping through uharfbuzz, so
Persian letters join, fonts embedded as subsets (a report is a few hundred kB), and
pypdf places the charts vl-convert draws as vector PDF pages. Right-to-left lines are
laid out by smroi.pdf.text so that text extracted from the PDF reads in logical order.
This package never imports streamlit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from smroi.ingest import ImportReport
from smroi.metrics import headline
from smroi.narrative import headline_sentence
from smroi.pdf.report import build_report
from smroi.report_view import report_analysis
from smroi.settings import Settings
from smroi.store import Snapshot

__all__ = ["report_pdf", "snapshot_pdf", "snapshot_verdict"]


def report_pdf(
    table: pd.DataFrame,
    reports: list[ImportReport],
    settings: Settings,
    *,
    start: date | None = None,
    end: date | None = None,
    platforms: list[str] | None = None,
    lang: str = "en",
    digits: str = "native",
    title: str = "",
    link: str | None = None,
) -> bytes:
    """The PDF report of the rows in view (the dashboard's filters), as bytes.

    `lang` ("en", "nb" or "fa") and `digits` ("native" or "latin") as in report_workbook;
    `title` replaces the default title; `link` (a share link) is printed on every page.
    """
    return build_report(
        table,
        list(reports),
        settings,
        start=start,
        end=end,
        platforms=platforms,
        lang=lang,
        digits=digits,
        title=title,
        link=link,
    )


def _snapshot_filters(snapshot: Snapshot) -> dict[str, Any]:
    """The dates and platforms a saved report was shared with, as report_pdf takes them."""
    platforms = list(snapshot.platforms) if snapshot.platforms is not None else None
    return {"start": snapshot.start, "end": snapshot.end, "platforms": platforms}


def snapshot_pdf(
    snapshot: Snapshot, *, lang: str = "en", digits: str = "native", link: str | None = None
) -> bytes:
    """A saved report (share link) as a PDF, with its own dates, platforms and title."""
    return build_report(
        snapshot.table,
        list(snapshot.reports),
        snapshot.settings,
        **_snapshot_filters(snapshot),
        lang=lang,
        digits=digits,
        title=snapshot.info.title,
        link=link,
    )


def snapshot_verdict(snapshot: Snapshot, *, lang: str = "en", digits: str = "native") -> str:
    """The verdict sentence of a saved report (what it cost, brought in, whether it paid)."""
    analysis, settings, _notes = report_analysis(
        snapshot.table, list(snapshot.reports), snapshot.settings, **_snapshot_filters(snapshot)
    )
    return headline_sentence(headline(analysis), settings.currency_code, lang=lang, digits=digits)
