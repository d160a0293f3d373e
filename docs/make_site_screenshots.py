"""Pictures of the public website for the README: the demo's site, two pages (the plan and
a meeting with approved minutes), at a laptop's width, in Debian's Chromium.

    python docs/make_site_screenshots.py [CHROMIUM]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PAGES = {"nettsted-moteplan.png": "moteplan-2022.html",
         "nettsted-mote.png": "moter/kf-2022-06-03.html"}  # fmt: skip


def main(chromium: str = "/usr/bin/chromium") -> None:
    from playwright.sync_api import sync_playwright

    tr_desk = Path(sys.executable).with_name("tr-desk")
    with tempfile.TemporaryDirectory() as work:
        db, site = Path(work) / "demo.sqlite", Path(work) / "nettsted"
        subprocess.run([tr_desk, "--db", db, "demo"], check=True, capture_output=True)
        subprocess.run([tr_desk, "--db", db, "site", "-o", site], check=True, capture_output=True)
        with sync_playwright() as playwright:
            flags = ["--no-sandbox", "--disable-gpu"]
            browser = playwright.chromium.launch(executable_path=chromium, args=flags)
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            for picture, path in PAGES.items():
                page.goto((site / path).as_uri())
                page.screenshot(path=str(DOCS / picture))
                print(DOCS / picture)
            browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:2])
