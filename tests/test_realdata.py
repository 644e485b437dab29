"""Real exports from ../shared/realdata (see each folder's SOURCE.md), read as a user would.

Every expected total below was worked out apart from smroi: with Python's csv module
(and openpyxl for the workbook), summing the columns by hand after dropping the rows
whose first filled cell says "Total". Skipped where shared/realdata is absent; never
in CI.
"""

from __future__ import annotations

import os

import pandas as pd
import pytest

from smroi import read_file
from tests.conftest import REALDATA


def load(folder: str, name: str | None = None) -> tuple[pd.DataFrame, object]:
    if not REALDATA.exists():
        if os.environ.get("CI") or os.environ.get("SMROI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{REALDATA} is missing; CI must test the real exports")
        pytest.skip("shared/realdata is not beside this checkout")
    files = sorted(p for p in (REALDATA / folder).iterdir() if p.name != "SOURCE.md")
    path = next(p for p in files if name is None or p.name == name)
    return read_file(path.name, path.read_bytes())


def test_meta_ads_manager_csv_in_rupees() -> None:
    table, report = load("meta_ads_bluetea_adsets")
    assert report.export == "Meta Ads Manager"
    assert report.currency == "INR"  # from "Amount spent (INR)"
    assert (report.rows_read, report.rows_used) == (229, 229)
    assert set(table["platform"]) == {"facebook"} and table["paid"].all()
    assert table["spend"].sum() == pytest.approx(1734408.185834)
    assert table["conversions"].sum() == 3184  # Purchases
    assert table["revenue"].sum() == pytest.approx(3798159.06)  # Purchases conversion value
    assert table["impressions"].sum() == 11666160
    assert str(table["date"].min().date()) == "2026-01-01"


def test_meta_ads_manager_workbook_in_portuguese() -> None:
    table, report = load("meta_ads_manager_xlsx_ptbr")
    assert report.export == "Meta Ads Manager"
    assert report.currency == "BRL"  # from "Valor usado (BRL)"
    # a budget-type column holds "Total" (a lifetime budget): data, not a totals row
    assert (report.rows_read, report.rows_used) == (2385, 2385)
    assert table["spend"].sum() == pytest.approx(810.87)  # Valor usado
    assert table["impressions"].sum() == 170309  # Impressões
    assert table["clicks"].sum() == 779  # Cliques no link
    # Resultados where the indicator is a started conversation: leads
    assert table["leads"].sum() == 102
    assert report.column_map["Nome do anúncio"] == "element"


def test_google_ads_keyword_report_utf16_with_totals_rows() -> None:
    table, report = load("google_ads_towing_utf16", "Search keyword report.csv")
    assert report.export == "Google Ads"
    assert report.currency == "CAD"  # the "Currency code" column
    assert (report.rows_read, report.rows_used, report.rows_excluded) == (27, 17, 10)
    assert set(report.excluded["reason"]) == {
        "a totals row (adding it would count everything twice)"
    }
    assert table["spend"].sum() == pytest.approx(0.12)
    assert table["impressions"].sum() == 14
    assert table["clicks"].sum() == 1
    # no date column: the title's "1 May 2026 - 8 May 2026" is every row's period
    assert str(table["date"].iloc[0].date()) == "2026-05-01"
    assert str(table["period_end"].iloc[0].date()) == "2026-05-08"


def test_google_ads_campaign_report_with_conversion_value() -> None:
    table, report = load("agency_exports_danielthec", "Campaign report (1).csv")
    assert report.export == "Google Ads" and report.currency == "GBP"
    assert (report.rows_read, report.rows_used) == (7, 2)
    assert table["spend"].sum() == pytest.approx(1164.10)
    assert table["revenue"].sum() == pytest.approx(2127.81)  # "Conv. value", "1,286.58"
    assert table["clicks"].sum() == 867
    assert table["impressions"].sum() == 40585  # "31,193" and its partner
    assert table["conversions"].sum() == 74


@pytest.mark.parametrize("name", ["KAG_conversion_data.csv", "KAG_conversion_data.xlsx"])
def test_kaggle_conversion_data_csv_and_workbook_agree(name: str) -> None:
    table, report = load("kag_conversion", name)
    assert (report.rows_read, report.rows_used) == (1143, 1143)
    assert table["spend"].sum() == pytest.approx(58705.229958)
    assert table["impressions"].sum() == 213434828
    assert table["clicks"].sum() == 38165
    assert table["conversions"].sum() == 1079  # Approved_Conversion: sales
    assert table["leads"].sum() == 3264  # Total_Conversion: enquiries


def test_x_tweet_activity_with_ids_and_hashtag_lines() -> None:
    table, report = load(
        "twitter_analytics_ropensci", "tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv"
    )
    assert report.export == "X (Twitter) tweet activity"
    assert (report.rows_read, report.rows_used) == (31, 31)
    assert set(table["platform"]) == {"x"} and not table["paid"].any()
    assert table["impressions"].sum() == 199256
    assert table["clicks"].sum() == 986  # url clicks
    assert table["engagements"].sum() == 3585
    assert "1091117122825084928" in set(table["element"].astype(str))  # 19 digits, as text
    assert str(table["date"].max().date()) == "2019-01-31"  # "2019-01-31 23:32 +0000"


def test_shopify_orders_are_one_sale_each() -> None:
    table, report = load("shopify_orders_panalysis")
    assert report.export == "Shopify orders"
    assert (report.rows_read, report.rows_used) == (1057, 1057)  # names like "#1030"
    assert table["conversions"].sum() == 1057
    assert table["revenue"].sum() == pytest.approx(68141.45)


def test_meta_age_by_gender_breakdown() -> None:
    table, report = load("meta_ads_age_gender_lemauricien")
    assert (report.rows_read, report.rows_used) == (144, 144)
    assert table["impressions"].sum() == 149829
    assert table["clicks"].sum() == 5967  # Clicks (all): the export has no link clicks
    assert set(table["age"]) == {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"}
    assert set(table["gender"]) == {"female", "male", "unknown"}


def test_uncleaned_sales_with_dollar_text_and_mixed_date_formats() -> None:
    table, report = load("synthetic_googleads_sales_uncleaned")
    assert (report.rows_read, report.rows_used) == (2600, 2600)
    assert table["spend"].sum() == pytest.approx(538371.83)  # "$231.88 "
    assert table["revenue"].sum() == pytest.approx(3688173.0)  # "$1,892 "
    # 11/16/2024, 20-11-2024 and 1/11/2024 in one column: all of November 2024
    assert table["date"].dt.strftime("%Y-%m").unique().tolist() == ["2024-11"]
    # the Device column is an audience dimension; cost per device summed with csv
    spend = table.groupby("device")["spend"].sum()
    assert spend.to_dict() == pytest.approx(
        {"Desktop": 183786.04, "Mobile": 183558.31, "Tablet": 171027.48}
    )
    assert table["device"].value_counts().to_dict() == {
        "Desktop": 888,
        "Mobile": 878,
        "Tablet": 834,
    }


def test_facebook_insights_posts_with_a_description_row() -> None:
    table, report = load(
        "fb_page_insights_vic",
        "Facebook Insights Data Export (Post Level) - Visualization Studio VIC - "
        "2014-08-24 - 2015-02-19.csv",
    )
    assert report.export == "Facebook Insights (posts)"
    assert (report.rows_read, report.rows_used) == (98, 98)
    assert any("describes the columns" in line for line in report.warnings)
    assert str(table["date"].max().date()) == "2015-02-19"  # "02/19/2015 11:45:22 PM"


def test_files_that_are_not_tables_are_refused_in_one_sentence() -> None:
    from smroi import InputFileError

    with pytest.raises(InputFileError, match="none of its columns is a number"):
        load("synthetic_excel_pivot_dashboard")


def test_an_empty_meta_export_says_so_in_one_sentence() -> None:
    from smroi import InputFileError

    with pytest.raises(InputFileError, match="the export has no rows for its period"):
        load("agency_exports_danielthec", "Daniel-Conlan-Campaigns-1-Sep-202430-Sep-2024.csv")


def test_a_workbook_of_seven_sheets_reads_the_one_with_the_table() -> None:
    _, report = load("fb_post_insights_xlsx_lok")
    assert report.sheet == "Key Metrics" and len(report.sheets) == 7
    assert (report.rows_read, report.rows_used) == (47, 47)


def test_rows_shifted_two_columns_left_are_put_back() -> None:
    table, report = load("fb_ad_campaign_misaligned")
    # 382 rows end in two empty cells, counted with the csv module (SOURCE.md says 382)
    assert (report.rows_read, report.rows_used) == (1143, 1143)
    assert any(
        line.startswith("data.csv: 382 rows had cells slid to the left") for line in report.warnings
    )
    # the same advertiser as KAG_conversion_data.csv: repaired, the sums agree with it
    assert table["spend"].sum() == pytest.approx(58705.229958)
    assert table["impressions"].sum() == 213434828
    assert table["clicks"].sum() == 38165
    assert table["conversions"].sum() == 1079
    assert str(table["date"].min().date()) == "2017-08-17"  # 17/08/2017, day first


def test_instagram_insights_engagements_are_likes_comments_shares_and_saves() -> None:
    table, report = load("instagram_post_insights_aman", "Instagram data.csv")
    assert report.export == "Instagram Insights"
    assert (report.rows_read, report.rows_used) == (176, 176)
    assert table["impressions"].sum() == 3464652
    assert table["engagements"].sum() == 126643  # Likes + Comments + Shares + Saves
    assert table["followers_gained"].sum() == 19616  # Follows


def test_x_daily_metrics() -> None:
    table, report = load("twitter_daily_metrics_debruine")
    assert report.export == "X (Twitter) tweet activity"
    assert (report.rows_read, report.rows_used) == (31, 31)
    assert table["impressions"].sum() == 1639423
    assert table["clicks"].sum() == 34633  # url clicks
    assert table["engagements"].sum() == 107982
    assert str(table["date"].min().date()) == "2021-08-01"


def test_ga4_overview_of_seven_tables_reads_the_social_sources() -> None:
    table, report = load("ga4_acquisition", "Acquisition_overview.csv")
    assert report.export == "Google Analytics 4"
    # The last table, "Session manual source, Sessions": 7 sources, 9 sessions.
    assert (report.rows_read, report.rows_used) == (7, 5)
    by_platform = table.groupby("platform", observed=True)["clicks"].sum().to_dict()
    # m.facebook.com 3 + facebook.com 1; ig 1 + l.instagram.com 1; t.co 1
    assert by_platform == {"facebook": 4, "instagram": 2, "x": 1}
    assert sorted(report.excluded["row"]) == [226, 227]  # github.com, gpts123.ai
    assert {str(d.date()) for d in table["date"]} == {"2026-02-26"}
    assert {str(d.date()) for d in table["period_end"]} == {"2026-03-25"}
    assert not table["paid"].any()
    assert any("it holds 7 tables" in line for line in report.warnings)


@pytest.mark.parametrize(
    "name",
    [
        "Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv",
        "download.csv",
    ],
)
def test_ga4_traffic_by_channel_keeps_organic_social(name: str) -> None:
    table, report = load("ga4_acquisition", name)
    assert report.export == "Google Analytics 4"
    # Direct 224, Unassigned 10, Referral 1 are not social; Organic Social: 7 sessions,
    # 4 key events, 0 revenue. download.csv's first row is its Grand total (242 sessions).
    assert report.rows_used == 1
    assert table["platform"].tolist() == ["social"]
    assert (table["clicks"].sum(), table["conversions"].sum(), table["revenue"].sum()) == (7, 4, 0)
    reasons = report.excluded["reason"].tolist()
    assert sum("did not come from social media" in r for r in reasons) == 3
    if name == "download.csv":
        assert report.rows_read == 5
        assert report.excluded.iloc[0].tolist() == [
            8,
            "a totals row (adding it would count everything twice)",
        ]


def test_google_ads_video_and_demand_gen_campaigns_in_rupees() -> None:
    table, report = load("google_ads_campaign_report_inr")
    assert report.export == "Google Ads" and report.currency == "INR"
    assert (report.rows_read, report.rows_used) == (6, 2)  # 4 "Total: …" rows
    assert round(table["spend"].sum(), 2) == 2565.93  # 1661.67 + 904.26
    assert table["impressions"].sum() == 46168  # "25,881" + "20,287"
    assert table["conversions"].sum() == 15
    assert str(table["date"].min().date()) == "2025-07-08"  # "July 8, 2025 - July 31, 2025"
    assert str(table["period_end"].max().date()) == "2025-07-31"


def test_meta_ads_daily_rows_from_the_api_with_snake_case_headers() -> None:
    table, report = load("meta_ads_daily_movexercise")
    assert report.export == "Meta Ads Manager"
    assert (report.rows_read, report.rows_used) == (1716, 1716)
    assert round(table["spend"].sum(), 2) == 56176.21
    assert table["impressions"].sum() == 3002459
    assert table["clicks"].sum() == 91531  # link_clicks
    assert str(table["date"].min().date()) == "2025-10-29"
    assert str(table["period_end"].max().date()) == "2026-04-29"
    # "results" without a result indicator: not guessed, and the user is told how to use it
    assert "leads" not in report.column_map.values()
    assert any("column 'results' counts each campaign's own result" in w for w in report.warnings)


def test_facebook_page_posts_separated_by_semicolons() -> None:
    table, report = load("fb_page_posts_uci")
    assert report.export == "Facebook Insights (posts)"
    assert (report.rows_read, report.rows_used) == (500, 500)
    assert table["impressions"].sum() == 14792974  # Lifetime Post Total Impressions
    assert table["engagements"].sum() == 106060  # Total Interactions: comments, likes, shares
    assert int(table["paid"].sum()) == 139  # Paid = 1


def test_platform_from_the_file_name_and_dollar_strings() -> None:
    table, report = load("synthetic_ads_currency_percent_strings", "Meta Ads.csv")
    assert (report.rows_read, report.rows_used) == (100, 100)
    assert set(table["platform"]) == {"facebook"}  # "Meta Ads.csv"
    assert table["spend"].sum() == 22395  # "$267" …
    assert table["revenue"].sum() == 55534
    assert table["clicks"].sum() == 50688
    assert table["conversions"].sum() == 1447


def test_channel_used_column_names_the_platforms() -> None:
    table, report = load("synthetic_social_media_advertising")
    assert (report.rows_read, report.rows_used) == (300, 300)
    assert table["clicks"].sum() == 631253
    assert table["impressions"].sum() == 24413150
    counts = table["platform"].value_counts().to_dict()
    assert counts["google"] == 43  # "Google Ads"
    assert counts["tiktok"] == 42
    assert counts["email"] == 43


def test_google_ads_overview_card_with_weekday_dates_and_dollar_strings() -> None:
    table, report = load(
        "google_ads_overview_cards_cleaning", "Time_series(2026.02.05-2026.02.10).csv"
    )
    assert report.export == "Google Ads"
    assert (report.rows_read, report.rows_used) == (6, 6)
    assert [str(d.date()) for d in table["date"]][:2] == [
        "2026-02-05",
        "2026-02-06",
    ]  # "Thu, 5 Feb 2026"
    assert round(table["spend"].sum(), 2) == 139.67  # "US$50.00" …
    assert (table["clicks"].sum(), table["impressions"].sum()) == (91, 299)


def test_google_ads_card_by_weekday_takes_its_period_from_the_file_name() -> None:
    table, report = load(
        "google_ads_overview_cards_cleaning", "Day_&_hour(Day_2026.02.05-2026.02.10).csv"
    )
    assert (report.rows_read, report.rows_used) == (7, 7)  # Sunday … Saturday are not dates
    assert table["impressions"].sum() == 299
    assert {str(d.date()) for d in table["date"]} == {"2026-02-05"}
    assert {str(d.date()) for d in table["period_end"]} == {"2026-02-10"}
    assert any("column 'Day' holds no dates (such as 'Sunday')" in w for w in report.warnings)


def test_google_ads_demographics_keep_the_en_dash_age_ranges() -> None:
    table, _ = load(
        "google_ads_overview_cards_cleaning", "Demographics(Gender_Age_2026.02.05-2026.02.10).csv"
    )
    first = table.iloc[0]
    assert (first["gender"], first["age"], first["impressions"]) == ("Male", "18–24", 8)
    assert table["impressions"].sum() == 49
