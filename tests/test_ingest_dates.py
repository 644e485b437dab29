"""Dates in uploaded files (smroi.ingest with smroi.report_dates): a date a report cannot
hold leaves its row out with its row number and reason, never refuses the file; rows
dated far from the others are flagged, and the user can leave them out.

"Today" is 15 Apr 2026 in these tests, so a report date is 1 Jan 2000 to 15 Apr 2027.

The outlier file, ads.csv (header on spreadsheet row 1): 90 daily rows from 1 Jan to
31 Mar 2026, each spend 10 and revenue 30, and on row 15 one more row dated 30 Jun 2016
(a typo for 2026), also spend 10 and revenue 30. Settings: tools 100 a month.
- With the typo: 30 Jun 2016 - 31 Mar 2026 is 3,562 days (ten years from 30 Jun 2016 to
  30 Jun 2026 are 3,652 days with 2020 and 2024 leap, less the 91 days of April-June 2026,
  plus the first day) = 3,562 / 30.4375 = 117.027 months. Fixed cost 100 x 117.027 =
  11,702.67; spend 91 x 10 = 910; total cost 12,612.67; return 91 x 30 = 2,730;
  ROI (2,730 - 12,612.67) / 12,612.67 = -78.36%.
- Row 15 left out: 90 days = 2.9569 months; fixed 295.69; spend 900; cost 1,195.69;
  return 2,700; ROI (2,700 - 1,195.69) / 1,195.69 = +125.81%.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import Workbook

from smroi import Costs, Settings, analyse, headline, load_files, read_file
from smroi.store import ReportStore
from smroi.store import _dispose_engine as dispose_engine
from tests.conftest import ROOT

TODAY = date(2026, 4, 15)
HEADER = "date,platform,spend,clicks"


def csv_with(cell: str) -> bytes:
    """Three rows of data; the middle one (spreadsheet row 3) dated `cell`."""
    return (
        f"{HEADER}\n2026-01-01,facebook,10,1\n{cell},facebook,20,2\n2026-03-31,facebook,30,3\n"
    ).encode()


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("0226-06-30", "the year 0226"),
        ("9999-12-31", "31 Dec 9999"),
        ("1899-06-30", "30 Jun 1899"),
        ("2226-06-30", "30 Jun 2226"),  # in pandas' range, so it used to be used
        ("1999-12-31", "31 Dec 1999"),
        ("2027-04-16", "16 Apr 2027"),  # a year and a day after today
        ("30/06/0226", "the year 0226"),
    ],
    ids=["0226", "9999", "1899", "2226", "1999", "next-year", "d/m/Y"],
)
def test_a_date_that_cannot_be_a_report_date_leaves_its_row_out(cell: str, shown: str) -> None:
    table, report = read_file("ads.csv", csv_with(cell), today=TODAY)
    assert report.rows_read == 3
    assert report.rows_used == 2
    assert table["spend"].sum() == 40.0  # 10 + 30: the row's 20 is not counted
    reason = f"a date that cannot be a report date in column date ({shown})"
    assert report.excluded.to_dict("records") == [{"row": 3, "reason": reason}]
    assert report.summary()[-1] == f"ads.csv: 1 row left out ({reason}): row 3."


def test_a_year_ahead_is_still_a_report_date() -> None:
    _, report = read_file("ads.csv", csv_with("2027-04-15"), today=TODAY)
    assert report.rows_used == 3
    assert report.excluded.empty


def test_today_is_the_real_one_by_default() -> None:
    next_year = date.today().replace(year=date.today().year + 2, day=1)
    _, report = read_file("ads.csv", csv_with(f"{next_year:%Y-%m-%d}"))
    assert report.excluded["row"].tolist() == [3]


def test_a_date_in_period_end_is_judged_too() -> None:
    data = (
        b"date,period_end,platform,spend\n"
        b"2026-01-01,2026-01-31,facebook,10\n"
        b"2026-02-01,2226-02-28,facebook,20\n"
        b"2026-03-01,2026-03-31,facebook,30\n"
    )
    table, report = read_file("meta.csv", data, today=TODAY)
    assert report.excluded.to_dict("records") == [
        {
            "row": 3,
            "reason": "a date that cannot be a report date in column period_end (28 Feb 2226)",
        }
    ]
    assert table["period_end"].max() == pd.Timestamp("2026-03-31")


def workbook(rows: list[list[object]], date_format: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Platform", "Spend", "Clicks"])
    for row in rows:
        sheet.append(row)
        if date_format:
            sheet.cell(sheet.max_row, 1).number_format = date_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        (9_999_999, "a date that cannot be a report date in column date (the year 29279)"),
        (datetime(2226, 6, 30), "a date that cannot be a report date in column date (30 Jun 2226)"),
        (
            datetime(9999, 12, 31),
            "a date that cannot be a report date in column date (31 Dec 9999)",
        ),
        # serial 1 in a date cell: calamine follows Excel, whose day 1 is 1 Jan 1900
        (1, "a date that cannot be a report date in column date (01 Jan 1900)"),
        # Excel keeps 30 Jun 226 as a negative serial; calamine gives only its time of day
        (datetime(226, 6, 30), "not a date in column date"),
    ],
    ids=["serial-9999999", "datetime-2226", "datetime-9999", "serial-1", "datetime-226"],
)
def test_a_workbook_date_that_cannot_be_a_report_date_leaves_its_row_out(
    cell: object, reason: str
) -> None:
    data = workbook(
        [
            [datetime(2026, 1, 1), "facebook", 10, 1],
            [cell, "facebook", 20, 2],
            [datetime(2026, 3, 31), "facebook", 30, 3],
        ],
        "yyyy-mm-dd",
    )
    table, report = read_file("ads.xlsx", data, today=TODAY)
    assert report.rows_used == 2
    assert table["spend"].sum() == 40.0
    assert report.excluded.to_dict("records") == [{"row": 3, "reason": reason}]


def test_a_column_with_no_date_a_report_can_have_is_not_read_as_dates() -> None:
    # a "Day" column of a workbook holding the day of the month: Excel serials of Jan 1900
    data = workbook([[day, "facebook", 10, 1] for day in (1, 2, 3, 31)])
    table, report = read_file("days.xlsx", data, today=TODAY)
    assert report.rows_used == 4  # every row kept, undated
    assert table["date"].isna().all()
    assert "Date" in report.ignored_columns
    assert report.warnings[0] == (
        "days.xlsx: column 'Date' holds no date a report can have (such as '1'), so it is "
        "not read as dates."
    )


def test_many_wrong_dates_share_one_reason() -> None:
    rows = [f"{1970 + i}-01-01,facebook,1,1" for i in range(12)]
    rows += [f"2026-01-{day:02d},facebook,1,1" for day in range(1, 13)]
    data = f"{HEADER}\n" + "\n".join(rows) + "\n"
    _, report = read_file("epoch.csv", data.encode(), today=TODAY)
    assert report.summary() == [
        "epoch.csv: 12 rows left out (a date before 01 Jan 2000 or after 15 Apr 2027 in column "
        "date, which cannot be a report date): rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 …."
    ]


# ---------------------------------------------------------------- a date far from the others


def outlier_file() -> bytes:
    lines = [f"{day:%Y-%m-%d},facebook,10,30" for day in pd.date_range("2026-01-01", "2026-03-31")]
    lines.insert(13, "2016-06-30,facebook,10,30")  # spreadsheet row 15
    return ("date,platform,spend,revenue\n" + "\n".join(lines) + "\n").encode()


OUTLIER_WARNING = (
    "ads.csv: row 15 is dated 30 Jun 2016, far from its other rows (01 Jan 2026 – "
    "31 Mar 2026). Monthly costs are counted for every month from the first date to the "
    "last, so this row stretches them from 3.0 to 117.0 months. Leave it out if it is a typo."
)
TOOLS = Settings(costs=Costs(tools_per_month=100.0))


def test_a_row_years_away_from_the_others_is_flagged_and_kept() -> None:
    table, report = read_file("ads.csv", outlier_file(), today=TODAY)
    assert report.rows_used == 91
    assert report.outlying_dates == [(15, date(2016, 6, 30))]
    assert report.summary() == [OUTLIER_WARNING]
    totals = headline(analyse(table, TOOLS))
    assert totals["months"] == pytest.approx(3562 / 30.4375)
    assert totals["cost"] == pytest.approx(910 + 100 * 3562 / 30.4375)  # 12,612.67
    assert totals["roi_pct"] == pytest.approx(-78.355, abs=0.001)


def test_leaving_the_row_out_brings_the_costs_back_to_three_months() -> None:
    table, reports = load_files([("ads.csv", outlier_file())], left_out={"ads.csv": [15]})
    (report,) = reports
    assert report.rows_used == 90
    assert report.outlying_dates == []
    assert report.rows_left_out_by_user() == [15]
    assert report.summary() == ["ads.csv: 1 row left out (left out by you): row 15."]
    totals = headline(analyse(table, TOOLS))
    assert totals["months"] == pytest.approx(90 / 30.4375)
    assert totals["cost"] == pytest.approx(900 + 100 * 90 / 30.4375)  # 1,195.69
    assert totals["roi_pct"] == pytest.approx(125.811, abs=0.001)


def test_rows_left_out_of_another_file_or_past_the_end_change_nothing() -> None:
    _, reports = load_files(
        [("ads.csv", outlier_file())], left_out={"other.csv": [15], "ads.csv": [1, 500]}
    )
    assert reports[0].rows_used == 91
    assert reports[0].excluded.empty


def test_several_far_rows_are_one_warning() -> None:
    lines = outlier_file().decode().splitlines()
    lines[3] = "2025-01-03,facebook,10,30"  # row 4, 3 Jan 2026: a year early
    _, report = read_file("ads.csv", "\n".join(lines).encode(), today=TODAY)
    assert report.outlying_dates == [(4, date(2025, 1, 3)), (15, date(2016, 6, 30))]
    assert report.warnings == [
        "ads.csv: 2 rows (rows 4, 15) are dated far from its other rows (01 Jan 2026 – "
        "31 Mar 2026), such as row 15 on 30 Jun 2016. Monthly costs are counted for every "
        "month from the first date to the last, so these rows stretch them from 3.0 to "
        "117.0 months. Leave them out if they are typos."
    ]


def test_a_year_of_daily_rows_is_not_flagged() -> None:
    lines = [f"{day:%Y-%m-%d},facebook,10,1" for day in pd.date_range("2025-01-01", "2025-12-31")]
    _, report = read_file("year.csv", (f"{HEADER}\n" + "\n".join(lines)).encode(), today=TODAY)
    assert report.outlying_dates == []
    assert report.warnings == []


def test_the_flag_is_kept_in_a_shared_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    table, reports = load_files([("ads.csv", outlier_file())])
    try:
        store = ReportStore(url)
        snapshot = store.open(store.save(table, Settings(), title="x", reports=reports))
    finally:
        dispose_engine(url)
    assert snapshot.reports[0].outlying_dates == [(15, date(2016, 6, 30))]
    assert snapshot.reports[0].warnings == [OUTLIER_WARNING]


def test_the_cli_reads_the_file_and_prints_the_row_left_out_and_the_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "typo.csv"
    typo.write_bytes(csv_with("0226-06-30"))
    ads = tmp_path / "ads.csv"
    ads.write_bytes(outlier_file())
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "smroi.cli", "summary", typo.name, ads.name, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert time.monotonic() - started < 60
    assert done.returncode == 0, done.stderr
    warnings = json.loads(done.stdout)["warnings"]
    assert (
        "typo.csv: 1 row left out (a date that cannot be a report date in column date "
        "(the year 0226)): row 3." in warnings
    )
    assert OUTLIER_WARNING in warnings
