"""Every spaCy factory of the package is registered as an entry point, so a saved pipeline loads
without `import notecheck` (golden list: adding a factory means adding it here on purpose)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTERED = {
    "notecheck_context_v1",
    "notecheck_context_v2",
    "notecheck_context_v3",
    "notecheck_durations_v1",
    "notecheck_fact_filters_v1",
    "notecheck_fact_matcher_v1",
    "notecheck_level_grammar_v1",
    "notecheck_model_facts_v1",
    "notecheck_sections_v1",
    "notecheck_sentences_v1",
}


def test_factories_match_the_golden_list_and_the_entry_points():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "notecheck").rglob("*.py"))
    declared = set(re.findall(r'@Language\.factory\(\s*"([^"]+)"', source))
    entry_points = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"])
    assert declared == REGISTERED
    assert entry_points == REGISTERED


def test_the_shipped_pipeline_uses_only_registered_factories():
    config = (ROOT / "src" / "notecheck" / "pipeline" / "notecheck.cfg").read_text(encoding="utf-8")
    used = set(re.findall(r'factory = "([^"]+)"', config))
    assert used <= REGISTERED
