"""Every page runs in AppTest on the sample data and shows the numbers METRICS.md defines."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES, ROOT

APP = str(ROOT / "app.py")
PAGES = [
    "pages/overview.py",
    "pages/cost_per_result.py",
    "pages/goals.py",
    "pages/funnel.py",
    "pages/earned_media.py",
    "pages/tracking.py",
    "pages/attribution.py",
    "pages/data.py",
    "pages/business.py",
]


def run_app(page: str | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    if page:
        go_to(app, page)
    assert not app.exception, app.exception
    return app


def go_to(app: AppTest, page: str) -> AppTest:
    """Open another page, as a click in the page menu does."""
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


BUSINESS = "pages/business.py"
OVERVIEW = "pages/overview.py"


def rendered(markdown: str) -> str:
    """What a user reads: markdown escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def metric_value(app: AppTest, label: str) -> str:
    for card in app.metric:
        if card.label == label:
            return card.value
    raise AssertionError(f"no KPI card {label!r}; cards: {[m.label for m in app.metric]}")


@pytest.mark.parametrize(
    "page",
    PAGES,
    ids=[
        "overview",
        "cost_per_result",
        "goals",
        "funnel",
        "earned_media",
        "tracking",
        "attribution",
        "data",
        "business",
    ],
)
def test_every_page_runs_on_sample_data_with_the_banner(page: str) -> None:
    app = run_app(page)
    banners = [info.value for info in app.info]
    assert "You are looking at sample data — upload your own in the sidebar." in banners
    assert not app.error


def test_overview_shows_the_verdict_then_roi_and_profit_then_four_cards_with_help() -> None:
    app = run_app()
    # the sample paid for itself: a green verdict with its figures (METRICS.md: profit =
    # return - cost = 52,958.56 - 20,144.74; ROI = profit / cost)
    shown = [re.sub(r"\\(.)", r"\1", box.value) for box in app.success]  # markdown escapes
    assert shown == [
        "Social media cost you $20,144.74 and brought in $52,958.56. It paid for itself: "
        "a profit of $32,813.82, an ROI of 162.9%."
    ]
    labels = [card.label for card in app.metric][:6]
    assert labels == ["ROI", "Profit", "Total cost", "Return", "ROAS", "Cost per sale"]
    assert [card.value for card in app.metric][:2] == ["162.9%", "$32,813.82"]
    for card in app.metric[:6]:
        assert card.value and card.value != "nan"
        assert "Formula:" in card.proto.help


def test_overview_charts_have_titles_axis_units_and_tooltips() -> None:
    app = run_app()
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    titles = {_title(spec) for spec in specs}
    assert {
        "Return vs total cost by platform",
        "ROI by platform",
        "Return and total cost per week",
    } <= titles
    for spec in specs:
        encoding = _encoding(spec)
        assert "tooltip" in encoding, _title(spec)
        assert encoding["y"].get("title") or encoding["x"].get("title")


def test_changing_a_cost_changes_roi_and_total_cost() -> None:
    app = run_app()
    before_cost = metric_value(app, "Total cost")
    before_roi = metric_value(app, "ROI")
    go_to(app, BUSINESS).number_input(key="set.costs.agency_per_month").set_value(1000.0).run()
    assert not app.exception
    go_to(app, OVERVIEW)  # the page's box keeps its value on every page
    assert metric_value(app, "Total cost") != before_cost
    assert metric_value(app, "ROI") != before_roi


def test_the_sidebar_holds_view_choices_and_the_business_in_one_line() -> None:
    app = run_app()
    # no box to type a cost or value into: those are on the Your business page
    assert not app.sidebar.number_input and not app.sidebar.radio
    assert [box.key for box in app.sidebar.selectbox] == ["ui.language", "set.currency"]
    # the sample shop: 20 h x $35 + $49 tools + $150 content = $899 a month
    assert [c.value for c in app.sidebar.caption] == [
        "Costs $899.00 a month · margin not set · objective: Sales"
    ]
    go_to(app, BUSINESS).number_input(key="set.values.gross_margin_pct").set_value(40.0).run()
    app.number_input(key="set.costs.agency_per_month").set_value(101.0).run()
    assert [c.value for c in app.sidebar.caption] == [
        "Costs $1,000.00 a month · margin 40.0% · objective: Sales"
    ]


def test_objective_changes_the_cost_per_result_card() -> None:
    app = run_app(BUSINESS)
    app.selectbox(key="set.objective").set_value("leads").run()
    go_to(app, OVERVIEW)
    labels = [card.label for card in app.metric]
    assert "Cost per lead" in labels


def test_cost_per_result_page_drills_down_to_posts_and_ads() -> None:
    app = run_app("pages/cost_per_result.py")
    app.radio(key="cpr.level").set_value("element").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert list(table.columns[:3]) == ["platform", "campaign", "element"]
    assert len(table) > 10
    assert any("Best and worst posts and ads" in header.value for header in app.subheader)


def test_data_page_accounts_for_every_row() -> None:
    app = run_app("pages/data.py")
    summary = app.dataframe[0].value
    row = summary.iloc[0]
    assert row["Rows read"] == row["Rows used"] + row["Rows left out"]


def _title(spec: dict) -> str:
    title = spec.get("title") or (spec.get("layer") or [{}])[0].get("title") or {}
    text = title.get("text") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text)  # a title wrapped on lines


def _encoding(spec: dict) -> dict:
    """The chart's encodings, merged over its layers (a tooltip may sit on any layer)."""
    merged: dict = {}
    for part in [spec, *spec.get("layer", [])]:
        for channel, value in part.get("encoding", {}).items():
            merged.setdefault(channel, value)
    return merged


def test_uploading_a_canonical_csv_shows_its_numbers() -> None:
    app = run_app()
    upload = (FIXTURES / "browser_upload.csv").read_bytes()
    app.file_uploader(key="uploads").set_value([("spring.csv", upload, "text/csv")]).run()
    assert not app.exception
    assert not [info for info in app.info if "sample data" in info.value]
    # by hand: the sample shop's $899 a month of costs are not the user's, so the cost is
    # the ad spend alone, $150; return = tracked revenue $300 + $150
    cards = {card.label: card.value for card in app.metric}
    assert cards["Total cost"] == "$150.00"
    assert cards["Other costs"] == "$0.00"
    assert cards["Return"] == "$450.00"
    assert cards["ROI"] == "200.0%"  # (450 - 150) / 150
    assert cards["ROAS"] == "3.00x"
    assert cards["Cost per sale"] == "$21.43"  # 150 / 7 sales


def test_a_broken_upload_keeps_the_data_and_says_why_in_one_sentence() -> None:
    app = run_app()
    before = {card.label: card.value for card in app.metric}
    app.file_uploader(key="uploads").set_value(
        [("report.xlsx", b"PK\x03\x04 not really a workbook", "application/octet-stream")]
    ).run()
    assert not app.exception
    errors = [rendered(error.value) for error in app.error]
    assert errors == [
        "report.xlsx: the Excel file is damaged (not a valid .xlsx archive). "
        "The dashboard still shows the data it had."
    ]
    assert {card.label: card.value for card in app.metric} == before


def test_settings_file_round_trip_through_the_business_page() -> None:
    app = run_app(BUSINESS)
    settings = json.loads((ROOT / "sample_data" / "settings.json").read_text())
    settings["costs"]["agency_per_month"] = 500
    settings["objective"] = "leads"
    app.file_uploader(key="settings_upload").set_value(
        ("mine.json", json.dumps(settings).encode(), "application/json")
    ).run()
    assert not app.exception
    assert app.number_input(key="set.costs.agency_per_month").value == 500
    assert app.selectbox(key="set.objective").value == "leads"
    assert any("Loaded settings from mine.json" in rendered(s.value) for s in app.success)


def test_a_bad_settings_file_changes_nothing_and_names_the_problem() -> None:
    app = run_app(BUSINESS)
    app.file_uploader(key="settings_upload").set_value(
        ("bad.json", b'{"costs": {"hourly_rate": -5}, "colour": "red"}', "application/json")
    ).run()
    assert not app.exception
    message = rendered(" ".join(error.value for error in app.error))
    assert "bad.json" in message and "colour" in message and "negative" in message
    assert app.number_input(key="set.costs.hourly_rate").value == 35


def test_file_names_cannot_inject_markdown_links() -> None:
    app = run_app()
    app.file_uploader(key="uploads").set_value(
        [("[click me](http://evil.example).csv", b"", "text/csv")]
    ).run()
    assert not app.exception
    shown = " ".join(error.value for error in app.error)
    assert "[click me](http://evil.example)" not in shown
    assert r"\[click me\]\(http\://evil\.example\)\.csv" in shown


def test_an_upload_in_rupees_switches_the_currency() -> None:
    app = run_app()
    data = (
        b"Reporting starts,Reporting ends,Ad name,Amount spent (INR),Impressions,Purchases,"
        b"Purchases conversion value\n2026-01-01,2026-01-01,Tea ad,1000,50000,4,2600\n"
    )
    app.file_uploader(key="uploads").set_value([("meta.csv", data, "text/csv")]).run()
    assert not app.exception
    assert app.selectbox(key="set.currency").value == "INR"
    cards = {card.label: card.value for card in app.metric}
    assert cards["ROAS"] == "2.60x"  # 2600 / 1000
    assert cards["Cost per sale"] == "₹250.00"  # 1000 / 4


def test_mapping_editor_changes_what_a_column_is_read_as() -> None:
    from smroi import read_file

    sample = ROOT / "sample_data" / "social_media_sample.csv"
    _, report = read_file(sample.name, sample.read_bytes())
    spend_row = list(report.column_map).index("spend")
    app = run_app("pages/data.py")
    # what a user's edit in the table sends (AppTest cannot type into a data editor)
    app.session_state["data.mapping.0.0"] = {
        "edited_rows": {spend_row: {"Read as": "(not used)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception
    assert dict(app.session_state["base_settings"].column_map) == {"spend": ""}
    app.switch_page("pages/overview.py").run()
    cards = {card.label: card.value for card in app.metric}
    assert cards["ROAS"] == "—"  # no ad spend any more: undefined, not 0
    assert cards["Total cost"] == "$3,544.31"  # only the monthly costs remain


def test_choosing_another_sheet_of_a_workbook() -> None:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active.append(["Monthly report, prepared for the board"])
    for title, spend in (("June", 100), ("July", 250)):
        sheet = book.create_sheet(title)
        sheet.append(["date", "platform", "spend", "clicks"])
        sheet.append([f"2026-{'06' if title == 'June' else '07'}-01", "facebook", spend, 10])
    buffer = io.BytesIO()
    book.save(buffer)

    app = run_app("pages/data.py")
    app.file_uploader(key="uploads").set_value(
        [("report.xlsx", buffer.getvalue(), "application/octet-stream")]
    ).run()
    assert not app.exception
    sheet = app.selectbox(key="data.sheet.0")
    assert sheet.value == "June"  # the first sheet whose column names smroi knows
    assert sheet.options == ["Cover", "June", "July"]
    sheet.set_value("July").run()
    assert not app.exception
    assert app.session_state["view"].data.table["spend"].sum() == 250.0
    app.selectbox(key="data.sheet.0").set_value("Cover").run()  # no table there
    assert not app.exception
    errors = " ".join(rendered(error.value) for error in app.error)
    assert "report.xlsx: the sheet has a header but no rows of data." in errors
    assert "still shows the data it had" in errors
    assert app.session_state["view"].data.table["spend"].sum() == 250.0  # July, kept
    app.selectbox(key="data.sheet.0").set_value("June").run()
    assert app.session_state["view"].data.table["spend"].sum() == 100.0


def organic_sums() -> tuple[float, float, float]:
    """The sample's organic impressions, clicks and engagements, read with plain pandas."""
    import pandas as pd

    rows = pd.read_csv(ROOT / "sample_data" / "social_media_sample.csv")
    organic = rows[~rows["paid"]]
    return (
        float(organic["impressions"].sum()),
        float(organic["clicks"].sum()),
        float(organic["engagements"].sum()),
    )


def money(text: str) -> float:
    return float(text.replace("$", "").replace(",", ""))


def test_earned_media_page_prices_organic_results_at_the_rates() -> None:
    impressions, clicks, _ = organic_sums()
    app = run_app("pages/earned_media.py")
    # default rates: CPM 7, CPC 1, CPE 0 (engagements are worth 0)
    assert money(metric_value(app, "Earned media value (estimated)")) == pytest.approx(
        impressions / 1000 * 7 + clicks * 1, abs=0.005
    )
    lines = next(df.value for df in app.dataframe if "Line" in df.value.columns)
    assert lines["Line"].tolist()[:2] == ["Sales value", "Commissions"]
    assert set(lines["Kind"]) == {"cash", "estimated"}
    emv = lines[lines["Line"] == "Earned media value"].iloc[0]
    assert emv["In ROI"] == "no"  # not counted until the user turns it on


def test_a_rate_changed_in_the_table_changes_earned_media_value() -> None:
    impressions, clicks, _ = organic_sums()
    app = run_app("pages/earned_media.py")
    # what a user's edit sends: the default row's CPM from 7 to 14
    app.session_state["emv.rates.0"] = {
        "edited_rows": {0: {"CPM (per 1,000 impressions)": 14.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception
    assert app.session_state["set.earned_media.rates.default.cpm"] == 14.0
    assert money(metric_value(app, "Earned media value (estimated)")) == pytest.approx(
        impressions / 1000 * 14 + clicks * 1, abs=0.005
    )


def test_a_preset_sets_every_platform_rate() -> None:
    from smroi.earned_media import RATE_PRESETS

    app = run_app("pages/earned_media.py")
    app.button(key="emv.rates.preset.high").click().run()
    assert not app.exception
    high = RATE_PRESETS["high"]
    assert app.session_state["set.earned_media.rates.default.cpm"] == high["default"].cpm
    rates = app.session_state["base_settings"].earned_media.rates
    assert rates["facebook"] == high["facebook"]


def test_value_per_fan_shows_in_the_ledger() -> None:
    app = run_app("pages/earned_media.py")
    app.number_input(key="set.soft_value.fans").set_value(1000.0).run()
    assert not app.exception
    lines = next(df.value for df in app.dataframe if "Line" in df.value.columns)
    fan = lines[lines["Line"] == "Brand awareness (value per fan)"].iloc[0]
    months = app.session_state["view"].analysis.months
    # 1,000 fans x (1 x 2 posts x 365 days x $5 / 1000 = $3.65 a year) x months / 12
    assert fan["Amount (USD)"] == pytest.approx(1000 * 3.65 * months / 12)
    assert fan["In ROI"] == "no"


def test_counting_earned_media_shows_both_rois_on_the_overview() -> None:
    app = run_app(BUSINESS)
    app.checkbox(key="set.earned_media.include_in_roi").check().run()
    go_to(app, OVERVIEW)
    labels = [card.label for card in app.metric]
    assert "ROI without earned media" in labels and "ROI with earned media" in labels
    assert metric_value(app, "ROI without earned media") == "162.9%"  # the sample's ROI
    assert metric_value(app, "ROI with earned media") != "162.9%"


def test_a_keyword_file_adds_the_ppc_equivalent_to_the_ledger() -> None:
    app = run_app("pages/earned_media.py")
    upload = (FIXTURES / "keywords_combined.csv").read_bytes()
    app.file_uploader(key="emv.keywords").set_value([("kw.csv", upload, "text/csv")]).run()
    assert not app.exception
    lines = next(df.value for df in app.dataframe if "Line" in df.value.columns)
    ppc = lines[lines["Line"] == "PPC equivalent"].iloc[0]
    # 40 x $0.75 + 300 x $2.50 + 150 x $4.00 = 30 + 750 + 600
    assert ppc["Amount (USD)"] == pytest.approx(1380.0)
    keywords = app.session_state["base_settings"].soft_value.ppc_keywords
    assert {k.keyword for k in keywords} == {
        "what is earned media",
        "social media roi",
        "roi calculator",
    }


def test_funnel_page_shows_the_sample_funnel_and_who_converts() -> None:
    import pandas as pd

    rows = pd.read_csv(ROOT / "sample_data" / "social_media_sample.csv")
    app = run_app("pages/funnel.py")
    tables = [df.value for df in app.dataframe]
    steps = next(t for t in tables if "Click-through rate" in t.columns).set_index("platform")
    facebook = rows[rows["platform"] == "facebook"]
    assert steps.loc["facebook", "Clicks"] == facebook["clicks"].sum()
    assert steps.loc["facebook", "Click-through rate"] == pytest.approx(
        facebook["clicks"].sum() / facebook["impressions"].sum()
    )
    ages = next(t for t in tables if "age" in t.columns).set_index("age")
    young = rows[rows["age"] == "25-34"]
    assert ages.loc["25-34", "conversion_rate"] == pytest.approx(
        young["conversions"].sum() / young["clicks"].sum() * 100  # shown as a percent
    )
    titles = {_title(json.loads(chart.proto.spec)) for chart in app.get("vega_lite_chart")}
    assert "Conversion rate by age and gender" in titles
    assert "The funnel: how many went on to the next step" in titles


def sample_leads_by_month() -> dict[str, float]:
    import pandas as pd

    rows = pd.read_csv(ROOT / "sample_data" / "social_media_sample.csv")
    return rows.groupby(rows["date"].str[:7])["leads"].sum().to_dict()


def test_goals_page_shows_the_sample_goal_its_progress_and_pace() -> None:
    # sample settings: 100 leads a month; the data ends on Wednesday 28 September 2026
    leads = sample_leads_by_month()
    september = leads["2026-09"]
    assert september == 90
    app = run_app("pages/goals.py")
    assert metric_value(app, "This month (from 01 Sep 2026)") == "90"
    texts = [rendered(c.value) for c in app.caption]
    # 100 - 90 = 10 leads over the 2 days left (29 and 30 September)
    pace = "Behind pace: 5.00 a day is needed over the 2 days left to reach 100 by 30 Sep 2026."
    assert pace in texts
    # on pace would need 90 / 28 days >= 100 / 30 days: 3.21 < 3.33, so behind
    progress = app.get("progress")[0].proto
    assert progress.value == 90
    assert progress.text == "90% of the target"
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert "Leads per month against the target" in {_title(spec) for spec in specs}


def test_goals_page_compares_this_month_with_the_last() -> None:
    leads = sample_leads_by_month()
    app = run_app("pages/goals.py")
    card = next(card for card in app.metric if card.label == "Leads")
    assert card.value == f"{leads['2026-09']:,.0f}"
    change = (leads["2026-09"] - leads["2026-08"]) / leads["2026-08"] * 100  # 90 vs 124
    assert card.proto.delta == f"{change:+,.1f}%" == "-27.4%"
    assert any("The data stops before this month ends" in w.value for w in app.warning)
    # every number, in the table under the cards
    table = next(df.value for df in app.dataframe if "change_text" in df.value.columns)
    assert len(table) == 24  # every key of the CLI's totals (DESIGN.md, then 4a's four)
    assert {"Ad spend", "ROI", "ROAS", "Cost per sale", "Total cost"} <= set(table["label"])
    leads_row = table.set_index("label").loc["Leads"]
    assert (leads_row["now"], leads_row["before"], leads_row["change_text"]) == ("90", "124", "-34")
    assert leads_row["change_pct"] == pytest.approx(change)


def test_goals_page_ranks_platforms_by_roi() -> None:
    import pandas as pd

    rows = pd.read_csv(ROOT / "sample_data" / "social_media_sample.csv")
    app = run_app("pages/goals.py")
    ranked = next(df.value for df in app.dataframe if {"platform", "roi_pct"} <= set(df.value))
    roi = list(ranked["roi_pct"])
    defined = [value for value in roi if pd.notna(value)]
    assert defined == sorted(defined, reverse=True)
    assert pd.isna(roi[-1])  # x: organic only, no cost to compare with
    # x's rows leave leads blank: not reported, so "—", not 0
    by_platform = rows.groupby("platform")["leads"].sum(min_count=1)
    assert pd.isna(by_platform["x"])
    for platform, shown in zip(ranked["platform"], ranked["leads"], strict=True):
        want = by_platform[platform]
        assert pd.isna(shown) if pd.isna(want) else shown == want, platform
    sentences = [rendered(m.value) for m in app.markdown]
    assert any(s.startswith("- facebook returns ") for s in sentences)
    # the sample's weekly spend barely varies: the shift says why it cannot be projected
    assert any("cannot be projected yet" in info.value for info in app.info)


def test_a_goal_edited_on_the_business_page_is_tracked_and_kept_in_the_settings() -> None:
    leads = sample_leads_by_month()
    app = run_app(BUSINESS)
    # the leads target from 100 to 80
    app.number_input(key="goals.target.0.leads.month.100.0").set_value(80.0).run()
    # and a new goal: at most $3,000 of ad spend a month
    app.selectbox(key="goals.add.metric").set_value("spend")
    app.number_input(key="goals.add.target").set_value(3000.0)
    app.selectbox(key="goals.add.period").set_value("month")
    next(b for b in app.button if b.label == "Add goal").click().run()
    assert not app.exception
    go_to(app, "pages/goals.py")
    goals = app.session_state["base_settings"].goals
    assert [(g.metric, g.target, g.period) for g in goals] == [
        ("leads", 80.0, "month"),
        ("spend", 3000.0, "month"),
    ]
    headers = [h.value for h in app.subheader]
    assert headers[:2] == ["Leads: 80 a month", "Ad spend: at most $3,000.00 a month"]
    assert [s.value for s in app.success] == ["Target met."]  # 90 leads >= 80
    progress = [bar.proto for bar in app.get("progress")]
    assert progress[0].text == f"{leads['2026-09'] / 80 * 100:,.0f}% of the target"  # 112 %
    assert progress[0].value == 100  # a full bar, not more
    # September's ad spend, from the sample file: over the limit by the difference
    import pandas as pd

    rows = pd.read_csv(ROOT / "sample_data" / "social_media_sample.csv")
    spend = rows.loc[rows["date"].str.startswith("2026-09"), "spend"].sum()
    assert f"{spend:,.2f}" == "3,779.00"
    over = f"Over the limit of $3,000.00 by ${spend - 3000:,.2f}."
    assert over in [w.value for w in app.warning]
    # the goals are in the settings file the business page saves
    from smroi import settings_to_json

    saved = json.loads(settings_to_json(app.session_state["view"].settings))
    assert saved["goals"] == [
        {"metric": "leads", "target": 80.0, "period": "month"},
        {"metric": "spend", "target": 3000.0, "period": "month"},
    ]
    # removing the first goal leaves the second
    next(b for b in go_to(app, BUSINESS).button if b.key == "goals.remove.0").click().run()
    assert [g.metric for g in app.session_state["base_settings"].goals] == ["spend"]


def sample_last_touch() -> tuple[int, float, dict[str, float]]:
    """Last touch by hand over sample_journeys.csv: each purchase to the visitor's latest
    visit at or before it, at most 30 days before (the file is in time order per visitor)."""
    import csv
    from datetime import datetime, timedelta

    visits: dict[str, list[tuple[datetime, str]]] = {}
    by_channel: dict[str, float] = {}
    count, total = 0, 0.0
    with (ROOT / "sample_data" / "sample_journeys.csv").open(newline="") as file:
        for row in csv.DictReader(file):
            when = datetime.strptime(row["timestamp"], "%Y-%m-%d %H:%M")
            if row["event"] == "visit":
                visits.setdefault(row["visitor"], []).append((when, row["channel"]))
                continue
            count += 1
            total += float(row["value"])
            before = [
                (t, c)
                for t, c in visits.get(row["visitor"], [])
                if when - timedelta(days=30) <= t <= when
            ]
            channel = before[-1][1] if before else "(no touch)"
            by_channel[channel] = by_channel.get(channel, 0.0) + float(row["value"])
    return count, total, by_channel


def test_attribution_page_credits_the_sample_sales_by_last_touch() -> None:
    count, total, by_channel = sample_last_touch()
    app = run_app("pages/attribution.py")
    assert metric_value(app, "Conversions credited") == f"{count:,}"
    assert metric_value(app, "Value credited") == f"${total:,.2f}"
    assert (
        metric_value(app, "Conversions with no touch") == f"{by_channel.get('(no touch)', 0):,.0f}"
    )
    table = next(
        df.value
        for df in app.dataframe
        if list(df.value.columns) == ["channel", "conversions", "value"]
    ).set_index("channel")
    for channel, value in by_channel.items():
        assert table.loc[channel, "value"] == pytest.approx(value), channel
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert "Value credited to each channel, by attribution model" in {_title(s) for s in specs}


def test_attribution_page_coupons_and_survey_on_the_sample() -> None:
    import pandas as pd

    rows = pd.read_csv(ROOT / "sample_data" / "social_media_sample.csv")
    app = run_app("pages/attribution.py")
    coupons = next(
        df.value
        for df in app.dataframe
        if list(df.value.columns) == ["platform", "orders", "value"]
    ).set_index("platform")
    # FB10 -> facebook; IG15 and SUMMER20 -> instagram (sample_coupons.csv)
    fb = rows[rows["coupon_code"] == "FB10"]
    ig = rows[rows["coupon_code"].isin(["IG15", "SUMMER20"])]
    assert coupons.loc["facebook", "orders"] == fb["conversions"].sum() == 152
    assert coupons.loc["instagram", "value"] == pytest.approx(ig["revenue"].sum())
    survey = next(df.value for df in app.dataframe if "answers" in df.value.columns)
    answers = pd.read_csv(ROOT / "sample_data" / "sample_survey.csv", keep_default_na=False)
    assert survey["answers"].sum() == len(answers) == 150
    said = survey.set_index("channel")["answers"]
    # by hand over the sample's answers: "Instagram", "insta ad" and "saw you on IG"
    texts = answers.iloc[:, 0]
    assert said["instagram"] == texts.isin(["Instagram", "insta ad", "saw you on IG"]).sum()
    assert said["(no answer)"] == (texts == "").sum()


def test_tracking_page_tags_links_breaks_down_by_tag_and_shows_paths() -> None:
    import pandas as pd

    app = run_app("pages/tracking.py")
    links = next(df.value for df in app.dataframe if "link" in df.value.columns)
    assert links["link"].iloc[0] == (
        "https://example.com/summer-sale?utm_source=facebook&utm_medium=paid_social"
        "&utm_campaign=summer-sale&utm_content=reel-1"
    )
    assert links["warnings"].iloc[0] == ""
    assert "source 'Instagram' has capital letters" in links["warnings"].iloc[1]
    # results by utm_source, from the sample file by hand
    rows = pd.read_csv(ROOT / "sample_data" / "social_media_sample.csv")
    by_tag = next(df.value for df in app.dataframe if "utm_source" in df.value.columns)
    by_tag = by_tag.set_index("utm_source")
    facebook = rows[rows["utm_source"] == "facebook"]
    assert by_tag.loc["facebook", "clicks"] == facebook["clicks"].sum()
    assert by_tag.loc["facebook", "conversions"] == facebook["conversions"].sum()
    # the sample paths: the busiest is google -> / -> /shop with 2,100 visits
    flows = next(df.value for df in app.dataframe if "landing_page" in df.value.columns)
    assert flows.iloc[0].to_dict() == {
        "source": "google",
        "landing_page": "/",
        "next_page": "/shop",
        "sessions": 2100.0,
    }
    assert flows["sessions"].sum() == 11285  # every row of sample_referrals.csv
    titles = {_title(json.loads(chart.proto.spec)) for chart in app.get("vega_lite_chart")}
    assert "Where visitors come from and where they go" in titles


def test_a_survey_keyword_added_on_the_attribution_page_makes_a_channel() -> None:
    import pandas as pd

    answers = pd.read_csv(ROOT / "sample_data" / "sample_survey.csv", keep_default_na=False)
    stalls = int((answers.iloc[:, 0] == "market stall in Bergen").sum())
    assert stalls > 0
    app = run_app("pages/attribution.py")
    # what a user's new row in the keyword table sends
    app.session_state["attribution.survey_rules"] = {
        "edited_rows": {},
        "added_rows": [{"Keyword": "market", "Channel": "Market stall"}],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception
    survey = next(df.value for df in app.dataframe if "answers" in df.value.columns)
    said = survey.set_index("channel")["answers"]
    assert said["market stall"] == stalls  # channel names are lower-cased
    assert said.sum() == 150  # still every answer once


def test_attribution_page_lists_survey_rows_with_too_many_cells() -> None:
    from ui import state

    answers = b"How did you hear about us?\nInstagram\nTikTok, then Instagram,again\nFacebook\n"
    app = run_app("pages/attribution.py")
    app.file_uploader(key=state.SURVEY_UPLOAD).set_value(
        [("answers.csv", answers, "text/csv")]
    ).run()
    assert not app.exception
    survey = next(df.value for df in app.dataframe if "answers" in df.value.columns)
    assert survey["answers"].sum() == 2  # Instagram and Facebook; row 3 is not an answer
    captions = [caption.value.replace("\\", "") for caption in app.caption]  # unescaped
    assert any(
        "answers.csv: 1 row left out (3 cells where the header has 1): row 3." in text
        for text in captions
    )
