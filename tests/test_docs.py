"""The README's glossary is the metric registry's, word for word."""

from __future__ import annotations

from smroi.registry import GLOSSARY_END, GLOSSARY_START, METRICS, glossary_markdown
from tests.conftest import ROOT


def test_readme_glossary_is_generated_from_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(GLOSSARY_START)
    end = readme.index(GLOSSARY_END) + len(GLOSSARY_END)
    assert readme[start:end] == glossary_markdown(), "run: python -m smroi.registry README.md"


def test_every_metric_has_a_glossary_row() -> None:
    rows = glossary_markdown().splitlines()[3:-1]
    assert [row.split("`")[1] for row in rows] == list(METRICS)
