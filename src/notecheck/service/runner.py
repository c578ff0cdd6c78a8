"""Where a worker checks notes: its threadpool, returning the report as pydantic's JSON text.

The report is serialised once, where it is made, and leaves as the response body: FastAPI neither
validates it again against the response_model (a second threadpool hop for a sync endpoint) nor
dumps it (the response_model stays for OpenAPI).
"""

from collections.abc import Sequence

from starlette.concurrency import run_in_threadpool

from notecheck.api import Checker
from notecheck.service.checks import Outcome, outcomes, report_json
from notecheck.service.models import CheckRequest


class InProcess:
    """Checks in this process's threadpool, so the event loop never blocks."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    async def check(self, note: CheckRequest) -> str:
        return await run_in_threadpool(report_json, self.checker, note.text, note.codes, note.note_id)

    async def batch(self, notes: Sequence[CheckRequest]) -> list[Outcome]:
        return await run_in_threadpool(outcomes, self.checker, notes)
