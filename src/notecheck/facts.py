"""The one boundary from spaCy to the contract: spans of the facts group -> Fact objects.

Assertion comes from ConText's modifiers; a fact without a cue of its own takes its section's assertion
(plan -> hypothetical, family history -> family) and historical flag (past history). Negated facts of the
kinds listed in patterns/facts/exclusion.yaml also yield an `exclusion` fact ("no fracture").
"""

from bisect import bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from notecheck.pipeline.context_rules import (
    ONGOING_CATEGORY,
    assertion_from_categories,
    fact_modifiers,
)
from notecheck.pipeline.model_facts import confidence_of, is_model_fact
from notecheck.pipeline.sections import section_category
from notecheck.pipeline.spans import SentenceStarts, doc_text, kinds_by_sentence
from notecheck.pipeline.spans import facts as fact_spans
from notecheck.report import Fact
from notecheck.ruleset import Ruleset
from notecheck.ruleset.models import SectionCategory

_UNRESOLVED = "unspecified"


class FactBuilder:
    """Turns a processed Doc into the report's facts."""

    def __init__(self, ruleset: Ruleset) -> None:
        self.sections: dict[str, SectionCategory] = {s.id: s for s in ruleset.sections.sections}
        self.exclusion = ruleset.exclusion
        self.dropped = {s.id for s in ruleset.sections.sections if s.drop}
        self.asserts = {r.id: r.asserts for f in ruleset.facts.values() for r in f.rules if r.asserts}
        self.historical_with = {k: set(f.historical_with) for k, f in ruleset.facts.items() if f.historical_with}
        self.historical_in_note = {
            k: {tuple(pair.split("=", 1)) for pair in f.historical_in_note_with}
            for k, f in ruleset.facts.items()
            if f.historical_in_note_with
        }

    def __call__(self, doc: Doc) -> list[Fact]:
        seen: set[tuple[str, str, int, int]] = set()
        spans = []
        sections: list[str | None] = []
        for span in sorted(fact_spans(doc), key=lambda s: (s.start_char, s.end_char, s.label_)):
            key = (span.label_, span.kb_id_, span.start_char, span.end_char)
            section = section_category(span)
            if key not in seen and section not in self.dropped:
                seen.add(key)
                spans.append(span)
                sections.append(section)
        sentences = SentenceStarts(doc)
        kinds_in = kinds_by_sentence(spans, sentences)
        stated = {(s.label_, s.kb_id_) for s in spans}
        made: list[Fact] = []
        text = doc_text(doc)
        for span, section in zip(spans, sections, strict=True):
            fact = self._fact(span, len(made), section, text)
            in_sentence = kinds_in[sentences.of(span)] & self.historical_with.get(fact.kind, set())
            if in_sentence or stated & self.historical_in_note.get(fact.kind, set()):
                fact = fact.model_copy(update={"historical": True})
            made.append(fact)
            if fact.assertion == "negated" and fact.kind in self.exclusion.derive_from:
                made.append(self._exclusion(fact, len(made)))
        return self._link_failures(doc, made)

    def _fact(self, span: Span, index: int, section_id: str | None, text: str) -> Fact:
        """The Fact of a span in its section (`section_category`) of the note's text (`doc_text`)."""
        categories = [m.category for m in fact_modifiers(span)]
        assertion, historical = assertion_from_categories(categories)
        stated = self.asserts.get(span.id_)
        if stated and assertion == "present":
            assertion = stated
        section = self.sections.get(section_id) if section_id else None
        if section is not None:
            applies = section.assertion_kinds is None or span.label_ in section.assertion_kinds
            if assertion == "present" and section.assertion and applies and ONGOING_CATEGORY not in categories:
                assertion = section.assertion
            historical = historical or section.historical
        start, end = span.start_char, span.end_char
        model = is_model_fact(span)
        return Fact(
            id=index,
            kind=span.label_,
            value=span.kb_id_,
            text=text[start:end],  # span.text, without joining its tokens again
            start=start,
            end=end,
            assertion=assertion,
            historical=historical,
            section=section_id,
            rule_id=span.id_ or None,
            source="model" if model else "rule",
            confidence=confidence_of(span) if model else None,
        )

    def _exclusion(self, fact: Fact, index: int) -> Fact:
        return fact.model_copy(
            update={
                "id": index,
                "kind": "exclusion",
                "value": f"{self.exclusion.prefix} {fact.value}",
                "assertion": "present",
                "historical": False,
                "rule_id": f"exclusion.from.{fact.rule_id}",
            }
        )

    @staticmethod
    def _link_failures(doc: Doc, made: list[Fact]) -> list[Fact]:
        """A treatment failure takes the value of the nearest treatment in its sentence."""
        if not any(f.kind == "treatment_failure" for f in made):
            return made
        # Only a few facts ask: the sentence of a token found by bisection, not token.sent for every token.
        firsts = [sent.start for sent in doc.sents]
        token_at = {char: i for i, char in enumerate(doc.to_array(IDX).tolist())}

        def sentence(fact: Fact) -> int:
            i = token_at.get(fact.start)
            return -1 if i is None else firsts[bisect_right(firsts, i) - 1]

        treatments = [f for f in made if f.kind == "treatment" and f.assertion == "present"]
        linked = []
        for fact in made:
            if fact.kind == "treatment_failure" and fact.value == _UNRESOLVED:
                near = [t for t in treatments if sentence(t) == sentence(fact)]
                if near:
                    closest = min(near, key=lambda t: abs(t.start - fact.start))
                    fact = fact.model_copy(update={"value": closest.value})
            linked.append(fact)
        return linked
