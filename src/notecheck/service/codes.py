"""GET /v1/codes/{code}: what a code requires, from the same ruleset and tabular the checker uses."""

from notecheck import icd
from notecheck.errors import UnknownCodeError
from notecheck.ruleset import Ruleset
from notecheck.ruleset.models import FactCondition, FamilyFile
from notecheck.service.models import CodeInfo, FindingInfo, RequirementInfo


def _condition(condition: FactCondition) -> str:
    return f"{condition.kind}={'|'.join(condition.values)}" if condition.values else condition.kind


def _rules(family: FamilyFile, code: str) -> tuple[list[RequirementInfo], list[FindingInfo]]:
    axis = code[-1] if family.region_axis else ""
    requirements = [
        RequirementInfo(
            id=rule.id,
            severity=rule.severity,
            check=rule.check,
            met_by=[_condition(c) for c in rule.met_by],
            missing=rule.missing,
        )
        for rule in family.requirements
    ]
    findings = [
        FindingInfo(
            id=rule.id,
            kind=rule.kind,
            codes=[c.replace("{axis}", axis) for c in rule.codes],
            blocking=rule.blocking,
            when=[_condition(c) for c in rule.when],
        )
        for rule in family.findings
    ]
    return requirements, findings


def code_info(raw: str, ruleset: Ruleset) -> CodeInfo:
    """The tabular facts and family rules of one code (m5388, M5388 and M53.88 alike)."""
    code = icd.normalize(raw)
    info = icd.info(code)
    if not info.valid:
        raise UnknownCodeError(code=code)
    family = icd.family_of(code, set(ruleset.families))
    requirements, findings = _rules(ruleset.families[family], code) if family else ([], [])
    return CodeInfo(
        code=code,
        title=info.title,
        billable=info.billable,
        children=[] if info.billable else icd.billable_descendants(code),
        family=family,
        requirements=requirements,
        findings=findings,
    )
