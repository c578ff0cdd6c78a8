"""A fast sentence splitter for clinical notes (newlines, headers, dictation run-ons).

medSpaCy's PyRuSH runs at ~18 notes/s on real notes; this splitter makes one pass over the tokens with
rules that fit charts: a blank line or a new line that starts like a new statement, end punctuation
before a capital, and an upper-case header ("ASSESSMENT:,") even in the middle of a line.
"""

from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

_END = frozenset(".?!")
_BULLETS = frozenset("-*•·>#")
_MAX_HEADER_WORDS = 5


def _starts_statement(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in _BULLETS


def _has_newline(text: str) -> bool:
    return "\n" in text


def _has_newlines(text: str) -> bool:
    return text.count("\n") > 1


def _starts_lower(text: str) -> bool:
    return text[0].islower()


def _is_end(text: str) -> bool:
    return text in _END


def _is_word(text: str) -> bool:
    """A whole lower-case word, not a clipped abbreviation ('approx', 'subcu' are too short or listed)."""
    return len(text) >= 4 and text.isalpha() and text.islower()


_FLAG_TESTS = (_has_newline, _has_newlines, _starts_statement, _starts_lower, _is_end, _is_word)


def _flag(vocab: Vocab, test: Callable[[str], bool]) -> int:
    """A lexeme flag: spaCy computes it once per vocabulary entry, so a Doc reads it as an array."""
    for flag_id, getter in vocab.lex_attr_getters.items():  # type: ignore[attr-defined]  # missing from spaCy's stubs
        if getter is test:
            return int(flag_id)
    return int(vocab.add_flag(test))


class NoteSentences:
    """Sets every token's sentence start in one array write.

    The newline and end-punctuation rules run as array operations over per-text features; only header
    colons are visited one by one.
    """

    def __init__(self, nlp: Language, *, name: str = "sentences") -> None:
        self.name = name
        self.flags = [_flag(nlp.vocab, test) for test in _FLAG_TESTS]
        self.colon = nlp.vocab.strings.add(":")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array([ORTH, IS_SPACE, *self.flags])
        colon = values[:, 0] == self.colon
        is_space, newline, newlines, statement, lower, end, word = values[:, 1:].astype(bool).T
        starts = numpy.full(len(doc), -1, dtype="int64")
        starts[0] = 1
        after_newline = is_space[:-1] & newline[:-1]
        after_end = ~after_newline & end[:-1] & ~is_space[1:]
        rest = starts[1:]
        rest[after_newline] = numpy.where(newlines[:-1] | statement[1:], 1, -1)[after_newline]
        # A lower-case start after a whole word's full stop opens a sentence too ("no recent illness. s/p knee
        # arthroplasty."): an abbreviation's stop ("approx. 5", "q.i.d. for") follows no whole word.
        before_word = numpy.zeros(len(doc) - 1, dtype=bool)
        before_word[1:] = word[:-2]
        rest[after_end] = numpy.where(lower[1:] & ~before_word, -1, 1)[after_end]
        # ".  Capital": a space token between the end punctuation and the next word (dictation's double space).
        gap = end[:-2] & is_space[1:-1] & ~newline[1:-1] & ~is_space[2:]
        beyond = starts[2:]
        beyond[gap] = numpy.where(lower[2:], -1, 1)[gap]
        for i in numpy.flatnonzero(colon).tolist():
            self._header(doc, i, starts)
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]  # thinc's Ints2d is a numpy array
        return doc

    @staticmethod
    def _header(doc: Doc, i: int, starts: "numpy.ndarray[Any, Any]") -> None:
        """An upper-case run before ':' opens a sentence, and so does what follows it."""
        if i == 0 or not doc[i - 1].is_upper:
            return
        j = i - 1
        while j > 0 and i - j < _MAX_HEADER_WORDS and _header_word(doc, j - 1):
            j -= 1
        if len(doc[j].text) > 1 or j < i - 1:
            starts[j] = 1
            k = i + 1
            while k < len(doc) and (doc[k].is_punct or doc[k].is_space):
                k += 1
            if k < len(doc):
                starts[k] = 1


def _header_word(doc: Doc, i: int) -> bool:
    """An upper-case word of a header, or a hyphen or slash joined without spaces ('X-RAY', 'A/P')."""
    token = doc[i]
    if token.is_upper and token.is_alpha:
        return True
    return token.text in {"-", "/"} and i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_


@Language.factory("notecheck_sentences_v1")
def make_sentences(nlp: Language, name: str) -> NoteSentences:
    """Factory of the clinical sentence splitter."""
    return NoteSentences(nlp, name=name)
