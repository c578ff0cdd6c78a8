"""The per-note function every engine shares: NoteTask -> NoteResult (report or error, and its rows).

Pure data out (tuples and a JSON string), so results cross process and Spark boundaries cheaply and
the parent only inserts them. Errors carry a code and a message naming the note, never its text.
"""

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypedDict

from notecheck.audit.inputs import NoteTask
from notecheck.errors import NotecheckError
from notecheck.notes import decode, validate_text
from notecheck.report import Report

INTERNAL_ERROR = "NC000"


class _Checks(Protocol):
    """What audit_note needs of notecheck.api.Checker (kept abstract so tests can pass a stub)."""

    @property
    def ruleset_version(self) -> str: ...

    def check(self, text: str, codes: tuple[str, ...], note_id: str) -> Report: ...


class _Base(TypedDict):
    """The fields of a NoteResult that come from the task, whatever the outcome."""

    note_id: str
    source: str
    sha256: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class NoteResult:
    """Everything the store keeps about one note."""

    note_id: str
    source: str
    sha256: str
    codes: tuple[str, ...]
    ruleset_version: str
    seconds: float
    report_json: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    checks: Sequence[tuple[str, str, str | None, bool, int, int]] = field(default_factory=list)
    requirements: Sequence[tuple[str, str, str, str]] = field(default_factory=list)
    findings: Sequence[tuple[str, int, str, str, bool]] = field(default_factory=list)
    facts: Sequence[tuple[int, str, str, str, bool, str | None, int, int, str | None]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the note has a report, False when it has an error."""
        return self.error_code is None


def audit_note(checker: _Checks | None, task: NoteTask, *, ruleset_version: str = "") -> NoteResult:
    """Check one note; any error becomes an error result, so a run never stops on a bad note."""
    started = time.perf_counter()
    base: _Base = {"note_id": task.note_id, "source": task.source, "sha256": task.sha256, "codes": task.codes}
    version = checker.ruleset_version if checker is not None else ruleset_version
    if task.error_code is not None:
        return NoteResult(**base, ruleset_version=version, seconds=0.0, error_code=task.error_code, error_message=task.error_message)
    try:
        if checker is None:
            raise RuntimeError("audit_note needs a checker for a readable note")
        text = task.text if task.text is not None else decode(task.data or b"", task.source)
        validate_text(text, task.source)
        report = checker.check(text, task.codes, task.note_id)
    except NotecheckError as exc:
        error_code, error_message = exc.code, exc.message
    except Exception as exc:
        if os.environ.get("NOTECHECK_DEBUG"):
            raise
        error_code = INTERNAL_ERROR
        error_message = f"{task.source}: internal error ({exc.__class__.__name__}) while checking the note; set NOTECHECK_DEBUG=1 to see the traceback"
    else:
        return _from_report(report, base, version, time.perf_counter() - started)
    return NoteResult(**base, ruleset_version=version, seconds=time.perf_counter() - started, error_code=error_code, error_message=error_message)


def _from_report(report: Report, base: _Base, version: str, seconds: float) -> NoteResult:
    checks, requirements, findings = [], [], []
    seen: set[str] = set()
    for check in report.checks:
        if check.code in seen:  # two spellings of one code: one row, as the store keys on the code
            continue
        seen.add(check.code)
        gaps = [r for r in check.requirements if r.status != "met"]
        required = sum(1 for r in gaps if r.severity == "required")
        checks.append((check.code, check.status, check.title, check.billable, required, len(gaps) - required))
        requirements += [(check.code, r.id, r.status, r.severity) for r in check.requirements]
        findings += [(check.code, i, f.kind, ";".join(f.codes), f.blocking) for i, f in enumerate(check.findings)]
    facts = [
        (f.id, f.kind, f.value, f.assertion, f.historical, f.section, f.start, f.end, f.rule_id) for f in report.facts
    ]
    return NoteResult(
        **base,
        ruleset_version=version,
        seconds=seconds,
        report_json=report.model_dump_json(),
        checks=checks,
        requirements=requirements,
        findings=findings,
        facts=facts,
    )
