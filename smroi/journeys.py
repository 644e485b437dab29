"""Reading touchpoint and conversion files into journeys for smroi.attribution: the
columns found by their names (any language's export normalised as smroi.exports does),
timestamps with their time of day, and every row either used or reported with its reason.

Timestamps are read with smroi.parsing.parse_dates, keeping the time of day; a UTC offset
written after the time is dropped and the clock time is compared as written (smroi's rule
for dates), so files should use one time zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
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
        wanted = semicolon_list(
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
        channel = map_unique(frame[columns["channel"]], channel_key)
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


def channel_key(value: Any) -> str | None:
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


def semicolon_list(items: Iterable[str]) -> str:
    """'a', 'a; b', 'a; b; c': a Message whose separator translates; items may be Messages."""
    listed = list(items)
    joined = listed[0]
    for item in listed[1:]:
        joined = _("{items}; {item}", items=joined, item=item)
    return joined
