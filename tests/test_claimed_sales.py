"""Sales the ad platforms claim against the sales the shop recorded (docs/METRICS.md,
"Claimed against recorded"; smroi.claimed_sales).

The fixtures, by hand (all USD, no other costs):

  claims_meta_june.csv (Meta Ads Manager, paid, one row a day, $50 spend a day)
    Jun 1: 2 purchases 120   Jun 2: 1  60   Jun 3: 2 100   Jun 4: 3 150
    Jun 5: 2 90              Jun 6: 4 210   Jun 7: 1  50
    -> 15 purchases worth 780; spend 7 x 50 = 350
  claims_google_june.csv (Google Ads, paid, $40 a day)
    Jun 4: 1 60   Jun 5: 2 100   Jun 6: 1 40   Jun 7: 0 0   Jun 8: 2 120
    -> 6 conversions worth 320; spend 5 x 40 = 200
  claims_shopify_june.csv (Shopify orders; #1002's second line item is not an order)
    #1001 Jun 3 80   #1002 Jun 4 100   #1003 Jun 5 60   #1004 Jun 5 40
    #1005 Jun 6 120  #1006 Jun 8 60    #1007 Jun 9 70  -> 7 orders worth 530

The claims cover Jun 1-8 (Meta 1-7, Google 4-8), the orders Jun 3-9: both cover Jun 3-8
(6 days).
  claimed there: Meta Jun 3-7 = 2+3+2+4+1 = 12 sales, 100+150+90+210+50 = 600
                 Google Jun 4-8 = 1+2+1+0+2 = 6 sales, 60+100+40+0+120 = 320
                 together 18 sales worth 920
  recorded there: #1001-#1006 = 6 orders, 80+100+60+40+120+60 = 460 (#1007 is on Jun 9)
  over-claim = 920 / 460 = 2.00; by count 18 / 6 = 3.00
  Meta's share of the claims 600 / 920; of the record 460 x 600/920 = 300, Google's
  460 x 320/920 = 160; counts 6 x 12/18 = 4 and 6 x 6/18 = 2
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import smroi
from smroi import Settings, ValueAssumptions
from smroi.claimed_sales import comparison_json, sale_kinds
from smroi.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
META = FIXTURES / "claims_meta_june.csv"
GOOGLE = FIXTURES / "claims_google_june.csv"
SHOPIFY = FIXTURES / "claims_shopify_june.csv"


def _load(*paths: Path | tuple[str, str]) -> tuple[object, list[smroi.ImportReport]]:
    files = [
        (item.name, item.read_bytes()) if isinstance(item, Path) else (item[0], item[1].encode())
        for item in paths
    ]
    return smroi.load_files(files)


def _compare(*paths: Path | tuple[str, str]) -> object:
    table, reports = _load(*paths)
    return smroi.compare_claims(table, recorded_from=smroi.recorded_files(reports))


def _settings(roi_on: str = "claimed") -> Settings:
    return Settings(values=ValueAssumptions(roi_on=roi_on))


def _by_platform(table: object, reports: list, roi_on: str) -> dict[str, dict]:
    analysis = smroi.analyse(table, _settings(roi_on), recorded_from=smroi.recorded_files(reports))
    frame = smroi.by_group(analysis, "platform")
    return {str(r["platform"]): r for r in frame.to_dict("records")}


# ---------------------------------------------------------------- return counts sales once


def test_return_counts_the_platforms_claims_not_also_the_shops_orders_on_the_same_days() -> None:
    # before the fix return was 780 + 320 + 530 = 1,630: the orders of Jun 3-8 counted twice
    table, reports = _load(META, GOOGLE, SHOPIFY)
    analysis = smroi.analyse(table, _settings(), recorded_from=smroi.recorded_files(reports))
    totals = smroi.headline(analysis)
    # claims 780 + 320, and of the orders only #1007 (Jun 9, a day no platform covers): 70
    assert totals["return"] == pytest.approx(780 + 320 + 70)
    assert totals["conversions"] == 15 + 6 + 1
    platforms = _by_platform(table, reports, "claimed")
    assert platforms["facebook"]["return"] == pytest.approx(780)
    assert platforms["google"]["return"] == pytest.approx(320)
    assert platforms["shop"]["return"] == pytest.approx(70)


def test_roi_on_recorded_sales_shares_the_shops_orders_over_the_platforms_by_their_claims() -> None:
    table, reports = _load(META, GOOGLE, SHOPIFY)
    platforms = _by_platform(table, reports, "recorded")
    # Meta: Jun 1-2 only it covers (120 + 60 = 180, as claimed) + its share 300 = 480
    assert platforms["facebook"]["return"] == pytest.approx(180 + 300)
    assert platforms["facebook"]["roi_pct"] == pytest.approx((480 - 350) / 350 * 100)  # 37.14
    assert platforms["facebook"]["conversions"] == pytest.approx(2 + 1 + 4)
    # Google: every claim inside the shared days, so only its share 160
    assert platforms["google"]["return"] == pytest.approx(160)
    assert platforms["google"]["roi_pct"] == pytest.approx((160 - 200) / 200 * 100)  # -20
    assert platforms["google"]["conversions"] == pytest.approx(2)
    # the Jun 9 order stays the shop's: no platform claims that day
    assert platforms["shop"]["return"] == pytest.approx(70)
    totals = smroi.headline(
        smroi.analyse(table, _settings("recorded"), recorded_from=smroi.recorded_files(reports))
    )
    assert totals["return"] == pytest.approx(480 + 160 + 70)
    assert totals["roi_pct"] == pytest.approx((710 - 550) / 550 * 100)  # 29.09


def test_without_orders_the_claims_count_as_before() -> None:
    table, _reports = _load(META, GOOGLE)
    for roi_on in ("claimed", "recorded"):
        totals = smroi.headline(smroi.analyse(table, _settings(roi_on)))
        assert totals["return"] == pytest.approx(780 + 320)
    assert _compare(META, GOOGLE) is None


# ---------------------------------------------------------------- the comparison


def test_claimed_and_recorded_over_the_days_both_cover() -> None:
    comparison = _compare(META, GOOGLE, SHOPIFY)
    assert isinstance(comparison, smroi.ClaimsComparison)
    assert (comparison.first_day, comparison.last_day, comparison.days) == (
        date(2026, 6, 3),
        date(2026, 6, 8),
        6,
    )
    assert comparison.claimed_sales == 18 and comparison.claimed_value == pytest.approx(920)
    assert comparison.recorded_sales == 6 and comparison.recorded_value == pytest.approx(460)
    assert comparison.over_claim == pytest.approx(2.0)
    assert comparison.count_over_claim == pytest.approx(3.0)
    assert comparison.rows_across_the_edge == 0
    rows = {r["platform"]: r for r in comparison.by_platform.to_dict("records")}
    assert list(rows) == ["facebook", "google"]  # most claimed first
    assert rows["facebook"]["claimed_sales"] == 12
    assert rows["facebook"]["claimed_value"] == pytest.approx(600)
    assert rows["facebook"]["claim_share"] == pytest.approx(600 / 920)
    assert rows["facebook"]["recorded_value_share"] == pytest.approx(300)
    assert rows["facebook"]["recorded_sales_share"] == pytest.approx(4)
    assert rows["facebook"]["over_claim"] == pytest.approx(600 / 460)  # 1.30
    assert rows["google"]["recorded_value_share"] == pytest.approx(160)
    assert rows["google"]["over_claim"] == pytest.approx(320 / 460)  # 0.70


def test_the_comparison_in_one_sentence_in_each_language() -> None:
    comparison = _compare(META, GOOGLE, SHOPIFY)
    assert smroi.claims_sentence(comparison, "USD") == (
        "Meta and Google together claim 2.00x the sales your shop recorded from 03 Jun 2026 "
        "to 08 Jun 2026 ($920.00 against $460.00)."
    )
    norwegian = smroi.claims_sentence(comparison, "USD", lang="nb")
    assert "Meta og Google" in norwegian and "2,00x" in norwegian and "920,00" in norwegian
    persian = smroi.claims_sentence(comparison, "USD", lang="fa")
    assert "۲٫۰۰x" in persian and "۹۲۰" in persian


def test_one_platform_and_a_whole_month() -> None:
    # Meta's whole June in one row of 30 days against a June of orders on the 1st and 30th
    meta = (
        "Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Impressions,"
        "Purchases,Purchases conversion value\n"
        "2026-06-01,2026-06-30,June,300.00,30000,9,450.00\n"
    )
    orders = "Order,Date,Revenue\n1,2026-06-01,100.00\n2,2026-06-30,200.00\n"
    comparison = _compare(("meta.csv", meta), ("orders.csv", orders))
    assert isinstance(comparison, smroi.ClaimsComparison)
    # 450 / (100 + 200) = 1.50; 2 orders (an orders file's row without a count is one order)
    assert comparison.recorded_sales == 2
    assert smroi.claims_sentence(comparison, "USD") == (
        "Meta claims 1.50x the sales your shop recorded in Jun 2026 ($450.00 against $300.00)."
    )


def test_per_day_and_week() -> None:
    comparison = _compare(META, GOOGLE, SHOPIFY)
    weeks = smroi.claims_by_period(comparison, "week").set_index("period_start")
    # 1 June 2026 is a Monday. Week of Jun 1 (days 3-7): Meta 600 (12 sales), Google 60 +
    # 100 + 40 + 0 = 200 (4); orders #1001-#1005 = 80+100+60+40+120 = 400 (5)
    first = weeks.loc["2026-06-01"]
    assert (first["claimed_sales"], first["claimed_value"]) == (16, pytest.approx(800))
    assert (first["recorded_sales"], first["recorded_value"]) == (5, pytest.approx(400))
    assert first["over_claim"] == pytest.approx(2.0)
    # week of Jun 8 (day 8): Google 2 sales 120, order #1006 60
    second = weeks.loc["2026-06-08"]
    assert (second["claimed_value"], second["recorded_value"]) == (120, 60)
    days = smroi.claims_by_period(comparison, "day").set_index("period_start")
    # Jun 7: Meta 50 + Google 0 claimed, no order: the ratio is undefined, not infinite
    assert days.loc["2026-06-07", "claimed_value"] == pytest.approx(50)
    assert days.loc["2026-06-07", "recorded_value"] == 0
    assert np.isnan(days.loc["2026-06-07", "over_claim"])


def test_a_month_row_is_not_split_into_weeks() -> None:
    meta = (
        "Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Impressions,"
        "Purchases,Purchases conversion value\n"
        "2026-06-01,2026-06-30,June,300.00,30000,9,450.00\n"
    )
    orders = "Order,Date,Revenue\n1,2026-06-01,100.00\n2,2026-06-30,200.00\n"
    comparison = _compare(("meta.csv", meta), ("orders.csv", orders))
    assert smroi.claims_by_period(comparison, "week").empty
    months = smroi.claims_by_period(comparison, "month")
    assert months["over_claim"].tolist() == [pytest.approx(1.5)]


# ---------------------------------------------------------------- when nothing is compared


def test_no_day_in_common_shows_nothing_and_says_why() -> None:
    orders = "Order,Date,Revenue\n1,2026-06-20,100.00\n2,2026-06-22,50.00\n"
    table, reports = _load(META, ("orders.csv", orders))
    comparison = smroi.compare_claims(table, recorded_from=smroi.recorded_files(reports))
    assert isinstance(comparison, smroi.NoComparison)
    assert comparison.shared_days == 0
    assert smroi.why_not_compared(comparison) == (
        "The ad platforms' sales (01 Jun 2026 – 07 Jun 2026) and your shop's orders "
        "(20 Jun 2026 – 22 Jun 2026) cover no day in common, so the platforms' claims cannot "
        "be checked against the shop."
    )
    # different days: nothing is counted twice, so both count (780 claimed + 150 recorded)
    totals = smroi.headline(smroi.analyse(table, _settings("recorded")))
    assert totals["return"] == pytest.approx(780 + 150)


def test_a_claim_that_reaches_past_the_orders_is_not_guessed() -> None:
    meta = (
        "Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Impressions,"
        "Purchases,Purchases conversion value\n"
        "2026-06-01,2026-06-30,June,300.00,30000,9,450.00\n"
    )
    comparison = _compare(("meta.csv", meta), SHOPIFY)
    assert isinstance(comparison, smroi.NoComparison)
    assert comparison.shared_days == 7  # Jun 3-9, but the row covers all of June
    assert "without guessing" in smroi.why_not_compared(comparison)


def test_nothing_recorded_gives_no_ratio() -> None:
    # the shop's record says 0 orders on Jun 3 and on Jun 8
    orders = "Date,Orders,Revenue\n2026-06-03,0,0.00\n2026-06-08,0,0.00\n"
    comparison = _compare(META, GOOGLE, ("orders.csv", orders))
    assert isinstance(comparison, smroi.ClaimsComparison)
    assert comparison.recorded_value == 0 and comparison.recorded_sales == 0
    assert comparison.over_claim is None and comparison.count_over_claim is None
    assert comparison.by_platform["over_claim"].isna().all()
    assert smroi.claims_sentence(comparison, "USD") == (
        "Your shop recorded no sales from 03 Jun 2026 to 08 Jun 2026, while Meta and Google "
        "claim $920.00, so the claims cannot be put as a multiple of the shop's (—)."
    )
    shown = comparison_json(comparison, "USD", "claimed")
    assert shown["over_claim"] is None
    assert shown["by_platform"]["facebook"]["over_claim"] is None


# ---------------------------------------------------------------- which rows are which


def test_ga4_purchases_are_the_shops_record_by_their_file() -> None:
    ga4 = smroi.ImportReport(file="ga4.csv", export="Google Analytics 4")
    shop = smroi.ImportReport(file="orders.csv", export="Shopify orders")
    ads = smroi.ImportReport(file="meta.csv", export="Meta Ads Manager")
    assert smroi.recorded_files([ga4, shop, ads]) == {"ga4.csv", "orders.csv"}
    # a GA4 row has sessions (clicks) and may be paid social: only its file says it is a record
    table = smroi.conform(
        pd.DataFrame(
            {
                "date": ["2026-06-03", "2026-06-03"],
                "platform": ["facebook", "facebook"],
                "paid": [True, True],
                "clicks": [40.0, 100.0],
                "spend": [None, 50.0],
                "conversions": [2.0, 3.0],
                "revenue": [90.0, 150.0],
                "source": ["ga4.csv", "meta.csv"],
            }
        )
    )
    claimed, recorded = sale_kinds(table, {"ga4.csv"})
    assert claimed.tolist() == [False, True] and recorded.tolist() == [True, False]
    claimed, recorded = sale_kinds(table)
    assert claimed.tolist() == [True, True] and not recorded.any()


def test_the_sample_data_has_no_record_of_orders() -> None:
    sample = Path(__file__).resolve().parents[1] / "sample_data" / "social_media_sample.csv"
    table, reports = smroi.load_files([(sample.name, sample.read_bytes())])
    assert smroi.compare_claims(table, recorded_from=smroi.recorded_files(reports)) is None


def test_the_setting_is_checked_and_saved() -> None:
    loaded = smroi.settings_from_json('{"values": {"roi_on": "recorded"}}')
    assert loaded.values.roi_on == "recorded"
    assert json.loads(smroi.settings_to_json(loaded))["values"]["roi_on"] == "recorded"
    assert smroi.settings_from_json("{}").values.roi_on == "claimed"
    with pytest.raises(
        smroi.SettingsError, match=r"values\.roi_on must be one of claimed, recorded"
    ):
        smroi.settings_from_json('{"values": {"roi_on": "both"}}')


# ---------------------------------------------------------------- the command line


def test_summary_json_has_claimed_vs_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(META), str(GOOGLE), str(SHOPIFY), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    claims = result["claimed_vs_recorded"]
    assert claims["compared"] is True
    assert (claims["start"], claims["end"], claims["days"]) == ("2026-06-03", "2026-06-08", 6)
    assert claims["claimed"] == {"sales": 18, "value": 920.0}
    assert claims["recorded"] == {"sales": 6, "value": 460.0}
    assert claims["over_claim"] == pytest.approx(2.0)
    assert claims["roi_on"] == "claimed"
    assert claims["by_platform"]["google"]["recorded_value_share"] == pytest.approx(160)
    assert claims["sentence"].startswith("Meta and Google together claim 2.00x")
    assert result["totals"]["return"] == pytest.approx(1170)


def test_summary_json_roi_on_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = tmp_path / "s.json"
    settings.write_text('{"values": {"roi_on": "recorded"}}')
    args = ["summary", str(META), str(GOOGLE), str(SHOPIFY), "--settings", str(settings)]
    assert main([*args, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["claimed_vs_recorded"]["roi_on"] == "recorded"
    assert result["totals"]["return"] == pytest.approx(710)
    assert result["by_platform"]["google"]["roi_pct"] == pytest.approx(-20.0)
    # Meta's sales: 2 + 1 of its own days and 4 shared to it, printed as the whole 7 and
    # its cost per sale 350 / 7 = 50, not 6.999999999999999 and 50.00000000000001
    assert result["by_platform"]["facebook"]["conversions"] == 7
    assert str(result["by_platform"]["facebook"]["cpa"]) == "50.0"


def test_summary_json_without_orders_has_no_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(META), "--json"]) == 0
    assert "claimed_vs_recorded" not in json.loads(capsys.readouterr().out)


def test_summary_text_says_it_in_a_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(META), str(GOOGLE), str(SHOPIFY)]) == 0
    out = capsys.readouterr().out
    assert "Claimed against recorded (return counts the claimed sales):" in out
    assert "- Meta and Google together claim 2.00x the sales your shop recorded" in out
