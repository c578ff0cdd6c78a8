"""The one span group every extractor writes to: label = kind, kb_id_ = value, id_ = rule id."""

import re
import sys
from bisect import bisect_right
from collections.abc import Container, Iterable
from typing import Any

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

GROUP = "facts"
TEXT = ("notecheck", "text")  # doc.user_data key: the note's text, which doc.text rebuilds on every read
_WORDS = ("notecheck", "orth")  # doc.user_data key: the Doc's words (ORTH) and their set
_LOWER = ("notecheck", "lower")  # doc.user_data key: the Doc's lower-case words (LOWER)


# A hard-wrapped line: a line of running text (at least 40 characters) broken after a word, a digit or a comma and
# carried on in lower case ("... for about 10\nweeks", "progressive mid\nback pain"), or broken after a lower-case
# word that cannot end a statement, whatever follows ("Labor epidural placed at\nL3-L4"; not "hepatitis A"). A list
# ("aspirin\nlisinopril") has short lines; a new statement, heading or list item opens in capitals, a digit or a bullet.
_OPEN_WORDS = frozenset(
    "at of to the a an and or with from in on for by into over under between as than via per his her their".split()
)
_WRAPPED_LINE = 40  # characters of a line of running text, its last word included
_BEFORE_OPEN_WORD = 36  # ... and before a last word of _OPEN_WORDS
_NEXT_LINE = re.compile(r"\n(?=[^\s\-*•])")  # a line break before a line that opens with no space or bullet


def unwrap(text: str) -> str:
    """The text with each hard line wrap inside running text made a space: the same length, so every offset
    stays, and a phrase broken across lines is one run of words for the matchers.

    Each line break is judged by its two neighbours and its line's length and last word: no pattern runs over a
    line's words (a note's paragraphs are often thousands of characters on one line)."""
    joins = [match.start() for match in _NEXT_LINE.finditer(text) if _wraps(text, match.start())]
    if not joins:
        return text
    pieces, start = [], 0
    for i in joins:
        pieces += [text[start:i], " "]
        start = i + 1
    pieces.append(text[start:])
    return "".join(pieces)


def _wraps(text: str, i: int) -> bool:
    """Whether the line break at text[i] wraps a line of running text (see _OPEN_WORDS)."""
    line_start = text.rfind("\n", 0, i) + 1
    if i - line_start <= _BEFORE_OPEN_WORD:  # too short for either test below (and text[i - 1] is on the line)
        return False
    before, after = text[i - 1], text[i + 1]
    if i - line_start >= _WRAPPED_LINE and ("a" <= after <= "z" or after == "(") and (before == "," or before.isalnum()):
        return True
    word_start = i
    while word_start > line_start and (text[word_start - 1].isalnum() or text[word_start - 1] == "_"):
        word_start -= 1
    return word_start - line_start >= _BEFORE_OPEN_WORD and text[word_start:i] in _OPEN_WORDS


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokenized note, keeping its text for `doc_text` (the tokenizer keeps every character; a hard line
    wrap in running text is read as a space, see `unwrap`)."""
    doc = nlp.make_doc(unwrap(text))
    user_data: dict[Any, Any] = doc.user_data  # spaCy types its keys as str; they are tuples
    user_data[TEXT] = text
    return doc


def doc_text(doc: Doc) -> str:
    """doc.text, read from where `make_doc` kept it if it did."""
    user_data: dict[Any, Any] = doc.user_data
    text = user_data.get(TEXT)
    return text if isinstance(text, str) else doc.text


def words_of(doc: Doc) -> tuple[list[int], set[int]]:
    """The Doc's words (ORTH) in order and as a set, read once per Doc for every matcher and filter."""
    user_data: dict[Any, Any] = doc.user_data  # spaCy types its keys as str; they are tuples
    cached = user_data.get(_WORDS)
    if cached is None or len(cached[0]) != len(doc):  # a Doc retokenized since is read again
        words = doc.to_array(ORTH).tolist()
        cached = (words, set(words))
        user_data[_WORDS] = cached
    return cached


def keep_words(doc: Doc, words: list[int]) -> None:
    """Keep the words (ORTH) a Doc was built from for `words_of`, which then need not read them back."""
    user_data: dict[Any, Any] = doc.user_data
    user_data[_WORDS] = (words, set(words))


def lower_of(doc: Doc) -> list[int]:
    """The Doc's lower-case words (LOWER ids, as `vocab.strings.add(word)` gives them), read once per Doc."""
    user_data: dict[Any, Any] = doc.user_data
    cached = user_data.get(_LOWER)
    if cached is None or len(cached) != len(doc):
        cached = doc.to_array(LOWER).tolist()
        user_data[_LOWER] = cached
    return cached  # type: ignore[no-any-return]


# The level grammar's rule id for a level that gives a sensory finding's extent (a dermatome, a sensory level): it does
# not locate the region (C5), so its fact is asserted negated, but it shows the note's deficit is of spinal type.
EXTENT_RULE = "levels.extent"


def phrase_ids(phrase: str) -> tuple[int, ...]:
    """A phrase's words as LOWER ids, split on white space, for `holds_phrase`."""
    return tuple(get_string_id(word) for word in phrase.lower().split())


def holds_phrase(words: list[int], phrase: tuple[int, ...]) -> bool:
    """Whether the words (LOWER or ORTH ids) hold the phrase's words in a row."""
    if not phrase or phrase[0] not in words:
        return False
    n = len(phrase)
    return any(words[i : i + n] == list(phrase) for i, word in enumerate(words) if word == phrase[0])


def add_fact(doc: Doc, start: int, end: int, *, kind: str, value: str, rule_id: str) -> Span:
    """Append a fact span (token offsets) to the facts group and return it."""
    span = Span(doc, start, end, label=kind, kb_id=value, span_id=rule_id)
    facts(doc).append(span)
    return span


def facts(doc: Doc) -> list[Span]:
    """The facts span group, created on first use."""
    if GROUP not in doc.spans:
        doc.spans[GROUP] = []
    group: list[Span] = doc.spans[GROUP]  # a SpanGroup: a sequence of Spans, as callers use it
    return group


class SentenceStarts:
    """The first token of each sentence, to find a span's sentence by bisection once per Doc: `span.sent`
    walks the tokens to both ends of the sentence on every read. Same answer as `span.sent.start`."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        hooked = "sents" in doc.user_hooks or "sent" in doc.user_span_hooks
        self.starts = None if hooked else numpy.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
        if not doc.has_annotation("SENT_START"):
            self.starts = None  # span.sent raises E030 here, as it should

    def of(self, span: Span) -> int:
        """The token where the span's (first) sentence starts."""
        if self.starts is None:
            return span.sent.start
        i = bisect_right(self.starts, span.start) - 1
        return self.starts[i] if i >= 0 else 0

    def bounds(self, i: int) -> tuple[int, int]:
        """`(sent.start, sent.end)` of the sentence of token i, which is `span.sent` of a span starting at
        i (spaCy gives a span crossing a sentence edge the sentence of its first token)."""
        if self.starts is None:
            sentence = self.doc[i].sent
            return sentence.start, sentence.end
        j = bisect_right(self.starts, i)
        return (self.starts[j - 1] if j > 0 else 0), (self.starts[j] if j < len(self.starts) else len(self.doc))


SEPARATORS = frozenset({",", ";"})
_SEPARATOR_IDS = frozenset(get_string_id(s) for s in SEPARATORS)  # as ORTH holds them


class SentenceFacts:
    """The facts of each sentence as (start, end, kind), built once per Doc: the conditions on facts a few
    list items apart compare a span with its sentence's facts only."""

    def __init__(self, spans: Iterable[Span], sentences: SentenceStarts) -> None:
        self.sentences = sentences
        self.of: dict[int, list[tuple[int, int, str]]] = {}
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        """A fact written after the index was built."""
        self.of.setdefault(self.sentences.of(span), []).append((span.start, span.end, span.label_))

    def kinds(self) -> dict[int, set[str]]:
        """Sentence start token -> the fact kinds it holds now (the rules' same-sentence conditions)."""
        return {sentence: {kind for _, _, kind in found} for sentence, found in self.of.items()}

    def kinds_at(self, sentence: int) -> set[str]:
        """The fact kinds the sentence starting at token `sentence` holds now."""
        return {kind for _, _, kind in self.of.get(sentence, ())}

    def kinds_near(
        self, span: Span, apart: int, *, barriers: frozenset[int] = frozenset(), skip: Container[int] = ()
    ) -> set[str]:
        """The kinds of the facts in the span's sentence at most `apart` list separators from it (a long
        list 'sentence' ties only its neighbouring items together), and no barrier word between; facts that
        start at a token of `skip` aside."""
        doc, start, end = span.doc, span.start, span.end
        in_sentence = self.of.get(self.sentences.of(span), [])
        return {
            kind
            for s, e, kind in in_sentence
            if s not in skip and items_apart(doc, start, end, s, e, barriers=barriers) <= apart
        }


def holds_words(doc: Doc, bounds: tuple[int, int], words: set[int]) -> bool:
    """Whether doc[start:end] holds one of the lower-case words (LOWER ids)."""
    return not words.isdisjoint(lower_of(doc)[bounds[0] : bounds[1]])


def words_near(
    doc: Doc,
    span: Span,
    bounds: tuple[int, int],
    words: set[int],
    apart: int | None,
    *,
    skip: Container[int] = (),
    barriers: frozenset[int] = frozenset(),
) -> bool:
    """Whether doc[bounds] (the span's sentence) holds one of the words (LOWER ids), the tokens `skip` aside;
    with `apart`, at most that many list separators from the span and no barrier word between."""
    lower = lower_of(doc)
    return any(
        lower[i] in words
        and i not in skip
        and (apart is None or items_apart(doc, span.start, span.end, i, i + 1, barriers=barriers) <= apart)
        for i in range(*bounds)
    )


def items_apart(
    doc: Doc, a_start: int, a_end: int, b_start: int, b_end: int, *, barriers: frozenset[int] = frozenset()
) -> int:
    """How many list separators (',' ';') stand between two token ranges of one sentence; none is near enough
    across a barrier word (LOWER ids: a contrasting 'but' opens a clause about something else)."""
    lo, hi = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
    if lo >= hi:
        return 0
    if barriers and not barriers.isdisjoint(lower_of(doc)[lo:hi]):
        return sys.maxsize
    return sum(1 for word in words_of(doc)[0][lo:hi] if word in _SEPARATOR_IDS)
