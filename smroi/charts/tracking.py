"""The Tracking page's chart: the busiest paths from source to landing page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    axis_title,
    chart_title,
    horizontal_bars,
    layers,
    localised,
    nothing_to_draw,
    place_values,
    wrap_label,
)
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator

PATH_CHARS = 26  # a path's line on the axis ("instagram → /shop →")


def referral_flows(
    top: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.LayerChart:
    """The busiest paths from source to landing page (to next page) as horizontal bars,
    each with its number of visits."""
    _ = chart_translator(lang)
    data = top.assign(
        category=[wrap_label(str(path), lang, PATH_CHARS) for path in top["path"]],
        value=top["sessions"],
        value_text=[format_value(v, "count", lang=lang, digits=digits) for v in top["sessions"]],
        share_text=[format_value(v, "percent", lang=lang, digits=digits) for v in top["share_pct"]],
    )
    data = data.join(place_values(data["value"]))
    title = chart_title(
        _("Where visitors come from and where they go"),
        _("The busiest paths: source → landing page → next page"),
        lang,
    )
    if data.empty:
        return localised(nothing_to_draw(title, lang), lang, digits)
    visits = _("Visits (sessions)")
    bars, values = horizontal_bars(
        data,
        category_title=_("Path"),
        value_title=axis_title(visits, lang),
        tooltip=[
            alt.Tooltip("path:N", title=_("Path")),
            alt.Tooltip("value_text:N", title=_("Visits")),
            alt.Tooltip("share_text:N", title=_("Share of visits")),
        ],
        sort=list(data["category"]),
        label_chars=PATH_CHARS,
        lang=lang,
        digits=digits,
    )
    return localised(layers(bars, values, title=title), lang, digits)
