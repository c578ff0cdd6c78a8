"""Which facts satisfy a condition of a requirement or finding rule."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, TypeVar

from notecheck.report import Fact
from notecheck.ruleset.models import FactCondition

T = TypeVar("T")
Memo = dict[int, tuple[object, Any]]  # id(an object) -> (that object, what was worked out for it)


def by_identity(memo: Memo, key: object, work_out: Callable[[], T]) -> T:
    """What `work_out` gives for `key`, worked out once per memo. Rules, families and templates are
    frozen models that may hold lists, so they are keyed by their id; the entry keeps the object itself,
    so its id cannot be reused by another while the entry stands."""
    hit = memo.get(id(key))
    if hit is None or hit[0] is not key:
        hit = memo[id(key)] = (key, work_out())
    result: T = hit[1]
    return result


class FactsByKind(tuple[Fact, ...]):
    """A note's facts in note order, with the facts of each set of kinds found once per note.

    Every requirement and finding asks for a few kinds; with five codes that is dozens of scans of all
    facts per note. Immutable, so the index cannot go stale; callers must not change the lists it gives.
    """

    positions: dict[str, list[int]]
    found: dict[frozenset[str], list[Fact]]
    selected: dict[tuple[object, ...], list[Fact]]  # the tests of some conditions (_Plan.tests) -> their facts
    judged: Memo  # rule or family -> what was judged of it for this note
    quoted: Memo  # query template -> its indicators line for this note

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
        found = self.found.get(kinds)
        if found is None:
            if len(kinds) == 1:  # most conditions ask one kind: its positions are in order already
                positions: Iterable[int] = self.positions.get(next(iter(kinds)), ())
            else:
                positions = sorted(i for kind in kinds for i in self.positions.get(kind, ()))
            found = self.found[kinds] = [self[i] for i in positions]
        return found


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

    With indexed facts, found once per note for each set of conditions (the same conditions in several
    rules or families are found once); callers must not change the list it gives.
    """
    if isinstance(facts, FactsByKind) and isinstance(conditions, (list, tuple)):
        plan = _plan(conditions)
        found = facts.selected.get(plan.tests)
        if found is None:
            found = facts.selected[plan.tests] = _matching(facts.of_kinds(plan.kinds), plan.by_kind)
        return found
    return _select(facts, list(conditions))


def _select(facts: Sequence[Fact], conditions: Sequence[FactCondition]) -> list[Fact]:
    candidates = of_kinds(facts, (c.kind for c in conditions))
    return [f for f in candidates if any(matches(f, c) for c in conditions)]


# A condition as a tuple: kind, values (None: any), assertions, historical (None: either).
Test = tuple[str, frozenset[str] | None, frozenset[str], bool | None]


class _Plan(NamedTuple):
    """A rule's conditions as `matches` reads them, made once per list: the facts of a note are selected by
    `tests` (their content), so rules and families that ask the same find them once."""

    tests: tuple[Test, ...]
    kinds: frozenset[str]
    by_kind: dict[str, list[Test]]


_PLANS: Memo = {}  # conditions -> their plan; the rulesets' lists live as long as the process


def _plan(conditions: Sequence[FactCondition]) -> _Plan:
    return by_identity(_PLANS, conditions, lambda: _make_plan(conditions))


def _make_plan(conditions: Sequence[FactCondition]) -> _Plan:
    tests = tuple(
        (c.kind, None if c.values is None else frozenset(c.values), frozenset(c.assertion), c.historical)
        for c in conditions
    )
    by_kind: dict[str, list[Test]] = {}
    for test in tests:
        by_kind.setdefault(test[0], []).append(test)
    return _Plan(tests, frozenset(by_kind), by_kind)


def _matching(candidates: Sequence[Fact], by_kind: dict[str, list[Test]]) -> list[Fact]:
    """The candidates (each of a kind in `by_kind`) that pass one of the tests of their kind (`matches`)."""
    found = []
    for fact in candidates:
        for _, values, assertion, historical in by_kind[fact.kind]:
            if (
                (values is None or fact.value in values)
                and fact.assertion in assertion
                and (historical is None or fact.historical == historical)
            ):
                found.append(fact)
                break
    return found


def values(facts: Iterable[Fact]) -> str:
    """'sacral, lumbosacral' - distinct values in order of first mention."""
    return ", ".join(dict.fromkeys(f.value for f in facts))
