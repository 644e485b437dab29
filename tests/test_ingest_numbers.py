"""Numbers read one way per column (issue 15, item 4), as a user importing a file sees them.

MIXED_FILE's Spend column proves both decimal marks ("1,234.50" only reads with a point,
"1.234,50" only with a comma), so nothing in it that reads differently with either mark is
guessed. By hand:
- no choice: rows 2, 3, 4 wait for the choice, row 8 ("0x10") is not a number, row 9 has
  -5 clicks; rows 5, 6, 7 are used: spend 100 - 25 + 1000 = 1,075, clicks 40 + 50 + 60 = 150;
- the comma chosen: "2.500" is 2,500, spend 1,234.50 + 1,234.50 + 2,500 + 1,075 = 6,044;
- the point chosen: "2.500" is 2.5, spend 1,234.50 + 1,234.50 + 2.5 + 1,075 = 3,546.50.
Row 6's -25 (a refund) is counted as written, and listed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smroi import load_files
from smroi.cli import main
from smroi.ingest import read_file

MIXED_FILE = (
    b"date,platform,campaign,Spend,Clicks\n"
    b'2026-01-05,facebook,A,"1,234.50",10\n'  # row 2: only a point reads it
    b'2026-01-06,facebook,A,"1.234,50",20\n'  # row 3: only a comma reads it
    b"2026-01-07,facebook,A,2.500,30\n"  # row 4: 2.5 or 2,500
    b"2026-01-08,facebook,A,100,40\n"  # row 5: the same either way
    b"2026-01-09,facebook,A,-25,50\n"  # row 6: a refund
    b"2026-01-10,facebook,A,1e3,60\n"  # row 7: 1,000
    b"2026-01-11,facebook,A,0x10,70\n"  # row 8: not a number
    b"2026-01-12,facebook,A,50,-5\n"  # row 9: a negative count
)
QUESTION = "'Spend' mixes 1,234.50 and 1.234,50: which is the decimal mark?"
MIXED_WARNING = (
    "ads.csv: 'Spend' mixes 1,234.50 and 1.234,50, so those rows are left out until you "
    "choose which is the decimal mark (on the Data page, or with smroi's --decimal-mark)."
)
REFUND_WARNING = (
    "ads.csv: 1 row has a negative 'Spend' (a refund or credit?), counted as written: row 6."
)


def test_a_column_that_mixes_decimal_marks_is_reported_not_guessed() -> None:
    table, report = read_file("ads.csv", MIXED_FILE)
    assert report.mixed_decimal_columns == {"Spend": ("1,234.50", "1.234,50")}
    assert report.excluded.to_dict("records") == [
        {"row": 2, "reason": QUESTION},
        {"row": 3, "reason": QUESTION},
        {"row": 4, "reason": QUESTION},
        {"row": 8, "reason": "'0x10' in 'Spend' is not a number"},
        {"row": 9, "reason": "'-5' in 'Clicks' is a negative count, which cannot be"},
    ]
    assert MIXED_WARNING in report.warnings
    assert table["spend"].tolist() == [100.0, -25.0, 1000.0]
    assert table["spend"].sum() == 1075.0
    assert table["clicks"].sum() == 150.0
    assert report.rows_read == 8 and report.rows_used == 3


def test_the_summary_says_which_rows_wait_for_the_choice() -> None:
    _table, report = read_file("ads.csv", MIXED_FILE)
    assert f"ads.csv: 3 rows left out ({QUESTION}): rows 2, 3, 4." in report.summary()


@pytest.mark.parametrize(("mark", "spend", "waiting"), [(",", 6044.0, 2500.0), (".", 3546.5, 2.5)])
def test_the_users_decimal_mark_reads_the_column(mark: str, spend: float, waiting: float) -> None:
    table, report = read_file("ads.csv", MIXED_FILE, decimal_marks={"Spend": mark})
    assert report.mixed_decimal_columns == {}
    assert report.decimal_marks == {"Spend": mark}
    assert MIXED_WARNING not in report.warnings
    assert table["spend"].tolist() == [1234.5, 1234.5, waiting, 100.0, -25.0, 1000.0]
    assert table["spend"].sum() == pytest.approx(spend)
    assert report.excluded["row"].tolist() == [8, 9]


def test_load_files_passes_the_choice_to_each_file_through_its_worker() -> None:
    files = [("ads.csv", MIXED_FILE), ("other.csv", MIXED_FILE)]
    table, reports = load_files(files, decimal_marks={"ads.csv": {"Spend": ","}})
    by_file = table.groupby("source", observed=True)["spend"].sum()
    assert by_file["ads.csv"] == pytest.approx(6044.0)
    assert by_file["other.csv"] == pytest.approx(1075.0)  # no choice made for it
    assert reports[0].mixed_decimal_columns == {}
    assert reports[1].mixed_decimal_columns == {"Spend": ("1,234.50", "1.234,50")}


def test_negative_spend_is_counted_as_written_and_listed() -> None:
    _table, report = read_file("ads.csv", MIXED_FILE, decimal_marks={"Spend": ","})
    assert report.negative_amounts == [(6, "Spend", -25.0)]
    assert REFUND_WARNING in report.warnings


def test_negative_amounts_in_a_left_out_row_are_not_listed() -> None:
    text = "platform,spend,clicks\nfacebook,-10,-1\nfacebook,-2,3\nfacebook,-3,4\n"
    table, report = read_file("refunds.csv", text.encode())
    assert table["spend"].sum() == -5.0
    assert report.negative_amounts == [(3, "spend", -2.0), (4, "spend", -3.0)]
    assert (
        "refunds.csv: 2 rows have a negative 'spend' (refunds or credits?), counted as "
        "written: rows 3, 4."
    ) in report.warnings
    assert report.excluded.to_dict("records") == [
        {"row": 2, "reason": "'-1' in 'clicks' is a negative count, which cannot be"}
    ]


@pytest.mark.parametrize(
    ("cell", "spend"),
    [("1e3", 1000.0), ("1.5E-2", 0.015), ("1'234.50", 1234.5), ("1 234,50", 1234.5)],
)
def test_scientific_and_grouped_amounts_are_read(cell: str, spend: float) -> None:
    table, report = read_file("one.csv", f'platform,spend\nfacebook,"{cell}"\n'.encode())
    assert report.excluded.empty
    assert table["spend"].tolist() == [pytest.approx(spend)]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("0x10", "'0x10' in 'spend' is not a number"),
        ("12abc", "'12abc' in 'spend' is not a number"),
        ("1.2.3,4", "'1.2.3,4' in 'spend' is not a number"),
        ("-1e308", "'-1e308' in 'spend' is an impossible amount"),
        ("1e300", "'1e300' in 'spend' is an impossible amount"),
    ],
)
def test_a_cell_that_is_no_amount_leaves_its_row_out_with_its_reason(
    cell: str, reason: str
) -> None:
    text = f'platform,spend\nfacebook,"{cell}"\nfacebook,"12,50"\nfacebook,"1.234"\n'
    table, report = read_file("bad.csv", text.encode())
    assert report.excluded.to_dict("records") == [{"row": 2, "reason": reason}]
    assert table["spend"].tolist() == [12.5, 1234.0]  # a comma column: "1.234" is 1,234


def test_a_semicolon_separated_file_reads_a_lone_1_234_as_a_thousand() -> None:
    table, report = read_file("eu.csv", b"platform;clicks;spend\nfacebook;1.234;100\n")
    assert report.excluded.empty
    assert table["clicks"].tolist() == [1234.0]


def test_the_cli_says_so_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ads.csv"
    path.write_bytes(MIXED_FILE)
    status = main(["summary", str(path), "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    result = json.loads(out)
    assert (result["rows_read"], result["rows_used"]) == (8, 3)
    assert result["totals"]["spend"] == pytest.approx(1075.0)
    warnings = [warning.replace(str(path), "ads.csv") for warning in result["warnings"]]
    assert MIXED_WARNING in warnings
    assert REFUND_WARNING in warnings
    assert f"ads.csv: 3 rows left out ({QUESTION}): rows 2, 3, 4." in warnings


def test_many_different_bad_values_in_a_column_share_one_reason() -> None:
    lines = [b"date,platform,Spend,Clicks"]
    for i in range(40):  # every other row's Spend is text: 'n/a 1', 'n/a 3' ...
        spend = f"n/a {i}" if i % 2 else "12.5"
        lines.append(f"2026-06-{i % 28 + 1:02d},facebook,{spend},{i}".encode())
    _table, report = read_file("many.csv", b"\n".join(lines) + b"\n")
    assert report.reasons() == {
        "text that is not a number in 'Spend', such as 'n/a 1'": (
            "text that is not a number in 'Spend', such as 'n/a 1'"
        )
    }
    assert report.excluded["row"].tolist() == list(range(3, 42, 2))
    [sentence] = [str(s) for s in report.summary() if "left out" in str(s)]
    assert sentence.startswith(
        "many.csv: 20 rows left out (text that is not a number in 'Spend', such as 'n/a 1'): "
        "rows 3, 5, 7"
    )


@pytest.mark.parametrize(
    ("choice", "spend"), [("Spend=,", 6044.0), ("Spend=point", 3546.5), ("Spend = comma", 6044.0)]
)
def test_the_cli_reads_the_column_with_the_mark_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], choice: str, spend: float
) -> None:
    path = tmp_path / "ads.csv"
    path.write_bytes(MIXED_FILE)
    status = main(["summary", str(path), "--json", "--decimal-mark", choice])
    out, err = capsys.readouterr()
    assert status == 0, err
    result = json.loads(out)
    assert result["totals"]["spend"] == pytest.approx(spend)
    assert (result["rows_read"], result["rows_used"]) == (8, 6)
    assert not [warning for warning in result["warnings"] if "mixes" in warning]


@pytest.mark.parametrize("choice", ["Spend", "Spend=;", "=,"])
def test_a_decimal_mark_that_is_not_one_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], choice: str
) -> None:
    path = tmp_path / "ads.csv"
    path.write_bytes(MIXED_FILE)
    with pytest.raises(SystemExit) as exit_:
        main(["summary", str(path), "--decimal-mark", choice])
    assert exit_.value.code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "is not a column and its decimal mark, such as 'Spend=,' or 'Spend=.'" in line


def test_a_huge_cell_is_quoted_short_and_its_row_is_not_taken_for_a_header() -> None:
    data = b"Date,Spend\n2026-06-01," + b"9" * 100_000 + b"\n2026-06-02,12.5\n"
    table, report = read_file("huge.csv", data)
    assert table["spend"].tolist() == [12.5]
    assert report.excluded.to_dict("records") == [
        {"row": 2, "reason": "'" + "9" * 39 + "…' in 'Spend' is an impossible amount"}
    ]


def test_a_file_whose_only_row_is_left_out_is_read_with_no_rows_used() -> None:
    _table, report = read_file("one.csv", b"Date,Spend\n2026-06-01,0x10\n")
    assert (report.rows_read, report.rows_used) == (1, 0)
    assert report.reasons() == {
        "'0x10' in 'Spend' is not a number": "'0x10' in 'Spend' is not a number"
    }


def test_a_refund_row_without_a_paid_column_is_paid() -> None:
    table, _report = read_file(
        "refund.csv", b"date,platform,Spend\n2026-06-01,facebook,40\n2026-06-02,facebook,-15\n"
    )
    assert table["paid"].tolist() == [True, True]
    assert table.loc[table["paid"], "spend"].sum() == 25.0


def test_a_count_column_that_proves_no_mark_reads_as_its_file_writes_numbers() -> None:
    # a Turkish report, tab-separated (no hint from the delimiter): "1.000" impressions beside
    # "125,50" of cost is one thousand, as the cost column shows the file writes numbers
    text = (
        "Gün\tKampanya\tGösterim\tTıklamalar\tMaliyet\tOrt. TBM\n"
        "2026-09-01\tA\t1.000\t50\t125,50\t2,51\n"
        "2026-09-02\tA\t2.500\t40\t74,50\t1,86\n"
        "2026-09-03\tB\t500\t10\t1.200,00\t120,00\n"
    )
    table, report = read_file("rapor.csv", text.encode("utf-16"))
    assert table["impressions"].tolist() == [1000, 2500, 500]
    assert table["spend"].sum() == pytest.approx(125.5 + 74.5 + 1200.0)
    assert report.rows_used == 3


def test_a_semicolon_file_that_writes_decimal_points_reads_a_lone_1_234_as_a_thousand() -> None:
    # the ";" hints at a decimal comma, but the Spend column proves the point ("12.50"),
    # so "1,234" impressions is 1,234, not 1.234
    data = b"date;campaign;Impressions;Spend\n2026-01-05;A;1,234;12.50\n2026-01-06;A;900;7.25\n"
    table, _report = read_file("ads.csv", data)
    assert table["impressions"].tolist() == [1234, 900]
    assert table["spend"].sum() == pytest.approx(12.5 + 7.25)


def test_a_column_the_user_chose_a_mark_for_keeps_it_whatever_the_file_writes() -> None:
    text = "Gün\tKampanya\tGösterim\tMaliyet\n2026-09-01\tA\t1.000\t125,50\n"
    table, _report = read_file("rapor.csv", text.encode("utf-16"), decimal_marks={"Gösterim": "."})
    assert table["impressions"].tolist() == [1.0]
