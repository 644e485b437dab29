"""Goals, period-over-period changes and "what to change" suggestions (DOMAIN.md items 1, 13, 14).

Plain Python over an `Analysis`: every number comes from `over_time` or `by_group`, so
sums are summed within a period or group and ratios are recomputed from those sums
(docs/METRICS.md section 7). "Now" is the data's last day, never the clock, so the same
data always gives the same answer.

Words used here:
- a **summed** metric adds up over days (counts and money: leads, revenue, return,
  profit, spend …); a **ratio** does not (roi_pct, roas, ctr, cpc, cpl …).
- a **lower-is-better** metric is a cost (spend, cost, cpc, cpl …): its goal is a
  ceiling, met when actual <= target. Every other goal is met when actual >= target.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pandas as pd

from smroi.budget_curves import (
    GroupCurve,
    curve_of,
    group_curves,
    move_share,
    project,
    refusal_sentence,
    share_text,
    shift_sentence,
)
from smroi.errors import SettingsError
from smroi.formatting import BABEL_LOCALES, format_day, format_money, format_value
from smroi.i18n import (
    DEFAULT_LANGUAGE,
    N_,
    _,
    fill,
    is_rtl,
    plural_translator,
    translator,
)
from smroi.metrics import FREQUENCIES, Analysis, by_group, over_time, safe_divide
from smroi.registry import METRICS, SUMMARY_KEYS, metric_label
from smroi.settings import Goal

# Costs: a goal on one of these is a ceiling (met when actual <= target).
LOWER_IS_BETTER: frozenset[str] = frozenset(k for k, m in METRICS.items() if m.lower_is_better)
# Ratios: recomputed from each period's sums; they have no per-day pace.
RATIOS: frozenset[str] = frozenset(k for k, m in METRICS.items() if m.ratio)
# Registry keys a goal cannot be set on.
NOT_A_GOAL: frozenset[str] = frozenset({"months"})

GOAL_COLUMNS: tuple[str, ...] = (
    "period_start",
    "actual",
    "target",
    "progress_pct",
    "met",
    "days",
    "partial",
)


def is_summed(metric: str) -> bool:
    """True for a metric that adds up over days (a count or an amount), not a ratio."""
    return metric in METRICS and metric not in RATIOS and metric not in NOT_A_GOAL


def check_goal(goal: Goal, *, source: str = "settings") -> None:
    """Raise SettingsError in plain words when a goal's metric or period cannot be tracked."""
    problems = []
    if goal.metric not in METRICS or goal.metric in NOT_A_GOAL:
        known = ", ".join(key for key in METRICS if key not in NOT_A_GOAL)
        problems.append(
            _(
                "a goal is set on {metric}, which is not a number smroi tracks "
                "(use one of: {known})",
                metric=repr(goal.metric),
                known=known,
            )
        )
    if goal.period not in FREQUENCIES:
        problems.append(
            _(
                "the goal on {metric} has period {period}; use one of: {known}",
                metric=repr(goal.metric),
                period=repr(goal.period),
                known=", ".join(FREQUENCIES),
            )
        )
    if problems:
        raise SettingsError(problems, source=source)


def period_end(period_start: date, period: str) -> date:
    """The last calendar day of the day, week (Monday to Sunday), month, quarter or year."""
    return pd.Period(pd.Timestamp(period_start), FREQUENCIES[period]).end_time.date()


def goal_periods(analysis: Analysis, goal: Goal, trend: pd.DataFrame | None = None) -> pd.DataFrame:
    """Actual against target in every period of the goal's length that the data covers.

    Columns: period_start (a Timestamp; weeks start on Monday), actual, target,
    progress_pct (actual / target x 100; NaN when the target is 0), met (actual >= target,
    or <= for lower-is-better metrics; False when actual is undefined), days (days the
    data covers in the period) and partial (the data covers only part of the period).
    """
    check_goal(goal)
    trend = over_time(analysis, goal.period) if trend is None else trend
    actual = pd.to_numeric(trend[goal.metric], errors="coerce").astype("float64")
    actual = actual.reset_index(drop=True)
    target = float(goal.target)
    met = actual <= target if goal.metric in LOWER_IS_BETTER else actual >= target
    count = len(actual)
    days = trend["days"] if "days" in trend else pd.Series(0, index=trend.index)
    partial = trend["partial"] if "partial" in trend else pd.Series(False, index=trend.index)
    return pd.DataFrame(
        {
            "period_start": trend["period_start"].reset_index(drop=True),
            "actual": actual,
            "target": pd.Series([target] * count, dtype="float64"),
            "progress_pct": safe_divide(actual * 100, pd.Series([target] * count)),
            "met": met.fillna(False).astype(bool),
            "days": days.reset_index(drop=True).astype("int64"),
            "partial": partial.reset_index(drop=True).astype(bool),
        },
        columns=list(GOAL_COLUMNS),
    )


def _number(value: Any, metric: str) -> float | int | None:
    """A plain number for JSON: None when undefined, an int for a whole count."""
    if value is None or pd.isna(value):
        return None
    number = float(value)
    if not math.isfinite(number):
        return None
    if METRICS[metric].unit == "count" and number.is_integer():
        return int(number)
    return number


def goal_status(
    analysis: Analysis, goal: Goal, periods: pd.DataFrame | None = None
) -> dict[str, Any]:
    """Where the goal stands in the latest period the data reaches, "now" being its last day.

    Keys: metric, period, period_start and period_end (ISO dates; the end is the period's
    last calendar day), target, actual, progress_pct (actual / target x 100, None when the
    target is 0), met, days_covered (days of the period the data covers), days_in_period,
    days_left (period end - the data's last day), needed_per_day and on_pace.

    needed_per_day and on_pace are for summed higher-is-better metrics only (leads,
    conversions, revenue, return, profit …): needed_per_day = (target - actual) / days_left,
    0.0 when the target is already met, None when no days are left; on_pace = actual /
    days_covered >= target / days_in_period. For a ratio (roi_pct, ctr, cpc, cpl …) both are
    None: a ratio has no per-day pace. For a cost ceiling (spend, cost) both are None too.
    Without dated rows every value but metric, period and target is None.
    """
    periods = goal_periods(analysis, goal) if periods is None else periods
    status: dict[str, Any] = {
        "metric": goal.metric,
        "period": goal.period,
        "period_start": None,
        "period_end": None,
        "target": float(goal.target),
        "actual": None,
        "progress_pct": None,
        "met": None,
        "days_covered": None,
        "days_in_period": None,
        "days_left": None,
        "needed_per_day": None,
        "on_pace": None,
    }
    if periods.empty or analysis.last_day is None:
        return status
    latest = periods.iloc[-1]
    start = latest["period_start"].date()
    end = period_end(start, goal.period)
    actual = _number(latest["actual"], goal.metric)
    target = float(goal.target)
    days_covered = int(latest["days"])
    days_in_period = (end - start).days + 1
    days_left = max((end - analysis.last_day).days, 0)
    status.update(
        period_start=start.isoformat(),
        period_end=end.isoformat(),
        actual=actual,
        progress_pct=safe_divide(None if actual is None else actual * 100, target),
        met=bool(latest["met"]),
        days_covered=days_covered,
        days_in_period=days_in_period,
        days_left=days_left,
    )
    if is_summed(goal.metric) and goal.metric not in LOWER_IS_BETTER and actual is not None:
        if actual >= target:
            status["needed_per_day"] = 0.0
        elif days_left > 0:
            status["needed_per_day"] = (target - actual) / days_left
        if days_covered > 0:
            status["on_pace"] = bool(actual * days_in_period >= target * days_covered)
    return status


def compare_with_previous(
    analysis: Analysis, period: str, trend: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each SUMMARY_KEYS metric in the latest period beside the period before it.

    Columns: metric, latest, previous, change (latest - previous), change_pct (change /
    |previous| x 100; NaN when previous is 0 or either value is undefined), latest_partial
    and previous_partial. A partial latest period (the data stops before its end) compares
    a part with a whole: its counts and money look low, so warn when latest_partial is
    True. Ratios compare fairly. With one period, previous is NaN; with none, all are NaN.
    The frame's attrs hold latest_start and previous_start (ISO dates or None).
    """
    if period not in FREQUENCIES:
        raise ValueError(f"period must be one of {', '.join(FREQUENCIES)}, not {period!r}")
    trend = over_time(analysis, period) if trend is None else trend
    latest = trend.iloc[-1] if len(trend) else None
    previous = trend.iloc[-2] if len(trend) > 1 else None

    def value(row: pd.Series | None, key: str) -> float:
        if row is None or pd.isna(row[key]):
            return math.nan
        return float(row[key])

    records = []
    for key in SUMMARY_KEYS:
        now, before = value(latest, key), value(previous, key)
        change = now - before
        change_pct = safe_divide(change * 100, abs(before))
        records.append(
            {
                "metric": key,
                "latest": now,
                "previous": before,
                "change": change,
                "change_pct": math.nan if change_pct is None else change_pct,
            }
        )
    frame = pd.DataFrame(records, columns=["metric", "latest", "previous", "change", "change_pct"])
    frame["latest_partial"] = bool(latest["partial"]) if latest is not None else False
    frame["previous_partial"] = bool(previous["partial"]) if previous is not None else False
    frame.attrs["latest_start"] = (
        latest["period_start"].date().isoformat() if latest is not None else None
    )
    frame.attrs["previous_start"] = (
        previous["period_start"].date().isoformat() if previous is not None else None
    )
    return frame


# ---------------------------------------------------------------- what to change


def _count(count: int, lang: str, digits: str) -> str:
    """A whole number inside a sentence: as English always wrote it, else the locale's way."""
    if lang == DEFAULT_LANGUAGE:
        return str(count)
    return format_value(count, "count", lang=lang, digits=digits)


def _names(
    names: list[str], most: int = 5, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> str:
    """'a', 'a and b', 'a, b and c'; past `most` names, 'a, b, c, d, e and 7 others'.

    In nb and fa the locale's list ('a, b og c', 'a، b و c'); in Persian each name is a
    Unicode isolate, so that a left-to-right name keeps its own order."""
    if is_rtl(lang):
        names = [f"\u2068{name}\u2069" for name in names]
    separator = "، " if lang == "fa" else ", "
    if len(names) > most:
        others = len(names) - most
        ngettext = plural_translator(lang)
        return fill(
            ngettext("{names} and {count} other", "{names} and {count} others", others),
            lang,
            names=separator.join(names[:most]),
            count=_count(others, lang, digits),
        )
    if lang != DEFAULT_LANGUAGE:
        from babel.lists import format_list

        return format_list(names, locale=BABEL_LOCALES[lang])
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def ranking(
    analysis: Analysis, by: str = "platform", groups: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The groups' metrics (by_group) best first: highest ROI, then lowest cost per result.

    Groups whose ROI is undefined (no cost) come last.
    """
    groups = by_group(analysis, by) if groups is None else groups
    if groups.empty:
        return groups
    ordered = groups.assign(_name=groups[by].astype(str)).sort_values(
        ["roi_pct", "cost_per_result", "_name"],
        ascending=[False, True, True],
        na_position="last",
    )
    return ordered.drop(columns="_name").reset_index(drop=True)


def return_per_cost(
    analysis: Analysis, by: str = "platform", groups: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per group: cost, return and return per unit of cost (return / total cost, NaN at cost 0).

    Total cost includes each group's share of the fixed costs (docs/METRICS.md section 3).
    Sorted best first; groups with no cost come last. `groups` is by_group(analysis, by)
    when the caller has it already (so are the `groups` of ranking, review, budget_shift).
    """
    groups = by_group(analysis, by) if groups is None else groups
    if groups.empty:
        return pd.DataFrame(columns=["group", "cost", "return", "return_per_cost"])
    frame = pd.DataFrame(
        {
            "group": groups[by].astype(str),
            "cost": groups["cost"].astype("float64"),
            "return": groups["return"].astype("float64"),
        }
    )
    frame["return_per_cost"] = safe_divide(frame["return"], frame["cost"].where(frame["cost"] > 0))
    frame = frame.sort_values(
        ["return_per_cost", "group"], ascending=[False, True], na_position="last"
    )
    return frame.reset_index(drop=True)


def review(
    analysis: Analysis,
    by: str = "platform",
    most: int = 3,
    groups: pd.DataFrame | None = None,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> list[str]:
    """Plain sentences ranking the groups by return per unit of cost (return / total cost).

    One sentence per group with a cost, best first ("linkedin returns 3.10x its cost: each
    $1.00 of cost there brings back $3.10."): with more than 2 x `most` such groups, only
    the `most` best and `most` worst, and how many lie between. Then where money comes back
    (return >= cost) and where it does not (return < cost), then the groups with no cost.
    In `lang`, numbers and money written with `digits` (English by default).
    """
    gettext, ngettext = translator(lang), plural_translator(lang)
    currency = analysis.settings.currency_code

    def money(value: float) -> str:
        return format_money(value, currency, lang=lang, digits=digits)

    ranked = return_per_cost(analysis, by, groups)
    sentences: list[str] = []
    comes_back: list[str] = []
    does_not: list[str] = []
    no_cost: list[str] = []
    for row in ranked.itertuples(index=False):
        ratio = row.return_per_cost
        if pd.isna(ratio):
            no_cost.append(str(row.group))
            continue
        sentences.append(
            fill(
                gettext(
                    "{group} returns {multiple} its cost: each {one} of cost there "
                    "brings back {back}."
                ),
                lang,
                group=row.group,
                multiple=format_value(ratio, "multiple", lang=lang, digits=digits),
                one=money(1),
                back=money(ratio),
            )
        )
        (comes_back if ratio >= 1 else does_not).append(str(row.group))
    if len(sentences) > 2 * most:
        between = len(sentences) - 2 * most
        sentences[most:-most] = [
            fill(
                ngettext(
                    "{count} more lies between (see the table).",
                    "{count} more lie between (see the table).",
                    between,
                ),
                lang,
                count=_count(between, lang, digits),
            )
        ]

    def names(groups: list[str]) -> str:
        return _names(groups, lang=lang, digits=digits)

    if comes_back:
        sentences.append(
            fill(
                gettext("Money comes back on {names}: return at least covers cost."),
                lang,
                names=names(comes_back),
            )
        )
    if does_not:
        sentences.append(
            fill(
                gettext("Money does not come back on {names}: return is less than cost."),
                lang,
                names=names(does_not),
            )
        )
    if len(no_cost) == 1:
        sentences.append(
            fill(
                gettext("{name} has no cost assigned, so its return cannot be compared."),
                lang,
                name=no_cost[0],
            )
        )
    elif no_cost:
        sentences.append(
            fill(
                gettext("{names} have no cost assigned, so their return cannot be compared."),
                lang,
                names=names(no_cost),
            )
        )
    return sentences


def budget_shift(
    analysis: Analysis,
    by: str = "platform",
    share: float = 0.2,
    groups: pd.DataFrame | None = None,
    *,
    curves: dict[str, GroupCurve] | None = None,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> dict[str, Any] | None:
    """What moving `share` of the weakest group's weekly ad spend to the strongest might bring.

    Strength is ROAS: sales value of paid rows / ad spend of paid rows. The move takes
    `share` of the average weekly ad spend of the group with the lowest ROAS and gives it
    to the group with the highest; each group's week is projected from its curve (results
    = a x spend^b, smroi.budget_curves), so results grow no faster than spend. Total ad
    spend stays the same, so profit changes by the change in return.

    Returns {"from", "to", "amount" (a week), "share", "from_roas", "to_roas",
    "return_change", "return_change_low", "return_change_high" (a week; None when a curve
    cannot be told), "reasons" (why not, in `lang`) and "sentence"}, or None when fewer
    than two groups have ad spend or all have the same ROAS. `curves` is
    group_curves(analysis, by) when the caller has it already.
    """
    if not 0 < share <= 1:
        raise ValueError(f"share must be more than 0 and at most 1, not {share}")
    groups = by_group(analysis, by) if groups is None else groups
    if groups.empty:
        return None
    spenders = groups[groups["roas"].notna() & (groups["spend"] > 0)]
    if len(spenders) < 2:
        return None
    ordered = spenders.assign(name=spenders[by].astype(str)).sort_values(["roas", "name"])
    weakest, strongest = ordered.iloc[0], ordered.iloc[-1]
    if float(strongest["roas"]) <= float(weakest["roas"]):
        return None
    source, target = str(weakest["name"]), str(strongest["name"])
    curves = group_curves(analysis, by) if curves is None else curves
    shift: dict[str, Any] = {
        "from": source,
        "to": target,
        "amount": None,
        "share": share,
        "from_roas": float(weakest["roas"]),
        "to_roas": float(strongest["roas"]),
        "return_change": None,
        "return_change_low": None,
        "return_change_high": None,
        "reasons": [],
    }
    objective = analysis.settings.objective
    gettext = translator(lang)
    reasons = [
        refusal_sentence(curve_of(curves, name), objective, lang=lang, digits=digits)
        for name in (source, target)
    ]
    if any(reasons):
        shift["reasons"] = [reason for reason in reasons if reason]
        shift["sentence"] = " ".join(
            [
                fill(
                    gettext(
                        "What moving {percent}% of {source}'s ad spend to {target} would "
                        "bring cannot be projected yet:"
                    ),
                    lang,
                    percent=share_text(share, lang=lang, digits=digits),
                    source=source,
                    target=target,
                ),
                *shift["reasons"],
            ]
        )
        return shift
    plan = {name: curves[name].spend_per_week for name in (source, target)}
    projection = project(curves, move_share(plan, share, source, target))
    change = projection.profit_change
    shift["amount"] = share * plan[source]
    if change is not None:
        shift.update(
            return_change=change.value, return_change_low=change.low, return_change_high=change.high
        )
    shift["sentence"] = shift_sentence(
        projection, source, target, share, analysis.settings.currency_code, lang=lang, digits=digits
    )
    return shift


# ---------------------------------------------------------------- goals in words

# Whole sentences per period, so that each language words its own grammar
# ("this month" is "denne måneden" but "dette året" in Norwegian).
_TITLES: dict[str, str] = {
    "day": N_("{metric}: {target} a day"),
    "week": N_("{metric}: {target} a week"),
    "month": N_("{metric}: {target} a month"),
    "quarter": N_("{metric}: {target} a quarter"),
    "year": N_("{metric}: {target} a year"),
}
_CEILING_TITLES: dict[str, str] = {
    "day": N_("{metric}: at most {target} a day"),
    "week": N_("{metric}: at most {target} a week"),
    "month": N_("{metric}: at most {target} a month"),
    "quarter": N_("{metric}: at most {target} a quarter"),
    "year": N_("{metric}: at most {target} a year"),
}
_NOTHING_YET: dict[str, str] = {
    "day": N_("No {metric} to measure in this day yet."),
    "week": N_("No {metric} to measure in this week yet."),
    "month": N_("No {metric} to measure in this month yet."),
    "quarter": N_("No {metric} to measure in this quarter yet."),
    "year": N_("No {metric} to measure in this year yet."),
}
_ENDED_SHORT: dict[str, str] = {
    "day": N_("The day ended {short} short of the target."),
    "week": N_("The week ended {short} short of the target."),
    "month": N_("The month ended {short} short of the target."),
    "quarter": N_("The quarter ended {short} short of the target."),
    "year": N_("The year ended {short} short of the target."),
}
_RATIO_TO_GO: dict[str, str] = {
    "day": N_("{to_go} to go. A ratio has no daily pace: it moves with the whole day's sums."),
    "week": N_("{to_go} to go. A ratio has no daily pace: it moves with the whole week's sums."),
    "month": N_("{to_go} to go. A ratio has no daily pace: it moves with the whole month's sums."),
    "quarter": N_(
        "{to_go} to go. A ratio has no daily pace: it moves with the whole quarter's sums."
    ),
    "year": N_("{to_go} to go. A ratio has no daily pace: it moves with the whole year's sums."),
}


def goal_title(
    goal: Goal, currency: str, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> str:
    """'Leads: 100 a month'; a cost goal is a ceiling: 'Ad spend: at most $150.00 a month'.

    In `lang` with `digits` ('Leads: 100 per måned'), English by default."""
    titles = _CEILING_TITLES if goal.metric in LOWER_IS_BETTER else _TITLES
    return fill(
        translator(lang)(titles[goal.period]),
        lang,
        metric=metric_label(goal.metric, lang),
        target=format_value(
            goal.target, METRICS[goal.metric].unit, currency, lang=lang, digits=digits
        ),
    )


def format_pace(
    per_day: float,
    metric: str,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> str:
    """An amount a day: money in the currency, counts with two decimals ('0.90', '0,90')."""
    if METRICS[metric].unit == "money":
        return format_money(per_day, currency, lang=lang, digits=digits)
    if lang == DEFAULT_LANGUAGE:
        return f"{per_day:,.2f}"
    return format_value(per_day, "number", currency, lang=lang, digits=digits)


def _end_day(iso: str, lang: str, digits: str) -> str:
    """The period's last day, as every date is written ('30 Sep 2026', '30. sep. 2026')."""
    return format_day(date.fromisoformat(iso), lang, digits)


def goal_sentence(
    status: dict[str, Any],
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> tuple[str, str]:
    """Where a goal stands, in words, with its kind: "met", "on_pace", "behind", "over"
    (a cost above its ceiling) or "info".

    Reads a goal_status() result: "Behind pace: 5 a day is needed over the 2 days left to
    reach 100 by 30 Sep 2026." The words are in `lang`, numbers written with `digits`
    (English by default).
    """
    gettext, ngettext = translator(lang), plural_translator(lang)
    key = status["metric"]
    metric = METRICS[key]
    period = status["period"]
    actual, target = status["actual"], status["target"]

    def shown(value: float) -> str:
        return format_value(value, metric.unit, currency, lang=lang, digits=digits)

    if actual is None:
        return "info", fill(
            gettext(_NOTHING_YET[period]), lang, metric=metric_label(key, lang).lower()
        )
    if key in LOWER_IS_BETTER:
        if status["met"]:
            return "met", fill(gettext("Within the limit of {limit}."), lang, limit=shown(target))
        return "over", fill(
            gettext("Over the limit of {limit} by {excess}."),
            lang,
            limit=shown(target),
            excess=shown(actual - target),
        )
    if status["met"]:
        return "met", gettext("Target met.")
    if status["days_left"] == 0:
        return "behind", fill(gettext(_ENDED_SHORT[period]), lang, short=shown(target - actual))
    if status["needed_per_day"] is None:
        return "info", fill(gettext(_RATIO_TO_GO[period]), lang, to_go=shown(target - actual))
    days = int(status["days_left"])
    if status["on_pace"]:
        kind = "on_pace"
        template = ngettext(
            "On pace: {per_day} a day is needed over the {days} day left to reach {target} "
            "by {end}.",
            "On pace: {per_day} a day is needed over the {days} days left to reach {target} "
            "by {end}.",
            days,
        )
    else:
        kind = "behind"
        template = ngettext(
            "Behind pace: {per_day} a day is needed over the {days} day left to reach "
            "{target} by {end}.",
            "Behind pace: {per_day} a day is needed over the {days} days left to reach "
            "{target} by {end}.",
            days,
        )
    return kind, fill(
        template,
        lang,
        per_day=format_pace(status["needed_per_day"], key, currency, lang=lang, digits=digits),
        days=_count(days, lang, digits),
        target=shown(target),
        end=_end_day(status["period_end"], lang, digits),
    )
