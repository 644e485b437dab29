"""The user's own files get the user's business, never the sample's (AppTest).

The sample comes with a shop's settings (20 h x $35, tools $49, content $150 a month, a
lead worth $25, orders worth $62, a goal of 100 leads a month). None of them may reach a
user's own file unless the user typed it or loaded a settings file.
"""

from __future__ import annotations

import json
import re

from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES, ROOT

APP = str(ROOT / "app.py")
GBP = (FIXTURES / "google_ads_gbp.csv").read_bytes()  # spend £800, 30 sales worth £1,750
SAMPLE_COSTS = {
    "set.costs.labour_hours_per_month": 20,
    "set.costs.hourly_rate": 35,
    "set.costs.tools_per_month": 49,
    "set.costs.content_per_month": 150,
    "set.values.value_per_lead": 25,
    "set.values.average_order_value": 62,
}


def started() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception
    return app


def upload(app: AppTest, data: bytes = GBP, name: str = "google.csv") -> AppTest:
    app.file_uploader(key="uploads").set_value([(name, data, "text/csv")]).run()
    assert not app.exception, app.exception
    return app


def go_to(app: AppTest, page: str) -> AppTest:
    """Open another page, as a click in the page menu does."""
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


BUSINESS, OVERVIEW = "pages/business.py", "pages/overview.py"


def cards(app: AppTest) -> dict[str, str]:
    return {card.label: card.value for card in app.metric}


def text(app: AppTest) -> str:
    """Everything the page says in markdown, captions and coloured boxes, escapes removed."""
    said = [*app.markdown, *app.caption, *app.success, *app.error, *app.warning, *app.info]
    return re.sub(r"\\(.)", r"\1", " ".join(m.value for m in said))


def form_open(app: AppTest) -> bool:
    """True while the "Your business" form is on the page."""
    return any(box.key == "business.hours" for box in app.number_input)


def click(app: AppTest, label: str) -> AppTest:
    next(button for button in app.button if button.label == label).click().run()
    assert not app.exception, app.exception
    return app


def test_the_sample_keeps_its_own_settings() -> None:
    app = started()
    assert cards(app)["Other costs"] == "$3,544.31"
    go_to(app, BUSINESS)  # where the costs and values are typed
    for key, value in SAMPLE_COSTS.items():
        assert app.number_input(key=key).value == value, key


def test_own_file_drops_every_sample_cost_value_and_goal() -> None:
    app = upload(started())
    assert app.session_state["base_settings"].goals == ()
    assert app.selectbox(key="set.currency").value == "GBP"  # the file's currency
    assert [c.value for c in app.sidebar.caption] == [
        "Costs £0.00 a month · margin not set · objective: Sales"
    ]
    shown = cards(app)
    assert shown["Other costs"] == "£0.00"
    assert shown["Total cost"] == "£800.00"  # the ad spend alone
    assert shown["Return"] == "£1,750.00"  # sales value: no margin is known
    assert shown["Lead value"] == "—"  # no leads in the file: not 0
    # the Goals page has no sample goal to measure the file against
    go_to(app, "pages/goals.py")
    assert "100" not in " ".join(number.label for number in app.number_input)
    go_to(app, BUSINESS)
    for key in SAMPLE_COSTS:
        assert app.number_input(key=key).value == 0, key
    assert not [box for box in app.number_input if str(box.key).startswith("goals.target.")]


def test_the_overview_asks_about_the_business_and_then_for_what_is_missing() -> None:
    app = upload(started())
    assert form_open(app)  # the "Your business" form is open on the first own file
    assert "Your business" in [header.value for header in app.subheader]
    headline = text(app)
    assert "This counts £1,750.00 of sales at their full value, before the cost of goods" in (
        headline
    )
    click(app, "Skip for now")
    assert not form_open(app)
    said = text(app)
    assert "Only ad spend is counted: add what else social media costs you each month" in said
    assert "Sales are counted at their full value, before the cost of goods: set your gross " in (
        said
    )
    click(app, "Enter your costs and margin")  # one click back to the form
    assert form_open(app)


def test_the_form_saves_costs_and_a_margin_into_the_settings() -> None:
    """10 h x £20 = £200 a month for 31 days = £203.70; at a 40% margin the £1,750 of sales
    leave £700: cost £1,003.70, ROI (700 - 1,003.70) / 1,003.70 = -30.3%."""
    app = upload(started())
    app.number_input(key="business.hours").set_value(10.0)
    app.number_input(key="business.rate").set_value(20.0)
    app.number_input(key="business.margin").set_value(40.0)
    click(app, "Save")
    assert not form_open(app)
    shown = cards(app)
    assert shown["Other costs"] == "£203.70"
    assert shown["Return"] == "£700.00"
    assert shown["ROI"] == "-30.3%"
    assert shown["Break-even ROAS"] == "2.50x"
    assert shown["Break-even cost per sale"] == "£23.33"  # 1,750 / 30 x 40%
    said = text(app)
    assert "full value" not in said
    # "google" is the platform of the file (Google Ads): £26.67 a sale against £23.33
    assert (
        "Google's sales cost £26.67 each in ad spend; a sale leaves you £23.33 after the cost "
        "of goods: each one loses £3.33." in said
    )
    # saved with the settings, as the user's own: they survive going back to the sample
    assert {"costs.hourly_rate", "values.gross_margin_pct"} <= app.session_state["settings.typed"]
    go_to(app, BUSINESS)  # the page shows what the form saved
    assert app.number_input(key="set.costs.labour_hours_per_month").value == 10
    assert app.number_input(key="set.values.gross_margin_pct").value == 40


def test_what_the_user_typed_on_the_sample_stays_for_their_file() -> None:
    app = go_to(started(), BUSINESS)
    app.number_input(key="set.costs.labour_hours_per_month").set_value(15.0).run()
    upload(app)
    assert app.number_input(key="set.costs.labour_hours_per_month").value == 15  # typed
    assert app.number_input(key="set.costs.hourly_rate").value == 0  # the sample's: dropped
    assert app.number_input(key="set.costs.tools_per_month").value == 0


def test_a_loaded_settings_file_applies_to_own_files() -> None:
    app = go_to(started(), BUSINESS)
    mine = {"costs": {"tools_per_month": 80}, "values": {"gross_margin_pct": 50}}
    app.file_uploader(key="settings_upload").set_value(
        ("mine.json", json.dumps(mine).encode(), "application/json")
    ).run()
    upload(app)
    assert app.number_input(key="set.costs.tools_per_month").value == 80
    assert app.number_input(key="set.values.gross_margin_pct").value == 50
    go_to(app, OVERVIEW)
    assert not form_open(app)  # the user's settings are loaded: no first-run form
    assert cards(app)["Gross profit from sales"] == "£875.00"  # 1,750 x 50%


def test_files_in_two_currencies_are_shown_one_at_a_time() -> None:
    usd = b"date,platform,Amount spent (USD),clicks\n2026-01-03,facebook,30,1\n"
    nok = b"date,platform,Amount spent (NOK),clicks\n2026-01-03,instagram,50,1\n"
    app = started()
    app.file_uploader(key="uploads").set_value(
        [("usd.csv", usd, "text/csv"), ("nok.csv", nok, "text/csv")]
    ).run()
    assert not app.exception
    assert app.selectbox(key="set.currency").value == "USD"
    assert cards(app)["Total cost"] == "$30.00"
    captions = " ".join(caption.value for caption in app.caption)
    assert "Your files are in USD, NOK." in captions
    app.selectbox(key="set.currency").set_value("NOK").run()
    assert not app.exception
    assert app.selectbox(key="set.currency").value == "NOK"
    assert cards(app)["Total cost"] == "50.00 kr"


def test_a_settings_file_without_a_currency_takes_the_files() -> None:
    app = go_to(upload(started()), BUSINESS)
    app.file_uploader(key="settings_upload").set_value(
        ("mine.json", b'{"currency": null, "costs": {"tools_per_month": 10}}', "application/json")
    ).run()
    assert not app.exception
    assert app.number_input(key="set.costs.tools_per_month").value == 10
    assert app.selectbox(key="set.currency").value == "GBP"  # the file's, not USD
