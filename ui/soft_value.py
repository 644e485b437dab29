"""The soft-value inputs of the value ledger: fans, customer service, insights, keywords.

Their keys are settings paths ("set.soft_value.fans"), so they are saved in the settings
file and in share links like the Your business page's; `persist_state="session"` keeps them while
the user is on another page.
"""

from __future__ import annotations

import streamlit as st

import smroi
from smroi.earned_media import read_keyword_files
from ui import state
from ui.i18n import digits, language, t, tr
from ui.widgets import plain

S = state.SETTING_PREFIX


def _number(label: str, path: str, help_text: str, step: float, locked: bool) -> None:
    st.number_input(
        label,
        min_value=0.0,
        step=step,
        key=S + "soft_value." + path,
        help=help_text,
        disabled=locked,
        persist_state="session",
        on_change=state.mark_typed,
        args=("soft_value." + path,),
    )


def soft_value_inputs(settings: smroi.Settings, locked: bool) -> None:
    """Three small calculators; each figure shows up in the ledger below as an estimate."""
    fans, service, insights = st.columns(3)
    with fans:
        st.markdown(t("**Brand awareness (value per fan)**"))
        _number(
            t("Fans / followers"), "fans", t("How many people follow your page."), 100.0, locked
        )
        _number(
            t("Times a fan sees each post"),
            "impressions_per_fan_per_post",
            t("The 2010 method assumes each post reaches each fan once."),
            0.1,
            locked,
        )
        _number(t("Posts per day"), "posts_per_day", t("The 2010 method assumes 2."), 0.5, locked)
        _number(
            t("CPM for fans ({currency})", currency=settings.currency_code),
            "fan_cpm",
            t(
                "What 1,000 ad impressions cost; the 2010 method used $5, "
                "which made an average Facebook fan worth about $3.60 a year."
            ),
            0.5,
            locked,
        )
    with service:
        st.markdown(t("**Customer-service savings**"))
        _number(
            t("Questions answered in public, per month"),
            "contacts_answered_per_month",
            t(
                "Each public answer that saves a private e-mail or call to each customer who "
                "would have asked."
            ),
            10.0,
            locked,
        )
        _number(
            t("Cost of one private answer ({currency})", currency=settings.currency_code),
            "cost_per_contact",
            t("Staff time for an e-mail or call."),
            1.0,
            locked,
        )
    with insights:
        st.markdown(t("**Consumer insights**"))
        _number(
            t("Insights from social media"),
            "insights",
            t("Ideas, complaints, wishes."),
            1.0,
            locked,
        )
        _number(
            t("Cost of one focus group ({currency})", currency=settings.currency_code),
            "focus_group_cost",
            t("What an offline focus group would cost."),
            100.0,
            locked,
        )
        _number(
            t("Insights one focus group gives"),
            "insights_per_focus_group",
            t("How many comparable insights a focus group yields."),
            1.0,
            locked,
        )


def keyword_upload(locked: bool) -> None:
    """Keywords with organic clicks and their cost per click, from one or two files."""
    st.markdown(t("**Search traffic you did not pay for (PPC equivalent)**"))
    if locked:
        return
    st.file_uploader(
        t(
            "Keyword files: organic clicks per keyword (e.g. Search Console 'Queries') and "
            "cost per click (e.g. Keyword Planner), or one file with both"
        ),
        type=["csv", "tsv", "txt", "xlsx"],
        accept_multiple_files=True,
        key=state.KEYWORD_UPLOAD,
        on_change=_read_keywords,
        max_upload_size=20,
    )
    for message in st.session_state.get(state.KEYWORD_MESSAGES, []):
        st.warning(plain(tr(message)))


def _read_keywords() -> None:
    files = st.session_state.get(state.KEYWORD_UPLOAD) or []
    keywords, messages = read_keyword_files(
        [(f.name, f.getvalue()) for f in files], lang=language(), digits=digits()
    )
    state.set_ppc_keywords(keywords)
    st.session_state[state.KEYWORD_MESSAGES] = messages
