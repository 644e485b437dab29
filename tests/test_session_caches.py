"""What every session opens on is read once per process (issue 17, item 8): the sample data's
import and its settings come from st.cache_data, each call a copy of its own, so one session
never sees another's changes. bench/bench_sessions.py measures what a session then costs."""

from __future__ import annotations

from typing import Any

import pytest

import smroi
from ui import data


def test_the_sample_is_imported_once_per_process_and_each_session_gets_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[Any] = []
    real = smroi.load_files

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(smroi, "load_files", counting)
    raw = data.sample_bytes()
    files = ((data.SAMPLE_FILE.name, raw),)
    first, _ = data._load_sample(data.digest(raw), files)
    first.loc[:, "spend"] = -1.0  # one session changes its table
    second, reports = data._load_sample(data.digest(raw), files)
    assert len(calls) == 1  # read once
    assert not second["spend"].eq(-1.0).any() and second is not first  # the change stays there
    assert sum(report.rows_used for report in reports) == len(second) > 0
    data._load_sample(data.digest(raw), files, '{"x": "y"}')  # another column choice
    assert len(calls) == 2


def test_the_sample_settings_are_read_once_and_copied() -> None:
    first = data.sample_settings()
    second = data.sample_settings()
    assert first == second and first is not second
