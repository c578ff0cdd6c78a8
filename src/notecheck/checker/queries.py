"""Provider query drafts for gaps, after the AHIMA/ACDIS compliant query practice guidelines.

A draft quotes the clinical indicators found in the note, asks an open or multiple-choice question that
always offers "Other" and "Clinically undetermined", never leads to one answer and never mentions payment.
The wording lives in patterns/queries.yaml.
"""

from collections.abc import Sequence

from notecheck.checker.matching import of_kinds
from notecheck.report import Fact, Query, Requirement
from notecheck.ruleset.models import QueryFile

_MAX_INDICATORS = 4
_FIXED_OPTIONS = ("Other (please specify)", "Clinically undetermined")


def _indicators(facts: Sequence[Fact], kinds: Sequence[str]) -> list[str]:
    quoted: list[str] = []
    for fact in of_kinds(facts, kinds):
        if fact.assertion == "present":
            where = f" ({fact.section.replace('_', ' ')})" if fact.section else ""
            line = f'"{fact.text}"{where}'
            if line not in quoted:
                quoted.append(line)
    return quoted[:_MAX_INDICATORS]


def draft(requirement: Requirement, facts: Sequence[Fact], queries: QueryFile, title: str | None) -> Query | None:
    """The query draft for one missing or conflicting requirement, or None when no template exists."""
    template = next((t for t in queries.templates if t.requirement == requirement.id), None)
    if template is None:
        return None
    indicators = _indicators(facts, template.indicator_kinds)
    lines = [queries.preamble.format(title=title or "the documented condition")]
    if indicators:
        lines.append("Clinical indicators in the record: " + "; ".join(indicators) + ".")
    lines.append(template.question)
    lines.extend(f"- {option}" for option in [*template.options, *_FIXED_OPTIONS])
    lines.extend(queries.closing)
    return Query(requirement=requirement.id, text="\n".join(lines))
