"""Targets from data: every rule of patterns/facts/<kind>.yaml in three matchers, one pass each."""

import json
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from notecheck.errors import PatternError
from notecheck.pipeline.spans import GROUP, facts
from notecheck.ruleset import Ruleset, load_ruleset

# An adjective may stand up to this many tokens before its head ("lumbar and sacral spine").
_ADJECTIVE_GAP = 2


def _adjective_patterns(
    adjectives: list[str], heads: list[str], not_between: list[str]
) -> list[list[dict[str, Any]]]:
    lower = [a.lower() for a in adjectives]
    step: dict[str, Any] = {"IS_SPACE": False, "OP": "?"}
    if not_between:
        step = {"IS_SPACE": False, "LOWER": {"NOT_IN": [w.lower() for w in not_between]}, "OP": "?"}
    gap: list[dict[str, Any]] = [step] * _ADJECTIVE_GAP
    return [[{"LOWER": {"IN": lower}}, *gap, {"LOWER": {"IN": [h.lower() for h in heads]}}]]


# Token attributes that depend only on the word (its lexeme), so a first token can be tested once per word.
_LEXEME_ATTRS = frozenset(
    "ORTH TEXT LOWER LENGTH SHAPE PREFIX SUFFIX IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_UPPER IS_TITLE "
    "IS_PUNCT IS_SPACE IS_STOP IS_BRACKET IS_QUOTE IS_LEFT_PUNCT IS_RIGHT_PUNCT IS_CURRENCY "
    "LIKE_NUM LIKE_URL LIKE_EMAIL".split()
)


class AnchoredMatcher:
    """spaCy's Matcher, run only where a pattern can start.

    A pattern whose first token is required and tests only the word (LOWER, TEXT, REGEX, LIKE_NUM ...)
    can only match from a word passing that test, and ends within len(pattern) tokens. Patterns sharing
    a first token form one Matcher, run on the windows after the words that pass; each word is tested
    once per process. Other patterns run over the whole span. The matches are those of one Matcher over
    the span, once each, ordered by (start, end, key).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.anywhere = Matcher(vocab, validate=True)
        self.first = Matcher(vocab, validate=True)  # group key -> the first token alone
        self.groups: dict[str, tuple[Matcher, int]] = {}  # group key -> (its patterns, longest)
        self.opens: dict[int, tuple[str, ...]] = {}  # word (ORTH) -> groups it may open
        self.openers = numpy.zeros(0, dtype="uint64")  # the words that open any group

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            group = _anchor(pattern)
            if group is None:
                self.anywhere.add(key, [pattern])
                continue
            if group not in self.groups:
                self.groups[group] = (Matcher(self.vocab, validate=True), 0)
                self.first.add(group, [[pattern[0]]])
                self.opens.clear()  # a new group: every word is tested again
                self.openers = numpy.zeros(0, dtype="uint64")
            matcher, longest = self.groups[group]
            matcher.add(key, [pattern])
            self.groups[group] = (matcher, max(longest, len(pattern)))

    def __call__(self, doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """Matches (key, start, end) in doc[start:end], in Doc offsets."""
        end = len(doc) if end is None else end
        matches = [(k, s + start, e + start) for k, s, e in self.anywhere(doc[start:end])] if len(self.anywhere) else []
        words = doc.to_array(ORTH)[start:end]
        self._test_words(numpy.unique(words).tolist())
        starts: dict[str, list[int]] = {}
        for i in numpy.flatnonzero(numpy.isin(words, self.openers)).tolist():
            for group in self.opens[int(words[i])]:
                starts.setdefault(group, []).append(i + start)
        for group, positions in starts.items():
            matcher, longest = self.groups[group]
            for w_start, w_end in _windows(positions, longest, end):
                matches += [(k, s + w_start, e + w_start) for k, s, e in matcher(doc[w_start:w_end])]
        # Two patterns of one rule may find the same span; the Matcher reports it once.
        return sorted(set(matches), key=lambda m: (m[1], m[2], m[0]))

    def _test_words(self, words: list[int]) -> None:
        """Which groups each new word may open: the first tokens matched against the words themselves."""
        new = [word for word in words if word not in self.opens]
        if not new:
            return
        probe = Doc(self.vocab, words=[self.vocab.strings[word] for word in new], spaces=[False] * len(new))
        opened: dict[int, list[str]] = {}
        for key, i, _ in self.first(probe):
            opened.setdefault(new[i], []).append(self.vocab.strings[key])
        for word in new:
            self.opens[word] = tuple(opened.get(word, ()))
        if opened:
            self.openers = numpy.union1d(self.openers, numpy.array(list(opened), dtype="uint64"))


def _anchor(pattern: list[dict[str, Any]]) -> str | None:
    """The group of a pattern: its first token as a key, or None when that token is optional, tests
    more than the word, or some token may repeat (then the pattern has no bounded length)."""
    if any(token.get("OP") not in (None, "?", "!") for token in pattern):
        return None
    first = pattern[0]
    if "OP" in first or not set(first) <= _LEXEME_ATTRS or not any(map(_selective, first.items())):
        return None
    return "anchor:" + json.dumps(first, sort_keys=True)


def _selective(test: tuple[str, Any]) -> bool:
    """A test few words pass: a word or word list, a regular expression, a number."""
    name, value = test
    if name in ("ORTH", "TEXT", "LOWER"):
        return isinstance(value, str) or (isinstance(value, dict) and bool({"IN", "REGEX"} & set(value)))
    return name in ("LIKE_NUM", "IS_DIGIT") and value is True


def _windows(positions: list[int], longest: int, size: int) -> list[tuple[int, int]]:
    """[p, p + longest) for each start position, merged where they touch."""
    windows: list[tuple[int, int]] = []
    for p in positions:
        end = min(size, p + longest)
        if windows and p <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((p, end))
    return windows


class FactMatcher:
    """Finds every fact rule's phrases and token patterns and writes them to the facts group."""

    def __init__(self, nlp: Language, ruleset: Ruleset, *, name: str = "facts") -> None:
        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = AnchoredMatcher(nlp.vocab)
        self.rules: dict[int, tuple[str, str, str]] = {}
        for kind, fact_file in ruleset.facts.items():
            for rule in fact_file.rules:
                key = nlp.vocab.strings.add(rule.id)
                self.rules[key] = (kind, rule.value, rule.id)
                if rule.phrases:
                    self.lower.add(rule.id, list(nlp.tokenizer.pipe(rule.phrases)))
                if rule.exact:
                    self.exact.add(rule.id, list(nlp.tokenizer.pipe(rule.exact)))
                patterns = list(rule.patterns)
                if rule.adjectives:
                    patterns += _adjective_patterns(rule.adjectives, fact_file.heads, fact_file.not_between)
                if patterns:
                    try:
                        self.tokens.add(rule.id, patterns)
                    except MatchPatternError as exc:
                        detail = f"rule {rule.id}: invalid token pattern ({str(exc).splitlines()[0]})"
                        raise PatternError(path=f"patterns/facts/{kind}.yaml", detail=detail) from None

    def __call__(self, doc: Doc) -> Doc:
        matches = self.lower(doc) + self.exact(doc) + self.tokens(doc)
        # Longest match wins among spans of one kind and value; other values may overlap.
        by_kind: dict[tuple[str, str], list[Span]] = {}
        for key, start, end in matches:
            kind, value, rule_id = self.rules[key]
            span = Span(doc, start, end, label=kind, kb_id=value, span_id=rule_id)
            by_kind.setdefault((kind, value), []).append(span)
        group = facts(doc)
        for spans in by_kind.values():
            group.extend(filter_spans(spans))
        doc.spans[GROUP] = group
        return doc


@Language.factory("notecheck_fact_matcher_v1", default_config={"patterns_dir": None})
def make_fact_matcher(nlp: Language, name: str, patterns_dir: str | None) -> FactMatcher:
    """Factory: the fact matcher built from patterns/facts/."""
    return FactMatcher(nlp, load_ruleset(Path(patterns_dir) if patterns_dir else None), name=name)
