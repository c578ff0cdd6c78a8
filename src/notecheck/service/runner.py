"""Where the service checks notes, returning each report as pydantic's JSON text.

The pipeline is CPU-bound and holds the GIL, so more threads in one process add no throughput: they
only interleave requests (each of four concurrent notes then takes about four notes' time) and call one
spaCy pipeline, whose matchers keep per-process caches, from several threads at once. `InProcess` (serve
--workers 1) checks the notes on one pipeline thread in the order they came; the event loop only waits
for it. `Forked` (--workers N) checks them on N pipeline processes forked from the loaded one, fed from
one queue: whichever process is free takes the next note, whatever connection it came on (uvicorn's own
workers hand whole keep-alive connections to processes, and an uneven split of the clients set the tail
latency). Only the note and the report's JSON text cross between processes.

The report is serialised once, where it is made, and leaves as the response body: FastAPI neither
validates it again against the response_model nor dumps it (the response_model stays for OpenAPI).
"""

import asyncio
import logging
import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from notecheck.api import Checker
from notecheck.errors import InternalError
from notecheck.service.checks import Outcome, outcomes, report_json
from notecheck.service.models import CheckRequest


class InProcess:
    """Checks on this process's one pipeline thread, so the event loop never blocks."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.pipeline = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notecheck-pipeline")

    async def check(self, note: CheckRequest) -> str:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pipeline, report_json, self.checker, note.text, note.codes, note.note_id)

    async def batch(self, notes: Sequence[CheckRequest]) -> list[Outcome]:
        return await asyncio.get_running_loop().run_in_executor(self.pipeline, outcomes, self.checker, notes)

    def close(self) -> None:
        """Let the note being checked finish, then stop the thread."""
        self.pipeline.shutdown(wait=True)


T = TypeVar("T")
log = logging.getLogger("notecheck.service")
_FORKED_CHECKER: Checker | None = None  # the loaded checker a forked pipeline process inherits


def _start_pipeline_process() -> None:
    # A terminal's Ctrl-C reaches the whole process group: the HTTP process stops the pool, so its
    # pipeline processes must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _forked_checker() -> Checker:
    if _FORKED_CHECKER is None:
        raise RuntimeError("pipeline process started without a checker")
    return _FORKED_CHECKER


def _forked_report(text: str, codes: Sequence[str], note_id: str) -> str:
    return report_json(_forked_checker(), text, codes, note_id)


def _forked_outcomes(notes: Sequence[CheckRequest]) -> list[Outcome]:
    return outcomes(_forked_checker(), notes)


class Forked:
    """Checks on `processes` pipeline processes forked from this one once its checker has loaded."""

    def __init__(self, checker: Checker, processes: int) -> None:
        global _FORKED_CHECKER
        _FORKED_CHECKER = checker
        self.processes = processes
        self.pool = self._fork()

    def _fork(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(
            self.processes, mp_context=multiprocessing.get_context("fork"), initializer=_start_pipeline_process
        )
        # With fork, the first task starts every process: here, not on a user's request.
        list(pool.map(_forked_report, ["warm-up"] * self.processes, [["M53.88"]] * self.processes, ["warm-up"] * self.processes))
        return pool

    async def check(self, note: CheckRequest) -> str:
        return await self._run(_forked_report, note.text, note.codes, note.note_id)

    async def batch(self, notes: Sequence[CheckRequest]) -> list[Outcome]:
        return await self._run(_forked_outcomes, notes)

    async def _run(self, function: Callable[..., T], *args: Any) -> T:
        pool = self.pool
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, function, *args)
        except BrokenProcessPool:
            # A pipeline process died (killed, out of memory): every note in flight fails with a coded
            # error, and a new pool takes the next ones.
            if self.pool is pool:
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._fork()
            log.warning("a pipeline process stopped; the pool was forked again")
            raise InternalError(name="a pipeline process stopped; retry the note") from None

    def close(self) -> None:
        """Let the notes being checked finish, then stop the processes."""
        self.pool.shutdown(wait=True)
