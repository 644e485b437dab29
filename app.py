"""smroi: is our social media making us money? The Streamlit frame: config, sidebar, pages."""

import streamlit as st

from ui.frame import show_notices
from ui.share import open_shared_report
from ui.sidebar import render_sidebar

st.set_page_config(
    page_title="smroi: social media ROI", page_icon=":material/insights:", layout="wide"
)

pages = st.navigation(
    [
        st.Page("pages/overview.py", title="Overview", icon=":material/insights:", default=True),
        st.Page("pages/cost_per_result.py", title="Cost per result", icon=":material/payments:"),
        st.Page("pages/goals.py", title="Goals and trends", icon=":material/flag:"),
        st.Page("pages/funnel.py", title="Funnel and audience", icon=":material/filter_alt:"),
        st.Page("pages/earned_media.py", title="Earned media", icon=":material/campaign:"),
        st.Page("pages/tracking.py", title="Tracking", icon=":material/link:"),
        st.Page("pages/attribution.py", title="Attribution", icon=":material/alt_route:"),
        st.Page("pages/data.py", title="Data", icon=":material/table_chart:"),
    ]
)
shared = open_shared_report()  # a share link: that report, read-only
view = render_sidebar(shared)
show_notices(view)
pages.run()
