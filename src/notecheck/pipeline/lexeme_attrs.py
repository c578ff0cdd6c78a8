"""Faster stand-ins for spaCy's lexical-attribute getters, giving the same value for every string.

spaCy computes each of about 25 attributes (like_num, like_url, is_punct ...) with a Python function when
it meets a word for the first time, and a real note brings about 50 new words. Some of spaCy's getters
search tuples or lists, or walk the string a character at a time; the stand-ins below answer the common
case with one set lookup or one string method and hand anything else to spaCy's own function. A getter
is replaced only where the vocabulary still holds spaCy's original, so a language or a config with its
own getters keeps them.
"""

from collections.abc import Callable
from typing import Any

from spacy import attrs
from spacy.lang import lex_attrs
from spacy.lang.en import lex_attrs as en_lex_attrs
from spacy.vocab import Vocab

_QUOTES = frozenset(('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯", "''", "``"))
_LEFT = frozenset(("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``"))
_RIGHT = frozenset((")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''"))
_BRACKETS = frozenset(("(", ")", "[", "]", "{", "}", "<", ">"))
_EN_NUMBER_WORDS = frozenset(en_lex_attrs._num_words) | frozenset(en_lex_attrs._ordinal_words)


def is_ascii(text: str) -> bool:
    return text.isascii()


def is_quote(text: str) -> bool:
    return text in _QUOTES


def is_left_punct(text: str) -> bool:
    return text in _LEFT


def is_right_punct(text: str) -> bool:
    return text in _RIGHT


def is_bracket(text: str) -> bool:
    return text in _BRACKETS


def is_punct(text: str) -> bool:
    # A letter or a digit is never in a punctuation category (P*).
    return False if text[:1].isalnum() else lex_attrs.is_punct(text)


def is_currency(text: str) -> bool:
    # A letter or a digit is never a currency symbol (Sc).
    return False if text[:1].isalnum() else lex_attrs.is_currency(text)


def like_url(text: str) -> bool:
    # spaCy's like_url needs a "." unless the text starts with a scheme.
    if "." not in text and not text.startswith(("http://", "https://")):
        return False
    return bool(lex_attrs.like_url(text))


def en_like_num(text: str) -> bool:
    # For letters only, spaCy's English like_num reduces to its number and ordinal word lists.
    if text.isalpha():
        return text.lower() in _EN_NUMBER_WORDS
    return bool(en_lex_attrs.like_num(text))  # type: ignore[no-untyped-call]  # spaCy leaves it untyped


def word_shape(text: str) -> str:
    # An ASCII word of digits, or of letters in one case pattern, the common case: x, X or d for each
    # character, a run of one kept to four.
    if text.isascii() and len(text) < 100:
        if text.isdigit():
            return "dddd"[: len(text)]
        if text.isalpha():
            if text.islower():
                return "xxxx"[: len(text)]
            if text.isupper():
                return "XXXX"[: len(text)]
            if text.istitle():
                return "X" + "xxxx"[: len(text) - 1]
    return str(lex_attrs.word_shape(text))


# attribute -> (spaCy's getter, the stand-in)
_STAND_INS: dict[int, tuple[Callable[[str], Any], Callable[[str], Any]]] = {
    attrs.IS_ASCII: (lex_attrs.is_ascii, is_ascii),
    attrs.IS_QUOTE: (lex_attrs.is_quote, is_quote),
    attrs.IS_LEFT_PUNCT: (lex_attrs.is_left_punct, is_left_punct),
    attrs.IS_RIGHT_PUNCT: (lex_attrs.is_right_punct, is_right_punct),
    attrs.IS_BRACKET: (lex_attrs.is_bracket, is_bracket),
    attrs.IS_PUNCT: (lex_attrs.is_punct, is_punct),
    attrs.IS_CURRENCY: (lex_attrs.is_currency, is_currency),
    attrs.LIKE_URL: (lex_attrs.like_url, like_url),
    attrs.LIKE_NUM: (en_lex_attrs.like_num, en_like_num),
    attrs.SHAPE: (lex_attrs.word_shape, word_shape),
}


def speed_up(vocab: Vocab) -> None:
    """Replace each of spaCy's getters that `vocab` still uses by its stand-in."""
    getters = vocab.lex_attr_getters  # type: ignore[attr-defined]  # missing from spaCy's stubs
    for attr, (original, stand_in) in _STAND_INS.items():
        if getters.get(attr) is original:
            getters[attr] = stand_in
