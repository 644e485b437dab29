"""The Attribution page's chart: value credited to each channel by each model."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    axis_title,
    chart_title,
    horizontal_bars,
    layers,
    legend,
    localised,
    nothing_to_draw,
    place_values,
    room_for_values,
    wrap_label,
)
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator


def attribution_by_model(
    compared: pd.DataFrame,
    model_labels: dict[str, str],
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """Value credited to each channel under each attribution model, a bar for each with its
    amount, so the user sees where the models disagree. `model_labels` are already in `lang`.
    A channel no model credits with anything gets no slot."""
    _ = chart_translator(lang)
    credited = compared[(compared.fillna(0.0) != 0).any(axis=1)]
    long = (
        credited.rename_axis("channel")
        .reset_index()
        .melt(id_vars="channel", var_name="model", value_name="value")
    )
    long["channel"] = long["channel"].astype(str)
    long["model"] = long["model"].map(model_labels).fillna(long["model"])
    long["category"] = [wrap_label(channel, lang) for channel in long["channel"]]
    long["value_text"] = [
        format_value(v, "money", currency, lang=lang, digits=digits) for v in long["value"]
    ]
    # bars of five colours: every value beside its bar, in the room the axis leaves
    long = long.join(place_values(long["value"], beside_only=True))
    title = chart_title(
        _("Value credited to each channel, by attribution model"),
        _("Where the bars differ, the models disagree about that channel"),
        lang,
    )
    if long.empty:
        return localised(nothing_to_draw(title, lang), lang, digits)
    models = list(dict.fromkeys([*model_labels.values(), *long["model"]]))
    models = [model for model in models if model in set(long["model"])]
    bars, values = horizontal_bars(
        long,
        category_title=_("Channel"),
        value_title=axis_title(_("Value credited ({currency})").format(currency=currency), lang),
        tooltip=[
            alt.Tooltip("channel:N", title=_("Channel")),
            alt.Tooltip("model:N", title=_("Model")),
            alt.Tooltip("value_text:N", title=_("Value ({currency})").format(currency=currency)),
        ],
        colour=alt.Color(
            "model:N", sort=models, scale=alt.Scale(domain=models), legend=legend(models)
        ),
        offset=alt.YOffset("model:N", sort=models),
        offsets=len(models),
        scale=room_for_values(long["value"]),
        sort=list(dict.fromkeys(long["category"])),
        lang=lang,
        digits=digits,
    )
    return localised(layers(bars, values, title=title), lang, digits)
