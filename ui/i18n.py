"""The session's language: the sidebar's picker, the link's `?lang=`, and `t()` for every text.

A text shown to the user is written in English and wrapped in `t("…")` (or `nt(…)` for a
count): Babel extracts those calls into smroi/locale/smroi.pot, and the catalogs translate
them (smroi.i18n; README, "For developers"). Text kept as data (option labels, the metric
registry) is marked with `N_("…")` where it is written and passed through `t()` where shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import streamlit as st

from smroi.formatting import DIGITS, format_day, format_money, format_value
from smroi.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    N_,
    fill,
    is_rtl,
    language_code,
    plural_translator,
    translate_message,
    translator,
)
from smroi.metric_format import format_metric
from ui import state

LANG_PARAM = "lang"  # ?lang=nb in a link opens the app in that language

# Right to left for Persian: the main area and the sidebar read right to left, while
# charts and code keep left to right so that axes, numbers and links stay readable. Tables
# (Streamlit's grid draws left to right) get their columns in reverse (ui.widgets.data_table).
# Streamlit's own styles set some sides by name (a list's margin on the left, text aligned
# left, a tag's close button spaced on its left); here they follow the reading direction.
# In the date range box the first day stands on the right, where the reader starts, and each
# day keeps its year, month and day left to right ("2026-06-01"), not "01-06-2026". This is
# a fixed stylesheet with no user text in it, the only kind of raw HTML the project allows
# (docs/DESIGN.md, XSS).
_RTL_STYLE = """<style>
[data-testid="stMain"], [data-testid="stSidebar"] { direction: rtl; }
[data-testid="stMain"] .stElementContainer,
[data-testid="stSidebar"] .stElementContainer { text-align: start; }
[data-testid="stMain"] [data-testid="stVegaLiteChart"],
[data-testid="stMain"] [data-testid="stDataFrame"],
[data-testid="stMain"] [data-testid="stCode"],
[data-testid="stSidebar"] [data-testid="stCode"] { direction: ltr; }
[data-testid="stMarkdownContainer"] :is(ul, ol, li) { text-align: start !important; }
[data-testid="stMarkdownContainer"] li {
  margin-left: 0 !important; margin-right: 1.2rem !important;
  padding-left: 0 !important; padding-right: 0.3rem !important;
}
[data-testid="stTooltipContent"], [data-testid="stPopoverBody"] {
  direction: rtl; text-align: start;
}
[data-testid="stDateInputField"] [role="group"] { direction: ltr; }
[data-testid="stMultiSelect"] [data-tag] > button {
  margin-left: 0 !important; margin-right: 0.35rem !important;
}
[data-testid="stMultiSelect"] [data-tag] { gap: 0.35rem; }
</style>"""


def language() -> str:
    """The language this session reads: the picker's choice; before the picker has one, the
    link's ?lang=, else English."""
    chosen = language_code(st.session_state.get(state.LANGUAGE))
    if chosen is None:
        chosen = language_code(st.query_params.get(LANG_PARAM)) or DEFAULT_LANGUAGE
        st.session_state[state.LANGUAGE] = chosen
    return chosen


def t(text: str, /, **fields: object) -> str:
    """`text` (English, the message id) in the session's language, its {fields} filled in
    with text already formatted (smroi.i18n.fill)."""
    lang = language()
    translated = translator(lang)(text)
    return fill(translated, lang, **fields) if fields else translated


def tr(message: object) -> str:
    """A message the core wrote (an import-report reason, a warning, an error) in the
    session's language; text that is not a core message (a file name) as it is."""
    return translate_message(message, language(), digits())


def digits() -> str:
    """The digits numbers are written with: "native" (the language's own, ۱۲۳ in Persian)
    or "latin" (123), as the sidebar's picker says; Latin where the language has no choice."""
    chosen = st.session_state.get(state.DIGITS)
    return chosen if chosen in DIGITS else "native"


def money(value: Any, currency: str, *, decimals: int | None = None) -> str:
    """An amount in the session's language and digits ('$1,234.50', '1 234,50 kr')."""
    return format_money(value, currency, decimals=decimals, lang=language(), digits=digits())


def number(value: Any, unit: str, currency: str = "USD") -> str:
    """A number in its unit (count, percent, fraction, multiple, months, money) in the
    session's language and digits."""
    return format_value(value, unit, currency, lang=language(), digits=digits())


def metric_value(key: str, value: Any, currency: str = "USD") -> str:
    """A registry metric's value in the session's language and digits."""
    return format_metric(key, value, currency, lang=language(), digits=digits())


def day(value: date) -> str:
    """A day in the session's language ('1 Jun 2026', '1. juni 2026', '۱ ژوئن ۲۰۲۶')."""
    return format_day(value, language(), digits())


def option_labels(labels: Mapping[str, str]) -> Callable[[str], str]:
    """A widget's format_func: each option's label (English, marked N_) in the session's
    language. The language is read now, not when the function is called, because Streamlit
    may call a format_func outside the script run (AppTest does)."""
    translate = translator(language())
    return lambda option: translate(labels[option])


def nt(singular: str, plural: str, count: int, /, **fields: object) -> str:
    """The form of a message for `count` ("1 row", "2 rows") in the session's language."""
    lang = language()
    return fill(plural_translator(lang)(singular, plural, count), lang, **fields)


_DIGIT_LABELS = {"native": N_("Persian (۱۲۳)"), "latin": N_("Latin (123)")}


def has_own_digits(lang: str) -> bool:
    """True for a language written with its own digits (Persian), where the user picks."""
    return lang == "fa"


def language_picker() -> None:
    """The language picker (top of the sidebar); the URL's ?lang= follows it, so a link
    copied from the address bar opens in the same language."""
    current = language()  # before the widget: a first run takes the link's ?lang=
    # with a choice of digits, both side by side: the sidebar stays short
    picker, digit_choice = st.columns(2) if has_own_digits(current) else (st, None)
    picker.selectbox(
        t("Language"),
        list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=state.LANGUAGE,
        # kept while a run shows no sidebar (a shared report's password form)
        persist_state="session",
    )
    if digit_choice is not None:
        digit_choice.radio(
            t("Digits"),
            list(DIGITS),
            format_func=option_labels(_DIGIT_LABELS),
            key=state.DIGITS,
            persist_state="session",
        )
    if current == DEFAULT_LANGUAGE:
        if LANG_PARAM in st.query_params:
            del st.query_params[LANG_PARAM]
    elif st.query_params.get(LANG_PARAM) != current:
        st.query_params[LANG_PARAM] = current


def apply_direction() -> None:
    """Lay the page out right to left for a right-to-left language (a fixed stylesheet)."""
    if is_rtl(language()):
        st.html(_RTL_STYLE)
