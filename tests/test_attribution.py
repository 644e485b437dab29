"""Attribution (docs/METRICS.md section 8; smroi.attribution; `smroi attribution`).

Every expected number is worked out by hand in a comment beside it. Times are written
as days before the conversion time C = 2026-03-31 12:00 (`at(7)` is 7 days before C).
Half-life 7 days and lookback 30 days unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from openpyxl import Workbook

from smroi.attribution import (
    MODELS,
    NO_ANSWER,
    NO_TOUCH,
    SURVEY_RULES,
    Journeys,
    attribute,
    attribute_coupons,
    compare_models,
    coupon_map,
    journeys_from_tables,
    parse_timestamps,
    read_journeys,
    self_reported,
    survey_channel,
    survey_channels,
    survey_rules,
)
from smroi.cli import main
from smroi.errors import InputFileError, SmroiError
from smroi.ingest import read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"
TOUCHPOINTS = FIXTURES / "touchpoints.csv"
CONVERSIONS = FIXTURES / "conversions.csv"
ONE_FILE = FIXTURES / "one_file.csv"
COUPONS = FIXTURES / "coupons.csv"
SHOPIFY = FIXTURES / "shopify_orders.csv"

C = pd.Timestamp("2026-03-31 12:00")


def at(days_before: float) -> pd.Timestamp:
    """The time `days_before` days before the conversion time C."""
    return C - pd.Timedelta(days=days_before)


def journeys(
    touches: list[tuple[str, pd.Timestamp, str]],
    conversions: list[tuple[str, pd.Timestamp, float]],
) -> Journeys:
    """Journeys from (journey, time, channel) touches and (journey, time, value) conversions,
    read the way a file's table is."""
    return journeys_from_tables(
        pd.DataFrame(touches, columns=["journey_id", "timestamp", "channel"]),
        pd.DataFrame(conversions, columns=["journey_id", "timestamp", "value"]),
    )


def values(data: Journeys, model: str, **options: Any) -> dict[str, float]:
    frame = attribute(data, model, **options).by_channel
    return dict(zip(frame["channel"], frame["value"], strict=True))


def counts(data: Journeys, model: str, **options: Any) -> dict[str, float]:
    frame = attribute(data, model, **options).by_channel
    return dict(zip(frame["channel"], frame["conversions"], strict=True))


def approx(expected: dict[str, float]) -> Any:
    return pytest.approx(expected, rel=1e-12, abs=1e-12)


# ---------------------------------------------------------------- the models, by hand

ONE_TOUCH = journeys([("j1", at(3), "facebook")], [("j1", C, 50.0)])


@pytest.mark.parametrize("model", list(MODELS))
def test_one_touch_takes_the_whole_conversion_under_every_model(model: str) -> None:
    # one touch 3 days before: 100% under every model (position based: "one touch: 100%")
    assert values(ONE_TOUCH, model) == approx({"facebook": 50.0})
    assert counts(ONE_TOUCH, model) == approx({"facebook": 1.0})


# touch a 7 days before, touch b at the conversion's own time; value 90
TWO_TOUCHES = journeys([("j1", at(7), "a"), ("j1", at(0), "b")], [("j1", C, 90.0)])


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("last", {"b": 90.0}),  # all to the last touch
        ("first", {"a": 90.0}),  # all to the first touch
        ("linear", {"a": 45.0, "b": 45.0}),  # 90 / 2 each
        # weights 2^(-7/7) = 0.5 and 2^(-0/7) = 1 -> 1/3 and 2/3 of 90
        ("time_decay", {"a": 30.0, "b": 60.0}),
        ("position", {"a": 45.0, "b": 45.0}),  # two touches: 50/50
    ],
    ids=list(MODELS),
)
def test_two_touches(model: str, expected: dict[str, float]) -> None:
    assert values(TWO_TOUCHES, model) == approx(expected)


# touches a, b, c at 14, 7 and 0 days before; value 70
THREE_TOUCHES = journeys(
    [("j1", at(14), "a"), ("j1", at(7), "b"), ("j1", at(0), "c")], [("j1", C, 70.0)]
)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("last", {"c": 70.0}),
        ("first", {"a": 70.0}),
        ("linear", {"a": 70 / 3, "b": 70 / 3, "c": 70 / 3}),
        # weights 1/4, 1/2, 1 (sum 7/4) -> 1/7, 2/7, 4/7 of 70 = 10, 20, 40
        ("time_decay", {"a": 10.0, "b": 20.0, "c": 40.0}),
        # 40% first, 20% the one middle touch, 40% last: 28, 14, 28
        ("position", {"a": 28.0, "b": 14.0, "c": 28.0}),
    ],
    ids=list(MODELS),
)
def test_three_touches(model: str, expected: dict[str, float]) -> None:
    assert values(THREE_TOUCHES, model) == approx(expected)


# touches a, b, c, d at 21, 14, 7 and 0 days before; value 150
FOUR_TOUCHES = journeys(
    [("j1", at(21), "a"), ("j1", at(14), "b"), ("j1", at(7), "c"), ("j1", at(0), "d")],
    [("j1", C, 150.0)],
)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("last", {"d": 150.0}),
        ("first", {"a": 150.0}),
        ("linear", {"a": 37.5, "b": 37.5, "c": 37.5, "d": 37.5}),  # 150 / 4
        # weights 1/8, 1/4, 1/2, 1 (sum 15/8) -> 1/15, 2/15, 4/15, 8/15 of 150
        ("time_decay", {"a": 10.0, "b": 20.0, "c": 40.0, "d": 80.0}),
        # 40% + 40% at the ends, 20% / 2 = 10% each in the middle: 60, 15, 15, 60
        ("position", {"a": 60.0, "b": 15.0, "c": 15.0, "d": 60.0}),
    ],
    ids=list(MODELS),
)
def test_four_touches(model: str, expected: dict[str, float]) -> None:
    assert values(FOUR_TOUCHES, model) == approx(expected)


def test_a_channel_touched_twice_adds_up_its_shares() -> None:
    # facebook, email, facebook; value 30; linear: 10 each -> facebook 20, email 10;
    # position: 40% + 40% to facebook (24), 20% to email (6)
    data = journeys(
        [("j1", at(5), "facebook"), ("j1", at(3), "email"), ("j1", at(1), "facebook")],
        [("j1", C, 30.0)],
    )
    assert values(data, "linear") == approx({"facebook": 20.0, "email": 10.0})
    assert values(data, "position") == approx({"facebook": 24.0, "email": 6.0})
    assert counts(data, "position") == approx({"facebook": 0.8, "email": 0.2})


def test_time_decay_half_life_is_editable() -> None:
    # half-life 14 days: weights 2^(-7/14) = 1/sqrt(2) and 1 -> a = 90 / (1 + sqrt(2))
    a = 90 * 2**-0.5 / (2**-0.5 + 1)
    assert values(TWO_TOUCHES, "time_decay", half_life_days=14) == approx({"a": a, "b": 90.0 - a})


def test_time_decay_counts_hours_not_only_days() -> None:
    # touches 36 h and 12 h before; half-life 1 day: weights 2^-1.5 and 2^-0.5, ratio 1:2
    data = journeys(
        [("j1", C - pd.Timedelta(hours=36), "a"), ("j1", C - pd.Timedelta(hours=12), "b")],
        [("j1", C, 3.0)],
    )
    assert values(data, "time_decay", half_life_days=1) == approx({"a": 1.0, "b": 2.0})


def test_time_decay_with_a_tiny_half_life_gives_all_to_the_newest_touch() -> None:
    # 2^(-28/0.001) is 0 in floating point, so 0/0 if taken as it is; the weights are
    # taken relative to the newest touch (the same after normalising): b 1, a 2^(-1000)
    data = journeys([("j1", at(29), "a"), ("j1", at(28), "b")], [("j1", C, 10.0)])
    split = values(data, "time_decay", half_life_days=0.001)
    assert split["b"] == 10.0
    assert split.get("a", 0.0) == pytest.approx(10.0 * 2.0**-1000, rel=1e-9)


# ---------------------------------------------------------------- which touches count


@pytest.mark.parametrize("model", list(MODELS))
def test_touches_after_the_conversion_get_nothing(model: str) -> None:
    # a is 2 days before; b one hour after: a takes everything under every model
    data = journeys([("j1", at(2), "a"), ("j1", C + pd.Timedelta(hours=1), "b")], [("j1", C, 40.0)])
    assert values(data, model) == approx({"a": 40.0})


@pytest.mark.parametrize("model", list(MODELS))
def test_a_journey_without_a_conversion_gets_nothing(model: str) -> None:
    # j2 has touches but no conversion: only j1's a is credited, with j1's 25
    data = journeys([("j1", at(1), "a"), ("j2", at(2), "b"), ("j2", at(1), "c")], [("j1", C, 25.0)])
    assert values(data, model) == approx({"a": 25.0})


def test_lookback_window_leaves_out_older_touches() -> None:
    # a 31 days before (outside 30), b exactly 30 days before (inside: the bound counts),
    # c 5 days before; value 60
    data = journeys(
        [("j1", at(31), "a"), ("j1", at(30), "b"), ("j1", at(5), "c")], [("j1", C, 60.0)]
    )
    assert values(data, "first") == approx({"b": 60.0})
    assert values(data, "linear") == approx({"b": 30.0, "c": 30.0})  # 60 / 2
    # lookback 45 days: a counts too, 60 / 3 each
    assert values(data, "linear", lookback_days=45) == approx({"a": 20.0, "b": 20.0, "c": 20.0})
    # no limit (None or inf): the same
    assert values(data, "first", lookback_days=None) == approx({"a": 60.0})
    assert values(data, "first", lookback_days=float("inf")) == approx({"a": 60.0})


def test_a_conversion_whose_touches_are_all_too_old_is_reported_not_lost() -> None:
    # j1: one touch 40 days before (outside 30 days); j2: a touch 1 day before
    data = journeys([("j1", at(40), "a"), ("j2", at(1), "b")], [("j1", C, 70.0), ("j2", C, 30.0)])
    result = attribute(data, "last")
    assert values(data, "last") == approx({"b": 30.0})
    assert result.unattributed_conversions == 1
    assert result.unattributed_value == 70.0
    assert result.unattributed["reason"].tolist() == ["no touch within the 30-day lookback window"]
    assert any("1 conversion (value 70.00) had no touch" in w for w in result.warnings)
    table = result.table()  # every conversion once: b 30 and (no touch) 70
    assert table["channel"].tolist() == ["b", NO_TOUCH]
    assert table["value"].sum() == 100.0
    assert table["conversions"].sum() == 2.0


def test_a_conversion_without_any_touch_goes_to_no_touch() -> None:
    # j9 converts (value 12) but no touch of j9 exists; j1's touch is after its conversion
    data = journeys([("j1", C + pd.Timedelta(days=1), "a")], [("j1", C, 5.0), ("j9", at(3), 12.0)])
    result = attribute(data, "linear")
    assert result.by_channel.empty
    assert result.unattributed["journey_id"].tolist() == ["j1", "j9"]
    assert result.unattributed["reason"].tolist() == ["no touch before it"] * 2
    assert result.table()[["channel", "conversions", "value"]].to_dict("records") == [
        {"channel": NO_TOUCH, "conversions": 2.0, "value": 17.0}  # 5 + 12
    ]


# ---------------------------------------------------------------- ties and order


def test_touches_at_the_same_time_keep_the_file_order() -> None:
    # a then b, both 1 day before; value 10. Stable sort: b (lower in the file) is last.
    data = journeys([("j1", at(1), "a"), ("j1", at(1), "b")], [("j1", C, 10.0)])
    assert values(data, "last") == approx({"b": 10.0})
    assert values(data, "first") == approx({"a": 10.0})
    assert values(data, "linear") == approx({"a": 5.0, "b": 5.0})
    assert values(data, "position") == approx({"a": 5.0, "b": 5.0})
    assert values(data, "time_decay") == approx({"a": 5.0, "b": 5.0})  # equal ages
    # the same rows the other way round: the other answer
    swapped = journeys([("j1", at(1), "b"), ("j1", at(1), "a")], [("j1", C, 10.0)])
    assert values(swapped, "last") == approx({"a": 10.0})
    assert values(swapped, "first") == approx({"b": 10.0})


def test_the_file_order_does_not_matter_when_the_times_differ() -> None:
    # the rows out of time order: c (0 days), a (14), b (7) - the same as THREE_TOUCHES
    data = journeys(
        [("j1", at(0), "c"), ("j1", at(14), "a"), ("j1", at(7), "b")], [("j1", C, 70.0)]
    )
    for model in MODELS:
        assert values(data, model) == approx(values(THREE_TOUCHES, model))


def test_a_touch_at_the_conversion_time_counts() -> None:
    # "at or before": a touch at C itself is the last touch of a conversion at C
    data = journeys([("j1", at(2), "a"), ("j1", C, "b")], [("j1", C, 8.0)])
    assert values(data, "last") == approx({"b": 8.0})


def test_several_conversions_in_one_journey_each_take_the_touches_before_them() -> None:
    # a at day 0, b at day 2, c at day 5; conversions at day 3 (30) and day 6 (60).
    # last: conversion 1 -> b 30; conversion 2 -> c 60.
    # linear: conversion 1 over a, b: 15 each; conversion 2 over a, b, c: 20 each
    #   -> a 35, b 35, c 20; conversions a 1/2 + 1/3, b the same, c 1/3.
    day = pd.Timestamp("2026-03-01")
    data = journeys(
        [
            ("j1", day, "a"),
            ("j1", day + pd.Timedelta(days=2), "b"),
            ("j1", day + pd.Timedelta(days=5), "c"),
        ],
        [("j1", day + pd.Timedelta(days=3), 30.0), ("j1", day + pd.Timedelta(days=6), 60.0)],
    )
    assert values(data, "last") == approx({"b": 30.0, "c": 60.0})
    assert values(data, "first") == approx({"a": 90.0})
    assert values(data, "linear") == approx({"a": 35.0, "b": 35.0, "c": 20.0})
    assert counts(data, "linear") == approx({"a": 5 / 6, "b": 5 / 6, "c": 1 / 3})
    # position: conversion 1 has two touches (15, 15); conversion 2 three (24, 12, 24)
    assert values(data, "position") == approx({"a": 39.0, "b": 27.0, "c": 24.0})


def test_credits_list_every_touch_share_with_its_campaign() -> None:
    table = pd.DataFrame(
        {
            "journey_id": ["j1", "j1"],
            "timestamp": [at(2), at(1)],
            "channel": ["facebook", "facebook"],
            "utm_campaign": ["spring", "summer"],
        }
    )
    conversions = pd.DataFrame({"journey_id": ["j1"], "timestamp": [C], "value": [10.0]})
    result = attribute(journeys_from_tables(table, conversions), "linear")
    by_campaign = result.credits.groupby("campaign")["value"].sum().to_dict()
    assert by_campaign == {"spring": 5.0, "summer": 5.0}  # 10 / 2
    assert result.credits["share"].sum() == 1.0


def test_compare_models_puts_every_model_side_by_side() -> None:
    frame = compare_models(THREE_TOUCHES)
    assert list(frame.columns) == list(MODELS)
    assert frame.index.name == "channel"
    # the values of test_three_touches, 0 where a model gives nothing
    assert frame.loc["a"].to_dict() == approx(
        {"last": 0.0, "first": 70.0, "linear": 70 / 3, "time_decay": 10.0, "position": 28.0}
    )
    assert frame.loc["c"].to_dict() == approx(
        {"last": 70.0, "first": 0.0, "linear": 70 / 3, "time_decay": 40.0, "position": 28.0}
    )
    # totals: c 70 + 70/3 + 40 + 28 = 161.33 > a 131.33 > b 57.33: biggest first
    assert list(frame.index) == ["c", "a", "b"]
    assert frame.sum().to_dict() == approx(dict.fromkeys(MODELS, 70.0))
    share = compare_models(THREE_TOUCHES, measure="conversions", models=["linear"])
    assert share["linear"].to_dict() == approx({"a": 1 / 3, "b": 1 / 3, "c": 1 / 3})


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"model": "u_shaped"}, "no attribution model 'u_shaped'"),
        ({"half_life_days": 0}, "half-life must be a number of days above 0"),
        ({"half_life_days": -1}, r"half-life .* \(it is -1\)"),
        ({"half_life_days": float("nan")}, "half-life"),
        ({"lookback_days": -1}, "lookback window must be 0 days or more"),
    ],
    ids=["model", "zero-half-life", "negative-half-life", "nan-half-life", "lookback"],
)
def test_bad_parameters_are_refused_in_one_sentence(options: dict[str, Any], message: str) -> None:
    with pytest.raises(SmroiError, match=message):
        attribute(ONE_TOUCH, **options)


# ---------------------------------------------------------------- reading files


def test_two_files_are_read_with_channels_normalised() -> None:
    data = read_journeys(
        (str(TOUCHPOINTS), TOUCHPOINTS.read_bytes()), (str(CONVERSIONS), CONVERSIONS.read_bytes())
    )
    touches = data.touchpoints
    assert touches["channel"].tolist() == [
        "instagram",  # " Instagram" -> lower case, stripped
        "facebook",
        "email",
        "tiktok",  # "TikTok"
        "tiktok",
        "facebook",
    ]
    assert touches["timestamp"].iloc[0] == pd.Timestamp("2026-03-01 09:00")  # time kept
    assert touches["campaign"].tolist()[:3] == ["spring", "spring", None]
    assert touches["row"].tolist() == [2, 3, 4, 5, 6, 7]  # spreadsheet rows, header = 1
    assert data.conversions["value"].tolist() == [90.0, 40.0, 25.0]
    # j1 (90) over instagram, facebook, email; j2 (40) over tiktok twice; j4 (25) no touch
    # linear: 30 each for j1's three; tiktok 40
    result = attribute(data, "linear")
    assert values(data, "linear") == approx(
        {"tiktok": 40.0, "instagram": 30.0, "facebook": 30.0, "email": 30.0}
    )
    assert result.unattributed["journey_id"].tolist() == ["j4"]


def test_one_file_with_a_type_column() -> None:
    # v1: instagram 1 Mar 10:00, google 3 Mar 10:00, purchase 3 Mar 10:30 (60, no channel)
    # v2: facebook, never converts
    data = read_journeys((str(ONE_FILE), ONE_FILE.read_bytes()))
    assert data.conversions[["journey_id", "value"]].to_dict("records") == [
        {"journey_id": "v1", "value": 60.0}
    ]
    assert data.touchpoints["channel"].tolist() == ["instagram", "google", "facebook"]
    assert any("rows of type purchase are read as conversions" in w for w in data.warnings)
    assert values(data, "last") == approx({"google": 60.0})
    assert values(data, "first") == approx({"instagram": 60.0})
    # ages 2 d 0.5 h and 0.5 h: 2 days apart; half-life 2 days: weights 1/2 : 1 -> 20, 40
    assert values(data, "time_decay", half_life_days=2) == approx(
        {"instagram": 20.0, "google": 40.0}
    )


def test_one_file_whose_conversion_rows_carry_a_value() -> None:
    # rows with value 0 or blank are touches; the row with 80 is the conversion, and it
    # names google, so it is also google's touch at the conversion's time
    text = (
        "user_id,date,utm_source,conversion_value\n"
        "u1,2026-03-01,facebook,0\n"
        "u1,2026-03-02,instagram,\n"
        "u1,2026-03-04,google,80\n"
        "u2,2026-03-04,tiktok,\n"
    )
    data = read_journeys(("sessions.csv", text.encode()))
    assert data.conversions["value"].tolist() == [80.0]
    assert data.touchpoints["channel"].tolist() == ["facebook", "instagram", "google", "tiktok"]
    assert any("1 conversion row names a channel" in w for w in data.warnings)
    assert values(data, "last") == approx({"google": 80.0})
    assert values(data, "first") == approx({"facebook": 80.0})
    assert values(data, "linear") == approx(
        {"facebook": 80 / 3, "instagram": 80 / 3, "google": 80 / 3}
    )


def test_semicolon_file_with_decimal_commas_and_day_first_times() -> None:
    # Windows-1252, ";" between cells, "1.234,50" = 1234.5; 05/03/2026 = 5 March
    touches = (
        "Customer ID;Event time;Platform\n"
        "c1;01/03/2026 09:00;LinkedIn\n"
        "c1;05/03/2026 2:30 PM;Facebook\n"
        "c1;13/03/2026 08:00;X\n"
    ).encode("cp1252")
    conversions = "Customer ID;Event time;Order value\nc1;05/03/2026 15:00;1.234,50\n".encode(
        "cp1252"
    )
    data = read_journeys(("t.csv", touches), ("c.csv", conversions))
    assert data.touchpoints["timestamp"].tolist() == [
        pd.Timestamp("2026-03-01 09:00"),
        pd.Timestamp("2026-03-05 14:30"),
        pd.Timestamp("2026-03-13 08:00"),
    ]
    assert data.conversions["value"].tolist() == [1234.5]
    # x (13 March) is after the conversion (5 March 15:00): last touch = facebook
    assert values(data, "last") == approx({"facebook": 1234.5})


def test_a_date_column_and_a_time_column_make_one_timestamp() -> None:
    touches = pd.DataFrame(
        {"visitor": ["a", "a"], "date": ["2026-03-01", "2026-03-01"], "time": ["09:00", "18:30"]}
    ).assign(channel=["email", "facebook"])
    conversions = pd.DataFrame(
        {"visitor": ["a"], "date": ["2026-03-01"], "time": ["12:00"], "value": [5]}
    )
    data = journeys_from_tables(touches, conversions)
    assert data.touchpoints["timestamp"].tolist() == [
        pd.Timestamp("2026-03-01 09:00"),
        pd.Timestamp("2026-03-01 18:30"),
    ]
    # 18:30 is after the 12:00 conversion: email takes it
    assert values(data, "last") == approx({"email": 5.0})


def test_an_excel_conversions_file_with_number_ids_and_date_cells() -> None:
    # Excel holds the id 101 as a number and the time as a date cell: the csv's "101"
    # journey matches it, and the time of day is kept (touches 1 Mar 09:30 facebook,
    # 2 Mar 18:00 email; conversion 3 Mar 08:00, 120.50): linear 60.25 each
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Customer ID", "Order time", "Order value"])
    sheet.append([101, dt.datetime(2026, 3, 3, 8, 0), 120.5])
    sheet.append([101, dt.datetime(2026, 3, 2, 12, 0), 10])  # before the email touch
    buffer = io.BytesIO()
    book.save(buffer)
    touches = (
        "customer_id,timestamp,source\n101,2026-03-01 09:30,Facebook\n101,2026-03-02 18:00,Email\n"
    )
    data = read_journeys(("t.csv", touches.encode()), ("orders.xlsx", buffer.getvalue()))
    assert data.conversions["journey_id"].tolist() == ["101", "101"]
    assert data.conversions["timestamp"].tolist() == [
        pd.Timestamp("2026-03-03 08:00"),
        pd.Timestamp("2026-03-02 12:00"),
    ]
    # the 10 of 2 Mar 12:00 has only facebook before it
    assert values(data, "linear") == approx({"facebook": 60.25 + 10, "email": 60.25})


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-03-05T14:30:00", "2026-03-05 14:30"),
        ("2026-03-05 14:30:00 +1100", "2026-03-05 14:30"),  # the clock time as written
        ("05.03.2026 07:05", "2026-03-05 07:05"),
        ("3/15/2026 12:15 AM", "2026-03-15 00:15"),
        ("3/15/2026 12:15 PM", "2026-03-15 12:15"),
        ("2026-03-05", "2026-03-05 00:00"),  # a date alone: midnight
    ],
)
def test_timestamps_keep_the_time_of_day(cell: str, expected: str) -> None:
    parsed, bad = parse_timestamps(pd.Series([cell], dtype=object))
    assert not bad.any()
    assert parsed.iloc[0] == pd.Timestamp(expected)


def test_rows_that_cannot_be_used_are_listed_not_lost() -> None:
    touches = pd.DataFrame(
        {
            "journey_id": ["j1", None, "j1", "j1"],
            "timestamp": ["2026-03-01", "2026-03-02", "soon", "2026-03-03"],
            "channel": ["a", "b", "c", None],
        }
    )
    conversions = pd.DataFrame(
        {"journey_id": ["j1", "j1"], "timestamp": ["2026-03-04", "2026-03-04"], "value": ["9", "x"]}
    )
    data = journeys_from_tables(touches, conversions, name="t.csv", conversions_name="c.csv")
    assert data.warnings == (
        "t.csv: 1 touch row left out (no journey id): row 3.",
        "t.csv: 1 touch row left out (not a date and time in column timestamp): row 4.",
        "t.csv: 1 touch without a channel counts as '(not set)'.",
        "c.csv: 1 conversion row left out (the value is not a number): row 3.",
    )
    assert data.touchpoints["channel"].tolist() == ["a", "(not set)"]
    assert data.conversions["value"].tolist() == [9.0]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            [("c.csv", b"journey_id,timestamp,value\nj1,2026-03-01,5\n")],
            r"c\.csv: it needs a channel column \(channel, source, utm_source",
        ),
        (
            [("t.csv", b"who,when,channel\nj1,2026-03-01,a\n")],
            r"t\.csv: it needs a journey id column .*; a timestamp column .*its columns are: "
            r"who, when, channel\.",
        ),
        (
            [
                ("t.csv", b"journey_id,timestamp,channel\nj1,2026-03-01,a\n"),
                ("c.csv", b"journey_id,timestamp\nj1,2026-03-02\n"),
            ],
            r"c\.csv: it needs a value column \(value, revenue, order_value",
        ),
        (
            [("t.csv", b"journey_id,timestamp,channel\nj1,2026-03-01,a\n")],
            r"t\.csv: it cannot tell touches from conversions",
        ),
        (
            [("t.csv", b"journey_id,timestamp,channel,type\nj1,2026-03-01,a,purchase\n")],
            r"t\.csv: its conversion rows \(column type\) need a value column",
        ),
        ([("t.csv", b"")], r"t\.csv: the file is empty\."),
        ([("t.bin", b"\x00\x01\x02garbage")], r"t\.bin: this is not a spreadsheet"),
    ],
    ids=[
        "no-channel",
        "no-journey-no-time",
        "no-value",
        "one-file-unclear",
        "type-no-value",
        "empty",
        "binary",
    ],
)
def test_unreadable_input_is_one_sentence_naming_the_file(
    files: list[tuple[str, bytes]], message: str
) -> None:
    with pytest.raises(InputFileError, match=message):
        read_journeys(files[0], files[1] if len(files) > 1 else None)


# ---------------------------------------------------------------- coupons


def test_coupon_codes_match_platforms_whatever_their_case() -> None:
    table = coupon_map(pd.read_csv(COUPONS))  # SUMMER10 instagram, Fb5 facebook, LI-15 linkedin
    assert table == {"summer10": "instagram", "fb5": "facebook", "li-15": "linkedin"}
    orders = pd.DataFrame(
        {
            "coupon_code": ["summer10", " SUMMER10 ", "FB5", None, "NOPE", "nope", "fb5, li-15"],
            "conversions": [1.0, 1.0, 1.0, 1.0, 1.0, None, 1.0],
            "revenue": [10.0, 20.0, 30.0, 40.0, 5.0, 6.0, 100.0],
        }
    )
    result = attribute_coupons(orders, table)
    # instagram: 10 + 20 (2 orders); facebook: 30 + half of 100 (1.5 orders);
    # linkedin: half of 100 (0.5 orders). NOPE and nope are one code: 2 orders, 11.
    assert result.by_platform.to_dict("records") == [
        {"platform": "facebook", "orders": 1.5, "value": 80.0},
        {"platform": "linkedin", "orders": 0.5, "value": 50.0},
        {"platform": "instagram", "orders": 2.0, "value": 30.0},
    ]
    assert result.unmatched.to_dict("records") == [
        {"coupon_code": "NOPE", "orders": 2.0, "value": 11.0}
    ]
    assert (result.orders_without_code, result.value_without_code) == (1.0, 40.0)
    # every order with a code is in one of the two tables: 7 - 1 orders, 211 - 40 value
    assert result.by_platform["orders"].sum() + result.unmatched["orders"].sum() == 6.0
    assert result.by_platform["value"].sum() + result.unmatched["value"].sum() == 171.0


def test_shopify_discount_codes_are_attributed_through_the_importer() -> None:
    # Shopify's "Discount Code" becomes the canonical coupon_code; one order per row.
    # SUMMER10 (55) and summer10 (22) -> instagram 77; LI-15 (44) -> linkedin; NOPE (11)
    # unmatched; #1003 (33) has no code.
    table, _ = read_file(str(SHOPIFY), SHOPIFY.read_bytes())
    result = attribute_coupons(table, {"Summer10": "Instagram", "li-15": "LinkedIn"})
    assert result.by_platform.to_dict("records") == [
        {"platform": "instagram", "orders": 2.0, "value": 77.0},
        {"platform": "linkedin", "orders": 1.0, "value": 44.0},
    ]
    assert result.unmatched["coupon_code"].tolist() == ["NOPE"]
    assert (result.orders_without_code, result.value_without_code) == (1.0, 33.0)


def test_a_code_given_to_two_platforms_is_refused() -> None:
    frame = pd.DataFrame({"Code": ["SPRING", "spring"], "Channel": ["instagram", "facebook"]})
    with pytest.raises(InputFileError, match="'spring' is given to both instagram and facebook"):
        coupon_map(frame, source="coupons.csv")


def test_a_coupon_table_without_its_columns_is_refused() -> None:
    with pytest.raises(InputFileError, match=r"coupons\.csv: it needs a coupon code column"):
        coupon_map(pd.DataFrame({"name": ["x"]}), source="coupons.csv")


# ---------------------------------------------------------------- self-reported


@pytest.mark.parametrize(
    ("answer", "channel"),
    [
        ("Saw you on Insta", "instagram"),
        ("IG story", "instagram"),
        ("instagram's reels", "instagram"),
        ("ig_story", "instagram"),  # "_" is not a letter: "ig" is a word here
        ("igloo shop next door", "other"),  # not "ig"
        ("big poster", "other"),  # not "ig" either
        ("Facebook ad", "facebook"),
        ("fb", "facebook"),
        ("LinkedIn post", "linkedin"),
        ("TikTok", "tiktok"),
        ("a Tik  Tok video", "tiktok"),
        ("X", "x"),
        ("saw it on x.com", "x"),
        ("twitter", "x"),
        ("Xmas market", "other"),  # not "x"
        ("Google search", "google"),
        ("googled you", "other"),  # whole words only
        ("My friend told me", "word of mouth"),
        ("Word of mouth", "word of mouth"),
        ("a friend showed me your instagram", "word of mouth"),  # the first keyword wins
        ("Ínstagram", "instagram"),  # accents do not count
        ("no idea", "other"),
        ("", NO_ANSWER),
        (None, NO_ANSWER),
    ],
)
def test_survey_answers_map_to_channels(answer: Any, channel: str) -> None:
    assert survey_channel(answer) == channel


def test_survey_rules_are_editable() -> None:
    rules = {"podcast": "Podcast", "radio show": "radio", "": "ignored"}
    assert survey_channels(
        ["heard it on a PODCAST", "Radio  show", "instagram"], rules
    ).tolist() == [
        "podcast",
        "radio",
        "other",  # the default rules are replaced, not added to
    ]
    extended = {**SURVEY_RULES, "nextdoor": "nextdoor"}
    assert survey_channel("Nextdoor app", extended) == "nextdoor"
    assert survey_channel("insta", extended) == "instagram"


def test_a_survey_rule_without_a_channel_is_refused() -> None:
    with pytest.raises(SmroiError, match="the keyword 'pod' has no channel"):
        survey_rules({"pod": " "})


def test_self_reported_counts_per_channel() -> None:
    answers = ["Instagram", "insta", "a friend", "fb", "igloo", "IG", "", "dunno"]
    # instagram 3 (Instagram, insta, IG); facebook 1; word of mouth 1; other 2 (igloo,
    # dunno); no answer 1 - most first, other and (no answer) last
    assert self_reported(answers).to_dict("records") == [
        {"channel": "instagram", "answers": 3},
        {"channel": "facebook", "answers": 1},
        {"channel": "word of mouth", "answers": 1},
        {"channel": "other", "answers": 2},
        {"channel": NO_ANSWER, "answers": 1},
    ]


# ---------------------------------------------------------------- the CLI


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_json_has_exactly_the_contract_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        ["attribution", str(TOUCHPOINTS), str(CONVERSIONS), "--model", "position", "--json"],
        capsys,
    )
    assert status == 0, err
    result = json.loads(out)
    assert set(result) == {"model", "by_channel", "unattributed", "warnings"}
    assert result["model"] == "position"
    # j1 (90) instagram, facebook, email: 40/20/40 -> 36, 18, 36; j2 (40) tiktok twice: 40
    assert result["by_channel"] == {
        "tiktok": {"conversions": pytest.approx(1.0), "value": pytest.approx(40.0)},
        "email": {"conversions": pytest.approx(0.4), "value": pytest.approx(36.0)},
        "instagram": {"conversions": pytest.approx(0.4), "value": pytest.approx(36.0)},
        "facebook": {"conversions": pytest.approx(0.2), "value": pytest.approx(18.0)},
    }
    for entry in result["by_channel"].values():
        assert set(entry) == {"conversions", "value"}
        assert all(isinstance(v, float) for v in entry.values())
    assert result["unattributed"] == {"conversions": 1, "value": 25.0}  # j4, no touch
    assert len(result["warnings"]) == 1


def test_cli_time_decay_with_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    # one-file form; half-life 2 days: instagram 20, google 40 (test_one_file_with_a_type_column)
    status, out, _ = run(
        ["attribution", str(ONE_FILE), "--model", "time_decay", "--half-life-days", "2", "--json"],
        capsys,
    )
    assert status == 0
    by_channel = json.loads(out)["by_channel"]
    assert by_channel["instagram"]["value"] == pytest.approx(20.0)
    assert by_channel["google"]["value"] == pytest.approx(40.0)
    # lookback 1 day: instagram's touch (2 days before) no longer counts -> google 60
    status, out, _ = run(
        ["attribution", str(ONE_FILE), "--model", "linear", "--lookback-days", "1", "--json"],
        capsys,
    )
    assert json.loads(out)["by_channel"] == {"google": {"conversions": 1.0, "value": 60.0}}


def test_cli_prints_a_small_table_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["attribution", str(TOUCHPOINTS), str(CONVERSIONS)], capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Last touch; lookback 30 days"
    # last touch: j1 -> email 90, j2 -> tiktok 40; j4 (25) has no touch
    assert lines[2].split() == ["channel", "conversions", "value"]
    assert lines[3].split() == ["email", "1.00", "90.00"]
    assert lines[4].split() == ["tiktok", "1.00", "40.00"]
    assert lines[6].split() == ["total", "2.00", "130.00"]
    assert lines[7].split() == ["(no", "touch)", "1.00", "25.00"]
    assert "Warnings:" in lines


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--half-life-days", "-1"], "smroi: --half-life-days must be a number of days above 0"),
        (["--half-life-days", "0"], "smroi: --half-life-days must be a number of days above 0"),
        (["--lookback-days", "-3"], "smroi: --lookback-days must be 0 or more"),
    ],
    ids=["negative-half-life", "zero-half-life", "negative-lookback"],
)
def test_cli_bad_options_exit_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["attribution", str(TOUCHPOINTS), str(CONVERSIONS), *argv], capsys)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(message)


def test_cli_bad_files_exit_2_with_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.csv"
    no_channel = tmp_path / "no_channel.csv"
    no_channel.write_text("journey_id,timestamp\nj1,2026-03-01\n", encoding="utf-8")
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    cases = [
        ([str(TOUCHPOINTS), str(missing)], f"smroi: {missing}: cannot read the file"),
        ([str(no_channel), str(CONVERSIONS)], f"smroi: {no_channel}: it needs a channel column"),
        ([str(TOUCHPOINTS), str(no_channel)], f"smroi: {no_channel}: it needs a value column"),
        ([str(garbage)], f"smroi: {garbage}: the Excel file is damaged"),
        ([str(CONVERSIONS)], f"smroi: {CONVERSIONS}: it needs a channel column"),
    ]
    for files, message in cases:
        status, out, err = run(["attribution", *files, "--json"], capsys)
        assert status == 2, files
        assert out == ""
        assert err.count("\n") == 1 and err.startswith(message), err


# ---------------------------------------------------------------- invariants

BASE = pd.Timestamp("2026-03-01")
touch_rows = st.lists(
    st.tuples(
        st.sampled_from(["j1", "j2", "j3", "j4"]),
        st.integers(min_value=0, max_value=60 * 24),  # hours after BASE
        st.sampled_from(["facebook", "instagram", "email", "tiktok"]),
    ),
    max_size=25,
)
conversion_rows = st.lists(
    st.tuples(
        st.sampled_from(["j1", "j2", "j3", "j5"]),
        st.integers(min_value=0, max_value=60 * 24),
        st.floats(min_value=0, max_value=10_000, allow_nan=False),
    ),
    max_size=8,
)


@given(
    touch_rows,
    conversion_rows,
    st.floats(min_value=0.01, max_value=60),
    st.one_of(st.none(), st.floats(min_value=0, max_value=90)),
)
@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_model_splits_exactly_the_attributed_conversions(
    touches: list[tuple[str, int, str]],
    conversions: list[tuple[str, int, float]],
    half_life: float,
    lookback: float | None,
) -> None:
    data = journeys(
        [(j, BASE + pd.Timedelta(hours=h), c) for j, h, c in touches],
        [(j, BASE + pd.Timedelta(hours=h), v) for j, h, v in conversions],
    )
    total_value = sum(v for _, _, v in conversions)
    for model in MODELS:
        result = attribute(data, model, half_life_days=half_life, lookback_days=lookback)
        attributed = len(conversions) - result.unattributed_conversions
        attributed_value = total_value - result.unattributed_value
        assert result.by_channel["value"].sum() == pytest.approx(attributed_value, abs=1e-6)
        assert result.by_channel["conversions"].sum() == pytest.approx(attributed, abs=1e-9)
        assert (result.credits["share"] >= 0).all()
        table = result.table()  # with "(no touch)": every conversion, all of its value
        assert table["value"].sum() == pytest.approx(total_value, abs=1e-6)
        assert table["conversions"].sum() == pytest.approx(len(conversions), abs=1e-9)
    side_by_side = compare_models(data, half_life_days=half_life, lookback_days=lookback)
    unattributed = attribute(data, "last", lookback_days=lookback).unattributed_value
    for model in MODELS:
        assert side_by_side[model].sum() == pytest.approx(total_value - unattributed, abs=1e-6)
