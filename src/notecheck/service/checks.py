"""The work behind POST /v1/check and /v1/check/batch: reports as JSON text, and the batch body."""

import json
from collections.abc import Sequence

from notecheck.api import Checker
from notecheck.errors import NotecheckError
from notecheck.service.models import CheckRequest

Outcome = str | NotecheckError


def report_json(checker: Checker, text: str, codes: Sequence[str], note_id: str) -> str:
    """The contract's report for one note as JSON; bad input raises a coded NotecheckError."""
    return checker.check(text, codes=codes, note_id=note_id).model_dump_json()


def outcomes(checker: Checker, notes: Sequence[CheckRequest]) -> list[Outcome]:
    """One result per note, in order: the report's JSON or the coded error that note met."""
    results: list[Outcome] = []
    for note in notes:
        try:
            results.append(report_json(checker, note.text, note.codes, note.note_id))
        except NotecheckError as exc:
            results.append(exc)
    return results


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # as pydantic writes JSON


def batch_json(notes: Sequence[CheckRequest], results: Sequence[Outcome]) -> str:
    """`BatchResponse` as JSON: one result per note, in order, holding its report or its error.

    The reports are already JSON, so they are spliced in rather than parsed and written again.
    """
    parts = []
    for note, outcome in zip(notes, results, strict=True):
        note_id = _dumps(note.note_id)
        if isinstance(outcome, NotecheckError):
            error = _dumps({"code": outcome.code, "message": outcome.message})
            parts.append(f'{{"note_id":{note_id},"report":null,"error":{error}}}')
        else:
            parts.append(f'{{"note_id":{note_id},"report":{outcome},"error":null}}')
    return '{"results":[' + ",".join(parts) + "]}"
