"""What `checker.assertion(text, start, end)` returns: the contract's pair plus the flags behind it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SpanAssertion:
    """The assertion of one span (CONTRACT.md "Assertion") and the raw ConText flags that made it."""

    assertion: str
    historical: bool
    negated: bool
    possible: bool
    hypothetical: bool
    family: bool
    section: str | None = None
    rule_ids: tuple[str, ...] = ()
