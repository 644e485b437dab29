"""Text, platform and paid/organic cells made canonical, and the platform a file name names."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from smroi.parsing import blank_cells

PLATFORM_ALIASES: dict[str, str] = {
    "fb": "facebook",
    "meta": "facebook",
    "ig": "instagram",
    "insta": "instagram",
    "twitter": "x",
    "x (twitter)": "x",
    "li": "linkedin",
    "yt": "youtube",
    "google ads": "google",
    "adwords": "google",
    "tik tok": "tiktok",
}
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "paid", "ad", "ads", "sponsored", "boosted"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "organic", "unpaid", "post"})


def _categorical_unique(values: pd.Series, func: Callable[[Any], str | None]) -> pd.Series:
    """Like _map_unique, straight to a categorical column (None becomes missing)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = [func(u) for u in uniques]
    new_codes, categories = pd.factorize(pd.Series([*mapped, func(None)], dtype=object))
    return pd.Series(
        pd.Categorical.from_codes(new_codes[codes], categories=pd.Index(categories, dtype=object)),
        index=values.index,
    )


def _parse_paid(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean"), pd.Series(False, index=values.index)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    words = [str(u).strip().lower() for u in uniques]
    said = np.array([w in TRUE_WORDS or w in FALSE_WORDS for w in words] + [False])
    true = np.array([w in TRUE_WORDS for w in words] + [False])
    paid = pd.Series(
        pd.arrays.BooleanArray(true[codes], ~said[codes]), index=values.index, dtype="boolean"
    )
    return paid, paid.isna() & ~blank_cells(values)


def _text_or_none(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id Excel stored as a number: 12345.0 -> "12345"
    text = str(value).strip()
    return text or None


def _clean_text(values: pd.Series) -> pd.Series:
    """Text cells stripped; empty ones missing."""
    return _categorical_unique(values, _text_or_none)


def _platform_name(value: Any) -> str:
    text = _text_or_none(value)
    if text is None:
        return "other"
    return PLATFORM_ALIASES.get(text.lower(), text.lower())


FILE_NAME_PLATFORMS: dict[str, str] = {
    "google": "google",
    "adwords": "google",
    "meta": "facebook",
    "facebook": "facebook",
    "instagram": "instagram",
    "linkedin": "linkedin",
    "tiktok": "tiktok",
    "twitter": "x",
    "microsoft": "microsoft",
    "bing": "microsoft",
    "pinterest": "pinterest",
    "snapchat": "snapchat",
    "youtube": "youtube",
    "reddit": "reddit",
}


def _platform_from_file_name(name: str) -> str | None:
    """The one platform a file name names ("Meta Ads.csv" -> facebook), if it names one."""
    words = re.findall(r"[a-z]+", name.rsplit("/", 1)[-1].lower())
    found = {FILE_NAME_PLATFORMS[w] for w in words if w in FILE_NAME_PLATFORMS}
    return found.pop() if len(found) == 1 else None


def _normalise_platform(values: pd.Series) -> pd.Series:
    """Platform names in lower case, with common aliases (fb, ig, twitter) resolved."""
    return _categorical_unique(values, _platform_name)
