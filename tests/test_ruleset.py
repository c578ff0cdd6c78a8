"""Every shipped rule file validates; a broken file fails at load naming file, rule and fix."""

import shutil
from pathlib import Path

import pytest

from notecheck import icd
from notecheck.errors import PatternError
from notecheck.ruleset import load_ruleset
from notecheck.ruleset.loader import validate
from notecheck.ruleset.models import FactFile

ROOT = Path(__file__).resolve().parent.parent
FACT_FILES = sorted((ROOT / "patterns" / "facts").glob("*.yaml"))


def test_shipped_patterns_load():
    ruleset = load_ruleset(ROOT / "patterns")
    assert set(ruleset.families) == {"M53.8", "M48.3", "M49.8"}
    assert len(ruleset.version) == 12


@pytest.mark.parametrize("path", [p for p in FACT_FILES if p.stem not in {"levels", "durations", "injury_date", "exclusion"}], ids=lambda p: p.stem)
def test_every_fact_file_validates(path):
    facts = validate(path, FactFile)
    assert facts.kind == path.stem
    assert facts.rules


def _broken_copy(tmp_path: Path, relative: str, old: str, new: str) -> Path:
    root = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", root)
    target = root / relative
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("relative", "old", "new", "message"),
    [
        pytest.param("facts/treatment.yaml", "    value: physical_therapy", "    value: physio", "treatment.physical_therapy", id="value-outside-vocabulary"),
        pytest.param("facts/trauma.yaml", "    phrases: [mechanical fall,", "    phrasez: [mechanical fall,", "trauma.fall", id="typo-in-field"),
        pytest.param("requirements/M53.8.yaml", "severity: required", "severity: mandatory", "requirements[0] (id region)", id="bad-severity"),
        pytest.param("facts/region.yaml", "schema_version: 1", "schema_version: 1\n  bad: [", "line", id="yaml-syntax"),
        pytest.param("facts/trauma.yaml", "overrides: [trauma.fall_verb, trauma.fall]", "overrides: [trauma.fal]",
                     "overrides trauma.fal", id="override-of-no-rule"),
    ],
)
def test_when_a_rule_file_is_broken_then_load_names_it(tmp_path, relative, old, new, message):
    root = _broken_copy(tmp_path, relative, old, new)
    with pytest.raises(PatternError) as caught:
        load_ruleset(root)
    assert "[NC101]" in str(caught.value)
    assert relative.split("/")[-1] in str(caught.value)
    assert message in str(caught.value)


def test_every_suggested_code_exists_in_the_tabular():
    ruleset = load_ruleset(ROOT / "patterns")
    for family in ruleset.families.values():
        assert icd.exists(family.family), family.family
        for rule in family.findings:
            for template in rule.codes:
                bare = template.replace("{axis}", "8").removesuffix(".-").removesuffix("-")
                assert icd.exists(bare) or icd.exists(template.replace("{axis}", "6")), template
    for row in ruleset.injury_codes.rows:
        assert icd.exists(row.category), row.category


def test_every_code_first_item_of_m49_has_an_underlying_disease_rule():
    """The tabular's 'code first' list of M49 is covered by underlying_disease rules."""
    ruleset = load_ruleset(ROOT / "patterns")
    phrases = {p.lower() for r in ruleset.facts["underlying_disease"].rules for p in r.phrases}
    items = [line.split("(")[0].strip().lower() for line in icd.code_first("M49.88").split(")") if "(" in line]
    items = [i.split(":")[-1].strip() for i in items]
    assert len(items) >= 4
    for item in items:
        assert any(item.startswith(p) or p.startswith(item) for p in phrases), item
