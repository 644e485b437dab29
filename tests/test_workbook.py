"""The Excel report (smroi.workbook), re-opened as a user would: numbers against hand sums.

The table of most tests (January 2026, settings in NOK, no monthly costs):

| date   | platform  | campaign   | element  | paid | spend | impr.  | click | eng. | sales | rev. |
|--------|-----------|------------|----------|------|-------|--------|-------|------|-------|------|
| 5 Jan  | facebook  | =HYPERLINK | Ad A     | yes  | 200   | 10,000 | 200   |      | 6     | 700  |
| 20 Jan | instagram | +1-2       | @SUM(A1) | yes  | 100   | 5,000  | 50    |      | 3     | 200  |
| 12 Jan | linkedin  | -minus     | Post     | no   |       | 2,000  | 20    | 40   |       |      |

(=HYPERLINK is the campaign '=HYPERLINK("http://evil","x")'; 5 and 12 Jan are Mondays.)
Return = tracked revenue 700 + 200 = 900 (leads and engagements are worth 0 here), total
cost = ad spend 300, so profit 600 and ROI 200 %. No row has leads: cost per lead is
undefined. Earned media value (organic row 3, default rates CPM 7, CPC 1, CPE 0):
2000 / 1000 x 7 + 20 x 1 = 34.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

import smroi
import smroi.workbook
from smroi.cli import summarise
from smroi.ingest import ImportReport
from smroi.registry import SUMMARY_KEYS
from smroi.settings import Costs, Goal, Settings, ValueAssumptions
from smroi.workbook import escape_formula_text, report_workbook, table_csv

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CHART_NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
EVIL = ['=HYPERLINK("http://evil","x")', "+1-2", "@SUM(A1)", "-minus"]
EVIL_FILE = "=cmd|' /C calc'!A0.csv"
SHEETS = [
    "Summary",
    "By platform",
    "By campaign",
    "By element",
    "Over time",
    "Earned media",
    "Funnel",
    "Goals",
    "Data",
    "Import report",
]
NOK = '#,##0.00 "kr"'  # what the app shows for NOK: "1,234.50 kr"


def january() -> pd.DataFrame:
    return smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-01-05", "2026-01-20", "2026-01-12"],
                "platform": ["facebook", "instagram", "linkedin"],
                "campaign": [EVIL[0], EVIL[1], EVIL[3]],
                "element": ["Ad A", EVIL[2], "Post"],
                "paid": [True, True, False],
                "spend": [200, 100, None],
                "impressions": [10000, 5000, 2000],
                "clicks": [200, 50, 20],
                "engagements": [None, None, 40],
                "conversions": [6, 3, None],
                "revenue": [700, 200, None],
            }
        )
    )


def two_months(instagram: str = "instagram") -> pd.DataFrame:
    """Two months, every row paid, no monthly costs (the Funnel and Goals sheets):

    | date   | platform  | spend | impr.  | click | leads | sales | rev. | age        | utm_camp. |
    |--------|-----------|-------|--------|-------|-------|-------|------|------------|-----------|
    | 5 Jan  | facebook  | 100   | 10,000 | 200   | 20    | 5     | 500  | 25-34      | spring    |
    | 20 Jan | instagram | 50    | 4,000  | 40    | 4     | 1     | 100  | =HYPERLINK | +1-2      |
    | 3 Feb  | facebook  | 200   | 20,000 | 300   | 30    | 6     | 600  | 25-34      | spring    |
    | 10 Feb | instagram | 100   | 6,000  | 60    | 6     | 2     | 200  | 35-44      | spring    |

    The data covers 5 Jan to 10 Feb: January 27 days, February 10 (both partial).
    Return = revenue (leads are worth 0): January 600 on a cost of 150, February 800 on 300.
    """
    return smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-01-05", "2026-01-20", "2026-02-03", "2026-02-10"],
                "platform": ["facebook", instagram, "facebook", instagram],
                "campaign": ["A", EVIL[0], "A", "B"],
                "paid": [True, True, True, True],
                "spend": [100, 50, 200, 100],
                "impressions": [10000, 4000, 20000, 6000],
                "clicks": [200, 40, 300, 60],
                "leads": [20, 4, 30, 6],
                "conversions": [5, 1, 6, 2],
                "revenue": [500, 100, 600, 200],
                "age": ["25-34", EVIL[0], "25-34", "35-44"],
                "utm_campaign": ["spring", EVIL[1], "spring", "spring"],
            }
        )
    )


GOAL_SETTINGS = Settings(
    currency="NOK",
    goals=(
        Goal(metric="leads", target=30, period="month"),
        Goal(metric="cpl", target=6, period="month"),
    ),
)


def import_report() -> ImportReport:
    return ImportReport(
        file=EVIL_FILE,
        rows_read=5,
        rows_used=3,
        platforms=["facebook", "instagram", "linkedin"],
        excluded=pd.DataFrame({"row": [5, 6], "reason": ["a totals row", "=1+1 has no date"]}),
        currency="NOK",
        export="Meta Ads Manager",
        warnings=["A note from the importer."],
    )


NOK_SETTINGS = Settings(currency="NOK")


def export(
    table: pd.DataFrame | None = None, settings: Settings = NOK_SETTINGS, **kw: Any
) -> bytes:
    table = january() if table is None else table
    return report_workbook(table, [import_report()], settings, **kw)


def goals_export() -> bytes:
    return report_workbook(two_months(), [], GOAL_SETTINGS, period="month")


def book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def summary_cells(workbook: openpyxl.Workbook) -> dict[str, Any]:
    """Metric label -> its Value cell, from the Summary's metric table."""
    sheet = workbook["Summary"]
    rows = list(sheet.iter_rows())
    header = next(i for i, row in enumerate(rows) if row[0].value == "Metric")
    cells = {}
    for row in rows[header + 1 :]:
        if row[0].value is None:
            break
        cells[row[0].value] = row[1]
    return cells


def table_rows(sheet: Any) -> list[dict[str, Any]]:
    """The table under a sheet's header row 1, as header -> value, up to the first empty row."""
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    out = []
    for row in rows[1:]:
        if all(value is None for value in row):
            break
        out.append(dict(zip(header, row, strict=False)))
    return out


# ---------------------------------------------------------------- the numbers


BY_HAND = {
    "Ad spend": 300.0,
    "Impressions": 17000,
    "Clicks": 270,
    "Engagements": 40,
    "Leads": None,  # no row reports leads: an empty cell, not 0
    "Sales": 9,
    "Tracked revenue": 900.0,
    "Other costs": 0.0,
    "Total cost": 300.0,
    "Return": 900.0,
    "Profit": 600.0,
    "ROI": 2.0,  # 200 %, a true Excel percentage
    "ROAS": 3.0,  # 900 / 300
    "CTR": 270 / 17000,
    "CPC": 300 / 250,  # paid clicks only
    "CPM": 300 / 15000 * 1000,  # paid impressions only
    "CPE": None,  # no paid row has engagements
    "Cost per lead": None,  # no leads
    "Cost per sale": 300 / 9,
    "Earned media value (estimated)": 34.0,
    # no gross margin set and no cost of goods: empty cells (METRICS.md 4a)
    "Gross profit from sales": None,
    "Gross margin": None,
    "Break-even ROAS": None,
    "Break-even cost per sale": None,
}


def test_summary_figures_are_the_hand_sums() -> None:
    cells = summary_cells(book(export()))
    assert list(cells) == list(BY_HAND)
    for label, expected in BY_HAND.items():
        value = cells[label].value
        if expected is None:
            assert value is None, f"{label} should be an empty cell, not {value!r}"
        else:
            assert value == pytest.approx(expected), label


def test_summary_equals_the_cli_totals() -> None:
    table, report = january(), import_report()
    totals = summarise(table, [report], NOK_SETTINGS)["totals"]
    cells = summary_cells(book(report_workbook(table, [report], NOK_SETTINGS)))
    values = [cell.value for cell in cells.values()]
    for key, value in zip(SUMMARY_KEYS, values, strict=True):
        expected = totals[key]
        if expected is None:
            assert value is None, key
        elif key == "roi_pct":
            assert value == pytest.approx(expected / 100), key  # 200 (%) is 2.0 shown as 200.0%
        else:
            assert value == pytest.approx(expected), key


def test_undefined_ratios_are_empty_cells_never_zero() -> None:
    workbook = book(export())
    assert summary_cells(workbook)["Cost per lead"].value is None
    by_platform = {row["Platform"]: row for row in table_rows(workbook["By platform"])}
    assert by_platform["facebook"]["Cost per lead"] is None
    assert by_platform["linkedin"]["ROI"] is None  # linkedin cost nothing: ROI undefined
    # its row leaves spend blank and gets no share of costs: nothing says what it cost
    assert by_platform["linkedin"]["Total cost"] is None
    for sheet in workbook:
        for row in sheet.iter_rows(values_only=True):
            assert "nan" not in [str(value).lower() for value in row]


def test_number_formats_show_what_the_app_shows() -> None:
    cells = summary_cells(book(export()))
    assert cells["Ad spend"].number_format == NOK
    assert cells["Cost per sale"].number_format == NOK
    assert cells["ROI"].number_format == "#,##0.0%"  # 200.0%
    assert cells["CTR"].number_format == "#,##0.00%"  # 1.59%
    assert cells["ROAS"].number_format == '#,##0.00"x"'  # 3.00x
    assert cells["Impressions"].number_format == "#,##0"
    usd = summary_cells(book(export(settings=Settings(currency="USD"))))
    assert usd["Ad spend"].number_format == '"$"#,##0.00'


def test_group_sheets_by_hand_with_the_highest_cost_first() -> None:
    workbook = book(export())
    platforms = table_rows(workbook["By platform"])
    assert [row["Platform"] for row in platforms] == ["facebook", "instagram", "linkedin"]
    # linkedin's organic post reports only engagements, worth nothing until valued
    assert [row["Return"] for row in platforms] == [700, 200, None]
    assert [row["ROI"] for row in platforms] == [pytest.approx(2.5), pytest.approx(1.0), None]
    assert workbook["By platform"]["A2"].number_format == "General"
    campaigns = table_rows(workbook["By campaign"])
    assert [row["Campaign"] for row in campaigns] == [EVIL[0], EVIL[1], EVIL[3]]
    assert [row["Ad spend"] for row in campaigns] == [200, 100, None]  # organic: not reported
    elements = table_rows(workbook["By element"])
    assert [row["Post / ad"] for row in elements] == ["Ad A", EVIL[2], "Post"]


def test_over_time_marks_the_partial_week() -> None:
    rows = table_rows(book(export())["Over time"])
    assert [row["Week starting"].date().isoformat() for row in rows] == [
        "2026-01-05",
        "2026-01-12",
        "2026-01-19",
    ]
    assert [row["Days covered"] for row in rows] == [7, 7, 2]  # the data ends on Tue 20 Jan
    assert [row["Partial period"] for row in rows] == ["no", "no", "yes"]
    assert [row["Return"] for row in rows] == [700, None, 200]  # week 2: linkedin's post


def test_data_sheet_holds_the_canonical_rows() -> None:
    rows = table_rows(book(export())["Data"])
    assert [row["campaign"] for row in rows] == [EVIL[0], EVIL[1], EVIL[3]]
    assert [row["spend"] for row in rows] == [200, 100, None]
    assert [row["paid"] for row in rows] == [True, True, False]
    assert [row["date"].date().isoformat() for row in rows] == [
        "2026-01-05",
        "2026-01-20",
        "2026-01-12",
    ]
    assert "age" not in rows[0]  # columns no row fills are left out


def test_the_data_sheet_reads_back_into_smroi() -> None:
    table, report = smroi.read_file("report.xlsx", export(), sheet="Data")
    assert (report.rows_read, report.rows_used) == (3, 3)
    totals = smroi.headline(smroi.analyse(table, NOK_SETTINGS))
    assert (totals["spend"], totals["revenue"], totals["roi_pct"]) == (300, 900, 200)
    assert table["campaign"].astype(str).tolist() == [EVIL[0], EVIL[1], EVIL[3]]


def test_long_group_sheets_keep_the_highest_costs_and_say_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(smroi.workbook, "MAX_GROUP_ROWS", 2)
    workbook = book(export())
    elements = workbook["By element"]
    assert [row["Post / ad"] for row in table_rows(elements)] == ["Ad A", EVIL[2]]
    note = "The 2 with the highest total cost, of 3; the Data sheet has every row."
    assert elements["A5"].value == note
    summary = [row[0] for row in workbook["Summary"].iter_rows(values_only=True)]
    assert (
        "By element lists the 2 with the highest total cost, of 3; the Data sheet has every row."
        in summary
    )
    assert len(table_rows(workbook["Data"])) == 3


def test_filters_and_period_are_those_of_the_dashboard() -> None:
    workbook = book(export(platforms=["facebook"], period="month"))
    assert summary_cells(workbook)["Ad spend"].value == 200
    assert summary_cells(workbook)["ROI"].value == pytest.approx(2.5)  # (700 - 200) / 200
    assert workbook["Over time"]["A1"].value == "Month starting"
    with pytest.raises(ValueError, match="period"):
        export(period="fortnight")


def test_monthly_costs_count_for_the_days_covered() -> None:
    # 5 to 20 January: 16 days = 16 / 30.4375 months; tools 304.375 a month -> 160
    settings = Settings(currency="NOK", costs=Costs(tools_per_month=304.375))
    cells = summary_cells(book(export(settings=settings)))
    assert cells["Other costs"].value == pytest.approx(160.0)
    assert cells["Total cost"].value == pytest.approx(460.0)
    assert cells["ROI"].value == pytest.approx((900 - 460) / 460)


def test_import_report_lists_files_rows_left_out_and_notes() -> None:
    sheet = book(export())["Import report"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "File",
        "Export recognised",
        "Platforms",
        "Rows read",
        "Rows used",
        "Rows left out",
        "Currency",
        "Sheet",
    )
    assert rows[1][:7] == (
        EVIL_FILE,
        "Meta Ads Manager",
        "facebook, instagram, linkedin",
        5,
        3,
        2,
        "NOK",
    )
    texts = [row[0] for row in rows]
    start = texts.index("Rows left out")
    assert rows[start + 1][:3] == ("File", "Row in the file", "Reason")
    assert rows[start + 2][:3] == (EVIL_FILE, 5, "a totals row")
    assert rows[start + 3][:3] == (EVIL_FILE, 6, "=1+1 has no date")
    assert "A note from the importer." in texts
    assert f"{EVIL_FILE}: 1 row left out (a totals row): row 5." in texts


# ---------------------------------------------------------------- how the sheets behave


def test_sheets_in_order_with_frozen_headers_and_filters() -> None:
    workbook = book(export())
    assert workbook.sheetnames == SHEETS
    summary = workbook["Summary"]
    header = next(row[0].row for row in summary.iter_rows() if row[0].value == "Metric")
    assert summary.freeze_panes == f"B{header + 1}"
    assert summary.auto_filter.ref == f"A{header}:D{header + 24}"
    for name in ("By platform", "By campaign", "By element", "Over time"):
        sheet = workbook[name]
        assert sheet.freeze_panes == "B2", name
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}4", name
    data = workbook["Data"]
    assert data.freeze_panes == "A2"
    assert data.auto_filter.ref == f"A1:{get_column_letter(data.max_column)}4"
    imports = workbook["Import report"]
    assert imports.freeze_panes == "B2"
    assert sorted(imports.tables) == ["Files", "RowsLeftOut"]  # each with its own filter
    funnel = workbook["Funnel"]
    assert funnel.freeze_panes == "B2"
    assert sorted(funnel.tables) == ["FunnelByPlatform", "FunnelSteps"]
    assert sorted(workbook["Goals"].tables) == ["Comparison", "Ranking"]  # no goals set
    for sheet in workbook:  # widths fit the text, capped (Excel stores 0.71 of padding)
        widths = [dimension.width for dimension in sheet.column_dimensions.values()]
        assert widths and all(8 <= width <= 61 for width in widths), sheet.title
    assert workbook["Data"].column_dimensions["C"].width >= len(EVIL[0])


def text_cells(data: bytes, dangerous: Any) -> dict[str, list[str]]:
    """Sheet title -> coordinates of the cells whose text is `dangerous`, after checking that
    each is a text cell and that no sheet holding one has a formula."""
    workbook = book(data)
    cells: dict[str, list[str]] = {}
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and dangerous(cell.value):
                    cells.setdefault(sheet.title, []).append(cell.coordinate)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = {
            sheet.title: f"xl/worksheets/sheet{index}.xml"
            for index, sheet in enumerate(workbook, start=1)
        }
        for title, coordinates in cells.items():
            root = ElementTree.fromstring(archive.read(names[title]))
            assert root.find(f".//{MAIN_NS}f") is None, f"{title} has a formula"
            found = {cell.get("r"): cell for cell in root.iter(f"{MAIN_NS}c")}
            for coordinate in coordinates:
                assert found[coordinate].get("t") in ("s", "inlineStr"), (title, coordinate)
    return cells


def test_text_from_the_files_is_never_a_formula() -> None:
    cells = text_cells(export(), lambda text: text in (*EVIL, EVIL_FILE, "=1+1 has no date"))
    assert {"By campaign", "By element", "Data", "Import report"} <= set(cells)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1-2", "'+1-2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Spring sale", "Spring sale"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_escape_formula_text_for_csv(text: str, escaped: str) -> None:
    assert escape_formula_text(text) == escaped


def test_table_csv_escapes_text_and_leaves_numbers_and_gaps() -> None:
    frame = pd.DataFrame(
        {
            "Platform": pd.Categorical([EVIL[0], "instagram", None]),
            "Return (NOK)": [1234.5, float("nan"), float("inf")],
            "Profit (NOK)": [-50.0, 0.0, 2.0],
            "Partial": [False, True, False],
            "Week starting": pd.to_datetime(["2026-01-05", "2026-01-12", None]),
            "@name": ["-2+3", "Ørsta", None],
        }
    )
    assert table_csv(frame).decode("utf-8-sig").splitlines() == [
        "Platform,Return (NOK),Profit (NOK),Partial,Week starting,'@name",
        '"\'=HYPERLINK(""http://evil"",""x"")",1234.5,-50.0,False,2026-01-05,\'-2+3',
        "instagram,,0.0,True,2026-01-12,Ørsta",
        ",,2.0,False,,",
    ]
    assert table_csv(frame).startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM


# ---------------------------------------------------------------- charts


def charts(data: bytes) -> list[ElementTree.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            ElementTree.fromstring(archive.read(name))
            for name in sorted(archive.namelist())
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name)
        ]


def chart_sheets(chart: ElementTree.Element) -> set[str]:
    """The sheets a chart's series refer to."""
    return {
        (node.text or "").split("!")[0].strip("'") for node in chart.iter(f"{{{CHART_NS['c']}}}f")
    }


def chart_texts(chart: ElementTree.Element) -> list[str]:
    """The chart's title and axis titles."""
    return [
        "".join(node.text or "" for node in title.iter(f"{{{CHART_NS['a']}}}t"))
        for title in chart.iter(f"{{{CHART_NS['c']}}}title")
    ]


def test_three_native_charts_with_titles_and_axis_titles() -> None:
    found = charts(export())
    assert len(found) >= 3
    texts = [
        "".join(node.text or "" for node in title.iter(f"{{{CHART_NS['a']}}}t"))
        for chart in found
        for title in chart.iter(f"{{{CHART_NS['c']}}}title")
    ]
    for expected in (
        "Return vs cost by platform",
        "ROI by platform",
        "Return and cost over time",
        "Amount (NOK)",
        "ROI (%)",
        "Platform",
        "Week starting",
    ):
        assert expected in texts
    kinds = {child.tag.split("}")[1] for chart in found for child in chart.iter()}
    assert {"barChart", "lineChart"} <= kinds
    for chart in found:
        for smooth in chart.iter(f"{{{CHART_NS['c']}}}smooth"):
            assert smooth.get("val") == "0"  # a smoothed line would invent values


@pytest.mark.parametrize("make", [export, goals_export], ids=["january", "two months, goals"])
def test_every_chart_reference_points_at_cells_that_hold_data(make: Any) -> None:
    data = make()
    workbook = book(data)
    references = [
        node.text or "" for chart in charts(data) for node in chart.iter(f"{{{CHART_NS['c']}}}f")
    ]
    assert len(references) >= 4 * 3  # name, categories, values for each series
    sheets = [reference.split("!")[0].strip("'") for reference in references]
    assert "Funnel" in sheets
    if make is goals_export:  # two goals' charts: name, categories, values of actual and target
        assert sheets.count("Goals") == 2 * 2 * 3
    for reference in references:
        match = re.fullmatch(r"'?(.+?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)", reference)
        assert match, reference
        sheet_name, cell_range = match.group(1).replace("''", "'"), match.group(2)
        assert sheet_name in workbook.sheetnames, reference
        selected = workbook[sheet_name][cell_range.replace("$", "")]
        if not isinstance(selected, tuple):
            selected = ((selected,),)
        values = [cell.value for row in selected for cell in row]
        assert values and any(value is not None for value in values), reference


# ---------------------------------------------------------------- nothing to show


def test_an_empty_table_still_gives_a_valid_workbook() -> None:
    data = report_workbook(smroi.empty_table(), [], Settings())
    workbook = book(data)
    assert workbook.sheetnames == SHEETS
    cells = summary_cells(workbook)
    assert cells["Ad spend"].value is None  # nothing reported: an empty cell
    assert cells["ROI"].value is None
    assert table_rows(workbook["By platform"]) == []
    assert table_rows(workbook["Data"]) == []
    assert workbook["Funnel"]["A1"].value == (
        "No rows in this selection, so there is no funnel to show."
    )
    goals = [row[0] for row in workbook["Goals"].iter_rows(values_only=True)]
    assert "No goals set. Add them on the Your business page, under Goals." in goals
    assert charts(data) == []  # nothing to chart: no chart over empty cells


def test_monthly_costs_with_no_rows_show_on_a_not_set_platform() -> None:
    settings = Settings(costs=Costs(tools_per_month=100))
    data = report_workbook(smroi.empty_table(), [], settings)
    workbook = book(data)
    rows = table_rows(workbook["By platform"])
    assert [(row["Platform"], row["Total cost"], row["ROI"]) for row in rows] == [
        ("(not set)", 100, None)  # no dates: one month; no rows, so no return known
    ]
    # return vs cost only: no ROI to chart (no return is known) and no trend without dates
    assert len(charts(data)) == 1


# ---------------------------------------------------------------- funnel and goals


def rows_from(sheet: Any, first: str) -> list[tuple[Any, ...]]:
    """The sheet's rows from the first whose column A is `first`."""
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == first)
    return rows[start:]


def test_funnel_sheet_steps_platforms_and_segments_by_hand() -> None:
    sheet = book(goals_export())["Funnel"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Step", "Total", "Rate from the step before", "What the rate is")
    steps = {row[0]: row[1:4] for row in rows[1:7]}
    assert steps["Impressions"] == (10000 + 4000 + 20000 + 6000, None, None)
    assert steps["Clicks"] == (600, pytest.approx(600 / 40000), "Click-through rate")
    assert steps["Leads"] == (60, pytest.approx(60 / 600), "Clicks that became leads")
    assert steps["Sales"] == (14, pytest.approx(14 / 60), "Leads that became sales")
    assert steps["Sales value"][:2] == (1400, pytest.approx(1400 / 14))  # money per sale
    assert sheet["B3"].number_format == "#,##0"
    assert sheet["C3"].number_format == "#,##0.00%"  # 1.50%, a true Excel percentage
    assert sheet["B6"].number_format == NOK

    platforms = rows_from(sheet, "Platform")
    header = platforms[0]
    facebook = dict(zip(header, platforms[1], strict=False))
    assert facebook["Platform"] == "facebook"  # the highest total cost first
    assert (facebook["Impressions"], facebook["Clicks"], facebook["Sales"]) == (30000, 500, 11)
    assert facebook["Click-through rate"] == pytest.approx(500 / 30000)
    assert facebook["Leads that became sales"] == pytest.approx(11 / 50)
    assert platforms[2][0] == "instagram"

    ages = rows_from(sheet, "Age")
    assert ages[0][:7] == (
        "Age",
        "Total cost",
        "Clicks",
        "Results (sales)",
        "Conversion rate",
        "Cost per sale",
        "Enough to compare",
    )
    assert ages[1][:7] == (
        "25-34",
        300,
        500,
        11,
        pytest.approx(11 / 500),
        pytest.approx(300 / 11),
        "yes",  # at least 100 clicks and 5 sales
    )
    assert ages[2][:7] == ("35-44", 100, 60, 2, pytest.approx(2 / 60), 50, "no")
    assert ages[3][:7] == (EVIL[0], 50, 40, 1, pytest.approx(1 / 40), 50, "no")
    assert rows_from(sheet, "Utm campaign")[1][:2] == ("spring", 400)
    assert {"Audience_age", "Audience_utm_campaign"} <= set(sheet.tables)


def test_funnel_chart_counts_the_steps_of_people() -> None:
    data = goals_export()
    (funnel,) = [chart for chart in charts(data) if chart_sheets(chart) == {"Funnel"}]
    assert "The funnel: how many went on to each step" in chart_texts(funnel)
    assert {"How many", "Step"} <= set(chart_texts(funnel))
    references = [node.text for node in funnel.iter(f"{{{CHART_NS['c']}}}f")]
    # impressions, clicks, leads, sales: rows 2 to 5 (money steps are not people)
    assert references == ["Funnel!$B$1", "Funnel!$A$2:$A$5", "Funnel!$B$2:$B$5"]


def test_goals_sheet_per_month_by_hand() -> None:
    sheet = book(goals_export())["Goals"]
    leads = rows_from(sheet, "Leads: 30 a month")
    assert leads[1][0] == "Target met."  # February: 36 leads
    assert leads[2][:7] == (
        "Month starting",
        "Actual",
        "Target",
        "Progress (% of the target)",
        "Met",
        "Days covered",
        "Partial period",
    )
    january_row, february_row = leads[3][:7], leads[4][:7]
    assert january_row == (
        pd.Timestamp("2026-01-01").to_pydatetime(),
        20 + 4,
        30,
        pytest.approx(24 / 30),  # 80%, a true Excel percentage
        "no",
        27,  # 5 to 31 January
        "yes",
    )
    assert february_row == (
        pd.Timestamp("2026-02-01").to_pydatetime(),
        30 + 6,
        30,
        pytest.approx(36 / 30),
        "yes",
        10,  # 1 to 10 February
        "yes",
    )
    cpl = rows_from(sheet, "Cost per lead: at most 6.00 kr a month")
    assert cpl[1][0] == "Over the limit of 6.00 kr by 2.33 kr."  # 300 / 36 = 8.33
    assert cpl[2][4] == "Within the limit"
    assert cpl[3][1:5] == (pytest.approx(150 / 24), 6, pytest.approx(150 / 24 / 6), "no")
    assert cpl[4][1:5] == (pytest.approx(300 / 36), 6, pytest.approx(300 / 36 / 6), "no")
    header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Month starting")
    assert sheet.cell(header + 1, 1).is_date
    assert sheet.cell(header + 1, 2).number_format == "#,##0"
    assert sheet.cell(header + 1, 4).number_format == "#,##0.0%"
    assert {"Goal_1", "Goal_2", "Comparison", "Ranking"} <= set(sheet.tables)


def test_each_goal_has_a_column_chart_with_the_target_as_a_line() -> None:
    found = [chart for chart in charts(goals_export()) if chart_sheets(chart) == {"Goals"}]
    assert len(found) == 2
    titles = [chart_texts(chart) for chart in found]
    assert {"Leads per month against the target", "Month", "Leads (count)"} <= set(titles[0])
    assert {"Cost per lead per month against the target", "Cost per lead (NOK)"} <= set(titles[1])
    for chart in found:
        kinds = {child.tag.split("}")[1] for child in chart.iter()}
        assert {"barChart", "lineChart"} <= kinds  # one chart: columns and the target line
        references = [node.text for node in chart.iter(f"{{{CHART_NS['c']}}}f")]
        # name, categories, values of actual (column B), then of target (column C)
        actual = re.fullmatch(r"Goals!\$B\$(\d+):\$B\$(\d+)", references[2])
        assert actual and int(actual[2]) - int(actual[1]) == 1, references  # two months
        assert references[5] == references[2].replace("$B", "$C")
        assert references[1] == references[4] == references[2].replace("$B", "$A")


def test_goals_sheet_compares_the_latest_month_with_the_one_before() -> None:
    sheet = book(goals_export())["Goals"]
    texts = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "The month from 01 Feb 2026 against the month from 01 Jan 2026." in texts
    assert any(
        str(text).startswith("The data stops before the latest month ends") for text in texts
    )
    table = rows_from(sheet, "Number")
    assert table[0][:5] == ("Number", "Latest month", "Month before", "Change", "Change (%)")
    by_label = {row[0]: row[1:5] for row in table[1:21]}
    assert by_label["Leads"] == (36, 24, 12, pytest.approx(0.5))  # +50%
    assert by_label["Ad spend"] == (300, 150, 150, pytest.approx(1.0))
    # ROI: February (800 - 300) / 300 = 166.7 %, January (600 - 150) / 150 = 300 %
    assert by_label["ROI"] == (
        pytest.approx(500 / 300),
        pytest.approx(3.0),
        pytest.approx(500 / 300 - 3.0),
        pytest.approx((500 / 3 - 300) / 300),
    )
    assert by_label["CPE"] == (None, None, None, None)  # no engagements: undefined, empty


def test_goals_sheet_reviews_and_ranks_the_platforms() -> None:
    sheet = book(goals_export())["Goals"]
    texts = [row[0] for row in sheet.iter_rows(values_only=True)]
    review = texts[texts.index("Review") :]
    # facebook: return 1,100 on a cost of 300; instagram: 300 on 150
    assert "facebook returns 3.67x its cost: each 1.00 kr of cost there brings back 3.67 kr." in (
        review
    )
    shift = next(text for text in review if str(text).startswith("What moving 20%"))
    # weakest by ROAS instagram (300 / 150), strongest facebook (1,100 / 300); whole weeks
    # from Monday 5 Jan to Sunday 8 Feb: facebook's of 5 Jan and 2 Feb, instagram's of
    # 19 Jan (its 10 Feb is in a part-week): too few for a curve, so no projection
    assert shift == (
        "What moving 20% of instagram's ad spend to facebook would bring cannot be projected "
        "yet: instagram has 1 whole week with ad spend; a curve needs at least 6: its curve "
        "cannot be told yet. facebook has 2 whole weeks with ad spend; a curve needs at "
        "least 6: its curve cannot be told yet."
    )
    ranked = rows_from(sheet, "Platform")
    assert ranked[0][:5] == ("Platform", "Total cost", "Return", "ROI", "Cost per sale")
    assert ranked[1][:5] == (
        "facebook",
        300,
        1100,
        pytest.approx(800 / 300),
        pytest.approx(300 / 11),
    )
    assert ranked[2][:5] == ("instagram", 150, 300, pytest.approx(1.0), 50)


def test_goals_sheet_says_when_no_goals_are_set() -> None:
    sheet = book(export())["Goals"]
    texts = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert texts[:2] == ["Goals", "No goals set. Add them on the Your business page, under Goals."]
    assert "This period against the one before" in texts and "Review" in texts
    assert not [name for name in sheet.tables if name.startswith("Goal_")]


def test_formula_like_text_stays_text_on_the_funnel_and_goals_sheets() -> None:
    """A platform "+1-2" starts the review's sentences and names a ranked platform; an age
    and a utm campaign are formulas too."""
    data = report_workbook(two_months(instagram=EVIL[1]), [], GOAL_SETTINGS, period="month")
    cells = text_cells(data, lambda text: text.startswith(("=", "+", "-", "@")))
    assert {"Funnel", "Goals"} <= set(cells)
    workbook = book(data)
    funnel = [cell for row in workbook["Funnel"].iter_rows(values_only=True) for cell in row]
    assert {EVIL[0], EVIL[1]} <= set(funnel)
    goals = [row[0] for row in workbook["Goals"].iter_rows(values_only=True)]
    assert EVIL[1] in goals
    assert any(str(text).startswith(f"{EVIL[1]} returns 2.00x its cost") for text in goals)


# ---------------------------------------------------------------- other software opens it


def test_libreoffice_opens_the_sample_report_and_prints_it_to_pdf(tmp_path: Any) -> None:
    """A workbook that Office-compatible software cannot open must fail the build."""
    import os
    import shutil
    import subprocess

    from tests.conftest import ROOT

    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("SMROI_REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing, and CI must open the workbook with it.")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui).")
    table, reports = smroi.load_files(
        [("sample.csv", (ROOT / "sample_data" / "social_media_sample.csv").read_bytes())]
    )
    settings = smroi.settings_from_json(
        (ROOT / "sample_data" / "settings.json").read_text(encoding="utf-8")
    )
    book = tmp_path / "report.xlsx"
    book.write_bytes(report_workbook(table, reports, settings))
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 7  # one page at least per sheet


def test_earned_media_sheet_holds_the_ledger_and_its_chart() -> None:
    """January: organic LinkedIn row, 2,000 impressions and 20 clicks at CPM 7 and CPC 1:
    EMV 2000 / 1000 x 7 + 20 x 1 = 34 (estimated, not in ROI); sales value 900 (cash)."""
    book = openpyxl.load_workbook(io.BytesIO(report_workbook(january(), [], NOK_SETTINGS)))
    sheet = book["Earned media"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, max_col=4, values_only=True) if r[0]}
    assert rows["Sales value"][1:4] == ("cash", 900, "yes")
    assert rows["Earned media value"][1:4] == ("estimated", 34, "no")
    assert rows["Cash return"][2] == 900
    with zipfile.ZipFile(io.BytesIO(report_workbook(january(), [], NOK_SETTINGS))) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        texts = [archive.read(n).decode() for n in charts]
    assert any("The value ledger" in text and "'Earned media'!" in text for text in texts)


def test_a_margin_gives_gross_profit_and_break_even_on_the_summary() -> None:
    """january() at a 40% margin: sales value 900 from 9 sales leaves 360; the ads cost 300,
    so return 360, profit 60, ROI 20%; break-even ROAS 2.5x, a sale leaves 100 x 0.4 = 40."""
    margin = Settings(currency="NOK", values=ValueAssumptions(gross_margin_pct=40))
    workbook = book(export(settings=margin))
    cells = summary_cells(workbook)
    assert cells["Gross profit from sales"].value == pytest.approx(360)
    assert cells["Return"].value == pytest.approx(360)
    assert cells["Profit"].value == pytest.approx(60)
    assert cells["ROI"].value == pytest.approx(0.2)
    assert cells["Gross margin"].value == pytest.approx(0.4)
    assert cells["Gross margin"].number_format == "#,##0.0%"
    assert cells["Break-even ROAS"].value == pytest.approx(2.5)
    assert cells["Break-even cost per sale"].value == pytest.approx(40)
    assert cells["Break-even cost per sale"].number_format == NOK
    summary = [row[:2] for row in workbook["Summary"].iter_rows(values_only=True)]
    assert ("Gross margin", pytest.approx(0.4)) in summary  # the setting behind it


def test_without_a_margin_the_summary_says_sales_count_in_full() -> None:
    workbook = book(export())
    column_a = [row[0] for row in workbook["Summary"].iter_rows(values_only=True)]
    assert (
        "This counts 900.00 kr of sales at their full value, before the cost of goods: set "
        "your gross margin to see what they really left you." in column_a
    )
    settings_rows = [row[:2] for row in workbook["Summary"].iter_rows(values_only=True)]
    assert ("Gross margin", "not set: sales count at their full value") in settings_rows


def test_the_workbook_takes_the_files_currency_when_the_settings_have_none() -> None:
    report = import_report()  # its amounts are in NOK
    cells = summary_cells(book(report_workbook(january(), [report], Settings())))
    assert cells["Ad spend"].number_format == NOK
