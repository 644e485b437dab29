"""Several servers (deploy/): two app servers against one PostgreSQL, Caddy in front.

Server A and server B are two `streamlit run serve.py` processes on different ports with the
same SMROI_DATABASE_URL (a throwaway PostgreSQL, as in tests/test_store.py), and Debian's
Caddy runs deploy/Caddyfile in front of both (sticky cookie, TLS from its own CA, the
security headers). A link made on one server opens on the other, wrong passwords on one
throttle the other, and a revoke on one reaches the other, because all of it lives in the
database. Docker is not run here: compose.yaml is only parsed and checked.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import ssl
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from tests.browser import free_port, require_chromium, settle, streamlit_server
from tests.conftest import ROOT
from tests.test_browser_share import kpi, make_link, new_page, try_password, wait_for_text
from tests.test_store import _fresh_postgres, postgres_admin_url  # noqa: F401 (a fixture)
from ui.security_headers import content_security_policy, security_headers

DEPLOY = ROOT / "deploy"
CADDY = Path("/usr/bin/caddy")
PASSWORD = "blue-heron-42"


# ---------------------------------------------------------------- the files in deploy/


def test_the_compose_file_runs_two_app_replicas_postgres_and_caddy() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"app1", "app2", "postgres", "caddy"} <= set(services)
    for name in ("app1", "app2"):
        app = services[name]
        assert app["build"]["context"] == ".."  # the repository's Dockerfile
        url = app["environment"]["SMROI_DATABASE_URL"]
        assert url.startswith("postgresql+psycopg://") and "@postgres:5432/" in url
        assert "postgres" in app["depends_on"]
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in services["caddy"]["volumes"]
    assert services["caddy"]["environment"]["SMROI_UPSTREAMS"] == "app1:8501 app2:8501"
    assert 'CMD ["streamlit", "run", "serve.py"' in (ROOT / "Dockerfile").read_text()
    example = (DEPLOY / "env.example").read_text()
    assert "POSTGRES_PASSWORD=change-me" in example  # placeholders, no real secret


def test_the_compose_file_runs_send_due_every_hour_with_the_apps_image_and_database() -> None:
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    mailer, app = services["mailer"], services["app1"]
    assert mailer["build"] == app["build"]  # the same image
    for name in ("SMROI_DATABASE_URL", "SMROI_BASE_URL", "SMROI_SMTP_URL", "SMROI_MAIL_FROM"):
        assert mailer["environment"][name] == app["environment"][name]
    assert app["environment"]["SMROI_SMTP_URL"] == "${SMROI_SMTP_URL:-}"  # from .env
    assert mailer["command"] == [
        "sh",
        "-c",
        "while true; do smroi send-due; sleep 3600; done",
    ]
    assert "postgres" in mailer["depends_on"]
    assert mailer["healthcheck"] == {"disable": True}  # it opens no port to check
    assert "mailer" not in services["caddy"]["environment"]["SMROI_UPSTREAMS"]
    example = (DEPLOY / "env.example").read_text()
    assert "\nSMROI_SMTP_URL=\n" in example and "\nSMROI_MAIL_FROM=\n" in example


def test_the_caddyfile_sends_the_same_policy_as_the_app_server() -> None:
    """The Caddyfile's Content-Security-Policy allows the installed Streamlit's inline script
    by its hash: a Streamlit upgrade that changes the script fails here, not in users' tabs."""
    caddyfile = (DEPLOY / "Caddyfile").read_text()
    found = re.search(r'Content-Security-Policy "([^"]+)"', caddyfile)
    assert found and found.group(1) == content_security_policy()
    assert "'unsafe-inline'" not in found.group(1).split("script-src")[1].split(";")[0]
    assert "lb_policy cookie smroi_replica" in caddyfile


# ---------------------------------------------------------------- two servers, one database


@pytest.fixture(scope="module")
def database(postgres_admin_url: str) -> Iterator[str]:  # noqa: F811
    """One fresh PostgreSQL database for both app servers."""
    yield from _fresh_postgres(postgres_admin_url)


@pytest.fixture(scope="module")
def servers(database: str) -> Iterator[tuple[str, str]]:
    """Server A and server B (serve.py), both on `database`; stopped at the end."""
    require_chromium()
    environment = {"SMROI_DATABASE_URL": database, "SMROI_LINK_CHECK_SECONDS": "5"}
    with ExitStack() as stack:
        a, b = (
            stack.enter_context(
                streamlit_server(
                    ROOT,
                    data_dir=Path(tempfile.mkdtemp(prefix="smroi-deploy-")),
                    environment=environment,
                    script="serve.py",
                )
            )
            for _ in range(2)
        )
        yield a, b


@pytest.fixture(scope="module")
def proxy(servers: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """deploy/Caddyfile run by Debian's Caddy on free ports in front of A and B; its URL."""
    if not CADDY.exists():
        if os.environ.get("CI") or os.environ.get("SMROI_REQUIRE_BROWSER") == "1":
            pytest.fail("Caddy is missing at /usr/bin/caddy, and CI must test deploy/.")
        pytest.skip("Caddy is not installed (apt-get install caddy): proxy test skipped.")
    home = tmp_path_factory.mktemp("caddy")
    https_port = free_port()
    upstreams = " ".join(url.removeprefix("http://") for url in servers)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "SMROI_HTTP_PORT": str(free_port()),
        "SMROI_HTTPS_PORT": str(https_port),
        "SMROI_SITE_ADDRESS": f"localhost:{https_port}",
        "SMROI_TLS": "internal",
        "SMROI_STICKY_SECRET": "a-test-secret",
        "SMROI_UPSTREAMS": upstreams,
    }
    log = (home / "caddy.log").open("w+")
    command = [str(CADDY), "run", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"]
    process = subprocess.Popen(command, cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"https://localhost:{https_port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = _get(url + "/_stcore/health")
                if response.status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"caddy did not start:\n{log.read()[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(home, ignore_errors=True)


def _insecure() -> ssl.SSLContext:
    """TLS that does not check Caddy's own certificate (a local CA)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _get(url: str, cookie: str | None = None) -> http.client.HTTPResponse:
    """GET without following redirects or checking Caddy's own certificate."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    response = urllib.request.urlopen(request, timeout=5, context=_insecure())
    response.read()
    return response  # type: ignore[no-any-return]


def failed_tries(database: str, title: str) -> int:
    """The report's count of wrong passwords in the shared database."""
    engine = sa.create_engine(database)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT failed_tries FROM shared_reports WHERE title = :title")
            return int(connection.execute(query, {"title": title}).scalar_one())
    finally:
        engine.dispose()


def wait_for_tries(database: str, title: str, count: int) -> None:
    deadline = time.monotonic() + 30
    while (now := failed_tries(database, title)) != count:
        assert time.monotonic() < deadline, f"{now} wrong tries, not {count}"
        time.sleep(0.1)


def on(server: str, link: str) -> str:
    """The same link on another server (its query string, that server's address)."""
    return server + "/?" + link.split("?", 1)[1]


@pytest.mark.browser
def test_a_link_made_on_one_server_opens_is_throttled_and_revoked_on_the_other(  # type: ignore[no-untyped-def]
    browser, servers: tuple[str, str], database: str
) -> None:
    a, b = servers
    owner_a = new_page(browser, a)
    roi = kpi(owner_a, "ROI")
    link = make_link(owner_a, "Made on A", password=PASSWORD)
    assert link.startswith(a + "/?report=")

    # made on A, opens on B
    viewer_b = new_page(browser, on(b, link), False)
    wait_for_text(viewer_b, "This report is protected")
    try_password(viewer_b, PASSWORD)
    viewer_b.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    assert kpi(viewer_b, "ROI") == roi
    wait_for_text(viewer_b, "Made on A")

    # five wrong passwords on A make the sixth try wait on B
    guesser_a = new_page(browser, link, False)
    wait_for_text(guesser_a, "This report is protected")
    for n in range(5):
        try_password(guesser_a, f"wrong guess {n}")
        wait_for_tries(database, "Made on A", n + 1)
        settle(guesser_a)
    sixth_b = new_page(browser, on(b, link), False)
    wait_for_text(sixth_b, "This report is protected")
    try_password(sixth_b, PASSWORD)  # the right one, but too soon
    wait_for_text(sixth_b, "Too many wrong passwords: try again in 1 minute.")
    assert sixth_b.locator("[data-testid=stMetric]").count() == 0
    assert failed_tries(database, "Made on A") == 5

    # made on B and opened on A; revoked on B, no longer valid on A
    owner_b = new_page(browser, b)
    link_b = make_link(owner_b, "Revoked on B")
    viewer_a = new_page(browser, on(a, link_b))
    wait_for_text(viewer_a, "Revoked on B")
    owner_b.get_by_role("button", name="Revoke").first.click()
    owner_b.get_by_text("revoked or expired").first.wait_for(state="attached", timeout=30_000)
    again_a = new_page(browser, on(a, link_b), False)
    wait_for_text(again_a, "This report link is not valid")
    assert again_a.locator("[data-testid=stMetric]").count() == 0
    # the page already open on A turns at its next check (SMROI_LINK_CHECK_SECONDS=5)
    wait_for_text(viewer_a, "This report link is not valid")


def test_each_app_server_sends_the_security_headers(servers: tuple[str, str]) -> None:
    for server in servers:
        for path in ("/", "/_stcore/health"):
            response = _get(server + path)
            for name, value in security_headers().items():
                assert response.headers[name] == value, (server + path, name)


def test_the_proxy_sends_the_headers_and_keeps_a_browser_on_one_replica(
    proxy: str,
) -> None:
    first = _get(proxy + "/")
    for name, value in security_headers().items():
        assert first.headers.get_all(name) == [value], name  # once: Caddy's replaces the app's
    assert first.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Server" not in first.headers
    # a browser without the cookie is given one replica's; both replicas get browsers
    cookies = set()
    for _ in range(40):
        (replica,) = replica_cookies(_get(proxy + "/_stcore/health"))
        cookies.add(replica)
        if len(cookies) == 2:
            break
    assert len(cookies) == 2
    # with its cookie, a browser stays where it is (no new cookie: the same replica)
    for cookie in cookies:
        for _ in range(5):
            assert replica_cookies(_get(proxy + "/_stcore/health", cookie)) == []


def _fetch(
    url: str, headers: dict[str, str] | None = None
) -> tuple[http.client.HTTPResponse, bytes]:
    """A GET through the proxy: the response and its body as sent."""
    request = urllib.request.Request(url, headers=headers or {})
    response = urllib.request.urlopen(request, timeout=5, context=_insecure())
    return response, response.read()


def test_the_proxy_compresses_the_apps_scripts(proxy: str) -> None:
    """A first visit fetches Streamlit's scripts (about 4 MB, sent uncompressed by the app
    server): through the proxy a browser that accepts gzip gets them gzipped."""
    _, page = _fetch(proxy + "/")
    (script,) = re.findall(r'src="\.?/?(static/js/index\.[^"]+\.js)"', page.decode())
    plain, body = _fetch(f"{proxy}/{script}")
    assert plain.headers["Content-Encoding"] is None
    packed, packed_body = _fetch(f"{proxy}/{script}", {"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed_body) == body
    assert len(packed_body) < len(body) / 2


def replica_cookies(response: http.client.HTTPResponse) -> list[str]:
    """The sticky-session cookies (name=value) this response sets."""
    return [
        value.split(";")[0]
        for value in response.headers.get_all("Set-Cookie") or []
        if value.startswith("smroi_replica=")
    ]


@pytest.mark.browser
def test_the_app_works_through_the_proxy_under_its_policy(browser, proxy: str) -> None:  # type: ignore[no-untyped-def]
    """Chromium through Caddy: the websocket passes, the numbers and charts show, and the
    Content-Security-Policy blocks nothing of the app's own (Streamlit's material-icon
    favicon from fonts.gstatic.com is the one thing it keeps out)."""
    context = browser.new_context(ignore_https_errors=True)
    page = context.new_page()
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(proxy + "/")
    page.wait_for_selector("[data-testid=stMetric]", timeout=60_000)
    page.wait_for_selector("[data-testid=stVegaLiteChart] canvas, svg.marks", timeout=30_000)
    settle(page)
    assert [text for text in blocked if "fonts.gstatic.com" not in text] == []
    assert any(cookie["name"] == "smroi_replica" for cookie in context.cookies())
    context.close()
