"""Helpers for tests that drive the real app in Debian's Chromium with Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def require_chromium() -> None:
    """Skip on a user's machine without Chromium; fail in CI, where browser tests must run."""
    if CHROMIUM.exists():
        return
    if os.environ.get("SMROI_REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
        pytest.fail("Chromium is missing at /usr/bin/chromium, and CI must run browser tests.")
    pytest.skip("Chromium is not installed (apt-get install chromium) — browser test skipped.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(
    root: Path,
    timeout: float = 60.0,
    data_dir: Path | None = None,
    environment: dict[str, str] | None = None,
    log_path: Path | None = None,
    script: str = "app.py",
) -> Iterator[str]:
    """`streamlit run app.py` on a free localhost port; yields its URL and stops it after.

    `script`: what to run instead of app.py (serve.py: the same app with its security headers).
    Shared reports go to `data_dir` (a test's own SQLite file), never the user's ~/.smroi.
    `environment`: variables to set for the server (SMROI_XLSX_CHECKS=0 ...).
    `log_path`: a file to keep the server's output in (a test reads what it logged).
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(root / script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    url = f"http://127.0.0.1:{port}"
    # the server's output goes to a file: a pipe nobody reads could stall the server
    with log_path.open("w+") if log_path else tempfile.TemporaryFile(mode="w+") as log:
        env = {k: v for k, v in os.environ.items() if k != "SMROI_DATABASE_URL"}
        env["SMROI_DATA_DIR"] = str(data_dir or Path(tempfile.mkdtemp(prefix="smroi-test-")))
        env.pop("SMROI_BASE_URL", None)  # links use the address the page was opened at
        env.update(environment or {})
        process = subprocess.Popen(
            command, cwd=root, stdout=log, stderr=subprocess.STDOUT, text=True, env=env
        )
        try:
            _wait_until_healthy(url, process, log, timeout)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_healthy(url: str, process: subprocess.Popen, log, timeout: float) -> None:  # type: ignore[type-arg, no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            raise RuntimeError(f"streamlit did not start on {url}:\n{log.read()[-3000:]}")
        time.sleep(0.3)


def kpi(page, label: str):  # type: ignore[no-untyped-def]
    """The value of the first KPI card whose label holds `label` (a Playwright locator)."""
    card = (
        page.locator("[data-testid=stMetric]")
        .filter(has=page.locator("[data-testid=stMetricLabel]", has_text=label))
        .first
    )
    return card.locator("[data-testid=stMetricValue]")


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait for the script run to end (the running indicator goes away)."""
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached", timeout=60_000)


def choose_option(page, combobox, option: str) -> None:  # type: ignore[no-untyped-def]
    """Pick `option` in a Streamlit selectbox. A rerun that ends while the list is open
    closes it (and a click that lands while the page is still drawing is lost), so the
    pick is redone until the box shows it."""
    from playwright.sync_api import expect

    for _ in range(3):
        settle(page)
        combobox.click()
        combobox.fill(option)
        choice = page.locator("[role=option]").filter(has_text=option).first
        try:
            choice.click(timeout=10_000)
            expect(combobox).to_have_value(option, timeout=10_000)
            return
        except Exception:  # the list closed under us: open it again
            page.keyboard.press("Escape")
    expect(combobox).to_have_value(option)
