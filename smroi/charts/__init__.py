"""Altair chart builders: a DataFrame of metrics in, a titled, labelled chart out.

One builder per chart. Every chart has a title, axis titles with their unit or
currency, and tooltips with formatted values. Undefined values (NaN) are left
out of a chart, never drawn as 0.

Every builder takes keyword-only `lang` (en, nb, fa) and `digits` ("native" or "latin"):
the words drawn are translated (`chart_translator`), tooltip values are written by
smroi.formatting in that locale, and for nb and fa the chart carries a top-level
`config.locale` (`chart_locale`: Vega's number and time locale, made from Babel's CLDR
data) so that axis numbers and dates follow the locale too, in Streamlit (vega-embed)
and in the PNG/SVG pictures (vl-convert) alike. English charts are what they always
were, with no locale config. Text that is data (platform, campaign, channel names)
is drawn as it is; labels a caller passes in (group titles, model names) must already
be in `lang`.

One style for all (_shared.py): categories are horizontal bars with their value printed
on each bar, never rotated labels; a category with nothing gets no slot; titles and labels
wrap to a phone's width; legends sit on top; formulas go in tooltips, not subtitles; a
trend's grain follows the data's span (trend_period) and a part-period is a hollow point
the line does not reach.
"""

from smroi.charts._shared import (
    CHAR_PX,
    COST_COLOUR,
    ESTIMATE_COLOUR,
    IMAGE_WIDTH,
    LATIN_DIGITS,
    LRM,
    NARROWEST_WIDTH,
    NEUTRAL_COLOUR,
    PERIOD_FORMATS,
    PERIOD_TICKS,
    RETURN_COLOUR,
    RLM,
    ChartT,
    chart_locale,
    chart_png,
    chart_svg,
    d3_time_format,
    localised,
    trend_period,
)
from smroi.charts.attribution import attribution_by_model
from smroi.charts.claims import claimed_vs_recorded_by_platform
from smroi.charts.earned_media import value_waterfall
from smroi.charts.funnel import funnel_chart, heatmap_chart, rate_range_text
from smroi.charts.goals import goal_chart
from smroi.charts.metric import metric_by_group, metric_over_time
from smroi.charts.overview import (
    return_and_cost_over_time,
    return_vs_cost_by_platform,
    roi_by_platform,
)
from smroi.charts.tracking import referral_flows
from smroi.charts.whatif import what_if_chart, what_if_table

__all__ = [
    "CHAR_PX",
    "COST_COLOUR",
    "ESTIMATE_COLOUR",
    "IMAGE_WIDTH",
    "LATIN_DIGITS",
    "LRM",
    "NARROWEST_WIDTH",
    "NEUTRAL_COLOUR",
    "PERIOD_FORMATS",
    "PERIOD_TICKS",
    "RETURN_COLOUR",
    "RLM",
    "ChartT",
    "attribution_by_model",
    "chart_locale",
    "chart_png",
    "chart_svg",
    "claimed_vs_recorded_by_platform",
    "d3_time_format",
    "funnel_chart",
    "goal_chart",
    "heatmap_chart",
    "localised",
    "metric_by_group",
    "metric_over_time",
    "rate_range_text",
    "referral_flows",
    "return_and_cost_over_time",
    "return_vs_cost_by_platform",
    "roi_by_platform",
    "trend_period",
    "value_waterfall",
    "what_if_chart",
    "what_if_table",
]
