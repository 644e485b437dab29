"""Share links: "Share this report", "My shared reports", and the read-only view a link opens.

A link is `BASE/?report=<token>`. Opening it puts the session in read-only mode for
that one report: its data, settings and filters, the inputs shown but locked, and
nothing else (no uploads, no other report). The snapshot is kept in this session's
state, never in a cache shared between sessions, and the store is asked on every
rerun whether the link is still valid, so a revoked link stops working at once.

When the store fails, or a report's saved data cannot be read, a viewer sees a plain page
that says so (never a crash page, never the database's address), and the log gets a line.

Under a link just made, its report can be e-mailed every week or month (ui.schedule).

Each session gets a random owner id for the links it makes (the store keeps only its hash
and limits each owner's links and bytes an hour, smroi.quotas); a link refused by a limit
is one sentence under the form. Expired and revoked reports are deleted once per process,
when the app first runs (`purge_on_start`).
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from datetime import date
from typing import TypeVar
from urllib.parse import urlsplit

import streamlit as st

import smroi
from smroi.errors import SmroiError
from smroi.i18n import DEFAULT_LANGUAGE, N_
from smroi.passwords import FREE_TRIES, MIN_PASSWORD_CHARS, TooManyTries
from smroi.store import (
    PasswordNeeded,
    Purged,
    ReportInfo,
    ReportNotAvailable,
    ReportStore,
    Snapshot,
    StoreUnavailable,
    WrongPassword,
    database_url,
    has_database,
    share_link,
)
from ui import state
from ui.frame import caption_day
from ui.i18n import LANG_PARAM, language, nt, number, t, tr
from ui.schedule import schedule_section
from ui.widgets import plain

NOT_VALID = N_("This report link is not valid (unknown, expired or revoked).")
CANNOT_SHOW = N_(
    "This report cannot be shown just now. Try again later, or ask whoever sent you the link "
    "for a new one."
)
LINK_CHECK_VARIABLE = "SMROI_LINK_CHECK_SECONDS"
LINK_CHECK_SECONDS = 30.0
T = TypeVar("T")
_LOG = logging.getLogger(__name__)


@st.cache_resource
def report_store() -> ReportStore:
    """The store of shared reports (its database engine; it holds no user data)."""
    return ReportStore()


def purge_on_start() -> Purged | None:
    """Delete the expired and revoked reports once when the app starts (once per process and
    database, not on every rerun); None when there is no store yet or it failed (logged)."""
    return _purge_once(database_url())


@st.cache_resource(show_spinner=False)
def _purge_once(url: str) -> Purged | None:
    """`smroi purge` for this database, the first time this process runs the app on it."""
    if not has_database(url):  # no report was ever shared: nothing to make or delete
        return None
    try:
        purged = ReportStore(url).purge()
    except SmroiError as exc:  # the app still runs; `smroi purge` from cron tries again
        _LOG.warning("the expired and revoked reports could not be deleted: %s", exc)
        return None
    if purged.reports:
        _LOG.info("deleted %d expired or revoked reports (%d bytes)", purged.reports, purged.bytes)
    return purged


def owner_id() -> str:
    """This session's random id as the owner of the links it makes: the store keeps only its
    hash, and limits the links and bytes each owner shares in an hour (smroi.quotas)."""
    if state.SHARE_OWNER not in st.session_state:
        st.session_state[state.SHARE_OWNER] = secrets.token_urlsafe(32)
    owner: str = st.session_state[state.SHARE_OWNER]
    return owner


def link_to(token: str) -> str:
    """The link that opens a shared report: SMROI_BASE_URL, else the address this page
    was opened at; in the sender's language unless that is English (&lang=nb)."""
    opened = urlsplit(st.context.url or "")
    here = f"{opened.scheme}://{opened.netloc}" if opened.scheme and opened.netloc else None
    link = share_link(token, os.environ.get("SMROI_BASE_URL") or here)
    lang = language()
    return link if lang == DEFAULT_LANGUAGE else f"{link}&{LANG_PARAM}={lang}"


# ---------------------------------------------------------------- the read-only view


def open_shared_report() -> Snapshot | None:
    """The report a share link opened, or None in the normal app. An invalid link shows
    the "not valid" page, a protected one asks for its password, a store that fails or a
    report that cannot be read shows a plain "try later" page; each stops the run.

    Once a link is opened, this session stays on that report: a page change (which
    clears the address's query) keeps its token, puts `?report=` back in the address
    for reloads and bookmarks, and a check in the background (`_watch_link`) turns an
    idle page into the "not valid" one after a revoke or expiry."""
    token = st.query_params.get("report") or st.session_state.get(state.SHARED_TOKEN)
    if not token:
        return None
    if st.session_state.get(state.SHARED_TOKEN) != token:  # a new link in this session
        st.session_state.pop(state.SHARED_SNAPSHOT, None)
        st.session_state.pop(state.SHARED_PASSWORD, None)
        st.session_state[state.SHARED_TOKEN] = token
    keep_link_in_address(token)
    try:
        store = report_store()
        store.info(token)  # revoked or expired since it was opened: stop showing it
        snapshot = st.session_state.get(state.SHARED_SNAPSHOT)
        if snapshot is None:
            snapshot = store.open(token, st.session_state.get(state.SHARED_PASSWORD))
            st.session_state[state.SHARED_SNAPSHOT] = snapshot
            _show_in_widgets(snapshot)
        _watch_link(token)
        return snapshot
    except ReportNotAvailable:
        _not_available(t(NOT_VALID))
    except PasswordNeeded:
        _password_form(None)
    except (WrongPassword, TooManyTries) as exc:
        st.session_state.pop(state.SHARED_PASSWORD, None)  # tried once, never again by itself
        _password_form(plain(tr(exc.message)))
    except StoreUnavailable as exc:
        _not_available(plain(tr(exc.message)))
    except SmroiError as exc:  # damaged saved data, or a store smroi cannot use
        _LOG.warning("a shared report could not be shown: %s", exc)
        _not_available(t(CANNOT_SHOW))
    st.stop()


def _not_available(reason: str) -> None:
    """The plain page of a link that shows no report, with the reason in one sentence."""
    st.session_state.pop(state.SHARED_SNAPSHOT, None)
    st.title(t("Report not available"))
    st.error(reason)
    st.caption(t("Ask whoever sent you the link for a new one."))


def keep_link_in_address(token: str) -> None:
    """Put `?report=<token>` back in the address: Streamlit clears the query when the
    viewer changes page, and a reload or bookmark without it would open the full app.
    (`?lang=` is put back by the language picker on every run.)"""
    if st.query_params.get("report") != token:
        st.query_params["report"] = token


def link_check_seconds() -> float:
    """How often an open shared report asks the store whether its link is still valid:
    SMROI_LINK_CHECK_SECONDS (tests make it short), else every 30 seconds."""
    try:
        seconds = float(os.environ.get(LINK_CHECK_VARIABLE, "") or LINK_CHECK_SECONDS)
    except ValueError:
        return LINK_CHECK_SECONDS
    return seconds if seconds >= 0.5 else LINK_CHECK_SECONDS


@st.fragment(run_every=link_check_seconds())
def _watch_link(token: str) -> None:
    """Runs on its own every few seconds while the page is open, even with no one
    touching it: a revoked or expired link (or a store that cannot say) reruns the
    whole app, which then shows the "not valid" page instead of the report."""
    try:
        report_store().info(token)
    except SmroiError:
        st.rerun(scope="app")


def on_demand(make: Callable[[], T]) -> Callable[[], T]:
    """A file made when its download button is clicked (outside the script run). For a
    share link's viewer the link is checked first, so a revoked or expired link makes no
    file: the check raises ReportNotAvailable (SmroiError when the store cannot say), and
    the button then says the download failed. Anyone else gets `make` as it is."""
    token = st.session_state.get(state.SHARED_TOKEN)
    if not token:
        return make
    store = report_store()

    def checked() -> T:
        store.info(token)
        return make()

    return checked


def _password_form(problem: str | None) -> None:
    """The password form of a protected report, with what went wrong with the last try."""
    st.title(t("This report is protected"))
    with st.form(state.SHARED_PASSWORD_FORM):
        password = st.text_input(t("Password"), type="password")
        if st.form_submit_button(t("Open the report")):
            st.session_state[state.SHARED_PASSWORD] = password
            st.rerun()
    if problem:
        st.error(problem)


def _show_in_widgets(snapshot: Snapshot) -> None:
    """The snapshot's settings and filters into the (locked) sidebar widgets."""
    state.put_settings(snapshot.settings)
    first, last = smroi.period_of(snapshot.table)
    platforms = sorted(str(p) for p in snapshot.table["platform"].dropna().unique())
    chosen = (snapshot.start or first, snapshot.end or last)
    st.session_state[state.DATE_RANGE] = chosen if chosen[0] and chosen[1] else ()
    st.session_state[state.PLATFORMS] = (
        list(snapshot.platforms) if snapshot.platforms is not None else platforms
    )
    st.session_state[state.FILTERS_FOR] = shared_data_key(snapshot)


def shared_data_key(snapshot: Snapshot) -> str:
    """The shared data's identity for caches and filters (the token is already random)."""
    return f"shared:{snapshot.info.token}"


def shared_data(snapshot: Snapshot) -> state.LoadedData:
    """The snapshot as the data every page draws from."""
    return state.LoadedData(
        key=shared_data_key(snapshot),
        table=snapshot.table,
        reports=tuple(snapshot.reports),
        is_sample=False,
        shared=snapshot.info,
    )


def shared_heading(info: ReportInfo) -> None:
    """The sidebar's top in a shared report: its title, when it was shared, read-only."""
    st.header(plain(info.title))
    st.caption(
        t(
            "Shared on {date}. Read-only: the numbers as they were shared.",
            date=caption_day(info.created_at),
        )
    )


# ---------------------------------------------------------------- sharing


def share_section(
    loaded: state.LoadedData,
    settings: smroi.Settings,
    start: date | None,
    end: date | None,
    platforms: tuple[str, ...] | None,
) -> None:
    """The 'Share this report' form and the links made in this session, with revoke
    buttons (in the page's actions, ui.actions)."""
    with st.form(state.SHARE_FORM, border=False):
        title = st.text_input(t("Title"), value=t("Social media ROI report"), max_chars=200)
        days = st.number_input(
            t("Expires after (days, 0 = never)"), min_value=0, max_value=3650, value=30
        )
        password = st.text_input(
            t("Password (optional)"),
            type="password",
            help=t(
                "Whoever opens the link must type it: at least {least} characters. Stored "
                "only as a salted hash; after {tries} wrong tries, each try has to wait.",
                least=number(MIN_PASSWORD_CHARS, "count"),
                tries=number(FREE_TRIES, "count"),
            ),
        )
        create = st.form_submit_button(t("Create link"), type="primary")
    if create:
        try:
            token = report_store().save(
                loaded.table,
                settings,
                title=title,
                reports=list(loaded.reports),
                start=start,
                end=end,
                platforms=platforms,
                expires_days=float(days) or None,
                password=password or None,
                owner=owner_id(),
            )
        except SmroiError as exc:  # a limit reached (smroi.quotas) or the store failing
            st.error(plain(tr(exc.message)))
        else:
            st.session_state.setdefault(state.MY_SHARES, []).append(token)
            st.session_state[state.NEW_SHARE] = token
    new = st.session_state.get(state.NEW_SHARE)
    if new:
        st.caption(t("Anyone with this link can see this report (read-only):"))
        st.code(link_to(new), language=None, wrap_lines=True)
        schedule_section(report_store(), new)
    _my_shares()


def _my_shares() -> None:
    """The links made in this session: title, dates, wrong passwords and a Revoke button."""
    tokens: list[str] = st.session_state.get(state.MY_SHARES, [])
    if not tokens:
        return
    st.markdown(t("**My shared reports**"))
    failed = st.session_state.pop(state.REVOKE_FAILED, None)
    if failed:
        st.error(failed)
    try:
        store = report_store()
        infos = [_info_or_none(store, token) for token in tokens]
    except SmroiError as exc:
        st.error(plain(tr(exc.message)))
        return
    for position, (token, info) in enumerate(zip(tokens, infos, strict=True)):
        # escaped: "1. …" at the start of markdown would become a numbered list
        shown = plain(number(position + 1, "count"))
        if info is None:
            st.caption(t("{number}. revoked or expired", number=shown))
            continue
        st.caption(_share_line(shown, info))
        if info.failed_tries and info.failed_since is not None:
            st.caption(_wrong_passwords(info.failed_tries, info))
        st.button(
            t("Revoke"),
            key=f"{state.REVOKE}{position}",
            on_click=_revoke,
            args=(token,),
            help=t("The link stops working for everyone, at once."),
        )


def _info_or_none(store: ReportStore, token: str) -> ReportInfo | None:
    """The report's info, or None once it is revoked or expired."""
    try:
        return store.info(token)
    except ReportNotAvailable:
        return None


def _share_line(shown: str, info: ReportInfo) -> str:
    """One line of "My shared reports": number, title, date, expiry, password."""
    expiry = t(", expires {date}", date=caption_day(info.expires_at)) if info.expires_at else ""
    lock = t(", password") if info.has_password else ""
    english = language() == DEFAULT_LANGUAGE
    made = f"{info.created_at:%d %b}" if english else caption_day(info.created_at)
    return t(
        "{number}. {title} ({date}{expiry}{password})",
        number=shown,
        title=plain(info.title),
        date=made,
        expiry=expiry,
        password=lock,
    )


def _wrong_passwords(count: int, info: ReportInfo) -> str:
    """ "3 wrong passwords since 05 Mar 2026 14:02 UTC" for the owner."""
    assert info.failed_since is not None
    since = f"{caption_day(info.failed_since)} {info.failed_since:%H:%M} UTC"
    return nt(
        "{count} wrong password since {since}",
        "{count} wrong passwords since {since}",
        count,
        count=number(count, "count"),
        since=since,
    )


def _revoke(token: str) -> None:
    """The Revoke button: revoke the link; a store that fails says so above the list."""
    try:
        report_store().revoke(token)
    except SmroiError as exc:
        st.session_state[state.REVOKE_FAILED] = plain(tr(exc.message))
