"""Several files together: one currency, and a warning when two cover the same days."""

from __future__ import annotations

from pathlib import Path

import pytest

from smroi import load_files
from smroi.cli import main

USD = (
    b"date,platform,Amount spent (USD),clicks\n2026-01-01,facebook,10,1\n2026-01-05,facebook,20,2\n"
)
SAME_DAYS = b"date,platform,spend,clicks\n2026-01-03,facebook,5,1\n"
OTHER_PLATFORM = b"date,platform,spend,clicks\n2026-01-03,linkedin,7,1\n"
NOK = b"date,platform,Amount spent (NOK),clicks\n2026-01-03,instagram,50,1\n"


def test_a_file_in_another_currency_is_refused_and_the_rest_kept() -> None:
    table, reports = load_files([("usd.csv", USD), ("nok.csv", NOK)])
    assert table["spend"].sum() == 30.0  # the NOK amount is not added to dollars
    refused = reports[1]
    assert refused.error == (
        "nok.csv: its amounts are in NOK, but usd.csv is in USD; amounts in two currencies "
        "cannot be added up, so it was left out. Choose NOK as the report's currency to see "
        "it instead."
    )
    assert (refused.rows_read, refused.rows_used) == (1, 0)


def test_two_files_over_the_same_days_are_warned_about() -> None:
    table, reports = load_files([("a.csv", USD), ("b.csv", SAME_DAYS), ("c.csv", OTHER_PLATFORM)])
    assert table["spend"].sum() == 10 + 20 + 5 + 7  # warned, not dropped
    assert reports[1].warnings == [
        "b.csv: its facebook rows (03 Jan 2026 – 03 Jan 2026) overlap those of a.csv; if "
        "both files hold the same ads or posts, they are counted twice."
    ]
    assert reports[2].warnings == []  # linkedin: no overlap with facebook


def test_analytics_and_an_ad_export_over_the_same_days_are_warned_about() -> None:
    analytics = (
        b"# Start date: 20260101\n# End date: 20260131\n"
        b"Session source,Sessions,Key events\nm.facebook.com,40,2\n"
    )
    _, reports = load_files([("ads.csv", USD), ("ga4.csv", analytics)])
    assert reports[1].warnings[-1] == (
        "ga4.csv: its facebook rows (01 Jan 2026 – 31 Jan 2026) overlap those of ads.csv; if "
        "both files hold the same visits and sales (one from Google Analytics, one from the "
        "platform), they are counted twice."
    )


def test_cli_refuses_to_add_two_currencies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "usd.csv").write_bytes(USD)
    (tmp_path / "nok.csv").write_bytes(NOK)
    status = main(["summary", str(tmp_path / "usd.csv"), str(tmp_path / "nok.csv")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "two currencies cannot be added up" in err


def test_cli_reads_files_with_the_settings_column_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    (tmp_path / "shop.csv").write_text(
        "day,network,Kostnad (kr),clicks\n2026-02-01,facebook,120,4\n2026-02-02,facebook,80,6\n"
    )
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {
                "currency": "NOK",
                "column_map": {"Kostnad (kr)": "spend", "network": "platform", "clicks": ""},
            }
        )
    )
    status = main(
        [
            "summary",
            str(tmp_path / "shop.csv"),
            "--settings",
            str(tmp_path / "settings.json"),
            "--json",
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert status == 0
    assert result["totals"]["spend"] == 200.0
    assert result["totals"]["clicks"] is None  # left out on purpose: not reported, not 0
    assert set(result["by_platform"]) == {"facebook"}
