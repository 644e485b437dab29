"""`smroi report`: the PDF of files or of a saved report, its periods and its errors."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from smroi.cli import main
from smroi.cli_report import report_period
from smroi.formatting import format_money, format_value
from smroi.pdf import snapshot_verdict
from smroi.store import ReportStore, token_of

SAMPLE = Path("sample_data/social_media_sample.csv")
SETTINGS = Path("sample_data/settings.json")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_sample_report_holds_the_roi_and_cost_that_summary_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", str(SAMPLE), "--settings", str(SETTINGS), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"smroi: wrote {out}\n"
    assert main(["summary", str(SAMPLE), "--settings", str(SETTINGS), "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    text = pdf_text(out)
    assert format_value(totals["roi_pct"], "percent") in text  # "162.9%", as the app shows it
    assert format_money(totals["cost"], "USD") in text  # "$20,144.74"


def test_periods_are_whole_weeks_months_and_quarters_before_today() -> None:
    today = date(2026, 12, 6)  # a Sunday
    assert report_period("last-week", today) == (date(2026, 11, 23), date(2026, 11, 29))
    assert report_period("last-month", today) == (date(2026, 11, 1), date(2026, 11, 30))
    assert report_period("last-quarter", today) == (date(2026, 7, 1), date(2026, 9, 30))
    assert report_period("last-quarter", date(2026, 1, 5)) == (
        date(2025, 10, 1),
        date(2025, 12, 31),
    )
    assert report_period("2026-06-01..2026-06-30") == (date(2026, 6, 1), date(2026, 6, 30))


def test_last_week_keeps_only_last_weeks_rows(tmp_path: Path) -> None:
    monday = date.today() - timedelta(days=date.today().weekday() + 7)
    rows = [
        f"{monday + timedelta(days=2)},facebook,true,40,10,1000,1,100",  # last week
        f"{monday - timedelta(days=3)},facebook,true,1000,10,1000,1,5000",  # the week before
        f"{date.today()},facebook,true,2000,10,1000,1,7000",  # this week
    ]
    path = tmp_path / "ads.csv"
    path.write_text(
        "date,platform,paid,spend,clicks,impressions,conversions,revenue\n" + "\n".join(rows)
    )
    out = tmp_path / "week.pdf"
    assert main(["report", str(path), "--period", "last-week", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "$40.00" in text and "150.0%" in text  # (100 - 40) / 40
    assert "$1,000.00" not in text and "$2,000.00" not in text


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("2020-01-01..2020-01-31", "No rows in 2020-01-01..2020-01-31"),
        ("yesterday", "--period 'yesterday' is not a period"),
        ("2026-06-30..2026-06-01", "is not a period"),
    ],
)
def test_a_period_without_rows_or_not_a_period_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], period: str, words: str
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", str(SAMPLE), "--period", period, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("smroi: ") and words in err
    assert not out.exists()
    if period.startswith("2020"):
        assert "the files cover 01 Jun 2026 – 28 Sep 2026" in err


def test_shared_writes_a_saved_report_with_its_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMROI_DATABASE_URL", f"sqlite:///{tmp_path / 'r.sqlite'}")
    monkeypatch.delenv("SMROI_SHARE_PASSWORD", raising=False)
    assert main(["share", str(SAMPLE), "--settings", str(SETTINGS), "--title", "Q3 for Kari"]) == 0
    link = capsys.readouterr().out.strip()
    out = tmp_path / "shared.pdf"
    assert main(["report", "--shared", link, "--out", str(out)]) == 0
    text = pdf_text(out)
    assert text.startswith("Q3 for Kari\n")
    assert "162.9%" in text and "$20,144.74" in text
    assert link in text  # every page's foot links the live report
    # the sentence a mail's body gives: the sample's figures, as the Overview's box
    snapshot = ReportStore().open(token_of(link))
    assert snapshot_verdict(snapshot).startswith(
        "Social media cost you $20,144.74 and brought in $52,958.56. It paid for itself: "
        "a profit of $32,813.82, an ROI of 162.9%."
    )
    assert "۱۶۲٫۹٪" in snapshot_verdict(snapshot, lang="fa")
    assert main(["report", "--shared", "no-such-token", "--out", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_protected_saved_report_opens_with_its_password_and_refuses_a_wrong_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMROI_DATABASE_URL", f"sqlite:///{tmp_path / 'r.sqlite'}")
    monkeypatch.setenv("SMROI_SHARE_PASSWORD", "correct horse battery")
    assert main(["share", str(SAMPLE), "--title", "Locked"]) == 0
    link = capsys.readouterr().out.strip()
    out = tmp_path / "locked.pdf"
    assert main(["report", "--shared", link, "--out", str(out)]) == 0
    assert pdf_text(out).startswith("Locked\n")
    monkeypatch.setenv("SMROI_SHARE_PASSWORD", "wrong horse battery")
    out.unlink()
    assert main(["report", "--shared", link, "--out", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 1 and not out.exists()
    assert main(["report", "--shared", link, "--password", "on-the-line", "--out", str(out)]) == 2
    assert "does not take a password on the command line" in capsys.readouterr().err
