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
# A short note of our own: a symptom without a named condition, no trauma, negated and planned facts.
NOTE = (
    "PROGRESS NOTE\n\n"
    "S: 52 y/o here for low back pain for about 5 weeks, worse with prolonged sitting. Denies numbness or "
    "weakness in the legs. No fever.\n\n"
    "O: Tender over the lower lumbar paraspinals. Strength 5/5.\n\n"
    "A: Low back pain.\n\n"
    "P: MRI of the lumbar spine if no better in 4 weeks. Consider physical therapy. Ibuprofen as needed.\n"
    f"Dictated by {MARKER}.\n"
)
CODES = "M53.86, m4836"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium here (CI installs it with apt-get install chromium)")
    from playwright.sync_api import (
        sync_playwright,  # in the dev extra: a missing package is a failure
    )

    with sync_playwright() as playwright:
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

    # The page must show what the API says (the rules change; the test follows the report).
    import httpx

    report = httpx.post(f"{base}/v1/check", json={"note_id": "soap-1", "text": NOTE, "codes": CODES.split(", ")}, timeout=60).json()
    assertions = {f["assertion"] for f in report["facts"]}
    assert {"negated", "hypothetical"} <= assertions, "the note should hold negated and planned facts"

    # Highlights: every fact has a mark; negated struck through, planned dashed.
    shown = page.locator(".note mark.hl").evaluate_all("ms => ms.flatMap(m => m.dataset.facts.trim().split(' '))")
    assert {int(i) for i in shown} == {f["id"] for f in report["facts"]}
    negated = page.locator(".note mark.assert-negated").first
    assert "line-through" in negated.evaluate("e => getComputedStyle(e).textDecorationLine")
    planned = page.locator(".note mark.assert-hypothetical").first
    assert planned.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    assert page.locator(".note").inner_text() == NOTE.replace("\r\n", "\n")

    # The checklist per code: every requirement with its status, every finding, every query.
    cards = page.locator("section.check")
    assert cards.count() == len(report["checks"]) == 2
    for i, check in enumerate(report["checks"]):
        card = cards.nth(i)
        assert card.locator(".code").inner_text() == check["code"]
        assert f"status-{check['status']}" in card.get_attribute("class")
        assert card.locator("li.req").count() == len(check["requirements"])
        for status in ("met", "missing", "conflict"):
            expected = sum(r["status"] == status for r in check["requirements"])
            assert card.locator(f"li.req-{status}").count() == expected
        assert card.locator("li.finding").count() == len(check["findings"])
        assert card.locator(".query").count() == len(check["queries"])

    # An evidence chip scrolls to its highlight and flashes it.
    page.locator(".note").evaluate("e => e.scrollTo(0, e.scrollHeight)")
    chip = page.locator("li.req button.ev").first
    fact_id = chip.get_attribute("data-fact")
    chip.click()
    target = page.locator(f'.note mark[data-facts*=" {fact_id} "]').first
    page.wait_for_function("e => e.classList.contains('flash')", arg=target.element_handle())
    page.wait_for_timeout(700)  # smooth scroll
    assert target.evaluate(
        "e => { const r = e.getBoundingClientRect(), n = e.closest('.note').getBoundingClientRect();"
        " return r.top >= n.top && r.bottom <= n.bottom; }"
    )

    # And back: a cited highlight shows the checklist items that cite it.
    target.click()
    cited = page.locator(f'li.req:has(button.ev[data-fact="{fact_id}"])').first
    page.wait_for_function("e => e.classList.contains('flash-item')", arg=cited.element_handle())

    # Query drafts, ready to copy.
    query = next((q for c in report["checks"] for q in c["queries"]), None)
    assert query, "the note should leave a gap for one of its codes"
    block = page.locator(".query").first
    text = block.locator(".query-text").inner_text()
    assert text == query["text"]
    assert "Clinically undetermined" in text and "Other" in text
    block.locator("button.copy").click()
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


def test_an_uploaded_file_fills_the_note_and_its_id(browser, server):
    base, _ = server
    page = browser.new_page()
    page.goto(f"{base}/")
    path = SAMPLES / "m4838_gap-trauma_soap.txt"
    page.set_input_files("#note-file", str(path))
    page.wait_for_function("() => document.querySelector('#note-text').value.length > 0")
    assert page.input_value("#note-text") == path.read_text(encoding="utf-8")
    assert page.input_value("#note-id") == path.stem
    page.fill("#codes", "M48.38")
    page.click("button[type=submit]")
    page.wait_for_selector("section.check")
    assert page.locator("section.check .code").inner_text() == "M48.38"
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
