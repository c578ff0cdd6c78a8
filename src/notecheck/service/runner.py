"""Where the service checks notes: in this process's threadpool, or in a pool of pipeline processes.

Either way the work returns the report as JSON text, serialised once by pydantic where it was made,
so no report object crosses the event loop or a process boundary. With `workers` > 1 one HTTP process
hands each note to a pool of forked pipeline processes: the load spreads per request, whichever
keep-alive connection it came on (uvicorn's own --workers spread connections, and one process could
hold all of them while the other idled). The pool is forked after the pipeline has loaded and warmed
up, so its processes share those pages and serve their first note at full speed.
"""

import asyncio
import multiprocessing
import signal
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from starlette.concurrency import run_in_threadpool

from notecheck.api import Checker
from notecheck.errors import NotecheckError
from notecheck.service.models import CheckRequest

Outcome = str | NotecheckError

_POOL_CHECKER: Checker | None = None  # the checker a forked pool process inherits


def report_json(checker: Checker, text: str, codes: Sequence[str], note_id: str) -> str:
    """The contract's report for one note as JSON; bad input raises a coded NotecheckError."""
    return checker.check(text, codes=codes, note_id=note_id).model_dump_json()


def _outcomes(checker: Checker, notes: Sequence[CheckRequest]) -> list[Outcome]:
    """One result per note, in order: the report's JSON or the coded error that note met."""
    results: list[Outcome] = []
    for note in notes:
        try:
            results.append(report_json(checker, note.text, note.codes, note.note_id))
        except NotecheckError as exc:
            results.append(exc)
    return results


class InProcess:
    """Checks in this process's threadpool (one worker; tests and the default `notecheck serve`)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    async def check(self, note: CheckRequest) -> str:
        return await run_in_threadpool(report_json, self.checker, note.text, note.codes, note.note_id)

    async def batch(self, notes: Sequence[CheckRequest]) -> list[Outcome]:
        return await run_in_threadpool(_outcomes, self.checker, notes)

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None


def _pool_started() -> None:
    # The parent (uvicorn) stops the pool on shutdown; a Ctrl-C sent to the whole group must not
    # raise KeyboardInterrupt in the middle of a note, and SIGTERM ends a pool process as usual.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _pool_check(text: str, codes: Sequence[str], note_id: str) -> str:
    if _POOL_CHECKER is None:
        raise RuntimeError("a pool process started without the forked checker")
    return report_json(_POOL_CHECKER, text, codes, note_id)


class Pool:
    """Checks in `workers` forked processes that inherit the loaded, warmed-up checker."""

    def __init__(self, checker: Checker, workers: int) -> None:
        global _POOL_CHECKER
        _POOL_CHECKER = checker
        self.checker = checker
        self.workers = workers
        context = multiprocessing.get_context("fork")
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_pool_started)

    async def start(self) -> None:
        """Fork every process now (a fork pool starts them all at the first submit) and check a note."""
        warm = CheckRequest(note_id="warm-up", text="warm-up", codes=["M53.88"])
        await asyncio.gather(*(self.check(warm) for _ in range(self.workers)))

    async def check(self, note: CheckRequest) -> str:
        return await asyncio.wrap_future(self.pool.submit(_pool_check, note.text, note.codes, note.note_id))

    async def batch(self, notes: Sequence[CheckRequest]) -> list[Outcome]:
        """Every note of the batch in parallel over the pool; results in the batch's order."""
        results = await asyncio.gather(*(self.check(note) for note in notes), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, NotecheckError):
                raise result
        return [result for result in results if isinstance(result, str | NotecheckError)]

    async def close(self) -> None:
        await asyncio.to_thread(self.pool.shutdown, wait=True, cancel_futures=True)


Runner = InProcess | Pool


def make_runner(checker: Checker, workers: int) -> Runner:
    """A pool of `workers` processes where fork exists and workers > 1, else this process."""
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        return Pool(checker, workers)
    return InProcess(checker)
