"""The Earned media page's chart: from cost to total value, as a waterfall."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    COST_COLOUR,
    ESTIMATE_COLOUR,
    NEUTRAL_COLOUR,
    RETURN_COLOUR,
    TEXT_COLOUR,
    _drawn,
    axis_title,
    bar_height,
    category_axis,
    chart_title,
    label_lines,
    layers,
    legend,
    localised,
    value_axis,
    value_labels,
    wrap_label,
)
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, N_, chart_translator
from smroi.registry import metric_label

# The waterfall's kinds of step, as its legend names them.
_WATERFALL_KINDS: dict[str, str] = {
    "cost": N_("cost"),
    "cash": N_("cash"),
    "estimated": N_("estimated"),
    "net": N_("total"),
}


def value_waterfall(
    lines: pd.DataFrame,
    cost: float,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """From cost to total value: the cost down, each value line up, the net at the end.

    `lines` has label (in `lang`), amount and kind ("cash" or "estimated"); lines without
    an amount (undefined) are left out. Cash and estimated steps have their own colours.
    """
    _ = chart_translator(lang)
    steps = lines[lines["amount"].notna() & (lines["amount"] != 0)][["label", "amount", "kind"]]
    steps = steps.assign(label=[_drawn(str(label), lang) for label in steps["label"]])
    rows = [{"label": _drawn(metric_label("cost", lang), lang), "amount": -cost, "kind": "cost"}]
    rows += steps.to_dict("records")
    data = pd.DataFrame(rows)
    data["end"] = data["amount"].cumsum()
    data["start"] = data["end"] - data["amount"]
    net = float(data["end"].iloc[-1]) if len(data) else 0.0
    total = pd.DataFrame(
        [
            {
                "label": _("Net value (with estimates)"),
                "amount": net,
                "kind": "net",
                "start": 0.0,
                "end": net,
            }
        ]
    )
    data = pd.concat([data, total], ignore_index=True)
    data["order"] = range(len(data))
    data["amount_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in data["amount"]
    ]
    kinds = {kind: _(name) for kind, name in _WATERFALL_KINDS.items()}
    data["kind_text"] = data["kind"].map(kinds)
    data["category"] = [wrap_label(str(label), lang) for label in data["label"]]
    # each step's amount printed beside its bar's right end
    reach = max([*data["end"], *data["start"], 0.0])
    data["text_at"] = [
        max(start, end) for start, end in zip(data["start"], data["end"], strict=True)
    ]
    data["text_align"], data["text_dx"], data["text_colour"] = "left", 4, TEXT_COLOUR
    # a step ending in the right half has its amount on its left (inside the plot)
    right = data["text_at"] > 0.6 * reach
    data.loc[right, "text_at"] = data.loc[right, ["start", "end"]].min(axis=1)
    data.loc[right, "text_align"] = "right"
    data.loc[right, "text_dx"] = -4
    scale = alt.Scale(
        domain=[kinds["cost"], kinds["cash"], kinds["estimated"], kinds["net"]],
        range=[COST_COLOUR, RETURN_COLOUR, ESTIMATE_COLOUR, NEUTRAL_COLOUR],
    )
    amount = _("Amount ({currency})").format(currency=currency)
    base = alt.Chart(data).encode(
        y=alt.Y(
            "category:N",
            title=None,
            sort=list(data["category"]),
            axis=category_axis(lang),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=_("Line")),
            alt.Tooltip("kind_text:N", title=_("Kind")),
            alt.Tooltip("amount_text:N", title=amount),
        ],
    )
    bars = base.mark_bar(cornerRadius=2).encode(
        x=alt.X("start:Q", title=axis_title(amount, lang), axis=value_axis(lang, digits)),
        x2="end:Q",
        color=alt.Color(
            "kind_text:N", scale=scale, legend=legend([kinds[k] for k in _WATERFALL_KINDS])
        ),
    )
    values = value_labels(base, axis_title(amount, lang), "amount_text")
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#555").encode(x="x:Q")
    height = bar_height(len(data), lines=label_lines(data["category"]))
    chart = layers(
        bars.properties(height=height),
        zero,
        values.properties(height=height),
        title=chart_title(_("From cost to total value"), lang=lang),
    )
    return localised(chart, lang, digits)
