"""E-mail schedules in headless Chromium: the owner schedules a link's report in "Share this
report" and sees it listed (and stops it); a recipient opens a mail's stop link and stops
their own mail. The app server runs with SMROI_SMTP_URL pointing at a real SMTP server
(aiosmtpd, tests/smtp_server.py) and its own SQLite database; `send_due` is run by the test
against the same database, as `smroi send-due` would from cron."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from smroi import store as store_module
from smroi.mail import MailSettings
from smroi.schedules import create_schedule, schedules_of, send_due
from smroi.settings import Settings
from smroi.store import ReportStore
from tests.browser import require_chromium, settle, streamlit_server
from tests.conftest import ROOT
from tests.smtp_server import Inbox, smtp_server
from tests.test_browser_share import make_link, new_page, wait_for_text
from tests.test_schedules import FakeReport, body, small_table

pytestmark = pytest.mark.browser

SENDER = "reports@example.com"
BOSS, ACCOUNTANT = "boss@example.com", "accountant@firma.no"


@pytest.fixture(scope="module")
def mail_server() -> Iterator[tuple[Inbox, MailSettings]]:
    with smtp_server() as (inbox, port):
        yield inbox, MailSettings("none", "127.0.0.1", port, SENDER, timeout=10)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('schedules') / 'reports.sqlite'}"
    yield url
    store_module._dispose_engine(url)


@pytest.fixture(scope="module")
def app_url(database: str, mail_server: tuple[Inbox, MailSettings]) -> Iterator[str]:
    require_chromium()
    environment = {
        "SMROI_DATABASE_URL": database,
        "SMROI_SMTP_URL": f"smtp://{mail_server[1].server}",
        "SMROI_MAIL_FROM": SENDER,
    }
    with streamlit_server(ROOT, environment=environment) as url:
        yield url


def popover(page):  # type: ignore[no-untyped-def]
    return page.locator("[data-testid=stPopoverBody]")


def test_the_owner_schedules_a_link_sees_it_listed_and_stops_it(  # type: ignore[no-untyped-def]
    browser, app_url: str, database: str, mail_server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = mail_server
    page = new_page(browser, app_url)
    link = make_link(page, "Weekly for the boss")
    token = link.split("report=")[1]
    box = page.get_by_role("textbox", name="E-mail addresses")
    box.fill(f"{BOSS}, nope, {ACCOUNTANT}")
    page.get_by_role("button", name="Schedule the e-mails").click()
    wait_for_text(page, "Not an e-mail address: nope.")
    assert box.input_value() == f"{BOSS}, nope, {ACCOUNTANT}"  # kept, to correct it
    assert schedules_of(ReportStore(database), token) == []
    box.fill(f"{BOSS}, {ACCOUNTANT}")
    popover(page).get_by_text("Every month").click()
    page.get_by_role("button", name="Schedule the e-mails").click()
    line = popover(page).get_by_text("Every month to")
    line.wait_for(timeout=30_000)
    assert line.inner_text() == f"Every month to {ACCOUNTANT}, {BOSS}"
    assert line.locator("a").count() == 0  # addresses are text, not mailto links
    assert box.input_value() == ""
    [schedule] = schedules_of(ReportStore(database), token)
    assert (schedule.every, schedule.lang, schedule.active_addresses) == (
        "month",
        "en",
        (ACCOUNTANT, BOSS),
    )
    sent = send_due(ReportStore(database), mail, FakeReport(), base_url=app_url)
    assert sorted(s.address for s in sent.sent) == [ACCOUNTANT, BOSS]
    mine = [r for r in inbox.received if r.message["Subject"].startswith("Weekly for the boss")]
    assert sorted(r.rcpt_tos[0] for r in mine) == [ACCOUNTANT, BOSS]
    assert f"{app_url}/?report={token}" in body(mine[0].message)
    popover(page).get_by_role("button", name="Stop", exact=True).click()
    line.wait_for(state="detached", timeout=30_000)
    assert schedules_of(ReportStore(database), token) == []


def test_mail_not_configured_is_one_line_instead_of_the_form(browser) -> None:  # type: ignore[no-untyped-def]
    require_chromium()
    environment = {"SMROI_SMTP_URL": "", "SMROI_MAIL_FROM": ""}
    with streamlit_server(ROOT, environment=environment) as url:
        page = new_page(browser, url)
        make_link(page, "No mail here")
        wait_for_text(
            page,
            "E-mail is not set up on this server: whoever runs it sets SMROI_SMTP_URL and "
            "SMROI_MAIL_FROM.",
        )
        assert page.get_by_role("textbox", name="E-mail addresses").count() == 0


def test_a_stop_link_asks_then_stops_that_recipient_only(  # type: ignore[no-untyped-def]
    browser, app_url: str, database: str, mail_server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = mail_server
    store = ReportStore(database)
    token = store.save(small_table(), Settings(), title="Stop me")
    create_schedule(store, token, [BOSS, ACCOUNTANT], every="week", lang="nb")
    now = datetime.now(UTC)
    send_due(store, mail, FakeReport(), base_url=app_url, now=now)
    to_boss = next(
        r for r in inbox.received if r.rcpt_tos == [BOSS] and "Stop me" in r.message["Subject"]
    )
    found = re.search(r"(http\S+\?stop=\S+)", body(to_boss.message))
    assert found is not None
    stop_link = found.group(1)
    assert stop_link.endswith("&lang=nb")  # the page in the schedule's language
    page = new_page(browser, stop_link, wait_for_numbers=False)
    question = page.get_by_text("Slutte å sende denne rapporten til b…@example.com?")
    question.wait_for(timeout=30_000)
    assert [s.active_addresses for s in schedules_of(store, token)] == [(ACCOUNTANT, BOSS)]
    page.get_by_role("button", name="Stopp e-postene").click()
    wait_for_text(page, "Ferdig: denne rapporten sendes ikke lenger til b…@example.com.")
    settle(page)
    assert [s.active_addresses for s in schedules_of(store, token)] == [(ACCOUNTANT,)]
    # opened again later (another browser): it says so, with no button
    again = new_page(browser, stop_link, wait_for_numbers=False)
    wait_for_text(again, "Denne rapporten sendes ikke lenger til b…@example.com.")
    assert again.get_by_role("button", name="Stopp e-postene").count() == 0
    before = len(inbox.received)
    next_week = send_due(store, mail, FakeReport(), base_url=app_url, now=now + timedelta(days=7))
    assert [(s.title, s.address) for s in next_week.sent] == [("Stop me", ACCOUNTANT)]
    assert [r.rcpt_tos for r in inbox.received[before:]] == [[ACCOUNTANT]]


def test_a_stop_link_that_is_not_ours_says_so(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = new_page(browser, f"{app_url}/?stop={'x' * 43}", wait_for_numbers=False)
    wait_for_text(page, "This stop link is not valid: its e-mails were stopped or deleted already.")
    assert page.get_by_role("button", name="Stop the e-mails").count() == 0
