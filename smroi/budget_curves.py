"""Budget what-if with diminishing returns: what a week's ad spend brings, per platform.

For each group (platform or campaign) the paid rows are summed per whole week (Monday to
Sunday) and a curve is fitted to the weeks with ad spend:

    results a week = a x (ad spend a week) ^ b,   0 < b <= 1

b = 1 is a straight line (each extra dollar brings as much as the ones before); b < 1 is
diminishing returns (each extra dollar brings a little less). Two curves per group, on the
same weeks: one for its results (sales, leads, engagements or impressions: the objective's)
and one for its return in money (what the results are worth: sales value or gross profit,
counted lead value; see docs/METRICS.md), which gives profit = return - ad spend.

The fit is least squares on the weeks as they are (not on their logarithms, so a week
with no results counts): for a given b the best a is sum(y x^b) / sum(x^2b), and b is the
one of a fine grid over [B_LOWEST, 1] with the least squared error. The band is a
bootstrap: RESAMPLES draws of the weeks with replacement (seeded, so the same data always
gives the same band), each refitted; a projection's band is the 5th to 95th percentile of
the resampled curves' projections.

It knows only the weeks in the data: not the season, not what else changed in a week, and
a curve is what happened together, not what spend causes (docs/METRICS.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from smroi.formatting import format_money, format_value
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill, plural_translator, translator
from smroi.metrics import Analysis, by_group
from smroi.registry import OBJECTIVE_RESULTS

MIN_WEEKS = 6  # whole weeks with ad spend a curve needs
MIN_SPREAD = 0.10  # weekly ad spend must vary by at least 10% (coefficient of variation)
MAX_STRETCH = 1.5  # a plan beyond 1.5x the largest week (or below the smallest / 1.5) is a guess
RESAMPLES = 200  # bootstrap draws of the weeks
SEED = 19  # the draws' seed: the same data always gives the same band
BAND = (5.0, 95.0)  # percentiles of the resampled projections: a 90% band
B_LOWEST = 0.01  # the flattest curve fitted (b = 0 would be results that ignore spend)
_B_GRID = np.linspace(B_LOWEST, 1.0, 100)  # b in steps of 0.01, then refined
_REFINE = 4  # rounds of a 20x finer grid around the best b: b to about 6e-8

# Why a group's curve cannot be told.
FEW_WEEKS = "few_weeks"
NO_SPREAD = "no_spread"
NO_RESULTS = "no_results"
NOT_IN_DATA = "not_in_data"


@dataclass(frozen=True)
class Curve:
    """A week's result from a week's ad spend: a x spend^b (b <= 1: diminishing returns)."""

    a: float
    b: float

    def at(self, spend: float) -> float:
        """What this curve says a week with `spend` of ad spend brings."""
        return self.a * spend**self.b if spend > 0 else 0.0

    def extra_per_unit(self, spend: float) -> float:
        """What one more unit of ad spend brings at `spend` a week (the curve's slope)."""
        return self.a * self.b * spend ** (self.b - 1) if spend > 0 else math.nan


@dataclass(frozen=True)
class Fitted:
    """A curve fitted to a group's weeks, with the curves fitted to each resample of them."""

    curve: Curve
    a_draws: np.ndarray = field(repr=False)
    b_draws: np.ndarray = field(repr=False)

    def draws_at(self, spend: float) -> np.ndarray:
        """What each resampled curve says a week with `spend` of ad spend brings."""
        if spend <= 0:
            return np.zeros_like(self.a_draws)
        return self.a_draws * np.power(spend, self.b_draws)


@dataclass(frozen=True)
class GroupCurve:
    """What a group's weeks say: its curves, or why they cannot be told."""

    group: str
    weeks: int  # whole weeks with ad spend
    spend_per_week: float  # the average of those weeks: where a plan starts from
    smallest_week: float
    largest_week: float
    spread: float  # how much weekly spend varied: standard deviation / average
    refusal: str | None  # FEW_WEEKS, NO_SPREAD or NO_RESULTS; None when fitted
    results: Fitted | None
    money: Fitted | None  # return in money; None when the group's results have no value


@dataclass(frozen=True)
class Estimate:
    """A projected number and its 90% band (5th and 95th percentile of the resamples)."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class GroupProjection:
    """One group's week under a plan: spend, results and profit, each with its band."""

    group: str
    spend_now: float
    spend_planned: float
    results: Estimate  # results a week at the planned spend
    results_change: Estimate  # against the curve at today's spend
    return_: Estimate | None  # return a week at the planned spend; None without a value
    profit: Estimate | None  # return - planned ad spend
    profit_change: Estimate | None
    outside: bool  # the planned spend is far from every week the curve has seen


@dataclass(frozen=True)
class Projection:
    """A plan's week for every group with a curve, and the total, with bands."""

    groups: tuple[GroupProjection, ...]
    spend_now: float
    spend_planned: float
    results: Estimate
    results_change: Estimate
    return_: Estimate | None
    profit: Estimate | None
    profit_change: Estimate | None


# ---------------------------------------------------------------- the weeks


def weekly_spend_and_results(analysis: Analysis, by: str = "platform") -> pd.DataFrame:
    """Each group's paid rows summed per whole week: ad spend, results and return in money.

    Columns: group, week_start, spend, results (the objective's: sales, leads …) and return.
    Only weeks the data covers whole (Monday to Sunday) count: a part-week's sums look low.
    """
    columns = ["group", "week_start", "spend", "results", "return"]
    rows = analysis.rows
    if analysis.first_day is None or rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows[rows["paid"].fillna(False).astype(bool) & rows["date"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(week_start=rows["date"].dt.to_period("W").dt.start_time)
    sums = by_group(replace(analysis, rows=rows), [by, "week_start"])
    first = pd.Timestamp(analysis.first_day)
    last = pd.Timestamp(analysis.last_day)
    whole = (sums["week_start"] >= first) & (sums["week_start"] + pd.Timedelta(days=6) <= last)
    results_column = OBJECTIVE_RESULTS[analysis.settings.objective][0]
    weeks = pd.DataFrame(
        {
            "group": sums[by].astype(str),
            "week_start": pd.to_datetime(sums["week_start"]),
            "spend": sums["spend"].astype("float64"),
            "results": sums[results_column].astype("float64"),
            "return": sums["return"].astype("float64"),
        }
    )[whole.to_numpy()]
    return weeks.sort_values(["group", "week_start"]).reset_index(drop=True)


def spend_spread(spend: np.ndarray) -> float:
    """How much weekly ad spend varied: its standard deviation / its average (0.1 = 10%)."""
    mean = float(np.mean(spend)) if len(spend) else 0.0
    return float(np.std(spend)) / mean if mean > 0 else 0.0


def why_not_fitted(spend: np.ndarray, results: np.ndarray) -> str | None:
    """FEW_WEEKS, NO_SPREAD or NO_RESULTS when these weeks cannot tell a curve; else None."""
    if len(spend) < MIN_WEEKS:
        return FEW_WEEKS
    if spend_spread(spend) < MIN_SPREAD:
        return NO_SPREAD
    if not np.nansum(results) > 0:
        return NO_RESULTS
    return None


# ---------------------------------------------------------------- the fit


def _best_curves(spend: np.ndarray, outcome: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Least-squares a and b for each row of `weights` (how often each week is drawn).

    Returns an array of shape (draws, 2): a and b. Spend is scaled by its average first,
    so that spend^b stays a modest number whatever the currency."""
    scale = float(np.mean(spend))
    logs = np.log(spend / scale)
    weighted_y = weights * outcome  # (draws, weeks)
    yy = (weighted_y * outcome).sum(axis=1)

    def errors(b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # b: (draws, grid); powers: (draws, grid, weeks)
        powers = np.exp(b[:, :, None] * logs[None, None, :])
        xy = np.einsum("dgw,dw->dg", powers, weighted_y)
        xx = np.einsum("dgw,dw->dg", powers * powers, weights)
        a = np.where(xx > 0, xy / np.where(xx > 0, xx, 1.0), 0.0)
        return yy[:, None] - a * xy, a

    draws = len(weights)
    grid = np.broadcast_to(_B_GRID, (draws, len(_B_GRID)))
    step = float(_B_GRID[1] - _B_GRID[0])
    for _round in range(_REFINE + 1):
        sse, a = errors(grid)
        best = np.argmin(sse, axis=1)
        b_best = grid[np.arange(draws), best]
        a_best = a[np.arange(draws), best]
        offsets = np.linspace(-2 * step, 2 * step, 41)
        grid = np.clip(b_best[:, None] + offsets[None, :], B_LOWEST, 1.0)
        step = step / 10
    # back from the scaled spend: a x (s / scale)^b = (a / scale^b) x s^b
    return np.column_stack([a_best / scale**b_best, b_best])


def fit_curve(spend: np.ndarray, outcome: np.ndarray) -> Curve:
    """The curve a x spend^b (0 < b <= 1) closest to the weeks, by least squares."""
    spend, outcome = np.asarray(spend, dtype="float64"), np.asarray(outcome, dtype="float64")
    a, b = _best_curves(spend, outcome, np.ones((1, len(spend))))[0]
    return Curve(float(a), float(b))


def resampled_curves(
    spend: np.ndarray, outcome: np.ndarray, resamples: int = RESAMPLES, seed: int = SEED
) -> tuple[np.ndarray, np.ndarray]:
    """a and b refitted to `resamples` draws of the weeks with replacement (seeded)."""
    spend, outcome = np.asarray(spend, dtype="float64"), np.asarray(outcome, dtype="float64")
    weeks = len(spend)
    picks = np.random.default_rng(seed).integers(0, weeks, size=(resamples, weeks))
    weights = np.zeros((resamples, weeks))
    np.add.at(weights, (np.arange(resamples)[:, None], picks), 1.0)
    curves = _best_curves(spend, outcome, weights)
    return curves[:, 0], curves[:, 1]


def _fitted(spend: np.ndarray, outcome: np.ndarray) -> Fitted:
    a_draws, b_draws = resampled_curves(spend, outcome)
    return Fitted(fit_curve(spend, outcome), a_draws, b_draws)


def group_curves(analysis: Analysis, by: str = "platform") -> dict[str, GroupCurve]:
    """Every group with paid rows: its curves for results and return, or why it has none."""
    weeks = weekly_spend_and_results(analysis, by)
    curves: dict[str, GroupCurve] = {}
    for group, own in weeks.groupby("group", sort=True):
        own = own[own["spend"] > 0]
        spend = own["spend"].to_numpy(dtype="float64")
        results = own["results"].fillna(0.0).to_numpy(dtype="float64")
        money = own["return"].to_numpy(dtype="float64")
        refusal = why_not_fitted(spend, results)
        has_money = bool(np.isfinite(money).any() and np.nansum(money) > 0)
        curves[str(group)] = GroupCurve(
            group=str(group),
            weeks=len(spend),
            spend_per_week=float(spend.mean()) if len(spend) else 0.0,
            smallest_week=float(spend.min()) if len(spend) else 0.0,
            largest_week=float(spend.max()) if len(spend) else 0.0,
            spread=spend_spread(spend),
            refusal=refusal,
            results=None if refusal else _fitted(spend, results),
            money=_fitted(spend, np.nan_to_num(money)) if refusal is None and has_money else None,
        )
    return curves


def curve_of(curves: dict[str, GroupCurve], group: str) -> GroupCurve:
    """The group's curve; a group without whole weeks of ad spend has none (FEW_WEEKS)."""
    if group in curves:
        return curves[group]
    return GroupCurve(group, 0, 0.0, 0.0, 0.0, 0.0, FEW_WEEKS, None, None)


def by_extra_return(curves: dict[str, GroupCurve]) -> list[str]:
    """The groups with a curve, the one whose next unit of ad spend brings back most first
    (the slope of its return curve at today's spend; of its results curve without a value)."""

    def slope(curve: GroupCurve) -> float:
        fit = curve.money or curve.results
        return fit.curve.extra_per_unit(curve.spend_per_week) if fit else math.nan

    fitted = [curve for curve in curves.values() if curve.refusal is None]
    return [curve.group for curve in sorted(fitted, key=lambda c: (-slope(c), c.group))]


# ---------------------------------------------------------------- plans


def current_plan(curves: dict[str, GroupCurve]) -> dict[str, float]:
    """Today's week: each fitted group's average weekly ad spend."""
    return {name: curve.spend_per_week for name, curve in curves.items() if curve.refusal is None}


def move_share(plan: dict[str, float], share: float, source: str, target: str) -> dict[str, float]:
    """The plan with `share` (0.2 = 20%) of `source`'s weekly spend moved to `target`."""
    if not 0 < share <= 1:
        raise ValueError(f"share must be more than 0 and at most 1, not {share}")
    for name in (source, target):
        if name not in plan:
            raise KeyError(name)
    if source == target:
        raise ValueError("the spend must move to another group")
    moved = share * plan[source]
    return {**plan, source: plan[source] - moved, target: plan[target] + moved}


def change_total(plan: dict[str, float], total: float) -> dict[str, float]:
    """The plan scaled to a new total weekly ad spend, each group keeping its share."""
    if not (total >= 0 and math.isfinite(total)):
        raise ValueError(f"the total must be 0 or more, not {total}")
    now = sum(plan.values())
    if now <= 0:
        return {name: total / len(plan) for name in plan} if plan else {}
    return {name: spend * total / now for name, spend in plan.items()}


# ---------------------------------------------------------------- projections


def _estimate(value: float, draws: np.ndarray) -> Estimate:
    low, high = np.percentile(draws, BAND)
    return Estimate(float(value), float(low), float(high))


def is_outside(curve: GroupCurve, spend: float) -> bool:
    """True when `spend` a week is far from every week the curve has seen (beyond 1.5x)."""
    return spend > MAX_STRETCH * curve.largest_week or spend < curve.smallest_week / MAX_STRETCH


class _Sum:
    """A total of projections: the fitted values added, and each resample's added."""

    def __init__(self) -> None:
        self.value = 0.0
        self.draws: np.ndarray | None = None

    def add(self, value: float, draws: np.ndarray) -> None:
        self.value += value
        self.draws = draws.copy() if self.draws is None else self.draws + draws

    def estimate(self) -> Estimate:
        draws = self.draws if self.draws is not None else np.zeros(1)
        return _estimate(self.value, draws)


def project(curves: dict[str, GroupCurve], plan: dict[str, float]) -> Projection:
    """Each planned group's week (only groups with a curve can be planned), and the total.

    Changes are against each curve at today's spend (its average week), so that a plan
    equal to today changes nothing. The total's band adds each resample's groups (every
    group draws the same week numbers, so groups that share their weeks draw them together).
    """
    rows: list[GroupProjection] = []
    sums = {key: _Sum() for key in ("results", "results_change", "return", "profit", "change")}
    every_group_has_money = True
    for name, spend in plan.items():
        curve = curves[name]
        if curve.results is None:
            raise ValueError(f"{name} has no curve ({curve.refusal})")
        now, fit = curve.spend_per_week, curve.results
        results = _estimate(fit.curve.at(spend), fit.draws_at(spend))
        results_change = _estimate(
            fit.curve.at(spend) - fit.curve.at(now), fit.draws_at(spend) - fit.draws_at(now)
        )
        sums["results"].add(results.value, fit.draws_at(spend))
        sums["results_change"].add(results_change.value, fit.draws_at(spend) - fit.draws_at(now))
        return_ = profit = profit_change = None
        if curve.money is None:
            every_group_has_money = False
        else:
            money = curve.money
            return_draws = money.draws_at(spend)
            change_draws = return_draws - money.draws_at(now) - (spend - now)
            return_ = _estimate(money.curve.at(spend), return_draws)
            profit = _estimate(return_.value - spend, return_draws - spend)
            profit_change = _estimate(
                money.curve.at(spend) - money.curve.at(now) - (spend - now), change_draws
            )
            sums["return"].add(return_.value, return_draws)
            sums["profit"].add(profit.value, return_draws - spend)
            sums["change"].add(profit_change.value, change_draws)
        rows.append(
            GroupProjection(
                group=name,
                spend_now=now,
                spend_planned=spend,
                results=results,
                results_change=results_change,
                return_=return_,
                profit=profit,
                profit_change=profit_change,
                outside=is_outside(curve, spend),
            )
        )
    with_money = every_group_has_money and bool(rows)
    return Projection(
        groups=tuple(rows),
        spend_now=sum(row.spend_now for row in rows),
        spend_planned=sum(plan.values()),
        results=sums["results"].estimate(),
        results_change=sums["results_change"].estimate(),
        return_=sums["return"].estimate() if with_money else None,
        profit=sums["profit"].estimate() if with_money else None,
        profit_change=sums["change"].estimate() if with_money else None,
    )


# ---------------------------------------------------------------- in words

_NO_RESULTS: dict[str, str] = {
    "awareness": N_("{group} had no impressions in its weeks with ad spend: nothing to scale."),
    "engagement": N_("{group} had no engagements in its weeks with ad spend: nothing to scale."),
    "leads": N_("{group} had no leads in its weeks with ad spend: nothing to scale."),
    "sales": N_("{group} had no sales in its weeks with ad spend: nothing to scale."),
}


def refusal_sentence(
    curve: GroupCurve, objective: str, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> str:
    """Why a group's curve cannot be told, in plain words ('' when it can)."""
    gettext, ngettext = translator(lang), plural_translator(lang)

    def count(value: int) -> str:
        return str(value) if lang == DEFAULT_LANGUAGE else format_value(value, "count", lang=lang)

    if curve.refusal == FEW_WEEKS:
        return fill(
            ngettext(
                "{group} has {weeks} whole week with ad spend; a curve needs at least "
                "{needed}: its curve cannot be told yet.",
                "{group} has {weeks} whole weeks with ad spend; a curve needs at least "
                "{needed}: its curve cannot be told yet.",
                curve.weeks,
            ),
            lang,
            group=curve.group,
            weeks=count(curve.weeks),
            needed=count(MIN_WEEKS),
        )
    if curve.refusal == NO_SPREAD:
        return fill(
            gettext(
                "{group}: spend barely changed week to week (by {spread} around its "
                "average; at least {needed} is needed): its curve cannot be told."
            ),
            lang,
            group=curve.group,
            spread=format_value(curve.spread * 100, "percent", lang=lang, digits=digits),
            needed=format_value(MIN_SPREAD * 100, "percent", lang=lang, digits=digits),
        )
    if curve.refusal == NO_RESULTS:
        return fill(gettext(_NO_RESULTS[objective]), lang, group=curve.group)
    return ""


def signed_money(
    value: float, currency: str, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> str:
    """An amount of change with its sign: '+$12.30', '-$5.00' ('+12,30 kr')."""
    shown = format_money(value, currency, lang=lang, digits=digits)
    return shown if round(value, 2) <= 0 else f"+{shown}"


def share_text(share: float, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native") -> str:
    """A share as a percentage number without its sign: '20', '12.5' ('12,5', '۲۰')."""
    if lang == DEFAULT_LANGUAGE:
        return f"{share * 100:g}"
    shown = round(share * 100, 2)
    unit = "count" if float(shown).is_integer() else "number"
    return format_value(shown, unit, lang=lang, digits=digits)


def signed_results(value: float, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native") -> str:
    """A change in results with its sign and one decimal: '+3.2', '-0.5' ('+3,2')."""
    rounded = round(value, 1)
    if lang == DEFAULT_LANGUAGE:
        shown = f"{rounded:,.1f}"
    else:
        shown = format_value(rounded, "number", lang=lang, digits=digits)
    return f"+{shown}" if rounded > 0 else shown


_MOVE_SENTENCES = {  # whole sentences per measure, so that each language words its own
    True: N_(
        "Moving {percent}% of {source}'s ad spend ({amount} a week) to {target} would "
        "change profit by about {change} a week (between {low} and {high}), if each keeps "
        "to the curve of its past weeks (results grow no faster than spend). A projection "
        "from this data, not a forecast."
    ),
    False: N_(
        "Moving {percent}% of {source}'s ad spend ({amount} a week) to {target} would "
        "change results by about {change} a week (between {low} and {high}), if each "
        "keeps to the curve of its past weeks (results grow no faster than spend). A "
        "projection from this data, not a forecast."
    ),
}
_TOTAL_SENTENCES = {
    True: N_(
        "With {planned} of ad spend a week (today {now}), profit would change by about "
        "{change} a week (between {low} and {high}), if each platform keeps to the curve "
        "of its past weeks (results grow no faster than spend). A projection from this "
        "data, not a forecast."
    ),
    False: N_(
        "With {planned} of ad spend a week (today {now}), results would change by about "
        "{change} a week (between {low} and {high}), if each platform keeps to the curve "
        "of its past weeks (results grow no faster than spend). A projection from this "
        "data, not a forecast."
    ),
}


def _change_fields(
    projection: Projection, currency: str, *, lang: str, digits: str
) -> tuple[bool, dict[str, str]]:
    """Whether the plan's change is told in profit (results have a money value) or else in
    results, and that change with its 90% band as written ({change}, {low}, {high})."""
    in_profit = projection.profit_change is not None
    change = projection.profit_change or projection.results_change

    def shown(value: float) -> str:
        if in_profit:
            return signed_money(value, currency, lang=lang, digits=digits)
        return signed_results(value, lang=lang, digits=digits)

    return in_profit, {
        "change": shown(change.value),
        "low": shown(change.low),
        "high": shown(change.high),
    }


def _with_outside(sentence: str, projection: Projection, lang: str) -> str:
    """The sentence, and which platforms the plan takes beyond the weeks seen."""
    outside = [row.group for row in projection.groups if row.outside]
    return f"{sentence} {outside_sentence(outside, lang=lang)}" if outside else sentence


def shift_sentence(
    projection: Projection,
    source: str,
    target: str,
    share: float,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> str:
    """'Moving 20% of instagram's ad spend ($38.00 a week) to facebook would change profit
    by about +$12.30 a week (between -$5.00 and +$30.00) …', from the curves."""
    moved = next(row for row in projection.groups if row.group == source)
    in_profit, change = _change_fields(projection, currency, lang=lang, digits=digits)
    sentence = fill(
        translator(lang)(_MOVE_SENTENCES[in_profit]),
        lang,
        percent=share_text(share, lang=lang, digits=digits),
        source=source,
        target=target,
        amount=format_money(
            moved.spend_now - moved.spend_planned, currency, lang=lang, digits=digits
        ),
        **change,
    )
    return _with_outside(sentence, projection, lang)


def total_sentence(
    projection: Projection,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> str:
    """'With $900.00 of ad spend a week (today $800.00), profit would change by about …'."""
    in_profit, change = _change_fields(projection, currency, lang=lang, digits=digits)
    sentence = fill(
        translator(lang)(_TOTAL_SENTENCES[in_profit]),
        lang,
        planned=format_money(projection.spend_planned, currency, lang=lang, digits=digits),
        now=format_money(projection.spend_now, currency, lang=lang, digits=digits),
        **change,
    )
    return _with_outside(sentence, projection, lang)


def outside_sentence(groups: list[str], *, lang: str = DEFAULT_LANGUAGE) -> str:
    """The groups a plan takes far from the spend their weeks have seen, in words."""
    gettext = translator(lang)
    return fill(
        gettext(
            "The plan takes {groups} far from any week in the data (beyond 1.5 times its "
            "largest week, or below its smallest by as much): there the curve is a guess."
        ),
        lang,
        groups=_names(groups, lang),
    )


def _names(names: list[str], lang: str) -> str:
    """'a', 'a and b', 'a, b and c' in `lang` (names as they are: they are data)."""
    if lang != DEFAULT_LANGUAGE:
        from babel.lists import format_list

        from smroi.formatting import BABEL_LOCALES

        return format_list(names, locale=BABEL_LOCALES[lang])
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
