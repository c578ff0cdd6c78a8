"""Resume keys: a note is redone when its content, its codes or the ruleset change, and only then.

A stub checker stands in for the pipeline, so these run in milliseconds.
"""

import sqlite3
from types import SimpleNamespace

import pytest

import notecheck
import notecheck.ruleset
from notecheck.audit import run_audit
from notecheck.report import Check, Report


class StubChecker:
    def __init__(self, version: str) -> None:
        self.ruleset_version = version
        self.calls: list[str] = []

    def check(self, text, codes, note_id):
        self.calls.append(note_id)
        checks = [Check(code=code, billable=True, status="gaps") for code in codes]
        return Report(note_id=note_id, checks=checks)


@pytest.fixture
def stub(monkeypatch):
    state = SimpleNamespace(version="v1", checker=None)

    def load():
        state.checker = StubChecker(state.version)
        return state.checker

    monkeypatch.setattr(notecheck, "load", load)
    monkeypatch.setattr(notecheck.ruleset, "load_ruleset", lambda root=None: SimpleNamespace(version=state.version))
    return state


def _first_run(tmp_path, stub):
    notes = tmp_path / "notes"
    notes.mkdir()
    for name in ("a", "b", "c"):
        (notes / f"{name}.txt").write_text(f"note {name} text", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,codes\na.txt,M5388\nb.txt,M5388\nc.txt,M5388\n", encoding="utf-8")
    run_audit(notes, tmp_path / "out", manifest=manifest, quiet=True)
    return notes, manifest


def _edit_content(notes, manifest, stub):
    (notes / "b.txt").write_text("note b, edited", encoding="utf-8")


def _edit_codes(notes, manifest, stub):
    manifest.write_text("path,codes\na.txt,M5388\nb.txt,M5388;M4838\nc.txt,M5388\n", encoding="utf-8")


def _new_ruleset(notes, manifest, stub):
    stub.version = "v2"


def _nothing(notes, manifest, stub):
    pass


@pytest.mark.parametrize(("change", "redone"), [
    pytest.param(_nothing, [], id="same-input-skipped"),
    pytest.param(_edit_content, ["b"], id="edited-note-redone"),
    pytest.param(_edit_codes, ["b"], id="new-codes-redone"),
    pytest.param(_new_ruleset, ["a", "b", "c"], id="new-ruleset-redoes-all"),
])
def test_when_the_run_is_started_again_then_only_changed_notes_are_redone(tmp_path, stub, change, redone):
    notes, manifest = _first_run(tmp_path, stub)
    change(notes, manifest, stub)
    stub.checker = None
    outcome = run_audit(notes, tmp_path / "out", manifest=manifest, quiet=True)
    assert sorted(stub.checker.calls if stub.checker else []) == redone
    assert (outcome.audited, outcome.skipped) == (len(redone), 3 - len(redone))
    db = sqlite3.connect(tmp_path / "out" / "results.sqlite")
    assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == 3
    codes_of_b = {code for (code,) in db.execute("SELECT code FROM checks WHERE note_id = 'b'")}
    assert codes_of_b == ({"M53.88", "M48.38"} if change is _edit_codes else {"M53.88"})
    lines = (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3


def test_when_a_note_leaves_the_manifest_then_the_files_no_longer_list_it(tmp_path, stub):
    notes, manifest = _first_run(tmp_path, stub)
    manifest.write_text("path,codes\na.txt,M5388\n", encoding="utf-8")
    run_audit(notes, tmp_path / "out", manifest=manifest, quiet=True)
    lines = (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and '"a"' in lines[0]
