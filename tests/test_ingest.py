"""The canonical-file importer (smroi.ingest): files in, canonical table and report out.

Expected numbers are worked out by hand from the fixture files and written as
literals; see tests/fixtures/canonical_small.csv for the rows they come from.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from smroi.canonical import COLUMNS, DIMENSIONS, LABELS, MEASURES, SOURCE
from smroi.errors import InputFileError
from smroi.ingest import ImportReport, load_files, read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_CSV = FIXTURES / "canonical_small.csv"
SMALL_XLSX = FIXTURES / "canonical_small.xlsx"
HYPERLINK = '=HYPERLINK("http://evil.example","Reels")'


def read(name: str, text: str, encoding: str = "utf-8") -> tuple[pd.DataFrame, ImportReport]:
    return read_file(name, text.encode(encoding))


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    """A one-sheet workbook; strings are stored as text cells (never formulas)."""
    book = Workbook()
    sheet = book.active
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row_number, column=column_number, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def assert_every_row_accounted_for(report: ImportReport) -> None:
    assert report.rows_read == report.rows_used + report.rows_excluded


# ---------------------------------------------------------------- the canonical fixture


def check_small_table(table: pd.DataFrame, report: ImportReport, name: str) -> None:
    """canonical_small.* as worked out by hand (8 rows, 3 platforms, 4 of them paid)."""
    assert report.error is None
    assert report.rows_read == 8
    assert report.rows_used == 8
    assert report.rows_excluded == 0
    assert report.ignored_columns == []
    assert report.warnings == []
    # fb-ad-2 leaves its revenue blank: said once, and counted as not reported, not 0
    assert report.blank_counts == {"revenue": 1}
    assert report.summary() == [
        f"{name}: 1 of 8 rows leaves revenue blank, so it counts as not reported there, not as 0."
    ]
    assert report.platforms == ["facebook", "instagram", "linkedin"]
    assert len(table) == 8

    # canonical columns, each in its canonical type
    assert list(table.columns) == [*COLUMNS, SOURCE]
    assert str(table["date"].dtype) == "datetime64[ns]"
    assert str(table["period_end"].dtype) == "datetime64[ns]"
    for column in MEASURES:
        assert table[column].dtype == np.float64, column
    assert table["paid"].dtype == bool
    for column in (*LABELS, *DIMENSIONS, SOURCE):
        assert isinstance(table[column].dtype, pd.CategoricalDtype), column

    # sums by hand: 100.00 + 50.50 + 0 + 75.25 + 0 + 0 + 0 + 30.00
    assert table["spend"].sum() == pytest.approx(255.75)
    # 400 + 150 + 60 + 300 + 90 + 80 + 20 + 70
    assert table["clicks"].sum() == 1170.0
    # 20000 + 8000 + 5000 + 15000 + 12000 + 6000 + 3000 + 4000
    assert table["impressions"].sum() == 73000.0
    # 600 + 200 + 300 + 900 + 1100 + 120 + 60 + 150
    assert table["engagements"].sum() == 3430.0
    # 10 + 4 + 1 + 6 + 2 + 12 + 0 + 1
    assert table["leads"].sum() == 36.0
    # 4 + 2 + 0 + 3 + 1 + 1 + 0 + 1
    assert table["conversions"].sum() == 12.0
    # 240.00 + (blank) + 0 + 180.00 + 45.00 + 500.00 + 0 + 60.00
    assert table["revenue"].sum() == pytest.approx(1025.0)
    assert table["revenue"].isna().tolist() == [
        False,
        True,
        False,
        False,
        False,
        False,
        False,
        False,
    ]
    # columns the file does not have are all missing
    assert table["reach"].isna().all()
    assert table["period_end"].isna().all()

    assert table["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-03-01",
        "2024-03-05",
        "2024-03-10",
        "2024-03-02",
        "2024-03-15",
        "2024-03-20",
        "2024-03-30",
        "2024-03-25",
    ]
    assert table["paid"].tolist() == [True, True, False, True, False, False, False, True]
    assert table["platform"].astype(str).tolist() == [
        "facebook",
        "facebook",
        "facebook",
        "instagram",
        "instagram",
        "linkedin",
        "linkedin",
        "instagram",
    ]
    # the campaign name that starts with "=" is kept as plain text
    assert table["campaign"].iloc[3] == HYPERLINK
    assert table["campaign"].astype(object).tolist()[:3] == [
        "Spring Sale",
        "Spring Sale",
        "Organic posts",
    ]
    assert table["element"].iloc[0] == "fb-ad-1"
    coupons = table["coupon_code"].astype(object).where(table["coupon_code"].notna(), None)
    assert coupons.tolist() == [None, None, None, "SPRING10", "SPRING10", None, None, None]
    assert set(table[SOURCE].astype(str)) == {name}


def test_canonical_csv_loads_every_row_with_types_and_hand_sums() -> None:
    table, report = read_file("canonical_small.csv", SMALL_CSV.read_bytes())
    check_small_table(table, report, "canonical_small.csv")
    assert report.currency is None
    assert set(report.column_map.values()) == {
        "date",
        "platform",
        "campaign",
        "element",
        "paid",
        "spend",
        "impressions",
        "clicks",
        "engagements",
        "leads",
        "conversions",
        "revenue",
        "coupon_code",
    }


def test_canonical_xlsx_gives_the_same_table_as_the_csv() -> None:
    data = SMALL_XLSX.read_bytes()
    assert len(data) < 50_000
    table, report = read_file("canonical_small.xlsx", data)
    check_small_table(table, report, "canonical_small.xlsx")
    # cell for cell the same as the CSV twin (read under the same name, so that the
    # source column matches too)
    csv_table, _ = read_file("canonical_small.xlsx", SMALL_CSV.read_bytes())
    pd.testing.assert_frame_equal(table, csv_table)


# ---------------------------------------------------------------- headers


def test_headers_match_by_normalised_name_and_synonyms() -> None:
    text = (
        "Reporting starts,Platform,  Campaign name ,Amount spent (USD),Link clicks,"
        "IMPRESSIONS,Frequency,Notes\n"
        "2024-05-01,facebook,Launch,12.50,7,900,1.3,first\n"
        "2024-05-02,facebook,Launch,7.50,3,600,1.1,second\n"
    )
    table, report = read("meta-like.csv", text)
    assert report.column_map == {
        "Reporting starts": "date",
        "Platform": "platform",
        "Campaign name": "campaign",
        "Amount spent (USD)": "spend",
        "Link clicks": "clicks",
        "IMPRESSIONS": "impressions",
    }
    assert report.ignored_columns == ["Frequency", "Notes"]
    assert report.currency == "USD"
    assert any("Frequency" in line and "Notes" in line for line in report.summary())
    assert table["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-05-01", "2024-05-02"]
    assert table["spend"].tolist() == [12.5, 7.5]
    assert table["clicks"].tolist() == [7.0, 3.0]
    assert table["impressions"].tolist() == [900.0, 600.0]
    assert table["campaign"].astype(str).tolist() == ["Launch", "Launch"]
    assert report.rows_used == 2


def test_a_second_column_for_the_same_field_is_ignored_not_merged() -> None:
    # METRICS.md section 1: clicks = link clicks where a platform distinguishes them
    table, report = read("twice.csv", "platform,clicks,Link clicks\nfacebook,5,9\n")
    assert report.column_map == {"platform": "platform", "Link clicks": "clicks"}
    assert report.ignored_columns == ["clicks"]
    assert table["clicks"].tolist() == [9.0]


def test_a_synonym_before_the_canonical_name_of_the_same_column() -> None:
    # "cost" is a synonym of spend; the file also has a column literally named "spend".
    table, report = read("cost-and-spend.csv", "platform,cost,spend,clicks\nfacebook,5,6,1\n")
    spend_headers = [h for h, c in report.column_map.items() if c == "spend"]
    assert len(spend_headers) == 1
    other = ({"cost", "spend"} - set(spend_headers)).pop()
    assert report.ignored_columns == [other]
    assert table["spend"].tolist() == [{"cost": 5.0, "spend": 6.0}[spend_headers[0]]]
    assert table["clicks"].tolist() == [1.0]


# ---------------------------------------------------------------- paid


def test_paid_missing_means_spend_above_zero() -> None:
    text = "platform,spend,clicks\nfacebook,10,1\nfacebook,0,2\nfacebook,,3\nfacebook,0.01,4\n"
    table, report = read("no-paid.csv", text)
    assert report.rows_used == 4
    assert table["paid"].tolist() == [True, False, False, True]
    assert table["paid"].dtype == bool


def test_paid_words_and_blank_paid_cells() -> None:
    text = (
        "platform,paid,spend,clicks\n"
        "facebook,yes,0,1\n"
        "facebook,no,5,1\n"
        "facebook,Paid,0,1\n"
        "facebook,ORGANIC,3,1\n"
        "facebook,TRUE,0,1\n"
        "facebook,false,2,1\n"
        "facebook,,2,1\n"
        "facebook,,0,1\n"
    )
    table, report = read("paid-words.csv", text)
    assert report.rows_used == 8
    # words win over spend; a blank cell falls back to spend > 0
    assert table["paid"].tolist() == [True, False, True, False, True, False, True, False]


def test_paid_word_that_is_neither_is_reported() -> None:
    text = "platform,paid,clicks\nfacebook,maybe,4\nfacebook,no,5\n"
    table, report = read("paid-maybe.csv", text)
    assert report.rows_read == 2
    assert report.rows_used == 1
    assert report.excluded.to_dict("records") == [
        {"row": 2, "reason": "paid is not true/false or paid/organic"}
    ]
    assert table["clicks"].tolist() == [5.0]


# ---------------------------------------------------------------- encodings and delimiters


ENCODED = (
    "date,platform,location,spend,clicks\n2024-02-01,facebook,Catalu\u00f1a,3.50,12\n"
    "2024-02-02,instagram,Z\u00fcrich,1.25,8\n"
)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + ENCODED.encode("utf-8"), id="utf-8-with-bom"),
        pytest.param(ENCODED.replace(",", "\t").encode("utf-16"), id="utf-16-bom-tabs"),
        pytest.param(ENCODED.encode("cp1252"), id="windows-1252"),
        pytest.param(ENCODED.replace(",", ";").encode("utf-8"), id="semicolons"),
        pytest.param(ENCODED.replace("\n", "\r\n").encode("cp1252"), id="windows-1252-crlf"),
    ],
)
def test_encodings_and_delimiters(data: bytes) -> None:
    table, report = read_file("encoded.csv", data)
    assert report.column_map == {
        "date": "date",
        "platform": "platform",
        "location": "location",
        "spend": "spend",
        "clicks": "clicks",
    }
    assert report.rows_used == 2
    assert table["location"].astype(str).tolist() == ["Catalu\u00f1a", "Z\u00fcrich"]
    assert table["spend"].tolist() == [3.5, 1.25]
    assert table["clicks"].tolist() == [12.0, 8.0]
    assert table["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-01", "2024-02-02"]


def test_windows_1252_file_whose_accent_is_in_its_last_bytes() -> None:
    # Location is the last column and "Catalu\xf1a" is in the last row: the file's
    # only non-ASCII byte is 3 bytes from its end.
    data = "platform,clicks,location\nfacebook,5,Madrid\nfacebook,7,Catalu\u00f1a\n".encode(
        "cp1252"
    )
    table, report = read_file("last-row.csv", data)
    assert report.rows_used == 2
    assert table["location"].astype(str).tolist() == ["Madrid", "Catalu\u00f1a"]


# ---------------------------------------------------------------- rows used or reported


def test_every_row_read_is_used_or_reported_with_spreadsheet_row_numbers() -> None:
    text = (
        "date,platform,clicks,spend\n"  # row 1
        "2024-01-01,facebook,10,1.00\n"  # row 2: used
        ",,,\n"  # row 3: empty
        "\n"  # row 4: blank line
        "2024-01-03,facebook,abc,2.00\n"  # row 5: clicks not a number
        "not a date,facebook,5,3.00\n"  # row 6: date not a date
        "2024-01-07,instagram,7,4.00\n"  # row 7: used
    )
    table, report = read("mixed.csv", text)
    assert report.rows_read == 6
    assert report.rows_used == 2
    assert report.rows_excluded == 4
    assert_every_row_accounted_for(report)
    assert report.excluded["row"].tolist() == [3, 4, 5, 6]
    reasons = report.excluded["reason"].tolist()
    assert reasons[0] == reasons[1] == "no numbers in the row"
    assert "clicks" in reasons[2]
    assert "date" in reasons[3]
    assert report.excluded["row"].dtype == np.int64

    summary = " ".join(report.summary())
    assert "mixed.csv" in summary
    assert "rows 3, 4" in summary
    assert "row 5" in summary
    assert "row 6" in summary

    assert table["clicks"].tolist() == [10.0, 7.0]
    assert table["spend"].tolist() == [1.0, 4.0]


def test_xlsx_rows_are_numbered_as_in_the_workbook() -> None:
    data = xlsx_bytes(
        [
            ["date", "platform", "clicks"],
            ["2024-01-01", "facebook", 3],
            ["2024-01-02", "facebook", "lots"],
            [None, None, None],
            ["2024-01-04", "facebook", 5],
        ]
    )
    table, report = read_file("numbered.xlsx", data)
    assert report.rows_read == 4
    assert report.rows_used == 2
    assert report.excluded.to_dict("records") == [
        {"row": 3, "reason": "'lots' in 'clicks' is not a number"},
        {"row": 4, "reason": "no numbers in the row"},
    ]
    assert table["clicks"].tolist() == [3.0, 5.0]


def test_xlsx_dates_typed_as_numbers_are_read_or_reported_never_a_crash() -> None:
    # A date column formatted as "General" holds Excel serial numbers: 45352 is 2024-03-01.
    data = xlsx_bytes(
        [
            ["date", "platform", "clicks"],
            [45352, "facebook", 3],
            [dt.datetime(2024, 3, 2), "facebook", 4],
        ]
    )
    table, report = read_file("serial-dates.xlsx", data)
    assert report.rows_read == 2
    assert_every_row_accounted_for(report)
    # used rows carry their real day, never 1970-01-01
    used = dict(zip(table["clicks"], table["date"].dt.strftime("%Y-%m-%d"), strict=True))
    assert used.get(4.0) == "2024-03-02"
    assert used.get(3.0, "2024-03-01") == "2024-03-01"
    if 3.0 not in used:
        assert report.excluded.to_dict("records") == [
            {"row": 2, "reason": "not a date in column date"}
        ]


def test_negative_count_is_reported() -> None:
    table, report = read("negative.csv", "platform,clicks,spend\nfacebook,-3,1\nfacebook,4,-2\n")
    assert report.excluded.to_dict("records") == [
        {"row": 2, "reason": "'-3' in 'clicks' is a negative count, which cannot be"}
    ]
    # money may be negative (a refund); counts may not
    assert table["spend"].tolist() == [-2.0]
    assert_every_row_accounted_for(report)


# ---------------------------------------------------------------- cleaning cells


def test_placeholders_are_missing_not_errors() -> None:
    text = (
        "date,platform,clicks,impressions,spend,revenue\n"
        "2024-01-01,facebook,--,1000,N/A,5\n"
        "2024-01-02,facebook,3,,--,n/a\n"
        "N/A,facebook,4,N/A,2.5,\n"
        "2024-01-04,facebook,-,\u2014,1,null\n"
    )
    table, report = read("placeholders.csv", text)
    assert report.rows_read == 4
    assert report.rows_used == 4
    assert report.excluded.empty
    assert table["clicks"].tolist()[1:3] == [3.0, 4.0]
    assert np.isnan(table["clicks"].iloc[0])
    assert table["impressions"].iloc[0] == 1000.0
    assert table["impressions"].iloc[1:].isna().all()
    assert table["spend"].iloc[:2].isna().all()
    assert table["spend"].iloc[2:].tolist() == [2.5, 1.0]
    assert table["revenue"].iloc[0] == 5.0
    assert table["revenue"].iloc[1:].isna().all()
    assert table["date"].isna().tolist() == [False, False, True, False]


def test_currency_symbols_and_thousands_separators_are_cleaned() -> None:
    text = (
        "platform,spend,revenue,impressions\n"
        'facebook,"$1,234.50","\u20ac2,000",1000000\n'
        'facebook,$7.25,"\u00a3 12.30","1,000,000"\n'
        'facebook,"US$1,000",99,"12,345"\n'
    )
    table, report = read("money.csv", text)
    assert report.rows_used == 3
    assert table["spend"].tolist() == [1234.5, 7.25, 1000.0]
    assert table["revenue"].tolist() == [2000.0, 12.3, 99.0]
    assert table["impressions"].tolist() == [1_000_000.0, 1_000_000.0, 12_345.0]


def test_infinite_numbers_are_reported_not_loaded() -> None:
    text = (
        "platform,spend,clicks\n"
        "facebook,inf,1\n"  # row 2
        "facebook,1e400,2\n"  # row 3: overflows a float
        "facebook,4,-Infinity\n"  # row 4
        "facebook,5,3\n"  # row 5
    )
    table, report = read("infinite.csv", text)
    assert not np.isinf(table[list(MEASURES)].to_numpy(dtype=float)).any()
    assert report.excluded.to_dict("records") == [
        {"row": 2, "reason": "'inf' in 'spend' is an impossible amount"},
        # the CSV reader reads "1e400" and "-Infinity" as infinite floats
        {"row": 3, "reason": "'inf' in 'spend' is an impossible amount"},
        {"row": 4, "reason": "'-inf' in 'clicks' is an impossible amount"},
    ]
    assert table["spend"].tolist() == [5.0]
    assert_every_row_accounted_for(report)


def test_19_digit_post_id_stays_exact_text() -> None:
    text = "platform,post_id,clicks\nfacebook,1234567890123456789,5\nfacebook,0012,3\n"
    table, report = read("ids.csv", text)
    assert report.column_map["post_id"] == "element"
    assert table["element"].astype(object).tolist() == ["1234567890123456789", "0012"]


def test_text_cells_are_stripped_and_blank_text_is_missing() -> None:
    text = "platform,campaign,clicks\nfacebook,  Spring  ,1\nfacebook,,2\nfacebook,   ,3\n"
    table, _ = read("text.csv", text)
    assert table["campaign"].iloc[0] == "Spring"
    assert table["campaign"].iloc[1:].isna().all()


# ---------------------------------------------------------------- platforms


def test_platform_aliases_are_resolved() -> None:
    text = (
        "platform,clicks\nfb,1\nFB,1\nMeta,1\nTwitter,1\nX (Twitter),1\nig,1\n"
        " Instagram ,1\nLinkedIn,1\nTik Tok,1\nGoogle Ads,1\n"
    )
    table, report = read("aliases.csv", text)
    assert table["platform"].astype(str).tolist() == [
        "facebook",
        "facebook",
        "facebook",
        "x",
        "x",
        "instagram",
        "instagram",
        "linkedin",
        "tiktok",
        "google",
    ]
    assert report.platforms == ["facebook", "google", "instagram", "linkedin", "tiktok", "x"]


def test_no_platform_column_counts_rows_as_other_with_a_warning() -> None:
    table, report = read("anonymous.csv", "clicks,spend\n5,0\n3,2\n")
    assert table["platform"].astype(str).tolist() == ["other", "other"]
    assert report.platforms == ["other"]
    assert len(report.warnings) == 1
    assert "anonymous.csv" in report.warnings[0]
    assert "other" in report.warnings[0]
    assert report.warnings[0] in report.summary()


# ---------------------------------------------------------------- files that cannot be read


def random_bytes() -> bytes:
    return random.Random(20240301).randbytes(4096)


BAD_FILES = [
    pytest.param("empty.csv", b"", "empty", id="empty-bytes"),
    pytest.param("blank.csv", b"   \r\n\r\n  ", "empty", id="only-whitespace"),
    pytest.param(
        "notes.csv",
        b"name,notes\nAlice,hello\nBob,world\n",
        "none of its columns is a number",
        id="no-known-measure",
    ),
    pytest.param("noise.bin", random_bytes(), "not a spreadsheet", id="random-binary"),
    pytest.param(
        "broken.xlsx",
        b"PK\x03\x04" + b"this is not a zip archive" * 20,
        "damaged",
        id="corrupt-zip",
    ),
    pytest.param(
        "photos.xlsx",
        zip_bytes({"holiday.txt": b"not a workbook"}),
        "not an Excel workbook",
        id="zip-but-not-workbook",
    ),
    pytest.param(
        "hollow.xlsx",
        zip_bytes({"[Content_Types].xml": b"<nonsense", "xl/workbook.xml": b"<nonsense"}),
        "could not open it as Excel",
        id="workbook-with-garbage-inside",
    ),
    pytest.param(
        "old.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "could not open it as Excel",
        id="ole-file-that-is-not-a-workbook",
    ),
    pytest.param(
        "ragged.csv",
        b"platform,clicks\nfacebook,1\nfacebook,2,3,4\nfacebook,5,6\n",
        r"2 of its 3 rows have more cells than the column names on line 1; check that they "
        r"are the file's column names\.$",
        id="most-rows-with-more-cells-than-the-header",
    ),
    pytest.param(
        "quote.csv",
        b'platform,clicks\nfacebook,1\n"facebook,2\nfacebook,3\n',
        r'a quoted cell that starts on line 3 is never closed \(a " without its partner\)',
        id="a-quote-never-closed",
    ),
    pytest.param("header1.csv", b"clicks\n", "header but no rows", id="header-only-one-column"),
    pytest.param(
        "header.csv",
        b"date,platform,clicks,spend\n",
        "header but no rows",
        id="header-only-csv",
    ),
    pytest.param(
        "header.xlsx",
        xlsx_bytes([["date", "platform", "clicks"]]),
        "header but no rows",
        id="header-only-xlsx",
    ),
    pytest.param("nothing.xlsx", xlsx_bytes([]), "no rows", id="empty-workbook"),
]


@pytest.mark.parametrize(("name", "data", "problem"), BAD_FILES)
def test_bad_files_raise_input_file_error_naming_the_file(
    name: str, data: bytes, problem: str
) -> None:
    with pytest.raises(InputFileError, match=problem) as caught:
        read_file(name, data)
    assert str(caught.value).startswith(f"{name}: ")
    assert caught.value.file == name
    assert "\n" not in str(caught.value)


def test_xlsx_bomb_is_refused_before_it_is_opened() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        member = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        member.compress_type = zipfile.ZIP_DEFLATED
        chunk = bytes(1 << 20)
        with archive.open(member, "w", force_zip64=True) as handle:
            for _ in range(410):  # 410 MiB of zeros
                handle.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 2_000_000  # a small upload ...
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # ... that expands past 400 MB
        assert sum(m.file_size for m in archive.infolist()) > 400 * 1024 * 1024

    with pytest.raises(InputFileError, match=r"^bomb\.xlsx: .*too large to open safely"):
        read_file("bomb.xlsx", data)


def test_load_files_keeps_the_good_file_and_reports_the_broken_one() -> None:
    files = [
        ("canonical_small.csv", SMALL_CSV.read_bytes()),
        ("broken.xlsx", b"PK\x03\x04" + b"junk" * 50),
    ]
    table, reports = load_files(files)
    assert len(table) == 8
    assert table["spend"].sum() == pytest.approx(255.75)
    assert table["clicks"].sum() == 1170.0
    assert set(table[SOURCE].astype(str)) == {"canonical_small.csv"}
    assert [r.file for r in reports] == ["canonical_small.csv", "broken.xlsx"]
    good, broken = reports
    assert good.error is None
    assert good.rows_used == 8
    assert broken.error is not None
    assert broken.error.startswith("broken.xlsx: ")
    assert broken.rows_used == 0
    assert broken.summary() == [broken.error]


def test_load_files_with_only_broken_files_gives_an_empty_canonical_table() -> None:
    table, reports = load_files([("empty.csv", b"")])
    assert len(table) == 0
    assert list(table.columns) == [*COLUMNS, SOURCE]
    assert reports[0].error is not None
    assert "empty.csv" in reports[0].error


def test_load_files_combines_two_files() -> None:
    second = b"date,platform,spend,clicks\n2024-04-01,tiktok,10.25,30\n"
    table, reports = load_files(
        [("canonical_small.csv", SMALL_CSV.read_bytes()), ("tiktok.csv", second)]
    )
    assert len(table) == 9
    assert table["spend"].sum() == pytest.approx(255.75 + 10.25)
    assert table["clicks"].sum() == 1170.0 + 30.0
    assert str(table["date"].dtype) == "datetime64[ns]"
    assert table["paid"].dtype == bool
    assert isinstance(table["platform"].dtype, pd.CategoricalDtype)
    assert sorted(set(table["platform"].astype(str))) == [
        "facebook",
        "instagram",
        "linkedin",
        "tiktok",
    ]
    assert [r.rows_used for r in reports] == [8, 1]


# ---------------------------------------------------------------- properties


CURRENCY_PREFIXES = ["", "$", "\u20ac", "\u00a3", "US$", "\u20b9", "\u00a5"]


@st.composite
def formatted_amounts(draw: st.DrawFn, symbol: str = "$") -> tuple[str, float]:
    """An amount as a person or an export might write it (with `symbol` or none), and its
    value."""
    cents = draw(st.integers(min_value=0, max_value=10**13))
    whole, fraction = divmod(cents, 100)
    decimals = draw(st.sampled_from(["none", "one", "two"]))
    if decimals == "none":
        fraction = 0
        tail = ""
    elif decimals == "one":
        fraction -= fraction % 10
        tail = f".{fraction // 10}"
    else:
        tail = f".{fraction:02d}"
    digits = f"{whole:,}" if draw(st.booleans()) else str(whole)
    prefix = draw(st.sampled_from(["", symbol]))
    space = draw(st.sampled_from(["", " "])) if prefix else ""
    negative = draw(st.booleans()) and cents > 0
    text = f"{'-' if negative else ''}{prefix}{space}{digits}{tail}"
    value = float(f"{'-' if negative else ''}{whole}.{fraction:02d}")
    return text, value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(CURRENCY_PREFIXES).flatmap(
        lambda symbol: st.lists(formatted_amounts(symbol), min_size=1, max_size=25)
    )
)
def test_number_parser_round_trips_formatted_amounts(cells: list[tuple[str, float]]) -> None:
    """One currency a column (a column in two is refused: test_currency.py)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["spend"])
    for text, _ in cells:
        writer.writerow([text])
    table, report = read_file("amounts.csv", buffer.getvalue().encode("utf-8"))
    assert report.rows_read == len(cells)
    assert report.excluded.empty, report.excluded
    assert report.rows_used == len(cells)
    assert table["spend"].tolist() == [value for _, value in cells]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=10**15), min_size=1, max_size=25))
def test_count_parser_round_trips_integers_with_separators(counts: list[int]) -> None:
    lines = ["platform,clicks"] + [f'facebook,"{count:,}"' for count in counts]
    table, report = read_file("counts.csv", ("\n".join(lines) + "\n").encode("utf-8"))
    assert report.rows_used == len(counts)
    assert table["clicks"].tolist() == [float(count) for count in counts]


def _read_or_input_file_error(name: str, data: bytes) -> None:
    try:
        table, report = read_file(name, data)
    except InputFileError as exc:
        assert str(exc).startswith(f"{name}: ")
        return
    assert_every_row_accounted_for(report)
    assert len(table) == report.rows_used
    assert list(table.columns) == [*COLUMNS, SOURCE]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_only_ever_raises_input_file_error(text: str) -> None:
    _read_or_input_file_error("fuzz.csv", text.encode("utf-8"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list('0123456789,.;-$ "abc\t\n\u00e9')), max_size=12),
        max_size=30,
    )
)
def test_random_cells_under_a_known_header_only_raise_input_file_error(cells: list[str]) -> None:
    data = ("spend,clicks\n" + "\n".join(cells)).encode("utf-8")
    _read_or_input_file_error("cells.csv", data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes_only_ever_raise_input_file_error(data: bytes) -> None:
    _read_or_input_file_error("bytes.xlsx", data)
