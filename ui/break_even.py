"""The break-even section: does each paid sale (or lead) pay for itself, overall and per
platform (smroi.break_even), with the figures as cards."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

import smroi
from smroi.formatting import is_undefined
from ui.i18n import digits, language, t
from ui.widgets import kpi_cards, plain

CARDS = {
    "sales": ["gross_margin_pct", "break_even_roas", "roas", "break_even_cpa", "cpa", "full_cpa"],
    "leads": ["break_even_cpl", "cpl", "full_cpl"],
}


def break_even_section(
    totals: dict[str, Any], by_platform: pd.DataFrame, objective: str, currency: str
) -> str | None:
    """Draw the section; returns the kind shown ("sales", "leads") or None."""
    kind = smroi.reported_result_kind(totals, objective)
    if kind is None:
        return None
    lang, digit_choice = language(), digits()
    if kind == "sales":
        st.subheader(t("Does each sale pay for itself?"), anchor=False)
    else:
        st.subheader(t("Does each lead pay for itself?"), anchor=False)
    # a break-even nobody can work out yet is said in words below, not shown as "—" cards
    known = [key for key in CARDS[kind] if not is_undefined(totals.get(key))]
    kpi_cards(totals, known, currency)
    sentence = smroi.overall_break_even_sentence(
        totals, kind, currency, lang=lang, digits=digit_choice
    )
    if sentence:
        st.markdown(plain(sentence))
    elif kind == "sales":
        st.caption(
            t(
                "Set your gross margin (Your business page, What results are worth) to see the "
                "most a sale may cost in ads and still pay."
            )
        )
    else:
        st.caption(t("Set what a lead is worth to you to see the most a lead may cost."))
    table = smroi.break_even_table(by_platform, kind)
    for line in smroi.break_even_sentences(table, kind, currency, lang=lang, digits=digit_choice):
        st.markdown(f"- {plain(line)}")
    return kind
