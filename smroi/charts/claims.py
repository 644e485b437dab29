"""The chart of sales the platforms claim against the shop's record (smroi.claimed_sales)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smroi.charts._shared import (
    ESTIMATE_COLOUR,
    RETURN_COLOUR,
    chart_title,
    localised,
    nothing_to_draw,
    paired_platform_bars,
)
from smroi.claimed_sales import platform_name
from smroi.formatting import format_value
from smroi.i18n import DEFAULT_LANGUAGE, chart_translator


def claimed_vs_recorded_by_platform(
    by_platform: pd.DataFrame,
    currency: str,
    *,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
) -> alt.LayerChart:
    """Per platform, the sales value it claims over its share of the sales the shop
    recorded (the record shared in proportion to the claims), as two bars with their amounts;
    `by_platform` is ClaimsComparison.by_platform."""
    _ = chart_translator(lang)
    names = (_("Claimed by the platform"), _("Recorded by the shop (its share)"))
    title = chart_title(
        _("Sales claimed and sales recorded by platform"),
        _("The shop's record is shared in proportion to the claims"),
        lang,
    )
    frame = by_platform.assign(platform=[platform_name(str(p)) for p in by_platform["platform"]])
    long = frame.melt(
        id_vars=["platform", "over_claim"],
        value_vars=["claimed_value", "recorded_value_share"],
        var_name="key",
        value_name="value",
    ).dropna(subset=["value"])
    if long.empty or not (long["value"] != 0).any():
        return localised(nothing_to_draw(title, lang), lang, digits)
    long["measure"] = long["key"].map({"claimed_value": names[0], "recorded_value_share": names[1]})
    long["ratio_text"] = [
        format_value(v, "multiple", lang=lang, digits=digits) for v in long["over_claim"]
    ]
    return paired_platform_bars(
        long,
        names,
        (ESTIMATE_COLOUR, RETURN_COLOUR),
        _("Sales value ({currency})").format(currency=currency),
        alt.Tooltip("ratio_text:N", title=_("Its claims / all the shop recorded")),
        title,
        currency=currency,
        lang=lang,
        digits=digits,
    )
