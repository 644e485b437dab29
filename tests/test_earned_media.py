"""The Earned media page's value ledger (METRICS.md section 6), against numbers by hand.

The ledger table (March 2026, 1 to 30 March: 30 days = 30 / 30.4375 = 0.98563 months):

| row | date   | platform  | paid | spend | impr.  | clicks | eng. | foll. | leads | sales | rev. |
|-----|--------|-----------|------|-------|--------|--------|------|-------|-------|-------|------|
| 1   | 1 Mar  | facebook  | yes  | 100   | 10,000 | 200    |      |       |       | 4     | 400  |
| 2   | 30 Mar | facebook  | yes  | 50    | 5,000  | 50     |      |       | 3     | 1     | 80   |
| 3   | 15 Mar | instagram | no   |       | 20,000 | 150    | 300  | 10    | 2     |       |      |

Settings: 5 h x $40 a month; value per lead $20, engagement $0.05, follower $1.50;
the default earned-media rates ($7 CPM, $1 CPC, $0 CPE); 1,200 fans at the fan
defaults; 30 contacts a month at $5; 3 insights from a $2,400 focus group that yields 8.

Keyword fixtures (tests/fixtures/):
- keywords_combined.csv: keyword, organic clicks and CPC in one file.
- search_console_queries.csv: a Search Console "Queries" export (clicks only).
- keyword_planner_utf16.csv: a Keyword Planner export as Google writes it: UTF-16 with
  a byte-order mark, tab-separated, two title lines, bids as "US$0.80"; written with
  `("\\r\\n".join(rows) + "\\r\\n").encode("utf-16")`.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest

import smroi
from smroi import Costs, Settings, ValueAssumptions, analyse, headline
from smroi.earned_media import (
    PPC_COLUMNS,
    RATE_PRESETS,
    RATE_SOURCES,
    LedgerLine,
    fan_value,
    insight_value,
    ledger_totals,
    ppc_equivalent,
    ppc_table,
    read_keyword_files,
    service_savings,
    value_ledger,
    value_per_fan,
)
from smroi.settings import EarnedMediaRates, PpcKeyword, Rate, SoftValue
from tests.conftest import FIXTURES, ROOT

PLATFORMS = ("default", "facebook", "instagram", "linkedin", "x", "tiktok", "youtube", "pinterest")


def keyword(text: str, clicks: float, cpc: float) -> PpcKeyword:
    return PpcKeyword(keyword=text, organic_clicks=clicks, cpc=cpc)


def fixture(*names: str) -> list[tuple[str, bytes]]:
    return [(name, (FIXTURES / name).read_bytes()) for name in names]


# ---------------------------------------------------------------- value per fan


def test_the_fan_method_defaults_are_vitrues() -> None:
    """1 impression a post x 2 posts a day x 365 days = 730 impressions x $5 / 1000."""
    assert value_per_fan(SoftValue()) == pytest.approx(3.65)


def test_a_thousand_fans_over_six_months() -> None:
    """1,000 fans x $3.65 a year x 6 / 12 = $1,825."""
    assert fan_value(SoftValue(fans=1000), 6) == pytest.approx(1825.0)


def test_the_fan_method_takes_the_users_numbers() -> None:
    """0.5 impressions a post x 3 posts a day x 365 x $8 / 1000 = $4.38 a fan a year;
    200 fans over 3 months: 200 x 4.38 x 3 / 12 = $219."""
    soft = SoftValue(fans=200, impressions_per_fan_per_post=0.5, posts_per_day=3, fan_cpm=8)
    assert value_per_fan(soft) == pytest.approx(4.38)
    assert fan_value(soft, 3) == pytest.approx(219.0)


def test_no_fans_are_worth_nothing() -> None:
    assert fan_value(SoftValue(), 12) == 0.0


# ---------------------------------------------------------------- service savings, insights


def test_service_savings() -> None:
    """40 contacts answered a month x 3 months x $6 a contact = $720."""
    soft = SoftValue(contacts_answered_per_month=40, cost_per_contact=6)
    assert service_savings(soft, 3) == pytest.approx(720.0)


@pytest.mark.parametrize(
    ("insights", "cost", "per_group", "expected"),
    [
        (5, 3000, 10, 1500.0),  # 5 x 3,000 / 10
        (0, 3000, 10, 0.0),
        (0, 0, 0, 0.0),  # nothing gained: 0, not undefined
        (4, 3000, 0, None),  # gained, but a focus group's yield unknown: undefined
    ],
    ids=["priced", "no-insights", "nothing-entered", "undefined"],
)
def test_insight_value(insights: float, cost: float, per_group: float, expected: float) -> None:
    soft = SoftValue(insights=insights, focus_group_cost=cost, insights_per_focus_group=per_group)
    assert insight_value(soft) == (pytest.approx(expected) if expected is not None else None)


# ---------------------------------------------------------------- PPC equivalent


def test_ppc_table_prices_each_keyword_largest_first() -> None:
    """saved = clicks x CPC: a 100 x 0.50 = 50, b 10 x 3 = 30, c 0 x 9 = 0; total 80."""
    keywords = [keyword("c", 0, 9), keyword("a", 100, 0.5), keyword("b", 10, 3)]
    table = ppc_table(keywords)
    assert list(table.columns) == list(PPC_COLUMNS)
    assert list(table["keyword"]) == ["a", "b", "c"]
    assert list(table["saved"]) == pytest.approx([50.0, 30.0, 0.0])
    assert ppc_equivalent(keywords) == pytest.approx(80.0)


def test_no_keywords_is_an_empty_table_and_zero() -> None:
    table = ppc_table([])
    assert table.empty and list(table.columns) == list(PPC_COLUMNS)
    assert ppc_equivalent(()) == 0.0


# ---------------------------------------------------------------- keyword files


def test_one_file_with_keyword_clicks_and_cpc() -> None:
    """40 x 0.75 = 30, 300 x 2.50 = 750, 150 x 4.00 = 600; total 1,380."""
    keywords, messages = read_keyword_files(fixture("keywords_combined.csv"))
    assert messages == []
    assert keywords == (
        keyword("what is earned media", 40, 0.75),
        keyword("social media roi", 300, 2.5),
        keyword("roi calculator", 150, 4.0),
    )
    assert list(ppc_table(keywords)["keyword"]) == [
        "social media roi",
        "roi calculator",
        "what is earned media",
    ]
    assert ppc_equivalent(keywords) == pytest.approx(1380.0)


def test_search_console_and_keyword_planner_joined_on_the_keyword() -> None:
    """CPC = midpoint of the top-of-page bids; the join ignores case and spaces at the ends.

    running shoes        1,200 clicks x (0.80 + 2.40) / 2 = 1.60 -> 1,920
    trail running shoes     45 clicks x (0.60 + 1.80) / 2 = 1.20 ->    54
    best running socks      30 clicks x (0.30 + 0.90) / 2 = 0.60 ->    18
    total 1,992. marathon training plan (no bids) and how to lace running shoes (not in
    the planner) have clicks but no CPC; running shoe sizes has 0 clicks.
    """
    keywords, messages = read_keyword_files(
        fixture("search_console_queries.csv", "keyword_planner_utf16.csv")
    )
    assert [k.keyword for k in keywords] == [
        "running shoes",
        "trail running shoes",
        "best running socks",
    ]
    assert [k.organic_clicks for k in keywords] == [1200, 45, 30]
    assert [k.cpc for k in keywords] == pytest.approx([1.60, 1.20, 0.60])
    assert ppc_equivalent(keywords) == pytest.approx(1992.0)
    assert ppc_table(keywords)["saved"].tolist() == pytest.approx([1920.0, 54.0, 18.0])
    assert len(messages) == 2


def test_keywords_with_clicks_but_no_cpc_are_counted_and_named() -> None:
    _, messages = read_keyword_files(
        fixture("keyword_planner_utf16.csv", "search_console_queries.csv")
    )
    no_cpc = next(m for m in messages if "no cost per click" in m)
    assert no_cpc.startswith("search_console_queries.csv: 2 keywords with organic clicks")
    assert "'marathon training plan'" in no_cpc and "'how to lace running shoes'" in no_cpc
    assert any(
        m == "search_console_queries.csv: 1 keyword with 0 clicks left out." for m in messages
    )


def test_clicks_without_any_cpc_file_say_what_to_add() -> None:
    keywords, messages = read_keyword_files(fixture("search_console_queries.csv"))
    assert keywords == ()
    assert any(
        "5 keywords with clicks are left out" in m and "Keyword Planner" in m for m in messages
    )


def test_cpc_without_any_clicks_file_says_what_to_add() -> None:
    keywords, messages = read_keyword_files(fixture("keyword_planner_utf16.csv"))
    assert keywords == ()
    assert messages == [
        "None of the files has organic clicks per keyword: add a file with them, such as a "
        'Google Search Console "Queries" export.'
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "photo.png",
            b"\x89PNG\x00\x00\x00\rIHDR\x00\x00",
            r"^photo\.png: this is not a spreadsheet",
        ),
        ("empty.csv", b"", r"^empty\.csv: the file is empty"),
        ("days.csv", b"Date,Clicks\n2026-03-01,5\n", r"^days\.csv: it has no keyword column"),
        (
            "volumes.csv",
            b"Keyword,Avg. monthly searches\nshoes,1000\n",
            r"^volumes\.csv: it has no column of organic clicks .* and none of cost per click",
        ),
    ],
    ids=["unreadable", "empty", "no-keyword-column", "no-clicks-no-cpc"],
)
def test_a_file_that_cannot_be_used_is_reported_not_raised(
    name: str, data: bytes, message: str
) -> None:
    keywords, messages = read_keyword_files([(name, data), *fixture("keywords_combined.csv")])
    assert len(keywords) == 3  # the good file is still read
    assert len(messages) == 1
    assert re.search(message, messages[0])


def test_an_ad_report_gives_its_cpc_not_its_paid_clicks() -> None:
    """A Google Ads keyword report's clicks were paid for: only its Avg. CPC is used.
    running shoes: 1,200 organic clicks (Search Console) x $1.50 = 1,800."""
    ads = b"Keyword,Clicks,Impr.,Avg. CPC,Cost\nRunning shoes,80,4000,1.50,120.00\n"
    keywords, messages = read_keyword_files(
        [*fixture("search_console_queries.csv"), ("Search keyword report.csv", ads)]
    )
    assert keywords == (keyword("running shoes", 1200, 1.5),)
    assert any(
        m.startswith("Search keyword report.csv: it has an ad cost column") for m in messages
    )


def test_a_keyword_in_two_click_files_adds_up_and_the_first_cpc_wins() -> None:
    """shoes: 10 + 5 clicks = 15, at the first file's CPC of 2 -> 30."""
    first = b"Keyword,Clicks,CPC\nshoes,10,2\n"
    second = b"Query,Clicks,CPC\nSHOES ,5,9\n"
    keywords, messages = read_keyword_files([("a.csv", first), ("b.csv", second)])
    assert keywords == (keyword("shoes", 15, 2.0),)
    assert messages == []


# ---------------------------------------------------------------- rate presets


def test_presets_have_every_platform_and_a_default_row() -> None:
    assert set(RATE_PRESETS) == {"low", "mid", "high"}
    for rates in RATE_PRESETS.values():
        assert set(rates) == set(PLATFORMS)


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("part", ["cpm", "cpc", "cpe"])
def test_low_is_below_mid_is_below_high(platform: str, part: str) -> None:
    low, mid, high = (getattr(RATE_PRESETS[p][platform], part) for p in ("low", "mid", "high"))
    assert 0 < low < mid < high


def test_mid_keeps_the_apps_default_cpm_and_cpc() -> None:
    assert RATE_PRESETS["mid"]["default"].cpm == Rate().cpm == 7.0
    assert RATE_PRESETS["mid"]["default"].cpc == Rate().cpc == 1.0


def test_rate_sources_say_where_the_figures_come_from() -> None:
    assert "Vitrue" in RATE_SOURCES and "$3.60" in RATE_SOURCES and "$5 CPM" in RATE_SOURCES
    assert "Your own ad costs are the best rates" in RATE_SOURCES


# ---------------------------------------------------------------- the ledger

MONTHS = 30 / (365.25 / 12)  # 0.98563
COST = 150 + 5 * 40 * MONTHS  # ad spend + labour for the months covered
SALES = 400 + 80  # tracked revenue
LEADS = 2 * 20  # row 3 only: rows 1-2 track their sales
ENGAGEMENT = 300 * 0.05
FOLLOWERS = 10 * 1.5
EMV = 20000 / 1000 * 7 + 150 * 1 + 300 * 0  # organic row 3 at the default rates: 290
PPC = 150 * 4.0 + 300 * 2.5  # 600 + 750
FANS = 1200 * 3.65 * MONTHS / 12
SERVICE = 30 * MONTHS * 5
INSIGHTS = 3 * 2400 / 8  # 900
RETURN = SALES + LEADS + ENGAGEMENT + FOLLOWERS  # 550: EMV is not counted by default


def march() -> pd.DataFrame:
    return smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-03-01", "2026-03-30", "2026-03-15"],
                "platform": ["facebook", "facebook", "instagram"],
                "campaign": ["Spring", "Spring", "Organic"],
                "element": ["Ad A", "Ad B", "Reel"],
                "paid": [True, True, False],
                "spend": [100, 50, None],
                "impressions": [10000, 5000, 20000],
                "clicks": [200, 50, 150],
                "engagements": [None, None, 300],
                "followers_gained": [None, None, 10],
                "leads": [None, 3, 2],
                "conversions": [4, 1, None],
                "revenue": [400, 80, None],
            }
        )
    )


def ledger_settings(**changes) -> Settings:  # type: ignore[no-untyped-def]
    base = Settings(
        costs=Costs(labour_hours_per_month=5, hourly_rate=40),
        values=ValueAssumptions(
            value_per_lead=20, value_per_engagement=0.05, value_per_follower=1.5
        ),
        soft_value=SoftValue(
            fans=1200,
            contacts_answered_per_month=30,
            cost_per_contact=5,
            insights=3,
            focus_group_cost=2400,
            insights_per_focus_group=8,
            ppc_keywords=(
                keyword("roi calculator", 150, 4.0),
                keyword("social media roi", 300, 2.5),
            ),
        ),
    )
    return base.with_changes(**changes)


def ledger(settings: Settings) -> tuple[list[LedgerLine], dict]:
    analysis = analyse(march(), settings)
    totals = headline(analysis)
    assert analysis.months == pytest.approx(MONTHS)
    return value_ledger(totals, settings, analysis.months), totals


def test_the_ledger_lines_in_order() -> None:
    lines, _ = ledger(ledger_settings())
    expected = [
        ("sales_value", "Sales value", SALES, "cash", True),
        ("commissions", "Commissions", 0.0, "cash", True),
        ("lead_value", "Lead value", LEADS, "estimated", True),
        ("engagement_value", "Engagement value", ENGAGEMENT, "estimated", True),
        ("follower_value", "Follower value", FOLLOWERS, "estimated", True),
        ("emv", "Earned media value", EMV, "estimated", False),
        ("ppc_equivalent", "PPC equivalent", PPC, "estimated", False),
        ("fan_value", "Brand awareness (value per fan)", FANS, "estimated", False),
        ("service_savings", "Customer-service savings", SERVICE, "estimated", False),
        ("insight_value", "Consumer insights", INSIGHTS, "estimated", False),
    ]
    assert [(line.key, line.label, line.kind, line.in_roi) for line in lines] == [
        (key, label, kind, in_roi) for key, label, _, kind, in_roi in expected
    ]
    assert [line.amount for line in lines] == pytest.approx(
        [amount for _, _, amount, _, _ in expected]
    )


def test_the_ledger_totals() -> None:
    """cash 480; estimated 40 + 15 + 15 + 290 + 1,350 + fans + service + 900."""
    lines, totals = ledger(ledger_settings())
    assert totals["cost"] == pytest.approx(COST)
    estimated = LEADS + ENGAGEMENT + FOLLOWERS + EMV + PPC + FANS + SERVICE + INSIGHTS
    assert ledger_totals(lines, totals["cost"]) == pytest.approx(
        {
            "cash": 480.0,
            "estimated": estimated,
            "total": 480.0 + estimated,
            "cost": COST,
            "net_with_estimates": 480.0 + estimated - COST,
            "in_roi": RETURN,
        }
    )
    assert totals["return"] == pytest.approx(RETURN)  # what ROI counts, line by line


def test_earned_media_and_lead_value_follow_what_roi_counts() -> None:
    """EMV counted: return = 550 + 290 = 840. Lead value off: 0, not in ROI: 840 - 40 = 800."""
    settings = ledger_settings(
        earned_media=EarnedMediaRates(include_in_roi=True),
        values=ValueAssumptions(
            value_per_lead=20,
            value_per_engagement=0.05,
            value_per_follower=1.5,
            count_lead_value=False,
        ),
    )
    lines, totals = ledger(settings)
    by_key = {line.key: line for line in lines}
    assert by_key["emv"].in_roi and by_key["emv"].amount == pytest.approx(EMV)
    assert not by_key["lead_value"].in_roi and by_key["lead_value"].amount == 0.0
    assert ledger_totals(lines, totals["cost"])["in_roi"] == pytest.approx(800.0)
    assert totals["return"] == pytest.approx(800.0)


def test_every_lead_counted_when_turned_on() -> None:
    """count_lead_value true: all 5 leads x $20 = 100."""
    settings = ledger_settings(values=ValueAssumptions(value_per_lead=20, count_lead_value=True))
    lines, _ = ledger(settings)
    lead = next(line for line in lines if line.key == "lead_value")
    assert lead.amount == pytest.approx(100.0) and lead.in_roi
    assert lead.formula == "5 leads x $20.00 a lead"


def test_the_formulas_show_the_numbers() -> None:
    lines, _ = ledger(ledger_settings())
    formula = {line.key: line.formula for line in lines}
    assert formula["sales_value"] == "tracked revenue $480.00"
    assert formula["lead_value"].startswith("2 of 5 leads x $20.00 a lead")
    assert formula["engagement_value"] == "300 engagements x $0.05 an engagement"
    assert formula["follower_value"] == "10 new followers x $1.50 a follower"
    assert formula["emv"].endswith("not counted in return")
    assert "default $7.00 CPM, $1.00 a click, $0.00 an engagement" in formula["emv"]
    assert formula["ppc_equivalent"] == (
        "450 organic clicks on 2 keywords x each keyword's cost per click"
    )
    assert formula["fan_value"].startswith("1,200 fans x $3.65 a year x 1.0 / 12 months; ")
    assert (
        "1 impression per fan per post x 2 posts a day x 365 days x $5.00 CPM"
        in (formula["fan_value"])
    )
    assert formula["service_savings"] == (
        "30 contacts answered a month x 1.0 months x $5.00 a contact"
    )
    assert formula["insight_value"] == (
        "3 insights x $2,400.00 a focus group / 8 insights a focus group"
    )


def test_sales_without_revenue_are_priced_at_the_order_value() -> None:
    """No revenue column: 5 sales x $60 = 300."""
    settings = ledger_settings(values=ValueAssumptions(average_order_value=60))
    analysis = analyse(march().assign(revenue=float("nan")), settings)
    lines = value_ledger(headline(analysis), settings, analysis.months)
    assert lines[0].amount == pytest.approx(300.0)
    assert lines[0].formula == "5 sales x $60.00 average order value (no revenue tracked)"


def test_undefined_insights_are_none_and_left_out_of_the_sum() -> None:
    soft = SoftValue(insights=4, focus_group_cost=3000)
    lines, totals = ledger(ledger_settings(soft_value=soft))
    insights = lines[-1]
    assert insights.amount is None
    assert insights.formula.startswith("undefined: enter how many insights one focus group yields")
    # estimated = lead, engagement, follower and earned media value only
    estimated = LEADS + ENGAGEMENT + FOLLOWERS + EMV
    assert ledger_totals(lines, totals["cost"])["estimated"] == pytest.approx(estimated)


def test_amounts_are_in_the_users_currency() -> None:
    lines, _ = ledger(ledger_settings(currency="NOK"))
    assert lines[0].formula == "tracked revenue 480.00 kr"


# ---------------------------------------------------------------- plain Python


def test_earned_media_does_not_load_streamlit() -> None:
    code = "import sys, smroi.earned_media; print('streamlit' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_keyword_row_with_too_many_cells_is_reported_once_and_an_empty_line_is_skipped() -> None:
    data = (
        b"Keyword,Clicks,CPC\n"
        b"shoes,10,1.00\n"
        b"\n"  # row 3: an empty line
        b"red shoes,5,1.00,extra\n"  # row 4: 4 cells
        b"boots,3,2.00\n"
    )
    keywords, messages = read_keyword_files([("keywords.csv", data)])
    assert [(k.keyword, k.organic_clicks, k.cpc) for k in keywords] == [
        ("shoes", 10.0, 1.0),
        ("boots", 3.0, 2.0),
    ]
    assert messages == [
        "keywords.csv: 1 row left out (4 cells where the header has 3): row 4.",
        "keywords.csv: 1 row without a keyword left out.",
    ]
