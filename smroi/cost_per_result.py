"""Cost per result, drilled down from platform to campaign to post or ad (METRICS.md 5, 7)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from smroi.canonical import NOT_SET
from smroi.i18n import N_
from smroi.intervals import stands_apart, with_intervals
from smroi.metrics import Analysis, by_group, paid_counts

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
    """Metrics per platform, campaign or post/ad, optionally inside one platform and campaign,
    with each rate's 90% bounds and the paid counts behind them (smroi.intervals)."""
    rows = analysis.rows
    if platform is not None:
        rows = rows[rows["platform"] == platform]
    if campaign is not None:
        rows = rows[rows["campaign"].astype("object").fillna(NOT_SET) == campaign]
    narrowed = (  # the same months and costs, fewer rows
        replace(analysis, rows=rows) if platform is not None or campaign is not None else analysis
    )
    groups = by_group(narrowed, LEVELS[level])
    return with_intervals(groups, paid_counts(narrowed, LEVELS[level]), analysis.settings.objective)


def best_and_worst(
    frame: pd.DataFrame, n: int = 5, *, objective: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The rows whose cost per result is cheaper, and dearer, than the rest's by more than
    chance (their 90% interval lies wholly below, or above, that of all the other rows with
    ad spend taken together; smroi.intervals.stands_apart), up to `n` each, cheapest and
    dearest first; and the rows that spent money with no result, biggest spend first: no
    result of the objective and no lead or sale either (a lead campaign that brought leads
    is not listed under "no sales").

    Only rows with ad spend count: organic posts have no cost per result. `frame` is
    drill_down's (it carries the counts behind each cost).
    """
    spent = frame[frame["spend"] > 0]
    cheaper, dearer = _apart(spent, objective)
    ranked = spent[spent["cost_per_result"].notna()].sort_values("cost_per_result", kind="stable")
    best = ranked[cheaper.reindex(ranked.index, fill_value=False)].head(n)
    worst = ranked[dearer.reindex(ranked.index, fill_value=False)].iloc[::-1].head(n)
    no_result = spent[spent["cost_per_result"].isna()]
    other = [column for column in ANY_RESULT if column in no_result]
    if other:
        no_result = no_result[~no_result[other].fillna(0).gt(0).any(axis=1)]
    no_result = no_result.sort_values("spend", ascending=False)
    return best, worst, no_result


def _apart(rows: pd.DataFrame, objective: str) -> tuple[pd.Series, pd.Series]:
    """Which rows' cost per result is cheaper, and dearer, than the rest's by more than
    chance; none for awareness (impressions are bought, not drawn)."""
    if objective == "awareness" or rows.empty:
        nothing = pd.Series(False, index=rows.index)
        return nothing, nothing
    return stands_apart(rows, "cost_per_result", objective)
