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
from smroi.settings import PpcKeyword, SoftValue

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
        ({"values": {"gross_margin_pct": 0}}, "gross_margin_pct must be above 0 and at most 100"),
        ({"values": {"gross_margin_pct": 140}}, "gross_margin_pct must be above 0 and at most"),
        ({"values": {"gross_margin_pct": "40%"}}, "gross_margin_pct must be a number"),
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
        "margin-zero",
        "margin-over-100",
        "margin-text",
    ],
)
def test_a_bad_setting_is_named(data: dict, problem: str) -> None:
    with pytest.raises(SettingsError, match=problem):
        settings_from_dict(data, source="mine.json")


def test_no_currency_means_the_files_currency_and_a_margin_is_optional() -> None:
    """Unset by default: the report takes the files' currency, and sales count at their full
    value until a margin is known (docs/METRICS.md 4a)."""
    assert Settings().currency is None
    assert Settings().currency_code == "USD"
    assert settings_from_json('{"currency": null}').currency is None
    assert Settings().values.gross_margin_pct is None
    loaded = settings_from_json('{"values": {"gross_margin_pct": 40}}')
    assert loaded.values.gross_margin_pct == 40.0
    assert settings_from_json(settings_to_json(loaded)) == loaded
    assert json.loads(settings_to_json(Settings()))["currency"] is None


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


# ---------------------------------------------------------------- soft values

SOFT_VALUE_EXAMPLE = {
    "fans": 1200,
    "impressions_per_fan_per_post": 0.96,
    "posts_per_day": 2,
    "fan_cpm": 5,
    "contacts_answered_per_month": 30,
    "cost_per_contact": 4.5,
    "insights": 3,
    "focus_group_cost": 2400,
    "insights_per_focus_group": 8,
    "ppc_keywords": [
        {"keyword": " social media roi ", "organic_clicks": 300, "cpc": 2.5},
        {"keyword": "roi calculator", "organic_clicks": 150, "cpc": 4},
    ],
}


def test_soft_values_default_to_nothing_but_the_fan_method() -> None:
    soft = Settings().soft_value
    assert soft == SoftValue()
    assert (soft.impressions_per_fan_per_post, soft.posts_per_day, soft.fan_cpm) == (1, 2, 5)
    assert soft.fans == soft.cost_per_contact == soft.insights == 0
    assert soft.ppc_keywords == ()
    assert settings_from_dict({"soft_value": {}}) == Settings()


def test_soft_values_load_and_round_trip() -> None:
    settings = settings_from_dict({"soft_value": SOFT_VALUE_EXAMPLE})
    soft = settings.soft_value
    assert soft.fans == 1200 and soft.impressions_per_fan_per_post == 0.96
    assert soft.cost_per_contact == 4.5 and soft.insights_per_focus_group == 8
    assert soft.ppc_keywords == (
        PpcKeyword(keyword="social media roi", organic_clicks=300, cpc=2.5),
        PpcKeyword(keyword="roi calculator", organic_clicks=150, cpc=4),
    )
    assert settings_from_json(settings_to_json(settings)) == settings
    saved = json.loads(settings_to_json(settings))["soft_value"]
    assert saved["ppc_keywords"][1] == {
        "keyword": "roi calculator",
        "organic_clicks": 150,
        "cpc": 4,
    }
    assert saved["fans"] == 1200


def test_one_soft_value_set_keeps_the_others_defaults() -> None:
    settings = settings_from_dict({"soft_value": {"fans": 500}})
    assert settings.soft_value == SoftValue(fans=500)


@pytest.mark.parametrize(
    ("soft_value", "problem"),
    [
        ({"fanz": 10}, "unknown setting 'soft_value.fanz'"),
        ({"fans": -1}, r"soft_value.fans cannot be negative \(-1\)"),
        ({"fan_cpm": "5"}, "soft_value.fan_cpm must be a number, not '5'"),
        (
            {"cost_per_contact": float("inf")},
            "soft_value.cost_per_contact must be a number, not inf",
        ),
        ({"insights": float("nan")}, "soft_value.insights must be a number, not nan"),
        ({"posts_per_day": True}, "soft_value.posts_per_day must be a number, not True"),
        ({"ppc_keywords": {"shoes": 2}}, "soft_value.ppc_keywords must be a list"),
        ({"ppc_keywords": ["shoes"]}, r"soft_value.ppc_keywords\[1\] must be an object"),
        (
            {"ppc_keywords": [{"keyword": "shoes", "organic_clicks": 3}]},
            r"soft_value.ppc_keywords\[1\] has no cpc",
        ),
        (
            {"ppc_keywords": [{"keyword": " ", "organic_clicks": 3, "cpc": 1}]},
            r"soft_value.ppc_keywords\[1\].keyword must be the keyword's text",
        ),
        (
            {"ppc_keywords": [{"keyword": "a", "organic_clicks": 3, "cpc": -1}]},
            r"soft_value.ppc_keywords\[1\].cpc cannot be negative",
        ),
        (
            {"ppc_keywords": [{"keyword": "a", "organic_clicks": 3, "cpc": 1, "volume": 9}]},
            r"unknown setting 'soft_value.ppc_keywords\[1\].volume'",
        ),
    ],
    ids=[
        "unknown-key",
        "negative",
        "text-number",
        "infinite",
        "nan",
        "bool",
        "keywords-not-a-list",
        "keyword-not-an-object",
        "keyword-missing-cpc",
        "keyword-blank",
        "keyword-negative-cpc",
        "keyword-unknown-key",
    ],
)
def test_a_bad_soft_value_is_named(soft_value: dict, problem: str) -> None:
    with pytest.raises(SettingsError, match=problem):
        settings_from_dict({"soft_value": soft_value}, source="mine.json")


def test_soft_value_must_be_an_object() -> None:
    with pytest.raises(SettingsError, match="soft_value must be a JSON object"):
        settings_from_dict({"soft_value": [1, 2]})


def test_every_soft_value_problem_is_reported_at_once() -> None:
    with pytest.raises(SettingsError) as caught:
        settings_from_dict(
            {
                "soft_value": {
                    "fans": -5,
                    "fan_cpm": "x",
                    "ppc_keywords": [{"keyword": "a", "organic_clicks": -1, "cpc": -2}],
                }
            }
        )
    assert len(caught.value.problems) == 4


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 4, id="every-byte"),
        pytest.param(b"\xe8\x00\xff garbage", id="not-utf8"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
    ],
)
def test_a_binary_file_is_not_a_settings_file(data: bytes) -> None:
    with pytest.raises(SettingsError) as caught:
        settings_from_json(data, source="photo.json")
    assert str(caught.value) == (
        "photo.json: not a settings file: it is not text (settings files are JSON text)"
    )


def test_json_nested_too_deeply_is_a_sentence_not_a_crash() -> None:
    with pytest.raises(SettingsError) as caught:
        settings_from_json("[" * 100_000 + "]" * 100_000, source="deep.json")
    assert str(caught.value) == "deep.json: not valid JSON (its brackets are nested too deeply)"


def test_a_utf16_json_with_a_mistake_is_still_called_not_valid_json() -> None:
    with pytest.raises(SettingsError, match=r"^u16\.json: not valid JSON \(Expecting value"):
        settings_from_json('{"currency": }'.encode("utf-16"), source="u16.json")
