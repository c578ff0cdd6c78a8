"""Evidence spans: what a reviewer sees highlighted is the finding itself, not the word a pattern
looked at after it (`CONTEXT: true` on a pattern's last tokens)."""

from pathlib import Path

import pytest
import yaml

from conftest import SPINAL_COMPLAINT
from notecheck.errors import PatternError


@pytest.mark.parametrize(
    ("text", "kind", "evidence"),
    [
        pytest.param("She had an injection, then felt better.", "treatment", "injection", id="injection-before-comma"),
        pytest.param("He fell about ten feet from a ladder.", "trauma", "fell", id="fell-before-a-word"),
        pytest.param("Since her fall she cannot sit.", "trauma", "her fall", id="noun-fall"),
        pytest.param("PT twice a week for six weeks.", "treatment", "PT", id="pt-before-a-word"),
        pytest.param("PT and OT were helpful.", "treatment", "PT", id="pt-and-ot"),
        pytest.param("The myelogram showed a block at L2.", "imaging", "myelogram", id="word-before-is-read-not-evidence"),
    ],
)
def test_when_a_pattern_looks_past_its_finding_then_the_evidence_stops_at_the_finding(checker, text, kind, evidence):
    note = SPINAL_COMPLAINT + text
    found = [f for f in checker.extract(note) if f.kind == kind]
    assert [f.text for f in found] == [evidence]
    assert all(note[f.start : f.end] == f.text for f in found)


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param([{"LOWER": "fell", "CONTEXT": True}, {"LOWER": "down"}], id="context-before-evidence"),
        pytest.param([{"LOWER": "fell", "CONTEXT": True}], id="all-context"),
        pytest.param([{"LOWER": "fell"}, {"LOWER": "down", "OP": "?", "CONTEXT": True}], id="optional-context"),
    ],
)
def test_when_context_is_not_a_required_tail_then_the_rule_file_is_refused(tmp_path, pattern):
    import shutil

    from notecheck.pipeline.fact_matcher import FactMatcher
    from notecheck.ruleset import load_ruleset

    root = Path(__file__).resolve().parent.parent / "patterns"
    copy = tmp_path / "patterns"
    shutil.copytree(root, copy)
    trauma = copy / "facts" / "trauma.yaml"
    data = yaml.safe_load(trauma.read_text(encoding="utf-8"))
    data["rules"][0]["patterns"] = [pattern]
    trauma.write_text(yaml.safe_dump(data), encoding="utf-8")
    import spacy

    with pytest.raises(PatternError, match="CONTEXT marks only required tokens at the end"):
        FactMatcher(spacy.blank("en"), load_ruleset(copy))
