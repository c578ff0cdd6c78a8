"""The work behind POST /v1/check and /v1/check/batch: plain functions over a loaded Checker."""

from notecheck.api import Checker
from notecheck.errors import NotecheckError
from notecheck.report import ErrorBody, Report
from notecheck.service.models import BatchRequest, BatchResponse, BatchResult, CheckRequest


def check_one(checker: Checker, request: CheckRequest) -> Report:
    """The contract's report for one note; bad input raises a coded NotecheckError."""
    return checker.check(request.text, codes=request.codes, note_id=request.note_id)


def check_batch(checker: Checker, batch: BatchRequest) -> BatchResponse:
    """One result per note, in order; a note with bad input gets its error and the rest still run."""
    results: list[BatchResult] = []
    for request in batch.notes:
        try:
            report = check_one(checker, request)
        except NotecheckError as exc:
            error = ErrorBody(code=exc.code, message=exc.message)
            results.append(BatchResult(note_id=request.note_id, error=error))
        else:
            results.append(BatchResult(note_id=request.note_id, report=report))
    return BatchResponse(results=results)
