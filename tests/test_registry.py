"""One registry of metrics drives cards, tables, the CLI keys and the README."""

from __future__ import annotations

import pandas as pd

import smroi
from smroi import METRICS, SUMMARY_KEYS

UNITS = {"money", "count", "percent", "fraction", "multiple", "months"}


def test_every_cli_key_is_a_registered_metric() -> None:
    assert set(SUMMARY_KEYS) <= set(METRICS)
    # docs/DESIGN.md's 20, then gross profit, margin and break-even (METRICS.md 4a)
    assert len(SUMMARY_KEYS) == 24


def test_every_metric_explains_itself() -> None:
    for key, metric in METRICS.items():
        assert metric.key == key
        assert metric.label and metric.formula and metric.help, key
        assert metric.unit in UNITS, key


def test_headline_returns_exactly_the_registered_metrics() -> None:
    table = smroi.conform(pd.DataFrame({"date": ["2026-01-01"], "platform": ["x"], "clicks": [3]}))
    assert set(smroi.headline(smroi.analyse(table, smroi.Settings()))) == set(METRICS)


def test_cost_per_result_label_follows_the_objective() -> None:
    assert smroi.cost_per_result_label("awareness") == "Cost per 1,000 impressions"
    assert smroi.cost_per_result_label("leads") == "Cost per lead"
