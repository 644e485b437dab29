"""How sure each rate is: a 90% interval from the counts behind it (docs/METRICS.md, "How
sure is each rate?").

A rate such as 12 sales from 300 clicks (4%) is one draw of chance: the same ads might have
brought 9 sales from the next 300 clicks, or 16. The interval holds the rates those counts
are consistent with, at a 90% level, by Wilson's score interval (closed form, standard
library only, right at 0 of n and n of n). A cost per result divides a cost by results =
trials x rate, so its interval is cost / (trials x the rate's bounds), the cost held as
known. ROI's interval moves only the sales its return counts.

The trials of each rate (METRICS.md): CTR is clicks of impressions; conversion rate, sales
of clicks; cost per lead and per sale, paid leads and paid sales of paid clicks; cost per
engagement, paid engagements of paid impressions; full cost per lead and per sale, leads
and sales of all clicks. Impressions are bought, not drawn: cost per 1,000 impressions has
no interval.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill, translator
from smroi.metric_format import format_metric
from smroi.metrics import PAID_COUNTS
from smroi.registry import METRICS

LEVEL = 0.9
# The standard normal quantile of a two-sided 90% interval: 1.6449
Z = NormalDist().inv_cdf(0.5 + LEVEL / 2)

# Each cost per result as (the cost, the results, the trials) columns of a frame of
# by_group's metrics with paid_counts beside them.
COST_COUNTS: dict[str, tuple[str, str, str]] = {
    "cpe": ("paid_spend", "paid_engagements", "paid_impressions"),
    "cpl": ("paid_spend", "paid_leads", "paid_clicks"),
    "cpa": ("paid_spend", "paid_conversions", "paid_clicks"),
    "full_cpl": ("cost", "leads", "clicks"),
    "full_cpa": ("cost", "conversions", "clicks"),
}
# Each rate as (successes, trials) columns.
RATE_COUNTS: dict[str, tuple[str, str]] = {
    "ctr": ("clicks", "impressions"),
    "conversion_rate": ("conversions", "clicks"),
}
# The cost per result of each objective; awareness (per 1,000 impressions) has none.
OBJECTIVE_COSTS: dict[str, str | None] = {
    "awareness": None,
    "engagement": "cpe",
    "leads": "cpl",
    "sales": "cpa",
}
# The metrics that get an interval (the CLI's `intervals`, the columns of with_intervals).
INTERVAL_KEYS: tuple[str, ...] = (
    "ctr",
    "conversion_rate",
    "cpe",
    "cpl",
    "cpa",
    "full_cpl",
    "full_cpa",
    "cost_per_result",
    "roi_pct",
)


class Interval(NamedTuple):
    """The lowest and highest value the counts are consistent with, at the 90% level."""

    low: float
    high: float


def wilson_bounds(successes: Any, trials: Any) -> tuple[np.ndarray, np.ndarray]:
    """The 90% Wilson bounds of successes / trials, element by element; NaN where there are
    no trials or the counts are no share (negative, or more successes than trials)."""
    x = np.asarray(successes, dtype="float64")
    n = np.asarray(trials, dtype="float64")
    with np.errstate(invalid="ignore"):
        known = (n > 0) & (x >= 0) & (x <= n)
    n_ = np.where(known, n, 1.0)
    p = np.where(known, x, 0.0) / n_
    z2 = Z * Z
    centre = (p + z2 / (2 * n_)) / (1 + z2 / n_)
    half = Z / (1 + z2 / n_) * np.sqrt(p * (1 - p) / n_ + z2 / (4 * n_ * n_))
    # 0 of n has a low bound of exactly 0, n of n a high one of exactly 1 (no rounding)
    low = np.where(p == 0, 0.0, np.clip(centre - half, 0.0, 1.0))
    high = np.where(p == 1, 1.0, np.clip(centre + half, 0.0, 1.0))
    return np.where(known, low, np.nan), np.where(known, high, np.nan)


def _interval(low: np.ndarray, high: np.ndarray) -> Interval | None:
    """One interval from one-element bounds; None when undefined."""
    first, last = float(np.ravel(low)[0]), float(np.ravel(high)[0])
    return Interval(first, last) if math.isfinite(first) and math.isfinite(last) else None


def proportion_interval(successes: float | None, trials: float | None) -> Interval | None:
    """Where a rate such as 12 sales of 300 clicks truly lies, 90% sure (Wilson); None with
    no trials (0 of 0 says nothing), or when the counts are not a share."""
    if successes is None or trials is None:
        return None
    return _interval(*wilson_bounds([successes], [trials]))


def cost_bounds(cost: Any, successes: Any, trials: Any) -> tuple[np.ndarray, np.ndarray]:
    """The 90% bounds of cost / successes, element by element: cost / (trials x the rate's
    high bound) to cost / (trials x its low bound); NaN without a result or a cost."""
    low_rate, high_rate = wilson_bounds(successes, trials)
    c = np.asarray(cost, dtype="float64")
    x = np.asarray(successes, dtype="float64")
    n = np.asarray(trials, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        known = (x > 0) & np.isfinite(c) & (c >= 0) & np.isfinite(low_rate)
        low = c / (n * high_rate)
        high = c / (n * low_rate)
    return np.where(known, low, np.nan), np.where(known, high, np.nan)


def cost_interval(
    cost: float | None, successes: float | None, trials: float | None
) -> Interval | None:
    """Where a cost per result (spend / leads) truly lies, 90% sure, from the rate of the
    results in their trials (leads of clicks); None without a result, a cost or trials."""
    if cost is None or successes is None or trials is None:
        return None
    return _interval(*cost_bounds([cost], [successes], [trials]))


def roi_bounds(
    roi_pct: Any, sales_return: Any, cost: Any, sales: Any, clicks: Any
) -> tuple[np.ndarray, np.ndarray]:
    """The 90% bounds of ROI when only its sales are chance: the sales counted in return
    (each worth sales_return / sales) at clicks x the conversion rate's bounds, every other
    part of return and cost as they are; NaN without sales, clicks or cost."""
    low_rate, high_rate = wilson_bounds(sales, clicks)
    roi = np.asarray(roi_pct, dtype="float64")
    worth = np.asarray(sales_return, dtype="float64")
    spent = np.asarray(cost, dtype="float64")
    x = np.asarray(sales, dtype="float64")
    n = np.asarray(clicks, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        known = (x > 0) & np.isfinite(worth) & (spent > 0) & np.isfinite(roi)

        def roi_at(rate: np.ndarray) -> np.ndarray:
            return roi + worth * (n * rate / x - 1) / spent * 100

        at_low, at_high = roi_at(low_rate), roi_at(high_rate)
        known &= np.isfinite(at_low) & np.isfinite(at_high)
    # a negative gross profit per sale turns more sales into a lower ROI
    low, high = np.fmin(at_low, at_high), np.fmax(at_low, at_high)
    return np.where(known, low, np.nan), np.where(known, high, np.nan)


def _column(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A column as floats; NaN everywhere when the frame lacks it."""
    if name not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype="float64")


def sales_return(frame: pd.DataFrame) -> np.ndarray:
    """What the sales count in return: their gross profit where known, else their value."""
    parts = np.vstack(
        [_column(frame, "gross_profit"), _column(frame, "sales_value_before_cost_of_goods")]
    )
    known = ~np.isnan(parts)
    return np.where(known.any(axis=0), np.nansum(parts, axis=0), np.nan)


def counts_behind(key: str, objective: str) -> tuple[str | None, str, str] | None:
    """The (cost, successes, trials) columns a metric is worked out from (cost None for a
    rate); None for a metric without an interval (ROI has its own, roi_bounds)."""
    if key == "cost_per_result":
        cost_key = OBJECTIVE_COSTS[objective]
        return None if cost_key is None else COST_COUNTS[cost_key]
    if key in RATE_COUNTS:
        return (None, *RATE_COUNTS[key])
    return COST_COUNTS.get(key)


def bounds(frame: pd.DataFrame, key: str, objective: str) -> tuple[np.ndarray, np.ndarray]:
    """The 90% bounds of a metric for each row of `frame` (by_group's or headline's metrics,
    with paid_counts beside them); NaN where it has none."""
    if key == "roi_pct":
        return roi_bounds(
            _column(frame, "roi_pct"),
            sales_return(frame),
            _column(frame, "cost"),
            _column(frame, "conversions"),
            _column(frame, "clicks"),
        )
    spec = counts_behind(key, objective)
    if spec is None:
        nothing = np.full(len(frame), np.nan)
        return nothing, nothing.copy()
    cost, successes, trials = spec
    if cost is None:
        return wilson_bounds(_column(frame, successes), _column(frame, trials))
    return cost_bounds(_column(frame, cost), _column(frame, successes), _column(frame, trials))


def with_intervals(
    frame: pd.DataFrame,
    paid: pd.DataFrame,
    objective: str,
    keys: tuple[str, ...] = INTERVAL_KEYS,
) -> pd.DataFrame:
    """by_group's frame with the paid counts beside it (paid_counts, the same rows in the
    same order) and each metric's 90% bounds as `<key>_low` and `<key>_high`."""
    out = frame.copy()
    for column in PAID_COUNTS:
        out[column] = paid[column].to_numpy(dtype="float64") if len(paid) == len(frame) else np.nan
    for key in keys:
        low, high = bounds(out, key, objective)
        out[f"{key}_low"], out[f"{key}_high"] = low, high
    return out


def intervals_of(
    values: Mapping[str, Any], paid: Mapping[str, Any], objective: str
) -> dict[str, Interval | None]:
    """Each INTERVAL_KEYS metric's 90% interval for one set of totals (headline) and the
    paid counts behind them; None where it has none."""
    frame = pd.DataFrame([{**values, **paid}])
    frame = frame.apply(pd.to_numeric, errors="coerce")
    return {key: _interval(*bounds(frame, key, objective)) for key in INTERVAL_KEYS}


def overlap(first: Interval, second: Interval) -> bool:
    """True when two intervals share a value: the counts cannot tell the two apart."""
    return first.low <= second.high and second.low <= first.high


def within_normal_variation(first: Interval | None, second: Interval | None) -> bool | None:
    """True when two periods' intervals overlap (the change could be chance), False when they
    do not, None when either is unknown."""
    if first is None or second is None:
        return None
    return overlap(first, second)


def stands_apart(frame: pd.DataFrame, key: str, objective: str) -> tuple[pd.Series, pd.Series]:
    """Per row (better, worse): True where the row's 90% interval lies wholly on the better
    (or worse) side of the interval of all the other rows taken together (their summed cost,
    successes and trials). A row without an interval stands apart from nothing."""
    spec = counts_behind(key, objective)
    if spec is None:
        raise ValueError(f"{key!r} has no interval from counts to compare rows by")
    cost, successes, trials = spec
    x, n = _column(frame, successes), _column(frame, trials)
    rest_x, rest_n = np.nansum(x) - np.nan_to_num(x), np.nansum(n) - np.nan_to_num(n)
    if cost is None:
        low, high = wilson_bounds(x, n)
        rest_low, rest_high = wilson_bounds(rest_x, rest_n)
    else:
        c = _column(frame, cost)
        low, high = cost_bounds(c, x, n)
        rest_low, rest_high = cost_bounds(np.nansum(c) - np.nan_to_num(c), rest_x, rest_n)
    with np.errstate(invalid="ignore"):
        below, above = high < rest_low, low > rest_high
    lower_is_better = METRICS[key].lower_is_better
    better, worse = (below, above) if lower_is_better else (above, below)
    return pd.Series(better, index=frame.index), pd.Series(worse, index=frame.index)


# ---------------------------------------------------------------- two segments compared


@dataclass(frozen=True)
class Tally:
    """The counts behind one segment's rate (successes of trials) or cost per result (with
    the cost of those trials): what its interval is worked out from."""

    name: str
    successes: float
    trials: float
    cost: float | None = None

    @property
    def value(self) -> float | None:
        """The rate (successes / trials), or the cost per result (cost / successes)."""
        if self.cost is None:
            return self.successes / self.trials if self.trials > 0 else None
        return self.cost / self.successes if self.successes > 0 else None

    def interval(self, more: float = 0) -> Interval | None:
        """The 90% interval after `more` further trials at today's rate and cost per trial."""
        if not self.trials > 0:
            return None
        trials = self.trials + more
        successes = self.successes / self.trials * trials
        if self.cost is None:
            return proportion_interval(successes, trials)
        return cost_interval(self.cost / self.trials * trials, successes, trials)


# Past this many further trials each, the two are as good as the same.
MOST_TRIALS = 10_000_000


def more_trials_to_tell(first: Tally, second: Tally) -> int | None:
    """The fewest further trials each (clicks, impressions) after which the two 90%
    intervals, at today's rates, no longer overlap: 0 when they do not now; None when the
    rates are the same (or it would take over MOST_TRIALS) or a tally has no interval."""
    now_first, now_second = first.interval(), second.interval()
    if now_first is None or now_second is None or first.value is None or second.value is None:
        return None
    if not overlap(now_first, now_second):
        return 0
    if math.isclose(first.value, second.value, rel_tol=1e-12):
        return None

    def apart(more: int) -> bool:
        one, other = first.interval(more), second.interval(more)
        return one is not None and other is not None and not overlap(one, other)

    enough = 1
    while not apart(enough):
        enough *= 2
        if enough > MOST_TRIALS:
            return None
    too_few = enough // 2  # overlapping at too_few (or at 0), apart at enough
    while enough - too_few > 1:
        middle = (too_few + enough) // 2
        too_few, enough = (too_few, middle) if apart(middle) else (middle, enough)
    return enough


def about(count: int) -> int:
    """A count as a person would say it, rounded up: 37 stays 37, 1,234 is about 1,300."""
    if count < 100:
        return count
    step = 10 ** (len(str(count)) - 2)
    return math.ceil(count / step) * step


# Whole sentences for each kind of result, so that each language words its own grammar.
TOO_FEW: dict[str, str] = {
    "sales": N_(
        "Too few sales to compare {first} and {second} yet: about {more} more clicks "
        "each would tell."
    ),
    "leads": N_(
        "Too few leads to compare {first} and {second} yet: about {more} more clicks "
        "each would tell."
    ),
    "engagements": N_(
        "Too few engagements to compare {first} and {second} yet: about {more} more "
        "impressions each would tell."
    ),
    "clicks": N_(
        "Too few clicks to compare {first} and {second} yet: about {more} more impressions "
        "each would tell."
    ),
}
APART: dict[str, str] = {
    "sales": N_(
        "Sales cost less on {better} than on {worse}, by more than chance: {good} against "
        "{bad} a sale."
    ),
    "leads": N_(
        "Leads cost less on {better} than on {worse}, by more than chance: {good} against "
        "{bad} a lead."
    ),
    "engagements": N_(
        "Engagements cost less on {better} than on {worse}, by more than chance: {good} "
        "against {bad} an engagement."
    ),
    "clicks": N_(
        "{better} is clicked more often than {worse}, by more than chance: {good} against "
        "{bad} of impressions."
    ),
}
ALIKE: dict[str, str] = {
    "clicks": N_(
        "{first} and {second} do as well as each other so far: more clicks would not tell "
        "them apart."
    ),
    "impressions": N_(
        "{first} and {second} do as well as each other so far: more impressions would not "
        "tell them apart."
    ),
}
# The metric two segments are compared by, per objective, and what its results are called.
COMPARED_BY: dict[str, tuple[str, str]] = {
    "awareness": ("ctr", "clicks"),
    "engagement": ("cpe", "engagements"),
    "leads": ("cpl", "leads"),
    "sales": ("cpa", "sales"),
}


def tally(row: Mapping[str, Any], name: str, key: str, objective: str) -> Tally | None:
    """The counts behind `key` in one row of with_intervals' frame; None when unknown."""
    spec = counts_behind(key, objective)
    if spec is None:
        return None
    cost, successes, trials = spec
    numbers = [_number(row.get(column)) for column in (successes, trials, cost or trials)]
    if any(number is None for number in numbers):
        return None
    x, n, spent = (float(number or 0) for number in numbers)
    return Tally(name, x, n, None if cost is None else spent)


def _number(value: Any) -> float | None:
    """A finite number, or None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def compare_sentence(
    frame: pd.DataFrame,
    name_column: str,
    objective: str,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> str | None:
    """Whether the data can tell the best and the worst row apart on the objective's cost
    per result (CTR for awareness), in words: which is better by more than chance, or how
    many more trials each would tell. None with fewer than two rows to compare."""
    key, kind = COMPARED_BY[objective]
    tallies = []
    for record in frame.to_dict("records"):
        counted = tally(record, str(record[name_column]), key, objective)
        if counted is not None and counted.value is not None and counted.interval() is not None:
            tallies.append(counted)
    if len(tallies) < 2:
        return None
    lower_is_better = METRICS[key].lower_is_better
    ordered = sorted(tallies, key=lambda one: (one.value, one.name))
    best, worst = (ordered[0], ordered[-1]) if lower_is_better else (ordered[-1], ordered[0])
    gettext = translator(lang)
    more = more_trials_to_tell(best, worst)
    if more == 0:
        return fill(
            gettext(APART[kind]),
            lang,
            better=best.name,
            worse=worst.name,
            good=format_metric(key, best.value, currency, lang=lang, digits=digits),
            bad=format_metric(key, worst.value, currency, lang=lang, digits=digits),
        )
    if more is None:
        trials = "impressions" if kind in ("engagements", "clicks") else "clicks"
        return fill(gettext(ALIKE[trials]), lang, first=best.name, second=worst.name)
    shown = format_value(about(more), "count", lang=lang, digits=digits)
    return fill(gettext(TOO_FEW[kind]), lang, first=best.name, second=worst.name, more=shown)
