"""How many share links one person may make, and how much the store may hold (plain Python).

An owner session (one browser session of the app) may make at most SMROI_SHARES_PER_HOUR
links (20) and SMROI_SHARE_MB_PER_HOUR megabytes of snapshots (100) in any hour, and the
whole store holds at most SMROI_STORE_MB megabytes (1000). The links are counted in the
database (smroi.store checks and records them in the transaction that saves the link),
so the limits hold on every replica. A session is known by the SHA-256 of a random id
made for it (`owner_hash`), never by the id itself or anything about the person.
Links made on the command line belong to no session: only the store's size limits them.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from smroi.errors import SmroiError
from smroi.i18n import _, _n

WINDOW = timedelta(hours=1)  # "per hour": the hour before each new link
MB = 1024 * 1024
SHARES_PER_HOUR_VARIABLE = "SMROI_SHARES_PER_HOUR"
MB_PER_HOUR_VARIABLE = "SMROI_SHARE_MB_PER_HOUR"
STORE_MB_VARIABLE = "SMROI_STORE_MB"
DEFAULT_SHARES_PER_HOUR = 20
DEFAULT_MB_PER_HOUR = 100
DEFAULT_STORE_MB = 1000


@dataclass(frozen=True, kw_only=True)
class Limits:
    """What one owner session may share in an hour, and what the whole store may hold."""

    shares_per_hour: int = DEFAULT_SHARES_PER_HOUR
    bytes_per_hour: int = DEFAULT_MB_PER_HOUR * MB
    store_bytes: int = DEFAULT_STORE_MB * MB


@dataclass(frozen=True)
class Share:
    """One link an owner made: when, and how many bytes its snapshot takes in the store."""

    created_at: datetime  # timezone-aware
    size: int


class ShareLimitReached(SmroiError):
    """This owner session has made as many links, or shared as many bytes, as an hour allows."""

    def __init__(self, message: str, free_at: datetime | None) -> None:
        self.free_at = free_at  # when a link can be made again; None: not this report, ever
        super().__init__(message)


class StoreFull(SmroiError):
    """The store holds as many bytes of snapshots as it may: no link can be made."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(
            _(
                "The report store is full (it may hold {limit} MB of shared reports), so no "
                "link can be made just now; tell whoever runs this site.",
                limit=whole_mb(limit),
            )
        )


def owner_hash(session_id: str) -> str:
    """What the store keeps of an owner session's random id: its SHA-256, in hex."""
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def whole_mb(size: int) -> int:
    """A size limit in whole megabytes (rounded up), for a sentence."""
    return math.ceil(size / MB)


def limits_from_environment(environ: Mapping[str, str] | None = None) -> Limits:
    """The limits set by SMROI_SHARES_PER_HOUR, SMROI_SHARE_MB_PER_HOUR and SMROI_STORE_MB
    (a variable left unset or empty keeps its default); SmroiError for a value that is not
    a whole number of 1 or more."""
    environ = os.environ if environ is None else environ
    return Limits(
        shares_per_hour=_whole(environ, SHARES_PER_HOUR_VARIABLE, DEFAULT_SHARES_PER_HOUR),
        bytes_per_hour=_whole(environ, MB_PER_HOUR_VARIABLE, DEFAULT_MB_PER_HOUR) * MB,
        store_bytes=_whole(environ, STORE_MB_VARIABLE, DEFAULT_STORE_MB) * MB,
    )


def _whole(environ: Mapping[str, str], name: str, default: int) -> int:
    """The variable's whole number (1 or more), or the default when it is unset or empty."""
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise SmroiError(
            _(
                "{variable} must be a whole number of 1 or more (it is {value}).",
                variable=name,
                value=text,
            )
        )
    return value


def recent(shares: Sequence[Share], now: datetime) -> list[Share]:
    """The shares that count against the hour before `now`, oldest first."""
    return sorted((s for s in shares if s.created_at > now - WINDOW), key=lambda s: s.created_at)


def links_free_at(shares: Sequence[Share], limit: int, now: datetime) -> datetime | None:
    """When this owner may make another link (None: now): the hour after the oldest link
    that must first leave the count."""
    counted = recent(shares, now)
    if len(counted) < limit:
        return None
    return counted[len(counted) - limit].created_at + WINDOW


def bytes_free_at(shares: Sequence[Share], size: int, limit: int, now: datetime) -> datetime | None:
    """When this owner may share `size` more bytes (None: now): the hour after the newest of
    the oldest links that must leave the count to make room. Raises ShareLimitReached with
    no time if `size` alone is more than an hour allows."""
    if size > limit:
        raise ShareLimitReached(
            _(
                "This report would take {size} MB, more than the {limit} MB one session may "
                "share in an hour. Choose a shorter period or fewer platforms and share again.",
                size=whole_mb(size),
                limit=whole_mb(limit),
            ),
            None,
        )
    counted = recent(shares, now)
    used = sum(share.size for share in counted)
    free_at = None
    for share in counted:  # size <= limit: once all have left the count, it fits
        if used + size <= limit:
            break
        used -= share.size
        free_at = share.created_at + WINDOW
    return free_at


def check_share(
    shares: Sequence[Share],
    size: int,
    stored: int,
    limits: Limits,
    now: datetime,
) -> None:
    """Whether a link whose snapshot takes `size` bytes may be made at `now` by an owner who
    made `shares`, in a store that holds `stored` bytes: raises ShareLimitReached (with when
    it may) or StoreFull, else returns."""
    free_at = links_free_at(shares, limits.shares_per_hour, now)
    if free_at is not None:
        raise ShareLimitReached(
            _n(
                "You have made {count} link in the last hour, as many as one session may; "
                "you can make more at {time:%H:%M} UTC.",
                "You have made {count} links in the last hour, as many as one session may; "
                "you can make more at {time:%H:%M} UTC.",
                limits.shares_per_hour,
                count=limits.shares_per_hour,
                time=clock(free_at),
            ),
            free_at,
        )
    free_at = bytes_free_at(shares, size, limits.bytes_per_hour, now)
    if free_at is not None:
        raise ShareLimitReached(
            _(
                "This report would take your session past the {limit} MB of reports it may "
                "share in an hour; you can share it at {time:%H:%M} UTC.",
                limit=whole_mb(limits.bytes_per_hour),
                time=clock(free_at),
            ),
            free_at,
        )
    if stored + size > limits.store_bytes:
        raise StoreFull(limits.store_bytes)


def clock(moment: datetime) -> time:
    """The time of day a sentence shows for `moment`: hours and minutes, rounded up to the
    minute (so that "at 16:42" is never a moment too early)."""
    whole = moment.replace(second=0, microsecond=0)
    if whole < moment:
        whole += timedelta(minutes=1)
    return whole.time()
