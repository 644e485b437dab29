"""What every page shows above its own content: the sample-data banner and file problems."""

from __future__ import annotations

from datetime import date

import streamlit as st

import smroi
from smroi.formatting import localise_digits
from smroi.ingest import mixed_marks_warning
from smroi.report_dates import is_outlier_warning
from ui.i18n import day, digits, language, nt, number, t, tr
from ui.state import (
    DECIMAL_MARK,
    LEAVE_OUT,
    UNDO_DECIMAL_MARK,
    USE_AGAIN,
    VIEW,
    View,
    choose_decimal_mark,
    leave_out_rows,
    use_rows_again,
)
from ui.widgets import plain


def caption_day(value: date) -> str:
    """A day in a caption, as every day is written ('01 Jun 2026', '1. juni 2026',
    '۱ ژوئن ۲۰۲۶')."""
    return day(value)


def show_notices(view: View) -> None:
    """Tell the user which data they are looking at, and what could not be read."""
    if view.data.shared is not None:
        info = view.data.shared
        st.info(
            t(
                "**{title}** — a report shared on {date}. "
                "Read-only: you see the numbers as they were shared.",
                title=plain(info.title),
                date=caption_day(info.created_at),
            ),
            icon=":material/share:",
        )
    if view.data.is_sample:
        st.info(t("You are looking at sample data — upload your own in the sidebar."), icon="ℹ️")
    for notice in view.notices:
        st.error(plain(tr(notice)))


def period_caption(view: View) -> str:
    """'01 Jun 2026 – 28 Sep 2026 (3.9 months) · 5,234 rows · USD'."""
    analysis = view.analysis
    rows = smroi.rows_in_view(analysis)
    if analysis.first_day is None:
        period = t("no dates")
    else:
        period = t(
            # Translators: the period shown, then how many months it covers ("3.9 months")
            "{first} – {last} ({months})",
            # escaped: a caption is markdown, and "1. juni 2026" would start a numbered list
            first=plain(caption_day(analysis.first_day)),
            last=plain(caption_day(analysis.last_day or analysis.first_day)),
            months=number(analysis.months, "months"),
        )
    return " · ".join(
        (
            period,
            nt("{rows} row", "{rows} rows", rows, rows=number(rows, "count")),
            t("amounts in {currency}", currency=view.settings.currency_code),
        )
    )


def show_warnings(view: View) -> None:
    """The analysis' notes (costs assigned to absent platforms, rows without dates)."""
    for warning in view.analysis.warnings:
        st.warning(plain(tr(warning)))


def show_outlying_dates(view: View) -> None:
    """For each file with rows dated far from its others: the warning, and a button to leave
    them out (not on the sample, nor on a shared report, which is read-only)."""
    if view.data.is_sample or view.data.shared is not None:
        return
    for position, report in enumerate(view.data.reports):
        if not report.outlying_dates:
            continue
        for warning in filter(is_outlier_warning, report.warnings):
            st.warning(plain(tr(warning)), icon=":material/event_busy:")
        rows = [row for row, _day in report.outlying_dates]
        st.button(
            t("Leave row {row} out", row=row_number(rows[0]))
            if len(rows) == 1
            else nt(
                "Leave this {count} row out",
                "Leave these {count} rows out",
                len(rows),
                count=number(len(rows), "count"),
            ),
            key=f"{LEAVE_OUT}{position}",
            on_click=leave_out_rows,
            args=(report.file, rows),
        )


def show_mixed_decimal_marks(view: View) -> None:
    """For each column of a file that mixes decimal marks: the warning (the Data page asks
    which mark it is), so that no one reads the numbers without knowing rows wait for it."""
    for report in view.data.reports:
        for column, examples in report.mixed_decimal_columns.items():
            warning = mixed_marks_warning(report.file, column, examples)
            st.warning(plain(tr(warning)), icon=":material/help:")


def use_again_button(report: smroi.ImportReport, position: int) -> None:
    """On the Data page: a button that brings back the rows the user left out of a file."""
    rows = report.rows_left_out_by_user()
    if not rows:
        return
    st.button(
        t("Use row {row} again", row=row_number(rows[0]))
        if len(rows) == 1
        else nt(
            "Use this {count} row again",
            "Use these {count} rows again",
            len(rows),
            count=number(len(rows), "count"),
        ),
        key=f"{USE_AGAIN}{position}",
        on_click=use_rows_again,
        args=(report.file, rows),
    )


def decimal_mark_choice(report: smroi.ImportReport, position: int) -> None:
    """On the Data page: for each column of a file that mixes decimal marks, a question
    which one is its decimal mark (the rows that depend on it are left out until then);
    for each column read with the mark the user chose, a button that undoes the choice."""
    for place, (column, (point, comma)) in enumerate(report.mixed_decimal_columns.items()):
        labels = {
            ".": t("{example} — point", example=plain(point)),
            ",": t("{example} — comma", example=plain(comma)),
        }
        key = f"{DECIMAL_MARK}{position}.{place}"
        st.radio(
            t("Which is the decimal mark in {column}?", column=plain(repr(column))),
            options=list(labels),
            format_func=labels.__getitem__,
            index=None,
            key=key,
            on_change=_choose_decimal_mark,
            args=(report.file, column, key),
        )
    for place, (column, mark) in enumerate(report.decimal_marks.items()):
        name = plain(repr(column))
        if mark == ",":
            chosen = t(
                "{column} is read with the comma as its decimal mark, as you chose.", column=name
            )
        else:
            chosen = t(
                "{column} is read with the point as its decimal mark, as you chose.", column=name
            )
        st.caption(chosen)
        st.button(
            t("Undo this choice"),
            key=f"{UNDO_DECIMAL_MARK}{position}.{place}",
            on_click=choose_decimal_mark,
            args=(report.file, column, None),
        )


def _choose_decimal_mark(file: str, column: str, key: str) -> None:
    choose_decimal_mark(file, column, st.session_state.get(key))


def row_number(row: int) -> str:
    """A spreadsheet row number in the session's digits, without a thousands separator."""
    return localise_digits(str(row), language(), digits())


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
            t(
                "The files on this page (journeys, coupons, survey answers, analytics exports) "
                "are not part of a shared report: it shows the samples."
            )
        )
