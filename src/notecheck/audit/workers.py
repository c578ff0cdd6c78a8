"""Where notes are checked: in this process (one worker) or in a pool that loads the pipeline once per
worker process. Results stream back in completion order; the caller (the parent) alone writes SQLite.
"""

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from notecheck.audit.inputs import NoteTask
from notecheck.audit.note import NoteResult, audit_note
from notecheck.errors import NotecheckError

_IN_FLIGHT_PER_WORKER = 4
_POLL_SECONDS = 0.2  # how often the pool loop looks for a Ctrl-C it deferred
_checker = None  # one per worker process, set by _init_worker


def results(tasks: Iterable[NoteTask], *, workers: int, ruleset_version: str) -> Iterator[NoteResult]:
    """Audit the tasks, yielding each result as it is ready."""
    if workers <= 1:
        yield from _in_process(tasks, ruleset_version)
    else:
        yield from _in_pool(tasks, workers, ruleset_version)


def _in_process(tasks: Iterable[NoteTask], ruleset_version: str) -> Iterator[NoteResult]:
    checker = None
    for task in tasks:
        if checker is None and task.error_code is None:
            import notecheck

            checker = notecheck.load()
        yield audit_note(checker, task, ruleset_version=ruleset_version)


def _in_pool(tasks: Iterable[NoteTask], workers: int, ruleset_version: str) -> Iterator[NoteResult]:
    # spawn, not fork: the parent runs Rich's refresh thread, and forking a threaded process is unsafe.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker)
    pending: set[Future[NoteResult]] = set()
    # The pool starts its workers on submits (Python 3.9+, one at most per submit) until it has `workers`; once they
    # run, no submit starts one, and ignoring Ctrl-C around every submit lost a Ctrl-C that landed there.
    with _sigint_deferred() as interrupted:
        try:
            for task in tasks:
                _stop_if(interrupted)
                if task.error_code is not None:  # already failed while reading: no worker needed
                    yield audit_note(None, task, ruleset_version=ruleset_version)
                    continue
                if len(multiprocessing.active_children()) < workers:  # this submit may start a worker:
                    with _sigint_ignored():  # it inherits the ignored Ctrl-C
                        pending.add(pool.submit(_work, task))
                else:  # every worker is started: a Ctrl-C now must reach the handler, not be ignored
                    pending.add(pool.submit(_work, task))
                while len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                    done, pending = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
                    _stop_if(interrupted)
                    yield from (future.result() for future in done)
            while pending:
                done, pending = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
                _stop_if(interrupted)
                yield from (future.result() for future in done)
        except BrokenProcessPool:
            raise NotecheckError(
                detail="a worker process died (out of memory, killed, or the pipeline failed to load); "
                "the notes finished so far are saved: run the same command again to resume"
            ) from None
        finally:
            # On an error or Ctrl-C, drop the queued notes instead of finishing them: the rerun resumes.
            pool.shutdown(wait=not pending, cancel_futures=True)
    # A Ctrl-C after the last check (while the last results were saved or the workers shut down) still stops the
    # run: its exports are written by the rerun, which finds every note done.
    _stop_if(interrupted)


def _stop_if(interrupted: threading.Event) -> None:
    if interrupted.is_set():
        raise KeyboardInterrupt


@contextmanager
def _sigint_deferred() -> Iterator[threading.Event]:
    """Ctrl-C only sets the event while the pool runs; the loop raises KeyboardInterrupt where it checks it.

    A KeyboardInterrupt raised at any bytecode could land inside concurrent.futures' own locking (wait()
    takes each future's lock in turn): a lock left held stops the pool's result thread, a worker then blocks
    writing its result, and the run hangs at exit instead of stopping. The event is checked at least every
    _POLL_SECONDS, so Ctrl-C still stops the run at once.
    """
    interrupted = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield interrupted
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.set())
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ctrl-C is the parent's to handle: a worker started meanwhile inherits SIG_IGN across exec.

    Without it a terminal's Ctrl-C, sent to the whole process group, makes every worker print a
    KeyboardInterrupt traceback (often from inside its imports); the parent alone stops the run.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _init_worker() -> None:
    """Load the pipeline once per worker process; die with the parent (kill -9 leaves no orphans)."""
    global _checker
    _die_with_parent()
    import notecheck

    _checker = notecheck.load()


def _work(task: NoteTask) -> NoteResult:
    return audit_note(_checker, task)


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
