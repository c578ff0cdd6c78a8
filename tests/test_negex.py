"""The NegEx peer benchmark scores any span-assertion callable; scoring needs no spaCy."""

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from notecheck.evaluation.negex import Item, Metric, format_misses, load_items, score

DEV = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "negex" / "dev.jsonl"


def _item(
    concept: str, sentence: str, negation="Affirmed", temporality="Recent", experiencer="Patient"
) -> Item:
    return Item(
        id=f"t-{concept}",
        concept=concept,
        sentence=sentence,
        negation=negation,
        temporality=temporality,
        experiencer=experiencer,
    )


@dataclass(frozen=True)
class Answer:
    assertion: str
    historical: bool


@dataclass(frozen=True)
class Flags(Answer):
    negated: bool
    possible: bool
    hypothetical: bool
    family: bool


@pytest.mark.parametrize(
    ("concept", "sentence", "span"),
    [
        pytest.param("edema", "No EDEMA.", (3, 8), id="upper-cased-mark"),
        pytest.param("pain", "pain in the back, low back PAIN.", (27, 31), id="mark-first"),
        pytest.param("Pain", "back pain.", (5, 9), id="any-case-fallback"),
        pytest.param("fever", "No cough.", None, id="absent"),
    ],
)
def test_concept_span(concept, sentence, span):
    assert _item(concept, sentence).concept_span() == span


@pytest.mark.parametrize(
    ("sentence", "in_context"),
    [
        pytest.param("HYPERTENSION.", False, id="concept-alone"),
        pytest.param("History of HYPERTENSION.", True, id="with-words"),
    ],
)
def test_has_context(sentence, in_context):
    assert _item("hypertension", sentence).has_context() is in_context


def test_when_flags_are_given_then_co_occurring_labels_are_scored_each():
    items = [_item("fusion", "No prior FUSION.", negation="Negated", temporality="Historical")]
    flags = score(items, lambda text, s, e: Flags("negated", True, True, False, False, False))
    assert flags.metrics["negated"] == Metric(tp=1, fp=0, fn=0)
    assert flags.metrics["historical"] == Metric(tp=1, fp=0, fn=0)


def test_when_only_the_contract_pair_is_given_then_precedence_decides():
    items = [_item("pt", "If needed, no PT.", negation="Negated", temporality="Not particular")]
    result = score(items, lambda text, s, e: Answer("hypothetical", False))
    assert result.metrics["hypothetical"] == Metric(tp=1, fp=0, fn=0)
    assert result.metrics["negated"] == Metric(tp=0, fp=0, fn=1)
    assert result.errors == (("t-pt", "negated", True, False),)


def test_when_a_concept_is_missing_then_the_item_is_skipped_not_scored():
    items = [_item("fever", "No cough."), _item("cough", "No COUGH.", negation="Negated")]
    result = score(items, lambda text, s, e: Answer("negated", False))
    assert result.skipped == ("t-fever",)
    assert result.n_items == 1
    assert result.metrics["negated"].f1 == 1.0


def test_metric_without_positives_is_zero_not_an_error():
    assert Metric(tp=0, fp=0, fn=0).f1 == 0.0


@pytest.mark.skipif(not DEV.exists(), reason="shared/ benchmarks are not beside the repository")
def test_the_dev_file_loads():
    items = load_items(DEV)
    assert len(items) == sum(1 for line in DEV.open(encoding="utf-8") if line.strip())
    assert {item.negation for item in items} == {"Affirmed", "Negated"}
    assert json.loads(DEV.open(encoding="utf-8").readline())["id"] == items[0].id


def test_when_misses_are_listed_then_each_names_item_label_gold_prediction_and_context(tmp_path):
    items = [
        _item("fusion", "Prior FUSION.", temporality="Historical"),
        _item("gout", "GOUT.", temporality="Historical"),
        _item("cough", "No COUGH.", negation="Negated"),
    ]
    data = tmp_path / "items.jsonl"
    data.write_text("".join(item.model_dump_json() + "\n" for item in items), encoding="utf-8")
    result = score(items, lambda text, s, e: Flags("present", False, False, False, False, False))
    rows = format_misses(result, data, label="historical").splitlines()
    assert rows[1].split()[:5] == ["t-fusion", "historical", "True", "False", "yes"]
    assert rows[2].split()[:5] == ["t-gout", "historical", "True", "False", "no"]
    assert rows[-1] == "misses: 2"
