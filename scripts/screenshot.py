"""Screenshots of the running app in headless Chromium (for the README and for looking).

    python scripts/screenshot.py OUT.png [--page cost_per_result] [--lang fa] [--upload FILE]
        [--width 1400] [--height 1800]

Starts `streamlit run app.py` on a free localhost port, opens the page, waits
for the numbers, and saves a full-page PNG.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--page", default="")
    parser.add_argument("--lang", default="", help="nb or fa: the ?lang= of the link")
    parser.add_argument("--upload", type=Path)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1800)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with streamlit_server(ROOT) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(f"{url}/{args.page}" + (f"?lang={args.lang}" if args.lang else ""))
        page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
        if args.upload:
            page.set_input_files("[data-testid=stSidebar] input[type=file]", str(args.upload))
            page.get_by_text("You are looking at sample data").wait_for(
                state="detached", timeout=60_000
            )
        page.wait_for_timeout(3000)  # let charts finish drawing
        page.screenshot(path=str(args.out), full_page=True)
        browser.close()
    print(args.out)


if __name__ == "__main__":
    main()
