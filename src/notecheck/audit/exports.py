"""results.jsonl and results.csv, rewritten from SQLite at the end of every run (so they always hold
exactly one line per input note, whatever happened to earlier runs). Written to a temporary file and
renamed, so a reader never sees half a file.
"""

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

from notecheck.audit.store import Store

CSV_COLUMNS = [
    "note_id", "code", "status", "title", "billable", "required_gaps", "recommended_gaps",
    "missing_required", "findings", "n_facts", "error_code",
]

_NOTES = (
    "SELECT n.note_id, n.status, n.error_code, n.error_message, n.report_json, n.codes, n.n_facts "
    "FROM inputs i JOIN notes n ON n.note_id = i.note_id ORDER BY i.ord"
)


def write_jsonl(store: Store, path: Path) -> int:
    """One line per input note: {"note_id", "report"} or {"note_id", "error": {"code", "message"}}."""
    count = 0
    with _atomic(path) as handle:
        for note_id, status, code, message, report_json, _codes, _n in store.rows(_NOTES):
            head = f'{{"note_id": {json.dumps(note_id)}, '
            if status == "ok":
                handle.write(f'{head}"report": {report_json}}}\n')  # stored JSON, not re-serialized
            else:
                handle.write(head + f'"error": {json.dumps({"code": code, "message": message})}}}\n')
            count += 1
    return count


def write_csv(store: Store, path: Path) -> int:
    """One row per note x code; an error note gets one row per code (status error); no codes, one row."""
    gaps = _missing_required(store)
    findings = _finding_kinds(store)
    checks: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
    for row in store.rows("SELECT note_id, code, status, title, billable, required_gaps, recommended_gaps FROM checks"):
        checks.setdefault(row[0], []).append(row)
    count = 0
    with _atomic(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for note_id, status, error_code, _message, _report, codes, n_facts in store.rows(_NOTES):
            for line in _csv_rows(note_id, status, error_code, codes, n_facts, checks.get(note_id, []), gaps, findings):
                writer.writerow(line)
                count += 1
    return count


def _csv_rows(note_id, status, error_code, codes, n_facts, checks, gaps, findings) -> Iterator[list]:  # type: ignore[no-untyped-def,type-arg]
    if status == "error":
        for code in codes.split(";") if codes else [""]:
            yield [note_id, code, "error", "", "", "", "", "", "", "", error_code]
    elif not checks:
        yield [note_id, "", "", "", "", "", "", "", "", n_facts, ""]
    else:
        for _, code, check_status, title, billable, required, recommended in sorted(checks, key=lambda r: r[1]):
            key = (note_id, code)
            yield [note_id, code, check_status, title or "", int(billable), required, recommended,
                   ";".join(gaps.get(key, [])), ";".join(findings.get(key, [])), n_facts, ""]


def _missing_required(store: Store) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    sql = "SELECT note_id, code, requirement FROM requirements WHERE severity = 'required' AND status != 'met'"
    for note_id, code, requirement in store.rows(sql):
        found.setdefault((note_id, code), []).append(requirement)
    return found


def _finding_kinds(store: Store) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for note_id, code, kind in store.rows("SELECT note_id, code, kind FROM findings ORDER BY note_id, code, ord"):
        found.setdefault((note_id, code), []).append(kind)
    return found


class _atomic:  # noqa: N801 (used like open())
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp")

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.handle = self.tmp.open("w", encoding="utf-8", newline="")
        return self.handle

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self.handle.close()
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)
