#!/usr/bin/env python3
"""Opens the report.html of Samples/ in a real browser (Debian's chromium, driven by Playwright) and checks it.

    python3 scripts/report_browser_test.py [--katalog .build/debug/katalog] [--chromium /usr/bin/chromium]
                                           [--screenshot docs/report-screenshot.png]

It imports Samples/ with `katalog import --html` into a temporary folder, opens report.html from a file:// URL and
checks: the totals match report.json; the table lists every record of catalog.jsonl and rejects.jsonl; filtering by
a finding code shows exactly the records with that code; the seed's provenance dialog shows its price, the assumed
units, its service-plan facts and a working link to the covered gimbal; Escape closes the dialog; on a phone-sized
viewport the page does not scroll sideways; no console errors, no page errors and no request other than the file.
Exit code 0 when every check passes, 1 otherwise, 2 when playwright or chromium is missing.
Uses the system chromium through `executable_path`; never run `playwright install`.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "Samples/text/000_6e65ef817e1cc529.txt#1"
GIMBAL = "Samples/service-plans/090_lt_dji-rs-4-mini-stabilizatorius.txt#1"
CODE = "unit.assumed"


def find_chromium(given):
    for candidate in [given, os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"]:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, condition, what):
        print(("  ok    " if condition else "  FAIL  ") + what)
        if not condition:
            self.failures.append(what)


def records_of(out):
    records = [json.loads(line) for line in (out / "catalog.jsonl").read_text(encoding="utf-8").splitlines() if line]
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return records, rejects


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--katalog", default=str(ROOT / ".build/debug/katalog"))
    parser.add_argument("--chromium")
    parser.add_argument("--screenshot", help="where to save a screenshot of the page's top (default: in the temporary "
                        "folder); the seed's provenance dialog goes beside it as <name>-provenance.png")
    args = parser.parse_args()

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("report_browser_test: python playwright is missing (pip install playwright)", file=sys.stderr)
        return 2
    chromium = find_chromium(args.chromium)
    if not chromium:
        print("report_browser_test: chromium is missing (apt-get install chromium)", file=sys.stderr)
        return 2

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="katalog-report-"))
    out = work / "out"
    run = subprocess.run([args.katalog, "import", "Samples", "--out", str(out), "--html", "--jobs", "2"],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode not in (0, 3):
        print(run.stderr, file=sys.stderr)
        return 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    records, rejects = records_of(out)
    with_code = sum(1 for r in records if any(d["code"] == CODE for d in r["diagnostics"])) + \
        sum(1 for r in rejects if any(d["code"] == CODE for d in r["diagnostics"]))
    html = out / "report.html"
    url = html.as_uri()
    screenshot = Path(args.screenshot) if args.screenshot else work / "report-screenshot.png"

    checks = Checks()
    console_errors, page_errors, requests = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page_errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url)
        page.wait_for_selector("#rows tr")
        page.screenshot(path=str(screenshot))

        totals = report["totals"]
        for key, expected in [("files", totals["files"]), ("read", totals["records"]["read"]),
                              ("imported", totals["records"]["imported"]), ("rejected", totals["records"]["rejected"]),
                              ("error", totals["diagnostics"]["error"]), ("warning", totals["diagnostics"]["warning"]),
                              ("info", totals["diagnostics"]["info"])]:
            shown = page.text_content(f'[data-total="{key}"]').strip()
            checks.expect(shown == str(expected), f"header {key} = {shown} (report.json: {expected})")
        shown = int(page.get_attribute("#status", "data-count"))
        checks.expect(shown == len(records) + len(rejects),
                      f"table lists {shown} records (catalog.jsonl + rejects.jsonl: {len(records) + len(rejects)})")
        checks.expect(page.locator("#rows tr").count() == min(50, shown), "first page shows 50 rows")
        checks.expect(page.locator("svg.chart g.bar").count() > 0, "chart of top finding codes drawn")

        page.click('th[data-sort="p"] button')
        ascending = page.get_attribute('th[data-sort="p"]', "aria-sort") == "ascending"
        page.click('th[data-sort="p"] button')
        prices = page.locator("#rows tr td .price").all_text_contents()[:5]
        numbers = [float(p.split()[0]) for p in prices if p != "—"]
        checks.expect(ascending and page.get_attribute('th[data-sort="p"]', "aria-sort") == "descending"
                      and len(numbers) == 5 and numbers == sorted(numbers, reverse=True),
                      f"sorting by price, then descending: {', '.join(prices)}")

        page.select_option("#f-code", CODE)
        shown = int(page.get_attribute("#status", "data-count"))
        checks.expect(shown == with_code, f"filter by {CODE}: {shown} records (expected {with_code})")
        badges = page.locator("#rows tr").evaluate_all(
            f"rows => rows.every(r => Array.from(r.querySelectorAll('.badge')).some(b => b.textContent === '{CODE}'))")
        checks.expect(badges, f"every row shown carries a {CODE} badge")
        page.click("#f-reset")

        page.fill("#f-text", "000_6e65ef817e1cc529")
        page.wait_for_function("document.getElementById('status').getAttribute('data-count') === '1'")
        page.keyboard.press("Tab")  # keyboard: from the search field to the next control
        page.click('#rows button[data-open]')
        dialog = page.locator("#detail")
        checks.expect(dialog.is_visible(), "the seed's provenance dialog opens")
        text = dialog.inner_text()
        for needle, what in [("DJI Care Refresh RS 4 Mini", "title"), (SEED, "record id"), ("58.99 EUR", "price"),
                             ("58.99€", "raw price"), ("Prekės kodas", "source-language label"),
                             ("Box length", "package label"), ("14,00", "raw package value"), ("140 mm", "normalized package value"),
                             ("unit.assumed", "assumed unit flagged"), ("199.00 PLN", "plan claim fee"),
                             ("12 months", "plan term"), ("2 claims in 12 months", "plan claims"),
                             ("DJI RS 4 Mini stabilizatorius", "covered gimbal")]:
            checks.expect(needle in text, f"provenance shows the {what} ({needle})")
        provenance_rows = page.locator("#provenance tbody tr").count()
        checks.expect(provenance_rows >= 10, f"provenance table has {provenance_rows} fields")
        page.screenshot(path=str(screenshot.with_name(screenshot.stem + "-provenance.png")))

        page.click("#detail-body a:has-text('DJI RS 4 Mini stabilizatorius')")
        page.wait_for_function("document.getElementById('detail-title').textContent.indexOf('stabilizatorius') >= 0")
        checks.expect(GIMBAL in dialog.inner_text(), "the covered-product link opens the gimbal's record")
        checks.expect(page.locator("tr.target").count() == 1, "the gimbal's row is highlighted in the table")
        page.keyboard.press("Escape")
        checks.expect(not dialog.is_visible(), "Escape closes the dialog")

        page.set_viewport_size({"width": 390, "height": 844})
        overflow = page.evaluate("document.documentElement.scrollWidth")
        checks.expect(overflow <= 391, f"phone viewport: page is {overflow}px wide (no sideways scrolling)")

        browser.close()

    checks.expect(not console_errors, f"no console errors {console_errors[:3]}")
    checks.expect(not page_errors, f"no page errors {page_errors[:3]}")
    others = [r for r in requests if r != url]
    checks.expect(not others, f"no network requests other than the file {others[:3]}")
    size, jsonl = html.stat().st_size, (out / "catalog.jsonl").stat().st_size
    print(f"report.html {size} bytes, catalog.jsonl {jsonl} bytes ({size / jsonl:.2f}x); "
          f"screenshot {screenshot}; {time.monotonic() - started:.1f} s")
    if checks.failures:
        print(f"report_browser_test: {len(checks.failures)} check(s) failed", file=sys.stderr)
        return 1
    shutil.rmtree(work) if args.screenshot else None
    return 0


if __name__ == "__main__":
    sys.exit(main())
