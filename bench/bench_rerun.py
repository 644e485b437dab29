"""Time a dashboard rerun after a sidebar change, as Streamlit runs the script.

    python bench/bench_rerun.py [--rows 100000] [--repeat 5] [--lang fa]

Uploads a canonical CSV of --rows rows into the app (AppTest, in-process), then
changes the sidebar's platform filter --repeat times (one platform left out, then all
again: every number of the page changes) and reports the script time of the
rerun (best and median) for the Overview and the Cost per result page. Target
(docs/DESIGN.md): under 0.3 s of script time for 100,000 rows.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import canonical_rows  # noqa: E402


def _use_navigation() -> None:
    """AppTest would take Streamlit's old pages/ mode from its second run (DESIGN.md traps)."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lang", default="", help="nb or fa: time the app in that language")
    args = parser.parse_args()
    _use_navigation()
    from streamlit.testing.v1 import AppTest

    buffer = io.StringIO()
    canonical_rows(args.rows).to_csv(buffer, index=False)
    data = buffer.getvalue().encode()

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if args.lang:
        app.query_params["lang"] = args.lang
    app.run()
    app.file_uploader(key="uploads").set_value([("big.csv", data, "text/csv")]).run()
    assert not app.exception, app.exception
    for page in (
        "pages/overview.py",
        "pages/cost_per_result.py",
        "pages/goals.py",
        "pages/funnel.py",
        "pages/earned_media.py",
        "pages/tracking.py",
        "pages/attribution.py",
    ):
        if page != "pages/overview.py":
            app.switch_page(page).run()
        times = []
        platforms = app.multiselect(key="filter.platforms")
        every = list(platforms.value)
        for step in range(args.repeat):
            # the sidebar's platform filter: one platform left out, then all of them again
            chosen = every[: len(every) - 1 - step % 2] if len(every) > 1 else every
            start = time.perf_counter()
            app.multiselect(key="filter.platforms").set_value(
                chosen if step % 2 == 0 else every
            ).run()
            times.append(time.perf_counter() - start)
            assert not app.exception, app.exception
        verdict = "ok" if min(times) <= 0.3 else "OVER BUDGET"
        print(
            f"rerun after a sidebar change, {page:<26} {args.rows:,} rows: "
            f"best {min(times):.3f} s, median {statistics.median(times):.3f} s "
            f"(target 0.30 s) {verdict}"
        )


if __name__ == "__main__":
    main()
