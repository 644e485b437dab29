"""The rows and settings a report (Excel or PDF) is made of: the dashboard's filters applied."""

from __future__ import annotations

from datetime import date

import pandas as pd

from smroi.claimed_sales import recorded_files
from smroi.currency import files_in_use, report_currency
from smroi.ingest import ImportReport
from smroi.metrics import Analysis, analyse
from smroi.settings import Settings


def report_analysis(
    table: pd.DataFrame,
    reports: list[ImportReport],
    settings: Settings,
    *,
    start: date | None = None,
    end: date | None = None,
    platforms: list[str] | None = None,
) -> tuple[Analysis, Settings, list[object]]:
    """The analysis of the rows in view (dates, platforms) in the report's currency (the
    settings', else the files'), the settings with that currency, and notes on it."""
    currency, notes = report_currency(settings.currency, files_in_use(reports))
    settings = settings.with_changes(currency=currency)
    analysis = analyse(
        table,
        settings,
        start=start,
        end=end,
        platforms=platforms,
        recorded_from=recorded_files(reports),
    )
    return analysis, settings, list(notes)
