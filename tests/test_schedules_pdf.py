"""`smroi send-due` end to end with the real PDF (smroi.pdf): the sample data shared with
`smroi share`, scheduled, mailed through a real SMTP server (aiosmtpd); the attachment,
opened with pypdf, and the mail's verdict sentence hold the ROI and total cost that
`smroi summary` prints for the same file."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from smroi import store as store_module
from smroi.cli import main
from smroi.formatting import format_money, format_value
from smroi.schedules import create_schedule
from smroi.store import ReportStore, token_of
from tests.conftest import ROOT
from tests.smtp_server import Inbox, smtp_server
from tests.test_schedules import attachments, body

SAMPLE = ROOT / "sample_data" / "social_media_sample.csv"
SETTINGS = ROOT / "sample_data" / "settings.json"
BASE = "https://roi.example.com"


@pytest.fixture
def shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[tuple[Inbox, ReportStore, str, dict[str, float]]]:
    """The sample shared by `smroi share`, a mail server, and `smroi summary`'s totals."""
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    monkeypatch.setenv("SMROI_DATABASE_URL", url)
    monkeypatch.setenv("SMROI_BASE_URL", BASE)
    monkeypatch.setenv("SMROI_MAIL_FROM", "reports@example.com")
    assert main(["summary", str(SAMPLE), "--settings", str(SETTINGS), "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert main(["share", str(SAMPLE), "--settings", str(SETTINGS), "--title", "June"]) == 0
    token = token_of(capsys.readouterr().out.strip())
    with smtp_server() as (inbox, port):
        monkeypatch.setenv("SMROI_SMTP_URL", f"smtp://127.0.0.1:{port}")
        yield inbox, ReportStore(url), token, totals
    store_module._dispose_engine(url)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_mailed_pdf_and_verdict_hold_summarys_roi_and_cost(
    shared: tuple[Inbox, ReportStore, str, dict[str, float]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    inbox, store, token, totals = shared
    create_schedule(store, token, ["boss@example.com"], every="week")
    assert main(["send-due"]) == 0
    assert capsys.readouterr().out.endswith("smroi: sent 1 e-mail.\n")
    [got] = inbox.received
    roi, cost = format_value(totals["roi_pct"], "percent"), format_money(totals["cost"], "USD")
    verdict = body(got.message).split("\n\n")[0]
    assert roi in verdict and cost in verdict  # "162.9%", "$20,144.74"
    [pdf] = attachments(got.message)
    text = pdf_text(pdf.get_content())
    assert roi in text and cost in text
    assert f"{BASE}/?report={token}" in body(got.message)
    assert main(["send-due"]) == 0  # twice sends once
    assert len(inbox.received) == 1


def test_a_persian_schedule_mails_a_persian_pdf_and_verdict(
    shared: tuple[Inbox, ReportStore, str, dict[str, float]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    inbox, store, token, totals = shared
    create_schedule(store, token, ["boss@example.com"], every="month", lang="fa")
    assert main(["send-due"]) == 0
    [got] = inbox.received
    # the title an isolate (FSI … PDI), so that a Latin title keeps its place in Persian
    assert got.message["Subject"] == "\u2068June\u2069: گزارش این ماه"
    roi = format_value(totals["roi_pct"], "percent", lang="fa")  # Persian digits
    verdict = body(got.message).split("\n\n")[0]
    assert roi in verdict
    assert sum("\u0600" <= c <= "\u06ff" for c in verdict) > len(verdict) / 3  # in Persian
    [pdf] = attachments(got.message)
    assert roi in pdf_text(pdf.get_content())
