"""The funnel and the audience: where people drop out, and which groups convert best.

Stages (METRICS.md section 7): impressions -> clicks -> leads -> sales -> sales value
(-> commissions); each stage's rate is the stage over the stage before it, computed from
sums, never averaged over rows. A segment is a value of a dimension (age, gender,
location, interest, utm_*, coupon code) with its cost, results and rates.
"""

from __future__ import annotations

import pandas as pd

from smroi.canonical import DIMENSIONS
from smroi.i18n import DEFAULT_LANGUAGE, N_, translator
from smroi.intervals import stands_apart, wilson_bounds, with_intervals
from smroi.metrics import Analysis, by_group, headline, paid_counts, safe_divide
from smroi.registry import METRICS, OBJECTIVE_RESULTS

# Labels and rate names are English, marked for translation (funnel and funnel_by take lang).
STAGES: tuple[tuple[str, str, str], ...] = (
    # (key in the metrics, label, what the rate into this stage is called)
    ("impressions", N_("Impressions"), ""),
    ("clicks", N_("Clicks"), N_("click-through rate")),
    ("leads", N_("Leads"), N_("clicks that became leads")),
    ("conversions", N_("Sales"), N_("leads that became sales")),
    ("sales_value", N_("Sales value"), N_("sales value per sale")),
    ("commissions", N_("Commissions"), N_("commissions per 1 of sales value")),
)
# The title of the column of each stage's rate in funnel_by (the rate name, capitalised in
# English; a message of its own, because capitalising is not a thing every language does).
RATE_TITLES: dict[str, str] = {
    "clicks": N_("Click-through rate"),
    "leads": N_("Clicks that became leads"),
    "conversions": N_("Leads that became sales"),
    "sales_value": N_("Sales value per sale"),
    "commissions": N_("Commissions per 1 of sales value"),
}
# What a count step's "rate" over 100% means: not a conversion rate (more people at a step
# than at the step before), said in words instead of a percentage.
MORE_THAN_BEFORE: dict[str, str] = {
    "clicks": N_("more clicks than impressions: clicks did not all come from these impressions"),
    "leads": N_("more leads than clicks: leads did not all come from clicks"),
    "conversions": N_("more sales than leads: sales did not all come through leads"),
}
MONEY_STAGES = frozenset({"sales_value", "commissions"})
# The audience dimensions' names for people (DIMENSIONS), English, marked for translation.
DIMENSION_LABELS: dict[str, str] = {
    "age": N_("Age"),
    "gender": N_("Gender"),
    "location": N_("Location"),
    "interest": N_("Interest"),
    "device": N_("Device"),
    "utm_source": N_("Source (utm_source)"),
    "utm_medium": N_("Medium (utm_medium)"),
    "utm_campaign": N_("Campaign (utm_campaign)"),
    "utm_content": N_("Content (utm_content)"),
    "coupon_code": N_("Coupon code"),
}
# A segment's rate means little on a few events: one sale more or less moves it a lot.
MIN_CLICKS = 100
MIN_RESULTS = 5


def funnel(analysis: Analysis, *, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The funnel of the rows in view: each stage's total and its rate from the stage
    before (undefined, not 0, when the stage before is 0), with the 90% bounds of a count
    stage's rate (rate_low, rate_high: Wilson, the stage before as trials; NaN for money
    stages and a stage larger than the one before); stage and rate names in `lang`."""
    totals = headline(analysis)
    return _stages({key: totals.get(key) for key, _, _ in STAGES}, lang)


def funnel_columns(lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str, str]]:
    """The columns funnel_by writes after the group's, in order, as (stage key, title in
    `lang`, unit): each stage's total (count or money), then the rate into it (a fraction;
    money for sales value per sale)."""
    _ = translator(lang)
    columns = []
    for key, label, _rate in STAGES:
        columns.append((key, _(label), "money" if key in MONEY_STAGES else "count"))
        if key in RATE_TITLES:
            unit = "money" if key == "sales_value" else "fraction"
            columns.append((key, _(RATE_TITLES[key]), unit))
    return columns


def funnel_by(analysis: Analysis, by: str, *, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The funnel's stages and rates for each platform, campaign or segment (one row each),
    the columns titled in `lang` (funnel_columns)."""
    groups = by_group(analysis, by)
    out = groups[[by]].copy()
    _ = translator(lang)
    previous = None
    for key, label, _rate in STAGES:
        out[_(label)] = groups[key]
        if previous is not None:
            out[_(RATE_TITLES[key])] = safe_divide(groups[key], groups[previous])
        previous = key
    return out


def _stages(values: dict[str, float | int | None], lang: str) -> pd.DataFrame:
    _ = translator(lang)
    rows = []
    previous: float | int | None = None
    for key, label, rate_name in STAGES:
        value = values.get(key)
        rate = safe_divide(value, previous) if rate_name else None
        # a count stage's rate is a share of the stage before: 90% sure between these
        low, high = wilson_bounds(
            [value if rate_name and key not in MONEY_STAGES and value is not None else None],
            [previous if previous is not None else None],
        )
        rows.append(
            {
                "key": key,
                "stage": _(label),
                "value": value,
                "money": key in MONEY_STAGES,
                "rate_name": _(rate_name) if rate_name else "",
                "rate": rate,
                "rate_low": float(low[0]),
                "rate_high": float(high[0]),
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
    MIN_RESULTS results), and each rate's 90% bounds (smroi.intervals.with_intervals)."""
    objective = analysis.settings.objective
    results_column, _ = OBJECTIVE_RESULTS[objective]
    frame = by_group(analysis, dimension)
    frame = with_intervals(frame, paid_counts(analysis, dimension), objective)
    frame = frame.assign(results=frame[results_column])
    enough = (frame["clicks"] >= MIN_CLICKS) & (frame["results"] >= MIN_RESULTS)
    return frame.assign(enough=enough)


def best_and_worst_segments(
    frame: pd.DataFrame, metric: str = "cost_per_result", count: int = 3, *, objective: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The best and worst segments by a metric (cheapest for a cost, highest for a rate such
    as conversion_rate), up to `count` each: among those with enough volume, the ones whose
    90% interval lies wholly on the better (worse) side of the interval of all the other
    segments taken together (smroi.intervals.stands_apart), so chance alone does not rank
    them. `frame` is segments'; awareness has no cost per result interval, so no segment
    stands apart on it."""
    ranked = frame[frame["enough"] & frame[metric].notna()]
    if metric == "cost_per_result" and objective == "awareness":
        return ranked.iloc[:0], ranked.iloc[:0]
    better, worse = stands_apart(frame, metric, objective)
    ordered = ranked.sort_values(metric, ascending=METRICS[metric].lower_is_better, kind="stable")
    best = ordered[better.reindex(ordered.index, fill_value=False)].head(count)
    worst = ordered[worse.reindex(ordered.index, fill_value=False)].iloc[::-1].head(count)
    return best, worst


def heatmap(analysis: Analysis, rows: str, columns: str, metric: str) -> pd.DataFrame:
    """One metric for every pair of two dimensions (age x gender), ratios from each pair's
    sums; `enough` as in segments."""
    frame = segments(analysis, [rows, columns])
    return frame[[rows, columns, metric, "clicks", "results", "enough"]]
