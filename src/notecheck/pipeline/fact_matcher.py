"""Targets from data: every rule of patterns/facts/<kind>.yaml in three matchers, one pass each."""

from pathlib import Path
from typing import Any

from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from notecheck.errors import PatternError
from notecheck.pipeline.anchored import AnchoredMatcher
from notecheck.pipeline.spans import GROUP, facts
from notecheck.ruleset import Ruleset, load_ruleset

# An adjective may stand up to this many tokens before its head ("lumbar and sacral spine").
_ADJECTIVE_GAP = 2
_SENTENCE_ENDS = (".", ";", "!", "?")


def _adjective_patterns(
    adjectives: list[str], heads: list[str], not_between: list[str], not_after: list[str] | None = None
) -> list[list[dict[str, Any]]]:
    lower = [a.lower() for a in adjectives]
    # Nor a sentence's end: "MRI of the thoracic spine. MRI of the cervical spine ..." gives "thoracic spine", not
    # "thoracic spine. MRI".
    barred = [w.lower() for w in not_between] + list(_SENTENCE_ENDS)
    step: dict[str, Any] = {"IS_SPACE": False, "LOWER": {"NOT_IN": barred}, "OP": "?"}
    gap: list[dict[str, Any]] = [step] * _ADJECTIVE_GAP
    head: dict[str, Any] = {"LOWER": {"IN": [h.lower() for h in heads]}}
    # the next token is read, not evidence: a head at the very end of a note is not matched
    after = [{"LOWER": {"NOT_IN": [w.lower() for w in not_after]}, "CONTEXT": True}] if not_after else []
    patterns = [[{"LOWER": {"IN": lower}}, *gap, head, *after]]
    # The tokenizer splits a hyphenated adjective ("lumbo-sacral" -> "lumbo", "-", "sacral"): match its parts.
    for adjective in (a for a in lower if "-" in a.strip("-")):
        parts: list[dict[str, Any]] = []
        for part in adjective.split("-"):
            parts += [{"ORTH": "-"}, {"LOWER": part}] if parts else [{"LOWER": part}]
        patterns.append([*parts, *gap, head, *after])
    return patterns


class FactMatcher:
    """Finds every fact rule's phrases and token patterns and writes them to the facts group."""

    def __init__(self, nlp: Language, ruleset: Ruleset, *, name: str = "facts") -> None:
        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = AnchoredMatcher(nlp.vocab)
        # match key -> (kind, value, rule id, trailing context tokens left out of the evidence)
        self.rules: dict[int, tuple[str, str, str, int]] = {}
        # rule id -> the words that may not stand right before its match (FactRule.not_after), as LOWER ids
        self.not_after: dict[str, frozenset[int]] = {}
        # rule id -> the rules of its kind whose spans inside its match it drops (FactRule.overrides)
        self.overrides: dict[str, frozenset[str]] = {}
        self.adjective_rules: set[str] = set()  # rules with adjectives, whose matches may be a compound's half
        for kind, fact_file in ruleset.facts.items():
            for rule in fact_file.rules:
                key = nlp.vocab.strings.add(rule.id)
                if rule.overrides:
                    self.overrides[rule.id] = frozenset(rule.overrides)
                if rule.not_after:
                    self.not_after[rule.id] = frozenset(nlp.vocab.strings.add(w.lower()) for w in rule.not_after)
                self.rules[key] = (kind, rule.value, rule.id, 0)
                if rule.phrases:
                    self.lower.add(rule.id, [nlp.make_doc(phrase) for phrase in rule.phrases])
                if rule.exact:
                    self.exact.add(rule.id, [nlp.make_doc(phrase) for phrase in rule.exact])
                patterns = list(rule.patterns)
                if rule.adjectives:
                    self.adjective_rules.add(rule.id)
                    heads = rule.heads if rule.heads is not None else fact_file.heads
                    patterns += _adjective_patterns(rule.adjectives, heads, fact_file.not_between, fact_file.not_after_head)
                by_context: dict[int, list[list[dict[str, Any]]]] = {}
                for pattern in patterns:
                    context, tokens = _trailing_context(pattern, rule.id, kind)
                    by_context.setdefault(context, []).append(tokens)
                for context, group in by_context.items():
                    name = rule.id if context == 0 else f"{rule.id}#context{context}"
                    self.rules[nlp.vocab.strings.add(name)] = (kind, rule.value, rule.id, context)
                    try:
                        self.tokens.add(name, group)
                    except MatchPatternError as exc:
                        detail = f"rule {rule.id}: invalid token pattern ({str(exc).splitlines()[0]})"
                        raise PatternError(path=f"patterns/facts/{kind}.yaml", detail=detail) from None

    def __call__(self, doc: Doc) -> Doc:
        matches = self.lower(doc) + self.exact(doc) + self.tokens(doc)
        # Longest match wins among spans of one kind and value; other values may overlap.
        by_kind: dict[tuple[str, str], list[Span]] = {}
        for key, start, end in matches:
            kind, value, rule_id, context = self.rules[key]
            barred = self.not_after.get(rule_id)
            if barred and start > 0 and doc[start - 1].lower in barred:
                continue
            span = Span(doc, start, end - context, label=kind, kb_id=value, span_id=rule_id)
            by_kind.setdefault((kind, value), []).append(span)
        kept = [span for spans in by_kind.values() for span in _longest(spans)]
        if self.overrides:
            kept = _without_overridden(kept, self.overrides)
        group = facts(doc)
        group.extend(_without_compound_halves(kept, self.adjective_rules))
        doc.spans[GROUP] = group
        return doc


def _longest(spans: list[Span]) -> list[Span]:
    """The longest spans of one kind and value (`filter_spans`), each with every rule that matched it: a span two
    rules of one value match stands while the conditions of either hold (notecheck.facts keeps one)."""
    extents = {(span.start, span.end) for span in filter_spans(spans)}
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for span in spans:
        key = (span.start, span.end, span.id_)
        if (span.start, span.end) in extents and key not in seen:
            seen.add(key)
            kept.append(span)
    return kept


def _without_overridden(spans: list[Span], overrides: dict[str, frozenset[str]]) -> list[Span]:
    """Drop a span inside the span of a rule that overrides its rule: in 'a carton fell from the shelf and struck
    him' the object fell, not the patient."""
    over = [(span.start, span.end, overrides[span.id_]) for span in spans if span.id_ in overrides]
    if not over:
        return spans
    return [span for span in spans if not any(s <= span.start and span.end <= e and span.id_ in ids for s, e, ids in over)]


def _without_compound_halves(spans: list[Span], adjective_rules: set[str]) -> list[Span]:
    """Drop an adjective rule's span that starts at the second half of a hyphenated compound when a span of its kind
    covers the whole compound: "lumbo-sacral strain" is lumbosacral, not also the "sacral strain" its last part
    reads as."""
    starts = {(span.label_, span.start): span.end for span in spans}
    return [
        span
        for span in spans
        if not (
            span.id_ in adjective_rules
            and span.start >= 2
            and span.doc[span.start - 1].text == "-"
            and starts.get((span.label_, span.start - 2), -1) >= span.end
        )
    ]


def _trailing_context(pattern: list[dict[str, Any]], rule_id: str, kind: str) -> tuple[int, list[dict[str, Any]]]:
    """How many last tokens are marked `CONTEXT: true` (matched, but not evidence), and the pattern
    without the mark. Only required tokens at the end may be context, so the evidence ends a fixed
    number of tokens before the match ("injection" in "injection, then", not "injection,")."""
    marked = [bool(token.get("CONTEXT")) for token in pattern]
    context = len(marked) - marked.index(True) if True in marked else 0
    tail = pattern[len(pattern) - context :]
    if context and (not all(marked[len(pattern) - context :]) or context == len(pattern) or any("OP" in t for t in tail)):
        detail = f"rule {rule_id}: CONTEXT marks only required tokens at the end of a pattern, after its evidence"
        raise PatternError(path=f"patterns/facts/{kind}.yaml", detail=detail)
    return context, [{k: v for k, v in token.items() if k != "CONTEXT"} for token in pattern]


@Language.factory("notecheck_fact_matcher_v1", default_config={"patterns_dir": None})
def make_fact_matcher(nlp: Language, name: str, patterns_dir: str | None) -> FactMatcher:
    """Factory: the fact matcher built from patterns/facts/."""
    return FactMatcher(nlp, load_ruleset(Path(patterns_dir) if patterns_dir else None), name=name)
