"""One proposed code against the facts of a note: requirements, findings, queries, status."""

from collections.abc import Iterable, Sequence

from notecheck import icd
from notecheck.checker import findings as finding_rules
from notecheck.checker import regions
from notecheck.checker.matching import FactsByKind, by_identity, indexed, of_kinds, select, values
from notecheck.checker.queries import draft
from notecheck.errors import InvalidCodeError
from notecheck.report import Check, Fact, Finding, Requirement, validated
from notecheck.ruleset import Ruleset
from notecheck.ruleset.models import FamilyFile, FindingRule, RequirementRule

_NON_BILLABLE_SHOWN = 12


def _invalid(code: str, message: str, kind: str = "invalid_code", codes: list[str] | None = None) -> Check:
    finding = Finding(kind=kind, codes=codes or [], message=message, blocking=True)  # type: ignore[arg-type]
    return Check(code=code, billable=False, status="invalid", findings=[finding])


def _requirement(
    rule: RequirementRule, code: str, family: str, facts: Sequence[Fact], ruleset: Ruleset
) -> tuple[Requirement, Finding | None]:
    rule_id = f"{family}.{rule.id}"  # the family file and the rule in it: patterns/requirements/M53.8.yaml, region
    if rule.check == "region" or not isinstance(facts, FactsByKind):
        return _judge(rule, rule_id, code, facts, ruleset)
    # Only a region verdict depends on the code: the codes of one family (M53.88, M53.87) share the rest.
    return by_identity(facts.judged, rule, lambda: _judge(rule, rule_id, code, facts, ruleset))


def _judge(rule: RequirementRule, rule_id: str, code: str, facts: Sequence[Fact], ruleset: Ruleset) -> tuple[Requirement, Finding | None]:
    finding = None
    if rule.check == "region":
        verdict = regions.judge(code, ruleset.axis, facts)
        status, evidence, finding = verdict.status, verdict.evidence, verdict.finding
    else:
        conflicting = select(facts, rule.conflict_if)
        evidence = conflicting or select(facts, rule.met_by)
        status = "conflict" if conflicting else ("met" if evidence else "missing")
    chosen = rule.met if status == "met" else rule.missing if status == "missing" else None
    template = chosen or rule.conflict or rule.missing
    requirement = validated(
        Requirement,
        {
            "id": rule.id,
            "status": status,
            "severity": rule.severity,
            "evidence": [f.id for f in evidence],
            "message": template.format(values=values(evidence)),
            "rule_id": rule_id,
        },
    )
    return requirement, finding


def _firing(family: FamilyFile, facts: Sequence[Fact]) -> list[FindingRule]:
    """The family's finding rules that can fire on these facts: always, or some fact meets their `when`.
    Whether a rule fires does not depend on the code, so the codes of one family ask once per note."""
    if not isinstance(facts, FactsByKind):
        return family.findings
    return by_identity(facts.judged, family, lambda: [r for r in family.findings if not r.when or select(facts, r.when)])


def _status(requirements: list[Requirement], found: list[Finding]) -> str:
    if any(r.severity == "required" and r.status != "met" for r in requirements):
        return "gaps"
    return "gaps" if any(f.blocking for f in found) else "complete"


def _family_check(code: str, family: FamilyFile, facts: Sequence[Fact], ruleset: Ruleset, title: str | None) -> Check:
    requirements: list[Requirement] = []
    found: list[Finding] = []
    for rule in family.requirements:
        requirement, finding = _requirement(rule, code, family.family, facts, ruleset)
        requirements.append(requirement)
        if finding:
            found.append(finding)
    firing = _firing(family, facts)
    if firing:
        documented = {f.value for f in of_kinds(facts, ["region"]) if f.assertion == "present"}
        documented = documented or {ruleset.axis.axis.get(code[-1], "")}
        for finding_rule in firing:
            finding = finding_rules.evaluate(finding_rule, code, facts, ruleset, documented)
            if finding:
                found.append(finding)
    queries = [
        q for q in (draft(r, facts, ruleset.queries, title) for r in requirements if r.status != "met") if q
    ]
    return Check(
        code=code, title=title, billable=True, status=_status(requirements, found),  # type: ignore[arg-type]
        requirements=requirements, findings=found, queries=queries,
    )


def check_code(raw: str, facts: Sequence[Fact], ruleset: Ruleset) -> Check:
    """The check of one proposed code (as written in a claim or dotted) against a note's facts."""
    try:
        code = icd.normalize(raw)
    except InvalidCodeError as exc:
        return _invalid(raw.strip()[:20], exc.message)
    info = icd.info(code)
    if not info.valid:
        return _invalid(code, f"{code} is not in the ICD-10-CM tabular.")
    if not info.billable:
        children = icd.billable_descendants(code)
        shown = ", ".join(children[:_NON_BILLABLE_SHOWN]) + (" ..." if len(children) > _NON_BILLABLE_SHOWN else "")
        check = _invalid(code, f"{code} is not billable; choose one of its codes: {shown}.", "non_billable", children)
        return check.model_copy(update={"title": info.title})
    family = icd.family_of(code, set(ruleset.families))
    if family is None:
        note = Finding(
            kind="no_family_rule", message=f"notecheck has no documentation rules for {code}'s family yet."
        )
        return Check(code=code, title=info.title, billable=True, status="complete", findings=[note])
    return _family_check(code, ruleset.families[family], indexed(facts), ruleset, info.title)


def _key(raw: str) -> str:
    try:
        return icd.normalize(raw)
    except InvalidCodeError:
        return raw.strip()


def check_codes(codes: Iterable[str], facts: Sequence[Fact], ruleset: Ruleset) -> list[Check]:
    """One check per distinct code, in the order given ('M5388' and 'M53.88' are one code)."""
    given = list(codes)  # read once: a generator gives its codes a single time
    first = {_key(code): code for code in reversed(given)}
    facts = indexed(facts)  # once for every code
    return [check_code(first[key], facts, ruleset) for key in dict.fromkeys(_key(c) for c in given)]
