"""E-mail schedules in the app: "E-mail this report every week or month" under a link just
made (in "Share this report"), the link's schedules with a Stop button each, and the page a
stop link in a mail opens (`?stop=TOKEN`).

The schedule's mail is written in this session's language and digits; `smroi send-due` sends
it (smroi.schedules). When the server has no mail set up (SMROI_SMTP_URL, SMROI_MAIL_FROM),
one line says which variables to set instead of the form. The stop page asks before it
stops (a button, not the link itself: mail scanners open links), and stops that one
recipient only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import streamlit as st

from smroi.errors import SmroiError
from smroi.i18n import N_
from smroi.mail import mail_configured, split_addresses
from smroi.schedules import (
    STOP_PARAM,
    create_schedule,
    masked,
    schedules_of,
    stop_recipient,
    stop_schedule,
    stop_target,
)
from smroi.store import ReportStore
from ui import state
from ui.i18n import digits, language, t, tr
from ui.widgets import plain

EVERY_LABELS = {"week": N_("Every week"), "month": N_("Every month")}
_SENT_TO = {
    "week": N_("Every week to {addresses}"),
    "month": N_("Every month to {addresses}"),
}


def schedule_section(store: ReportStore, token: str) -> None:
    """Under a link just made: the form that e-mails its report every week or month, and
    its schedules with a Stop button each (or one line when mail is not set up)."""
    st.markdown(t("**E-mail this report every week or month**"))
    if not mail_configured():
        st.caption(
            t(
                "E-mail is not set up on this server: whoever runs it sets SMROI_SMTP_URL "
                "and SMROI_MAIL_FROM."
            )
        )
        return
    with st.form(state.SCHEDULE_FORM, border=False):
        st.text_input(
            t("E-mail addresses"),
            placeholder="boss@example.com, accountant@example.com",
            help=t("One or more, separated by commas. Each gets the PDF report on its own."),
            key=state.SCHEDULE_ADDRESSES,
        )
        st.radio(
            t("How often"),
            list(EVERY_LABELS),
            format_func=lambda key: t(EVERY_LABELS[key]),
            horizontal=True,
            key=state.SCHEDULE_EVERY,
        )
        st.form_submit_button(t("Schedule the e-mails"), on_click=_schedule, args=(store, token))
    problem = st.session_state.pop(state.SCHEDULE_PROBLEM, None)
    if problem:
        st.error(problem)
    if not os.environ.get("SMROI_BASE_URL", "").strip():
        st.caption(
            t(
                "This server has no SMROI_BASE_URL, so the e-mails carry no link: to stop "
                "them, the recipients ask you, and you stop them here."
            )
        )
    _schedules(store, token)


def _schedule(store: ReportStore, token: str) -> None:
    """The form's button: schedule the addresses typed and empty the box, or name each one
    that is not an address (the box keeps what was typed, to correct it)."""
    typed = str(st.session_state.get(state.SCHEDULE_ADDRESSES) or "")
    every = str(st.session_state.get(state.SCHEDULE_EVERY) or "week")
    good, bad = split_addresses(typed)
    if bad:
        problem = t("Not an e-mail address: {addresses}.", addresses=plain(", ".join(bad)))
    elif not good:
        problem = t("Give at least one e-mail address.")
    else:
        try:
            create_schedule(store, token, good, every=every, lang=language(), digits=digits())
        except SmroiError as exc:
            problem = plain(tr(exc.message))
        else:
            st.session_state[state.SCHEDULE_ADDRESSES] = ""
            return
    st.session_state[state.SCHEDULE_PROBLEM] = problem


def shown_addresses(addresses: Sequence[str]) -> str:
    """Addresses for a markdown line, each as code (`boss@example.com`): markdown makes a
    bare address a mailto link, and no address smroi keeps holds a backtick (smroi.mail)."""
    return ", ".join(f"`{address.replace('`', '')}`" for address in addresses)


def _schedules(store: ReportStore, token: str) -> None:
    """The link's schedules: who gets it how often, and a Stop button each."""
    try:
        running = schedules_of(store, token)
    except SmroiError as exc:
        st.error(plain(tr(exc.message)))
        return
    for schedule in running:
        addresses = shown_addresses(schedule.active_addresses)
        st.caption(t(_SENT_TO[schedule.every], addresses=addresses))
        st.button(
            t("Stop"),
            key=f"{state.SCHEDULE_STOP}{schedule.id}",
            on_click=_stop_schedule,
            args=(store, token, schedule.id),
            help=t("No more e-mails from this schedule."),
        )


def _stop_schedule(store: ReportStore, token: str, schedule_id: str) -> None:
    """A schedule's Stop button; a store that fails says so above the list."""
    try:
        stop_schedule(store, token, schedule_id)
    except SmroiError as exc:
        st.session_state[state.SCHEDULE_PROBLEM] = plain(tr(exc.message))


# ---------------------------------------------------------------- the stop page


def stop_page(report_store: Callable[[], ReportStore]) -> None:
    """The page a mail's stop link opens (`?stop=TOKEN`): it asks, then stops that one
    recipient's mail and says so; it stops the run. Without `?stop=`, nothing."""
    token = st.query_params.get(STOP_PARAM)
    if not token:
        return
    st.title(t("Stop the e-mails"))
    problem = st.session_state.pop(state.SCHEDULE_PROBLEM, None)
    if problem:
        st.error(problem)
    done = st.session_state.get(state.STOP_DONE)
    if done:
        st.success(
            t(
                "Done: this report is no longer e-mailed to {address}.",
                address=shown_addresses([masked(done)]),
            )
        )
        st.stop()
    try:
        store = report_store()
        target = stop_target(store, token)
    except SmroiError as exc:
        st.error(plain(tr(exc.message)))
        st.stop()
    if target is None:
        st.error(t("This stop link is not valid: its e-mails were stopped or deleted already."))
        st.stop()
    address, active = target
    shown = shown_addresses([masked(address)])
    if not active:
        st.info(t("This report is no longer e-mailed to {address}.", address=shown))
        st.stop()
    st.markdown(t("Stop e-mailing this report to {address}?", address=shown))
    st.button(t("Stop the e-mails"), type="primary", on_click=_stop_recipient, args=(store, token))
    st.stop()


def _stop_recipient(store: ReportStore, token: str) -> None:
    """The stop page's button; a store that fails says so on the page."""
    try:
        st.session_state[state.STOP_DONE] = stop_recipient(store, token)
    except SmroiError as exc:
        st.session_state[state.SCHEDULE_PROBLEM] = plain(tr(exc.message))
