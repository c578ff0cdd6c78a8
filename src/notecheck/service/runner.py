"""Where a worker checks notes: one pipeline thread, returning the report as pydantic's JSON text.

The pipeline is CPU-bound and holds the GIL, so more threads in one process add no throughput: they
only interleave requests (each of four concurrent notes then takes about four notes' time) and call one
spaCy pipeline, whose matchers keep per-process caches, from several threads at once. One thread checks
the notes in the order they came; the event loop only waits for it. Throughput across cores comes from
`notecheck serve --workers N`.

The report is serialised once, where it is made, and leaves as the response body: FastAPI neither
validates it again against the response_model nor dumps it (the response_model stays for OpenAPI).
"""

import asyncio
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from notecheck.api import Checker
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
