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
# The ad platforms' short names, with plain words beside them, for tables and pickers
PLAIN_LABELS: dict[str, str] = {
    "ctr": N_("Click rate (CTR)"),
    "cpc": N_("Cost per click (CPC)"),
    "cpm": N_("Cost per 1,000 impressions (CPM)"),
    "cpe": N_("Cost per engagement (CPE)"),
}
# The table's columns in three views, each narrow enough for the page: what the money bought,
# what each result cost, and the cost with your time and tools against what a sale is worth
COLUMN_GROUPS: dict[str, list[str]] = {
    "reach": ["spend", "impressions", "clicks", "ctr", "cpc", "cpm"],
    "results": ["spend", "engagements", "cpe", "leads", "cpl", "conversions", "cpa"],
    "full": ["spend", "cost_per_result", "full_cpl", "full_cpa", "break_even_cpa", "roi_pct"],
}
COLUMN_GROUP_LABELS: dict[str, str] = {
    "reach": N_("Reach and clicks"),
    "results": N_("Cost of each result"),
    "full": N_("Full cost and break-even"),
}
# Results that show a post or ad did some work: one that brought leads (or sales) did not spend
# "with no result", whatever the objective (a lead campaign under the objective "sales")
ANY_RESULT = ("leads", "conversions")


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
    and the rows that spent money with no result, biggest spend first: no result of the
    objective and no lead or sale either (a lead campaign that brought leads is not listed
    under "no sales").

    Only rows with ad spend count: organic posts have no cost per result.
    """
    spent = frame[frame["spend"] > 0]
    ranked = spent[spent["cost_per_result"].notna()].sort_values("cost_per_result", kind="stable")
    best = ranked.head(min(n, math.ceil(len(ranked) / 2)))
    worst = ranked.iloc[len(best) :].iloc[::-1].head(n)
    no_result = spent[spent["cost_per_result"].isna()]
    other = [column for column in ANY_RESULT if column in no_result]
    if other:
        no_result = no_result[~no_result[other].fillna(0).gt(0).any(axis=1)]
    no_result = no_result.sort_values("spend", ascending=False)
    return best, worst, no_result
