"""smroi runs without the UI: importing it, its charts and its CLI loads no streamlit."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_importing_the_core_does_not_load_streamlit() -> None:
    code = "import sys, smroi, smroi.charts, smroi.cli; print('streamlit' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"
