"""The service with a pool of pipeline processes (--workers 2), and the JSON it writes without FastAPI."""

import json
import pickle
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient
    from fastapi.testclient import TestClient

from notecheck.errors import (
    BodyTooLargeError,
    EmptyNoteError,
    InvalidCodeError,
    NotecheckError,
    NoteTooLargeError,
)
from notecheck.service import Settings, create_app
from notecheck.service.checks import batch_json
from notecheck.service.models import BatchResponse, CheckRequest
from notecheck.service.pool import Pool
from notecheck.service.runner import InProcess

NOTE = (Path(__file__).resolve().parent.parent / "sample_notes" / "m5388_complete_soap.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pooled(checker):
    with TestClient(create_app(Settings(workers=2), checker=checker)) as http:
        yield http


@pytest.mark.parametrize("error", [
    pytest.param(EmptyNoteError(note="n1"), id="input"),
    pytest.param(NoteTooLargeError(note="n1", size=9, limit=1), id="several-fields"),
    pytest.param(InvalidCodeError(raw="hello"), id="code"),
    pytest.param(BodyTooLargeError(limit=10), id="http-edge"),
])
def test_when_a_coded_error_crosses_a_process_then_code_and_message_survive(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and copy.code == error.code and str(copy) == str(error)


@pytest.mark.parametrize(("workers", "runner"), [
    pytest.param(1, InProcess, id="one-in-process"),
    pytest.param(2, Pool, id="two-pool"),
])
def test_when_workers_are_set_then_the_app_checks_in_that_runner(checker, workers, runner):
    with TestClient(create_app(Settings(workers=workers), checker=checker)) as http:
        assert isinstance(http.app.state.runner, runner)


def test_when_a_pool_checks_a_note_then_the_report_is_the_in_process_one(pooled, checker):
    response = pooled.post("/v1/check", json={"note_id": "p1", "text": NOTE, "codes": ["m5388", "X99.99"]})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.json() == checker.check(NOTE, codes=["m5388", "X99.99"], note_id="p1").model_dump(mode="json")


def test_when_a_pool_meets_bad_input_then_the_coded_error_comes_back(pooled):
    response = pooled.post("/v1/check", json={"note_id": "p2", "text": "   ", "codes": []})
    assert response.status_code == 422 and response.json()["error"]["code"] == "NC301"


def test_when_a_pool_checks_a_batch_then_results_keep_order_and_errors_stay_per_note(pooled):
    notes = [{"note_id": str(i), "text": NOTE if i != 2 else " ", "codes": ["M53.88"]} for i in range(5)]
    results = pooled.post("/v1/check/batch", json={"notes": notes}).json()["results"]
    assert [r["note_id"] for r in results] == ["0", "1", "2", "3", "4"]
    assert results[2]["report"] is None and results[2]["error"]["code"] == "NC301"
    assert all(r["report"]["checks"][0]["code"] == "M53.88" for i, r in enumerate(results) if i != 2)


def test_batch_json_is_what_pydantic_writes_for_the_batch_response(checker):
    notes = [CheckRequest(note_id='q"1', text=NOTE, codes=["M53.88"]), CheckRequest(note_id="é", text=" ")]
    report = checker.check(NOTE, codes=["M53.88"], note_id='q"1')
    empty = EmptyNoteError(note="é")
    outcomes: list[str | NotecheckError] = [report.model_dump_json(), empty]
    expected = BatchResponse.model_validate(
        {"results": [{"note_id": 'q"1', "report": report.model_dump()},
                     {"note_id": "é", "error": {"code": empty.code, "message": empty.message}}]}
    )
    written = batch_json(notes, outcomes)
    assert written == expected.model_dump_json()
    assert json.loads(written) == json.loads(expected.model_dump_json())


def test_when_a_pool_process_fails_unexpectedly_then_500_without_the_note(checker, caplog):
    class Broken:
        ruleset_version = "x"

        def check(self, text, codes=(), note_id="note"):
            if text == "warm-up":
                return checker.check(text, codes, note_id)
            raise ValueError(f"cannot parse {text}")

    with TestClient(create_app(Settings(workers=2), checker=Broken()), raise_server_exceptions=False) as http:
        response = http.post("/v1/check", json={"note_id": "boom", "text": "Zebulon-Quux-7731", "codes": []})
    assert response.status_code == 500 and response.json()["error"]["code"] == "NC399"
    assert "Zebulon" not in response.text and "Zebulon" not in caplog.text and "ValueError" in caplog.text


def test_when_long_notes_queue_for_the_pool_then_each_gets_its_own_report(pooled, checker):
    long_note = (NOTE + "\n\n") * (40_000 // len(NOTE) + 1)  # over the size written from a thread
    notes = [{"note_id": f"long-{i}", "text": long_note if i % 2 else NOTE, "codes": ["M53.88"]} for i in range(5)]
    results = pooled.post("/v1/check/batch", json={"notes": notes}).json()["results"]
    expected = checker.check(long_note, codes=["M53.88"], note_id="long-1").model_dump(mode="json")
    assert [r["note_id"] for r in results] == [n["note_id"] for n in notes]
    assert results[1]["report"] == expected and results[3]["report"]["facts"] == expected["facts"]
