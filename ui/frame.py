"""What every page shows above its own content: the sample-data banner and file problems."""

from __future__ import annotations

import streamlit as st

import smroi
from ui.state import VIEW, View
from ui.widgets import plain


def show_notices(view: View) -> None:
    """Tell the user which data they are looking at, and what could not be read."""
    if view.data.shared is not None:
        info = view.data.shared
        st.info(
            f"**{plain(info.title)}** — a report shared on {info.created_at:%d %b %Y}. "
            "Read-only: you see the numbers as they were shared.",
            icon=":material/share:",
        )
    if view.data.is_sample:
        st.info("You are looking at sample data — upload your own in the sidebar.", icon="ℹ️")
    for notice in view.notices:
        st.error(plain(notice))


def period_caption(view: View) -> str:
    """'1 Jun 2026 – 28 Sep 2026 (3.9 months) · 5,234 rows · USD'."""
    analysis = view.analysis
    rows = smroi.rows_in_view(analysis)
    if analysis.first_day is None:
        period = "no dates"
    else:
        period = (
            f"{analysis.first_day:%d %b %Y} – {analysis.last_day:%d %b %Y} "
            f"({analysis.months:.1f} months)"
        )
    return f"{period} · {rows:,} rows · amounts in {view.settings.currency}"


def show_warnings(view: View) -> None:
    """The analysis' notes (costs assigned to absent platforms, rows without dates)."""
    for warning in view.analysis.warnings:
        st.warning(plain(warning))


def require_frame() -> None:
    """Make sure the page runs inside app.py (sidebar, settings, navigation).

    Streamlit decides once per server process whether to use its old pages/-folder
    mode, and decides yes because pages/ exists, until app.py's st.navigation says
    otherwise. So on a fresh server, a deep link (…/cost_per_result) can run a page
    on its own. Then hand over to app.py and run again.
    """
    if VIEW in st.session_state:
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


def note_page_files(view: View) -> None:
    """On a shared report: the files uploaded on this page are not part of the report."""
    if view.data.shared is not None:
        st.caption(
            "The files on this page (journeys, coupons, survey answers, analytics exports) "
            "are not part of a shared report: it shows the samples, or the files you upload "
            "here, which stay in your browser session."
        )
