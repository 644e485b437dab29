"""The Earned media page's chart: from cost to total value, as a waterfall."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    COST_COLOUR,
    ESTIMATE_COLOUR,
    NEUTRAL_COLOUR,
    RETURN_COLOUR,
    _drawn,
    localised,
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
    scale = alt.Scale(
        domain=[kinds["cost"], kinds["cash"], kinds["estimated"], kinds["net"]],
        range=[COST_COLOUR, RETURN_COLOUR, ESTIMATE_COLOUR, NEUTRAL_COLOUR],
    )
    amount = _("Amount ({currency})").format(currency=currency)
    bars = (
        alt.Chart(
            data,
            title=alt.Title(
                _("From cost to total value"),
                subtitle=_("Red: what it cost; green: money; yellow: estimates (not cash)"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("label:N", title=None, sort=alt.SortField("order")),
            y=alt.Y("start:Q", title=amount),
            y2="end:Q",
            color=alt.Color(
                "kind_text:N", title=None, scale=scale, legend=alt.Legend(orient="top")
            ),
            tooltip=[
                alt.Tooltip("label:N", title=_("Line")),
                alt.Tooltip("kind_text:N", title=_("Kind")),
                alt.Tooltip("amount_text:N", title=amount),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#555").encode(y="y:Q")
    return localised(bars + zero, lang, digits)
