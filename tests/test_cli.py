"""The `smroi` command line (docs/DESIGN.md, "The CLI contract").

Expected numbers are worked out by hand from tests/fixtures/canonical_small.csv and
tests/fixtures/settings_small.json (docs/METRICS.md), written as arithmetic on the
fixture's numbers.

The fixture, per platform (paid rows marked *):
  facebook  *fb-ad-1  spend 100.00 impr 20000 clicks 400 eng  600 leads 10 conv 4 revenue 240
            *fb-ad-2  spend  50.50 impr  8000 clicks 150 eng  200 leads  4 conv 2 revenue (blank)
             fb-post-1 spend  0    impr  5000 clicks  60 eng  300 leads  1 conv 0 revenue 0
  instagram *ig-reel-1 spend 75.25 impr 15000 clicks 300 eng  900 leads  6 conv 3 revenue 180
             ig-post-1 spend  0    impr 12000 clicks  90 eng 1100 leads  2 conv 1 revenue 45
            *ig-ad-2  spend 30.00 impr  4000 clicks  70 eng  150 leads  1 conv 1 revenue 60
  linkedin   li-post-1 spend  0    impr  6000 clicks  80 eng  120 leads 12 conv 1 revenue 500
             li-post-2 spend  0    impr  3000 clicks  20 eng   60 leads  0 conv 0 revenue 0
Dates 2024-03-01 .. 2024-03-30 (30 days). Settings: labour 10 h x 30 + tools 50 = 350 a
month; value per lead 20; average order value 60; EMV rates default cpm 5, cpc 0.5,
cpe 0.1 and facebook cpm 8, cpc 1, cpe 0.2; EMV not in ROI; lead value automatic.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from openpyxl import Workbook

import smroi
from smroi import DIMENSIONS, Costs, Settings
from smroi.cli import main, summarise
from tests.conftest import REALDATA, ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_CSV = FIXTURES / "canonical_small.csv"
SMALL_XLSX = FIXTURES / "canonical_small.xlsx"
SETTINGS = FIXTURES / "settings_small.json"

METRIC_KEYS = {
    "spend",
    "impressions",
    "clicks",
    "engagements",
    "leads",
    "conversions",
    "revenue",
    "fixed_cost",
    "cost",
    "return",
    "profit",
    "roi_pct",
    "roas",
    "ctr",
    "cpc",
    "cpm",
    "cpe",
    "cpl",
    "cpa",
    "emv",
    "gross_profit",
    "gross_margin_pct",
    "break_even_roas",
    "break_even_cpa",
}
COUNT_KEYS = ("impressions", "clicks", "engagements", "leads", "conversions")
TOP_KEYS = {
    "rows_read",
    "rows_used",
    "warnings",
    "currency",
    "period",
    "totals",
    "by_platform",
    "intervals",
}

MONTHS = 30 / (365.25 / 12)  # 2024-03-01 .. 2024-03-30 inclusive
FIXED = (10 * 30 + 50) * MONTHS  # labour + tools per month, for the months covered
SPEND = 100.00 + 50.50 + 75.25 + 30.00
FB_SPEND = 100.00 + 50.50
IG_SPEND = 75.25 + 30.00

# Sales value = revenue where the cell has one, else conversions x average order value
# (fb-ad-2: 2 x 60). Lead value only counts on rows without revenue (fb-ad-2: 4 x 20).
FB_RETURN = (240 + 2 * 60 + 0) + 4 * 20
IG_RETURN = 180 + 45 + 60
LI_RETURN = 500 + 0
TOTAL_RETURN = FB_RETURN + IG_RETURN + LI_RETURN

EXPECTED_TOTALS = {
    "spend": SPEND,
    "impressions": 20000 + 8000 + 5000 + 15000 + 12000 + 4000 + 6000 + 3000,
    "clicks": 400 + 150 + 60 + 300 + 90 + 70 + 80 + 20,
    "engagements": 600 + 200 + 300 + 900 + 1100 + 150 + 120 + 60,
    "leads": 10 + 4 + 1 + 6 + 2 + 1 + 12 + 0,
    "conversions": 4 + 2 + 0 + 3 + 1 + 1 + 1 + 0,
    "revenue": 240 + 0 + 180 + 45 + 60 + 500 + 0,
    "fixed_cost": FIXED,
    "cost": SPEND + FIXED,
    "return": TOTAL_RETURN,
    "profit": TOTAL_RETURN - (SPEND + FIXED),
    "roi_pct": (TOTAL_RETURN - (SPEND + FIXED)) / (SPEND + FIXED) * 100,
    # paid rows only: sales value 240 + 2 x 60 + 180 + 60 over paid spend
    "roas": (240 + 2 * 60 + 180 + 60) / SPEND,
    "ctr": 1170 / 73000,
    "cpc": SPEND / (400 + 150 + 300 + 70),
    "cpm": SPEND / (20000 + 8000 + 15000 + 4000) * 1000,
    "cpe": SPEND / (600 + 200 + 900 + 150),
    "cpl": SPEND / (10 + 4 + 6 + 1),
    "cpa": SPEND / (4 + 2 + 3 + 1),
    # organic rows: fb-post-1 at facebook's rates, the rest at the default rates
    "emv": (5 * 8 + 60 * 1 + 300 * 0.2)
    + (12 * 5 + 90 * 0.5 + 1100 * 0.1)
    + (6 * 5 + 80 * 0.5 + 120 * 0.1)
    + (3 * 5 + 20 * 0.5 + 60 * 0.1),
}

# Monthly costs for all platforms are shared by each platform's share of spend.
FB_FIXED = FIXED * FB_SPEND / SPEND
IG_FIXED = FIXED * IG_SPEND / SPEND
EXPECTED_BY_PLATFORM = {
    "facebook": {
        "spend": FB_SPEND,
        "impressions": 20000 + 8000 + 5000,
        "clicks": 400 + 150 + 60,
        "engagements": 600 + 200 + 300,
        "leads": 10 + 4 + 1,
        "conversions": 4 + 2 + 0,
        "revenue": 240 + 0,
        "fixed_cost": FB_FIXED,
        "cost": FB_SPEND + FB_FIXED,
        "return": FB_RETURN,
        "profit": FB_RETURN - (FB_SPEND + FB_FIXED),
        "roi_pct": (FB_RETURN - (FB_SPEND + FB_FIXED)) / (FB_SPEND + FB_FIXED) * 100,
        "roas": (240 + 2 * 60) / FB_SPEND,
        "ctr": 610 / 33000,
        "cpc": FB_SPEND / (400 + 150),
        "cpm": FB_SPEND / (20000 + 8000) * 1000,
        "cpe": FB_SPEND / (600 + 200),
        "cpl": FB_SPEND / (10 + 4),
        "cpa": FB_SPEND / (4 + 2),
        "emv": 5 * 8 + 60 * 1 + 300 * 0.2,
    },
    "instagram": {
        "spend": IG_SPEND,
        "impressions": 15000 + 12000 + 4000,
        "clicks": 300 + 90 + 70,
        "engagements": 900 + 1100 + 150,
        "leads": 6 + 2 + 1,
        "conversions": 3 + 1 + 1,
        "revenue": 180 + 45 + 60,
        "fixed_cost": IG_FIXED,
        "cost": IG_SPEND + IG_FIXED,
        "return": IG_RETURN,
        "profit": IG_RETURN - (IG_SPEND + IG_FIXED),
        "roi_pct": (IG_RETURN - (IG_SPEND + IG_FIXED)) / (IG_SPEND + IG_FIXED) * 100,
        "roas": (180 + 60) / IG_SPEND,
        "ctr": 460 / 31000,
        "cpc": IG_SPEND / (300 + 70),
        "cpm": IG_SPEND / (15000 + 4000) * 1000,
        "cpe": IG_SPEND / (900 + 150),
        "cpl": IG_SPEND / (6 + 1),
        "cpa": IG_SPEND / (3 + 1),
        "emv": 12 * 5 + 90 * 0.5 + 1100 * 0.1,
    },
    # organic only: no spend, so no share of the fixed costs, and every paid ratio
    # (and ROI over a cost of 0) is undefined
    "linkedin": {
        "spend": 0.0,
        "impressions": 6000 + 3000,
        "clicks": 80 + 20,
        "engagements": 120 + 60,
        "leads": 12 + 0,
        "conversions": 1 + 0,
        "revenue": 500 + 0,
        "fixed_cost": 0.0,
        "cost": 0.0,
        "return": LI_RETURN,
        "profit": LI_RETURN,
        "roi_pct": None,
        "roas": None,
        "ctr": 100 / 9000,
        "cpc": None,
        "cpm": None,
        "cpe": None,
        "cpl": None,
        "cpa": None,
        "emv": 6 * 5 + 80 * 0.5 + 120 * 0.1 + 3 * 5 + 20 * 0.5 + 60 * 0.1,
    },
}


# The settings give no gross margin and the file no cost of goods: gross profit and the
# break-even figures are undefined (docs/METRICS.md 4a).
NO_MARGIN = {
    "gross_profit": None,
    "gross_margin_pct": None,
    "break_even_roas": None,
    "break_even_cpa": None,
}
for _expected in (EXPECTED_TOTALS, *EXPECTED_BY_PLATFORM.values()):
    _expected.update(NO_MARGIN)


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


def summary_json(capsys: pytest.CaptureFixture[str], *args: object) -> dict:
    status, out, err = run(capsys, "summary", *args, "--json")
    assert status == 0, err
    assert err == ""
    return json.loads(out)


def assert_metrics(actual: dict, expected: dict) -> None:
    assert set(actual) == METRIC_KEYS
    for key, value in expected.items():
        if value is None:
            assert actual[key] is None, key
        else:
            assert actual[key] == pytest.approx(value, rel=1e-12), key


def test_summary_json_has_the_contract_keys_and_hand_computed_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = summary_json(capsys, SMALL_CSV, "--settings", SETTINGS)
    assert set(result) == TOP_KEYS
    assert result["rows_read"] == 8
    assert result["rows_used"] == 8
    # sales value 240 + 2 x 60 + 180 + 45 + 60 + 500 counts in full: no margin is set
    assert result["warnings"] == [
        f"{SMALL_CSV}: 1 of 8 rows leaves revenue blank, so it counts as not reported there, "
        "not as 0.",
        "ROI, profit and return count $1,145.00 of sales at their full value, before the cost "
        "of goods: set values.gross_margin_pct in the settings to count the gross profit "
        "instead.",
    ]
    assert result["currency"] == "USD"
    assert result["period"] == {"start": "2024-03-01", "end": "2024-03-30"}

    assert set(EXPECTED_TOTALS) == METRIC_KEYS
    assert_metrics(result["totals"], EXPECTED_TOTALS)
    # spot checks of the arithmetic above, as plain numbers
    assert result["totals"]["spend"] == pytest.approx(255.75)
    assert result["totals"]["fixed_cost"] == pytest.approx(344.969199, rel=1e-6)
    assert result["totals"]["emv"] == pytest.approx(488.0)

    assert set(result["by_platform"]) == {"facebook", "instagram", "linkedin"}
    for platform, expected in EXPECTED_BY_PLATFORM.items():
        assert set(expected) == METRIC_KEYS
        assert_metrics(result["by_platform"][platform], expected)


def test_summary_json_counts_are_integers(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary_json(capsys, SMALL_CSV, "--settings", SETTINGS)
    for key in COUNT_KEYS:
        assert type(result["totals"][key]) is int, key
        for platform, values in result["by_platform"].items():
            assert type(values[key]) is int, (platform, key)


def test_platform_sums_add_up_to_the_totals(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary_json(capsys, SMALL_CSV, "--settings", SETTINGS)
    for key in ("spend", "clicks", "revenue", "fixed_cost", "cost", "return", "profit", "emv"):
        parts = sum(values[key] for values in result["by_platform"].values())
        assert parts == pytest.approx(result["totals"][key], rel=1e-12), key


def test_summary_of_the_xlsx_twin_gives_the_same_numbers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = summary_json(capsys, SMALL_XLSX, "--settings", SETTINGS)
    assert result["rows_read"] == 8
    assert result["rows_used"] == 8
    assert_metrics(result["totals"], EXPECTED_TOTALS)
    for platform, expected in EXPECTED_BY_PLATFORM.items():
        assert_metrics(result["by_platform"][platform], expected)


def test_summary_without_settings_uses_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary_json(capsys, SMALL_CSV)
    totals = result["totals"]
    assert result["currency"] == "USD"
    # no monthly costs, values of 0: return is the tracked revenue alone
    assert totals["fixed_cost"] == 0
    assert totals["cost"] == pytest.approx(255.75)
    assert totals["return"] == pytest.approx(1025.0)
    assert totals["roi_pct"] == pytest.approx((1025.0 - 255.75) / 255.75 * 100)
    # default EMV rates: cpm 7, cpc 1, cpe 0 on the organic rows
    assert totals["emv"] == pytest.approx(
        (5000 + 12000 + 6000 + 3000) / 1000 * 7 + (60 + 90 + 80 + 20) * 1
    )


def test_summary_of_two_files_adds_them_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    extra = tmp_path / "tiktok.csv"
    extra.write_text(
        "date,platform,paid,spend,clicks,impressions\n2024-03-31,tiktok,true,20,40,2000\n"
    )
    result = summary_json(capsys, SMALL_CSV, extra, "--settings", SETTINGS)
    assert result["rows_read"] == 9
    assert result["rows_used"] == 9
    assert result["period"] == {"start": "2024-03-01", "end": "2024-03-31"}
    fixed = 350 * 31 / (365.25 / 12)
    assert result["totals"]["spend"] == pytest.approx(255.75 + 20)
    assert result["totals"]["clicks"] == 1170 + 40
    assert result["totals"]["fixed_cost"] == pytest.approx(fixed, rel=1e-12)
    assert result["by_platform"]["tiktok"]["fixed_cost"] == pytest.approx(
        fixed * 20 / (255.75 + 20), rel=1e-12
    )
    assert result["by_platform"]["tiktok"]["cpc"] == pytest.approx(20 / 40)


def test_summary_table_is_readable_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "summary", SMALL_CSV, "--settings", SETTINGS)
    assert status == 0
    assert err == ""
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)
    lines = out.splitlines()
    assert lines[0] == "rows read 8, used 8; period 2024-03-01 to 2024-03-30; currency USD"

    def line(label: str) -> str:
        found = [text for text in lines if text.startswith(label + " ")]
        assert len(found) == 1, (label, out)
        return found[0]

    assert line("Ad spend").split()[-1] == "$255.75"
    assert line("Clicks").split()[-1] == "1,170"
    assert line("Impressions").split()[-1] == "73,000"
    # 255.75 + 350 x 30 / 30.4375 = 600.7192
    assert line("Total cost").split()[-1] == "$600.72"
    assert line("Return").split()[-1] == "$1,225.00"
    # (1225 - 600.7192) / 600.7192 = 103.92 %
    assert line("ROI").split()[-1] == "103.9%"
    # 255.75 / (10 + 4 + 6 + 1) = 12.18
    assert line("Cost per lead").split()[-1] == "$12.18"
    assert line("Gross profit from sales").split()[-1] == "—"  # no margin set
    assert out.count("\n- ") == 2  # the blank revenue cell and sales at full value


def test_undefined_totals_show_a_dash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    organic = tmp_path / "organic.csv"
    organic.write_text("date,platform,impressions,clicks\n2024-03-01,instagram,1000,0\n")
    status, out, _ = run(capsys, "summary", organic)
    assert status == 0
    cpc = [text for text in out.splitlines() if text.startswith("CPC ")]
    assert cpc and cpc[0].split()[-1] == "\u2014"

    result = summary_json(capsys, organic)
    assert result["totals"]["cpc"] is None
    assert result["totals"]["roas"] is None
    assert result["totals"]["roi_pct"] is None
    assert result["totals"]["ctr"] == 0


def test_warnings_include_excluded_rows_and_other_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    messy = tmp_path / "messy.csv"
    messy.write_text(
        "date,Amount spent (EUR),clicks,Notes\n"  # row 1
        "2024-03-01,10,5,ok\n"  # row 2
        "2024-03-02,3,abc,bad clicks\n"  # row 3
        "someday,4,6,bad date\n"  # row 4
        ",,,\n"  # row 5
        "2024-03-05,2,1,ok\n"  # row 6
    )
    result = summary_json(capsys, messy, "--settings", SETTINGS)
    assert result["rows_read"] == 5
    assert result["rows_used"] == 2
    assert result["totals"]["spend"] == pytest.approx(12.0)
    assert result["totals"]["clicks"] == 6
    assert result["period"] == {"start": "2024-03-01", "end": "2024-03-05"}
    warnings = result["warnings"]
    assert all(isinstance(text, str) for text in warnings)
    name = str(messy)

    def warning_with(*parts: str) -> str:
        found = [text for text in warnings if all(part in text for part in parts)]
        assert len(found) == 1, (parts, warnings)
        return found[0]

    warning_with(name, "row 3", "clicks")
    warning_with(name, "row 4", "date")
    warning_with(name, "row 5", "no numbers")
    warning_with(name, "Notes")  # a column that was not used
    # no platform column, but "Amount spent (EUR)" is Meta Ads Manager's header
    assert set(result["by_platform"]) == {"facebook"}
    warning_with(name, "EUR", "USD")  # the file's currency is not the settings'

    status, out, _ = run(capsys, "summary", messy, "--settings", SETTINGS)
    assert status == 0
    assert "Warnings:" in out
    assert "row 3" in out


def test_summary_json_is_strict_json_even_for_a_cell_reading_inf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    odd = tmp_path / "odd.csv"
    odd.write_text("platform,spend,clicks\nfacebook,inf,3\nfacebook,5,2\n")
    status, out, err = run(capsys, "summary", odd, "--json")
    assert status in (0, 2)
    if status == 2:
        assert_one_line_naming(err, str(odd))
        return

    def no_constants(word: str) -> None:
        raise AssertionError(f"{word} is not JSON")

    result = json.loads(out, parse_constant=no_constants)
    assert result["rows_read"] == 2
    assert result["totals"]["spend"] in (5.0, None)


# ---------------------------------------------------------------- bad input: exit 2


def corrupt_xlsx(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"not really a workbook" * 10)
    return path


def not_a_workbook_zip(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    path.write_bytes(buffer.getvalue())
    return path


def ragged_csv(path: Path) -> Path:
    path.write_text("platform,clicks\nfacebook,1\nfacebook,2,3,4\nfacebook,5,6\n")
    return path


def random_binary(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 8)
    return path


def no_measures(path: Path) -> Path:
    path.write_text("name,notes\nAlice,hello\n")
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def assert_one_line_naming(err: str, name: str) -> None:
    assert err.endswith("\n")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert name in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("filename", "make", "problem"),
    [
        pytest.param("missing.csv", None, "cannot read", id="missing-file"),
        pytest.param("report.xlsx", corrupt_xlsx, "damaged", id="corrupt-xlsx"),
        pytest.param("archive.xlsx", not_a_workbook_zip, "not an Excel", id="zip-not-workbook"),
        pytest.param("ragged.csv", ragged_csv, "more cells than the column", id="ragged-csv"),
        pytest.param("noise.csv", random_binary, "not a spreadsheet", id="binary"),
        pytest.param("notes.csv", no_measures, "none of its columns", id="no-measures"),
        pytest.param("empty.csv", empty_file, "empty", id="empty-file"),
    ],
)
def test_bad_data_file_exits_2_with_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, filename: str, make, problem: str
) -> None:
    path = tmp_path / filename
    if make is not None:
        make(path)
    status, out, err = run(capsys, "summary", path, "--json")
    assert status == 2
    assert out == ""
    assert_one_line_naming(err, str(path))
    assert problem in err


def test_a_bad_file_among_good_ones_still_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = corrupt_xlsx(tmp_path / "broken.xlsx")
    status, out, err = run(capsys, "summary", SMALL_CSV, broken, "--settings", SETTINGS)
    assert status == 2
    assert out == ""
    assert_one_line_naming(err, str(broken))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param(
            '{"currency": "USD", "budget": 5}', "unknown setting 'budget'", id="unknown-key"
        ),
        pytest.param(
            '{"costs": {"tools_per_month": 5, "coffee": 2}}',
            "costs.coffee",
            id="unknown-nested-key",
        ),
        pytest.param('{"currency": "USD",', "not valid JSON", id="not-json"),
        pytest.param("currency = USD\n", "not valid JSON", id="not-json-at-all"),
        pytest.param('{"costs": {"tools_per_month": -5}}', "negative", id="negative-cost"),
    ],
)
def test_bad_settings_file_exits_2_with_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, problem: str
) -> None:
    settings = tmp_path / "my-settings.json"
    settings.write_text(text)
    status, out, err = run(capsys, "summary", SMALL_CSV, "--settings", settings, "--json")
    assert status == 2
    assert out == ""
    assert_one_line_naming(err, str(settings))
    assert problem in err


def test_missing_settings_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    settings = tmp_path / "nowhere.json"
    status, out, err = run(capsys, "summary", SMALL_CSV, "--settings", settings)
    assert status == 2
    assert out == ""
    assert_one_line_naming(err, str(settings))


def test_workbook_with_dates_typed_as_numbers_gives_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Dates in a "General"-formatted column are Excel serial numbers (45352 = 2024-03-01).
    book = Workbook()
    sheet = book.active
    sheet.append(["date", "platform", "spend", "clicks"])
    sheet.append([45352, "facebook", 10, 5])
    sheet.append([45353, "facebook", 20, 7])
    path = tmp_path / "serial.xlsx"
    book.save(path)
    status, out, err = run(capsys, "summary", path, "--json")
    assert status in (0, 2)
    assert "Traceback" not in err
    if status == 0:
        result = json.loads(out)
        assert result["rows_read"] == 2
        assert result["period"]["start"] in (None, "2024-03-01")
    else:
        assert_one_line_naming(err, str(path))


def test_sheet_option_reads_the_sheet_the_user_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    book = Workbook()
    by_day = book.active
    by_day.title = "By day"
    by_day.append(["date", "platform", "spend", "clicks"])
    by_day.append(["2026-03-01", "facebook", 10, 5])
    by_day.append(["2026-03-02", "facebook", 20, 7])
    april = book.create_sheet("April")
    april.append(["date", "platform", "spend", "clicks"])
    april.append(["2026-04-01", "linkedin", 99.5, 3])
    path = tmp_path / "two sheets.xlsx"
    book.save(path)
    assert summary_json(capsys, path)["totals"]["spend"] == 30.0  # the first best sheet
    chosen = summary_json(capsys, path, "--sheet", "April")
    assert chosen["totals"]["spend"] == 99.5
    assert list(chosen["by_platform"]) == ["linkedin"]
    status, out, err = run(capsys, "summary", path, "--sheet", "Mai")
    assert (status, out) == (2, "")
    assert_one_line_naming(err, str(path))
    assert "has no sheet 'Mai' (it has By day, April)" in err


# ---------------------------------------------------------------- the installed script


def smroi_script() -> str:
    script = Path(sys.executable).parent / "smroi"
    assert script.exists(), f"the smroi console script is not installed next to {sys.executable}"
    return str(script)


def test_console_script_prints_the_summary_json() -> None:
    done = subprocess.run(
        [smroi_script(), "summary", str(SMALL_CSV), "--settings", str(SETTINGS), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == TOP_KEYS
    assert result["rows_used"] == 8
    assert_metrics(result["totals"], EXPECTED_TOTALS)


def test_console_script_exits_2_on_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.csv"
    done = subprocess.run(
        [smroi_script(), "summary", str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert_one_line_naming(done.stderr, str(missing))


def test_export_writes_the_workbook_with_the_summary_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    status, printed, err = run(capsys, "export", SMALL_CSV, "--settings", SETTINGS, "--out", out)
    assert (status, err) == (0, "")
    assert printed.strip() == f"smroi: wrote {out}"
    totals = summary_json(capsys, SMALL_CSV, "--settings", SETTINGS)["totals"]
    summary = load_workbook(out)["Summary"]
    values = {row[0].value: row[1].value for row in summary.iter_rows(max_col=2) if row[0].value}
    assert values["Ad spend"] == pytest.approx(totals["spend"])
    assert values["Total cost"] == pytest.approx(totals["cost"])
    assert values["ROI"] == pytest.approx(totals["roi_pct"] / 100)  # Excel's 100% is 1.0


def test_export_to_a_folder_that_does_not_exist_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "no such folder" / "report.xlsx"
    status, printed, err = run(capsys, "export", SMALL_CSV, "--out", out)
    assert (status, printed) == (2, "")
    assert_one_line_naming(err, str(out))


def test_share_prints_a_link_that_opens_the_report_and_revoke_stops_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from smroi.store import ReportNotAvailable, ReportStore

    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    monkeypatch.setenv("SMROI_BASE_URL", "https://roi.example.com/")
    status, printed, err = run(
        capsys, "share", SMALL_CSV, "--title", "Q2 for Kari", "--expires-days", "7"
    )
    assert (status, err) == (0, "")
    link = printed.strip()
    assert link.startswith("https://roi.example.com/?report=")
    token = link.split("=", 1)[1]
    snapshot = ReportStore().open(token)
    assert snapshot.info.title == "Q2 for Kari"
    assert snapshot.table["spend"].sum() == pytest.approx(
        summary_json(capsys, SMALL_CSV)["totals"]["spend"]
    )
    assert token[0] != "-"  # a command line would take it for an option
    assert run(capsys, "revoke", link)[:2] == (0, "smroi: the link no longer works.\n")
    with pytest.raises(ReportNotAvailable):
        ReportStore().open(token)
    status, printed, err = run(capsys, "revoke", token)
    assert (status, printed) == (2, "")
    assert err == "smroi: no such link, or it was already revoked.\n"


# ---------------------------------------------------------------- --by, --period and goals

GROUP_KEYS = ("platform", "campaign", "element", "paid", *DIMENSIONS)
DAYS_PER_MONTH = 365.25 / 12


def test_summary_by_platform_gives_the_by_platform_numbers_as_a_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = summary_json(capsys, SMALL_CSV, "--settings", SETTINGS, "--by", "platform")
    assert set(result) == TOP_KEYS | {"groups"}
    assert [group["platform"] for group in result["groups"]] == [
        "facebook",
        "instagram",
        "linkedin",
    ]
    for group in result["groups"]:
        platform = group.pop("platform")
        assert_metrics(group, EXPECTED_BY_PLATFORM[platform])
        assert group == result["by_platform"][platform]


AGE_GENDER_CSV = (
    "date,platform,paid,spend,clicks,leads,conversions,age,gender\n"
    "2026-04-01,facebook,true,10,100,2,1,18-24,female\n"
    "2026-04-02,facebook,true,20,50,1,0,18-24,male\n"
    "2026-04-03,instagram,true,30,60,3,1,18-24,female\n"
    "2026-04-04,instagram,false,,40,1,0,25-34,female\n"
    "2026-04-05,facebook,true,40,30,0,0,,male\n"
)


def test_summary_by_age_and_gender(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "audience.csv"
    data.write_text(AGE_GENDER_CSV)
    settings = tmp_path / "settings.json"
    settings.write_text('{"costs": {"tools_per_month": 30}}')
    result = summary_json(capsys, data, "--settings", settings, "--by", "age, gender")
    groups = {(group["age"], group["gender"]): group for group in result["groups"]}
    assert set(groups) == {
        ("18-24", "female"),
        ("18-24", "male"),
        ("25-34", "female"),
        ("(not set)", "male"),  # the row without an age
    }
    for group in result["groups"]:
        assert set(group) == METRIC_KEYS | {"age", "gender"}
    # 30 a month for 5 days; facebook spent 70 and instagram 30 of 100, and each row's
    # share of its platform's part is its share of that platform's spend, so a paid row
    # gets 30 x 5 / 30.4375 x its spend / 100
    fixed = 30 * 5 / DAYS_PER_MONTH
    female = groups[("18-24", "female")]  # rows 1 and 3
    assert female["spend"] == pytest.approx(10 + 30)
    assert female["clicks"] == 100 + 60
    assert female["leads"] == 2 + 3
    assert female["conversions"] == 1 + 1
    assert female["fixed_cost"] == pytest.approx(fixed * (10 + 30) / 100)
    assert female["cost"] == pytest.approx(40 + fixed * 0.4)
    assert female["cpc"] == pytest.approx(40 / 160)
    assert female["cpl"] == pytest.approx(40 / 5)
    assert female["cpa"] == pytest.approx(40 / 2)
    male = groups[("18-24", "male")]
    assert (male["spend"], male["clicks"], male["leads"]) == (20.0, 50, 1)
    assert male["cpa"] is None  # no sales
    organic = groups[("25-34", "female")]
    # its one row leaves spend blank: not reported, so not 0 (METRICS.md 4b); no spend and
    # no share of the tools, so nothing says what it cost
    assert (organic["spend"], organic["clicks"], organic["fixed_cost"]) == (None, 40, 0.0)
    assert organic["cost"] is None
    assert organic["cpc"] is None  # no paid rows
    unknown_age = groups[("(not set)", "male")]
    assert unknown_age["cpc"] == pytest.approx(40 / 30)
    assert unknown_age["cpl"] is None
    for key in ("spend", "fixed_cost", "cost"):
        reported = [g[key] for g in result["groups"] if g[key] is not None]
        assert sum(reported) == pytest.approx(result["totals"][key])
    for key in ("clicks", "leads", "conversions"):
        assert (
            sum(g[key] for g in result["groups"])
            == result["totals"][key]
            == ({"clicks": 280, "leads": 7, "conversions": 2}[key])
        )


@pytest.mark.parametrize("option", ["colour", "age,colour", "platform,Age"])
def test_unknown_by_column_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], option: str
) -> None:
    status, out, err = run(capsys, "summary", SMALL_CSV, "--by", option, "--json")
    assert (status, out) == (2, "")
    bad = next(part for part in option.split(",") if part not in GROUP_KEYS)
    assert_one_line_naming(err, repr(bad))
    assert "--by" in err
    assert all(column in err for column in GROUP_KEYS)  # the columns that can be used


def test_empty_by_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "summary", SMALL_CSV, "--by", " , ")
    assert (status, out) == (2, "")
    assert_one_line_naming(err, "--by")


TWO_MONTHS_CSV = (
    "date,platform,spend,clicks,leads\n"
    "2026-04-01,facebook,10,100,2\n"
    "2026-04-30,facebook,20,50,1\n"
    "2026-05-01,facebook,30,60,3\n"
    "2026-05-10,facebook,40,30,0\n"
)


def test_summary_by_month_over_two_months_with_a_partial_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "two-months.csv"
    data.write_text(TWO_MONTHS_CSV)
    settings = tmp_path / "settings.json"
    settings.write_text('{"costs": {"tools_per_month": 30}}')
    result = summary_json(capsys, data, "--settings", settings, "--period", "month")
    assert set(result) == TOP_KEYS | {"periods"}
    april, may = result["periods"]
    assert set(april) == METRIC_KEYS | {"period", "days", "partial"}
    assert (april["period"], april["days"], april["partial"]) == ("2026-04-01", 30, False)
    assert (may["period"], may["days"], may["partial"]) == ("2026-05-01", 10, True)
    assert (april["spend"], april["clicks"], april["leads"]) == (10 + 20, 100 + 50, 2 + 1)
    assert (may["spend"], may["clicks"], may["leads"]) == (30 + 40, 60 + 30, 3 + 0)
    assert type(april["clicks"]) is int
    # fixed costs are spread by days: 30 a month x 40 days, 30 of them in April
    assert april["fixed_cost"] == pytest.approx(30 * 30 / DAYS_PER_MONTH)
    assert may["fixed_cost"] == pytest.approx(30 * 10 / DAYS_PER_MONTH)
    assert april["cpc"] == pytest.approx(30 / 150)
    assert may["cpl"] == pytest.approx(70 / 3)
    assert april["ctr"] is None  # no impressions
    assert april["cost"] + may["cost"] == pytest.approx(result["totals"]["cost"])


def test_summary_by_week_starts_weeks_on_monday(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    result = summary_json(capsys, SMALL_CSV, "--settings", SETTINGS, "--period", "week")
    starts = [date.fromisoformat(period["period"]) for period in result["periods"]]
    assert all(start.weekday() == 0 for start in starts)
    # 2024-03-01 is a Friday: its week began on Monday 26 February; 30 March is a Saturday
    assert starts[0] == date(2024, 2, 26)
    assert starts[-1] == date(2024, 3, 25)
    assert len(starts) == 5
    days = [period["days"] for period in result["periods"]]
    assert days == [3, 7, 7, 7, 6]  # 1 .. 3 March, three whole weeks, 25 .. 30 March
    assert [period["partial"] for period in result["periods"]] == [True, False, False, False, True]
    assert sum(period["spend"] for period in result["periods"]) == pytest.approx(SPEND)


GOALS_SETTINGS = {
    "costs": {"tools_per_month": 0},
    "goals": [
        {"metric": "leads", "target": 30, "period": "month"},
        {"metric": "cpl", "target": 10, "period": "month"},
        {"metric": "roi_pct", "target": 50, "period": "month"},
    ],
}
# April 2026 (30 days), data 1 .. 10 April: 12 leads for 80 of ad spend and 150 of revenue
APRIL_CSV = (
    "date,platform,paid,spend,leads,revenue\n"
    "2026-04-01,facebook,true,30,5,100\n"
    "2026-04-10,facebook,true,50,7,50\n"
)


def test_goals_in_the_settings_report_their_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "april.csv"
    data.write_text(APRIL_CSV)
    settings = tmp_path / "goals.json"
    settings.write_text(json.dumps(GOALS_SETTINGS))
    result = summary_json(capsys, data, "--settings", settings)
    assert set(result) == TOP_KEYS | {"goals"}
    leads, cpl, roi = result["goals"]
    assert leads == {
        "metric": "leads",
        "period": "month",
        "period_start": "2026-04-01",
        "period_end": "2026-04-30",
        "target": 30,
        "actual": 12,
        "progress_pct": pytest.approx(12 / 30 * 100),  # 40 %
        "met": False,
        "days_covered": 10,
        "days_in_period": 30,
        "days_left": 20,
        "needed_per_day": pytest.approx((30 - 12) / 20),  # 0.9 a day
        "on_pace": True,
    }
    # cost per lead 80 / 12 = 6.67 under a ceiling of 10
    assert cpl["actual"] == pytest.approx(80 / 12)
    assert cpl["met"] is True
    assert cpl["needed_per_day"] is None
    # ROI (150 - 80) / 80 x 100 = 87.5 %: a ratio, no pace
    assert roi["actual"] == pytest.approx(87.5)
    assert roi["progress_pct"] == pytest.approx(87.5 / 50 * 100)
    assert roi["needed_per_day"] is None

    status, out, err = run(capsys, "summary", data, "--settings", settings)
    assert (status, err) == (0, "")
    block = out.split("Goals:\n", 1)[1].splitlines()
    assert block[:3] == [
        "- Leads per month from 2026-04-01: 12 of 30 (40.0%); 0.90 a day needed, 20 days left",
        "- Cost per lead per month from 2026-04-01: $6.67 of $10.00 (66.7%); met",
        "- ROI per month from 2026-04-01: 87.5% of 50.0% (175.0%); met",
    ]


def test_no_goals_no_goals_block(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "summary", SMALL_CSV, "--settings", SETTINGS)
    assert status == 0
    assert "Goals:" not in out


def test_a_goal_on_an_unknown_metric_exits_2_naming_the_settings_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    settings = tmp_path / "goals.json"
    settings.write_text('{"goals": [{"metric": "likes", "target": 100, "period": "week"}]}')
    status, out, err = run(capsys, "summary", SMALL_CSV, "--settings", settings, "--json")
    assert (status, out) == (2, "")
    assert_one_line_naming(err, str(settings))
    assert "'likes'" in err


# random small tables: the groups of any --by add up to the totals
_labels = st.sampled_from(["a", "b", None])


@st.composite
def _tables(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(1, 25))

    def column(values: st.SearchStrategy) -> list:
        return draw(st.lists(values, min_size=n, max_size=n))

    counts = st.one_of(st.none(), st.integers(0, 500))
    return smroi.conform(
        pd.DataFrame(
            {
                "date": [
                    pd.Timestamp("2026-01-01") + pd.Timedelta(days=d)
                    for d in column(st.integers(0, 60))
                ],
                "platform": column(st.sampled_from(["facebook", "linkedin", "x"])),
                "campaign": column(_labels),
                "paid": column(st.booleans()),
                "spend": column(st.one_of(st.none(), st.floats(0, 300, allow_nan=False))),
                "clicks": column(counts),
                "leads": column(counts),
                "conversions": column(counts),
                "age": column(st.sampled_from(["18-24", "25-34", None])),
                "gender": column(_labels),
            }
        )
    )


@given(frame=_tables(), by=st.sampled_from([["platform"], ["age", "gender"], ["campaign", "paid"]]))
@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_group_sums_equal_the_totals(frame: pd.DataFrame, by: list[str]) -> None:
    result = summarise(frame, [], Settings(costs=Costs(tools_per_month=49)), by=by)
    totals = result["totals"]
    # the groups that report a measure add up to the total; when none does, neither does the
    # total (blank is not zero, METRICS.md 4b)
    for key in ("spend", "clicks", "leads", "conversions", "fixed_cost"):
        reported = [group[key] for group in result["groups"] if group[key] is not None]
        if not reported:
            assert totals[key] is None, key
            continue
        assert sum(reported) == pytest.approx(totals[key], rel=1e-9, abs=1e-9), key
        if key != "spend" and key != "fixed_cost":
            assert sum(reported) == totals[key]  # exact counts


def test_kaggle_conversion_data_by_age(capsys: pytest.CaptureFixture[str]) -> None:
    """The KAG Facebook ads (no dates) grouped by age; one group checked with the csv module."""
    folder = REALDATA / "kag_conversion"
    if not folder.exists():
        if os.environ.get("CI") or os.environ.get("SMROI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{folder} is missing; CI must test the real exports")
        pytest.skip("shared/realdata is not beside this checkout")
    path = folder / "KAG_conversion_data.csv"
    spend = 0.0
    leads = sales = rows = 0
    with path.open(encoding="utf-8-sig", newline="") as file:
        for row in csv.DictReader(file):
            if row["age"] == "30-34":
                spend += float(row["Spent"])
                leads += int(row["Total_Conversion"])  # enquiries: leads
                sales += int(row["Approved_Conversion"])  # bought: sales
                rows += 1
    assert rows == 426
    assert spend == pytest.approx(15252.399986378)
    assert (leads, sales) == (1431, 494)

    result = summary_json(capsys, path, "--by", "age")
    groups = {group["age"]: group for group in result["groups"]}
    assert set(groups) == {"30-34", "35-39", "40-44", "45-49"}
    assert groups["30-34"]["spend"] == pytest.approx(spend, rel=1e-12)
    assert groups["30-34"]["leads"] == leads
    assert groups["30-34"]["conversions"] == sales
    assert groups["30-34"]["cpl"] == pytest.approx(spend / leads, rel=1e-12)
    assert sum(group["leads"] for group in groups.values()) == result["totals"]["leads"] == 3264


# ---------------------------------------------------------------- the user's own business

GBP_REPORT = FIXTURES / "google_ads_gbp.csv"  # spend 800, sales value 1,750 from 30 sales
AUD_ADSETS = FIXTURES / "meta_adsets_aud.csv"  # no clicks or engagement columns


def test_a_file_without_clicks_prints_null_not_zero(capsys: pytest.CaptureFixture[str]) -> None:
    result = summary_json(capsys, AUD_ADSETS)
    totals = result["totals"]
    for key in ("clicks", "ctr", "cpc", "engagements", "cpe", "leads", "cpl"):
        assert totals[key] is None, key
    assert totals["spend"] == pytest.approx(420.50 + 130.00)
    assert totals["conversions"] == 9
    assert totals["cpa"] == pytest.approx(550.50 / 9)


def test_the_files_currency_is_the_reports(capsys: pytest.CaptureFixture[str]) -> None:
    assert summary_json(capsys, AUD_ADSETS)["currency"] == "AUD"
    assert summary_json(capsys, GBP_REPORT)["currency"] == "GBP"
    status, out, _err = run(capsys, "summary", AUD_ADSETS)
    assert status == 0
    assert "Ad spend" in out and "A$550.50" in out


def test_a_currency_in_the_settings_wins_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text('{"currency": "NOK"}')
    result = summary_json(capsys, AUD_ADSETS, "--settings", settings)
    assert result["currency"] == "NOK"
    assert (
        f"{AUD_ADSETS}: its amounts are in AUD, but the settings say NOK; amounts are shown as "
        "they are, not converted."
    ) in result["warnings"]


def test_files_in_two_currencies_need_a_choice(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = run(capsys, "summary", GBP_REPORT, AUD_ADSETS, "--json")
    assert status == 2
    assert err.startswith(f"smroi: {AUD_ADSETS}: its amounts are in AUD, but {GBP_REPORT} is in")
    assert err.strip().endswith("(--currency CODE)")
    result = summary_json(capsys, GBP_REPORT, AUD_ADSETS, "--currency", "AUD")
    assert result["currency"] == "AUD"
    assert result["totals"]["spend"] == pytest.approx(550.50)
    assert result["rows_used"] == 2
    with pytest.raises(SystemExit) as stopped:
        main(["summary", str(GBP_REPORT), "--currency", "pounds"])
    assert stopped.value.code == 2
    assert "'pounds' is not a currency code" in capsys.readouterr().err


def test_a_40_percent_margin_by_hand(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """800 of ads, 30 sales worth 1,750; at a 40% margin they leave 700, so the ads lose 100.
    Break-even ROAS 100 / 40 = 2.5x; a sale is worth 1,750 / 30 = 58.33 and leaves 23.33."""
    settings = tmp_path / "settings.json"
    settings.write_text('{"values": {"gross_margin_pct": 40}}')
    result = summary_json(capsys, GBP_REPORT, "--settings", settings)
    totals = result["totals"]
    assert totals["revenue"] == pytest.approx(1750)
    assert totals["gross_profit"] == pytest.approx(700)
    assert totals["return"] == pytest.approx(700)
    assert totals["cost"] == pytest.approx(800)
    assert totals["profit"] == pytest.approx(-100)
    assert totals["roi_pct"] == pytest.approx(-12.5)
    assert totals["roas"] == pytest.approx(1750 / 800)  # 2.19x, below the 2.5x needed
    assert totals["gross_margin_pct"] == pytest.approx(40)
    assert totals["break_even_roas"] == pytest.approx(2.5)
    assert totals["break_even_cpa"] == pytest.approx(1750 / 30 * 0.4)
    assert totals["cpa"] == pytest.approx(800 / 30)  # 26.67 a sale: above 23.33
    assert not any("full value" in warning for warning in result["warnings"])


def test_without_a_margin_the_warnings_say_sales_count_at_full_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = summary_json(capsys, GBP_REPORT)
    assert result["totals"]["roi_pct"] == pytest.approx((1750 - 800) / 800 * 100)
    assert result["totals"]["gross_profit"] is None
    assert (
        "ROI, profit and return count £1,750.00 of sales at their full value, before the cost "
        "of goods: set values.gross_margin_pct in the settings to count the gross profit "
        "instead."
    ) in result["warnings"]


def test_a_cost_of_goods_column_gives_the_gross_profit(capsys: pytest.CaptureFixture[str]) -> None:
    """Three orders worth 400 that cost 230 to buy: 170 gross profit, a 42.5% margin."""
    result = summary_json(capsys, FIXTURES / "orders_with_cost_of_goods.csv")
    totals = result["totals"]
    assert totals["revenue"] == pytest.approx(400)
    assert totals["gross_profit"] == pytest.approx(170)
    assert totals["gross_margin_pct"] == pytest.approx(42.5)
    assert totals["return"] == pytest.approx(170)
    assert result["by_platform"]["instagram"]["gross_profit"] == pytest.approx(80)


def test_the_real_gbp_google_ads_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """DanielTheC's Google Ads campaign report (GBP), by hand from its two campaign rows:
    cost 798.88 + 365.22, conversion value 1,286.58 + 841.23 from 49 + 25 conversions."""
    path = REALDATA / "agency_exports_danielthec" / "Campaign report (1).csv"
    if not path.exists():
        if os.environ.get("CI") or os.environ.get("SMROI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{path} is missing; CI must test the real exports")
        pytest.skip("../shared/realdata is not here")
    settings = tmp_path / "settings.json"
    settings.write_text('{"values": {"gross_margin_pct": 40}}')
    result = summary_json(capsys, path, "--settings", settings)
    totals = result["totals"]
    spend, sales = 798.88 + 365.22, 1286.58 + 841.23
    assert result["currency"] == "GBP"
    assert totals["spend"] == pytest.approx(spend)
    assert totals["gross_profit"] == pytest.approx(sales * 0.4)
    assert totals["roi_pct"] == pytest.approx((sales * 0.4 - spend) / spend * 100)  # -26.9%
    assert totals["break_even_cpa"] == pytest.approx(sales / 74 * 0.4)
    assert totals["engagements"] is None and totals["leads"] is None


# ---------------------------------------------------------------- the contract: bad input


def cli(
    *args: object, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """`python3 -m smroi.cli ARGS` in a fresh process, with this checkout's smroi."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SMROI_") or key == "SMROI_TEST_POSTGRES_URL"
    }
    environment["PYTHONPATH"] = str(ROOT)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "smroi.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env=environment,
    )


def assert_bad_input(done: subprocess.CompletedProcess[str], *says: str) -> None:
    """Exit status 2, nothing on stdout, one line on stderr that starts "smroi: " and says
    each of `says`, and no traceback."""
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.endswith("\n")
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("smroi: ")
    for text in says:
        assert text in lines[0]


@pytest.mark.parametrize("days", ["-1", "nan", "inf", "1e9", "3651", "abc", "-inf"])
def test_share_with_expiry_days_out_of_range_is_one_line(days: str, tmp_path: Path) -> None:
    done = cli("share", SMALL_CSV, f"--expires-days={days}", env={"SMROI_DATA_DIR": str(tmp_path)})
    assert_bad_input(
        done,
        f"argument --expires-days: '{days}' is not a number of days from 0 (never expires) "
        "to 3650 (see: smroi share --help)",
    )
    assert not (tmp_path / "reports.sqlite").exists()  # nothing was saved


@pytest.mark.parametrize(("days", "lasts"), [("0", None), ("3650", 3650)])
def test_share_expiry_days_at_the_ends_of_the_range(
    days: str, lasts: int | None, tmp_path: Path
) -> None:
    from smroi.store import ReportStore, _dispose_engine

    done = cli("share", SMALL_CSV, "--expires-days", days, env={"SMROI_DATA_DIR": str(tmp_path)})
    assert (done.returncode, done.stderr) == (0, "")
    url = f"sqlite:///{(tmp_path / 'reports.sqlite').as_posix()}"
    try:
        info = ReportStore(url).info(done.stdout.strip().split("report=", 1)[1])
    finally:
        _dispose_engine(url)
    if lasts is None:
        assert info.expires_at is None  # 0 = never
    else:
        assert info.expires_at is not None
        assert (info.expires_at - info.created_at).days == lasts


def test_share_help_states_the_expiry_range() -> None:
    done = cli("share", "--help")
    assert done.returncode == 0
    assert "0 (never, the default) to 3650" in " ".join(done.stdout.split())


def test_help_states_the_exit_statuses() -> None:
    done = cli("--help")
    assert done.returncode == 0
    assert "exit status: 0 done; 2 bad input" in " ".join(done.stdout.split())


@pytest.mark.parametrize(
    ("data_dir", "reason"),
    [
        pytest.param("file", "(File exists)", id="a-file-not-a-folder"),
        pytest.param("file/below", "(Not a directory)", id="below-a-file"),
    ],
)
def test_share_with_a_data_dir_that_cannot_be_made_is_one_line(
    data_dir: str, reason: str, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("not a folder")
    done = cli("share", SMALL_CSV, env={"SMROI_DATA_DIR": str(tmp_path / data_dir)})
    assert_bad_input(
        done,
        "The folder for the report database",
        f"cannot be made {reason}; set SMROI_DATA_DIR (or SMROI_DATABASE_URL) to a folder "
        "smroi can write to.",
    )


@pytest.mark.parametrize(
    ("url", "says"),
    [
        pytest.param(
            "mysql://kari:s3cret@db.example.com/reports",
            "is not one smroi can use: it keeps shared reports in SQLite or PostgreSQL",
            id="mysql",
        ),
        pytest.param("oracle://db.example.com/x", "is not one smroi can use", id="oracle"),
        pytest.param("nonsense", "is not a database URL", id="nonsense"),
        pytest.param(
            "postgresql://kari:s3cret@127.0.0.1:1/x?password=s3cret",
            "smroi: The report store is not reachable; try again in a minute.",
            id="postgresql-unreachable",
        ),
        pytest.param(
            "postgresql+asyncpg://db.example.com/x",
            "smroi cannot use the report database",
            id="driver-not-installed",
        ),
    ],
)
@pytest.mark.parametrize("command", ["share", "revoke"])
def test_an_unusable_database_url_is_one_line(command: str, url: str, says: str) -> None:
    args = ("share", SMALL_CSV) if command == "share" else ("revoke", "a" * 43)
    done = cli(*args, env={"SMROI_DATABASE_URL": url})
    assert_bad_input(done, says)
    for secret in ("s3cret", "kari", "127.0.0.1", "db.example.com"):
        assert secret not in done.stderr


def test_a_read_only_database_is_one_line(tmp_path: Path) -> None:
    made = cli("share", SMALL_CSV, env={"SMROI_DATA_DIR": str(tmp_path)})
    assert made.returncode == 0, made.stderr
    read_only = f"sqlite:///file:{tmp_path / 'reports.sqlite'}?mode=ro&uri=true"
    for args in (("share", SMALL_CSV), ("revoke", made.stdout.strip())):
        done = cli(*args, env={"SMROI_DATABASE_URL": read_only})
        assert_bad_input(
            done,
            "smroi: The report store is read-only just now, so links cannot be made or "
            "revoked; try again later.",
        )


def binary_file(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 4)
    return path


def deep_json(path: Path) -> Path:
    path.write_text("[" * 100_000 + "]" * 100_000)
    return path


def list_json(path: Path) -> Path:
    path.write_text("[1, 2]")
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        pytest.param(binary_file, "not a settings file: it is not text", id="binary"),
        pytest.param(list_json, "the top level must be a JSON object", id="json-list"),
        pytest.param(deep_json, "not valid JSON (its brackets are nested too deeply)", id="deep"),
        pytest.param(None, "cannot read the settings file (Is a directory)", id="a-folder"),
    ],
)
def test_a_settings_file_that_is_not_settings_is_one_line(make, says: str, tmp_path: Path) -> None:
    settings = make(tmp_path / "settings.json") if make else tmp_path
    assert_bad_input(cli("summary", SMALL_CSV, "--settings", settings), str(settings), says)


def test_bad_files_and_paths_are_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "gone.csv"
    assert_bad_input(cli("summary", missing), f"{missing}: cannot read the file (No such file")
    assert_bad_input(cli("summary", tmp_path), f"{tmp_path}: cannot read the file (Is a directory)")
    assert_bad_input(
        cli("export", SMALL_CSV, "--out", tmp_path), f"{tmp_path}: cannot write the report"
    )
    unwritable = Path("/proc/smroi-report.xlsx")  # not even root can make a file there
    assert_bad_input(
        cli("export", SMALL_CSV, "--out", unwritable), f"{unwritable}: cannot write the report"
    )
    assert_bad_input(cli("attribution", missing), f"{missing}: cannot read the file (No such file")


def test_an_endless_file_is_refused_at_the_size_limit() -> None:
    assert_bad_input(
        cli("summary", "/dev/zero"), "/dev/zero: the file is 201 MB; the limit is 200 MB."
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        pytest.param(
            ("summary", SMALL_CSV, "--currency", "zz"),
            "argument --currency: 'zz' is not a currency code such as USD or NOK "
            "(see: smroi summary --help)",
            id="currency",
        ),
        pytest.param((), "the following arguments are required: command", id="no-command"),
        pytest.param(("chart",), "argument command: invalid choice: 'chart'", id="unknown"),
        pytest.param(
            ("summary", SMALL_CSV, "--period", "fortnight"),
            "argument --period: invalid choice: 'fortnight'",
            id="period",
        ),
        pytest.param(("summary", SMALL_CSV, "--colour"), "unrecognized arguments", id="option"),
        pytest.param(
            ("attribution", SMALL_CSV, "--half-life-days", "nan"),
            "--half-life-days must be a number of days above 0",
            id="half-life",
        ),
    ],
)
def test_a_mistake_on_the_command_line_is_one_line(args: tuple[object, ...], says: str) -> None:
    assert_bad_input(cli(*args), says)


def test_a_bug_is_one_line_with_status_1_and_a_traceback_only_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import smroi.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(smroi.cli, "summarise", broken)
    monkeypatch.delenv("SMROI_DEBUG", raising=False)
    status, out, err = run(capsys, "summary", SMALL_CSV)
    assert (status, out) == (1, "")
    assert err == (
        "smroi: internal error (RuntimeError: a bug over two lines); please report this "
        "(SMROI_DEBUG=1 shows the details).\n"
    )
    monkeypatch.setenv("SMROI_DEBUG", "1")
    with pytest.raises(RuntimeError, match="a bug"):
        main(["summary", str(SMALL_CSV)])


# ---------------------------------------------------------------- share --password


LONG_ENOUGH = "blue heron at dawn"


@pytest.fixture
def share_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """`smroi share` in this process saves to tmp_path, with scrypt made fast; no password
    in the environment."""
    from smroi import passwords

    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)
    monkeypatch.setenv("SMROI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SMROI_DATABASE_URL", raising=False)
    monkeypatch.delenv("SMROI_SHARE_PASSWORD", raising=False)
    return tmp_path


def typed(monkeypatch: pytest.MonkeyPatch, *answers: str | type[EOFError]) -> list[str]:
    """getpass answers the prompts with `answers` (EOFError: the input ends); the prompts."""
    import getpass

    prompts: list[str] = []
    left = list(answers)

    def fake_getpass(prompt: str = "Password: ", stream: object = None) -> str:
        prompts.append(prompt)
        answer = left.pop(0)
        if answer is EOFError:
            raise EOFError
        assert isinstance(answer, str)
        return answer

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    return prompts


def opened_with(token_link: str, password: str | None) -> str:
    """The title of the shared report, opened with this password."""
    from smroi.store import ReportStore, token_of

    return ReportStore().open(token_of(token_link), password).info.title


def test_share_password_is_asked_twice_at_a_prompt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, share_here: Path
) -> None:
    from smroi.store import PasswordNeeded, WrongPassword

    prompts = typed(monkeypatch, LONG_ENOUGH, LONG_ENOUGH)
    status, printed, err = run(capsys, "share", SMALL_CSV, "--title", "Asked", "--password")
    assert (status, err) == (0, "")
    assert prompts == ["Password for the link: ", "The same password again: "]
    assert LONG_ENOUGH not in printed
    assert opened_with(printed.strip(), LONG_ENOUGH) == "Asked"
    with pytest.raises(PasswordNeeded):
        opened_with(printed.strip(), None)
    with pytest.raises(WrongPassword):
        opened_with(printed.strip(), "not the password")


@pytest.mark.parametrize(
    ("answers", "says"),
    [
        pytest.param(
            (LONG_ENOUGH, LONG_ENOUGH + "!"),
            "smroi: The two passwords typed are not the same; run the command again.\n",
            id="not-the-same",
        ),
        pytest.param(
            ("short", "short"),
            "smroi: A report's password must have at least 10 characters; this one has 5. "
            "Choose a longer one, such as a few words.\n",
            id="too-short",
        ),
        pytest.param(
            (EOFError,),
            "smroi: No password was typed (the input ended); type it at the prompt, or set "
            "SMROI_SHARE_PASSWORD.\n",
            id="input-ended",
        ),
    ],
)
def test_a_prompted_password_that_will_not_do_is_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    share_here: Path,
    answers: tuple[str | type[EOFError], ...],
    says: str,
) -> None:
    typed(monkeypatch, *answers)
    assert run(capsys, "share", SMALL_CSV, "--password") == (2, "", says)
    assert not (share_here / "reports.sqlite").exists()  # asked before anything was saved


def test_share_takes_the_password_from_smroi_share_password(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, share_here: Path
) -> None:
    typed(monkeypatch)  # no prompt
    monkeypatch.setenv("SMROI_SHARE_PASSWORD", LONG_ENOUGH)
    status, printed, err = run(capsys, "share", SMALL_CSV, "--title", "From the variable")
    assert (status, err) == (0, "")
    assert opened_with(printed.strip(), LONG_ENOUGH) == "From the variable"
    monkeypatch.setenv("SMROI_SHARE_PASSWORD", "too short")
    assert run(capsys, "share", SMALL_CSV) == (
        2,
        "",
        "smroi: A report's password must have at least 10 characters; this one has 9. "
        "Choose a longer one, such as a few words.\n",
    )


def test_share_without_a_password_has_none(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, share_here: Path
) -> None:
    typed(monkeypatch)
    monkeypatch.setenv("SMROI_SHARE_PASSWORD", "")  # set but empty: none
    status, printed, _err = run(capsys, "share", SMALL_CSV, "--title", "Open")
    assert status == 0
    assert opened_with(printed.strip(), None) == "Open"


REFUSED = (
    "smroi: smroi does not take a password on the command line, where anyone on this machine "
    "can read it (ps, the shell's history): give --password alone to be asked for it, or set "
    "SMROI_SHARE_PASSWORD.\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ("share", SMALL_CSV, "--password", "secret-on-argv"),
        ("share", "--password", "secret-on-argv", SMALL_CSV),
        ("share", SMALL_CSV, "--password=secret-on-argv"),
        ("share", SMALL_CSV, "--password="),
    ],
)
def test_a_password_on_the_command_line_is_refused(
    args: tuple[object, ...], tmp_path: Path
) -> None:
    done = cli(*args, env={"SMROI_DATA_DIR": str(tmp_path), "SMROI_SHARE_PASSWORD": LONG_ENOUGH})
    assert (done.returncode, done.stdout, done.stderr) == (2, "", REFUSED)
    assert not (tmp_path / "reports.sqlite").exists()


def test_share_with_the_variable_in_a_fresh_process_uses_owasp_scrypt(tmp_path: Path) -> None:
    from smroi.store import ReportStore, _dispose_engine

    done = cli(
        "share",
        SMALL_CSV,
        env={"SMROI_DATA_DIR": str(tmp_path), "SMROI_SHARE_PASSWORD": LONG_ENOUGH},
    )
    assert (done.returncode, done.stderr) == (0, "")
    url = f"sqlite:///{(tmp_path / 'reports.sqlite').as_posix()}"
    try:
        store = ReportStore(url)
        token = done.stdout.strip().split("report=", 1)[1]
        assert store.info(token).has_password
        with store._engine.connect() as connection:
            stored = connection.exec_driver_sql("SELECT password_hash FROM shared_reports").scalar()
        assert str(stored).startswith("scrypt$131072$8$1$")
    finally:
        _dispose_engine(url)


def test_share_help_says_how_to_give_a_password() -> None:
    done = cli("share", "--help")
    assert done.returncode == 0
    said = " ".join(done.stdout.split())
    assert (
        "--password [PASSWORD] ask for a password the reader must type (at least 10 characters; "
        "give --password alone, or set SMROI_SHARE_PASSWORD instead)"
    ) in said


def test_summary_json_says_how_sure_each_rate_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # $600 of ads, 10,000 impressions, 300 clicks, 12 sales worth $900 (the arithmetic of
    # tests/test_intervals.py): 90% Wilson intervals from the counts behind each rate
    data = tmp_path / "ads.csv"
    data.write_text(
        "date,platform,paid,spend,impressions,clicks,conversions,revenue\n"
        "2026-03-01,facebook,true,300,5000,150,6,450\n"
        "2026-03-02,facebook,true,300,5000,150,6,450\n"
    )
    intervals = summary_json(capsys, data)["intervals"]
    assert set(intervals) == {
        "ctr",
        "conversion_rate",
        "cpe",
        "cpl",
        "cpa",
        "full_cpl",
        "full_cpa",
        "cost_per_result",
        "roi_pct",
    }
    assert intervals["ctr"] == {
        "low": pytest.approx(0.0273187, abs=2e-6),
        "high": pytest.approx(0.0329355, abs=2e-6),
        "level": 0.9,
    }
    assert intervals["cpa"]["low"] == pytest.approx(31.70, abs=0.01)
    assert intervals["cpa"]["high"] == pytest.approx(79.57, abs=0.01)
    assert intervals["roi_pct"]["low"] == pytest.approx(-5.75, abs=0.01)
    assert intervals["roi_pct"]["high"] == pytest.approx(136.58, abs=0.01)
    assert intervals["cpl"] is None  # no leads: null, not 0
