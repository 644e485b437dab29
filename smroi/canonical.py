"""The canonical table (docs/METRICS.md section 1): one row per element per date or period."""

from __future__ import annotations

import numpy as np
import pandas as pd

from smroi.i18n import N_

DATES: tuple[str, ...] = ("date", "period_end")
COUNTS: tuple[str, ...] = (
    "impressions",
    "reach",
    "clicks",
    "engagements",
    "video_views",
    "followers_gained",
    "leads",
    "conversions",
)
MEASURES: tuple[str, ...] = ("spend", *COUNTS, "revenue", "commissions", "cost_of_goods")
# Measures that are amounts of money (the others are counts).
MONEY_MEASURES: tuple[str, ...] = ("spend", "revenue", "commissions", "cost_of_goods")
DIMENSIONS: tuple[str, ...] = (
    "age",
    "gender",
    "location",
    "interest",
    "device",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "coupon_code",
)
LABELS: tuple[str, ...] = ("platform", "campaign", "element")
COLUMNS: tuple[str, ...] = (
    "date",
    "period_end",
    "platform",
    "campaign",
    "element",
    "paid",
    *MEASURES,
    *DIMENSIONS,
)
# What a column of a file can be read as (the mapping editor's choices).
MAPPABLE: tuple[str, ...] = COLUMNS
# What each column holds, in words (English; translated where shown, smroi.i18n). English
# screens show the column's own name, which is also what settings files and the CLI use.
COLUMN_LABELS: dict[str, str] = {
    "date": N_("Date"),
    "period_end": N_("Last day of the period"),
    "platform": N_("Platform"),
    "campaign": N_("Campaign"),
    "element": N_("Post or ad"),
    "paid": N_("Paid or organic"),
    "spend": N_("Ad spend"),
    "impressions": N_("Impressions"),
    "reach": N_("Reach"),
    "clicks": N_("Clicks"),
    "engagements": N_("Engagements"),
    "video_views": N_("Video views"),
    "followers_gained": N_("New followers"),
    "leads": N_("Leads"),
    "conversions": N_("Sales"),
    "revenue": N_("Tracked revenue"),
    "commissions": N_("Commissions"),
    "cost_of_goods": N_("Cost of goods"),
    "age": N_("Age"),
    "gender": N_("Gender"),
    "location": N_("Location"),
    "interest": N_("Interest"),
    "device": N_("Device"),
    "utm_source": N_("Source"),
    "utm_medium": N_("Medium"),
    "utm_campaign": N_("Campaign"),
    "utm_content": N_("Content"),
    "coupon_code": N_("Coupon code"),
    "source": N_("File"),
}
# Not a canonical column from a file: which upload a row came from.
SOURCE = "source"
NOT_SET = "(not set)"


def empty_table() -> pd.DataFrame:
    """A canonical table with no rows and every column in its type."""
    frame = pd.DataFrame({column: pd.Series(dtype="float64") for column in COLUMNS})
    return conform(frame.assign(**{SOURCE: pd.Series(dtype="object")}))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every canonical column present and in its canonical type.

    Dates are datetime64 (midnight), measures float64 (NaN = not reported),
    paid is bool, text is categorical (repeated names cost little memory).
    """
    out = {}
    for column in DATES:
        values = frame[column] if column in frame else pd.Series(pd.NaT, index=frame.index)
        out[column] = (
            pd.to_datetime(values, errors="coerce").dt.normalize().astype("datetime64[ns]")
        )
    for column in MEASURES:
        values = frame[column] if column in frame else pd.Series(float("nan"), index=frame.index)
        out[column] = pd.to_numeric(values, errors="coerce").astype("float64")
    if "paid" in frame:
        paid = frame["paid"].astype("boolean")
        paid = paid.fillna(out["spend"].fillna(0) != 0)
    else:
        paid = out["spend"].fillna(0) != 0
    out["paid"] = paid.astype(bool)
    for column in (*LABELS, *DIMENSIONS, SOURCE):
        out[column] = (
            frame[column].astype("category")
            if column in frame
            else _unreported_text(len(frame), frame.index)
        )
    ordered = {column: out[column] for column in (*COLUMNS, SOURCE)}
    return pd.DataFrame(ordered, index=frame.index)


def _unreported_text(rows: int, index: pd.Index) -> pd.Series:
    """A text column no file reports: every cell missing, built as codes (no Python objects)."""
    codes = np.full(rows, -1, dtype=np.int8)
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=pd.Index([], dtype=object)), index=index
    )
