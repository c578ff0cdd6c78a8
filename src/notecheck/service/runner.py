"""Where the service checks notes: in this process's threadpool, or in a pool of pipeline processes.

Either way the work returns the report as JSON text, serialised once by pydantic where it was made,
so no report object crosses the event loop or a process boundary (service/pool.py for the pool).
"""

import multiprocessing
from collections.abc import Sequence

from starlette.concurrency import run_in_threadpool

from notecheck.api import Checker
from notecheck.service.checks import Outcome, outcomes, report_json
from notecheck.service.models import CheckRequest
from notecheck.service.pool import Pool


class InProcess:
    """Checks in this process's threadpool (one worker; tests and the default `notecheck serve`)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    async def check(self, note: CheckRequest) -> str:
        return await run_in_threadpool(report_json, self.checker, note.text, note.codes, note.note_id)

    async def batch(self, notes: Sequence[CheckRequest]) -> list[Outcome]:
        return await run_in_threadpool(outcomes, self.checker, notes)

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None


Runner = InProcess | Pool


def make_runner(checker: Checker, workers: int) -> Runner:
    """A pool of `workers` processes where fork exists and workers > 1, else this process."""
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        return Pool(checker, workers)
    return InProcess(checker)
