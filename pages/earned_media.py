"""Earned media: what organic reach, saved ad money and soft returns are worth (estimates)."""

import pandas as pd
import streamlit as st

from smroi import DASH, charts
from smroi.earned_media import LEDGER_KINDS, ledger_totals, ppc_table, value_ledger
from smroi.i18n import N_
from ui import data, state
from ui.frame import period_caption, require_frame, show_warnings
from ui.i18n import digits, language, money, number, option_labels, t
from ui.rates import rate_editor, sources_note
from ui.soft_value import keyword_upload, soft_value_inputs
from ui.state import get_view
from ui.widgets import (
    chart_table,
    chart_with_downloads,
    data_table,
    kpi_cards,
    metric_table,
    number_format,
    plain,
)

PERIODS = {"day": N_("day"), "week": N_("week"), "month": N_("month")}
LEVELS = {"platform": N_("Platform"), "campaign": N_("Campaign"), "element": N_("Post / ad")}
IN_ROI = {True: N_("yes"), False: N_("no")}

require_frame()

view = get_view()
settings, currency, lang = view.settings, view.settings.currency_code, language()
locked = view.data.shared is not None
totals = data.headline(view.cache_key, view.analysis)

st.title(t("What is the rest worth?"))
st.caption(period_caption(view))
show_warnings(view)
st.markdown(
    t(
        "Most of what social media gives a small business is not paid for: reach, visitors, "
        "questions answered in public. Here it is priced, **as estimates**: every figure says "
        "how it is worked out, and none is counted in ROI unless you say so."
    )
)

st.header(t("Earned media value"))
kpi_cards(totals, ["emv", "roi_without_emv_pct", "roi_with_emv_pct"], currency)
if settings.earned_media.include_in_roi:
    st.caption(
        t("Earned media value is counted in return and ROI on every page (Your business page).")
    )
else:
    st.caption(
        t(
            "ROI on the other pages is the one without earned media. To count it, turn on "
            "'Count earned media value in return and ROI' on the Your business page; the "
            "Overview then "
            "shows both figures."
        )
    )

by_platform = data.by_group(view.cache_key, "platform", view.analysis)
if by_platform.empty:
    st.info(t("No rows in this selection."))
    st.stop()
left, right = st.columns(2)
with left:
    chart_with_downloads(
        charts.metric_by_group(
            by_platform, "platform", t("Platform"), "emv", currency, lang=lang, digits=digits()
        ),
        chart_table(by_platform, ["platform", "emv"], currency),
        "earned-media-value-by-platform",
        key="emv-platform",
    )
with right:
    grain = charts.trend_period(view.analysis.first_day, view.analysis.last_day)
    period = (
        st.segmented_control(
            t("Per"),
            list(PERIODS),
            format_func=option_labels(PERIODS),
            default=grain,
            key=state.EMV_PERIOD,
        )
        or grain
    )
    trend = data.over_time(view.cache_key, period, view.analysis)
    chart_with_downloads(
        charts.metric_over_time(trend, "emv", currency, period, lang=lang, digits=digits()),
        chart_table(trend, ["period_start", "emv", "days", "partial"], currency),
        f"earned-media-value-by-{period}",
        key="emv-trend",
    )

level = (
    st.segmented_control(
        t("Earned media value by"),
        list(LEVELS),
        default="platform",
        format_func=option_labels(LEVELS),
        key=state.EMV_LEVEL,
    )
    or "platform"
)
groups = data.by_group(view.cache_key, level, view.analysis)
groups = groups[groups["emv"] > 0].sort_values("emv", ascending=False)
metric_table(
    groups,
    {level: t(LEVELS[level])},
    ["emv", "impressions", "clicks", "engagements"],
    currency,
    key=f"{state.EMV_LEVEL}.table",
)

st.subheader(t("The rates behind it"))
st.caption(
    t(
        "Earned media value = organic impressions / 1000 x CPM + organic clicks x CPC + "
        "organic engagements x CPE, at each platform's rates (the default row where a platform "
        "has none). Your own ad costs are the best rates."
    )
)
platforms = sorted(str(p) for p in view.data.table["platform"].dropna().unique())
rate_editor(settings, platforms, locked)
sources_note()

st.header(t("The value ledger"))
st.caption(
    t(
        "Everything social media brought in, from cash to estimates. Cash is money received; "
        "estimates are worked out from your own assumptions and never counted as cash."
    )
)
with st.expander(
    t("Soft values: brand awareness, customer service, insights, search traffic"),
    expanded=not locked,
):
    soft_value_inputs(settings, locked)
    keyword_upload(locked)
settings = view.settings
lines = value_ledger(totals, settings, view.analysis.months, lang=lang, digits=digits())
amount_column = t("Amount ({currency})").format(currency=currency)
ledger = pd.DataFrame(
    {
        t("Line"): [line.label for line in lines],
        t("Kind"): [t(LEDGER_KINDS[line.kind]) for line in lines],
        amount_column: [line.amount for line in lines],
        t("In ROI"): [t(IN_ROI[line.in_roi]) for line in lines],
        t("How it is worked out"): [line.formula for line in lines],
    }
)
english = lang == "en"
data_table(
    # in English the column's printf format writes the amounts; in another language a
    # Styler writes them the locale's way while the cells stay numbers (so they sort)
    ledger
    if english
    else ledger.style.format({amount_column: lambda v: money(v, currency)}, na_rep=DASH),
    hide_index=True,
    column_config={
        amount_column: st.column_config.NumberColumn(
            format=number_format("sales_value", currency) if english else None
        )
    },
)
sums = ledger_totals(lines, float(totals["cost"] or 0.0))
summary = st.columns(3)
summary[0].metric(t("Cash return"), money(sums["cash"], currency), border=True)
summary[1].metric(t("Estimated value"), money(sums["estimated"], currency), border=True)
summary[2].metric(
    t("Net value with estimates"),
    money(sums["net_with_estimates"], currency),
    help=t("Cash return + estimated value - total cost. Not ROI: most of it is not money."),
    border=True,
)
waterfall_lines = pd.DataFrame(
    {
        "label": [line.label for line in lines],  # in `lang`, as the chart wants them
        "amount": [line.amount for line in lines],
        "kind": [line.kind for line in lines],
    }
)
chart_with_downloads(
    charts.value_waterfall(
        waterfall_lines, float(totals["cost"] or 0.0), currency, lang=lang, digits=digits()
    ),
    ledger,
    "value-ledger",
    key="ledger",
)
keywords = ppc_table(settings.soft_value.ppc_keywords)
if len(keywords):
    st.subheader(t("Search traffic you did not pay for"))
    st.caption(
        t(
            "Organic clicks x what each keyword costs per click in ads: {saved} saved.",
            saved=plain(money(float(keywords["saved"].sum()), currency)),
        )
    )
    data_table(
        keywords
        if english
        else keywords.style.format(
            {
                "organic_clicks": lambda v: number(v, "count"),
                "cpc": lambda v: money(v, currency),
                "saved": lambda v: money(v, currency),
            },
            na_rep=DASH,
        ),
        hide_index=True,
        column_config={
            "keyword": st.column_config.TextColumn(t("Keyword")),
            "organic_clicks": st.column_config.NumberColumn(
                t("Organic clicks"), format="%,d" if english else None
            ),
            "cpc": st.column_config.NumberColumn(
                t("CPC ({currency})").format(currency=currency),
                format="%.2f" if english else None,
            ),
            "saved": st.column_config.NumberColumn(
                t("Saved ({currency})").format(currency=currency),
                format="%.2f" if english else None,
            ),
        },
    )
