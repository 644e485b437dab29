"""Bytes in, the file's table out (smroi.readers): encodings, NUL bytes, rows with more
cells than the header, pandas' parser errors in plain words, and the size limit.

Hostile files are built here in a few bytes; each read is held to loose bounds (5 s,
500 MB traced) so that a reader that hangs or balloons fails the test.
"""

from __future__ import annotations

import io
import random
import time
import tomllib
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager

import openpyxl
import pandas as pd
import pytest

from smroi import readers
from smroi.attribution import read_journeys
from smroi.errors import InputFileError
from smroi.ingest import ImportReport, read_file
from smroi.readers import MAX_FILE_BYTES, MAX_FILE_MB, check_size, read_table
from tests.conftest import ROOT

SECONDS = 5.0
TRACED_BYTES = 500 * 1024 * 1024


@contextmanager
def bounded() -> Iterator[None]:
    """The work inside takes under 5 s of CPU and allocates under 500 MB (as tracemalloc
    sees it: Python objects and NumPy arrays). CPU time, not the clock's, so that a test
    running beside others on a busy machine (pytest-xdist) is held to its own work."""
    tracemalloc.start()
    start = time.process_time()
    try:
        yield
    finally:
        seconds = time.process_time() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert seconds < SECONDS, f"took {seconds:.1f} s"
    assert peak < TRACED_BYTES, f"allocated {peak / 2**20:.0f} MB"


def read(name: str, data: bytes) -> tuple[pd.DataFrame, ImportReport]:
    with bounded():
        return read_file(name, data)


def refused(name: str, data: bytes) -> str:
    """The one sentence a file that cannot be read is refused with."""
    with bounded(), pytest.raises(InputFileError) as caught:
        read_file(name, data)
    text = str(caught.value)
    assert "\n" not in text
    assert caught.value.file == name
    return text


def lines_in(*lines: tuple[str, str]) -> bytes:
    """A file whose lines are each written in the encoding given beside it."""
    return b"".join(f"{text}\n".encode(encoding) for text, encoding in lines)


HEADER = ("date,platform,campaign,spend,clicks", "utf-8")


# ---------------------------------------------------------------- lines in two encodings


def test_a_shop_export_pasted_together_reads_each_line_in_its_own_encoding() -> None:
    data = lines_in(
        HEADER,  # line 1
        ("2024-03-01,facebook,Café ☕,10.00,5", "utf-8"),
        ("2024-03-02,facebook,Zürich,20.00,6", "utf-8"),
        ("2024-03-03,facebook,Crème brûlée,30.00,7", "cp1252"),  # line 4
        ("2024-03-04,instagram,plain,40.00,8", "utf-8"),
        ("2024-03-05,instagram,Łódź,50.00,9", "utf-8"),
        ("2024-03-06,instagram,naïve,60.00,10", "utf-8"),
        ("2024-03-07,instagram,São Paulo,70.00,11", "utf-8"),
        ("2024-03-08,instagram,Façade €5,80.00,12", "cp1252"),  # line 9
    )
    table, report = read("shop.csv", data)
    assert table["campaign"].astype(str).tolist() == [
        "Café ☕",
        "Zürich",
        "Crème brûlée",
        "plain",
        "Łódź",
        "naïve",
        "São Paulo",
        "Façade €5",
    ]
    assert report.rows_used == 8
    assert table["spend"].sum() == 360.0  # 10 + 20 + ... + 80
    assert table["clicks"].sum() == 68.0  # 5 + 6 + ... + 12
    assert report.warnings == [
        "shop.csv: lines 4, 9 were in Windows-1252, the rest in UTF-8; both were read."
    ]


def test_a_mostly_windows_1252_file_names_its_one_utf8_line() -> None:
    data = lines_in(
        HEADER,
        ("2024-03-01,facebook,Crème,1.00,1", "cp1252"),
        ("2024-03-02,facebook,Café ☕,2.00,2", "utf-8"),  # line 3
        ("2024-03-03,facebook,Zürich,3.00,3", "cp1252"),
        ("2024-03-04,facebook,Façade,4.00,4", "cp1252"),
    )
    table, report = read("shop.csv", data)
    assert table["campaign"].astype(str).tolist() == ["Crème", "Café ☕", "Zürich", "Façade"]
    assert report.warnings == [
        "shop.csv: line 3 was in UTF-8, the rest in Windows-1252; both were read."
    ]


def test_line_numbers_of_the_encodings_count_the_title_lines_above_the_header() -> None:
    data = lines_in(
        ("Campaign report", "utf-8"),
        ("March 2024", "utf-8"),
        HEADER,
        ("2024-03-01,facebook,Café ☕,1.00,1", "utf-8"),
        ("2024-03-02,facebook,Crème,2.00,2", "cp1252"),  # line 5 of the file
        ("2024-03-03,facebook,Zürich,3.00,3", "utf-8"),
    )
    table, report = read("titled.csv", data)
    assert table["campaign"].astype(str).tolist() == ["Café ☕", "Crème", "Zürich"]
    assert "titled.csv: line 5 was in Windows-1252, the rest in UTF-8; both were read." in (
        report.warnings
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lines_in(HEADER, ("2024-03-01,facebook,Crème,1.00,1", "cp1252")), id="plain"),
        pytest.param(
            b"\xef\xbb\xbf" + lines_in(HEADER, ("2024-03-01,facebook,Crème,1.00,1", "cp1252")),
            id="with-a-utf8-mark",  # Facebook Insights writes one on a Windows-1252 file
        ),
    ],
)
def test_a_windows_1252_file_is_read_as_one_without_a_note(data: bytes) -> None:
    table, report = read("insights.csv", data)
    assert table["campaign"].astype(str).tolist() == ["Crème"]
    assert list(table.columns[:1]) == ["date"]
    assert report.warnings == []


def test_clean_files_are_decoded_whole_never_line_by_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def line_by_line(name: str, data: bytes) -> tuple[str, list[int], list[int]]:
        raise AssertionError("a file in one encoding went through the line-by-line path")

    monkeypatch.setattr(readers, "_line_by_line", line_by_line)
    rows = [HEADER] + [(f"2024-03-{d:02d},facebook,Café {d},1.00,1", "utf-8") for d in (1, 2)]
    assert read("utf8.csv", lines_in(*rows))[1].rows_used == 2
    cp1252 = [(text, "cp1252") for text, _encoding in rows]
    assert read("cp1252.csv", lines_in(*cp1252))[1].rows_used == 2


def test_a_character_cut_off_at_the_very_end_does_not_refuse_the_file() -> None:
    data = lines_in(HEADER, ("2024-03-01,facebook,a,1.00,1", "utf-8"))
    data += "2024-03-02,facebook,Café".encode()[:-1]  # the é cut in half
    table, report = read("cut.csv", data)
    assert table["campaign"].astype(str).tolist() == ["a"]
    assert report.excluded["row"].tolist() == [3]  # no numbers left in the cut row


def test_a_line_in_no_encoding_smroi_knows_is_refused_in_one_sentence() -> None:
    data = lines_in(HEADER, ("2024-03-01,facebook,Café ☕,1.00,1", "utf-8"))
    data += b"2024-03-02,facebook,\x81\x8d,2.00,2\n"  # undefined in Windows-1252
    assert refused("odd.csv", data) == (
        "odd.csv: the text encoding is not UTF-8, UTF-16 or Windows-1252."
    )


# ---------------------------------------------------------------- NUL bytes


def test_stray_nul_bytes_are_removed_everywhere_and_counted() -> None:
    filler = "2024-03-01,facebook,filler,1.00,1\n" * 200  # 6,800 bytes: past the first 4 KiB
    data = (
        "da\x00te,platform,campaign,spend,clicks\n"
        + filler
        + "2024-03-02,facebook,Spring\x00 sale,5.00,1\n\x00"
    ).encode()
    assert data.index(b"Spring") > 4096
    table, report = read("nul.csv", data)
    assert "date" in table.columns
    assert table["campaign"].astype(str).iloc[-1] == "Spring sale"
    assert not table["campaign"].astype(str).str.contains("\x00").any()
    assert report.rows_used == 201
    assert table["spend"].sum() == 205.0  # 200 x 1.00 + 5.00
    assert report.warnings == ["nul.csv: 3 NUL bytes (invisible null characters) were removed."]


def test_one_nul_byte_is_said_in_the_singular() -> None:
    data = b"platform,clicks\nface\x00book,3\n"
    table, report = read("one.csv", data)
    assert table["platform"].astype(str).tolist() == ["facebook"]
    assert report.warnings[0] == "one.csv: 1 NUL byte (an invisible null character) was removed."


def noise(size: int, seed: int = 15) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(noise(8192), id="random-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise(4000), id="png"),
        pytest.param(b"\x89PNG\x00\x00\x00\rIHDR\x00\x00", id="png-start-only"),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(9) + noise(4000), id="program"),
        pytest.param(bytes(range(256)) * 8, id="every-byte"),
        pytest.param(bytes(4096), id="only-nuls"),
        pytest.param(b"\x00\x01\x02garbage", id="tiny"),
    ],
)
def test_binary_files_are_still_refused(data: bytes) -> None:
    assert refused("photo.csv", data) == "photo.csv: this is not a spreadsheet (CSV or Excel) file."


UTF16_TEXT = "date\tplatform\tcampaign\tspend\n2024-03-01\tfacebook\tCafé\t1.50\n"


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be"], ids=["with-bom", "le-no-bom", "be-no-bom"]
)
def test_utf16_files_are_read_with_or_without_their_mark(encoding: str) -> None:
    table, report = read("planner.csv", UTF16_TEXT.encode(encoding))
    assert table["campaign"].astype(str).tolist() == ["Café"]
    assert table["spend"].tolist() == [1.5]
    assert report.warnings == []


def test_a_null_character_in_a_utf16_file_is_removed_and_counted() -> None:
    data = UTF16_TEXT.replace("Café", "Ca\x00fé").encode("utf-16")
    table, report = read("planner.csv", data)
    assert table["campaign"].astype(str).tolist() == ["Café"]
    assert report.warnings == ["planner.csv: 1 NUL byte (an invisible null character) was removed."]


# ---------------------------------------------------------------- rows with too many cells


RAGGED = (
    b"date,platform,campaign,spend,clicks\n"  # row 1
    b"2024-03-01,facebook,a,10.00,5\n"  # row 2: used
    b"2024-03-02,facebook,b,20.00,6,oops\n"  # row 3: 6 cells
    b"2024-03-03,facebook,c,,\n"  # row 4: no numbers
    b"2024-03-04,facebook,d,40.00,8,x,y\n"  # row 5: 7 cells
    b"2024-03-05,facebook,e,50.00,9\n"  # row 6: used
)


def test_a_row_with_more_cells_than_the_header_is_left_out_with_its_row_number() -> None:
    table, report = read("ragged.csv", RAGGED)
    assert table["campaign"].astype(str).tolist() == ["a", "e"]
    assert table["spend"].sum() == 60.0
    assert report.rows_read == 5
    assert report.rows_used + report.rows_excluded == report.rows_read
    assert report.excluded.to_dict("records") == [
        {"row": 3, "reason": "6 cells where the header has 5"},
        {"row": 4, "reason": "no numbers in the row"},  # numbered right after a skipped row
        {"row": 5, "reason": "7 cells where the header has 5"},
    ]
    assert report.summary() == [
        "ragged.csv: 1 row left out (6 cells where the header has 5): row 3.",
        "ragged.csv: 1 row left out (no numbers in the row): row 4.",
        "ragged.csv: 1 row left out (7 cells where the header has 5): row 5.",
    ]


def test_rows_with_too_many_cells_below_a_title_keep_the_files_row_numbers() -> None:
    data = b"Campaign report\nMarch 2024\n" + RAGGED  # the header moves to row 3
    _table, report = read("titled.csv", data)
    assert report.excluded["row"].tolist() == [5, 6, 7]


def test_the_attribution_reader_lists_a_row_with_too_many_cells() -> None:
    data = (
        b"journey_id,timestamp,channel,value\n"
        b"j1,2026-03-01 10:00,facebook,0\n"
        b"j1,2026-03-01 11:00,email,0,extra\n"  # row 3
        b"j1,2026-03-02 09:00,purchase,50\n"
    )
    with bounded():
        journeys = read_journeys(("journeys.csv", data))
    assert journeys.touchpoints["row"].tolist() == [2, 4]
    assert "journeys.csv: 1 touch row left out (5 cells where the header has 4): row 3." in (
        journeys.warnings
    )


def test_a_file_whose_rows_mostly_have_too_many_cells_is_refused() -> None:
    data = b"platform,clicks\nfacebook,1\nfacebook,2,3\nfacebook,4,5\nfacebook,6,7\n"
    assert refused("shifted.csv", data) == (
        "shifted.csv: 3 of its 4 rows have more cells than the column names on line 1; "
        "check that they are the file's column names."
    )


def test_a_quote_that_is_never_closed_is_one_plain_sentence() -> None:
    data = b'date,platform,spend\n2024-03-01,facebook,1\n2024-03-02,"facebook,2\n2024-03-03,x,3\n'
    assert refused("quote.csv", data) == (
        'quote.csv: a quoted cell that starts on line 3 is never closed (a " without its '
        "partner), so the rest of the file cannot be read."
    )


@pytest.mark.parametrize(
    ("error", "header_at", "sentence"),
    [
        pytest.param(
            "Error tokenizing data. C error: Expected 2 fields in line 5, saw 4",
            2,
            "line 7 has 4 cells where the column names have 2.",
            id="too-many-cells",
        ),
        pytest.param(
            "Error tokenizing data. C error: Buffer overflow caught - possible malformed input",
            0,
            "it could not be read as a table (CSV): its separators or quotes do not line up.",
            id="anything-else",
        ),
    ],
)
def test_pandas_parser_errors_become_plain_sentences(
    error: str, header_at: int, sentence: str
) -> None:
    said = readers._csv_problem(error, header_at)
    assert said == sentence
    assert "C error" not in said and "tokenizing" not in said


# ---------------------------------------------------------------- the size limit


def test_the_size_limit_is_200_mb_of_1024_x_1024_bytes() -> None:
    assert MAX_FILE_MB == 200
    assert MAX_FILE_BYTES == 200 * 1024 * 1024
    check_size("exact.csv", MAX_FILE_BYTES)  # the limit itself is allowed
    with pytest.raises(InputFileError) as caught:
        check_size("big.csv", MAX_FILE_BYTES + 1)
    assert str(caught.value) == (
        "big.csv: the file is 201 MB; the limit is 200 MB. Export a shorter period or fewer "
        "columns."
    )


def test_a_file_over_the_limit_is_refused_with_the_uploaders_number() -> None:
    data = bytes(MAX_FILE_BYTES + 1)
    expected = (
        "big.csv: the file is 201 MB; the limit is 200 MB. Export a shorter period or fewer "
        "columns."
    )
    with pytest.raises(InputFileError) as caught:
        read_file("big.csv", data)
    assert str(caught.value) == expected
    with pytest.raises(InputFileError) as caught:
        read_journeys(("big.csv", data))
    assert str(caught.value) == expected


def test_the_uploader_and_the_server_state_the_same_limit() -> None:
    from ui.sidebar import MAX_UPLOAD_MB

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_FILE_MB
    assert MAX_UPLOAD_MB == MAX_FILE_MB


def test_read_table_keeps_the_files_own_headers() -> None:
    with bounded():
        raw = read_table("plain.csv", b"Day,Amount spent\n2024-03-01,1.50\n", {})
    assert list(raw.columns) == ["Day", "Amount spent"]
    assert raw.attrs["unread_rows"] == []


def test_without_unread_rows_gives_the_rows_read_and_a_sentence_for_the_others() -> None:
    raw = read_table("coupons.csv", b"code,platform\nFB10,facebook\nIG15,instagram,x\nS20,ig\n", {})
    kept, notes = readers.without_unread_rows("coupons.csv", raw)
    assert kept["code"].tolist() == ["FB10", "S20"]
    assert notes == ["coupons.csv: 1 row left out (3 cells where the header has 2): row 3."]
    assert readers.without_unread_rows("coupons.csv", kept) == (kept, [])


# --- how wide a table can be ------------------------------------------------------------


def test_a_header_wider_than_a_spreadsheet_is_refused_quickly() -> None:
    names = ",".join(f"c{i}" for i in range(200_000))
    data = f"{names}\n{','.join('1' * 200_000)}\n".encode()
    start = time.perf_counter()
    text = refused("wide.csv", data)
    assert time.perf_counter() - start < 2.0
    assert text == (
        "wide.csv: its header has 200,000 columns, more than a spreadsheet can hold (16,384); "
        "export fewer columns."
    )


def test_a_header_as_wide_as_a_spreadsheet_is_read() -> None:
    names = ["Date", "Spend", *(f"extra {i}" for i in range(16_382))]
    data = (",".join(names) + "\n2026-01-05,12.5," + ",".join("x" * 16_382) + "\n").encode()
    table = read_table("widest.csv", data, {})
    assert table.shape == (1, 16_384)


def test_a_header_longer_than_the_sample_keeps_all_its_names() -> None:
    # 4,000 names of 20 bytes: 80 KB, longer than the 64 KiB the header search reads
    names = ["Date", "Spend", *(f"a long column nr {i:04d}" for i in range(4_000))]
    data = (",".join(names) + "\n2026-01-05,12.5," + ",".join("7" * 4_000) + "\n").encode()
    table = read_table("long header.csv", data, {})
    assert list(table.columns) == names
    assert table["a long column nr 3999"].tolist() == ["7"]  # text, as every non-measure


def test_a_file_with_thousands_of_unused_columns_names_twenty_of_them() -> None:
    extra = [f"extra {i}" for i in range(5_000)]
    data = "Date,Spend," + ",".join(extra) + "\n2026-01-05,12.5," + ",".join("1" * 5_000)
    _frame, report = read("many columns.csv", data.encode())
    [sentence] = [str(s) for s in report.summary() if "not used" in str(s)]
    assert sentence == (
        "many columns.csv: 5,000 columns not used, among them " + ", ".join(extra[:20]) + "."
    )


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_header_below_title_lines_in_words_smroi_does_not_know() -> None:
    data = _workbook(
        [
            ["Kampanjaraportti"],
            ["1.5.2026 - 31.5.2026"],
            [],
            ["Kampanja", "Päivä", "Kulut", "Näyttökerrat"],
            ["Kevät", "2026-05-01", 12.5, 1000],
            ["Syksy", "2026-05-02", 7.25, 400],
        ]
    )
    raw = read_table("raportti.xlsx", data, {})
    assert list(raw.columns) == ["Kampanja", "Päivä", "Kulut", "Näyttökerrat"]
    assert len(raw) == 2
    table, report = read_file("raportti.xlsx", data, {"Kulut": "spend", "Päivä": "date"})
    assert table["spend"].sum() == pytest.approx(12.5 + 7.25)
    assert report.summary()[0] == (
        "raportti.xlsx: 3 rows above the column names (a title or date range) passed over."
    )


def test_a_workbook_whose_first_row_is_widest_keeps_it_as_the_header() -> None:
    data = _workbook([["Xyz", "Qrs", "Note"], ["a", 1, None], ["b", 2, "ok"]])
    assert list(read_table("plain.xlsx", data, {}).columns) == ["Xyz", "Qrs", "Note"]
