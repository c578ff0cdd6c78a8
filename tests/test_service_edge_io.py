"""What the service writes: report JSON, the batch body, coded errors; and one pipeline thread per process."""

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

NOTE = (Path(__file__).resolve().parent.parent / "sample_notes" / "m5388_complete_soap.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("error", [
    pytest.param(EmptyNoteError(note="n1"), id="input"),
    pytest.param(NoteTooLargeError(note="n1", size=9, limit=1), id="several-fields"),
    pytest.param(InvalidCodeError(raw="hello"), id="code"),
    pytest.param(BodyTooLargeError(limit=10), id="http-edge"),
])
def test_when_a_coded_error_crosses_a_process_then_code_and_message_survive(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and copy.code == error.code and str(copy) == str(error)


def test_when_a_note_is_checked_then_the_body_is_pydantics_json_of_the_report(checker):
    with TestClient(create_app(Settings(), checker=checker)) as http:
        response = http.post("/v1/check", json={"note_id": "p1", "text": NOTE, "codes": ["m5388", "X99.99"]})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.text == checker.check(NOTE, codes=["m5388", "X99.99"], note_id="p1").model_dump_json()


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


def test_when_notes_arrive_together_then_one_pipeline_thread_checks_them_one_at_a_time():
    import asyncio
    import threading
    import time

    from notecheck.service.runner import InProcess

    class Report:
        def model_dump_json(self) -> str:
            return "{}"

    class Recording:
        """A checker that notes how many checks run at once, and on which threads."""

        def __init__(self) -> None:
            self.busy = self.most = 0
            self.threads: set[int] = set()
            self.lock = threading.Lock()

        def check(self, text, codes=(), note_id="note") -> Report:
            with self.lock:
                self.busy += 1
                self.most = max(self.most, self.busy)
                self.threads.add(threading.get_ident())
            time.sleep(0.01)
            with self.lock:
                self.busy -= 1
            return Report()

    recording = Recording()
    runner = InProcess(recording)  # type: ignore[arg-type]
    notes = [CheckRequest(note_id=f"n{i}", text="Low back pain.", codes=["M53.86"]) for i in range(8)]

    async def send_all() -> list[str]:
        return await asyncio.gather(*(runner.check(note) for note in notes))

    try:
        assert asyncio.run(send_all()) == ["{}"] * 8
    finally:
        runner.close()
    assert recording.most == 1 and len(recording.threads) == 1
