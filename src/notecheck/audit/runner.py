"""run_audit: collect the notes, skip what an earlier run finished, check the rest, write the files.

Resume key: note id + sha256 of the note (and its codes) + ruleset version. Each result is committed
in its own SQLite transaction as it arrives, so `kill -9` at any moment loses only the notes in flight;
the JSONL/CSV/summary files are rewritten from SQLite at the end of every run.
"""

import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from notecheck.audit import exports, summary, workers
from notecheck.audit.inputs import collect
from notecheck.audit.store import Store
from notecheck.errors import OutputError

RESULTS = ("results.sqlite", "results.jsonl", "results.csv", "summary.html")
_ERRORS = "SELECT count(*) FROM notes WHERE status = 'error' AND note_id IN (SELECT note_id FROM inputs)"


@dataclass(frozen=True)
class AuditOutcome:
    """What a run did: notes in the input, audited now, skipped as already done, errors, time."""

    total: int
    audited: int
    skipped: int
    errors: int
    seconds: float
    out: Path

    def line(self) -> str:
        """One line for the terminal."""
        rate = self.audited / self.seconds if self.seconds else 0.0
        return (
            f"audited {self.audited} of {self.total} notes ({self.skipped} already done, {self.errors} with errors) "
            f"in {self.seconds:.1f} s ({rate:.2f} notes/s); results in {self.out}"
        )


def run_audit(notes: Path, out: Path, *, manifest: Path | None = None, workers_n: int = 1, quiet: bool | None = None) -> AuditOutcome:
    """Audit a folder (with an optional manifest) or a JSON Lines file into RESULTS_DIR `out`."""
    from notecheck.ruleset import load_ruleset

    started = time.perf_counter()
    tasks = collect(notes, manifest, exclude=out)
    version = load_ruleset().version
    store = _open_store(out)
    try:
        known = store.keys()
        todo = [t for t in tasks if known.get(t.note_id) != (t.sha256, version)]
        store.start_run(tasks, ruleset_version=version, engine="local", workers=workers_n, skipped=len(tasks) - len(todo))
        with _progress(quiet) as progress:
            bar = progress.add_task(f"audit ({len(tasks) - len(todo)} done before)", total=len(todo))
            for result in workers.results(todo, workers=workers_n, ruleset_version=version):
                store.save(result)
                progress.advance(bar)
        write_outputs(store, out)
        store.finish_run(len(todo))
        errors = next(store.rows(_ERRORS))[0]
    finally:
        store.close()
    return AuditOutcome(len(tasks), len(todo), len(tasks) - len(todo), errors, time.perf_counter() - started, out)


def _open_store(out: Path) -> Store:
    """RESULTS_DIR/results.sqlite, created if need be; a place that cannot hold it is one coded line."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return Store(out / RESULTS[0])
    except FileExistsError:
        raise OutputError(path=str(out), what="the results", reason="it is a file; give a folder") from None
    except OSError as exc:
        raise OutputError(path=str(out), what="the results", reason=exc.strerror or exc.__class__.__name__) from None
    except sqlite3.Error as exc:
        reason = f"{RESULTS[0]} is not a notecheck results database ({exc}); move it away or choose another folder"
        raise OutputError(path=str(out), what="the results", reason=reason) from None


def write_outputs(store: Store, out: Path) -> None:
    """results.jsonl, results.csv and summary.html from the SQLite record."""
    exports.write_jsonl(store, out / RESULTS[1])
    exports.write_csv(store, out / RESULTS[2])
    summary.write_summary(store, out / RESULTS[3])


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.2f} notes/s" if task.speed else "- notes/s")


def _progress(quiet: bool | None) -> Progress:
    console = Console(file=sys.stdout)
    disable = (not console.is_terminal) if quiet is None else quiet
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(), TimeRemainingColumn(),
        console=console, disable=disable,
    )
