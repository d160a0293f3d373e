"""The public website's pages, checked by the tools made for it: axe-core in a headless
Chromium (WCAG 2.1 A and AA, and axe's best practices), every page of the folder given.
Prints each violation; exit status 1 when there is any.

    python .ci/accessibility.py SITE_DIR AXE_MIN_JS [CHROMIUM]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(site: Path, axe: Path, chromium: str = "/usr/bin/chromium") -> int:
    from playwright.sync_api import sync_playwright

    pages = sorted(site.rglob("*.html"))
    if not pages:
        print(f"no pages in {site}")
        return 1
    script = axe.read_text(encoding="utf-8")
    found = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        for path in pages:
            for width in (1280, 360):  # a desktop and a phone
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto(path.resolve().as_uri())
                page.add_script_tag(content=script)
                result = page.evaluate(
                    "async () => await axe.run(document, {resultTypes: ['violations']})"
                )
                for violation in result["violations"]:
                    found += 1
                    nodes = [n["target"] for n in violation["nodes"]][:3]
                    print(f"{path.relative_to(site)} ({width}px): {violation['id']}: "
                          f"{violation['help']} {json.dumps(nodes)}")  # fmt: skip
                page.close()
        browser.close()
    print(f"axe-core: {len(pages)} pages, {found} violation(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:4]))
