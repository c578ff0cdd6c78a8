"""The HTTP service through FastAPI's TestClient: every endpoint, and strictness at the edge."""

import logging
import re
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    # Starlette 1.x suggests httpx2 for its TestClient; httpx is the pinned dev dependency.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from notecheck.render.html import render_html
from notecheck.service import Settings, create_app
from notecheck.service.settings import MAX_BATCH

SAMPLES = Path(__file__).resolve().parent.parent / "sample_notes"
SECRET = "Zebulon-Quux-7731"  # a marker that must never appear in an error body or a log line
NOTE = (SAMPLES / "m5388_complete_soap.txt").read_text(encoding="utf-8")
LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def client(checker):
    with TestClient(create_app(Settings(max_body_bytes=LIMIT), checker=checker)) as http:
        yield http


@pytest.fixture(scope="module")
def keyed(checker):
    with TestClient(create_app(Settings(api_key="s3cret-key"), checker=checker)) as http:
        yield http


def _error(response) -> dict:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert re.fullmatch(r"NC\d{3}", body["error"]["code"])
    return body["error"]


def test_when_a_note_is_posted_then_the_contract_report_comes_back(client):
    response = client.post("/v1/check", json={"note_id": "n1", "text": NOTE, "codes": ["m5388"]})
    assert response.status_code == 200
    report = response.json()
    assert report["schema_version"] == "1" and report["note_id"] == "n1"
    assert [c["code"] for c in report["checks"]] == ["M53.88"]
    check = report["checks"][0]
    assert check["status"] in {"complete", "gaps"} and check["requirements"]
    for fact in report["facts"]:
        assert NOTE[fact["start"] : fact["end"]] == fact["text"]
    ids = {f["id"] for f in report["facts"]}
    assert all(set(r["evidence"]) <= ids for r in check["requirements"])


@pytest.mark.parametrize("code", [
    pytest.param("X99.99", id="not-in-tabular"),
    pytest.param("hello", id="not-code-shaped"),
    pytest.param("M53.8", id="not-billable"),
])
def test_when_a_code_is_unknown_then_its_check_is_invalid(client, code):
    response = client.post("/v1/check", json={"note_id": "n1", "text": NOTE, "codes": [code, "M53.88"]})
    assert response.status_code == 200
    statuses = [c["status"] for c in response.json()["checks"]]
    assert statuses[0] == "invalid" and statuses[1] != "invalid"


def test_when_a_batch_holds_a_bad_note_then_only_that_note_has_an_error(client):
    notes = [
        {"note_id": "a", "text": NOTE, "codes": ["M53.88"]},
        {"note_id": "b", "text": "   ", "codes": ["M53.88"]},
        {"note_id": "c", "text": NOTE, "codes": []},
    ]
    response = client.post("/v1/check/batch", json={"notes": notes})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["note_id"] for r in results] == ["a", "b", "c"]
    assert results[0]["report"]["checks"][0]["code"] == "M53.88"
    assert results[1]["report"] is None and results[1]["error"]["code"] == "NC301"
    assert results[2]["report"]["checks"] == []


def test_when_a_batch_is_too_long_then_422(client):
    notes = [{"note_id": str(i), "text": "x", "codes": []} for i in range(MAX_BATCH + 1)]
    response = client.post("/v1/check/batch", json={"notes": notes})
    assert response.status_code == 422 and _error(response)["code"] == "NC393"


@pytest.mark.parametrize("raw", [pytest.param("m5388", id="claim-form"), pytest.param("M53.88", id="dotted")])
def test_when_a_code_is_looked_up_then_its_family_rules_come_back(client, raw):
    response = client.get(f"/v1/codes/{raw}")
    assert response.status_code == 200
    info = response.json()
    assert info["code"] == "M53.88" and info["billable"] is True and info["title"]
    assert info["family"] == "M53.8"
    assert "region" in [r["id"] for r in info["requirements"]]
    assert all("{axis}" not in code for f in info["findings"] for code in f["codes"])


def test_when_a_non_billable_code_is_looked_up_then_its_children_are_listed(client):
    info = client.get("/v1/codes/M53.8").json()
    assert info["billable"] is False and "M53.88" in info["children"]


@pytest.mark.parametrize(("raw", "status", "code"), [
    pytest.param("X99.99", 404, "NC396", id="not-in-tabular"),
    pytest.param("hello", 422, "NC202", id="not-code-shaped"),
])
def test_when_a_looked_up_code_does_not_exist_then_a_coded_error(client, raw, status, code):
    response = client.get(f"/v1/codes/{raw}")
    assert response.status_code == status and _error(response)["code"] == code


def test_healthz_and_openapi_are_served_offline(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["ruleset_version"]
    schema = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/check/batch", "/v1/codes/{code}", "/healthz"} <= set(schema["paths"])
    # The Swagger UI and ReDoc pages load CDN assets: not served.
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_the_review_page_and_its_assets_are_local(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="check-form"' in page.text
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)
    assert client.get("/assets/review.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/assets/review.css").status_code == 200
    assert client.get("/assets/secrets.txt").status_code == 404
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_when_content_length_is_over_the_limit_then_413(client):
    response = client.post("/v1/check", content=b"x" * (LIMIT + 1), headers={"content-type": "application/json"})
    assert response.status_code == 413 and _error(response)["code"] == "NC391"


def test_when_a_streamed_body_is_over_the_limit_then_413(client):
    def chunks():  # no Content-Length: chunked transfer, the size is only known while reading
        for _ in range(LIMIT // 1024 + 2):
            yield b" " * 1024

    response = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413 and _error(response)["code"] == "NC391"


def test_when_a_streamed_body_is_under_the_limit_then_it_is_checked(client):
    body = ('{"note_id": "s", "codes": ["M53.88"], "text": ' + repr(NOTE[:2000]).replace("'", '"') + "}").encode()

    def chunks():
        for i in range(0, len(body), 500):
            yield body[i : i + 500]

    response = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(("headers", "status"), [
    pytest.param({}, 401, id="no-key"),
    pytest.param({"X-API-Key": "wrong"}, 401, id="wrong-key"),
    pytest.param({"X-API-Key": "s3cret-key"}, 200, id="right-key"),
])
def test_when_an_api_key_is_configured_then_requests_need_it(keyed, headers, status):
    response = keyed.post("/v1/check", json={"note_id": "k", "text": NOTE, "codes": []}, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert _error(response)["code"] == "NC394"
    assert keyed.get("/v1/codes/M53.88", headers=headers).status_code == status
    assert keyed.get("/healthz").status_code == 200


def test_when_the_key_is_missing_then_401_before_the_body_is_read(keyed):
    response = keyed.post("/v1/check", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 401 and _error(response)["code"] == "NC394"


@pytest.mark.parametrize(("body", "status", "code"), [
    pytest.param(b'{"note_id": "m", "text": "' + SECRET.encode() + b'", ', 400, "NC392", id="truncated-json"),
    pytest.param(b"text=" + SECRET.encode(), 400, "NC392", id="not-json"),
    pytest.param('{"note_id": "m", "text": "'.encode() + SECRET.encode("utf-16") + b'"}', 400, "NC392", id="not-utf-8"),
    pytest.param(b'{"note_id": "m", "codes": ["' + SECRET.encode() + b'"]}', 422, "NC393", id="missing-text"),
    pytest.param(b'{"text": "' + SECRET.encode() + b'", "codes": []}', 422, "NC393", id="missing-note-id"),
    pytest.param(b'{"note_id": "m", "text": "' + SECRET.encode() + b'", "codes": "M53.88"}', 422, "NC393", id="codes-not-a-list"),
    pytest.param(b'{"note_id": "m", "text": "' + SECRET.encode() + b'", "extra": 1}', 422, "NC393", id="unknown-field"),
    pytest.param(b'["' + SECRET.encode() + b'"]', 422, "NC393", id="not-an-object"),
    pytest.param(b'{"note_id": "m", "text": "\\u0000' + SECRET.encode() + b'\\u0000\\u0001\\u0002"}', 422, "NC302", id="binary-text"),
])
def test_when_the_body_is_bad_then_a_coded_4xx_without_the_note(client, caplog, body, status, code):
    caplog.set_level(logging.DEBUG)
    response = client.post("/v1/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == status
    assert _error(response)["code"] == code
    assert SECRET not in response.text
    assert SECRET not in caplog.text


def test_when_the_checker_fails_then_500_without_the_note_in_body_or_log(checker, caplog):
    class Broken:
        ruleset_version = "x"

        def check(self, text, codes=(), note_id="note"):
            if text == "warm-up":
                return checker.check(text, codes, note_id)
            raise ValueError(f"cannot parse {text}")

    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(Settings(), checker=Broken()), raise_server_exceptions=False) as http:
        response = http.post("/v1/check", json={"note_id": "boom", "text": SECRET, "codes": []})
    assert response.status_code == 500 and _error(response)["code"] == "NC399"
    assert SECRET not in response.text and SECRET not in caplog.text
    assert "ValueError" in caplog.text


def test_when_requests_succeed_then_no_log_line_holds_the_note(client, caplog):
    caplog.set_level(logging.DEBUG)
    text = NOTE + "\n" + SECRET
    client.post("/v1/check", json={"note_id": "log", "text": text, "codes": ["M53.88", "X99.99"]})
    client.post("/v1/check/batch", json={"notes": [{"note_id": "log", "text": text, "codes": []}]})
    assert SECRET not in caplog.text


def test_render_html_is_one_self_contained_file_that_escapes_the_note(checker):
    hostile = NOTE + '\n</script><script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"'
    report = checker.check(hostile, codes=["M53.88"], note_id='<b>n"1</b>')
    html = render_html(report, hostile)
    assert "</script><script>alert(1)" not in html
    assert "<img src=x" not in html and "<b>n" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "<link" not in html and 'src="' not in html
    assert html.count("<script") == 2  # the JSON data and the renderer, both inline


def test_check_format_html_writes_the_same_review_as_one_file(tmp_path):
    from typer.testing import CliRunner

    from notecheck.cli import app

    out = tmp_path / "review.html"
    note = SAMPLES / "m5388_complete_soap.txt"
    result = CliRunner().invoke(app, ["check", str(note), "--code", "M53.88", "--format", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and 'id="notecheck-data"' in html
    assert "window.NotecheckReview" in html and "<link" not in html
