"""Altair chart builders: a DataFrame of metrics in, a titled, labelled chart out.

One builder per chart. Every chart has a title, axis titles with their unit or
currency, and tooltips with formatted values. Undefined values (NaN) are left
out of a chart, never drawn as 0.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from smroi.formatting import format_value, period_label, unit_label
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator
from smroi.registry import METRICS

RETURN_COLOUR = "#2e7d32"
COST_COLOUR = "#c62828"
NEUTRAL_COLOUR = "#1f77b4"
PERIOD_FORMATS = {
    "day": "%d %b",
    "week": "%d %b",
    "month": "%b %Y",
    "quarter": "%b %Y",
    "year": "%Y",
}
PERIOD_TICKS = {"day": "day", "week": "week", "month": "month", "quarter": "month", "year": "year"}


def _amounts_long(
    frame: pd.DataFrame, key: str, currency: str, names: tuple[str, str]
) -> pd.DataFrame:
    long = frame.melt(
        id_vars=[key], value_vars=["return", "cost"], var_name="measure", value_name="amount"
    )
    long["measure"] = long["measure"].map({"return": names[0], "cost": names[1]})
    long["amount_text"] = [format_value(v, "money", currency) for v in long["amount"]]
    return long


def return_vs_cost_by_platform(
    by_platform: pd.DataFrame, currency: str, *, lang: str = DEFAULT_LANGUAGE
) -> alt.Chart:
    """Bars of return next to total cost for each platform."""
    _ = chart_translator(lang)
    names = (_("Return"), _("Total cost"))
    long = _amounts_long(by_platform.astype({"platform": str}), "platform", currency, names)
    amount = _("Amount ({currency})").format(currency=currency)
    return (
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


def roi_by_platform(by_platform: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE) -> alt.Chart:
    """ROI % per platform: green above break-even, red below; platforms with no cost left out."""
    _ = chart_translator(lang)
    frame = by_platform.astype({"platform": str})[["platform", "roi_pct", "profit", "cost"]]
    frame = frame[frame["roi_pct"].notna()].copy()
    frame["roi_text"] = [format_value(v, "percent") for v in frame["roi_pct"]]
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
    return bars + zero


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
    trend: pd.DataFrame, currency: str, period: str = "week", *, lang: str = DEFAULT_LANGUAGE
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
    long["amount_text"] = [format_value(v, "money", currency) for v in long["amount"]]
    subtitle = [each_point]
    if trend["partial"].any():
        subtitle.append(hollow_point)
    scale = alt.Scale(domain=names, range=[RETURN_COLOUR, COST_COLOUR])
    colour = alt.Color("measure:N", title=None, scale=scale, legend=alt.Legend(orient="top"))
    base = alt.Chart(long, title=alt.Title(title, subtitle=subtitle)).encode(
        x=alt.X(
            "period_start:T",
            title=starting,
            # ticks on the periods themselves (weeks start on Monday), never hourly ones
            axis=_period_axis(trend, period),
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
            alt.Tooltip("period_start:T", title=starting, format="%d %b %Y"),
            alt.Tooltip("measure:N", title=_("What")),
            alt.Tooltip("amount_text:N", title=amount),
            alt.Tooltip("days:Q", title=_("Days covered")),
        ],
    )
    return base.mark_line() + points


def _period_axis(trend: pd.DataFrame, period: str) -> alt.Axis:
    starts = pd.to_datetime(trend["period_start"])
    if len(starts) <= 20:
        return alt.Axis(
            format=PERIOD_FORMATS.get(period, "%d %b %Y"),
            values=[day.isoformat() for day in starts],
        )
    return alt.Axis(
        format=PERIOD_FORMATS.get(period, "%d %b %Y"),
        tickCount={"interval": PERIOD_TICKS.get(period, "day"), "step": 1},
    )


def metric_by_group(
    frame: pd.DataFrame,
    group: str,
    group_title: str,
    metric_key: str,
    currency: str,
    *,
    label: str | None = None,
    limit: int = 25,
) -> alt.Chart:
    """Horizontal bars of one metric per group, largest first; undefined groups left out."""
    metric = METRICS[metric_key]
    title = label or metric.label
    data = frame[[group, metric_key]].astype({group: str})
    data = data[data[metric_key].notna()].sort_values(metric_key, ascending=False).head(limit)
    factor = 100.0 if metric.unit == "fraction" else 1.0
    data = data.assign(
        value=data[metric_key] * factor,
        value_text=[format_value(v, metric.unit, currency) for v in data[metric_key]],
    )
    unit = unit_label(metric.unit, currency)
    return (
        alt.Chart(
            data, title=alt.Title(f"{title} by {group_title.lower()}", subtitle=metric.formula)
        )
        .mark_bar(color=NEUTRAL_COLOUR)
        .encode(
            y=alt.Y(f"{group}:N", title=group_title, sort="-x"),
            x=alt.X("value:Q", title=f"{title} ({unit})"),
            tooltip=[
                alt.Tooltip(f"{group}:N", title=group_title),
                alt.Tooltip("value_text:N", title=title),
            ],
        )
    )


ESTIMATE_COLOUR = "#f9a825"


def metric_over_time(
    trend: pd.DataFrame, metric_key: str, currency: str, period: str = "week"
) -> alt.LayerChart:
    """One metric per period as bars (earned media value per week); partial periods lighter."""
    metric = METRICS[metric_key]
    unit = unit_label(metric.unit, currency)
    data = trend[["period_start", metric_key, "partial", "days"]].assign(
        value_text=[format_value(v, metric.unit, currency) for v in trend[metric_key]]
    )
    subtitle = [f"Each bar is the {period} starting that day"]
    if trend["partial"].any():
        subtitle.append(f"Lighter bar: a {period} the data covers only in part")
    return (
        alt.Chart(data, title=alt.Title(f"{metric.label} per {period}", subtitle=subtitle))
        .mark_bar(color=ESTIMATE_COLOUR if metric.estimated else NEUTRAL_COLOUR)
        .encode(
            x=alt.X(
                "period_start:T",
                title=f"{period.capitalize()} starting",
                axis=_period_axis(trend, period),
            ),
            y=alt.Y(f"{metric_key}:Q", title=f"{metric.label} ({unit})"),
            opacity=alt.condition("datum.partial", alt.value(0.4), alt.value(1.0)),
            tooltip=[
                alt.Tooltip(
                    "period_start:T", title=f"{period.capitalize()} starting", format="%d %b %Y"
                ),
                alt.Tooltip("value_text:N", title=metric.label),
                alt.Tooltip("days:Q", title="Days covered"),
            ],
        )
    )


def value_waterfall(lines: pd.DataFrame, cost: float, currency: str) -> alt.LayerChart:
    """From cost to total value: the cost down, each value line up, the net at the end.

    `lines` has label, amount and kind ("cash" or "estimated"); lines without an amount
    (undefined) are left out. Cash and estimated steps have their own colours.
    """
    steps = lines[lines["amount"].notna() & (lines["amount"] != 0)][["label", "amount", "kind"]]
    rows = [{"label": "Total cost", "amount": -cost, "kind": "cost"}]
    rows += steps.to_dict("records")
    data = pd.DataFrame(rows)
    data["end"] = data["amount"].cumsum()
    data["start"] = data["end"] - data["amount"]
    net = float(data["end"].iloc[-1]) if len(data) else 0.0
    total = pd.DataFrame(
        [
            {
                "label": "Net value (with estimates)",
                "amount": net,
                "kind": "net",
                "start": 0.0,
                "end": net,
            }
        ]
    )
    data = pd.concat([data, total], ignore_index=True)
    data["order"] = range(len(data))
    data["amount_text"] = [format_value(v, "money", currency) for v in data["amount"]]
    data["kind_text"] = data["kind"].map(
        {"cost": "cost", "cash": "cash", "estimated": "estimated", "net": "total"}
    )
    scale = alt.Scale(
        domain=["cost", "cash", "estimated", "total"],
        range=[COST_COLOUR, RETURN_COLOUR, ESTIMATE_COLOUR, NEUTRAL_COLOUR],
    )
    bars = (
        alt.Chart(
            data,
            title=alt.Title(
                "From cost to total value",
                subtitle="Red: what it cost; green: money; yellow: estimates (not cash)",
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("label:N", title=None, sort=alt.SortField("order")),
            y=alt.Y("start:Q", title=f"Amount ({currency})"),
            y2="end:Q",
            color=alt.Color(
                "kind_text:N", title=None, scale=scale, legend=alt.Legend(orient="top")
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Line"),
                alt.Tooltip("kind_text:N", title="Kind"),
                alt.Tooltip("amount_text:N", title=f"Amount ({currency})"),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#555").encode(y="y:Q")
    return bars + zero


def funnel_chart(stages: pd.DataFrame, currency: str) -> alt.Chart:
    """The count stages of the funnel as bars, widest first, each with its rate from the
    stage before (money stages are left to the table: they are not people)."""
    counts = stages[~stages["money"] & stages["value"].notna()].copy()
    counts["value_text"] = [format_value(v, "count", currency) for v in counts["value"]]
    counts["rate_text"] = [
        "" if pd.isna(rate) or not name else f"{format_value(rate, 'fraction', currency)} {name}"
        for rate, name in zip(counts["rate"], counts["rate_name"], strict=True)
    ]
    counts["order"] = range(len(counts))
    base = alt.Chart(
        counts,
        title=alt.Title(
            "The funnel: how many went on to the next step",
            subtitle="Each rate is the step over the step before it (from sums)",
        ),
    ).encode(
        y=alt.Y("stage:N", title=None, sort=alt.SortField("order")),
        tooltip=[
            alt.Tooltip("stage:N", title="Step"),
            alt.Tooltip("value_text:N", title="How many"),
            alt.Tooltip("rate_text:N", title="Rate"),
        ],
    )
    bars = base.mark_bar(color=NEUTRAL_COLOUR).encode(
        x=alt.X(
            "value:Q",
            title="How many (log scale: each step is often 10 to 100 times smaller)",
            scale=alt.Scale(type="symlog"),
            axis=alt.Axis(grid=False, tickCount=4, format="~s"),
        )
    )
    labels = base.mark_text(align="left", dx=4).encode(
        x=alt.X("value:Q", scale=alt.Scale(type="symlog")), text="rate_text:N"
    )
    return bars + labels


def heatmap_chart(
    cells: pd.DataFrame, rows: str, columns: str, metric_key: str, currency: str
) -> alt.LayerChart:
    """A grid of one metric for every pair of two dimensions (age x gender); pairs with too
    little volume are left pale and say so."""
    metric = METRICS[metric_key]
    data = cells.astype({rows: str, columns: str}).copy()
    data["value_text"] = [format_value(v, metric.unit, currency) for v in data[metric_key]]
    data["volume"] = np.where(data["enough"], "", " (few)")
    data["label"] = data["value_text"] + data["volume"]
    factor = 100.0 if metric.unit == "fraction" else 1.0
    data["shown"] = data[metric_key] * factor
    unit = unit_label(metric.unit, currency)
    lower_is_better = metric.unit == "money"
    base = alt.Chart(
        data,
        title=alt.Title(
            f"{metric.label} by {rows} and {columns}",
            subtitle="(few): too few clicks or results to compare",
        ),
    ).encode(
        x=alt.X(f"{columns}:N", title=columns.capitalize()),
        y=alt.Y(f"{rows}:N", title=rows.capitalize()),
    )
    rects = base.mark_rect().encode(
        color=alt.Color(
            "shown:Q",
            title=f"{metric.label} ({unit})",
            scale=alt.Scale(scheme="redyellowgreen", reverse=lower_is_better),
        ),
        opacity=alt.condition("datum.enough", alt.value(1.0), alt.value(0.35)),
        tooltip=[
            alt.Tooltip(f"{rows}:N", title=rows.capitalize()),
            alt.Tooltip(f"{columns}:N", title=columns.capitalize()),
            alt.Tooltip("label:N", title=metric.label),
            alt.Tooltip("clicks:Q", title="Clicks", format=",.0f"),
            alt.Tooltip("results:Q", title="Results", format=",.0f"),
        ],
    )
    text = base.mark_text(color="black").encode(text="label:N")
    return rects + text


def goal_chart(
    periods: pd.DataFrame, metric_key: str, target: float, period: str, currency: str
) -> alt.LayerChart:
    """Actual per period as bars (green where the target was met), the target as a line."""
    metric = METRICS[metric_key]
    unit = unit_label(metric.unit, currency)
    factor = 100.0 if metric.unit == "fraction" else 1.0
    data = periods.assign(
        label=[period_label(start.date(), period) for start in periods["period_start"]],
        shown=periods["actual"] * factor,
        actual_text=[format_value(v, metric.unit, currency) for v in periods["actual"]],
        status=np.where(periods["met"], "met", "not met"),
    )
    subtitle = [f"Target: {format_value(target, metric.unit, currency)} a {period} (dashed line)"]
    if data["partial"].any():
        subtitle.append("Pale bar: a period the data covers only in part")
    title = alt.Title(f"{metric.label} per {period} against the target", subtitle=subtitle)
    angle = 0 if len(data) <= 8 else -45
    x = alt.X("label:N", title=period.capitalize(), sort=None, axis=alt.Axis(labelAngle=angle))
    y_title = f"{metric.label} ({unit})"
    bars = (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("shown:Q", title=y_title),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=["met", "not met"], range=[RETURN_COLOUR, "#9e9e9e"]),
                legend=alt.Legend(orient="top"),
            ),
            opacity=alt.condition("datum.partial", alt.value(0.45), alt.value(1.0)),
            tooltip=[
                alt.Tooltip("label:N", title=period.capitalize()),
                alt.Tooltip("actual_text:N", title=metric.label),
                alt.Tooltip("status:N", title="Target"),
                alt.Tooltip("days:Q", title="Days covered"),
            ],
        )
    )
    line = (
        alt.Chart(pd.DataFrame({"target": [target * factor]}))
        .mark_rule(color=COST_COLOUR, strokeDash=[6, 4], size=2)
        .encode(y=alt.Y("target:Q", title=y_title))
    )
    return bars + line


def attribution_by_model(
    compared: pd.DataFrame, model_labels: dict[str, str], currency: str
) -> alt.Chart:
    """Value credited to each channel under each attribution model, bars side by side,
    so the user sees where the models disagree."""
    long = (
        compared.rename_axis("channel")
        .reset_index()
        .melt(id_vars="channel", var_name="model", value_name="value")
    )
    long["model"] = long["model"].map(model_labels).fillna(long["model"])
    long["value_text"] = [format_value(v, "money", currency) for v in long["value"]]
    order = list(compared.index)
    return (
        alt.Chart(
            long,
            title=alt.Title(
                "Value credited to each channel, by attribution model",
                subtitle="Where the bars differ, the models disagree about that channel",
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("channel:N", title="Channel", sort=order, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("model:N", sort=list(model_labels.values())),
            y=alt.Y("value:Q", title=f"Value credited ({currency})"),
            color=alt.Color(
                "model:N",
                title="Model",
                sort=list(model_labels.values()),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("channel:N", title="Channel"),
                alt.Tooltip("model:N", title="Model"),
                alt.Tooltip("value_text:N", title=f"Value ({currency})"),
            ],
        )
    )


def referral_flows(top: pd.DataFrame) -> alt.Chart:
    """The busiest paths from source to landing page (to next page) as horizontal bars."""
    data = top.assign(share_text=[f"{v:.1f}%" for v in top["share_pct"]])
    return (
        alt.Chart(
            data,
            title=alt.Title(
                "Where visitors come from and where they go",
                subtitle="The busiest paths: source → landing page → next page",
            ),
        )
        .mark_bar()
        .encode(
            y=alt.Y("path:N", title="Path", sort=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("sessions:Q", title="Visits (sessions)"),
            tooltip=[
                alt.Tooltip("path:N", title="Path"),
                alt.Tooltip("sessions:Q", title="Visits", format=",.0f"),
                alt.Tooltip("share_text:N", title="Share of visits"),
            ],
        )
    )


def chart_svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG image (for slides and documents), drawn without a browser."""
    import vl_convert as vlc  # imported on use: only downloads need it

    return str(vlc.vegalite_to_svg(_image_spec(chart), vl_version=_vl_version()))


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as a PNG image at twice screen resolution."""
    import vl_convert as vlc

    return bytes(vlc.vegalite_to_png(_image_spec(chart), scale=scale, vl_version=_vl_version()))


IMAGE_WIDTH = 640  # pixels; on screen a chart takes the page's width


def _image_spec(chart: alt.TopLevelMixin) -> dict:
    spec = chart.to_dict()
    if not isinstance(spec.get("width"), int | float):
        spec["width"] = IMAGE_WIDTH
    return spec


def _vl_version() -> str:
    """The Vega-Lite version Altair writes, as vl-convert names it ("5.20")."""
    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return f"{major}.{minor}"
