"""The terminal renderer (notecheck.render.text): user input shows as written, never read as Rich markup."""

import io

import pytest
from rich.console import Console

from notecheck.render.text import render
from notecheck.report import Check, Finding, Report


def _text(report: Report) -> str:
    buffer = io.StringIO()
    render(report, Console(file=buffer, width=120, highlight=False))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("note_id", "code"),
    [
        pytest.param("n1", "[/]", id="closing-tag-as-code"),
        pytest.param("[/x]", "M53.88", id="closing-tag-as-note-id"),
        pytest.param("[bold]n1", "[red]M53", id="opening-tags"),
    ],
)
def test_when_a_code_or_note_id_looks_like_markup_then_it_is_printed_as_written(note_id, code):
    finding = Finding(kind="invalid_code", message="not an ICD-10-CM code", blocking=True)
    check = Check(code=code, title=None, billable=False, status="invalid", findings=[finding])
    output = _text(Report(note_id=note_id, facts=[], checks=[check]))
    assert note_id in output and code in output
