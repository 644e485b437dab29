"""The settings file of docs/DESIGN.md: load, save, defaults, and every problem at once."""

from __future__ import annotations

import json

import pytest

from smroi import (
    Costs,
    Settings,
    SettingsError,
    settings_from_dict,
    settings_from_json,
    settings_to_json,
)

DESIGN_EXAMPLE = """{
  "currency": "USD",
  "objective": "leads",
  "costs": {"labour_hours_per_month": 20, "hourly_rate": 35, "tools_per_month": 49,
            "agency_per_month": 0, "content_per_month": 0, "other_per_month": 0},
  "values": {"value_per_lead": 25, "average_order_value": 60,
             "value_per_engagement": 0, "value_per_follower": 0, "count_lead_value": null},
  "earned_media": {"include_in_roi": false,
                   "rates": {"default": {"cpm": 7.0, "cpc": 1.0, "cpe": 0.0}}},
  "goals": [{"metric": "leads", "target": 100, "period": "month"}]
}"""


def test_the_design_example_loads() -> None:
    settings = settings_from_json(DESIGN_EXAMPLE)
    assert settings.currency == "USD"
    assert settings.objective == "leads"
    assert settings.costs.monthly()["labour"] == 20 * 35
    assert settings.costs.tools_per_month == 49
    assert settings.values.value_per_lead == 25
    assert settings.values.count_lead_value is None
    assert settings.earned_media.rate_for("facebook").cpm == 7.0  # the default row
    assert settings.goals[0].metric == "leads" and settings.goals[0].target == 100


def test_save_then_load_gives_the_same_settings() -> None:
    original = settings_from_json(DESIGN_EXAMPLE).with_changes(
        costs=Costs(agency_per_month=300, assigned_to={"agency": "facebook"})
    )
    assert settings_from_json(settings_to_json(original)) == original


def test_missing_keys_take_the_defaults() -> None:
    assert settings_from_json('{"currency": "nok"}') == Settings(currency="NOK")
    assert settings_from_json("{}") == Settings()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"colour": "red"}, "unknown setting 'colour'"),
        ({"costs": {"hourly_rat": 30}}, "unknown setting 'costs.hourly_rat'"),
        ({"costs": {"hourly_rate": -1}}, "costs.hourly_rate cannot be negative"),
        ({"costs": {"hourly_rate": "35"}}, "costs.hourly_rate must be a number"),
        ({"currency": "dollars"}, "currency must be a 3-letter code"),
        ({"objective": "fame"}, "objective must be one of"),
        (
            {"goals": [{"metric": "leads", "target": 5, "period": "fortnight"}]},
            r"goals\[1\].period must be one of",
        ),
        ({"values": {"count_lead_value": "yes"}}, "count_lead_value must be true, false or null"),
        ({"costs": {"assigned_to": {"coffee": "x"}}}, "unknown cost line 'coffee'"),
    ],
    ids=[
        "unknown-key",
        "unknown-nested-key",
        "negative",
        "text-number",
        "currency",
        "objective",
        "goal-period",
        "lead-value-flag",
        "cost-line",
    ],
)
def test_a_bad_setting_is_named(data: dict, problem: str) -> None:
    with pytest.raises(SettingsError, match=problem):
        settings_from_dict(data, source="mine.json")


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(SettingsError) as caught:
        settings_from_dict({"colour": 1, "costs": {"hourly_rate": -1}, "objective": "x"})
    assert len(caught.value.problems) == 3


def test_text_that_is_not_json_names_the_file() -> None:
    with pytest.raises(SettingsError, match=r"^mine\.json: not valid JSON"):
        settings_from_json("{costs:", source="mine.json")


def test_assigned_to_all_means_every_platform() -> None:
    settings = settings_from_dict({"costs": {"assigned_to": {"tools": "all", "agency": "X"}}})
    assert dict(settings.costs.assigned_to) == {"agency": "x"}
    assert json.loads(settings_to_json(settings))["costs"]["assigned_to"] == {"agency": "x"}


def test_column_map_round_trips_and_is_checked() -> None:
    settings = settings_from_dict({"column_map": {"Kostnad (kr)": "spend", "Notes": ""}})
    assert dict(settings.column_map) == {"Kostnad (kr)": "spend", "Notes": ""}
    assert settings_from_json(settings_to_json(settings)) == settings
    with pytest.raises(SettingsError, match="'Notes' cannot be read as 'banana'"):
        settings_from_dict({"column_map": {"Notes": "banana"}})
