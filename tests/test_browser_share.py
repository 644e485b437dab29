"""Share links in headless Chromium: the owner makes a link, the boss opens it elsewhere.

The owner and the boss are two browser contexts (no shared cookies or storage), as two
people on two machines would be.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import kpi as card_value
from tests.browser import require_chromium, settle, streamlit_server
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def reports_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app server's data folder: its report database is reports.sqlite in it."""
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def app_url(reports_dir: Path) -> Iterator[str]:
    require_chromium()
    with streamlit_server(ROOT, data_dir=reports_dir) as url:
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
    before = kpi(owner, "ROI")
    owner.get_by_role("link", name="Your business").first.click()
    agency = owner.get_by_role("spinbutton", name="Agency or freelancer per month (USD)")
    agency.fill("900")
    agency.press("Enter")
    settle(owner)
    owner.get_by_role("link", name="Overview").first.click()
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
    # the assumptions as a short list: 20 h x $35 = $700, tools $49, the agency's $900 and
    # content $150 make $1,799 a month; and the sample's goal
    sidebar = boss.locator("[data-testid=stSidebar]")
    costs = sidebar.get_by_text("Costs besides ad spend: $1,799.00 a month")
    assert "Agency / freelancer: $900.00" in costs.inner_text()
    assert sidebar.get_by_text("Goal: Leads a month, 100").is_visible()
    # nothing to type into, upload or share
    assert boss.get_by_role("spinbutton").count() == 0
    assert boss.locator("[data-testid=stFileUploader]").count() == 0
    assert boss.get_by_text("Share this report").count() == 0
    assert boss.get_by_role("button", name="Add goal").count() == 0
    boss.get_by_role("button", name="Download", exact=True).click()  # the downloads' menu
    # the menu opens after the click's round trip: wait for it (up to 10 s), not a snapshot
    expect(boss.get_by_role("button", name="Download Excel report")).to_be_visible(timeout=10_000)
    expect(boss.get_by_role("button", name="Download PDF")).to_be_visible(timeout=10_000)
    boss.keyboard.press("Escape")
    boss.get_by_role("link", name="Your business").first.click()  # the same list, read-only
    wait_for_text(boss, "The assumptions behind this shared report's numbers (read-only).")
    main = boss.locator("[data-testid=stMain]")
    assert "Agency / freelancer: $900.00" in main.get_by_text("Costs besides ad spend").inner_text()
    assert boss.get_by_role("spinbutton").count() == 0


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


def try_password(page, password: str) -> None:  # type: ignore[no-untyped-def]
    """Type a password into the protected report's form and send it."""
    page.get_by_role("textbox", name="Password", exact=True).fill(password)
    page.get_by_role("button", name="Open the report").click()


def wrong_tries(reports_dir: Path, title: str) -> int:
    """The report's count of wrong passwords, as the server's database holds it."""
    with sqlite3.connect(reports_dir / "reports.sqlite") as database:
        query = "SELECT failed_tries FROM shared_reports WHERE title = ?"
        return int(database.execute(query, (title,)).fetchone()[0])


def wait_for_tries(reports_dir: Path, title: str, count: int) -> None:
    """Wait until the server has counted this many wrong passwords (the page still shows
    the last try's answer until the new one is in)."""
    deadline = time.monotonic() + 30
    while wrong_tries(reports_dir, title) != count:
        assert time.monotonic() < deadline, f"{wrong_tries(reports_dir, title)} tries, not {count}"
        time.sleep(0.1)


def test_five_wrong_passwords_make_the_sixth_wait_and_the_owner_sees_them(  # type: ignore[no-untyped-def]
    browser, app_url: str, reports_dir: Path
) -> None:
    owner = new_page(browser, app_url)
    link = make_link(owner, "Guarded", password="blue-heron-42")
    boss = new_page(browser, link, False)
    wait_for_text(boss, "This report is protected")
    for n in range(5):
        try_password(boss, f"wrong guess {n}")
        wait_for_tries(reports_dir, "Guarded", n + 1)
        settle(boss)
        assert boss.locator("[data-testid=stAlert]").inner_text() == "That password is not right."
    try_password(boss, "blue-heron-42")  # the right one, but too soon
    wait_for_text(boss, "Too many wrong passwords: try again in 1 minute.")
    assert boss.get_by_text("That password is not right.").count() == 0
    assert boss.locator("[data-testid=stMetric]").count() == 0
    assert wrong_tries(reports_dir, "Guarded") == 5  # not checked, not counted
    owner.get_by_role("button", name="Create link").click()  # the owner's page runs again
    wait_for_text(owner, "5 wrong passwords since")


def test_a_password_under_10_characters_is_refused_in_a_sentence(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    owner = new_page(browser, app_url)
    owner.get_by_text("Share this report").click()
    owner.get_by_role("textbox", name="Password (optional)").fill("short")
    owner.get_by_role("button", name="Create link").click()
    wait_for_text(
        owner,
        "A report's password must have at least 10 characters; this one has 5. Choose a "
        "longer one, such as a few words.",
    )
    assert owner.locator("[data-testid=stCode]").filter(has_text="?report=").count() == 0


CANNOT_SHOW = (
    "This report cannot be shown just now. Try again later, or ask whoever sent you the link "
    "for a new one."
)


def test_a_damaged_report_shows_the_plain_page_not_a_crash(  # type: ignore[no-untyped-def]
    browser, app_url: str, reports_dir: Path
) -> None:
    owner = new_page(browser, app_url)
    link = make_link(owner, "Soon damaged")
    with sqlite3.connect(reports_dir / "reports.sqlite") as database:
        database.execute(
            "UPDATE shared_reports SET table_parquet = ? WHERE title = ?",
            (b"not parquet", "Soon damaged"),
        )
    boss = new_page(browser, link, False)
    wait_for_text(boss, CANNOT_SHOW)
    assert boss.get_by_text("Report not available").count() == 1
    assert boss.locator("[data-testid=stException]").count() == 0
    assert boss.locator("[data-testid=stMetric]").count() == 0


def test_an_unreachable_store_says_so_without_its_address(  # type: ignore[no-untyped-def]
    browser, tmp_path: Path
) -> None:
    require_chromium()
    url = "postgresql://admin:s3cret-word@127.0.0.2:1/smroi?password=query-s3cret&connect_timeout=2"
    log = tmp_path / "server.log"
    with streamlit_server(ROOT, environment={"SMROI_DATABASE_URL": url}, log_path=log) as app:
        owner = new_page(browser, app)
        owner.get_by_text("Share this report").click()
        owner.get_by_role("button", name="Create link").click()
        wait_for_text(owner, "The report store is not reachable; try again in a minute.")
        boss = new_page(browser, f"{app}/?report={'a' * 43}", False)
        wait_for_text(boss, "The report store is not reachable; try again in a minute.")
        assert boss.get_by_text("Report not available").count() == 1
        for page in (owner, boss):
            assert page.locator("[data-testid=stException]").count() == 0
            shown = page.locator("body").inner_text()
            for secret in ("s3cret", "admin", "127.0.0.2", "postgresql", "smroi?"):
                assert secret not in shown, secret
    logged = log.read_text()
    assert "the report store failed: unreachable (OperationalError)" in logged
    for secret in ("s3cret", "admin:", "127.0.0.2", "postgresql"):
        assert secret not in logged, secret
