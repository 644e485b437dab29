"""Which platform's export a file is: decided from the columns only that platform writes,
shown with those columns, and changed by the user when it is wrong (issue 16, item 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smroi import load_files, read_file
from smroi.cli import main
from smroi.errors import InputFileError
from smroi.exports import EXPORTS_BY_KEY, NO_EXPORT, recognise_with_evidence
from tests.conftest import REALDATA
from tests.test_pages import rendered, run_app

# a Pinterest Ads export: three columns only Pinterest writes, and "Ad group name", which
# TikTok writes too (anonymised rows)
PINTEREST = (
    "Campaign name,Ad group name,Pin promotion name,Impressions,Pin clicks,"
    "Spend in account currency\n"
    "Spring,Group 1,Pin A,1000,40,12.50\n"
    "Spring,Group 2,Pin B,3000,60,30.25\n"
)
# the same delivery with only the one shared name: not enough to be sure
AD_GROUP_ONLY = (
    "Campaign name,Ad group name,Impressions,Clicks,Spend\n"
    "Spring,Group 1,1000,40,12.50\n"
    "Spring,Group 2,3000,60,30.25\n"
)
# one column of Pinterest's, one of TikTok's: as many of each
ONE_OF_EACH = (
    "Campaign name,Ad group name,Impressions,Clicks,Spend in account currency\n"
    "Spring,Group 1,1000,40,12.50\n"
    "Spring,Group 2,3000,60,30.25\n"
)
# a Google Ads video report without a column only Google writes: its Interactions are its
# clicks, but only a user who says it is Google's can tell
VIDEO_REPORT = (
    "Campaign,Day,Interactions,Impressions,Cost\n"
    "Video A,2026-05-01,40,400,12.00\n"
    "Video A,2026-05-02,5,100,3.00\n"
)


def test_a_file_with_several_columns_only_one_platform_writes_is_recognised_surely() -> None:
    found = recognise_with_evidence(PINTEREST.splitlines()[0].split(","))
    assert found.export is EXPORTS_BY_KEY["pinterest_ads"]
    assert found.evidence == ("Pin promotion name", "Pin clicks", "Spend in account currency")
    assert [other.name for other in found.others] == ["TikTok Ads"]  # its "Ad group name"
    assert found.sure and not found.chosen


def test_the_data_page_sentence_names_the_columns_that_tell_the_platform() -> None:
    table, report = read_file("pins.csv", PINTEREST.encode())
    assert report.export == "Pinterest Ads"
    assert set(table["platform"]) == {"pinterest"}
    assert table["spend"].sum() == pytest.approx(12.50 + 30.25)
    assert table["clicks"].sum() == 40 + 60
    assert report.recognition_note() == (
        "pins.csv: recognised as Pinterest Ads from its columns 'Pin promotion name', "
        "'Pin clicks', 'Spend in account currency'."
    )
    assert report.recognition_note() not in report.summary()  # sure: nothing to warn about


def test_one_shared_column_is_not_enough_to_be_sure_and_the_report_says_so() -> None:
    table, report = read_file("ads.csv", AD_GROUP_ONLY.encode())
    assert report.export == "TikTok Ads"
    assert not report.recognition.sure
    note = (
        "ads.csv: read as TikTok Ads from one column only ('Ad group name'); if it is another "
        "platform's export, choose the platform on the Data page."
    )
    assert report.recognition_note() == note
    assert report.summary()[0] == note  # asked first, as the CLI's first warning
    assert table["spend"].sum() == pytest.approx(12.50 + 30.25)


def test_as_many_columns_of_two_platforms_is_not_sure_and_names_the_other() -> None:
    _table, report = read_file("ads.csv", ONE_OF_EACH.encode())
    assert report.export == "Pinterest Ads"  # listed first of the two
    assert not report.recognition.sure
    assert report.recognition_note() == (
        "ads.csv: read as Pinterest Ads from its column 'Spend in account currency', but it "
        "also has columns of TikTok Ads; if it is another platform's export, choose the "
        "platform on the Data page."
    )


def test_the_user_chooses_the_platform_and_its_own_names_are_read() -> None:
    table, report = read_file("report.csv", VIDEO_REPORT.encode())
    assert report.export is None
    assert set(table["platform"]) == {"other"}
    assert table["clicks"].isna().all()  # not reported, as far as smroi can tell
    assert report.recognition_note() == (
        "report.csv: not recognised as any platform's export; its columns are read by their names."
    )

    table, report = read_file("report.csv", VIDEO_REPORT.encode(), export_choice="google_ads")
    assert report.export == "Google Ads"
    assert set(table["platform"]) == {"google"}
    assert table["clicks"].sum() == 40 + 5
    assert table["spend"].sum() == pytest.approx(12.00 + 3.00)
    assert report.recognition.chosen and report.recognition.sure
    assert report.recognition_note() == "report.csv: read as Google Ads, as you chose."


def test_a_wrong_guess_is_undone_by_choosing_the_right_platform() -> None:
    table, report = read_file("ads.csv", AD_GROUP_ONLY.encode(), export_choice="pinterest_ads")
    assert report.export == "Pinterest Ads"
    assert set(table["platform"]) == {"pinterest"}
    assert report.summary()[:1] != [report.recognition_note()]  # no longer asked


def test_choosing_none_reads_the_columns_by_their_names() -> None:
    table, report = read_file("pins.csv", PINTEREST.encode(), export_choice=NO_EXPORT)
    assert report.export is None
    assert set(table["platform"]) == {"other"}
    assert "Spend in account currency" in report.ignored_columns  # only Pinterest's name
    assert table["spend"].isna().all()
    assert report.recognition_note() == (
        "pins.csv: read as no platform's export, as you chose; its columns are read by their names."
    )


def test_load_files_applies_each_files_choice_to_that_file_only() -> None:
    table, reports = load_files(
        [("a.csv", AD_GROUP_ONLY.encode()), ("b.csv", AD_GROUP_ONLY.encode())],
        exports={"a.csv": "pinterest_ads"},
    )
    assert [r.export for r in reports] == ["Pinterest Ads", "TikTok Ads"]
    by_platform = table.groupby("platform", observed=True)["spend"].sum()
    assert by_platform["pinterest"] == pytest.approx(12.50 + 30.25)
    assert by_platform["tiktok"] == pytest.approx(12.50 + 30.25)


# ---- the command line: --platform ----


def test_smroi_summary_reads_a_file_as_the_platform_chosen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.csv"
    report.write_text(VIDEO_REPORT, encoding="utf-8")
    assert main(["summary", str(report), "--json", "--platform", "google_ads"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["totals"]["clicks"] == 45
    assert list(result["by_platform"]) == ["google"]

    other = tmp_path / "other.csv"
    other.write_text(VIDEO_REPORT, encoding="utf-8")
    args = ["summary", str(report), str(other), "--json", "--platform", "report.csv=google_ads"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["totals"]["clicks"] == 45  # other.csv's Interactions stay unread
    assert sorted(result["by_platform"]) == ["google", "other"]


def test_smroi_summary_warns_when_unsure_of_the_platform(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ads = tmp_path / "ads.csv"
    ads.write_text(AD_GROUP_ONLY, encoding="utf-8")
    assert main(["summary", str(ads), "--json"]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert warnings[0] == (
        f"{ads}: read as TikTok Ads from one column only ('Ad group name'); if it is another "
        "platform's export, choose the platform on the Data page."
    )


@pytest.mark.parametrize(
    ("choice", "says"),
    [
        ("pinterest", "'pinterest' is not a platform export smroi knows: use one of"),
        ("x.csv=google_ads", "--platform names 'x.csv', which is not one of the files."),
    ],
)
def test_a_wrong_platform_choice_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, choice: str, says: str
) -> None:
    report = tmp_path / "report.csv"
    report.write_text(VIDEO_REPORT, encoding="utf-8")
    try:
        status = main(["summary", str(report), "--platform", choice])
    except SystemExit as stopped:  # argparse's own check of the value
        status = stopped.code
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("smroi: ") and says in err
    assert len(err.strip().splitlines()) == 1


# ---- the Data page ----


def test_the_data_page_says_why_and_the_user_changes_the_platform() -> None:
    app = run_app("pages/data.py")
    app.file_uploader(key="uploads").set_value(
        [("ads.csv", AD_GROUP_ONLY.encode(), "text/csv")]
    ).run()
    assert not app.exception, app.exception
    unsure = (
        "ads.csv: read as TikTok Ads from one column only ('Ad group name'); if it is another "
        "platform's export, choose the platform on the Data page."
    )
    assert unsure in [rendered(warning.value) for warning in app.warning]
    [expander] = [e for e in app.expander if e.label.startswith(r"ads\.csv")]
    assert expander.proto.expanded  # open at the question
    [choice] = [box for box in app.selectbox if box.label == "Platform export"]
    assert choice.value == "(automatic)"
    assert choice.options[0] == "Recognise it from its columns"
    assert "Pinterest Ads" in choice.options and choice.options[-1].startswith("None of these")

    choice.set_value("pinterest_ads").run()
    assert not app.exception, app.exception
    assert app.session_state["data.exports"] == {"ads.csv": "pinterest_ads"}
    table = app.session_state["view"].data.table
    assert set(table["platform"]) == {"pinterest"}
    assert table["spend"].sum() == pytest.approx(12.50 + 30.25)
    assert unsure not in [rendered(warning.value) for warning in app.warning]
    assert "ads.csv: read as Pinterest Ads, as you chose." in [
        rendered(caption.value) for caption in app.caption
    ]

    [choice] = [box for box in app.selectbox if box.label == "Platform export"]
    choice.set_value("(automatic)").run()
    assert app.session_state["data.exports"] == {}
    assert set(app.session_state["view"].data.table["platform"]) == {"tiktok"}


def test_one_column_no_other_table_names_is_enough_to_be_sure() -> None:
    data = "Reporting starts,Campaign name,Impressions,Link clicks\n2026-05-01,A,100,7\n"
    table, report = read_file("meta.csv", data.encode())
    assert report.export == "Meta Ads Manager"
    assert set(table["platform"]) == {"facebook"}
    assert report.recognition.evidence == ("Reporting starts",)
    assert report.recognition.sure
    assert report.recognition_note() not in report.summary()


@pytest.mark.skipif(not REALDATA.exists(), reason="the shared real exports are not here")
def test_no_real_export_is_doubted() -> None:
    doubted = []
    for path in sorted(REALDATA.rglob("*")):
        if path.suffix not in (".csv", ".xlsx"):
            continue
        try:
            _table, report = read_file(path.name, path.read_bytes())
        except InputFileError:
            continue
        if not report.recognition.sure:
            doubted.append(path.name)
    assert doubted == []
