"""Share links in headless Chromium: the owner makes a link, the boss opens it elsewhere.

The owner and the boss are two browser contexts (no shared cookies or storage), as two
people on two machines would be.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser import kpi as card_value
from tests.browser import require_chromium, streamlit_server
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    with streamlit_server(ROOT, data_dir=tmp_path_factory.mktemp("reports")) as url:
        yield url


def new_page(browser, url: str, wait_for_numbers: bool = True):  # type: ignore[no-untyped-def]
    """A fresh context (another person's browser) at this address."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]")
    if wait_for_numbers:
        page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    return page


def kpi(page, label: str) -> str:  # type: ignore[no-untyped-def]
    return card_value(page, label).inner_text()


def make_link(page, title: str, password: str = "") -> str:  # type: ignore[no-untyped-def]
    """Click through "Share this report" as the owner does, and read the link shown."""
    page.get_by_text("Share this report").click()
    page.get_by_role("textbox", name="Title", exact=True).fill(title)
    page.get_by_role("spinbutton", name="Expires after (days, 0 = never)").fill("7")
    if password:
        page.get_by_role("textbox", name="Password (optional)").fill(password)
    page.get_by_role("button", name="Create link").click()
    code = page.locator("[data-testid=stCode]").filter(has_text="?report=").first
    code.wait_for(timeout=30_000)
    return code.inner_text().strip()


def wait_for_text(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_text(text).first.wait_for(timeout=30_000)


def test_the_boss_sees_the_same_report_read_only(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    owner = new_page(browser, app_url)
    agency = owner.get_by_role("spinbutton", name="Agency / freelancer")
    before = kpi(owner, "ROI")
    agency.fill("900")
    agency.press("Enter")
    owner.wait_for_function(
        "before => ![...document.querySelectorAll('[data-testid=stMetricValue]')]"
        ".some(e => e.innerText === before)",
        arg=before,
        timeout=30_000,
    )
    roi = kpi(owner, "ROI")  # the owner's own figure, with the agency fee in it
    link = make_link(owner, "June for the boss")
    assert link.startswith(app_url + "/?report=") and len(link.split("=")[-1]) >= 43

    boss = new_page(browser, link)
    assert kpi(boss, "ROI") == roi
    wait_for_text(boss, "June for the boss")
    assert boss.get_by_role("spinbutton", name="Agency / freelancer").is_disabled()
    assert boss.get_by_role("spinbutton", name="Agency / freelancer").input_value() == "900.00"
    assert boss.get_by_role("spinbutton", name="Hourly rate").is_disabled()
    assert boss.locator("[data-testid=stFileUploader]").count() == 0  # no uploads
    assert boss.get_by_text("Share this report").count() == 0
    boss.locator("[data-testid=stSidebar]").get_by_text("Goals", exact=True).click()
    assert boss.get_by_role("spinbutton", name="Leads a month").is_disabled()  # the goals
    assert boss.get_by_role("button", name="Add goal").count() == 0
    assert boss.get_by_role("button", name="Download Excel report").is_visible()


def test_a_made_up_link_shows_not_valid_and_no_data(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = new_page(
        browser, f"{app_url}/?report=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", False
    )
    wait_for_text(page, "This report link is not valid (unknown, expired or revoked).")
    assert page.locator("[data-testid=stMetric]").count() == 0


def test_a_revoked_link_stops_working(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    owner = new_page(browser, app_url)
    link = make_link(owner, "Soon revoked")
    boss = new_page(browser, link)
    wait_for_text(boss, "Soon revoked")
    owner.get_by_role("button", name="Revoke").first.click()
    revoked = owner.get_by_text("revoked or expired").first
    revoked.wait_for(state="attached", timeout=30_000)
    if not revoked.is_visible():  # the rerun after the click can fold the expander up again
        owner.get_by_text("Share this report").click()
    revoked.wait_for(timeout=30_000)
    again = new_page(browser, link, False)
    wait_for_text(again, "This report link is not valid")
    assert again.locator("[data-testid=stMetric]").count() == 0


def test_a_password_link_asks_and_refuses_a_wrong_one(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    owner = new_page(browser, app_url)
    roi = kpi(owner, "ROI")
    link = make_link(owner, "With a password", password="blue-heron-42")
    boss = new_page(browser, link, False)
    wait_for_text(boss, "This report is protected")
    assert boss.locator("[data-testid=stMetric]").count() == 0
    boss.get_by_role("textbox", name="Password", exact=True).fill("wrong")
    boss.get_by_role("button", name="Open the report").click()
    wait_for_text(boss, "That password is not right.")
    assert boss.locator("[data-testid=stMetric]").count() == 0
    boss.get_by_role("textbox", name="Password", exact=True).fill("blue-heron-42")
    boss.get_by_role("button", name="Open the report").click()
    boss.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    assert kpi(boss, "ROI") == roi
