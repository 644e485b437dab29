"""Tracking: tag every link with UTM codes, see results by tag, and follow visitors from
where they came from to where they went next."""

import pandas as pd
import streamlit as st

from smroi import DASH, SmroiError, charts, cost_per_result_label
from smroi.i18n import N_
from smroi.referrals import top_flows
from smroi.registry import metric_formula, metric_label
from smroi.utm import build_links
from smroi.workbook import table_csv
from ui import data, state
from ui.frame import note_page_files, period_caption, require_frame, show_warnings
from ui.i18n import digits, language, number, option_labels, t
from ui.state import get_view
from ui.widgets import (
    chart_table,
    chart_with_downloads,
    data_table,
    english_format,
    error_text,
    localised_table,
    metric_table,
)

require_frame()

view = get_view()
settings, currency, lang = view.settings, view.settings.currency_code, language()
locked = view.data.shared is not None  # a share link's viewer: nothing to edit or upload
FILE_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls"]
# the tag names (utm_source…) are the same in every language
UTM_COLUMNS = {
    "utm_source": N_("Source (utm_source)"),
    "utm_medium": N_("Medium (utm_medium)"),
    "utm_campaign": N_("Campaign (utm_campaign)"),
    "utm_content": N_("Content (utm_content)"),
}
EXAMPLE_LINKS = pd.DataFrame(
    {
        "base_url": ["https://example.com/summer-sale"] * 2 + ["https://example.com/wholesale"],
        "source": ["facebook", "Instagram", "linkedin"],
        "medium": ["paid_social", "paid social", "paid_social"],
        "campaign": ["summer-sale", "summer-sale", "b2b-wholesale"],
        "content": ["reel-1", "story-2", None],
        "term": [None, None, None],
    }
)


st.title(t("Tag it, then follow it"))
st.caption(period_caption(view))
show_warnings(view)

st.header(t("Tag your links"))
st.markdown(
    t(
        "Put UTM codes on every link you post, so your analytics can tell which post, ad or "
        "e-mail each visitor came from. Convention: lower case, no spaces (use `-` or `_`), "
        "and the same spelling every time."
    )
)
links = st.data_editor(
    EXAMPLE_LINKS,
    num_rows="dynamic",
    hide_index=True,
    placeholder="",  # an empty tag is empty, not the word "None"
    key=state.UTM_LINKS_EDITOR,
    disabled=locked,
    column_config={
        "base_url": st.column_config.TextColumn(t("Page address"), required=True),
        "source": st.column_config.TextColumn(t("Source"), help=t("Where: facebook, newsletter…")),
        "medium": st.column_config.TextColumn(t("Medium"), help=t("How: paid_social, email…")),
        "campaign": st.column_config.TextColumn(t("Campaign"), help=t("Why: summer-sale…")),
        "content": st.column_config.TextColumn(t("Content"), help=t("Which post or ad (optional)")),
        "term": st.column_config.TextColumn(t("Term"), help=t("Search keyword (optional)")),
    },
)
built = build_links(links, lang=lang)
data_table(
    built[["link", "warnings"]],
    hide_index=True,
    placeholder=DASH,
    column_config={
        "link": st.column_config.TextColumn(t("Tagged link"), width="large"),
        "warnings": st.column_config.TextColumn(t("To check"), width="large"),
    },
)
st.download_button(
    t("Download the links (CSV)"),
    table_csv(built),
    file_name="tagged-links.csv",
    mime="text/csv",
    icon=":material/download:",
)

st.header(t("Results by tag"))
rows = view.analysis.rows
present = [column for column in UTM_COLUMNS if column in rows and rows[column].notna().any()]
if not present:
    st.info(
        t(
            "Your data has no UTM tags. Files with utm_* columns, or with a landing-page link "
            "column carrying UTM codes, are broken down here."
        )
    )
else:
    dimension = st.selectbox(
        t("Break down by"),
        present,
        format_func=option_labels(UTM_COLUMNS),
        key=state.UTM_DIMENSION,
    )
    dimension_label = t(UTM_COLUMNS[dimension])
    groups = data.by_group(view.cache_key, dimension, view.analysis)
    keys = ["cost", "clicks", "leads", "conversions", "return", "roi_pct", "cost_per_result"]
    metric_table(
        groups.sort_values("return", ascending=False),
        {dimension: dimension_label},
        keys,
        currency,
        labels={"cost_per_result": cost_per_result_label(settings.objective, lang)},
        key=f"utm-{dimension}",
    )
    chart_with_downloads(
        charts.metric_by_group(
            groups,
            dimension,
            dimension_label,
            "return",
            currency,
            lang=lang,
            digits=digits(),
        ),
        groups[[dimension]]
        .rename(columns={dimension: dimension_label})
        .join(chart_table(groups, ["return"], currency)),
        f"return-by-{dimension}",
    )
    st.caption(
        t(
            "{metric}: {formula}.",
            metric=metric_label("return", lang),
            formula=metric_formula("return", lang),
        )
    )

note_page_files(view)
st.header(t("Where visitors go"))
st.caption(
    t(
        "From an analytics export of source, landing page and (optionally) the next page "
        "viewed, with the number of visits: GA4 Explore → Path exploration, or a Landing page "
        "report with Session source as a second dimension."
    )
)
upload = (
    None
    if locked  # a share link's viewer uploads nothing
    else st.file_uploader(t("Analytics export"), type=FILE_TYPES, key=state.REFERRAL_UPLOAD)
)
if upload is None:
    if not locked:
        st.info(t("You are looking at sample paths — upload your own above."))
    name, content = data.SAMPLE_REFERRALS.name, data.SAMPLE_REFERRALS.read_bytes()
else:
    name, content = upload.name, upload.getvalue()
try:
    referrals = data.referrals(name, content)
except SmroiError as error:
    st.error(error_text(error))
else:
    top = top_flows(referrals)
    if top.empty:
        st.info(t("No visit in that file has both a source and a landing page."))
    else:
        chart_with_downloads(
            charts.referral_flows(top, lang=lang, digits=digits()),
            top.drop(columns="path"),
            "referral-paths",
        )
        data_table(
            localised_table(referrals.flows, {"sessions": "count"}),
            hide_index=True,
            column_config={
                "source": st.column_config.TextColumn(t("Source")),
                "landing_page": st.column_config.TextColumn(t("Landing page")),
                "next_page": st.column_config.TextColumn(t("Next page")),
                "sessions": st.column_config.NumberColumn(
                    t("Visits"), format=english_format("%,.0f", rows=len(referrals.flows))
                ),
            },
        )
    if referrals.rows_left_out:
        st.caption(
            t(
                "{left_out} of {rows} rows ({visits} visits) have no source or landing page, "
                "or a visit count that is not a number: left out of the paths.",
                left_out=number(referrals.rows_left_out, "count"),
                rows=number(referrals.rows_read, "count"),
                visits=number(referrals.sessions_left_out, "count"),
            )
        )
