"""The Attribution page's chart: value credited to each channel by each model."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import localised
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator


def attribution_by_model(
    compared: pd.DataFrame,
    model_labels: dict[str, str],
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.Chart:
    """Value credited to each channel under each attribution model, bars side by side,
    so the user sees where the models disagree. `model_labels` are already in `lang`."""
    _ = chart_translator(lang)
    long = (
        compared.rename_axis("channel")
        .reset_index()
        .melt(id_vars="channel", var_name="model", value_name="value")
    )
    long["model"] = long["model"].map(model_labels).fillna(long["model"])
    long["value_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in long["value"]
    ]
    order = list(compared.index)
    chart = (
        alt.Chart(
            long,
            title=alt.Title(
                _("Value credited to each channel, by attribution model"),
                subtitle=_("Where the bars differ, the models disagree about that channel"),
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("channel:N", title=_("Channel"), sort=order, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("model:N", sort=list(model_labels.values())),
            y=alt.Y("value:Q", title=_("Value credited ({currency})").format(currency=currency)),
            color=alt.Color(
                "model:N",
                title=_("Model"),
                sort=list(model_labels.values()),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("channel:N", title=_("Channel")),
                alt.Tooltip("model:N", title=_("Model")),
                alt.Tooltip(
                    "value_text:N", title=_("Value ({currency})").format(currency=currency)
                ),
            ],
        )
    )
    return localised(chart, lang, digits)
