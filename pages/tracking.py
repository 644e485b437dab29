"""Tracking: tag every link with UTM codes, see results by tag, and follow visitors from
where they came from to where they went next."""

import pandas as pd
import streamlit as st

from smroi import DASH, METRICS, SmroiError, charts, cost_per_result_label
from smroi.referrals import top_flows
from smroi.utm import build_links
from smroi.workbook import table_csv
from ui import data, state
from ui.frame import note_page_files, period_caption, require_frame, show_warnings
from ui.state import get_view
from ui.widgets import chart_with_downloads, metric_table, plain

require_frame()

view = get_view()
settings, currency = view.settings, view.settings.currency
FILE_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls"]
UTM_COLUMNS = {
    "utm_source": "Source (utm_source)",
    "utm_medium": "Medium (utm_medium)",
    "utm_campaign": "Campaign (utm_campaign)",
    "utm_content": "Content (utm_content)",
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

st.title("Tag it, then follow it")
st.caption(period_caption(view))
show_warnings(view)

st.header("Tag your links")
st.markdown(
    "Put UTM codes on every link you post, so your analytics can tell which post, ad or "
    "e-mail each visitor came from. Convention: lower case, no spaces (use `-` or `_`), "
    "and the same spelling every time."
)
links = st.data_editor(
    EXAMPLE_LINKS,
    num_rows="dynamic",
    hide_index=True,
    key=state.UTM_LINKS_EDITOR,
    column_config={
        "base_url": st.column_config.TextColumn("Page address", required=True),
        "source": st.column_config.TextColumn("Source", help="Where: facebook, newsletter…"),
        "medium": st.column_config.TextColumn("Medium", help="How: paid_social, email…"),
        "campaign": st.column_config.TextColumn("Campaign", help="Why: summer-sale…"),
        "content": st.column_config.TextColumn("Content", help="Which post or ad (optional)"),
        "term": st.column_config.TextColumn("Term", help="Search keyword (optional)"),
    },
)
built = build_links(links)
st.dataframe(
    built[["link", "warnings"]],
    hide_index=True,
    placeholder=DASH,
    column_config={
        "link": st.column_config.TextColumn("Tagged link", width="large"),
        "warnings": st.column_config.TextColumn("To check", width="large"),
    },
)
st.download_button(
    "Download the links (CSV)",
    table_csv(built),
    file_name="tagged-links.csv",
    mime="text/csv",
    icon=":material/download:",
)

st.header("Results by tag")
rows = view.analysis.rows
present = [column for column in UTM_COLUMNS if column in rows and rows[column].notna().any()]
if not present:
    st.info(
        "Your data has no UTM tags. Files with utm_* columns, or with a landing-page link "
        "column carrying UTM codes, are broken down here."
    )
else:
    dimension = st.selectbox(
        "Break down by",
        present,
        format_func=UTM_COLUMNS.__getitem__,
        key=state.UTM_DIMENSION,
    )
    groups = data.by_group(view.cache_key, dimension, view.analysis)
    keys = ["cost", "clicks", "leads", "conversions", "return", "roi_pct", "cost_per_result"]
    metric_table(
        groups.sort_values("return", ascending=False),
        {dimension: UTM_COLUMNS[dimension]},
        keys,
        currency,
        labels={"cost_per_result": cost_per_result_label(settings.objective)},
        key=f"utm-{dimension}",
    )
    chart_with_downloads(
        charts.metric_by_group(groups, dimension, UTM_COLUMNS[dimension], "return", currency),
        groups[[dimension, "return"]],
        f"return-by-{dimension}",
    )
    st.caption(f"{METRICS['return'].label}: {METRICS['return'].formula}.")

note_page_files(view)
st.header("Where visitors go")
st.caption(
    "From an analytics export of source, landing page and (optionally) the next page "
    "viewed, with the number of visits: GA4 Explore → Path exploration, or a Landing page "
    "report with Session source as a second dimension."
)
upload = st.file_uploader("Analytics export", type=FILE_TYPES, key=state.REFERRAL_UPLOAD)
if upload is None:
    st.info("You are looking at sample paths — upload your own above.")
    name, content = data.SAMPLE_REFERRALS.name, data.SAMPLE_REFERRALS.read_bytes()
else:
    name, content = upload.name, upload.getvalue()
try:
    referrals = data.referrals(name, content)
except SmroiError as error:
    st.error(plain(error))
else:
    top = top_flows(referrals)
    if top.empty:
        st.info("No visit in that file has both a source and a landing page.")
    else:
        chart_with_downloads(charts.referral_flows(top), top.drop(columns="path"), "referral-paths")
        st.dataframe(
            referrals.flows,
            hide_index=True,
            column_config={
                "source": st.column_config.TextColumn("Source"),
                "landing_page": st.column_config.TextColumn("Landing page"),
                "next_page": st.column_config.TextColumn("Next page"),
                "sessions": st.column_config.NumberColumn("Visits", format="%,.0f"),
            },
        )
    if referrals.rows_left_out:
        st.caption(
            f"{referrals.rows_left_out:,} of {referrals.rows_read:,} rows "
            f"({referrals.sessions_left_out:,.0f} visits) have no source or landing page, "
            "or a visit count that is not a number: left out of the paths."
        )
