"""The sentence dataset under models/data/: one JSON object a line, validated strictly.

`written.jsonl`: sentences written for notecheck, each with the labels of the tasks it was written for.
`sample_notes.jsonl`: sentences of sample_notes/*.txt (note name and character offsets kept so a reviewer
can find them), labelled for every task (null = left out of that task).
`corpus.jsonl` (optional): only (note_id, start, end, labels) of real notes of the *dev* split; the text
is read from the corpus at training time and never stored in the repository.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from notecheck.errors import ModelError
from notecheck.training.tasks import TASK_BY_NAME

Labels = dict[str, str | int | None]
FILES = ("written.jsonl", "sample_notes.jsonl", "corpus.jsonl")


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Stable row id: w.<task>.<n>, s.<note>.<start> or c.<note_id>.<start>.")
    labels: Labels = Field(description="Task name -> label (0/1, or a class name); null leaves the row out.")


class WrittenRow(_Row):
    text: str


class SampleRow(_Row):
    note: str = Field(description="sample_notes/<note>.txt")
    start: int
    end: int
    text: str


class CorpusRow(_Row):
    note_id: str = Field(description="Corpus id of a note with split 'dev' in gold/dev/gold.jsonl.")
    start: int
    end: int


@dataclass(frozen=True)
class Example:
    """One labelled sentence."""

    id: str
    text: str
    labels: dict[str, str]


def _rows(path: Path, model: type[_Row]) -> list[_Row]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = model.model_validate_json(line)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ModelError(path=f"{path}:{number}", detail=f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
        unknown = set(row.labels) - set(TASK_BY_NAME)
        if unknown:
            raise ModelError(path=f"{path}:{number}", detail=f"unknown task {sorted(unknown)[0]!r}; tasks: {sorted(TASK_BY_NAME)}")
        rows.append(row)
    return rows


def _labels(row: _Row, where: str) -> dict[str, str]:
    labels = {}
    for task, label in row.labels.items():
        if label is None:
            continue
        label = str(label)
        if label not in TASK_BY_NAME[task].classes:
            raise ModelError(path=where, detail=f"row {row.id}: label {label!r} is not one of {TASK_BY_NAME[task].classes} for {task}")
        labels[task] = label
    return labels


def _corpus_texts(corpus: Path, gold: Path, wanted: set[str]) -> dict[str, str]:
    dev = {json.loads(line)["note_id"] for line in gold.read_text(encoding="utf-8").splitlines()
           if line.strip() and json.loads(line).get("split") == "dev"}
    not_dev = wanted - dev
    if not_dev:
        raise ModelError(path=str(gold), detail=f"corpus rows may only use dev notes; {sorted(not_dev)[0]} is not dev")
    texts = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    return texts


def load_examples(data_dir: Path, *, corpus: Path | None = None, gold: Path | None = None) -> list[Example]:
    """Every labelled sentence of data_dir, in file order."""
    examples: list[Example] = []
    written = data_dir / "written.jsonl"
    samples = data_dir / "sample_notes.jsonl"
    for path, model in ((written, WrittenRow), (samples, SampleRow)):
        if path.is_file():
            for row in _rows(path, model):
                examples.append(Example(row.id, row.text, _labels(row, str(path))))  # type: ignore[attr-defined]
    corpus_rows = data_dir / "corpus.jsonl"
    if corpus_rows.is_file() and corpus is not None and gold is not None:
        rows = _rows(corpus_rows, CorpusRow)
        texts = _corpus_texts(corpus, gold, {r.note_id for r in rows})  # type: ignore[attr-defined]
        for row in rows:
            text = texts[row.note_id][row.start : row.end]  # type: ignore[attr-defined]
            examples.append(Example(row.id, text, _labels(row, str(corpus_rows))))
    if not examples:
        raise ModelError(path=str(data_dir), detail="no labelled sentences; expected written.jsonl or sample_notes.jsonl")
    return examples


def data_hash(data_dir: Path) -> dict[str, str]:
    """sha256 of each dataset file present, and of them together ("all")."""
    hashes = {}
    for name in FILES:
        path = data_dir / name
        if path.is_file():
            hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    hashes["all"] = hashlib.sha256("".join(f"{k}:{v}" for k, v in sorted(hashes.items())).encode()).hexdigest()
    return hashes
