"""The trained models: a checked, safely loaded artefact; a component that only adds what rules miss."""

import json
import shutil
from pathlib import Path

import pytest
import spacy

from notecheck.errors import ModelError
from notecheck.evaluation.models_compare import configured_elements
from notecheck.pipeline.model_facts import PREFIX, confidence_of
from notecheck.pipeline.spans import add_fact, facts
from notecheck.training import artifact

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
SHIPPED = MODELS / "sentence_facts" / "v1"
TEXT = "He can't sit through Mass anymore. PT didn't touch it. Pain began two days ago after moving furniture."


@pytest.fixture()
def copy(tmp_path):
    target = tmp_path / "sentence_facts" / "v1"
    shutil.copytree(SHIPPED, target)
    return target


def _nlp(**config):
    nlp = spacy.blank("en")
    nlp.add_pipe("notecheck_sentences_v1", name="sentences")
    nlp.add_pipe("notecheck_model_facts_v1", name="model_facts", config=config)
    return nlp


def test_the_shipped_model_matches_its_manifest():
    payload, manifest = artifact.load(SHIPPED)
    assert manifest.sha256 == artifact.sha256_of(SHIPPED / manifest.model_file)
    assert manifest.libraries == artifact.library_versions()
    assert set(payload["classifiers"]) == set(manifest.tasks) == set(manifest.thresholds)
    assert (SHIPPED / artifact.CARD_FILE).read_text(encoding="utf-8").startswith(f"# {manifest.name} v{manifest.version}")


def test_when_the_model_file_is_tampered_with_then_nc401(copy):
    with (copy / artifact.MODEL_FILE).open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelError, match="NC401.*sha256 differs"):
        artifact.load(copy)


def test_when_the_manifest_is_missing_then_nc401(copy):
    (copy / artifact.MANIFEST_FILE).unlink()
    with pytest.raises(ModelError, match="NC401.*notecheck train"):
        artifact.load(copy)


def test_when_the_file_asks_for_an_untrusted_type_then_it_is_not_loaded(copy):
    import skops.io as sio

    sio.dump({"vectorizer": None, "classifiers": {}, "rule_features": [], "hook": shutil.rmtree}, copy / artifact.MODEL_FILE)
    manifest = json.loads((copy / artifact.MANIFEST_FILE).read_text())
    manifest["sha256"] = artifact.sha256_of(copy / artifact.MODEL_FILE)
    (copy / artifact.MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="NC401.*trusted list"):
        artifact.load(copy)


def test_when_a_library_version_differs_then_nc401(copy):
    manifest = json.loads((copy / artifact.MANIFEST_FILE).read_text())
    manifest["libraries"]["scikit-learn"] = "0.0.1"
    (copy / artifact.MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="NC401.*scikit-learn 0.0.1"):
        artifact.load(copy)


@pytest.mark.parametrize(("elements", "kinds"), [
    pytest.param({"functional_impact": {"on": True, "threshold": 0.0}}, ["functional_impact"] * 3, id="threshold-0-every-sentence"),
    pytest.param({"functional_impact": {"on": True, "threshold": 1.01}}, [], id="threshold-above-1-none"),
    pytest.param({"functional_impact": {"on": False, "threshold": 0.0}}, [], id="element-off"),
    pytest.param({"phase": {"on": True, "threshold": 0.0}}, ["acuity"] * 3, id="phase-emits-acuity"),
])
def test_model_facts_options(elements, kinds):
    nlp = _nlp(models_dir=str(MODELS), elements=elements)
    doc = nlp(TEXT)
    spans = facts(doc)
    assert [s.label_ for s in spans] == kinds
    for span in spans:
        assert span.id_.startswith(PREFIX)
        assert 0.0 <= confidence_of(span) <= 1.0


def test_when_models_are_disabled_then_nothing_is_loaded(tmp_path):
    nlp = _nlp(enabled=False, models_dir=str(tmp_path / "nowhere"), elements={"phase": {"on": True, "threshold": 0.0}})
    assert not facts(nlp(TEXT))


def test_when_the_model_is_missing_then_nc401(tmp_path):
    with pytest.raises(ModelError, match="NC401"):
        _nlp(models_dir=str(tmp_path), elements={"phase": {"on": True, "threshold": 0.5}})


def test_when_an_element_is_unknown_then_nc401():
    with pytest.raises(ModelError, match="NC401.*unknown task 'mood'"):
        _nlp(models_dir=str(MODELS), elements={"mood": {"on": True, "threshold": 0.5}})


def test_rules_come_first_in_their_sentence():
    nlp = _nlp(models_dir=str(MODELS), elements={"functional_impact": {"on": True, "threshold": 0.0}})
    doc = nlp.make_doc(TEXT)
    doc = nlp.get_pipe("sentences")(doc)
    add_fact(doc, 1, 4, kind="functional_impact", value="sitting intolerance", rule_id="functional_impact.sitting")
    doc = nlp.get_pipe("model_facts")(doc)
    by_sentence = [(s.sent.start, s.id_.startswith(PREFIX)) for s in facts(doc)]
    assert (0, True) not in by_sentence
    assert sum(1 for _, model in by_sentence if model) == 2


def test_model_facts_cross_the_boundary_with_source_and_confidence():
    import notecheck
    from notecheck import pipeline
    from notecheck.api import Checker
    from notecheck.ruleset import load_ruleset

    on = {"enabled": True, "elements": {"treatment_failure": {"on": True, "threshold": 0.0}}}
    checker = Checker(pipeline.build(components={"model_facts": on}), load_ruleset())
    made = [f for f in checker.extract(TEXT) if f.source == "model"]
    assert made and all(f.kind == "treatment_failure" and 0 <= f.confidence <= 1 for f in made)
    rules_only = notecheck.load(models=False)
    assert all(f.source == "rule" and f.confidence is None for f in rules_only.extract(TEXT))


def test_the_config_keeps_on_only_what_raised_f1_on_heldout_notes():
    manifest = artifact.read_manifest(SHIPPED)
    assert manifest.heldout is not None, "train with --heldout to record the comparison"
    decided = {task: d["on"] for task, d in manifest.heldout["decisions"].items()}
    configured = configured_elements()
    assert {task: bool(opts["on"]) for task, opts in configured.items()} == decided
    assert {task: float(opts["threshold"]) for task, opts in configured.items()} == pytest.approx(manifest.thresholds)


def test_compare_scores_both_pipelines_per_element(tmp_path):
    from notecheck.evaluation.models_compare import compare

    for path in (ROOT / "sample_notes").glob("m5388_complete_soap.*"):
        shutil.copy(path, tmp_path / path.name)
    result = compare(tmp_path, None, "all")
    assert result["notes"] == 1
    assert set(result["decisions"]) == set(configured_elements())
    for row in result["elements"].values():
        assert row["delta_f1"] == round(row["rules+model"]["f1"] - row["rules"]["f1"], 3)
