"""Platform exports recognised by their headers, and messy formats read right."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smroi import read_file
from smroi.exports import map_columns, normalise_header, platform_of_source, recognise
from smroi.parsing import number_from_text, parse_dates, parse_numbers
from tests.conftest import FIXTURES


def fixture(name: str):  # type: ignore[no-untyped-def]
    return read_file(name, (FIXTURES / name).read_bytes())


def test_norwegian_meta_export_in_windows_1252_with_a_totals_row() -> None:
    table, report = fixture("meta_norwegian.csv")
    assert report.export == "Meta Ads Manager"
    assert report.currency == "NOK"  # "Beløp brukt (NOK)"
    assert (report.rows_read, report.rows_used) == (4, 3)
    assert report.excluded["row"].tolist() == [5]  # "Totalt"
    # by hand: 1 234,50 + 765,50 + 300,00 kr
    assert table["spend"].tolist() == [1234.5, 765.5, 300.0]
    assert table["impressions"].sum() == 12345 + 8100 + 4000
    assert table["clicks"].sum() == 365
    assert table["conversions"].sum() == 10  # Kjøp
    assert table["revenue"].sum() == 3500.0
    assert str(table["date"].iloc[0].date()) == "2026-06-01"  # 01.06.2026, day first
    assert str(table["period_end"].iloc[0].date()) == "2026-06-30"
    assert set(table["platform"]) == {"facebook"} and table["paid"].all()


def test_persian_digits_and_separators() -> None:
    table, _ = fixture("persian_digits.csv")
    assert table["spend"].tolist() == [1250.5, 800.0]  # ۱٬۲۵۰٫۵۰ and ۸۰۰
    assert table["impressions"].tolist() == [12000, 9500]
    assert table["campaign"].astype(str).tolist() == ["نوروز", "نوروز"]


def test_a_file_of_two_tables_reads_the_one_it_knows_and_says_so() -> None:
    table, report = fixture("ga4_style_tables.csv")
    assert (report.rows_read, report.rows_used) == (2, 2)
    assert table["spend"].sum() == 20.0
    assert (
        "ga4_style_tables.csv: it holds 2 tables; the one with columns date, platform, spend, "
        "clicks (line 7) was read, the other was not." in report.warnings
    )
    assert any("above the column names" in line for line in report.warnings)


@pytest.mark.parametrize(
    ("headers", "export"),
    [
        (["Reporting starts", "Ad name", "Amount spent (USD)", "Impressions"], "Meta Ads Manager"),
        (["Début des rapports", "Montant dépensé (EUR)", "Impressions"], "Meta Ads Manager"),
        (["Campaign", "Impr.", "Cost", "Conv. value"], "Google Ads"),
        (["Tweet id", "time", "impressions", "url clicks"], "X (Twitter) tweet activity"),
        (
            ["Campaign Group Name", "Total Spent", "Impressions", "Clicks"],
            "LinkedIn Campaign Manager",
        ),
        (["Name", "Subtotal", "Total", "Created at"], "Shopify orders"),
        (
            ["Campaign name", "Ad group name", "Ad name", "Cost", "Clicks (destination)"],
            "TikTok Ads",
        ),
        (["date", "platform", "spend"], None),
    ],
    ids=["meta", "meta-french", "google", "x", "linkedin", "shopify", "tiktok", "canonical"],
)
def test_exports_are_recognised_by_their_headers(headers: list[str], export: str | None) -> None:
    found = recognise(headers)
    assert (found.name if found else None) == export


def test_the_best_synonym_wins_link_clicks_and_the_ad() -> None:
    mapping, ignored = map_columns(["Ad set name", "Ad name", "Clicks (all)", "Link clicks"])
    assert mapping == {"Ad name": "element", "Link clicks": "clicks"}
    assert ignored == ["Ad set name", "Clicks (all)"]


@pytest.mark.parametrize(
    ("header", "normalised"),
    [
        ("Amount spent (USD)", "amount_spent"),
        ("Início dos relatórios", "inicio_dos_relatorios"),
        ("Beløp brukt (NOK)", "belop_brukt"),
        ("Impr.", "impr"),
    ],
)
def test_headers_are_normalised(header: str, normalised: str) -> None:
    assert normalise_header(header) == normalised


@pytest.mark.parametrize(
    ("text", "decimal", "number"),
    [
        ("US$135.81", ".", 135.81),
        ("$85 ", ".", 85.0),
        ("kr 1 234,50", ",", 1234.5),
        ("1.234,5", ",", 1234.5),
        ("12,5%", ",", 12.5),
        ("(12.00)", ".", -12.0),
        ("۱۲٫۵", ".", 12.5),
        ("٣٤٥", ".", 345.0),
        ("1\u00a0234", ".", 1234.0),
        ("--", ".", None),
        ("abc", ".", None),
    ],
)
def test_number_from_text(text: str, decimal: str, number: float | None) -> None:
    assert number_from_text(text, decimal) == number


def test_decimal_comma_is_decided_for_the_whole_column() -> None:
    parsed, bad, decimal = parse_numbers(pd.Series(["1.234", "12,50", "7"], dtype=object))
    assert decimal == ","
    assert parsed.tolist() == [1234.0, 12.5, 7.0]  # so "1.234" is a thousand
    assert not bad.any()


@pytest.mark.parametrize(
    ("values", "days"),
    [
        (["05.01.2026", "31.12.2026"], ["2026-01-05", "2026-12-31"]),
        (["01/05/2026", "12/31/2026"], ["2026-01-05", "2026-12-31"]),  # a US column
        (["01/05/2026", "31/12/2026"], ["2026-05-01", "2026-12-31"]),  # a European column
        (["1 May 2026", "July 8, 2025"], ["2026-05-01", "2025-07-08"]),
        (["2014-11-26 00:30:00 +1100"], ["2014-11-26"]),  # the local day, not UTC's
        (["02/19/2015 11:45:22 PM"], ["2015-02-19"]),
    ],
    ids=["dotted", "us", "european", "month-names", "zone", "time-of-day"],
)
def test_dates_per_column(values: list[str], days: list[str]) -> None:
    parsed, bad, _ = parse_dates(pd.Series(values, dtype=object))
    assert [str(day.date()) for day in parsed] == days
    assert not bad.any()


@settings(max_examples=80, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2), st.sampled_from(["$", "kr ", ""]))
def test_formatted_numbers_round_trip(amount, symbol: str) -> None:  # type: ignore[no-untyped-def]
    us = f"{symbol}{amount:,.2f}"
    european = us.replace(",", " ").replace(".", ",")
    assert number_from_text(us, ".") == pytest.approx(float(amount))
    assert number_from_text(european, ",") == pytest.approx(float(amount))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=8))
def test_any_text_parses_or_is_reported_never_raises(values: list[str]) -> None:
    parsed, bad, _ = parse_numbers(pd.Series(values, dtype=object))
    assert len(parsed) == len(values) == len(bad)
    days, bad_days, _ = parse_dates(pd.Series(values, dtype=object))
    assert len(days) == len(values) == len(bad_days)


def test_linkedin_campaign_manager_export_with_a_report_preamble() -> None:
    table, report = fixture("linkedin_campaigns.csv")
    assert report.export == "LinkedIn Campaign Manager"
    assert report.currency == "NOK"  # the Currency column
    assert (report.rows_read, report.rows_used) == (3, 3)
    assert set(table["platform"]) == {"linkedin"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(1250.40 + 980.10 + 640.00)
    assert table["impressions"].sum() == 18200 + 15050 + 9900
    assert table["leads"].sum() == 19
    # 11/13/2026 can only be month first, so 11/3/2026 is 3 November
    assert [str(d.date()) for d in table["date"]] == ["2026-11-03", "2026-11-04", "2026-11-13"]
    assert report.column_map["Campaign Name"] == "campaign"


def test_a_row_slid_left_is_repaired_and_a_normal_blank_tail_is_not() -> None:
    rows = "".join(
        f"2026-03-0{d},facebook,Spring,Ad {d},25-34,female,{d}0.00,{d}00\n" for d in range(1, 7)
    )
    text = (
        "date,platform,campaign,element,age,gender,spend,impressions\n"
        + rows
        + "2026-03-07,facebook,25-34,female,70.00,700,,\n"  # campaign and ad missing
        + "2026-03-08,facebook,Spring,Ad 8,,,80.00,800\n"  # blank age and gender: fine
    )
    table, report = read_file("slid.csv", text.encode())
    assert table["spend"].tolist() == [10, 20, 30, 40, 50, 60, 70, 80]
    assert table["impressions"].sum() == sum(range(100, 900, 100))
    assert str(table["age"].iloc[6]) == "25-34"
    assert pd.isna(table["campaign"].iloc[6])
    assert any(
        "1 row had cells slid to the left" in line
        and "was put back" in line
        and line.endswith("row 8.")
        for line in report.warnings
    )


def test_ga4_source_medium_keeps_social_visits_with_their_sales() -> None:
    table, report = fixture("ga4_source_medium.csv")
    assert report.export == "Google Analytics 4"
    assert (report.rows_read, report.rows_used) == (5, 3)
    rows = table.set_index("platform")
    assert rows.loc["instagram", "clicks"] == 120  # sessions
    assert rows.loc["instagram", "conversions"] == 3  # ecommerce purchases, not key events
    assert rows.loc["instagram", "revenue"] == 330.5
    assert rows.loc["facebook", "revenue"] == 610.0
    assert bool(rows.loc["facebook", "paid"]) and not bool(rows.loc["instagram", "paid"])
    assert rows.loc["linkedin", "clicks"] == 15
    assert table["revenue"].sum() == 940.5  # 330.50 + 610 + 0; Google and Direct left out
    assert sorted(report.excluded["reason"]) == [
        "website traffic that did not come from social media: (direct) / (none)",
        "website traffic that did not come from social media: google / organic",
    ]
    assert str(table["date"].min().date()) == "2026-04-01"
    assert str(table["period_end"].max().date()) == "2026-04-30"


@pytest.mark.parametrize(
    ("source", "platform"),
    [
        ("m.facebook.com", "facebook"),
        ("l.instagram.com", "instagram"),
        ("ig", "instagram"),
        ("t.co", "x"),
        ("lnkd.in / referral", "linkedin"),
        ("https://www.youtube.com/watch", "youtube"),
        ("github.com", None),
        ("(direct)", None),
        ("google / cpc", None),
    ],
)
def test_the_platform_a_website_visit_came_from(source: str, platform: str | None) -> None:
    assert platform_of_source(source) == platform


def test_tiktok_ads_export_counts_complete_payments_as_sales() -> None:
    table, report = fixture("tiktok_ads_by_day.csv")
    assert report.export == "TikTok Ads"
    assert (report.rows_read, report.rows_used) == (4, 3)  # the Total row is left out
    assert report.currency == "USD"
    assert set(table["platform"]) == {"tiktok"} and table["paid"].all()
    assert round(table["spend"].sum(), 2) == 77.50  # 25.40 + 30.10 + 22.00
    assert table["impressions"].sum() == 38370
    assert table["clicks"].sum() == 537  # destination clicks
    assert table["conversions"].sum() == 9  # complete payments, not the 22 "Conversions"
    assert round(table["revenue"].sum(), 2) == 294.46
    assert table["video_views"].sum() == 18695
    assert str(table["date"].max().date()) == "2026-05-02"
