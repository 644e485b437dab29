"""smroi: is our social media making us money? The Streamlit frame: config, sidebar, pages."""

import streamlit as st

from ui.actions import report_actions
from ui.frame import show_notices
from ui.i18n import apply_direction, t
from ui.schedule import stop_page
from ui.share import open_shared_report, purge_on_start, report_store
from ui.sidebar import render_sidebar

st.set_page_config(
    page_title=t("smroi: social media ROI"), page_icon=":material/insights:", layout="wide"
)
apply_direction()

pages = st.navigation(
    [
        st.Page("pages/overview.py", title=t("Overview"), icon=":material/insights:", default=True),
        st.Page("pages/cost_per_result.py", title=t("Cost per result"), icon=":material/payments:"),
        st.Page("pages/goals.py", title=t("Goals and trends"), icon=":material/flag:"),
        st.Page("pages/funnel.py", title=t("Funnel and audience"), icon=":material/filter_alt:"),
        st.Page("pages/earned_media.py", title=t("Earned media"), icon=":material/campaign:"),
        st.Page("pages/tracking.py", title=t("Tracking"), icon=":material/link:"),
        st.Page("pages/attribution.py", title=t("Attribution"), icon=":material/alt_route:"),
        st.Page("pages/data.py", title=t("Data"), icon=":material/table_chart:"),
        st.Page("pages/business.py", title=t("Your business"), icon=":material/storefront:"),
    ]
)
purge_on_start()  # expired and revoked reports deleted, once per process
stop_page(report_store)  # a mail's stop link (?stop=): asks, then stops that recipient's mail
shared = open_shared_report()  # a share link: that report, read-only
view = render_sidebar(shared)
report_actions(view)  # Share this report, Download Excel report: above every page
show_notices(view)
pages.run()
