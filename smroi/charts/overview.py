"""The Overview page's charts: return against cost and ROI by platform, and over time."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    COST_COLOUR,
    RETURN_COLOUR,
    _day_texts,
    _lines,
    _period_axis,
    _period_start_tooltip,
    localised,
)
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator


def _amounts_long(
    frame: pd.DataFrame,
    key: str,
    currency: str,
    names: tuple[str, str],
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> pd.DataFrame:
    long = frame.melt(
        id_vars=[key], value_vars=["return", "cost"], var_name="measure", value_name="amount"
    )
    long["measure"] = long["measure"].map({"return": names[0], "cost": names[1]})
    long["amount_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in long["amount"]
    ]
    return long


def return_vs_cost_by_platform(
    by_platform: pd.DataFrame,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.Chart:
    """Bars of return next to total cost for each platform."""
    _ = chart_translator(lang)
    names = (_("Return"), _("Total cost"))
    long = _amounts_long(
        by_platform.astype({"platform": str}), "platform", currency, names, lang, digits
    )
    amount = _("Amount ({currency})").format(currency=currency)
    chart = (
        alt.Chart(
            long,
            title=alt.Title(
                _("Return vs total cost by platform"),
                subtitle=_("Total cost = ad spend + your other costs"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("platform:N", title=_("Platform"), sort="-y"),
            xOffset=alt.XOffset("measure:N", sort=list(names)),
            y=alt.Y("amount:Q", title=amount),
            color=alt.Color(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=list(names), range=[RETURN_COLOUR, COST_COLOUR]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("platform:N", title=_("Platform")),
                alt.Tooltip("measure:N", title=_("What")),
                alt.Tooltip("amount_text:N", title=amount),
            ],
        )
    )
    return localised(chart, lang, digits)


def roi_by_platform(
    by_platform: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.LayerChart:
    """ROI % per platform: green above break-even, red below; platforms with no cost left out."""
    _ = chart_translator(lang)
    frame = by_platform.astype({"platform": str})[["platform", "roi_pct", "profit", "cost"]]
    frame = frame[frame["roi_pct"].notna()].copy()
    frame["roi_text"] = [
        format_value(v, "percent", lang=lang, digits=digits) for v in frame["roi_pct"]
    ]
    # the colour's domain (no legend is drawn): data, not words
    frame["result"] = frame["roi_pct"].map(lambda v: "profit" if v >= 0 else "loss")
    bars = (
        alt.Chart(
            frame,
            title=alt.Title(
                _("ROI by platform"),
                subtitle=_("(return - total cost) / total cost; 0% = break-even"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("platform:N", title=_("Platform"), sort="-y"),
            y=alt.Y("roi_pct:Q", title=_("ROI (%)")),
            color=alt.Color(
                "result:N",
                title=None,
                scale=alt.Scale(domain=["profit", "loss"], range=[RETURN_COLOUR, COST_COLOUR]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("platform:N", title=_("Platform")),
                alt.Tooltip("roi_text:N", title=_("ROI")),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#555").encode(y="y:Q")
    return localised(bars + zero, lang, digits)


# The over-time chart's words for each period, whole, so each language words its own grammar:
# title, the points' subtitle, the hollow points' subtitle, the time axis.
_OVER_TIME_WORDS: dict[str, tuple[str, str, str, str]] = {
    "day": (
        N_("Return and total cost per day"),
        N_("Each point is the day starting that day"),
        N_("Hollow point: a day the data covers only in part"),
        N_("Day starting"),
    ),
    "week": (
        N_("Return and total cost per week"),
        N_("Each point is the week starting that day"),
        N_("Hollow point: a week the data covers only in part"),
        N_("Week starting"),
    ),
    "month": (
        N_("Return and total cost per month"),
        N_("Each point is the month starting that day"),
        N_("Hollow point: a month the data covers only in part"),
        N_("Month starting"),
    ),
    "quarter": (
        N_("Return and total cost per quarter"),
        N_("Each point is the quarter starting that day"),
        N_("Hollow point: a quarter the data covers only in part"),
        N_("Quarter starting"),
    ),
    "year": (
        N_("Return and total cost per year"),
        N_("Each point is the year starting that day"),
        N_("Hollow point: a year the data covers only in part"),
        N_("Year starting"),
    ),
}


def return_and_cost_over_time(
    trend: pd.DataFrame,
    currency: str,
    period: str = "week",
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """Lines of return and total cost per period (fixed costs spread by days).

    A period the data covers only in part (the first or last) has a hollow point, so a
    short last week does not read as a collapse.
    """
    _ = chart_translator(lang)
    title, each_point, hollow_point, starting = (_(w) for w in _OVER_TIME_WORDS[period])
    names = [_("Return"), _("Total cost")]
    amount = _("Amount ({currency})").format(currency=currency)
    long = trend.melt(
        id_vars=["period_start", "days", "partial"],
        value_vars=["return", "cost"],
        var_name="measure",
        value_name="amount",
    )
    long["measure"] = long["measure"].map({"return": names[0], "cost": names[1]})
    long["amount_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in long["amount"]
    ]
    if lang != DEFAULT_LANGUAGE:
        long["period_text"] = _day_texts(long["period_start"], lang, digits)
    subtitle = [each_point]
    if trend["partial"].any():
        subtitle.append(hollow_point)
    scale = alt.Scale(domain=names, range=[RETURN_COLOUR, COST_COLOUR])
    colour = alt.Color("measure:N", title=None, scale=scale, legend=alt.Legend(orient="top"))
    base = alt.Chart(long, title=alt.Title(title, subtitle=_lines(subtitle, lang))).encode(
        x=alt.X(
            "period_start:T",
            title=starting,
            # ticks on the periods themselves (weeks start on Monday), never hourly ones
            axis=_period_axis(trend, period, lang, digits),
        ),
        y=alt.Y("amount:Q", title=amount),
        color=colour,
    )
    points = base.mark_point(size=70, strokeWidth=2, opacity=1).encode(
        fill=alt.condition(
            "datum.partial",
            alt.value("white"),
            alt.Color("measure:N", scale=scale, legend=None),
        ),
        tooltip=[
            _period_start_tooltip(starting, lang),
            alt.Tooltip("measure:N", title=_("What")),
            alt.Tooltip("amount_text:N", title=amount),
            alt.Tooltip("days:Q", title=_("Days covered")),
        ],
    )
    return localised(base.mark_line() + points, lang, digits)
