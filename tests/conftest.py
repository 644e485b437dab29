"""Shared test set-up: AppTest with st.navigation, fresh caches, paths to data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REALDATA = ROOT.parent / "shared" / "realdata"


@pytest.fixture(autouse=True)
def _pages_directory_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest resets PagesManager.uses_pages_directory before each run, so from the second
    run on it takes the legacy pages/ path and skips app.py (docs/DESIGN.md, Known traps).
    Wrap PagesManager.__init__ so that st.navigation in app.py stays in charge."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """All AppTests share one session id: clear st.cache_data between tests."""
    import streamlit as st

    st.cache_data.clear()


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app of this checkout on a free port, one server per test module (a module that
    needs other data or settings defines its own)."""
    from tests.browser import require_chromium, streamlit_server

    require_chromium()
    with streamlit_server(ROOT) as url:
        yield url


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright, for the browser tests that open several pages
    (each one a fresh context, as another person's browser)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
