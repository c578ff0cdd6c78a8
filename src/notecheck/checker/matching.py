"""Which facts satisfy a condition of a requirement or finding rule."""

from collections.abc import Iterable, Sequence
from typing import Any

from notecheck.report import Fact
from notecheck.ruleset.models import FactCondition


class FactsByKind(tuple[Fact, ...]):
    """A note's facts in note order, with the facts of each set of kinds found once per note.

    Every requirement and finding asks for a few kinds; with five codes that is dozens of scans of all
    facts per note. Immutable, so the index cannot go stale; callers must not change the lists it gives.
    """

    positions: dict[str, list[int]]
    found: dict[frozenset[str], list[Fact]]
    selected: dict[int, tuple[object, list[Fact]]]  # id(conditions) -> (those conditions, their facts)
    judged: dict[int, tuple[object, Any]]  # id(rule) -> (that rule, its verdict); a rule is in one family
    quoted: dict[int, tuple[object, str | None]]  # id(query template) -> (that template, its indicators line)

    def __new__(cls, facts: Iterable[Fact]) -> "FactsByKind":
        self = super().__new__(cls, facts)
        self.positions = {}
        self.found = {}
        self.selected = {}
        self.judged = {}
        self.quoted = {}
        for i, fact in enumerate(self):
            self.positions.setdefault(fact.kind, []).append(i)
        return self

    def of_kinds(self, kinds: frozenset[str]) -> list[Fact]:
        """The facts of these kinds, in note order."""
        if kinds not in self.found:
            positions = sorted(i for kind in kinds for i in self.positions.get(kind, ()))
            self.found[kinds] = [self[i] for i in positions]
        return self.found[kinds]


def indexed(facts: Sequence[Fact]) -> FactsByKind:
    """The facts with their index (built once: an indexed sequence is returned as it is)."""
    return facts if isinstance(facts, FactsByKind) else FactsByKind(facts)


def of_kinds(facts: Sequence[Fact], kinds: Iterable[str]) -> Sequence[Fact]:
    """The facts of these kinds, in note order."""
    kinds = frozenset(kinds)
    if isinstance(facts, FactsByKind):
        return facts.of_kinds(kinds)
    return [f for f in facts if f.kind in kinds]


def matches(fact: Fact, condition: FactCondition) -> bool:
    """True when `fact` is of the condition's kind, value, assertion and history."""
    return (
        fact.kind == condition.kind
        and (condition.values is None or fact.value in condition.values)
        and fact.assertion in condition.assertion
        and (condition.historical is None or fact.historical == condition.historical)
    )


def select(facts: Sequence[Fact], conditions: Iterable[FactCondition]) -> list[Fact]:
    """Facts that match any of the conditions, in note order.

    With indexed facts, found once per note for each list of conditions (a rule's list: the codes of one
    family ask the same); callers must not change the list it gives.
    """
    if isinstance(facts, FactsByKind) and isinstance(conditions, (list, tuple)):
        hit = facts.selected.get(id(conditions))
        if hit is not None and hit[0] is conditions:  # the list is kept in the entry: its id is not reused
            return hit[1]
        found = _select(facts, conditions)
        facts.selected[id(conditions)] = (conditions, found)
        return found
    return _select(facts, list(conditions))


def _select(facts: Sequence[Fact], conditions: Sequence[FactCondition]) -> list[Fact]:
    candidates = of_kinds(facts, (c.kind for c in conditions))
    return [f for f in candidates if any(matches(f, c) for c in conditions)]


def values(facts: Iterable[Fact]) -> str:
    """'sacral, lumbosacral' - distinct values in order of first mention."""
    return ", ".join(dict.fromkeys(f.value for f in facts))
