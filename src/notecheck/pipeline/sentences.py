"""A fast sentence splitter for clinical notes (newlines, headers, dictation run-ons).

medSpaCy's PyRuSH runs at ~18 notes/s on real notes; this splitter makes one pass over the tokens with
rules that fit charts: a blank line or a new line that starts like a new statement, end punctuation
before a capital, and an upper-case header ("ASSESSMENT:,") even in the middle of a line.
"""

from spacy.language import Language
from spacy.tokens import Doc

_END = frozenset(".?!")
_BULLETS = frozenset("-*•·>#")
_MAX_HEADER_WORDS = 5


def _starts_statement(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in _BULLETS


class NoteSentences:
    """Sets Token.is_sent_start on every token."""

    def __init__(self, *, name: str = "sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        if not tokens:
            return doc
        starts = [False] * len(tokens)
        starts[0] = True
        for i in range(1, len(tokens)):
            prev, token = tokens[i - 1], tokens[i]
            if prev.is_space and "\n" in prev.text:
                starts[i] = prev.text.count("\n") > 1 or _starts_statement(token.text)
            elif prev.text in _END and not token.is_space:
                starts[i] = not token.text[0].islower()
            elif "\n" in prev.whitespace_:
                starts[i] = True
        self._headers(tokens, starts)
        for token, start in zip(tokens, starts, strict=True):
            token.is_sent_start = start
        return doc

    @staticmethod
    def _headers(tokens: list, starts: list[bool]) -> None:
        """An upper-case run before ':' opens a sentence, and so does what follows it."""
        for i, token in enumerate(tokens):
            if token.text != ":" or i == 0 or not tokens[i - 1].is_upper:
                continue
            j = i - 1
            while j > 0 and i - j < _MAX_HEADER_WORDS and tokens[j - 1].is_upper and tokens[j - 1].is_alpha:
                j -= 1
            if len(tokens[j].text) > 1 or j < i - 1:
                starts[j] = True
                k = i + 1
                while k < len(tokens) and (tokens[k].is_punct or tokens[k].is_space):
                    k += 1
                if k < len(tokens):
                    starts[k] = True


@Language.factory("notecheck_sentences_v1")
def make_sentences(nlp: Language, name: str) -> NoteSentences:
    """Factory of the clinical sentence splitter."""
    return NoteSentences(name=name)
