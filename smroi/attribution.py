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
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from smroi.canonical import NOT_SET
from smroi.errors import InputFileError, SmroiError
from smroi.exports import normalise_header
from smroi.i18n import N_, Message, _, _n, listed
from smroi.isolation import read_table_isolated
from smroi.parsing import blank_cells, is_blank, map_unique, parse_dates, parse_numbers
from smroi.readers import check_size

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
NO_ANSWER = "(no answer)"
OTHER = "other"

# Column names recognised in touchpoint and conversion files (normalised as
# smroi.exports.normalise_header does), the best first.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "journey_id": (
        "journey_id",
        "journey",
        "user_id",
        "userid",
        "user",
        "client_id",
        "clientid",
        "customer_id",
        "customer",
        "visitor",
        "visitor_id",
        "anonymous_id",
        "cookie_id",
        "contact_id",
        "person_id",
        "lead_id",
    ),
    "timestamp": (
        "timestamp",
        "event_time",
        "event_timestamp",
        "datetime",
        "date_time",
        "time_stamp",
        "touch_time",
        "conversion_time",
        "order_time",
        "created_at",
        "occurred_at",
        "time",
        "date",
        "event_date",
        "order_date",
        "day",
    ),
    "channel": (
        "channel",
        "source",
        "utm_source",
        "platform",
        "session_source",
        "traffic_source",
        "marketing_channel",
        "channel_name",
        "source_platform",
    ),
    "campaign": ("campaign", "utm_campaign", "campaign_name"),
    "value": (
        "value",
        "revenue",
        "order_value",
        "conversion_value",
        "purchase_value",
        "sale_amount",
        "sales_value",
        "order_total",
        "amount",
        "total",
    ),
    "type": ("type", "event", "event_type", "event_name", "row_type", "record_type", "kind"),
}
# A time-of-day column beside a date column ("date", "time") is read as one timestamp.
TIME_ONLY_NAMES = frozenset({"time", "hour"})
DATE_ONLY_NAMES = ("date", "event_date", "order_date", "day")
# Values of a type/event column that mark a conversion row; any other value is a touch.
CONVERSION_TYPES = frozenset(
    {
        "conversion",
        "conversions",
        "convert",
        "converted",
        "purchase",
        "purchased",
        "order",
        "sale",
        "transaction",
        "checkout",
        "signup",
        "sign_up",
        "lead",
        "goal",
        "booking",
        "subscription",
    }
)
_SHOWN_ROWS = 10
_T = TypeVar("_T")


# ---------------------------------------------------------------- reading journeys


@dataclass(frozen=True, eq=False)
class Journeys:
    """Touchpoints and conversions, cleaned, with what the reader had to say about them.

    touchpoints: journey_id (text), timestamp (datetime64), channel (lower case),
        campaign (text or None), row (the file's row number), in the file's order.
    conversions: journey_id, timestamp, value (float), row.
    """

    touchpoints: pd.DataFrame
    conversions: pd.DataFrame
    warnings: tuple[str, ...] = ()


def read_journeys(
    touchpoints: tuple[str, bytes], conversions: tuple[str, bytes] | None = None
) -> Journeys:
    """Touchpoints and conversions from two files (name, bytes), or from one file that holds
    both: rows marked by a type/event column (purchase, order, conversion… are conversions),
    or else rows with a value other than 0 are conversions. InputFileError names the file
    and the problem when a file cannot be read or lacks a column."""
    touch_name, touch_data = touchpoints
    touch_table = _read(touch_name, touch_data)
    if conversions is None:
        return _guard(touch_name, lambda: journeys_from_tables(touch_table, name=touch_name))
    conversion_name, conversion_data = conversions
    conversion_table = _read(conversion_name, conversion_data)
    return _guard(
        f"{touch_name}, {conversion_name}",
        lambda: journeys_from_tables(
            touch_table,
            conversion_table,
            name=touch_name,
            conversions_name=conversion_name,
        ),
    )


def _read(name: str, data: bytes) -> pd.DataFrame:
    if not data:
        raise InputFileError(name, _("the file is empty."))
    check_size(name, len(data))
    return _guard(name, lambda: read_table_isolated(name, data))


def _guard(name: str, work: Callable[[], _T]) -> _T:
    """work(), with a bug shown as one sentence naming the file, never a traceback."""
    try:
        return work()
    except SmroiError:
        raise
    except Exception as exc:  # tests catch bugs; the user must not see a traceback
        error = f"{type(exc).__name__}: {exc}"
        raise InputFileError(
            name, _("smroi could not read it ({error}); please report this.", error=error)
        ) from exc


def journeys_from_tables(
    touchpoints: pd.DataFrame,
    conversions: pd.DataFrame | None = None,
    *,
    name: str = "touchpoints",
    conversions_name: str = "conversions",
) -> Journeys:
    """Journeys from tables with the files' own column names (see COLUMN_NAMES).

    With `conversions` None, `touchpoints` holds both kinds of row (see read_journeys); a
    conversion row there that names a channel is also a touch of that channel at the
    conversion's time (the visit that converted). Rows without a journey id or timestamp,
    or with a value that is not a number, are left out and listed in the warnings; a
    touch without a channel counts as "(not set)"; a conversion without a value counts
    with value 0.
    """
    notes: list[str] = []
    touch_cells = _cells(touchpoints, name, ("journey_id", "timestamp", "channel"))
    if conversions is not None:
        conversion_cells = _cells(
            conversions, conversions_name, ("journey_id", "timestamp", "value")
        )
        touches = _touches(touch_cells, _every(touch_cells), name, notes)
        converted = _conversions(
            conversion_cells, _every(conversion_cells), conversions_name, notes
        )
        return Journeys(touches, converted, tuple(notes))
    is_conversion = _conversion_rows(touch_cells, name, notes)
    # a conversion row that names a channel is the visit that converted: a touch too
    # (unless the row is left out)
    doubles = (
        is_conversion
        & ~touch_cells["channel_blank"]
        & touch_cells["usable"]
        & ~touch_cells["value_bad"]
    )
    if doubles.any():
        count = int(doubles.sum())
        notes.append(
            _n(
                "{file}: {count:,} conversion row names a channel; each counts as a touch of "
                "that channel at the conversion's time too.",
                "{file}: {count:,} conversion rows name a channel; each counts as a touch of "
                "that channel at the conversion's time too.",
                count,
                file=name,
                count=count,
            )
        )
    touches = _touches(touch_cells, ~is_conversion | doubles, name, notes)
    converted = _conversions(touch_cells, is_conversion, name, notes)
    return Journeys(touches, converted, tuple(notes))


def _every(cells: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=cells.index)


def _find_columns(headers: list[str]) -> dict[str, str]:
    """Role (journey_id, timestamp, …) -> the header that fills it."""
    normalised = {header: normalise_header(header) for header in headers}
    found: dict[str, str] = {}
    for role, names in COLUMN_NAMES.items():
        for wanted in names:
            header = next((h for h in headers if normalised[h] == wanted), None)
            if header is not None and header not in found.values():
                found[role] = header
                break
    return found


def _cells(frame: pd.DataFrame, name: str, required: tuple[str, ...]) -> pd.DataFrame:
    """The table's roles parsed: journey_id, timestamp, channel, campaign, value, type, the
    row number and what is wrong with each row (`problem`, None when usable)."""
    first_row = int(frame.attrs.get("first_row", 2))  # the file's row of the first data row
    # rows the reader could not read (more cells than the header): empty, with their reason
    unread: list[tuple[str, list[int]]] = frame.attrs.get("unread_rows", [])
    headers = [str(column) for column in frame.columns]
    frame = frame.set_axis(headers, axis=1).reset_index(drop=True)
    columns = _find_columns(headers)
    missing = [role for role in required if role not in columns]
    if missing:
        wanted = _semicolons(
            Message(_ROLE_COLUMNS[role], {"names": ", ".join(COLUMN_NAMES[role][:5])})
            for role in missing
        )
        raise InputFileError(
            name,
            _(
                "it needs {wanted}; its columns are: {columns}.",
                wanted=wanted,
                columns=", ".join(headers) or _("none"),
            ),
        )
    filled = np.zeros(len(frame), dtype=bool)
    for header in headers:
        filled |= ~blank_cells(frame[header]).to_numpy(dtype=bool)
    numbers = np.arange(len(frame)) + first_row
    for _reason, rows in unread:
        filled |= np.isin(numbers, rows)
    frame = frame[filled]  # an empty line is not a row of data
    cells = pd.DataFrame(index=frame.index)
    cells["row"] = frame.index.to_numpy() + first_row
    problem = pd.Series(None, index=frame.index, dtype=object)
    for reason, rows in unread:
        problem = problem.mask(cells["row"].isin(rows), reason)

    journey = map_unique(frame[columns["journey_id"]], _journey_id)
    cells["journey_id"] = journey
    problem = problem.mask(journey.isna() & problem.isna(), _("no journey id"))

    timestamps, bad = _timestamps(frame, columns)
    cells["timestamp"] = timestamps
    not_a_time = _("not a date and time in column {column}", column=columns["timestamp"])
    problem = problem.mask(bad & problem.isna(), not_a_time)
    problem = problem.mask(timestamps.isna() & problem.isna(), _("no timestamp"))
    # the column holds the reasons as plain text: keep their Messages to show them translated
    reasons: list[str] = [_("no journey id"), not_a_time, _("no timestamp"), _NOT_A_NUMBER]
    reasons += [reason for reason, _rows in unread]

    if "channel" in columns:
        channel = map_unique(frame[columns["channel"]], _channel)
        cells["channel_blank"] = channel.isna().astype(bool)
        cells["channel"] = channel.fillna(NOT_SET)
    else:
        cells["channel_blank"] = True
        cells["channel"] = NOT_SET
    cells["campaign"] = (
        map_unique(frame[columns["campaign"]], _text) if "campaign" in columns else None
    )
    if "value" in columns:
        values, bad_values, _notes = parse_numbers(frame[columns["value"]])
        cells["value"] = values
        cells["value_bad"] = bad_values.astype(bool)
    else:
        cells["value"] = np.nan
        cells["value_bad"] = False
    cells["type"] = map_unique(frame[columns["type"]], _type_word) if "type" in columns else None
    cells["problem"] = problem
    cells["usable"] = problem.isna()
    cells.attrs["columns"] = columns
    cells.attrs["reasons"] = {str(reason): reason for reason in reasons}
    return cells


def _timestamps(frame: pd.DataFrame, columns: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    header = columns["timestamp"]
    values = frame[header]
    date_header = next(
        (h for h in frame.columns if normalise_header(h) in DATE_ONLY_NAMES and h != header),
        None,
    )
    if normalise_header(header) in TIME_ONLY_NAMES and date_header is not None:
        days, bad_days, _notes = parse_dates(frame[date_header])
        clock = map_unique(values, _clock_time)
        bad = bad_days | (clock.isna() & ~blank_cells(values))
        moment = days + pd.to_timedelta(clock.fillna(0).astype("float64"), unit="s")
        return moment.where(clock.notna() | blank_cells(values)), bad.astype(bool)
    return parse_timestamps(values)


_CLOCK = re.compile(
    r"(?:^|[ T])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([AaPp])\.?[Mm]\.?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$"
)


def _clock_time(value: Any) -> float | None:
    """Seconds after midnight of a time of day written at the end of a cell: '14:30',
    '2:30 PM', '05/03/2026 09:15:30 +0100'; None if there is none."""
    if is_blank(value):
        return None
    if hasattr(value, "hour") and hasattr(value, "minute"):  # a datetime.time cell
        return float(value.hour * 3600 + value.minute * 60 + getattr(value, "second", 0))
    match = _CLOCK.search(str(value).strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    seconds = float(f"{match.group(3) or 0}.{match.group(4) or 0}")
    half = (match.group(5) or "").lower()
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half == "p" else 0)
    if hours > 23 or minutes > 59 or seconds >= 60:
        return None
    return hours * 3600 + minutes * 60 + seconds


def parse_timestamps(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Date and time of day from a column, and the cells that are not dates.

    smroi.parsing.parse_dates decides the date format for the whole column and keeps the
    time of ISO text, Excel serial numbers and date cells; of other formats
    ('05/03/2026 14:30', '3/5/2026 2:30 PM') it reads the day, and the time written after
    it is added here."""
    days, bad, _notes = parse_dates(values)
    at_midnight = days.notna() & (days == days.dt.normalize())
    if at_midnight.any() and not pd.api.types.is_datetime64_any_dtype(values):
        clock = map_unique(values[at_midnight], _clock_time).astype("float64")
        days = days.copy()
        days[at_midnight] = days[at_midnight] + pd.to_timedelta(clock.fillna(0.0), unit="s")
    return days, bad.astype(bool)


def _journey_id(value: Any) -> str | None:
    """'  A17 ' -> 'A17'; 123.0 (a number cell in Excel) -> '123'."""
    if is_blank(value):
        return None
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


def _channel(value: Any) -> str | None:
    """'  Instagram ' -> 'instagram': lower case, stripped, inner spaces made single."""
    if is_blank(value):
        return None
    return " ".join(str(value).split()).lower()


def _text(value: Any) -> str | None:
    return None if is_blank(value) else " ".join(str(value).split())


def _type_word(value: Any) -> str | None:
    return None if is_blank(value) else normalise_header(value)


def _conversion_rows(cells: pd.DataFrame, name: str, notes: list[str]) -> pd.Series:
    """Which rows of a one-file table are conversions: by its type column, else by a value."""
    columns: dict[str, str] = cells.attrs["columns"]
    if "type" in columns:
        marked = cells["type"].isin(CONVERSION_TYPES)
        if marked.any():
            if "value" not in columns:
                raise InputFileError(
                    name,
                    _(
                        "its conversion rows (column {column}) need a value column ({names}…).",
                        column=columns["type"],
                        names=", ".join(COLUMN_NAMES["value"][:4]),
                    ),
                )
            kinds = sorted({str(t) for t in cells.loc[marked, "type"]})
            notes.append(
                _(
                    "{file}: rows of type {types} are read as conversions, the other rows as "
                    "touches.",
                    file=name,
                    types=", ".join(kinds),
                )
            )
            return marked.astype(bool)
    if "value" in columns:
        # a value other than 0 marks a conversion; a value that is not a number is a
        # conversion row to leave out, not a touch
        value = cells["value"]
        return ((value.notna() & (value != 0)) | cells["value_bad"]).astype(bool)
    raise InputFileError(
        name,
        _(
            "it cannot tell touches from conversions: give the conversions in a second file, "
            "or add a type column (touch, purchase…) or a value column filled on conversion "
            "rows."
        ),
    )


def _touches(cells: pd.DataFrame, rows: pd.Series, name: str, notes: list[str]) -> pd.DataFrame:
    """The touch rows, in the file's order; unusable ones listed in the notes."""
    chosen = cells[rows.to_numpy(dtype=bool)]
    _report_rows(chosen, name, "touch", notes)
    usable = chosen[chosen["usable"]]
    unset = int(usable["channel_blank"].sum())
    if unset:
        notes.append(
            _n(
                "{file}: {count:,} touch without a channel counts as {not_set}.",
                "{file}: {count:,} touches without a channel count as {not_set}.",
                unset,
                file=name,
                count=unset,
                not_set=repr(NOT_SET),
            )
        )
    return pd.DataFrame(
        {
            "journey_id": usable["journey_id"].astype(object),
            "timestamp": usable["timestamp"].astype("datetime64[ns]"),
            "channel": usable["channel"].astype(object),
            "campaign": _none_for_missing(usable["campaign"]),
            "row": usable["row"].astype("int64"),
        }
    ).reset_index(drop=True)


def _none_for_missing(values: pd.Series) -> pd.Series:
    """Text with None (not NaN) where a cell is empty."""
    values = values.astype(object)
    return values.where(values.notna(), None)


def _conversions(cells: pd.DataFrame, rows: pd.Series, name: str, notes: list[str]) -> pd.DataFrame:
    chosen = cells[rows.to_numpy(dtype=bool)].copy()
    bad_value = chosen["value_bad"] & chosen["usable"]
    if bad_value.any():
        chosen["problem"] = chosen["problem"].mask(bad_value, str(_NOT_A_NUMBER))
    chosen["usable"] = chosen["problem"].isna()
    _report_rows(chosen, name, "conversion", notes)
    usable = chosen[chosen["usable"]]
    no_value = int(usable["value"].isna().sum())
    if no_value:
        notes.append(
            _n(
                "{file}: {count:,} conversion without a value counts as 0.",
                "{file}: {count:,} conversions without a value count as 0.",
                no_value,
                file=name,
                count=no_value,
            )
        )
    negative = int((usable["value"] < 0).sum())
    if negative:
        notes.append(
            _n(
                "{file}: {count:,} conversion with a negative value (a refund?) is split like "
                "the others.",
                "{file}: {count:,} conversions with a negative value (a refund?) are split like "
                "the others.",
                negative,
                file=name,
                count=negative,
            )
        )
    return pd.DataFrame(
        {
            "journey_id": usable["journey_id"].astype(object),
            "timestamp": usable["timestamp"].astype("datetime64[ns]"),
            "value": usable["value"].fillna(0.0).astype("float64"),
            "row": usable["row"].astype("int64"),
        }
    ).reset_index(drop=True)


def _report_rows(chosen: pd.DataFrame, name: str, kind: str, notes: list[str]) -> None:
    """'touches.csv: 2 touch rows left out (no journey id): rows 4, 9.'"""
    left_out = chosen[~chosen["usable"]]
    reasons: dict[str, str] = chosen.attrs.get("reasons", {})
    for reason, group in left_out.groupby("problem", sort=False):
        rows = group["row"].tolist()
        fields = {
            "file": name,
            "count": len(rows),
            "reason": reasons.get(str(reason), str(reason)),
            "rows": listed(rows, _SHOWN_ROWS),
        }
        if kind == "touch":
            note = _n(
                "{file}: {count:,} touch row left out ({reason}): row {rows}.",
                "{file}: {count:,} touch rows left out ({reason}): rows {rows}.",
                len(rows),
                **fields,
            )
        else:
            note = _n(
                "{file}: {count:,} conversion row left out ({reason}): row {rows}.",
                "{file}: {count:,} conversion rows left out ({reason}): rows {rows}.",
                len(rows),
                **fields,
            )
        notes.append(note)


_NOT_A_NUMBER = _("the value is not a number")
# What a file without a column needs, per role (the names it looks for fill {names})
_ROLE_COLUMNS: dict[str, str] = {
    "journey_id": N_("a journey id column ({names}…)"),
    "timestamp": N_("a timestamp column ({names}…)"),
    "channel": N_("a channel column ({names}…)"),
    "value": N_("a value column ({names}…)"),
}


def _semicolons(items: Iterable[str]) -> str:
    """'a', 'a; b', 'a; b; c': a Message whose separator translates; items may be Messages."""
    listed = list(items)
    joined = listed[0]
    for item in listed[1:]:
        joined = _("{items}; {item}", items=joined, item=item)
    return joined


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


# ---------------------------------------------------------------- coupons


COUPON_CODE_NAMES = (
    "coupon_code",
    "coupon",
    "code",
    "discount_code",
    "promo_code",
    "voucher",
    "voucher_code",
)
COUPON_PLATFORM_NAMES = ("platform", "channel", "source", "given_on", "network")


@dataclass(frozen=True, eq=False)
class CouponAttribution:
    """Orders with coupon codes, by the platform that gave out the code.

    by_platform: platform, orders, value (biggest value first).
    unmatched: coupon_code (as first written), orders, value: codes no platform gave out.
    The orders and value of both add up to those of the orders with a code.
    """

    by_platform: pd.DataFrame
    unmatched: pd.DataFrame
    orders_without_code: float
    value_without_code: float


def coupon_key(code: Any) -> str:
    """A code as it is matched: case and surrounding spaces do not count ('Summer10 ' ->
    'summer10')."""
    return " ".join(str(code).split()).casefold()


def coupon_map(frame: pd.DataFrame, *, source: str = "coupon table") -> dict[str, str]:
    """The coupon -> platform table from a table with a code column (coupon_code, coupon,
    code, discount_code, promo_code…) and a platform column (platform, channel, source…).
    Keys are matched case-insensitively (coupon_key); platforms are lower case. A code
    given to two platforms is an InputFileError."""
    headers = [str(column) for column in frame.columns]
    normalised = {header: normalise_header(header) for header in headers}
    code = next((h for n in COUPON_CODE_NAMES for h in headers if normalised[h] == n), None)
    platform = next(
        (h for n in COUPON_PLATFORM_NAMES for h in headers if normalised[h] == n and h != code),
        None,
    )
    if code is None or platform is None:
        raise InputFileError(
            source,
            _(
                "it needs a coupon code column (coupon_code, coupon, code…) and a platform "
                "column (platform, channel…); its columns are: {columns}.",
                columns=", ".join(headers) or _("none"),
            ),
        )
    rows = frame.set_axis(headers, axis=1)
    pairs = {
        str(c): str(p)
        for c, p in zip(rows[code], rows[platform], strict=True)
        if not is_blank(c) and not is_blank(p)
    }
    return _coupon_table(pairs, source)


def _coupon_table(coupons: Mapping[str, str], source: str) -> dict[str, str]:
    table: dict[str, str] = {}
    clashes: list[str] = []
    for code, platform in coupons.items():
        key, name = coupon_key(code), _channel(platform)
        if not key or name is None:
            continue
        if key in table and table[key] != name:
            clashes.append(
                _(
                    "{code} is given to both {first} and {second}",
                    code=repr(code),
                    first=table[key],
                    second=name,
                )
            )
        table.setdefault(key, name)
    if clashes:
        raise InputFileError(source, _("{problems}.", problems=_semicolons(clashes)))
    return table


def attribute_coupons(orders: pd.DataFrame, coupons: Mapping[str, str]) -> CouponAttribution:
    """Orders (the canonical table: coupon_code, conversions, revenue) attributed to the
    platform whose code they used. A row is `conversions` orders (1 when empty) worth its
    revenue (0 when empty). Codes match case-insensitively. A cell with several codes
    ('SUMMER, IG10') splits its order evenly over them."""
    table = _coupon_table(coupons, "coupon table")
    if "coupon_code" in orders:
        codes = orders["coupon_code"].astype(object)
    else:
        codes = pd.Series(None, index=orders.index, dtype=object)
    count = (
        pd.to_numeric(orders["conversions"], errors="coerce")
        if "conversions" in orders
        else pd.Series(np.nan, index=orders.index)
    ).fillna(1.0)
    value = (
        pd.to_numeric(orders["revenue"], errors="coerce")
        if "revenue" in orders
        else pd.Series(np.nan, index=orders.index)
    ).fillna(0.0)
    blank = blank_cells(codes).to_numpy(dtype=bool)
    parts = []
    for code, n, v in zip(codes[~blank], count[~blank], value[~blank], strict=True):
        text = " ".join(str(code).split())
        split = [text] if coupon_key(text) in table else _split_codes(text)
        for each in split:
            parts.append((each, coupon_key(each), n / len(split), v / len(split)))
    found = pd.DataFrame(parts, columns=["written", "key", "orders", "value"])
    found["platform"] = found["key"].map(table)
    matched = found[found["platform"].notna()]
    by_platform = (
        matched.groupby("platform", sort=False)[["orders", "value"]]
        .sum()
        .reset_index()
        .sort_values(["value", "orders", "platform"], ascending=[False, False, True])
        .reset_index(drop=True)
    )
    loose = found[found["platform"].isna()]
    unmatched = (
        loose.groupby("key", sort=False)
        .agg(coupon_code=("written", "first"), orders=("orders", "sum"), value=("value", "sum"))
        .reset_index(drop=True)
        .sort_values(["value", "orders"], ascending=False, kind="stable")
        .reset_index(drop=True)
    )
    return CouponAttribution(
        by_platform=by_platform.astype({"orders": "float64", "value": "float64"}),
        unmatched=unmatched.astype({"orders": "float64", "value": "float64"}),
        orders_without_code=float(count[blank].sum()),
        value_without_code=float(value[blank].sum()),
    )


def _split_codes(text: str) -> list[str]:
    codes = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
    return codes or [text]


# ---------------------------------------------------------------- self-reported


# keyword -> channel; matched as whole words, case and accents ignored
SURVEY_RULES: dict[str, str] = {
    "instagram": "instagram",
    "insta": "instagram",
    "ig": "instagram",
    "facebook": "facebook",
    "fb": "facebook",
    "linkedin": "linkedin",
    "linked in": "linkedin",
    "tiktok": "tiktok",
    "tik tok": "tiktok",
    "twitter": "x",
    "tweet": "x",
    "x": "x",
    "youtube": "youtube",
    "yt": "youtube",
    "pinterest": "pinterest",
    "reddit": "reddit",
    "google": "google",
    "friend": "word of mouth",
    "friends": "word of mouth",
    "word of mouth": "word of mouth",
    "recommended": "word of mouth",
    "recommendation": "word of mouth",
    "newsletter": "email",
    "email": "email",
    "e-mail": "email",
}


def _fold(text: str) -> str:
    """Lower case without accents, spaces made single: 'Ínstagram  ' -> 'instagram'."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class SurveyRules:
    """Keyword rules compiled once: the earliest keyword in an answer decides its channel
    (at one place, the longest keyword: "word of mouth" before "word")."""

    pattern: re.Pattern[str] | None
    channels: dict[str, str]


def survey_rules(rules: Mapping[str, str] = SURVEY_RULES) -> SurveyRules:
    """The rules (keyword -> channel) checked and compiled; SmroiError lists every keyword
    without a channel. Blank keywords are skipped."""
    channels: dict[str, str] = {}
    problems = []
    for keyword, channel in rules.items():
        if is_blank(keyword) or not _fold(keyword):
            continue
        name = _channel(channel)
        if name is None:
            problems.append(
                _("the keyword {keyword} has no channel", keyword=repr(str(keyword).strip()))
            )
            continue
        channels.setdefault(_fold(keyword), name)
    if problems:
        raise SmroiError(_("Survey rules: {problems}.", problems=_semicolons(problems)))
    if not channels:
        return SurveyRules(None, {})
    words = sorted(channels, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in word.split(" ")) for word in words)
    # whole words: no letter or digit right before or after ("igloo" is not "ig")
    return SurveyRules(re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])"), channels)


def survey_channel(answer: Any, rules: Mapping[str, str] | SurveyRules = SURVEY_RULES) -> str:
    """The channel of one answer: the channel of the first keyword in it, "other" when no
    keyword matches, "(no answer)" for a blank answer."""
    compiled = rules if isinstance(rules, SurveyRules) else survey_rules(rules)
    if is_blank(answer):
        return NO_ANSWER
    if compiled.pattern is None:
        return OTHER
    match = compiled.pattern.search(_fold(answer))
    if match is None:
        return OTHER
    return compiled.channels[" ".join(match.group(0).split())]


def survey_channels(
    answers: Iterable[Any], rules: Mapping[str, str] | SurveyRules = SURVEY_RULES
) -> pd.Series:
    """The channel of every answer (see survey_channel), in the answers' order."""
    compiled = rules if isinstance(rules, SurveyRules) else survey_rules(rules)
    series = answers if isinstance(answers, pd.Series) else pd.Series(list(answers), dtype=object)
    return map_unique(series.astype(object), lambda a: survey_channel(a, compiled))


def self_reported(
    answers: Iterable[Any], rules: Mapping[str, str] | SurveyRules = SURVEY_RULES
) -> pd.DataFrame:
    """How many answers name each channel: channel, answers; most first, "other" and
    "(no answer)" last. Shown beside tracked attribution, never added to it."""
    channels = survey_channels(answers, rules)
    counts = channels.value_counts(sort=False).rename_axis("channel").reset_index(name="answers")
    counts["answers"] = counts["answers"].astype("int64")
    counts["last"] = counts["channel"].map({OTHER: 1, NO_ANSWER: 2}).fillna(0)
    counts = counts.sort_values(
        ["last", "answers", "channel"], ascending=[True, False, True], kind="stable"
    )
    return counts.drop(columns="last").reset_index(drop=True)
