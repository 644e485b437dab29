"""A row dated far from the others in the app: the Overview warns about it with a button
that leaves it out, the numbers change, and the Data page lists it as left out by the user
with a button that brings it back.

The upload is tests/test_ingest_dates.py's outlier file (90 daily rows in Jan-Mar 2026 and
row 15 dated 30 Jun 2016, spend 10 and revenue 30 each), with tools at $100 a month:
- with row 15: 117.03 months, total cost 910 + 11,702.67 = $12,612.67, ROI -78.4%;
- without it: 2.96 months, total cost 900 + 295.69 = $1,195.69, ROI 125.8%.
"""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.test_ingest_dates import OUTLIER_WARNING, outlier_file

APP = str(ROOT / "app.py")


def rendered(markdown: str) -> str:
    """What a user reads: markdown escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def cards(app: AppTest) -> dict[str, str]:
    return {card.label: card.value for card in app.metric}


def test_leaving_out_a_row_dated_years_away_changes_the_numbers_and_can_be_undone() -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.file_uploader(key="uploads").set_value([("ads.csv", outlier_file(), "text/csv")]).run()
    app.switch_page("pages/business.py").run()  # where costs are typed
    app.number_input(key="set.costs.tools_per_month").set_value(100.0).run()
    app.switch_page("pages/overview.py").run()
    assert not app.exception, app.exception
    warnings = [rendered(warning.value) for warning in app.warning]
    assert OUTLIER_WARNING in warnings
    assert cards(app)["Total cost"] == "$12,612.67"
    assert cards(app)["ROI"] == "-78.4%"

    button = app.button(key="overview.leave_out.0")
    assert button.label == "Leave row 15 out"
    button.click().run()
    assert not app.exception, app.exception
    assert cards(app)["Total cost"] == "$1,195.69"
    assert cards(app)["ROI"] == "125.8%"
    assert OUTLIER_WARNING not in [rendered(warning.value) for warning in app.warning]
    assert not [button for button in app.button if button.key == "overview.leave_out.0"]

    app.switch_page("pages/data.py").run()
    assert not app.exception, app.exception
    left_out = [frame.value for frame in app.dataframe if "Reason" in frame.value.columns]
    assert left_out[0].to_dict("records") == [{"Row in file": 15, "Reason": "left out by you"}]
    again = app.button(key="data.use_again.0")
    assert again.label == "Use row 15 again"
    again.click().run()
    assert not app.exception, app.exception
    assert not [frame for frame in app.dataframe if "Reason" in frame.value.columns]

    app.switch_page("pages/overview.py").run()
    assert cards(app)["Total cost"] == "$12,612.67"
    assert OUTLIER_WARNING in [rendered(warning.value) for warning in app.warning]
