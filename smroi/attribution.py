"""Which channel brought the sale: touchpoint models, coupon codes and survey answers.

Touchpoint attribution (METRICS.md section 8). Touchpoints are (journey id, timestamp,
channel, optional campaign); conversions are (journey id, timestamp, value). A
conversion's value is split over the touches of its journey that happened at or before
it and at most `lookback_days` before it:

- last touch: all to the last touch; first touch: all to the first;
- linear: evenly over the touches;
- time decay: touch weight 2^(-age / half-life), age = conversion time - touch time,
  the weights normalised to sum to 1 (half-life 7 days by default);
- position based: 40% to the first touch, 40% to the last, 20% spread evenly over the
  touches between them; one touch takes 100%, two touches 50% each.

Rules where the models need one:
- Touches at the same timestamp keep the order of the file (a stable sort): of two
  touches at the conversion's last instant, the one lower in the file is the last touch.
- A journey with several conversions: each conversion is split over the touches before
  it, so a touch before the first conversion can take credit for both.
- Touches after a journey's last conversion, and journeys without a conversion, get
  nothing. A conversion with no touch in its window is not attributed: it is reported
  (journey, time, value, why), shown as "(no touch)", and never lost.
- Timestamps are read with smroi.parsing.parse_dates, keeping the time of day; a UTC
  offset written after the time is dropped and the clock time is compared as written
  (smroi's rule for dates), so files should use one time zone.

Coupon codes attribute an order to the platform the code was given out on; survey
answers ("how did you hear about us") are normalised to channels by keyword rules and
counted beside tracked attribution, never added to it.

This module holds the touchpoint models; reading the files is smroi.journeys, coupons
smroi.coupons, survey answers smroi.self_reported (their names are importable from here).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from smroi.coupons import (  # noqa: F401  (callers import them from here)
    COUPON_CODE_NAMES,
    COUPON_PLATFORM_NAMES,
    CouponAttribution,
    attribute_coupons,
    coupon_key,
    coupon_map,
)
from smroi.errors import SmroiError
from smroi.i18n import N_, _, _n
from smroi.journeys import (  # noqa: F401
    COLUMN_NAMES,
    Journeys,
    journeys_from_tables,
    parse_timestamps,
    read_journeys,
)
from smroi.self_reported import (  # noqa: F401
    NO_ANSWER,
    OTHER,
    SURVEY_RULES,
    SurveyRules,
    self_reported,
    survey_channel,
    survey_channels,
    survey_rules,
)

# English names and explanations, marked for translation (shown with t() in the app)
MODELS: dict[str, str] = {
    "last": N_("Last touch"),
    "first": N_("First touch"),
    "linear": N_("Linear"),
    "time_decay": N_("Time decay"),
    "position": N_("Position based (40/20/40)"),
}
MODEL_HELP: dict[str, str] = {
    "last": N_("All of a conversion's value to the last touch before it."),
    "first": N_("All of a conversion's value to the first touch in its window."),
    "linear": N_("A conversion's value split evenly over its touches."),
    "time_decay": N_(
        "Recent touches count more: weight 2^(-age / half-life), normalised to sum to 1."
    ),
    "position": N_(
        "40% to the first touch, 40% to the last, 20% spread over the touches between "
        "(one touch: 100%; two touches: 50/50)."
    ),
}
DEFAULT_HALF_LIFE_DAYS = 7.0
DEFAULT_LOOKBACK_DAYS = 30.0
NO_TOUCH = "(no touch)"


# ---------------------------------------------------------------- touchpoint models


@dataclass(frozen=True, eq=False)
class Attribution:
    """One model's split of the conversions over the channels.

    by_channel: channel, conversions (fractional), value; the attributed conversions
        only, biggest value first. Its sums equal the count and value of the
        conversions that had a touch in their window.
    unattributed: the conversions without a touch in their window: journey_id,
        timestamp, value, row, reason.
    credits: one row per (conversion, touch) that took credit: conversion (its position
        in Journeys.conversions), journey_id, channel, campaign, touch_time,
        conversion_time, share (of the conversion, summing to 1), conversions (= share),
        value (= share x the conversion's value).
    """

    model: str
    half_life_days: float
    lookback_days: float | None
    by_channel: pd.DataFrame
    unattributed: pd.DataFrame
    credits: pd.DataFrame
    warnings: tuple[str, ...] = field(default=())

    @property
    def unattributed_conversions(self) -> int:
        """How many conversions had no touch in their window."""
        return len(self.unattributed)

    @property
    def unattributed_value(self) -> float:
        """The value of the conversions that had no touch in their window."""
        return float(self.unattributed["value"].sum())

    def table(self) -> pd.DataFrame:
        """by_channel with a last row "(no touch)" for the unattributed conversions, if any:
        every conversion is in it once."""
        if self.unattributed.empty:
            return self.by_channel
        row = pd.DataFrame(
            {
                "channel": [NO_TOUCH],
                "conversions": [float(self.unattributed_conversions)],
                "value": [self.unattributed_value],
            }
        )
        return pd.concat([self.by_channel, row], ignore_index=True)


def check_parameters(
    model: str, half_life_days: float, lookback_days: float | None
) -> float | None:
    """SmroiError for a model smroi does not have, a half-life that is not above 0 days or
    a lookback below 0 days; returns the lookback (None: no limit)."""
    problems = []
    if model not in MODELS:
        problems.append(f"there is no attribution model {model!r} (use: {', '.join(MODELS)})")
    if not (isinstance(half_life_days, int | float) and math.isfinite(half_life_days)) or (
        half_life_days <= 0
    ):
        problems.append(f"the half-life must be a number of days above 0 (it is {half_life_days})")
    if lookback_days is not None and (math.isnan(lookback_days) or lookback_days < 0):
        problems.append(f"the lookback window must be 0 days or more (it is {lookback_days})")
    if problems:
        raise SmroiError("; ".join(problems) + ".")
    return None if lookback_days is None or math.isinf(lookback_days) else float(lookback_days)


def attribute(
    journeys: Journeys,
    model: str = "last",
    *,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    lookback_days: float | None = DEFAULT_LOOKBACK_DAYS,
) -> Attribution:
    """Each conversion's value split over the channels of the touches before it, by `model`
    (one of MODELS); lookback_days None or inf means no window. See the module docstring
    for ties, several conversions in a journey and conversions with no touch."""
    lookback = check_parameters(model, half_life_days, lookback_days)
    pairs, unattributed = _pairs(journeys, lookback)
    share = _shares(pairs, model, half_life_days)
    credits = _credits(pairs, share)
    warnings = list(journeys.warnings)
    if len(unattributed):
        count = len(unattributed)
        if lookback is None:
            window = _("no lookback limit")
        else:
            window = _("lookback {days:g} days", days=_days(lookback))
        # the value as written in English ("1,234.50"); "(no touch)" is the table's row
        warnings.append(
            _n(
                "{count:,} conversion (value {value:,.2f}) had no touch in its window "
                "({window}); it is shown as '(no touch)', not attributed.",
                "{count:,} conversions (value {value:,.2f}) had no touch in their window "
                "({window}); they are shown as '(no touch)', not attributed.",
                count,
                count=count,
                value=float(unattributed["value"].sum()),
                window=window,
            )
        )
    return Attribution(
        model=model,
        half_life_days=float(half_life_days),
        lookback_days=lookback,
        by_channel=_by_channel(credits),
        unattributed=unattributed,
        credits=credits,
        warnings=tuple(warnings),
    )


def compare_models(
    journeys: Journeys,
    *,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    lookback_days: float | None = DEFAULT_LOOKBACK_DAYS,
    measure: str = "value",
    models: Iterable[str] = tuple(MODELS),
) -> pd.DataFrame:
    """Every model side by side: one row per channel (the index, "channel"), one column
    per model key, holding the channel's attributed `measure` ("value" or
    "conversions"); 0 where a model gives a channel nothing. Rows: biggest total first.
    The unattributed conversions are the same under every model and are not in it
    (attribute() reports them)."""
    if measure not in ("value", "conversions"):
        raise SmroiError(f"measure must be 'value' or 'conversions' (it is {measure!r}).")
    models = list(models)
    lookback = check_parameters("last", half_life_days, lookback_days)
    for model in models:
        check_parameters(model, half_life_days, lookback_days)
    pairs, _unattributed = _pairs(journeys, lookback)
    columns = {}
    for model in models:
        credits = _credits(pairs, _shares(pairs, model, half_life_days))
        columns[model] = credits.groupby("channel", sort=False)[measure].sum()
    frame = pd.DataFrame(columns, columns=models).fillna(0.0).astype("float64")
    frame.index.name = "channel"
    if frame.empty:
        return frame
    order = frame.sum(axis=1).to_frame("total").assign(name=frame.index)
    order = order.sort_values(["total", "name"], ascending=[False, True], kind="stable")
    return frame.loc[order.index]


def _pairs(journeys: Journeys, lookback: float | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(conversion, touch) pairs whose touch is in the conversion's window, each
    conversion's touches in time order (file order within a tie), with the touch's
    position, the number of touches and the age in days; and the conversions without
    any pair, with the reason."""
    conversions = journeys.conversions.reset_index(drop=True)
    touches = journeys.touchpoints.reset_index(drop=True)
    left = pd.DataFrame(
        {
            "conversion": np.arange(len(conversions), dtype="int64"),
            "journey_id": conversions["journey_id"].astype(object),
            "conversion_time": conversions["timestamp"].astype("datetime64[ns]"),
            "conversion_value": conversions["value"].astype("float64"),
        }
    )
    right = pd.DataFrame(
        {
            "journey_id": touches["journey_id"].astype(object),
            "touch_time": touches["timestamp"].astype("datetime64[ns]"),
            "channel": touches["channel"].astype(object),
            "campaign": touches["campaign"].astype(object)
            if "campaign" in touches
            else pd.Series(None, index=touches.index, dtype=object),
            "order": np.arange(len(touches), dtype="int64"),
        }
    )
    pairs = left.merge(right, on="journey_id", how="inner")
    before = pairs[pairs["touch_time"] <= pairs["conversion_time"]]
    if lookback is not None:
        start = before["conversion_time"] - pd.Timedelta(days=lookback)
        pairs = before[before["touch_time"] >= start]
    else:
        pairs = before
    pairs = pairs.sort_values(["conversion", "touch_time", "order"], kind="stable")
    groups = pairs.groupby("conversion", sort=False)
    pairs = pairs.assign(
        position=groups.cumcount().astype("int64"),
        touches=groups["order"].transform("size").astype("int64"),
        age_days=(pairs["conversion_time"] - pairs["touch_time"]).dt.total_seconds() / 86400.0,
    ).reset_index(drop=True)

    missing = ~left["conversion"].isin(pairs["conversion"])
    outside = left["conversion"].isin(before["conversion"])
    if lookback is None:
        within = _("no touch within the lookback window")
    else:
        within = _("no touch within the {days:g}-day lookback window", days=_days(lookback))
    nothing_before = _("no touch before it")
    reason = pd.Series(
        [within if out else nothing_before for out in outside.tolist()],
        index=conversions.index,
        dtype=object,
    )
    unattributed = conversions.assign(reason=reason)[missing.to_numpy()]
    return pairs, unattributed.reset_index(drop=True)


def _days(days: float) -> float | int:
    """A number of days as a message field: 30.0 is 30 (an int, shown without decimals in
    every language), 0.5 stays 0.5."""
    return int(days) if float(days).is_integer() else days


def _shares(pairs: pd.DataFrame, model: str, half_life_days: float) -> pd.Series:
    """Each touch's share of its conversion, by the model; the shares of a conversion sum
    to 1."""
    position = pairs["position"].to_numpy()
    count = pairs["touches"].to_numpy()
    first, last = position == 0, position == count - 1
    if model == "last":
        share = last.astype("float64")
    elif model == "first":
        share = first.astype("float64")
    elif model == "linear":
        share = 1.0 / count if len(count) else np.zeros(0)
    elif model == "position":
        middle = 0.2 / np.maximum(count - 2, 1)
        share = np.select([count == 1, count == 2, first | last], [1.0, 0.5, 0.4], default=middle)
    elif model == "time_decay":
        # 2^(-age/h) normalised; measured from the conversion's newest touch (the same after
        # normalising) so that old touches with a short half-life cannot all round to 0
        age = pairs["age_days"]
        newest = age.groupby(pairs["conversion"]).transform("min")
        weight = np.exp2(-(age - newest) / half_life_days)
        share = (weight / weight.groupby(pairs["conversion"]).transform("sum")).to_numpy()
    else:
        raise SmroiError(f"there is no attribution model {model!r} (use: {', '.join(MODELS)}).")
    return pd.Series(np.asarray(share, dtype="float64"), index=pairs.index)


def _credits(pairs: pd.DataFrame, share: pd.Series) -> pd.DataFrame:
    credits = pairs[
        ["conversion", "journey_id", "channel", "campaign", "touch_time", "conversion_time"]
    ].assign(share=share, conversions=share, value=share * pairs["conversion_value"])
    return credits[credits["share"] > 0].reset_index(drop=True)


def _by_channel(credits: pd.DataFrame) -> pd.DataFrame:
    frame = (
        credits.groupby("channel", sort=False)[["conversions", "value"]]
        .sum()
        .reset_index()
        .astype({"channel": object, "conversions": "float64", "value": "float64"})
    )
    return frame.sort_values(
        ["value", "conversions", "channel"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
