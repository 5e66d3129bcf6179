#!/usr/bin/env python3
"""Measures report.html against catalog.jsonl on a generated 100k-record run (docs/report.md).

    python3 scripts/report_size.py [--rows 100000] [--katalog .build/release/katalog] [--keep DIR] [--browser]

Writes the benchmark's CSV shape (katalog-bench's FeedBenchmarkData.writeCSV: Lithuanian headers, unit in the
header, decimal commas) with every 40th EAN broken, imports it, then times `katalog report` alone and prints the
sizes. With --browser, also opens the page in chromium (Playwright, system chromium) and times the first render,
a filter and a page turn.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Belaidės ausinės Sony WH-1000XM4", "Kavos aparatas De'Longhi Magnifica S", "Dviračio šalmas ABUS Macator M",
         "Elektrinis virdulys Bosch TWK3A011, 1,7 l", "Žieminė padanga Nokian Hakkapeliitta R5 205/55 R16",
         "Słuchawki bezprzewodowe Sony WH-1000XM4", "Bezvadu austiņas Sony WH-1000XM4", "Juhtmevabad kõrvaklapid"]
BRANDS = ["Sony", "De'Longhi", "ABUS", "Bosch", "Nokian", "Britax Römer", "Oral-B", "Stanley"]


def ean(n, broken=False):
    body = "47%010d" % (n % 10_000_000_000)
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    check = (10 - total % 10) % 10
    return body + str((check + 1) % 10 if broken else check)


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas;Svoris (kg);Ilgis (cm);Plotis (cm);"
                "Aukštis (cm);Spalva;Likutis sandėlyje;Aprašymas\r\n")
        for n in range(1, rows + 1):
            name, brand = NAMES[n % len(NAMES)], BRANDS[n % len(BRANDS)]
            quoted = f'"{name} #{n}"' if "," in name else f"{name} #{n}"
            description = f'"{name}.\r\nGarantija 24 mėn.; ""oficialus"" atstovas"' if n % 5 == 0 else "Prekė iš oficialaus atstovo"
            f.write(f"SKU-{n};{quoted};{brand};{10 + n % 990},{n % 100:02d};EUR;{ean(n, n % 40 == 0)};{n % 30},{n % 10};"
                    f"{10 + n % 90};{5 + n % 40};{2 + n % 30},5;juoda;{n % 17};{description}\r\n")


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 3):
        sys.exit(f"{' '.join(command)} failed ({run.returncode}): {run.stderr}")
    return time.monotonic() - started, after.ru_maxrss / 1024, after.ru_utime - before.ru_utime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--katalog", default=str(ROOT / ".build/release/katalog"))
    parser.add_argument("--keep", help="write into this folder and keep it")
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="katalog-report-size-"))
    work.mkdir(parents=True, exist_ok=True)
    csv, out = work / "products.csv", work / "out"
    write_csv(csv, args.rows)
    seconds, _, _ = timed([args.katalog, "import", str(csv), "--out", str(out)])
    print(f"import: {seconds:.1f} s")
    seconds, rss, _ = timed([args.katalog, "report", str(out)])
    html, jsonl = (out / "report.html").stat().st_size, (out / "catalog.jsonl").stat().st_size
    print(f"katalog report: {seconds:.1f} s, peak RSS {rss:.0f} MB")
    print(f"records {args.rows}: report.html {html:,} bytes, catalog.jsonl {jsonl:,} bytes ({html / jsonl:.2f}x)")
    if args.browser:
        from playwright.sync_api import sync_playwright
        chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            started = time.monotonic()
            page.goto((out / "report.html").as_uri(), timeout=300_000)
            page.wait_for_selector("#rows tr", timeout=300_000)
            loaded = time.monotonic() - started
            count = page.get_attribute("#status", "data-count")
            started = time.monotonic()
            page.select_option("#f-code", "gtin.checksum")
            filtered = page.get_attribute("#status", "data-count")
            filter_seconds = time.monotonic() - started
            started = time.monotonic()
            page.click("#next")
            turn = time.monotonic() - started
            heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
            browser.close()
        print(f"chromium: first render {loaded:.1f} s ({count} records), filter gtin.checksum {filter_seconds:.2f} s "
              f"({filtered} records), next page {turn:.2f} s, JS heap {heap / 1e6:.0f} MB, page errors {errors}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
