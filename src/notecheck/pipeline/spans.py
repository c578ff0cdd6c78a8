"""The one span group every extractor writes to: label = kind, kb_id_ = value, id_ = rule id."""

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

GROUP = "facts"
TEXT = ("notecheck", "text")  # doc.user_data key: the note's text, which doc.text rebuilds on every read


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokenized note, keeping its text for `doc_text` (the tokenizer keeps every character)."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """doc.text, read from where `make_doc` kept it if it did."""
    text = doc.user_data.get(TEXT)
    return text if isinstance(text, str) else doc.text


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
