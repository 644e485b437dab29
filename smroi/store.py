"""Shared reports: a snapshot of the dashboard saved under a random token (docs/DESIGN.md,
"Sharing with a boss").

A snapshot holds the canonical table (as Parquet, compressed with zstd) and the settings,
import reports and date/platform filters (as JSON); nothing is ever pickled, so a database
row cannot run code. The store is SQLAlchemy over SQLite in a local file by default, or the
database named by SMROI_DATABASE_URL (PostgreSQL when several app replicas serve one site).
Tokens are 256 random bits; a password is kept only as a salted scrypt hash. This module is
plain Python: it never imports streamlit.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import secrets
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from smroi.canonical import conform
from smroi.errors import SmroiError
from smroi.i18n import _
from smroi.ingest import ImportReport
from smroi.settings import Settings, settings_from_json, settings_to_json
from smroi.snapshot_payload import (
    FORMAT_VERSION,
    day_from_text,
    details_to_json,
    report_from_dict,
    table_from_parquet,
    table_to_parquet,
)

SCHEMA_VERSION = 1  # the layout of the tables below; a newer database is refused
MAX_SNAPSHOT_BYTES = 50 * 1024 * 1024  # stored payload: Parquet table + JSON
MAX_TITLE_CHARS = 200
MAX_EXPIRES_DAYS = 3650  # a link expires at most ten years after it is made (0 = never)
BACKENDS = ("sqlite", "postgresql")  # the databases the store is made and tested for
DEFAULT_TITLE = "Social media ROI report"
NOT_AVAILABLE = _("This report link is not valid (unknown, expired or revoked).")

_MB = 1024 * 1024
_TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 43 url-safe characters
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P, _SCRYPT_LEN = 2**14, 8, 1, 32
_SCRYPT_MAXMEM = 64 * _MB
_SCHEMA_LOCK_KEY = 0x5347_524F_4931  # PostgreSQL advisory lock held while creating tables
_WRITE = "smroi_write"  # execution option: on SQLite, take the write lock at BEGIN


# ---------------------------------------------------------------- errors


class ReportNotAvailable(SmroiError):
    """The token is unknown, or its report has expired or been revoked."""

    def __init__(self, message: str = NOT_AVAILABLE) -> None:
        super().__init__(message)


class PasswordNeeded(SmroiError):
    """The report has a password and none was given."""

    def __init__(
        self, message: str = _("This report has a password; enter it to open it.")
    ) -> None:
        super().__init__(message)


class WrongPassword(SmroiError):
    """The password given is not the report's."""

    def __init__(self, message: str = _("That password is not right.")) -> None:
        super().__init__(message)


class SnapshotTooLarge(SmroiError):
    """The snapshot would take more room than a shared report may."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            _(
                "This report would take {size} MB to save, more than the {limit} MB a shared "
                "report can hold. Choose a shorter period or fewer platforms and share again.",
                size=_megabytes(size),
                limit=_megabytes(limit),
            )
        )


# ---------------------------------------------------------------- what the store returns


@dataclass(frozen=True)
class ReportInfo:
    """What a list of shared links shows about one report; no data."""

    token: str
    title: str
    created_at: datetime  # timezone-aware UTC
    expires_at: datetime | None
    revoked: bool
    has_password: bool


@dataclass(frozen=True)
class Snapshot:
    """A shared report as it was saved: the table, settings, import reports and filters."""

    info: ReportInfo
    table: pd.DataFrame  # the canonical table (smroi.canonical.conform), RangeIndex
    settings: Settings
    reports: list[ImportReport]
    start: date | None  # the dashboard's date filter at share time
    end: date | None
    platforms: tuple[str, ...] | None


# ---------------------------------------------------------------- tables


class _UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back timezone-aware (SQLite keeps no zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps for the report store must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # a SQLite column read without its type
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


_METADATA = sa.MetaData()
_SCHEMA = sa.Table(
    "schema_version",
    _METADATA,
    sa.Column("version", sa.Integer, nullable=False),
)
_REPORTS = sa.Table(
    "shared_reports",
    _METADATA,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("title", sa.String(MAX_TITLE_CHARS), nullable=False),
    sa.Column("created_at", _UTCDateTime, nullable=False),
    sa.Column("expires_at", _UTCDateTime, nullable=True),
    sa.Column("revoked_at", _UTCDateTime, nullable=True),
    sa.Column("password_hash", sa.String(255), nullable=True),
    sa.Column("table_parquet", sa.LargeBinary, nullable=False),
    sa.Column("settings_json", sa.Text, nullable=False),
    sa.Column("details_json", sa.Text, nullable=False),
    sa.Column("payload_bytes", sa.BigInteger, nullable=False),
)
_INFO_COLUMNS = (
    _REPORTS.c.token,
    _REPORTS.c.title,
    _REPORTS.c.created_at,
    _REPORTS.c.expires_at,
    _REPORTS.c.revoked_at,
    _REPORTS.c.password_hash,
)


# ---------------------------------------------------------------- engines


_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _new_token() -> str:
    """A random token (256 bits) that does not start with "-", so that a command line
    does not take it for an option (`smroi revoke TOKEN`)."""
    while (token := secrets.token_urlsafe(_TOKEN_BYTES)).startswith("-"):
        pass
    return token


def token_of(link_or_token: str) -> str:
    """The token of a share link ("…/?report=TOKEN"), or the text itself."""
    text = link_or_token.strip()
    return text.split("report=", 1)[1].split("&", 1)[0] if "report=" in text else text


def database_url() -> str:
    """SMROI_DATABASE_URL, else SQLite in the file SMROI_DATA_DIR (default ~/.smroi)/reports.sqlite;
    the app and the CLI use the same."""
    configured = os.environ.get("SMROI_DATABASE_URL", "").strip()
    if configured:
        return configured
    folder = Path(os.environ.get("SMROI_DATA_DIR", "").strip() or "~/.smroi").expanduser()
    return f"sqlite:///{(folder.absolute() / 'reports.sqlite').as_posix()}"


def _engine(url: str) -> Engine:
    """The one engine for this URL in this process."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _ENGINES[url] = _new_engine(url)
        return engine


def _dispose_engine(url: str) -> None:
    """Close the pooled connections to this URL (for tests and shutdown)."""
    with _ENGINES_LOCK:
        engine = _ENGINES.pop(url, None)
    if engine is not None:
        engine.dispose()


def _new_engine(url: str) -> Engine:
    try:
        parsed = sa.make_url(url)
    except ArgumentError:
        raise SmroiError(
            "The report database address (SMROI_DATABASE_URL) is not a database URL such as "
            "sqlite:///path/reports.sqlite or postgresql+psycopg://user:password@host/db."
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() not in BACKENDS:
        raise SmroiError(
            f"The report database address (SMROI_DATABASE_URL) {shown} is not one smroi can "
            "use: it keeps shared reports in SQLite or PostgreSQL (sqlite:///path/reports.sqlite "
            "or postgresql+psycopg://user:password@host/db)."
        )
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        waits = {} if "connect_timeout" in parsed.query else {"connect_timeout": 10}
        return sa.create_engine(parsed, pool_pre_ping=True, connect_args=waits)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise SmroiError(f"smroi cannot use the report database {shown}: {exc}") from None
    except OSError as exc:  # the folder of a SQLite file cannot be made
        raise SmroiError(
            f"The folder for the report database {shown} cannot be made ({exc.strerror}); "
            "set SMROI_DATA_DIR (or SMROI_DATABASE_URL) to a folder smroi can write to."
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    """SQLite in WAL mode, shared by threads; writers wait up to 30 s for each other."""
    in_memory = url.database in (None, "", ":memory:")
    if not in_memory and url.database and not url.database.startswith("file:"):
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        url,
        connect_args={"timeout": 30, "check_same_thread": False},
        poolclass=sa.pool.StaticPool if in_memory else None,
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by sqlite3
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 30000")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


# ---------------------------------------------------------------- the store


class ReportStore:
    """Shared-report snapshots in a database, looked up by their token."""

    def __init__(self, url: str | None = None) -> None:
        """Open the store at this URL (default database_url()), creating its tables if new."""
        self._engine = _engine(url or database_url())
        self._writer = self._engine.execution_options(**{_WRITE: True})
        with self._failures("open"):
            self._ensure_schema()

    @contextmanager
    def _failures(self, doing: str) -> Iterator[None]:
        """The database failing (unreachable, read-only, its disk full) as a SmroiError of
        one line: "smroi cannot {doing} the report database URL (its reason)."."""
        try:
            yield
        except sa.exc.OperationalError as exc:
            shown = self._engine.url.render_as_string(hide_password=True)
            reason = (str(exc.orig or exc).strip().splitlines() or ["no reason given"])[0]
            problem = f"smroi cannot {doing} the report database {shown} ({reason})."
            raise SmroiError(problem) from exc

    def save(
        self,
        table: pd.DataFrame,
        settings: Settings,
        *,
        title: str,
        reports: Iterable[ImportReport] = (),
        start: date | None = None,
        end: date | None = None,
        platforms: Iterable[str] | None = None,
        expires_days: float | None = None,
        password: str | None = None,
        now: datetime | None = None,
    ) -> str:
        """Save a snapshot of the dashboard and return the token of its link."""
        created = _utc(now)
        expires = _expiry(created, expires_days)
        canonical = conform(table.reset_index(drop=True))
        parquet = table_to_parquet(canonical)
        settings_text = settings_to_json(settings)
        details = details_to_json(canonical, list(reports), start, end, platforms)
        size = len(parquet) + len(settings_text.encode()) + len(details.encode())
        if size > MAX_SNAPSHOT_BYTES:
            raise SnapshotTooLarge(size, MAX_SNAPSHOT_BYTES)
        token = _new_token()
        row = {
            "token": token,
            "title": _clean_title(title),
            "created_at": created,
            "expires_at": expires,
            "revoked_at": None,
            "password_hash": _hash_password(password) if password else None,
            "table_parquet": parquet,
            "settings_json": settings_text,
            "details_json": details,
            "payload_bytes": size,
        }
        with self._failures("write to"), self._writer.begin() as connection:
            connection.execute(_REPORTS.insert().values(**row))
        return token

    def open(
        self, token: str, password: str | None = None, *, now: datetime | None = None
    ) -> Snapshot:
        """The saved snapshot; raises ReportNotAvailable, PasswordNeeded or WrongPassword."""
        info, password_hash = self._available(token, _utc(now))
        if password_hash is not None:
            if not password:
                raise PasswordNeeded()
            if not _password_matches(password, password_hash):
                raise WrongPassword()
        query = sa.select(
            _REPORTS.c.table_parquet, _REPORTS.c.settings_json, _REPORTS.c.details_json
        ).where(_REPORTS.c.token == info.token)
        with self._failures("read"), self._engine.connect() as connection:
            payload = connection.execute(query).one_or_none()
        if payload is None:  # deleted between the two reads
            raise ReportNotAvailable()
        return _snapshot(info, bytes(payload[0]), payload[1], payload[2])

    def info(self, token: str, *, now: datetime | None = None) -> ReportInfo:
        """The report's title and dates, without its data; raises ReportNotAvailable."""
        return self._available(token, _utc(now))[0]

    def needs_password(self, token: str) -> bool:
        """Whether opening this report asks for a password (False if it cannot be opened)."""
        try:
            _info, password_hash = self._available(token, _utc(None))
        except ReportNotAvailable:
            return False
        return password_hash is not None

    def revoke(self, token: str) -> bool:
        """Revoke the link; True if it existed and was not yet revoked."""
        if not _token_shape_ok(token):
            return False
        statement = (
            _REPORTS.update()
            .where(_REPORTS.c.token == token, _REPORTS.c.revoked_at.is_(None))
            .values(revoked_at=_utc(None))
        )
        with self._failures("write to"), self._writer.begin() as connection:
            return connection.execute(statement).rowcount == 1

    # ------------------------------------------------------------ inside

    def _available(self, token: str, now: datetime) -> tuple[ReportInfo, str | None]:
        """The report's info and password hash, if it can be opened at `now`."""
        if not _token_shape_ok(token):
            raise ReportNotAvailable()
        query = sa.select(*_INFO_COLUMNS).where(_REPORTS.c.token == token)
        with self._failures("read"), self._engine.connect() as connection:
            row = connection.execute(query).one_or_none()
        if row is None or row.revoked_at is not None:
            raise ReportNotAvailable()
        if row.expires_at is not None and now >= row.expires_at:
            raise ReportNotAvailable()
        info = ReportInfo(
            token=row.token,
            title=row.title,
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked=False,
            has_password=row.password_hash is not None,
        )
        return info, row.password_hash

    def _ensure_schema(self) -> None:
        """Create the tables on first use; refuse a database made by a newer smroi."""
        with self._engine.connect() as connection:
            version = _schema_version(connection)
        if version is None:
            with self._writer.begin() as connection:
                if connection.dialect.name == "postgresql":  # one replica creates, others wait
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_SCHEMA_LOCK_KEY)))
                version = _schema_version(connection)  # another process may have just made it
                if version is None:
                    _METADATA.create_all(connection, checkfirst=True)
                    connection.execute(_SCHEMA.insert().values(version=SCHEMA_VERSION))
                    version = SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            shown = self._engine.url.render_as_string(hide_password=True)
            raise SmroiError(
                f"The report database {shown} was made by a newer smroi (schema version "
                f"{version}; this smroi knows version {SCHEMA_VERSION}). Update smroi to "
                "open it."
            )


# ---------------------------------------------------------------- helpers


def _schema_version(connection: Connection) -> int | None:
    """The database's schema version, or None when its tables are not made yet."""
    if not sa.inspect(connection).has_table(_SCHEMA.name):
        return None
    version = connection.execute(sa.select(sa.func.max(_SCHEMA.c.version))).scalar()
    return None if version is None else int(version)


def _utc(now: datetime | None) -> datetime:
    """`now` in UTC (the current time when None); a naive time is a mistake."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware, such as datetime.now(UTC)")
    return now.astimezone(UTC)


def _expiry(created: datetime, days: float | None) -> datetime | None:
    """When a link made at `created` expires; None or 0 days = never."""
    if days is None or days == 0:
        return None
    if not math.isfinite(days) or days < 0 or days > MAX_EXPIRES_DAYS:
        raise ValueError(
            f"expires_days must be a positive number of days up to {MAX_EXPIRES_DAYS}, not {days!r}"
        )
    try:
        return created + timedelta(days=days)
    except OverflowError:
        raise ValueError(f"expires_days is too far in the future ({days!r})") from None


def _clean_title(title: str) -> str:
    """The title stripped and cut to MAX_TITLE_CHARS, or the default title when empty."""
    cleaned = (title or "").strip()[:MAX_TITLE_CHARS].strip()
    return cleaned or DEFAULT_TITLE


def _token_shape_ok(token: object) -> bool:
    """Whether the token could be one of ours (url-safe characters, sensible length)."""
    return isinstance(token, str) and 16 <= len(token) <= 64 and set(token) <= _TOKEN_CHARS


def _megabytes(size: int) -> str:
    """A size in MB for a sentence: 52, 3.4, 0.0012."""
    mb = size / _MB
    return f"{mb:,.0f}" if mb >= 10 else f"{mb:.2g}"


# ---------------------------------------------------------------- passwords


def _password_bytes(password: str) -> bytes:
    return unicodedata.normalize("NFC", password).encode("utf-8")


def _hash_password(password: str) -> str:
    """A salted scrypt hash of the password, with its parameters, as text."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        _password_bytes(password),
        salt=salt,
        n=_SCRYPT_N,
        r=_SCRYPT_R,
        p=_SCRYPT_P,
        dklen=_SCRYPT_LEN,
        maxmem=_SCRYPT_MAXMEM,
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def _password_matches(password: str, stored: str) -> bool:
    """Whether the password is the one whose hash was stored."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest_hex)
        digest = hashlib.scrypt(
            _password_bytes(password),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=_SCRYPT_MAXMEM,
        )
    except ValueError:  # a damaged hash never matches
        return False
    return hmac.compare_digest(digest, expected)


def _snapshot(info: ReportInfo, parquet: bytes, settings_text: str, details_text: str) -> Snapshot:
    """The snapshot from its stored parts; SmroiError if they cannot be read."""
    try:
        details = json.loads(details_text)
        if details.get("format", 0) > FORMAT_VERSION:
            raise SmroiError(_("This report was saved by a newer smroi; update smroi to open it."))
        platforms = details.get("platforms")
        return Snapshot(
            info=info,
            table=table_from_parquet(parquet, details.get("categories", {})),
            settings=settings_from_json(settings_text, source="the shared report's settings"),
            reports=[report_from_dict(report) for report in details.get("reports", [])],
            start=day_from_text(details.get("start")),
            end=day_from_text(details.get("end")),
            platforms=None if platforms is None else tuple(str(p) for p in platforms),
        )
    except SmroiError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, pa.ArrowException) as exc:
        error = f"{type(exc).__name__}: {exc}"
        raise SmroiError(
            _("This report's saved data could not be read ({error}).", error=error)
        ) from exc


DEFAULT_BASE_URL = "http://localhost:8501"


def share_link(token: str, base: str | None = None) -> str:
    """The link that opens a shared report: `base`, else SMROI_BASE_URL, else localhost."""
    base = (base or os.environ.get("SMROI_BASE_URL", "")).strip().rstrip("/")
    return f"{base or DEFAULT_BASE_URL}/?report={token}"
