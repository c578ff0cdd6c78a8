"""The review page in a real Chromium against a real uvicorn server, and the self-contained HTML file.

CI installs Chromium (apt) and the Python playwright package; `playwright install` is never run, the
system browser is launched by path. Locally, the tests skip when /usr/bin/chromium is absent.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SAMPLES = Path(__file__).resolve().parent.parent / "sample_notes"
MARKER = "Zebulon-Quux-7731"  # must never reach the server's log
NOTE = (SAMPLES / "m5388_complete_soap.txt").read_text(encoding="utf-8") + f"\nDictated by {MARKER}.\n"
CODES = "M53.88, m4838"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium here (CI installs it with apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    import httpx

    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    env = {**os.environ, "NOTECHECK_API_KEY": ""}
    command = [sys.executable, "-m", "uvicorn", "notecheck.service.app:create_app", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "debug"]
    with open(log, "wb") as sink:
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"the server exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the server did not become ready in 180 s")
            time.sleep(0.3)
        yield base, log
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def shots(tmp_path) -> Path:
    """Screenshots go to a temp dir, or to NOTECHECK_SCREENSHOT_DIR to look at them."""
    folder = Path(os.environ.get("NOTECHECK_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _offsite_requests(page, origin: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(origin) else seen.append(request.url))
    return seen


def test_the_page_checks_a_note_and_links_checklist_to_highlights(browser, server, shots):
    base, log = server
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    offsite = _offsite_requests(page, base)
    page.goto(f"{base}/")
    page.fill("#note-id", "soap-1")
    page.fill("#codes", CODES)
    page.fill("#note-text", NOTE)
    page.click("button[type=submit]")
    page.wait_for_selector("section.check", timeout=30_000)

    # Highlights: every fact kind coloured; negated struck through, planned dashed.
    assert page.locator(".note mark.hl").count() >= 10
    negated = page.locator(".note mark.assert-negated").first
    assert "line-through" in negated.evaluate("e => getComputedStyle(e).textDecorationLine")
    planned = page.locator(".note mark.assert-hypothetical").first
    assert planned.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    assert page.locator(".note").inner_text() == NOTE.replace("\r\n", "\n")

    # The checklist per code, with the contract's statuses.
    cards = page.locator("section.check")
    assert cards.count() == 2
    assert cards.nth(0).locator(".code").inner_text() == "M53.88"
    assert cards.nth(1).locator(".code").inner_text() == "M48.38"
    assert cards.nth(0).locator("li.req").count() >= 4
    assert cards.nth(1).locator("li.req-missing").count() >= 1

    # An evidence chip scrolls to its highlight and flashes it.
    page.locator(".note").evaluate("e => e.scrollTo(0, e.scrollHeight)")
    chip = cards.nth(0).locator("li.req button.ev").first
    fact_id = chip.get_attribute("data-fact")
    chip.click()
    target = page.locator(f'.note mark[data-facts*=" {fact_id} "]').first
    page.wait_for_function("e => e.classList.contains('flash')", arg=target.element_handle())
    page.wait_for_timeout(700)  # smooth scroll
    assert target.evaluate(
        "e => { const r = e.getBoundingClientRect(), n = e.closest('.note').getBoundingClientRect();"
        " return r.top >= n.top && r.bottom <= n.bottom; }"
    )

    # Query drafts, ready to copy.
    queries = cards.nth(1).locator(".query")
    assert queries.count() >= 1
    text = queries.first.locator(".query-text").inner_text()
    assert "Clinically undetermined" in text and "Other" in text
    queries.first.locator("button.copy").click()
    page.wait_for_function("() => document.querySelector('.query button.copy').textContent.startsWith('Copied')")
    assert page.evaluate("() => navigator.clipboard.readText()") == text

    page.screenshot(path=str(shots / "review-page.png"), full_page=False)
    assert offsite == []
    context.close()
    assert MARKER not in log.read_text(encoding="utf-8", errors="replace")
    assert "POST /v1/check" in log.read_text(encoding="utf-8", errors="replace")


def test_the_page_shows_a_coded_error_without_the_note(browser, server):
    base, _ = server
    page = browser.new_page()
    page.goto(f"{base}/")
    page.fill("#codes", "M53.88")
    page.fill("#note-text", "   \n  ")
    page.click("button[type=submit]")
    alert = page.locator("#form-error")
    alert.wait_for(state="visible")
    assert alert.inner_text().startswith("NC301")
    page.close()


def test_the_html_file_renders_offline_and_keeps_hostile_text_inert(browser, checker, tmp_path, shots):
    from notecheck.render.html import render_html

    hostile = NOTE + '\n<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script>\n'
    report = checker.check(hostile, codes=["M53.88", "M48.38", "X99.99"], note_id="file-1")
    path = tmp_path / "report.html"
    path.write_text(render_html(report, hostile), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    offsite = _offsite_requests(page, "file://")
    page.goto(path.as_uri())
    page.wait_for_selector("section.check")
    assert page.locator("section.check").count() == 3
    assert page.locator("section.check.status-invalid").count() == 1
    assert page.locator(".note mark.hl").count() >= 10
    assert page.locator("#check-form").count() == 0
    assert page.evaluate("() => window.pwned === undefined")
    assert page.locator(".note img").count() == 0
    assert "<img src=x" in page.locator(".note").inner_text()
    page.screenshot(path=str(shots / "report-file.png"))
    assert offsite == []
    page.close()
