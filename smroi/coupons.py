"""Coupon codes: an order carrying a code is attributed to the platform the code was given
out on (a table of code -> platform)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from smroi.errors import InputFileError
from smroi.exports import normalise_header
from smroi.i18n import _
from smroi.journeys import channel_key, semicolon_list
from smroi.parsing import blank_cells, is_blank

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
        key, name = coupon_key(code), channel_key(platform)
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
        raise InputFileError(source, _("{problems}.", problems=semicolon_list(clashes)))
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
