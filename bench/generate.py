"""Benchmark helpers: synthetic canonical rows (any size, deterministic) and timing."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pandas as pd

PLATFORMS = np.array(["facebook", "instagram", "linkedin", "x", "tiktok"])
AGES = np.array(["18-24", "25-34", "35-44", "45-54", "55-64", "65+"])
GENDERS = np.array(["female", "male", "unknown"])
LOCATIONS = np.array(["Norway", "Sweden", "Denmark", "United States", "Germany"])


def canonical_rows(n: int, seed: int = 2026) -> pd.DataFrame:
    """n rows in the canonical columns over one year, 60% paid, with dimensions."""
    rng = np.random.default_rng(seed)
    paid = rng.random(n) < 0.6
    impressions = rng.integers(100, 20_000, n)
    clicks = (impressions * rng.random(n) * 0.03).astype(int)
    has_revenue = paid & (rng.random(n) < 0.5)
    campaigns = np.array([f"Campaign {i}" for i in range(40)])
    elements = np.array([f"Post or ad {i}" for i in range(2_000)])
    return pd.DataFrame(
        {
            "date": (
                pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, n), "D")
            ).strftime("%Y-%m-%d"),
            "platform": PLATFORMS[rng.integers(0, len(PLATFORMS), n)],
            "campaign": campaigns[rng.integers(0, len(campaigns), n)],
            "element": elements[rng.integers(0, len(elements), n)],
            "paid": np.where(paid, "true", "false"),
            "spend": np.where(paid, rng.gamma(2.0, 10.0, n).round(2), np.nan),
            "impressions": impressions,
            "clicks": clicks,
            "engagements": (impressions * 0.02).astype(int),
            "leads": (clicks * 0.08).astype(int),
            "conversions": (clicks * 0.03).astype(int),
            "revenue": np.where(has_revenue, (clicks * 0.03).astype(int) * 61.5, np.nan),
            "age": AGES[rng.integers(0, len(AGES), n)],
            "gender": GENDERS[rng.integers(0, len(GENDERS), n)],
            "location": LOCATIONS[rng.integers(0, len(LOCATIONS), n)],
        }
    )


def messy_locale_csv(n: int, seed: int = 2026) -> bytes:
    """The same rows as a Norwegian export writes them: a title line, ';' between cells,
    day-first dates and money as 'kr 1 234,50' (a space between thousands, a decimal
    comma)."""
    rows = canonical_rows(n, seed)
    rows["date"] = pd.to_datetime(rows["date"]).dt.strftime("%d.%m.%Y")
    for column in ("spend", "revenue"):
        amounts = rows[column]
        text = amounts.map(lambda x: f"kr {x:,.2f}".replace(",", " ").replace(".", ","))
        rows[column] = text.where(amounts.notna(), "")
    return b"Rapport for juni 2026\n" + rows.to_csv(index=False, sep=";").encode()


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)
