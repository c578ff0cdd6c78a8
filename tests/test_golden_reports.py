"""Golden reports: the whole report of every sample note (facts, offsets, verdicts, messages, queries).

test_sample_notes.py asserts the verdicts a coder relies on; these files catch everything else a rule
change moves (a fact's offsets, a message, a query's wording), so a reviewer sees it as a diff of
tests/golden/*.json. Refresh on purpose with `python -m pytest tests/test_golden_reports.py --update-golden`
and review the diff before committing it.
"""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_notes"
GOLDEN = Path(__file__).resolve().parent / "golden" / "reports"


def _notes() -> list[str]:
    return sorted(p.name.removesuffix(".gold.json") for p in SAMPLES.glob("*.gold.json"))


def _report(checker, name: str) -> dict:
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    codes = list(json.loads((SAMPLES / f"{name}.gold.json").read_text(encoding="utf-8")).get("codes", {}))
    return checker.check(text, codes=codes, note_id=name).model_dump(mode="json")


@pytest.mark.parametrize("name", _notes())
def test_sample_note_report_matches_its_golden_file(checker, update_golden, name):
    path = GOLDEN / f"{name}.json"
    report = _report(checker, name)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.is_file(), f"no golden report for {name}: run with --update-golden and review the diff"
    assert report == json.loads(path.read_text(encoding="utf-8"))


def test_every_golden_report_belongs_to_a_sample_note():
    stale = {p.stem for p in GOLDEN.glob("*.json")} - set(_notes())
    assert not stale, f"golden reports without a sample note: {sorted(stale)}"
