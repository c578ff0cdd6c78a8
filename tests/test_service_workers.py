"""serve --workers N: notes checked on N forked pipeline processes give the same bodies as one process,
coded errors cross the processes, a killed pipeline process is replaced, and Ctrl-C stops it all quietly."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient
    from fastapi.testclient import TestClient

from notecheck.service import Settings, create_app
from notecheck.service.runner import Forked

ROOT = Path(__file__).resolve().parent.parent
NOTE = (ROOT / "sample_notes" / "m5388_complete_soap.txt").read_text(encoding="utf-8")
CODES = ["M53.88", "M49.88", "M53.87"]


@pytest.fixture(scope="module")
def forked(checker):
    with TestClient(create_app(Settings(workers=2), checker=checker)) as http:
        yield http


def test_when_two_workers_then_reports_are_the_one_process_bodies(forked, checker):
    runner = forked.app.state.runner
    assert isinstance(runner, Forked) and len(runner.pool._processes) == 2
    for i in range(4):  # more notes than processes: both take some
        response = forked.post("/v1/check", json={"note_id": f"n{i}", "text": NOTE, "codes": CODES})
        assert response.status_code == 200
        assert response.text == checker.check(NOTE, codes=CODES, note_id=f"n{i}").model_dump_json()


def test_when_two_workers_then_coded_errors_and_batches_cross_the_processes(forked):
    empty = forked.post("/v1/check", json={"note_id": "e", "text": "   ", "codes": CODES})
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "NC301"
    batch = forked.post("/v1/check/batch", json={"notes": [
        {"note_id": "ok", "text": NOTE, "codes": CODES},
        {"note_id": "bad", "text": " ", "codes": CODES},
    ]})
    results = batch.json()["results"]
    assert batch.status_code == 200 and results[0]["report"]["note_id"] == "ok"
    assert results[1]["error"]["code"] == "NC301"


def test_when_a_pipeline_process_is_killed_then_a_coded_500_and_the_next_note_is_checked(checker):
    with TestClient(create_app(Settings(workers=2), checker=checker), raise_server_exceptions=False) as http:
        runner = http.app.state.runner
        broken = runner.pool
        os.kill(next(iter(broken._processes)), signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not broken._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        failed = http.post("/v1/check", json={"note_id": "n", "text": NOTE, "codes": CODES})
        assert failed.status_code == 500 and failed.json()["error"]["code"] == "NC399"
        assert "L5" not in failed.text  # never the note
        again = http.post("/v1/check", json={"note_id": "n", "text": NOTE, "codes": CODES})
        assert again.status_code == 200 and runner.pool is not broken


def test_when_serve_with_two_workers_gets_ctrl_c_then_it_stops_without_tracebacks(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "notecheck", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        body = json.dumps({"note_id": "n", "text": NOTE, "codes": CODES}).encode()
        deadline = time.monotonic() + 120
        while True:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/check", data=body,
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=30) as response:
                    assert json.loads(response.read())["note_id"] == "n"
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.5)
        os.killpg(server.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole process group
        _, errors = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors
