"""The requirement engine on facts alone (pure Python: no pipeline is loaded here)."""

from pathlib import Path

import pytest

from notecheck.checker import check_code, check_codes
from notecheck.checker.matching import indexed, select
from notecheck.report import Fact
from notecheck.ruleset import load_ruleset
from notecheck.ruleset.models import FactCondition

RULES = load_ruleset(Path(__file__).resolve().parent.parent / "patterns")


def fact(i: int, kind: str, value: str, assertion: str = "present", historical: bool = False) -> Fact:
    return Fact(id=i, kind=kind, value=value, text=value, start=i * 10, end=i * 10 + len(value),
                assertion=assertion, historical=historical)  # type: ignore[arg-type]


def facts(*specs: tuple) -> list[Fact]:
    return [fact(i, *spec) for i, spec in enumerate(specs)]


def statuses(check) -> dict[str, str]:
    return {r.id: r.status for r in check.requirements}


@pytest.mark.parametrize(
    ("code", "given", "expected", "finding"),
    [
        pytest.param("M53.88", [("region", "sacral")], "met", None, id="same-region"),
        pytest.param("M53.88", [("region", "lumbosacral")], "conflict", "region_mismatch", id="other-region"),
        pytest.param("M53.88", [], "missing", None, id="no-region"),
        pytest.param("M53.88", [("region", "sacral", "negated")], "missing", None, id="negated-region-does-not-count"),
        pytest.param("M53.80", [], "met", None, id="unspecified-without-region"),
        pytest.param("M53.80", [("region", "thoracic")], "conflict", "more_specific_code", id="unspecified-with-region"),
        pytest.param("M49.89", [("region", "thoracic"), ("region", "lumbar")], "met", None, id="multiple-sites"),
        pytest.param("M49.89", [("region", "thoracic")], "conflict", "region_mismatch", id="multiple-sites-one-region"),
    ],
)
def test_region_requirement(code, given, expected, finding):
    check = check_code(code, facts(*given), RULES)
    assert statuses(check)["region"] == expected
    kinds = {f.kind for f in check.findings}
    assert (finding in kinds) if finding else not kinds & {"region_mismatch", "more_specific_code"}


def test_region_mismatch_suggests_the_sibling_from_the_tabular():
    check = check_code("M53.88", facts(("region", "lumbosacral")), RULES)
    mismatch = next(f for f in check.findings if f.kind == "region_mismatch")
    assert mismatch.codes == ["M53.87"]


@pytest.mark.parametrize(
    ("given", "phase", "status"),
    [
        pytest.param([("phase_of_care", "healed")], "met", "gaps", id="healed-but-other-gaps"),
        pytest.param([("acuity", "chronic")], "met", "gaps", id="chronic"),
        pytest.param([("current_injury", "sacral fracture")], "conflict", "gaps", id="current-injury"),
        pytest.param([("current_injury", "sacral fracture", "present", True), ("phase_of_care", "healed")], "met", "gaps", id="old-injury"),
    ],
)
def test_phase_of_care_of_traumatic_spondylopathy(given, phase, status):
    check = check_code("M48.38", facts(*given), RULES)
    assert statuses(check)["phase_of_care"] == phase
    assert check.status == status


def test_complete_traumatic_spondylopathy():
    given = facts(("region", "sacral"), ("trauma", "fall"), ("injury_date", "03/2022"), ("imaging", "ct"),
                  ("phase_of_care", "healed"), ("neuro_deficit", "neurological deficit", "negated"))
    check = check_code("M48.38", given, RULES)
    assert check.status == "complete"
    assert set(statuses(check).values()) == {"met"}


def test_current_injury_redirects_to_the_s_code_of_its_region():
    check = check_code("M53.88", facts(("region", "sacral"), ("current_injury", "coccyx fracture")), RULES)
    excludes = next(f for f in check.findings if f.kind == "excludes1")
    assert excludes.blocking and excludes.codes == ["S32.2-"]
    assert "current injury" in excludes.message  # quoted from the tabular's Excludes1
    assert check.status == "gaps"


def test_manifestation_code_always_asks_for_sequencing_with_the_tabular_note():
    check = check_code("M49.88", facts(("region", "sacral"), ("underlying_disease", "brucellosis"),
                                       ("causal_link", "due to")), RULES)
    sequencing = next(f for f in check.findings if f.kind == "sequencing")
    assert "brucellosis (A23.-)" in sequencing.message and not sequencing.blocking
    assert check.status == "complete"


def test_tuberculous_spondylitis_is_an_excludes1_of_m49():
    check = check_code("M49.88", facts(("region", "sacral"), ("underlying_disease", "tuberculosis"),
                                       ("causal_link", "due to")), RULES)
    assert any(f.kind == "excludes1" and f.codes == ["A18.01"] for f in check.findings)
    assert check.status == "gaps"


@pytest.mark.parametrize(
    ("raw", "status", "finding"),
    [
        pytest.param("M48.3", "invalid", "non_billable", id="parent"),
        pytest.param("M99.99", "invalid", "invalid_code", id="unknown"),
        pytest.param("hello", "invalid", "invalid_code", id="malformed"),
        pytest.param("M54.50", "complete", "no_family_rule", id="no-rules-yet"),
    ],
)
def test_codes_without_a_checklist(raw, status, finding):
    check = check_code(raw, [], RULES)
    assert check.status == status and check.findings[0].kind == finding
    assert not check.requirements


def test_non_billable_lists_its_billable_children():
    check = check_code("M48.3", [], RULES)
    assert check.findings[0].codes == [f"M48.3{d}" for d in range(9)]


@pytest.mark.parametrize("code", ["M53.88", "M48.38", "M49.88"])
def test_every_gap_gets_a_compliant_query(code):
    check = check_code(code, facts(("diagnosis", "sacrococcygeal disorder")), RULES)
    gaps = {r.id for r in check.requirements if r.status != "met"}
    assert {q.requirement for q in check.queries} == gaps
    for query in check.queries:
        text = query.text.lower()
        assert "other (please specify)" in text and "clinically undetermined" in text
        assert not any(word in text for word in ("payment", "reimburse", "denial", "revenue", "drg"))


@pytest.mark.parametrize(
    ("code", "family"),
    [pytest.param("M53.88", "M53.8", id="M53.8"), pytest.param("M48.38", "M48.3", id="M48.3"), pytest.param("M49.88", "M49.8", id="M49.8")],
)
def test_when_a_requirement_is_reported_then_its_rule_id_names_the_family_file_and_rule(code, family):
    check = check_code(code, facts(("region", "sacral")), RULES)
    assert {r.rule_id for r in check.requirements} == {f"{family}.{r.id}" for r in RULES.families[family].requirements}


@pytest.mark.parametrize(
    "conditions",
    [
        pytest.param([FactCondition(kind="region")], id="one-kind"),
        pytest.param([FactCondition(kind="region", values=["sacral"]), FactCondition(kind="trauma")], id="two-kinds"),
        pytest.param([FactCondition(kind="region", assertion=["negated"])], id="negated"),
        pytest.param([], id="no-condition"),
    ],
)
def test_when_facts_indexed_then_select_as_on_the_plain_list(conditions):
    given = facts(("region", "sacral"), ("trauma", "fall"), ("region", "lumbar", "negated"))
    index = indexed(given)
    assert select(index, conditions) == select(given, conditions)
    assert select(index, conditions) is select(index, conditions)  # found once per note
    assert select(index, list(conditions)) == select(given, conditions)  # another list of the same conditions


@pytest.mark.parametrize(
    "given",
    [
        pytest.param([("region", "sacral"), ("imaging", "mri")], id="sacral-imaging"),
        pytest.param([("region", "lumbosacral", "negated")], id="negated-region"),
        pytest.param([], id="no-facts"),
    ],
)
def test_when_codes_share_a_category_then_each_check_as_alone(given):
    together = check_codes(["M53.88", "M53.87", "M53.80"], facts(*given), RULES)
    alone = [check_code(code, facts(*given), RULES) for code in ["M53.88", "M53.87", "M53.80"]]
    assert [c.model_dump() for c in together] == [c.model_dump() for c in alone]


def test_when_codes_come_from_a_generator_then_each_is_checked_once_in_order():
    given = facts(("region", "sacral"))
    checks = check_codes((code for code in ["M53.88", "M5388", "M53.87"]), given, RULES)
    assert [c.code for c in checks] == ["M53.88", "M53.87"]
