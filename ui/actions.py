"""The actions at the top of every page: 'Share this report', and 'Download' with the
Excel report and the PDF report.

They act on what is on screen (the data, settings, dates and platforms of the View), so they
sit above the page rather than in the sidebar among the inputs. A share link's viewer gets
the Excel and PDF reports only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

import smroi
from smroi.pdf import report_pdf
from ui import share, state
from ui.i18n import digits, language, t


def report_actions(view: state.View) -> None:
    """A row at the page's top end: Share this report (its form in a popover), then
    Download (the Excel and the PDF report, in a popover)."""
    with st.container(horizontal=True, horizontal_alignment="right", gap="small"):
        if view.data.shared is None:
            # tertiary: both fit one row on a phone
            with st.popover(
                t("Share this report"), icon=":material/share:", type="tertiary", width="content"
            ):
                share.share_section(view.data, view.settings, view.start, view.end, view.platforms)
        # one menu of downloads: Share and Download fit one row on a phone
        with st.popover(
            t("Download"), icon=":material/download:", type="tertiary", width="content"
        ):
            excel_report_button(view)
            pdf_report_button(view)


def excel_report_button(view: state.View) -> None:
    """The Excel report of what is on screen: same data, settings, dates and platforms.

    The workbook is written only when the button is clicked (a 100,000-row report takes
    seconds), so the pages do not slow down for it; for a share link's viewer, only after
    the link is checked again. It is in the session's language and digits, read now: the
    button may call `workbook` outside the script run.
    """
    period = st.session_state.get(state.OVERVIEW_PERIOD) or "week"
    lang, digit_style = language(), digits()

    def workbook() -> bytes:
        return smroi.report_workbook(
            **_report_input(view), period=period, lang=lang, digits=digit_style
        )

    _download(
        view,
        t("Download Excel report"),
        workbook,
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ":material/table_chart:",
        t(
            "A workbook with the numbers on these pages, native Excel charts, your "
            "settings and the import report, for the selected dates and platforms."
        ),
        state.EXCEL_REPORT,
    )


def pdf_report_button(view: state.View) -> None:
    """The PDF report of what is on screen (smroi.pdf): verdict, figures, charts, top rows.

    Written only when clicked, in the session's language and digits read now, and for a
    share link's viewer only after the link is checked again, as the Excel report."""
    lang, digit_style = language(), digits()
    title = view.data.shared.title if view.data.shared is not None else ""

    def document() -> bytes:
        return report_pdf(**_report_input(view), lang=lang, digits=digit_style, title=title)

    _download(
        view,
        t("Download PDF"),
        document,
        "pdf",
        "application/pdf",
        ":material/picture_as_pdf:",
        t(
            "The report as one PDF to print or send: the verdict, the key figures, the "
            "charts and top rows of these pages and your settings, for the selected dates "
            "and platforms."
        ),
        state.PDF_REPORT,
    )


def _report_input(view: state.View) -> dict[str, Any]:
    """What a report is made of, as report_workbook and report_pdf take it: the rows, the
    import reports, the settings, and the dates and platforms on screen."""
    return {
        "table": view.data.table,
        "reports": list(view.data.reports),
        "settings": view.settings,
        "start": view.start,
        "end": view.end,
        "platforms": list(view.platforms) if view.platforms is not None else None,
    }


def _download(
    view: state.View,
    label: str,
    make: Callable[[], bytes],
    extension: str,
    mime: str,
    icon: str,
    help_text: str,
    key: str,
) -> None:
    """A report's download button: made only when clicked (a viewer's link checked again
    first), named with the dates it covers."""
    first, last = view.analysis.first_day, view.analysis.last_day
    span = f"-{first:%Y-%m-%d}-to-{last:%Y-%m-%d}" if first and last else ""
    st.download_button(
        label,
        share.on_demand(make),  # a viewer's link is checked again first
        file_name=f"social-media-roi{span}.{extension}",
        mime=mime,
        on_click="ignore",
        icon=icon,
        help=help_text,
        key=key,
        type="tertiary",
        width="content",
    )
