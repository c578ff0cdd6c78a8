"""The one span group every extractor writes to: label = kind, kb_id_ = value, id_ = rule id."""

from collections.abc import Iterable

from spacy.tokens import Doc, Span

GROUP = "facts"


def add_fact(doc: Doc, start: int, end: int, *, kind: str, value: str, rule_id: str) -> Span:
    """Append a fact span (token offsets) to the facts group and return it."""
    span = Span(doc, start, end, label=kind, kb_id=value, span_id=rule_id)
    facts(doc).append(span)
    return span


def facts(doc: Doc) -> list[Span]:
    """The facts span group, created on first use."""
    if GROUP not in doc.spans:
        doc.spans[GROUP] = []
    return doc.spans[GROUP]  # type: ignore[return-value]


def kinds_by_sentence(spans: Iterable[Span]) -> dict[int, set[str]]:
    """Sentence start token -> the fact kinds its spans hold (the rules' same-sentence conditions)."""
    found: dict[int, set[str]] = {}
    for span in spans:
        found.setdefault(span.sent.start, set()).add(span.label_)
    return found


SEPARATORS = frozenset({",", ";"})


def items_apart(doc: Doc, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """How many list separators (',' ';') stand between two token ranges of one sentence."""
    lo, hi = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
    return sum(1 for token in doc[lo:hi] if token.text in SEPARATORS) if lo < hi else 0
