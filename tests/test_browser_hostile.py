"""A workbook that crashes the Excel reader, uploaded to the real app in headless Chromium:
the uploader sees one sentence naming the file, and the server keeps serving everyone.

Two browser contexts are two people: the first uploads the file, the second opens the app
afterwards and must still get its numbers (before smroi.isolation, the upload killed the
server and every session with it). smroi.xlsx_checks now refuses those workbooks before
calamine opens them, so the crash test runs a server with the scan turned off
(SMROI_XLSX_CHECKS=0): calamine really aborts, in the worker."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import kpi, require_chromium, settle, streamlit_server
from tests.conftest import ROOT
from tests.test_isolation import HOSTILE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unchecked_app_url() -> Iterator[str]:
    """A server that hands workbooks to calamine without smroi.xlsx_checks' scan."""
    require_chromium()
    with streamlit_server(ROOT, environment={"SMROI_XLSX_CHECKS": "0"}) as url:
        yield url


def new_page(browser, url: str):  # type: ignore[no-untyped-def]
    """A fresh context (another person's browser) at the app, its numbers shown."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]")
    page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    return page


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_crashing_workbook_is_one_sentence_and_the_server_lives_on(  # type: ignore[no-untyped-def]
    browser, unchecked_app_url: str, name: str, tmp_path: Path
) -> None:
    app_url = unchecked_app_url
    from playwright.sync_api import expect

    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    uploader = new_page(browser, app_url)
    settle(uploader)  # an upload sent while the first run still draws can be lost under load
    uploader.set_input_files("[data-testid=stSidebar] input[type=file]", str(path))
    error = uploader.locator("[data-testid=stAlert]").filter(has_text=re.compile(f"^{name}: "))
    expect(error).to_have_count(1, timeout=60_000)
    assert "Traceback" not in error.inner_text()
    assert "stopped" in error.inner_text()  # the worker crashed or hit its limit, and said so
    assert "The dashboard still shows the data it had." in error.inner_text()
    expect(kpi(uploader, "ROI")).to_have_text(re.compile(r"%$"))  # the sample, still shown

    with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=10) as response:
        assert response.status == 200
    someone_else = new_page(browser, app_url)
    expect(kpi(someone_else, "ROI")).to_have_text(re.compile(r"%$"))


def test_every_hostile_file_in_one_upload_is_told_and_the_server_lives_on(  # type: ignore[no-untyped-def]
    browser, app_url: str, tmp_path: Path
) -> None:
    """All the hostile files at once, in one session: each refused file is one sentence
    naming it, the others are read, and the server still serves a second person."""
    from playwright.sync_api import expect

    from tests.test_hostile_files import HOSTILE as EVERY_HOSTILE_FILE

    paths = []
    for name, hostile in EVERY_HOSTILE_FILE.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(hostile.data)
    uploader = new_page(browser, app_url)
    settle(uploader)
    uploader.set_input_files("[data-testid=stSidebar] input[type=file]", [str(p) for p in paths])
    alerts = uploader.locator("[data-testid=stAlert]")
    for name, hostile in EVERY_HOSTILE_FILE.items():
        if hostile.refused:
            told = alerts.filter(has_text=re.compile(f"^{re.escape(name)}: "))
            expect(told).to_have_count(1, timeout=90_000)
            assert hostile.says in told.inner_text()
    assert "Traceback" not in uploader.locator("[data-testid=stApp]").inner_text()

    with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=10) as response:
        assert response.status == 200
    someone_else = new_page(browser, app_url)
    expect(kpi(someone_else, "ROI")).to_have_text(re.compile(r"%$"))
