"""`notecheck train`: the dataset is validated, training is reproducible, versions are never overwritten."""

import json
from pathlib import Path

import numpy as np
import pytest

from notecheck.errors import ModelError
from notecheck.training.dataset import load_examples
from notecheck.training.tasks import TASKS
from notecheck.training.train import fit, rule_features, train

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "models" / "data"


@pytest.fixture(scope="module")
def written():
    examples = [e for e in load_examples(DATA) if e.id.startswith("w.")]
    return examples, rule_features([e.text for e in examples])


def test_same_data_and_seed_give_identical_coefficients_and_predictions(written):
    examples, found = written
    first, second = fit(examples, found, seed=7), fit(examples, found, seed=7)
    for task in TASKS:
        a, b = first.payload["classifiers"][task.name], second.payload["classifiers"][task.name]
        assert np.array_equal(a.coef_, b.coef_)
        assert np.array_equal(a.intercept_, b.intercept_)
    assert first.manifest["cv"] == second.manifest["cv"]
    assert first.manifest["thresholds"] == second.manifest["thresholds"]


def test_training_learns_the_written_sentences(written):
    examples, found = written
    fitted = fit(examples, found, seed=0)
    for task in TASKS:
        for cls in task.emit:
            assert fitted.manifest["cv"][task.name]["argmax"][cls]["f1"] > 0.5, (task.name, cls)


def test_every_shipped_dataset_row_is_valid():
    examples = load_examples(DATA)
    assert len({e.id for e in examples}) == len(examples)
    for task in TASKS:
        labelled = [e for e in examples if task.name in e.labels]
        assert {e.labels[task.name] for e in labelled} == set(task.classes)


def test_sample_note_rows_point_at_their_text():
    for line in (DATA / "sample_notes.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        note = (ROOT / "sample_notes" / f"{row['note']}.txt").read_text(encoding="utf-8")
        assert note[row["start"] : row["end"]] == row["text"], row["id"]


def _write(directory: Path, name: str, rows: list[dict]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return directory


@pytest.mark.parametrize("row", [
    pytest.param({"id": "w.1", "text": "x", "labels": {"mood": 1}}, id="unknown-task"),
    pytest.param({"id": "w.1", "text": "x", "labels": {"phase": "subacute"}}, id="unknown-class"),
    pytest.param({"id": "w.1", "text": "x", "labels": {"functional_impact": 2}}, id="binary-out-of-range"),
    pytest.param({"id": "w.1", "text": "x", "labels": {}, "note": "extra"}, id="extra-field"),
    pytest.param({"id": "w.1", "labels": {}}, id="no-text"),
])
def test_when_a_dataset_row_is_malformed_then_nc401(tmp_path, row):
    with pytest.raises(ModelError, match=r"NC401.*written.jsonl"):
        load_examples(_write(tmp_path, "written.jsonl", [row]))


def test_when_corpus_rows_use_a_heldout_note_then_nc401(tmp_path):
    data = _write(tmp_path / "data", "corpus.jsonl", [{"id": "c.1", "note_id": "n-2", "start": 0, "end": 4, "labels": {"phase": "none"}}])
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"note_id": "n-1", "split": "dev"}) + "\n" + json.dumps({"note_id": "n-2", "split": "heldout"}) + "\n")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "n-2", "text": "some text"}) + "\n")
    with pytest.raises(ModelError, match="NC401.*not dev"):
        load_examples(data, corpus=corpus, gold=gold)


def test_corpus_rows_read_their_text_from_the_corpus(tmp_path):
    data = _write(tmp_path / "data", "corpus.jsonl", [{"id": "c.1", "note_id": "n-1", "start": 5, "end": 9, "labels": {"phase": "none"}}])
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"note_id": "n-1", "split": "dev"}) + "\n")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "n-1", "text": "some text"}) + "\n")
    [example] = load_examples(data, corpus=corpus, gold=gold)
    assert example.text == "text"


def test_when_the_version_exists_then_training_refuses_without_force(tmp_path):
    (tmp_path / "sentence_facts" / "v1").mkdir(parents=True)
    with pytest.raises(ModelError, match="NC401.*--version 2"):
        train(DATA, tmp_path)
