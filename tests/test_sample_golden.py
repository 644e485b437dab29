"""Golden numbers of the sample data, as a new user sees them on first run.

Worked out once by hand from sample_data/social_media_sample.csv with plain pandas
(not with smroi), following docs/METRICS.md and the sample settings:
- days covered 2026-06-01 .. 2026-09-28 = 120; months = 120 / 30.4375 = 3.942505
- fixed cost = (20 h x $35 + $49 tools + $150 content) x 3.942505 = $3,544.31
- ad spend = $16,600.43; total cost = $20,144.74
- sales value = tracked revenue $42,085.83 (no row has conversions without revenue)
- lead value = 428 leads on rows without tracked revenue x $25 = $10,700.00
- commissions = $172.73; return = $52,958.56; ROI = 162.89%
- ROAS = paid sales value / paid spend = 2.4406; cost per sale = $16,600.43 / 634 = $26.18
Do not update these unless the sample data or the mathematics changed.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from smroi.cli import main
from tests.conftest import ROOT

SAMPLE = ROOT / "sample_data" / "social_media_sample.csv"
SAMPLE_XLSX = ROOT / "sample_data" / "social_media_sample.xlsx"
SETTINGS = ROOT / "sample_data" / "settings.json"


@pytest.mark.parametrize("path", [SAMPLE, SAMPLE_XLSX], ids=["csv", "xlsx"])
def test_cli_summary_of_the_sample(path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(path), "--settings", str(SETTINGS), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    totals = result["totals"]
    assert result["rows_read"] == 2891
    assert result["rows_used"] == 2891
    assert result["period"] == {"start": "2026-06-01", "end": "2026-09-28"}
    assert totals["spend"] == pytest.approx(16600.43)
    assert totals["fixed_cost"] == pytest.approx(3544.312115, rel=1e-9)
    assert totals["cost"] == pytest.approx(20144.742115, rel=1e-9)
    assert totals["return"] == pytest.approx(52958.56)
    assert totals["profit"] == pytest.approx(52958.56 - 20144.742115)
    assert totals["roi_pct"] == pytest.approx(162.890236, rel=1e-6)
    assert totals["roas"] == pytest.approx(2.440583, rel=1e-6)
    assert totals["cpa"] == pytest.approx(16600.43 / 634)
    assert totals["revenue"] == pytest.approx(42085.83)
    assert totals["leads"] == 428
    assert set(result["by_platform"]) == {"facebook", "instagram", "linkedin", "x"}
    # x is organic only: its rows leave spend blank (not reported, so not 0), and no costs
    # are shared to it (costs follow spend), so nothing says what it cost
    assert result["by_platform"]["x"]["spend"] is None
    assert result["by_platform"]["x"]["cost"] is None
    assert result["by_platform"]["x"]["roi_pct"] is None
    assert result["by_platform"]["x"]["cpc"] is None


def test_dashboard_cards_on_first_run() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception
    cards = {card.label: card.value for card in app.metric}
    assert cards["Total cost"] == "$20,144.74"
    assert cards["Return"] == "$52,958.56"
    assert cards["Profit"] == "$32,813.82"
    assert cards["ROI"] == "162.9%"
    assert cards["ROAS"] == "2.44x"
    assert cards["Cost per sale"] == "$26.18"
