"""Cost per result, drilled down from platform to campaign to post or ad (METRICS.md 5, 7)."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd

from smroi.canonical import NOT_SET
from smroi.i18n import N_
from smroi.metrics import Analysis, by_group

LEVELS: dict[str, list[str]] = {
    "platform": ["platform"],
    "campaign": ["platform", "campaign"],
    "element": ["platform", "campaign", "element"],
}
# English, marked for translation: show them with t() / translator(lang)
LEVEL_LABELS: dict[str, str] = {
    "platform": N_("Platform"),
    "campaign": N_("Campaign"),
    "element": N_("Post / ad"),
}


def drill_down(
    analysis: Analysis, level: str, *, platform: str | None = None, campaign: str | None = None
) -> pd.DataFrame:
    """Metrics per platform, campaign or post/ad, optionally inside one platform and campaign."""
    rows = analysis.rows
    if platform is not None:
        rows = rows[rows["platform"] == platform]
    if campaign is not None:
        rows = rows[rows["campaign"].astype("object").fillna(NOT_SET) == campaign]
    narrowed = replace(analysis, rows=rows)  # the same months and costs, fewer rows
    return by_group(narrowed, LEVELS[level])


def best_and_worst(
    frame: pd.DataFrame, n: int = 5
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The cheapest and the dearest rows by cost per result (never the same row in both),
    and the rows that spent money with no result, biggest spend first.

    Only rows with ad spend count: organic posts have no cost per result.
    """
    spent = frame[frame["spend"] > 0]
    ranked = spent[spent["cost_per_result"].notna()].sort_values("cost_per_result", kind="stable")
    best = ranked.head(min(n, math.ceil(len(ranked) / 2)))
    worst = ranked.iloc[len(best) :].iloc[::-1].head(n)
    no_result = spent[spent["cost_per_result"].isna()].sort_values("spend", ascending=False)
    return best, worst, no_result
