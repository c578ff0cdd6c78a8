"""Which facts satisfy a condition of a requirement or finding rule."""

from collections.abc import Iterable

from notecheck.report import Fact
from notecheck.ruleset.models import FactCondition


def matches(fact: Fact, condition: FactCondition) -> bool:
    """True when `fact` is of the condition's kind, value, assertion and history."""
    return (
        fact.kind == condition.kind
        and (condition.values is None or fact.value in condition.values)
        and fact.assertion in condition.assertion
        and (condition.historical is None or fact.historical == condition.historical)
    )


def select(facts: Iterable[Fact], conditions: Iterable[FactCondition]) -> list[Fact]:
    """Facts that match any of the conditions, in note order."""
    conditions = list(conditions)
    return [f for f in facts if any(matches(f, c) for c in conditions)]


def values(facts: Iterable[Fact]) -> str:
    """'sacral, lumbosacral' - distinct values in order of first mention."""
    return ", ".join(dict.fromkeys(f.value for f in facts))
