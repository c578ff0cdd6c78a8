"""Findings of a family rule: better codes, exclusions, sequencing, secondary codes."""

from collections.abc import Sequence

from notecheck import icd
from notecheck.checker.matching import select, values
from notecheck.report import Fact, Finding
from notecheck.ruleset import Ruleset
from notecheck.ruleset.models import FindingRule

_CATEGORY_MARK = ".-"


def resolve_code(template: str, code: str) -> str | None:
    """'M53.2X{axis}' -> 'M53.2X8' for M53.88; 'M51.-' -> 'M51.-'. None when the tabular lacks it."""
    written = template.replace("{axis}", code[-1])
    bare = written.removesuffix(_CATEGORY_MARK).removesuffix("-")
    return written if icd.exists(bare) else None


def injury_categories(ruleset: Ruleset, injuries: list[Fact], regions: set[str]) -> list[str]:
    """The S-code categories for the documented injuries in the documented regions."""
    found: list[str] = []
    injury_values = {f.value for f in injuries}
    for row in ruleset.injury_codes.rows:
        if row.region in regions and (not row.values or injury_values & set(row.values)):
            shown = icd.display(row.category)
            if icd.exists(row.category) and shown not in found:
                found.append(shown)
    return found


def evaluate(rule: FindingRule, code: str, facts: Sequence[Fact], ruleset: Ruleset, regions: set[str]) -> Finding | None:
    """The finding `rule` makes for `code`, or None when it does not fire."""
    evidence = select(facts, rule.when)
    if rule.when and not evidence:
        return None
    codes = [c for c in (resolve_code(t, code) for t in rule.codes) if c and c != code]
    if rule.injury_codes:
        codes += injury_categories(ruleset, evidence, regions)
    message = rule.message.format(
        values=values(evidence),
        codes=", ".join(codes) or "the specific code",
        code_first=icd.code_first(code),
        excludes1="; ".join(icd.excludes1(code)),
    )
    return Finding(
        kind=rule.kind, codes=codes, evidence=[f.id for f in evidence], message=message, blocking=rule.blocking
    )
