"""The audit's worker pool and a terminal's Ctrl-C, in this process: a Ctrl-C is never lost."""

import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from notecheck.audit import workers
from notecheck.audit.inputs import NoteTask

NOTE = "Chronic low back pain for two years; MRI of the lumbar spine shows an L4-5 disc bulge."


def _tasks(count: int) -> list[NoteTask]:
    return [NoteTask(note_id=f"n{i}", source=f"n{i}.txt", codes=("M53.87",), sha256=f"{i:064x}", text=NOTE)
            for i in range(count)]


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals need the main thread")
def test_when_ctrl_c_lands_while_a_note_is_submitted_to_running_workers_then_the_run_stops(monkeypatch):
    """Ctrl-C is ignored only while a submit may start a worker (the worker inherits the ignored signal); once both
    workers run, a Ctrl-C that lands inside a submit still stops the run. Ignoring it around every submit lost it:
    the run went on to the end (seen as a flaky Ctrl-C test under load)."""
    real_submit = ProcessPoolExecutor.submit
    sent = []

    def submit_then_ctrl_c(pool, *args, **kwargs):
        running = len(pool._processes) >= 2  # both workers started before this submit
        future = real_submit(pool, *args, **kwargs)
        if running and not sent:  # the Ctrl-C lands inside this submit
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        return future

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit_then_ctrl_c)
    seen = []
    with pytest.raises(KeyboardInterrupt):
        for result in workers.results(_tasks(40), workers=2, ruleset_version="test"):
            seen.append(result.note_id)
    assert sent, "the Ctrl-C was sent"
    assert len(seen) < 40  # stopped, not run to the end
