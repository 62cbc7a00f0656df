"""axe-core run in headless Chromium (Debian's chromium and chromium-driver, through
selenium) on a page: its violations. axe comes from npm when `.ci/run` could install it
(`.ci/node/node_modules/axe-core`), else from the axe-core-python package, which bundles it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NPM_AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"


def axe_script() -> tuple[str, str]:
    """axe's source and where it came from (the newest one here)."""
    if NPM_AXE.is_file():
        return NPM_AXE.read_text(encoding="utf-8"), f"npm ({NPM_AXE})"
    import axe_core_python

    bundled = Path(axe_core_python.__file__).with_name("axe.min.js")
    return bundled.read_text(encoding="utf-8"), f"axe-core-python ({bundled})"


def browser():
    """Headless Chromium, or None where it is not installed."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver), options=options)


def violations(driver, page: Path) -> list[dict]:
    """axe's violations on ``page`` (all its rules, WCAG 2.2 A and AA and best practice)."""
    driver.get(page.resolve().as_uri())
    return violations_here(driver)


def violations_here(driver) -> list[dict]:
    """axe's violations on the page the browser has open now."""
    source, _where = axe_script()
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)))"
        ".catch(e => done(JSON.stringify([{id: 'axe-failed', help: String(e), nodes: []}])));"
    )
    return json.loads(result)
