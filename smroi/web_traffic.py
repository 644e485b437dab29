"""Web-analytics (GA4) reports: each visit's platform and paid, and the rows not from social."""

from __future__ import annotations

import pandas as pd

from smroi.cells import _categorical_unique
from smroi.errors import InputFileError
from smroi.exports import PAID_MEDIUMS, SOCIAL_CHANNELS, platform_of_source
from smroi.i18n import _
from smroi.import_report import ImportReport

ANALYTICS = "Google Analytics 4"


def _web_traffic(
    columns: dict[str, pd.Series], index: pd.Index, report: ImportReport
) -> list[tuple[str, pd.Series]]:
    """Rows of a web-analytics report (GA4) by source or channel: the platform each visit
    came from, paid when its medium or channel says so. Returns the rows that are not
    social media traffic (Direct, Organic Search, e-mail, other sites), which are left out:
    their sales are not social media's return. A report with neither a source nor a
    channel column is refused: which of its visits came from social media, it cannot say."""
    if "utm_source" not in columns and "element" not in columns:
        raise InputFileError(
            report.file,
            _(
                "this Google Analytics report does not say where its visits came from, so "
                "those from social media cannot be told apart; add the dimension 'Session "
                "source / medium' or 'Session default channel group' to it in Google "
                "Analytics and export it again."
            ),
        )
    empty = pd.Series(None, index=index, dtype=object)
    source = columns.get("utm_source", empty).astype(object)
    label = columns.get("element", empty).astype(object)
    medium = columns.get("utm_medium", empty).astype(object)
    platform = _categorical_unique(source.fillna(label), platform_of_source).astype(object)
    channel = label.fillna("").astype(str).str.strip().str.lower()
    social_channel = channel.isin(SOCIAL_CHANNELS)
    platform = platform.where(platform.notna(), social_channel.map({True: "social", False: None}))
    medium = medium.fillna(label.fillna("").astype(str).str.split(" / ").str[1])
    columns["platform"] = platform
    columns["paid"] = medium.fillna("").astype(str).str.strip().str.lower().isin(
        PAID_MEDIUMS
    ) | channel.str.startswith("paid")
    if "element" not in columns and "utm_source" in columns:
        columns["element"] = source
    if (platform == "social").any():
        report.warnings.append(
            _(
                "{file}: Google Analytics groups visits by channel here and does not say which "
                "network they came from; its social rows are counted as platform 'social'.",
                file=report.file,
            )
        )
    other = platform.isna()
    names = source.fillna(label).fillna("(not set)").astype(str)
    return [
        (
            _("website traffic that did not come from social media: {source}", source=name),
            other & (names == name),
        )
        for name in names[other].unique()
    ]
