"""Referral paths: where visitors come from, where they land and where they go next
(DOMAIN.md item 9), from an analytics export of source -> landing page (-> next page).

The table is read as the file has it (smroi.readers.read_table, in a worker process:
smroi.isolation); its columns are found by their names. Rows without a source or a
landing page are counted apart, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from smroi.errors import InputFileError
from smroi.exports import normalise_header
from smroi.i18n import _
from smroi.isolation import read_table_isolated
from smroi.parsing import parse_numbers

# What analytics tools call each column (normalised: lower case, "_" for separators).
REFERRAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "source": (
        "source",
        "session_source",
        "session_source_medium",
        "source_medium",
        "first_user_source",
        "referrer",
        "referring_site",
        "referral_source",
        "channel",
    ),
    "landing_page": (
        "landing_page",
        "landing_page_query_string",
        "landing_page_url",
        "entry_page",
        "page_path",
        "page",
    ),
    "next_page": ("next_page", "next_page_path", "second_page", "following_page", "exit_page"),
    "sessions": ("sessions", "visits", "entrances", "views", "users", "total_users", "count"),
}
NOT_SET = "(not set)"
TOP_FLOWS = 15


@dataclass(frozen=True)
class Referrals:
    """Visits per source -> landing page (-> next page) path, and what was left out."""

    flows: pd.DataFrame  # source, landing_page[, next_page], sessions; most first
    has_next_page: bool
    rows_read: int
    rows_left_out: int  # no source, no landing page, or a visit count that is no number
    sessions_left_out: float


def referral_columns(headers: list[str]) -> dict[str, str]:
    """Our name -> the file's header, for the columns found (best synonym first)."""
    normalised = {normalise_header(header): header for header in headers}
    found: dict[str, str] = {}
    for name, synonyms in REFERRAL_COLUMNS.items():
        for synonym in synonyms:
            header = normalised.get(synonym)
            if header is not None and header not in found.values():
                found[name] = header
                break
    return found


def referral_paths(frame: pd.DataFrame, *, source: str = "referrals") -> Referrals:
    """Visits summed per path. Without a sessions column each row is one visit.

    InputFileError names the file when it has no source or no landing page column.
    """
    columns = referral_columns([str(header) for header in frame.columns])
    missing = [name for name in ("source", "landing_page") if name not in columns]
    if len(missing) == 2:
        raise InputFileError(
            source,
            _(
                "has no source and landing page column (for example 'Session source' and "
                "'Landing page')."
            ),
        )
    if missing == ["source"]:
        raise InputFileError(
            source, _("has no source column (for example 'Session source' and 'Landing page').")
        )
    if missing:
        raise InputFileError(
            source,
            _("has no landing page column (for example 'Session source' and 'Landing page')."),
        )
    path = ["source", "landing_page"] + (["next_page"] if "next_page" in columns else [])
    table = pd.DataFrame({name: _labels(frame[columns[name]]) for name in path})
    if "sessions" in columns:
        sessions, not_numbers, _notes = parse_numbers(frame[columns["sessions"]])
        sessions = sessions.fillna(0.0)
    else:
        sessions = pd.Series(1.0, index=frame.index)
        not_numbers = pd.Series(False, index=frame.index)
    table["sessions"] = sessions.to_numpy(dtype=float)
    without = (
        table["source"].isna()
        | table["landing_page"].isna()
        | pd.Series(not_numbers.to_numpy(dtype=bool), index=table.index)
    )
    flows = (
        table[~without]
        .fillna({"next_page": NOT_SET} if "next_page" in path else {})
        .groupby(path, sort=False, as_index=False)["sessions"]
        .sum()
        .sort_values(["sessions", *path], ascending=[False, *[True] * len(path)])
        .reset_index(drop=True)
    )
    return Referrals(
        flows=flows,
        has_next_page="next_page" in path,
        rows_read=len(frame),
        rows_left_out=int(without.sum()),
        sessions_left_out=float(table.loc[without, "sessions"].sum()),
    )


def read_referrals(name: str, data: bytes) -> Referrals:
    """An uploaded analytics export read into referral paths."""
    return referral_paths(read_table_isolated(name, data), source=name)


def top_flows(referrals: Referrals, count: int = TOP_FLOWS) -> pd.DataFrame:
    """The busiest paths with a readable label ('instagram → /shop → /cart') and their
    share of all visits with a path (percent)."""
    flows = referrals.flows
    total = float(flows["sessions"].sum())
    top = flows.head(count).copy()
    parts = ["source", "landing_page"] + (["next_page"] if referrals.has_next_page else [])
    top["path"] = top[parts].astype(str).agg(" → ".join, axis=1)
    top["share_pct"] = top["sessions"] / total * 100 if total > 0 else float("nan")
    return top


def _labels(values: pd.Series) -> pd.Series:
    """Text labels, stripped; blanks and placeholders become missing."""
    text = values.astype(object).where(values.notna(), None)
    text = text.map(lambda v: None if v is None else " ".join(str(v).split()) or None)
    return text.where(~text.isin(["-", "--", "(not set)", "(none)"]), None)
