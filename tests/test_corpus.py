"""Robustness on real transcribed reports: every MTSamples note checks without an error, and every fact's
offsets are exact. The corpus is read from ../shared (never copied here); the test skips without it."""

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "mtsamples.jsonl"
SEEDS = ["M53.88", "M49.88", "M53.87", "M53.80", "M48.38"]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason="shared/ corpus is not beside the repository")
def test_every_corpus_note_checks_with_exact_offsets(checker):
    failures = []
    count = 0
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            count += 1
            report = checker.check(record["text"], codes=SEEDS, note_id=record["id"])
            bad = [f.id for f in report.facts if record["text"][f.start : f.end] != f.text]
            if bad or len(report.checks) != len(SEEDS):
                failures.append(record["id"])
    assert count >= 2000
    assert not failures, failures[:10]
