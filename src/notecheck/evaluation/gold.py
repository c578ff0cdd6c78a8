"""Gold annotations (docs/annotation.md): sample-note sidecars and corpus JSONL, with their texts."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from notecheck.errors import InputError

LIST_KINDS = ("region", "trauma", "acuity", "imaging", "treatment")
BOOL_KINDS = ("current_injury", "underlying_disease", "functional_impact", "neuro_deficit")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldFacts(_Strict):
    region: list[str]
    trauma: list[str]
    acuity: list[str]
    imaging: list[str]
    treatment: list[str]
    current_injury: bool
    underlying_disease: bool
    functional_impact: bool
    neuro_deficit: bool


class GoldSpan(_Strict):
    kind: str
    value: str | bool = Field(description="The value; true for the true/false kinds.")
    start: int
    end: int


class GoldCheck(_Strict):
    status: Literal["complete", "gaps", "invalid"]
    requirements: dict[str, Literal["met", "missing", "conflict"]] = Field(default_factory=dict)
    findings: list[str] = Field(default_factory=list)


class GoldNote(_Strict):
    """One annotated note (the text is not part of it)."""

    note_id: str
    split: Literal["dev", "heldout"] = "dev"
    facts: GoldFacts
    spans: list[GoldSpan] = Field(default_factory=list)
    codes: dict[str, GoldCheck] = Field(default_factory=dict)
    comment: str | None = None


@dataclass(frozen=True)
class Annotated:
    gold: GoldNote
    text: str = field(repr=False)


def _corpus_texts(corpus: Path, wanted: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record: dict[str, Any] = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    return texts


def _parse(raw: str, where: str) -> GoldNote:
    try:
        return GoldNote.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputError(note=where, detail=f"gold annotation {loc}: {first['msg']}") from None


def load_gold(path: Path, corpus: Path | None = None) -> list[Annotated]:
    """A folder of NAME.txt + NAME.gold.json, or a JSONL file whose texts come from `corpus`."""
    if path.is_dir():
        found = []
        for sidecar in sorted(path.glob("*.gold.json")):
            gold = _parse(sidecar.read_text(encoding="utf-8"), sidecar.name)
            text_path = sidecar.with_name(sidecar.name.removesuffix(".gold.json") + ".txt")
            found.append(Annotated(gold, text_path.read_text(encoding="utf-8")))
        return found
    lines = path.read_text(encoding="utf-8").splitlines()
    golds = [_parse(line, f"{path.name}:{n}") for n, line in enumerate(lines, 1) if line.strip()]
    if corpus is None or not corpus.is_file():
        raise InputError(note=str(path), detail="its texts live in the corpus file; pass --corpus PATH")
    texts = _corpus_texts(corpus, {g.note_id for g in golds})
    missing = [g.note_id for g in golds if g.note_id not in texts]
    if missing:
        raise InputError(note=str(path), detail=f"{len(missing)} note ids are not in the corpus, e.g. {missing[0]}")
    return [Annotated(g, texts[g.note_id]) for g in golds]
