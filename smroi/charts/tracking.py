"""The Tracking page's chart: the busiest paths from source to landing page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import localised
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator


def referral_flows(
    top: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE, digits: str = "native"
) -> alt.Chart:
    """The busiest paths from source to landing page (to next page) as horizontal bars."""
    _ = chart_translator(lang)
    data = top.assign(
        share_text=[format_value(v, "percent", lang=lang, digits=digits) for v in top["share_pct"]]
    )
    chart = (
        alt.Chart(
            data,
            title=alt.Title(
                _("Where visitors come from and where they go"),
                subtitle=_("The busiest paths: source → landing page → next page"),
            ),
        )
        .mark_bar()
        .encode(
            y=alt.Y("path:N", title=_("Path"), sort=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("sessions:Q", title=_("Visits (sessions)")),
            tooltip=[
                alt.Tooltip("path:N", title=_("Path")),
                alt.Tooltip("sessions:Q", title=_("Visits"), format=",.0f"),
                alt.Tooltip("share_text:N", title=_("Share of visits")),
            ],
        )
    )
    return localised(chart, lang, digits)
