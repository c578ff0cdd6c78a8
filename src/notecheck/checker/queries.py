"""Provider query drafts for gaps, after the AHIMA/ACDIS compliant query practice guidelines.

A draft quotes the clinical indicators found in the note, asks an open or multiple-choice question that
always offers "Other" and "Clinically undetermined", never leads to one answer and never mentions payment.
The wording lives in patterns/queries.yaml.
"""

from collections.abc import Sequence

from notecheck.checker.matching import FactsByKind, Memo, by_identity, of_kinds
from notecheck.report import Fact, Query, Requirement, validated
from notecheck.ruleset.models import QueryFile, QueryTemplate

_MAX_INDICATORS = 4
_FIXED_OPTIONS = ("Other (please specify)", "Clinically undetermined")
# QueryFile -> requirement id -> (its template, the draft's fixed lines after the indicators); a process
# loads one or a few rulesets.
_PREPARED: Memo = {}


def _templates(queries: QueryFile) -> dict[str, tuple[QueryTemplate, str]]:
    """The templates by requirement id (the first one of an id, as a scan finds it), with their question,
    options and closing joined once instead of once per gap of every code."""
    return by_identity(_PREPARED, queries, lambda: _prepare(queries))


def _prepare(queries: QueryFile) -> dict[str, tuple[QueryTemplate, str]]:
    prepared: dict[str, tuple[QueryTemplate, str]] = {}
    for template in queries.templates:
        options = [f"- {option}" for option in [*template.options, *_FIXED_OPTIONS]]
        rest = "\n".join([template.question, *options, *queries.closing])
        prepared.setdefault(template.requirement, (template, rest))
    return prepared


def _indicators(facts: Sequence[Fact], kinds: Sequence[str]) -> list[str]:
    quoted: list[str] = []
    for fact in of_kinds(facts, kinds):
        if fact.assertion == "present":
            where = f" ({fact.section.replace('_', ' ')})" if fact.section else ""
            line = f'"{fact.text}"{where}'
            if line not in quoted:
                quoted.append(line)
    return quoted[:_MAX_INDICATORS]


def _indicators_line(facts: Sequence[Fact], template: QueryTemplate) -> str | None:
    """The draft's line of clinical indicators, found once per note for each template (the codes of a note
    share their gaps' templates)."""
    def line() -> str | None:
        indicators = _indicators(facts, template.indicator_kinds)
        return "Clinical indicators in the record: " + "; ".join(indicators) + "." if indicators else None

    return by_identity(facts.quoted, template, line) if isinstance(facts, FactsByKind) else line()


def draft(requirement: Requirement, facts: Sequence[Fact], queries: QueryFile, title: str | None) -> Query | None:
    """The query draft for one missing or conflicting requirement, or None when no template exists."""
    found = _templates(queries).get(requirement.id)
    if found is None:
        return None
    template, rest = found
    lines = [queries.preamble.format(title=title or "the documented condition")]
    indicators = _indicators_line(facts, template)
    if indicators is not None:
        lines.append(indicators)
    lines.append(rest)
    return validated(Query, {"requirement": requirement.id, "text": "\n".join(lines)})
