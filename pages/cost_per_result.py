"""Cost per result: what each click, lead and sale cost, by platform, campaign and post/ad."""

import streamlit as st

import smroi
from smroi import charts
from smroi.i18n import N_
from smroi.registry import metric_label
from ui import data, state
from ui.frame import period_caption, require_frame, show_warnings
from ui.i18n import digits, language, metric_value, option_labels, t
from ui.state import get_view
from ui.widgets import chart_table, chart_with_downloads, metric_table, plain

require_frame()

CHART_METRICS = [
    "cost_per_result",
    "cpc",
    "cpm",
    "ctr",
    "cpe",
    "cpl",
    "cpa",
    "full_cpl",
    "full_cpa",
    "roas",
    "roi_pct",
    "spend",
]

# One sentence per objective: the result's word differs by objective and by language.
BEST_AND_WORST = {
    "awareness": N_("Best and worst posts and ads by cost per 1,000 impressions"),
    "engagement": N_("Best and worst posts and ads by cost per engagement"),
    "leads": N_("Best and worst posts and ads by cost per lead"),
    "sales": N_("Best and worst posts and ads by cost per sale"),
}
NO_RESULT = {
    "awareness": N_("**Spent money with no impressions, leads or sales**"),
    "engagement": N_("**Spent money with no engagements, leads or sales**"),
    "leads": N_("**Spent money with no leads or sales**"),
    "sales": N_("**Spent money with no sales or leads**"),
}


view = get_view()
settings, currency, lang = view.settings, view.settings.currency_code, language()
result_label = smroi.cost_per_result_label(settings.objective, lang)
labels = {"cost_per_result": result_label}
# the table and the chart picker: plain words beside CTR, CPC, CPM and CPE
plain_labels = {**{key: t(text) for key, text in smroi.PLAIN_LABELS.items()}, **labels}

st.title(t("Cost per result"))
st.caption(period_caption(view))
show_warnings(view)
st.markdown(
    t(
        "What each click, lead and sale cost you, from platform down to each post or ad. "
        "CPC, CPM, CPE, cost per lead and cost per sale use **paid rows only**, as the ad "
        "platforms report them; *full* cost per lead and sale include your time and tools."
    )
)

platforms = sorted(str(p) for p in view.analysis.rows["platform"].dropna().unique())
left, middle, right = st.columns(3)
level = left.radio(
    t("Show one row per"),
    list(smroi.LEVELS),
    horizontal=True,
    format_func=option_labels(smroi.LEVEL_LABELS),
    key=state.CPR_LEVEL,
)
all_platforms, all_campaigns = t("All platforms"), t("All campaigns")
platform = middle.selectbox(
    t("Inside platform"),
    [None, *platforms],
    key=state.CPR_PLATFORM,
    format_func=lambda p: all_platforms if p is None else p,
)
campaign = None
if level != "platform":
    narrowed = smroi.drill_down(view.analysis, "campaign", platform=platform)
    campaigns = sorted({str(c) for c in narrowed["campaign"]})
    campaign = right.selectbox(
        t("Inside campaign"),
        [None, *campaigns],
        key=state.CPR_CAMPAIGN,
        format_func=lambda c: all_campaigns if c is None else c,
    )

frame = smroi.drill_down(view.analysis, level, platform=platform, campaign=campaign)
group_columns = smroi.LEVELS[level]
label_columns = {column: t(smroi.LEVEL_LABELS[column]) for column in group_columns}
if frame.empty:
    st.info(t("No rows in this selection."))
    st.stop()

group = st.segmented_control(
    t("Columns"),
    list(smroi.COLUMN_GROUPS),
    format_func=option_labels(smroi.COLUMN_GROUP_LABELS),
    default="reach",
    key=state.CPR_COLUMNS,
    required=True,
)
# one 90% range per view, beside the number it decides: click rate, the objective's cost
# per result, ROI
RANGES = {
    "reach": ["ctr"],
    "results": [smroi.OBJECTIVE_COSTS[settings.objective] or ""],
    "full": ["roi_pct"],
}
metric_table(
    frame,
    label_columns,
    smroi.COLUMN_GROUPS[group or "reach"],
    currency,
    labels=plain_labels,
    key=state.CPR_TABLE,
    ranges=RANGES[group or "reach"],
)
compared = smroi.compare_sentence(
    frame.assign(label=frame[group_columns].astype(str).agg(" · ".join, axis=1)),
    "label",
    settings.objective,
    currency,
    lang=lang,
    digits=digits(),
)
if compared:  # can the counts tell the best row from the worst?
    st.caption(plain(compared))

chart_labels = {key: plain_labels.get(key) or metric_label(key, lang) for key in CHART_METRICS}
chosen = st.selectbox(
    t("Chart"),
    CHART_METRICS,
    key=state.CPR_CHART_METRIC,
    format_func=chart_labels.__getitem__,
)
totals = data.headline(view.cache_key, view.analysis)
line = smroi.break_even_line(chosen, settings.objective, totals)
frame = frame.assign(label=frame[group_columns].astype(str).agg(" · ".join, axis=1))
chart_with_downloads(
    charts.metric_by_group(
        frame,
        "label",
        t(smroi.LEVEL_LABELS[level]),
        chosen,
        currency,
        label=labels.get(chosen),
        lang=lang,
        digits=digits(),
        break_even=line,
    ),
    chart_table(frame, [*group_columns, chosen], currency, labels=labels),
    f"{chosen}-by-{level}",
)
if line is not None:
    st.caption(
        t(
            "Dashed line: break-even, {value}. A bar past it loses money on ad spend alone "
            "(for ROAS, a bar short of it).",
            value=metric_value("roas" if chosen == "roas" else "break_even_cpa", line, currency),
        )
    )
elif chosen in ("cpa", "full_cpa", "roas") or (
    chosen == "cost_per_result" and settings.objective == "sales"
):
    st.caption(t("Set your gross margin to draw the break-even line on this chart."))

st.subheader(t(BEST_AND_WORST[settings.objective]))
elements = smroi.drill_down(view.analysis, "element", platform=platform, campaign=campaign)
best, worst, no_result = smroi.best_and_worst(elements, objective=settings.objective)
show = {column: t(smroi.LEVEL_LABELS[column]) for column in smroi.LEVELS["element"]}
best_col, worst_col = st.columns(2)
with best_col:
    st.markdown(t("**Cheapest results**"))
    metric_table(
        best,
        show,
        ["cost_per_result", "spend"],
        currency,
        labels=labels,
        key=state.CPR_BEST,
        ranges=["cost_per_result"],
    )
with worst_col:
    st.markdown(t("**Dearest results**"))
    metric_table(
        worst,
        show,
        ["cost_per_result", "spend"],
        currency,
        labels=labels,
        key=state.CPR_WORST,
        ranges=["cost_per_result"],
    )
st.caption(
    t(
        "A post or ad is listed only when its cost per result's 90% range lies wholly below "
        "(or above) that of all the others together: otherwise the difference could be chance."
    )
)
if not no_result.empty:
    st.markdown(t(NO_RESULT[settings.objective]))
    metric_table(no_result, show, ["spend", "clicks"], currency, key=state.CPR_NO_RESULT)
