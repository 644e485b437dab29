"""The funnel and the audience: where people drop out, and which groups convert best.

Stages (METRICS.md section 7): impressions -> clicks -> leads -> sales -> sales value
(-> commissions); each stage's rate is the stage over the stage before it, computed from
sums, never averaged over rows. A segment is a value of a dimension (age, gender,
location, interest, utm_*, coupon code) with its cost, results and rates.
"""

from __future__ import annotations

import pandas as pd

from smroi.canonical import DIMENSIONS
from smroi.metrics import Analysis, by_group, headline, safe_divide
from smroi.registry import METRICS, OBJECTIVE_RESULTS

STAGES: tuple[tuple[str, str, str], ...] = (
    # (key in the metrics, label, what the rate into this stage is called)
    ("impressions", "Impressions", ""),
    ("clicks", "Clicks", "click-through rate"),
    ("leads", "Leads", "clicks that became leads"),
    ("conversions", "Sales", "leads that became sales"),
    ("sales_value", "Sales value", "sales value per sale"),
    ("commissions", "Commissions", "commissions per 1 of sales value"),
)
MONEY_STAGES = frozenset({"sales_value", "commissions"})
# A segment's rate means little on a few events: one sale more or less moves it a lot.
MIN_CLICKS = 100
MIN_RESULTS = 5


def funnel(analysis: Analysis) -> pd.DataFrame:
    """The funnel of the rows in view: each stage's total and its rate from the stage
    before (undefined, not 0, when the stage before is 0)."""
    totals = headline(analysis)
    return _stages({key: totals.get(key) for key, _, _ in STAGES})


def funnel_by(analysis: Analysis, by: str) -> pd.DataFrame:
    """The funnel's stages and rates for each platform, campaign or segment (one row each)."""
    groups = by_group(analysis, by)
    out = groups[[by]].copy()
    previous = None
    for key, label, rate in STAGES:
        out[label] = groups[key]
        if previous is not None:
            out[rate.capitalize()] = safe_divide(groups[key], groups[previous])
        previous = key
    return out


def _stages(values: dict[str, float | int | None]) -> pd.DataFrame:
    rows = []
    previous: float | int | None = None
    for key, label, rate_name in STAGES:
        value = values.get(key)
        rate = safe_divide(value, previous) if rate_name else None
        rows.append(
            {
                "key": key,
                "stage": label,
                "value": value,
                "money": key in MONEY_STAGES,
                "rate_name": rate_name,
                "rate": rate,
            }
        )
        previous = value
    return pd.DataFrame(rows)


def dimensions_present(analysis: Analysis) -> list[str]:
    """The audience dimensions the data fills (age, gender, location, interest, utm_*…)."""
    rows = analysis.rows
    return [d for d in DIMENSIONS if d in rows and rows[d].notna().any()]


def segments(analysis: Analysis, dimension: str | list[str]) -> pd.DataFrame:
    """Cost, results, conversion rate and cost per result for each value of a dimension,
    with `enough` marking segments with the volume to be compared (MIN_CLICKS clicks and
    MIN_RESULTS results)."""
    results_column, _ = OBJECTIVE_RESULTS[analysis.settings.objective]
    frame = by_group(analysis, dimension)
    frame = frame.assign(results=frame[results_column])
    enough = (frame["clicks"] >= MIN_CLICKS) & (frame["results"] >= MIN_RESULTS)
    return frame.assign(enough=enough)


def best_and_worst_segments(
    frame: pd.DataFrame, metric: str = "cost_per_result", count: int = 3
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The cheapest and dearest segments by a cost metric, among those with enough volume
    and a defined value (for a rate such as conversion_rate, best is highest)."""
    ranked = frame[frame["enough"] & frame[metric].notna()]
    ordered = ranked.sort_values(metric, ascending=METRICS[metric].lower_is_better, kind="stable")
    best = ordered.head(count)
    worst = ordered.iloc[::-1].head(count)
    worst = worst[~worst.index.isin(best.index)]
    return best, worst


def heatmap(analysis: Analysis, rows: str, columns: str, metric: str) -> pd.DataFrame:
    """One metric for every pair of two dimensions (age x gender), ratios from each pair's
    sums; `enough` as in segments."""
    frame = segments(analysis, [rows, columns])
    return frame[[rows, columns, metric, "clicks", "results", "enough"]]
