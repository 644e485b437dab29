"""A registry metric's value as shown: its unit from smroi.registry, written by smroi.formatting."""

from __future__ import annotations

from typing import Any

from smroi.formatting import format_value
from smroi.registry import METRICS


def format_metric(
    key: str,
    value: Any,
    currency: str = "USD",
    *,
    lang: str = "en",
    digits: str = "native",
) -> str:
    """A registry metric's value as shown on screen."""
    return format_value(value, METRICS[key].unit, currency, lang=lang, digits=digits)
