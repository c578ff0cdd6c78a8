"""The region requirement: the code's region character against the documented regions."""

from collections.abc import Sequence
from dataclasses import dataclass

from notecheck import icd
from notecheck.checker.matching import of_kinds
from notecheck.report import Fact, Finding
from notecheck.ruleset.models import AxisFile

REGION_FACT = "region"


@dataclass(frozen=True)
class RegionVerdict:
    status: str
    evidence: list[Fact]
    finding: Finding | None


def _present(facts: Sequence[Fact]) -> list[Fact]:
    return [f for f in of_kinds(facts, [REGION_FACT]) if f.assertion == "present"]


def sibling(code: str, axis: AxisFile, region: str) -> str | None:
    """The billable sibling of `code` for `region`, if the tabular has one."""
    for char, value in axis.axis.items():
        candidate = code[:-1] + char
        if value == region and icd.info(candidate).billable:
            return candidate
    return None


def judge(code: str, axis: AxisFile, facts: Sequence[Fact]) -> RegionVerdict:
    """met / missing / conflict for the region requirement, and the finding that goes with it."""
    wanted = axis.axis.get(code[-1])
    documented = _present(facts)
    regions = list(dict.fromkeys(f.value for f in documented))
    siblings = [s for s in (sibling(code, axis, r) for r in regions) if s and s != code]
    evidence_ids = [f.id for f in documented]
    if wanted == "unspecified":
        if not documented:
            return RegionVerdict("met", [], None)
        finding = Finding(
            kind="more_specific_code", codes=siblings, evidence=evidence_ids, blocking=True,
            message=f"The note documents the region ({', '.join(regions)}); use the site-specific code.",
        )
        return RegionVerdict("conflict", documented, finding)
    if wanted == "multiple":
        if len(regions) >= 2:
            return RegionVerdict("met", documented, None)
        if not regions:
            return RegionVerdict("missing", [], None)
        finding = Finding(
            kind="region_mismatch", codes=siblings, evidence=evidence_ids,
            message=f"Only one region is documented ({regions[0]}); multiple sites need two or more.",
        )
        return RegionVerdict("conflict", documented, finding)
    same = [f for f in documented if f.value == wanted]
    if same:
        return RegionVerdict("met", same, None)
    if not documented:
        return RegionVerdict("missing", [], None)
    finding = Finding(
        kind="region_mismatch", codes=siblings, evidence=evidence_ids,
        message=f"The note documents {', '.join(regions)}, not {wanted}; the sibling code fits the documented region.",
    )
    return RegionVerdict("conflict", documented, finding)
