"""The body of POST /v1/check/batch, assembled from each note's report JSON or coded error."""

import json
from collections.abc import Sequence

from notecheck.errors import NotecheckError
from notecheck.service.models import CheckRequest


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # as pydantic writes JSON


def batch_json(notes: Sequence[CheckRequest], outcomes: Sequence[str | NotecheckError]) -> str:
    """`BatchResponse` as JSON: one result per note, in order, holding its report or its error.

    The reports are already JSON, so they are spliced in rather than parsed and written again.
    """
    results = []
    for note, outcome in zip(notes, outcomes, strict=True):
        note_id = _dumps(note.note_id)
        if isinstance(outcome, NotecheckError):
            error = _dumps({"code": outcome.code, "message": outcome.message})
            results.append(f'{{"note_id":{note_id},"report":null,"error":{error}}}')
        else:
            results.append(f'{{"note_id":{note_id},"report":{outcome},"error":null}}')
    return '{"results":[' + ",".join(results) + "]}"
