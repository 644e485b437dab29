"""What a share link's viewer gets, page by page, in AppTest: no uploads, nothing that
changes the data, the link kept in the address, and a link that stops working at once.

The browser tests (tests/test_browser_share_view.py) show the same in Chromium, with
Streamlit's own page changes, reloads and the check that runs while the page is idle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smroi import read_file
from smroi.errors import SmroiError
from smroi.settings import Settings
from smroi.store import ReportStore
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
SAMPLE = ROOT / "sample_data" / "social_media_sample.csv"
PAGES = [
    "pages/overview.py",
    "pages/cost_per_result.py",
    "pages/goals.py",
    "pages/funnel.py",
    "pages/earned_media.py",
    "pages/tracking.py",
    "pages/attribution.py",
    "pages/data.py",
    "pages/business.py",
]


@pytest.fixture
def token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A report shared from the sample data, in this test's own store."""
    from ui.share import report_store

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    report_store.clear()
    table, report = read_file(SAMPLE.name, SAMPLE.read_bytes())
    try:
        yield ReportStore().save(table, Settings(), title="June for the boss", reports=[report])
    finally:
        report_store.clear()


def open_link(token: str, lang: str | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["report"] = token
    if lang:
        app.query_params["lang"] = lang
    app.run()
    assert not app.exception, app.exception
    return app


def change_page(app: AppTest, page: str) -> None:
    """As a click in the page menu does: Streamlit's browser side clears the query."""
    app.query_params.clear()
    app.switch_page(page).run()
    assert not app.exception, app.exception


@pytest.mark.parametrize(
    "page", ["pages/attribution.py", "pages/tracking.py", "pages/earned_media.py"]
)
def test_a_viewer_has_no_uploader_on_the_pages_that_had_one(token: str, page: str) -> None:
    app = open_link(token)
    change_page(app, page)
    assert app.get("file_uploader") == []
    assert app.sidebar.header[0].value == "June for the boss"


def test_a_viewer_can_edit_no_table_on_tracking_and_attribution(token: str) -> None:
    app = open_link(token)
    change_page(app, "pages/tracking.py")
    editors = [frame for frame in app.dataframe if frame.proto.editing_mode]
    assert len(editors) == 1 and editors[0].proto.disabled  # the link builder
    change_page(app, "pages/attribution.py")
    editors = [frame for frame in app.dataframe if frame.proto.editing_mode]
    assert len(editors) == 1 and editors[0].proto.disabled  # the survey's keyword rules
    notes = [caption.value for caption in app.caption]
    assert any("are not part of a shared report: it shows the samples." in n for n in notes)
    assert not any("upload your own above" in info.value for info in app.info)
    texts = [*notes, *(text.value for text in app.markdown)]
    assert not [text for text in texts if "upload" in text.lower()]  # nothing to upload with


def test_the_owner_still_uploads_on_those_pages() -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    uploads = {}
    for page in ("pages/attribution.py", "pages/tracking.py", "pages/earned_media.py"):
        app.switch_page(page).run()
        uploads[page] = len(app.get("file_uploader"))
    # the sidebar's data uploader, and the page's own
    assert uploads == {
        "pages/attribution.py": 1 + 4,
        "pages/tracking.py": 1 + 1,
        "pages/earned_media.py": 1 + 1,
    }


def test_every_page_puts_the_link_and_language_back_in_the_address(token: str) -> None:
    app = open_link(token, "nb")
    assert app.query_params == {"report": token, "lang": "nb"}
    for page in PAGES:
        change_page(app, page)
        assert app.query_params == {"report": token, "lang": "nb"}, page
        assert app.sidebar.header[0].value == "June for the boss", page
        assert app.get("file_uploader") == [], page
        # nothing to type into: the assumptions are a list, the filters text
        assert not app.sidebar.number_input and not app.sidebar.get("date_input"), page
        assert not app.sidebar.get("multiselect"), page


def test_a_viewer_reads_the_assumptions_as_a_short_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smroi import settings_from_dict
    from ui.share import report_store

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    report_store.clear()
    settings = settings_from_dict(
        {
            "objective": "leads",
            "costs": {"labour_hours_per_month": 10, "hourly_rate": 30, "tools_per_month": 50},
            "values": {"gross_margin_pct": 40, "value_per_lead": 25},
            "goals": [{"metric": "leads", "target": 100, "period": "month"}],
        }
    )
    table, report = read_file(SAMPLE.name, SAMPLE.read_bytes())
    try:
        token = ReportStore().save(table, settings, title="Costs", reports=[report])
        app = open_link(token)
        lists = [c.value for c in app.sidebar.caption if c.value.startswith("- ")]
        said = [text.replace("\\", "") for text in lists]
        # 10 h x $30 = $300 of labour and $50 of tools: $350 a month
        assert said == [
            "- Dates: 01 Jun 2026 – 28 Sep 2026\n- Platforms: facebook, instagram, linkedin, x",
            "- Objective: Leads\n"
            "- Costs besides ad spend: $350.00 a month (Labour (hours x hourly rate): $300.00; "
            "Tools and software: $50.00)\n"
            "- Gross margin: 40.0%\n"
            "- What a lead is worth to you (USD): $25.00\n"
            "- Goal: Leads a month, 100",
        ]
        change_page(app, "pages/business.py")  # the same list, and no box to type into
        assert said[1] in [m.value.replace("\\", "") for m in app.main.markdown]
        assert [box.key for box in app.selectbox] == ["ui.language"]
        assert not app.number_input and not app.get("file_uploader")
    finally:
        report_store.clear()


def test_a_revoke_shows_not_valid_at_the_next_run_and_keeps_the_viewer_out(
    token: str,
) -> None:
    app = open_link(token)
    assert app.metric
    ReportStore().revoke(token)
    change_page(app, "pages/cost_per_result.py")  # the address has no ?report= for a moment
    assert [title.value for title in app.title] == ["Report not available"]
    assert [error.value for error in app.error] == [
        "This report link is not valid (unknown, expired or revoked)."
    ]
    assert not app.metric and not app.get("file_uploader") and not app.sidebar.header
    assert app.query_params["report"] == token  # a reload shows this page again


def test_a_store_that_cannot_answer_shows_no_report_and_no_details(
    token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_link(token)
    assert app.metric

    def unreachable(self: ReportStore, token: str, **_: object) -> None:
        raise SmroiError("smroi cannot use the report database postgresql://admin:***@db/x")

    monkeypatch.setattr(ReportStore, "info", unreachable)
    app.run()
    assert not app.exception, app.exception
    assert [title.value for title in app.title] == ["Report not available"]
    assert [error.value for error in app.error] == [
        "This report cannot be shown just now. Try again later, or ask whoever sent you the "
        "link for a new one."
    ]
    assert not app.metric and not app.sidebar.header


def test_a_viewers_downloads_check_the_link_before_making_a_file(
    token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Excel and PDF reports and a chart's files are made by a function Streamlit calls when
    the button is clicked, outside the script run (the browser test clicks them); for a
    viewer that function asks the store first. Here the functions the app hands to its
    download buttons are kept and called as Streamlit would call them."""
    from ui import share

    handed: list[Callable[[], object]] = []
    original = share.on_demand

    def keep(make: Callable[[], object]) -> Callable[[], object]:
        handed.append(original(make))
        return handed[-1]

    monkeypatch.setattr(share, "on_demand", keep)
    open_link(token)
    assert len(handed) == 2 + 3 * 3  # the Excel and PDF reports; PNG, SVG, CSV of 3 charts
    assert handed[0]()[:2] == b"PK"  # type: ignore[index]  # valid: the workbook
    assert handed[1]()[:5] == b"%PDF-"  # type: ignore[index]  # and the PDF
    assert b"Return (USD)" in handed[-1]()  # type: ignore[operator]  # a chart's numbers
    ReportStore().revoke(token)
    for make in handed:
        with pytest.raises(SmroiError, match="not valid"):
            make()


def test_the_owners_downloads_are_made_without_a_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import share

    def no_store() -> None:
        raise AssertionError("the owner's downloads asked the report store")

    monkeypatch.setattr(share, "report_store", no_store)
    made = share.on_demand(lambda: b"file")
    assert made() == b"file"
