"""A pool of forked pipeline processes, each fed by the event loop over its own pipe.

One HTTP process hands each note to whichever process is idle, so the load spreads per request
whatever keep-alive connection it came on (uvicorn's own --workers spreads connections, and one
process could hold every client while the other idled). The processes fork after the pipeline has
loaded and warmed up, so they start warm and share those pages. The loop writes each note to a
process's pipe and reads the report's JSON when the pipe is readable: no executor or feeder threads
in between (concurrent.futures' process pool adds two thread hand-offs a note, costly when the CPUs
are contended).
"""

import asyncio
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Sequence
from contextlib import suppress
from multiprocessing.connection import Connection
from typing import Any

from starlette.concurrency import run_in_threadpool

from notecheck.api import Checker
from notecheck.errors import InternalError, NotecheckError
from notecheck.service.checks import Outcome, report_json
from notecheck.service.models import CheckRequest

log = logging.getLogger("notecheck.service")
_WARM_UP = CheckRequest(note_id="warm-up", text="warm-up", codes=["M53.88"])
# A note this long is written from a thread: the pipe can be full while its process finishes the
# note before, and the event loop must not wait for that.
_INLINE_CHARS = 32 * 1024


def _serve(conn: Connection, checker: Checker, inherited: list[Connection]) -> None:
    """A pool process: check each note that arrives, answer (ok, JSON) or (failed, coded error)."""
    # The parent stops the pool; a Ctrl-C sent to the whole group must not interrupt a note.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in inherited:  # the parent's ends, copied by fork: closed, so EOF reaches every process
        other.close()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        text, codes, note_id = message
        reply: tuple[bool, Any]
        try:
            reply = (True, report_json(checker, text, codes, note_id))
        except NotecheckError as exc:
            reply = (False, exc)
        except Exception as exc:  # the message could quote the note: only the class name goes back
            reply = (False, InternalError(name=exc.__class__.__name__))
        conn.send(reply)


class Pool:
    """Checks in `workers` forked processes that inherit the loaded, warmed-up checker.

    Each process gets up to `DEPTH` notes at a time through its pipe and answers them in order, so
    it starts its next note without waiting for this (busy) process to be scheduled; a new note goes
    to the process with the fewest notes in hand.
    """

    DEPTH = 2

    def __init__(self, checker: Checker, workers: int) -> None:
        self.checker = checker
        context = multiprocessing.get_context("fork")
        self.procs: list[Any] = []
        self.pending: dict[Connection, deque[asyncio.Future[tuple[bool, Any]]]] = {}
        self.sending: dict[Connection, asyncio.Lock] = {}  # one writer a pipe, in the order notes queued
        for _ in range(workers):
            ours, theirs = context.Pipe(duplex=True)
            inherited = [*self.pending, ours]
            proc = context.Process(target=_serve, args=(theirs, checker, inherited), daemon=True, name="notecheck-pipeline")
            proc.start()
            theirs.close()
            self.procs.append(proc)
            self.pending[ours] = deque()
            self.sending[ours] = asyncio.Lock()
        self.slots = asyncio.Semaphore(workers * self.DEPTH)

    async def start(self) -> None:
        """Read every pipe from the loop, then a warm-up note through every process."""
        loop = asyncio.get_running_loop()
        for conn in self.pending:
            loop.add_reader(conn.fileno(), self._answered, conn)
        await asyncio.gather(*(self.check(_WARM_UP) for _ in self.procs))

    def _answered(self, conn: Connection) -> None:
        """A process answered: resolve its oldest note (dropped if that request has gone)."""
        try:
            reply = conn.recv()
        except (EOFError, OSError):
            self._lost(conn)
            return
        waiter = self.pending[conn].popleft()
        if not waiter.done():
            waiter.set_result(reply)

    def _lost(self, conn: Connection) -> None:
        asyncio.get_running_loop().remove_reader(conn.fileno())
        for waiter in self.pending.pop(conn):
            if not waiter.done():
                waiter.set_result((False, InternalError(name="PipelineProcessExited")))
        log.error("a pipeline process exited; %d left", len(self.pending))

    async def check(self, note: CheckRequest) -> str:
        """The report's JSON from the least busy process; its coded error is raised here."""
        async with self.slots:
            if not self.pending:  # every pool process has died: check here rather than fail every note
                return await run_in_threadpool(report_json, self.checker, note.text, note.codes, note.note_id)
            conn = min(self.pending, key=lambda c: len(self.pending[c]))
            waiter: asyncio.Future[tuple[bool, Any]] = asyncio.get_running_loop().create_future()
            self.pending[conn].append(waiter)
            await self._send(conn, (note.text, tuple(note.codes), note.note_id))
            ok, value = await waiter
        if ok:
            return str(value)
        if isinstance(value, InternalError):
            log.error("internal error %s in a pipeline process", value.fields.get("name"))
        raise value

    async def _send(self, conn: Connection, message: tuple[str, tuple[str, ...], str]) -> None:
        async with self.sending[conn]:
            try:
                if len(message[0]) < _INLINE_CHARS:
                    conn.send(message)
                else:
                    await asyncio.to_thread(conn.send, message)
            except OSError:
                if conn in self.pending:
                    self._lost(conn)

    async def batch(self, notes: Sequence[CheckRequest]) -> list[Outcome]:
        """Every note of the batch in parallel over the pool; results in the batch's order."""
        results = await asyncio.gather(*(self.check(note) for note in notes), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, NotecheckError):
                raise result
        return [result for result in results if isinstance(result, str | NotecheckError)]

    async def close(self) -> None:
        """Close the pipes (each process ends at EOF) and wait for the processes."""
        loop = asyncio.get_running_loop()
        for conn in list(self.pending):
            loop.remove_reader(conn.fileno())
            with suppress(OSError):
                conn.send(None)  # the stop message; the close below is the EOF if it was not read
            conn.close()
        for proc in self.procs:
            await asyncio.to_thread(proc.join, 10)
            if proc.is_alive():
                proc.terminate()
