"""Where a token pattern can match, from the words alone: the plan AnchoredMatcher runs a pattern by."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.lexeme import Lexeme

Token = dict[str, Any]

# Token attributes that depend only on the word (its lexeme), so a token test can be made once per word.
_LEXEME_ATTRS = frozenset(
    "ORTH TEXT LOWER LENGTH SHAPE PREFIX SUFFIX IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_UPPER IS_TITLE "  # noqa: SIM905
    "IS_PUNCT IS_SPACE IS_STOP IS_BRACKET IS_QUOTE IS_LEFT_PUNCT IS_RIGHT_PUNCT IS_CURRENCY "
    "LIKE_NUM LIKE_URL LIKE_EMAIL".split()
)
_LEXEME_FLAGS = frozenset(a for a in _LEXEME_ATTRS if a.startswith(("IS_", "LIKE_")))
_BOUNDED = (None, "?", "!")  # operators that take at most one token
_REPEATED = ("*", "+")
_RANGE = re.compile(r"\{(?P<lower>\d*)(?P<comma>,?)(?P<upper>\d*)\}")  # "{n}", "{n,m}", "{,m}", "{n,}"


@dataclass(frozen=True)
class Plan:
    """Where a pattern's matches can lie around its anchor, a required token whose word test few pass.

    Every test here is a necessary condition: the word tests of a token, without its other tests.
    """

    anchor: Token  # the anchor token's word tests
    before: int  # at most this many tokens before the anchor
    after: int  # at most this many tokens from the anchor on, a repeated token's run aside
    needs: tuple[Token, ...] = ()  # word tests of the pattern's other required, selective tokens
    repeat: Token | None = None  # the one repeated token's word tests, if any
    gap: int = 0  # at most this many tokens between the anchor and the repeated token

    @property
    def group(self) -> str:
        """Patterns with one anchor test and one shape share a Matcher."""
        return "anchor:" + json.dumps([self.anchor, self.before, self.repeat, self.gap], sort_keys=True)


def plan(pattern: list[Token], *, common: Callable[[str], bool] = lambda word: False) -> Plan | None:
    """The required token with the rarest selective word test anchors the pattern: a word list with no
    `common` word, then a regular expression, then a list with a common word or a number test; the
    earliest of equals. Only a token with no repeated token before it can anchor.

    None when no token can, or the pattern has more than one repeated token or one that tests more than
    the word: then its matches have no bound found from the words.
    """
    candidates = []
    widths = [width(token.get("OP")) for token in pattern]
    for i, token in enumerate(pattern):
        if "OP" not in token and _selective(token):
            candidates.append((_rarity(token, common), i))
        if widths[i] is None:
            break  # a later anchor could not bound the start of a match
    if not candidates:
        return None
    _, i = min(candidates)
    anchor, rest, rest_widths = word_tests(pattern[i]), pattern[i + 1 :], widths[i + 1 :]
    others = pattern[:i] + rest
    needs = tuple(word_tests(t) for t in others if "OP" not in t and _selective(t))
    before = sum(w for w in widths[:i] if w is not None)
    repeated = [j for j, w in enumerate(rest_widths) if w is None]
    if not repeated:
        return Plan(anchor, before, 1 + sum(w for w in rest_widths if w is not None), needs)
    j = repeated[0]
    repeat = {k: v for k, v in rest[j].items() if k != "OP"}
    if len(repeated) > 1 or rest[j]["OP"] not in _REPEATED or not set(repeat) <= _LEXEME_ATTRS:
        return None
    gap = sum(w for w in rest_widths[:j] if w is not None)
    return Plan(anchor, before, 1 + sum(w for w in rest_widths if w is not None), needs, repeat, gap)


def width(op: str | None) -> int | None:
    """At most how many tokens a pattern token with this operator takes: one for none, "?" and "!", the upper
    bound of "{n}", "{n,m}" and "{,m}"; None for "*", "+" and "{n,}" (no bound)."""
    if op in _BOUNDED:
        return 1
    bounds = _RANGE.fullmatch(op or "")
    if bounds is None or not (bounds["lower"] or bounds["upper"]) or bounds["upper"] == "" and bounds["comma"]:
        return None
    return int(bounds["upper"] or bounds["lower"])


def _rarity(token: Token, common: Callable[[str], bool]) -> int:
    """0 for a word test no common word passes, 1 for a regular expression, 2 for any other selective test."""
    tests = word_tests(token)
    ranks = [2]
    for name, value in tests.items():
        words = word_list({name: value})
        if words is not None:
            ranks.append(2 if any(common(word) for _, word in words) else 0)
        elif isinstance(value, dict) and "REGEX" in value:
            ranks.append(1)
    return min(ranks)


def word_tests(token: Token) -> Token:
    """The tests of a token that depend only on its word."""
    return {k: v for k, v in token.items() if k in _LEXEME_ATTRS}


def word_list(test: Token) -> list[tuple[str, str]] | None:
    """The (ORTH or LOWER, word) pairs a test accepts when it is one word or word list, else None.

    spaCy compares such a test's strings with the token's own: a lookup gives the same answer.
    """
    if len(test) != 1:
        return None
    ((name, value),) = test.items()
    attr = "ORTH" if name in ("ORTH", "TEXT") else name
    if attr not in ("ORTH", "LOWER"):
        return None
    if isinstance(value, str):
        return [(attr, value)]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return [(attr, v) for v in value["IN"]]
    return None


def regex_test(test: Token) -> tuple[str, re.Pattern[str]] | None:
    """A one-attribute REGEX test as (ORTH or LOWER, compiled regex), None for any other test.

    The regex is searched in the word's string (ORTH) or its lower-case form (LOWER), as spaCy's Matcher does.
    """
    if len(test) != 1:
        return None
    ((name, value),) = test.items()
    if name in ("TEXT", "ORTH", "LOWER") and isinstance(value, dict) and set(value) == {"REGEX"}:
        return ("LOWER" if name == "LOWER" else "ORTH"), re.compile(value["REGEX"])
    return None


def lexeme_test(test: Token) -> Callable[[Lexeme], bool] | None:
    """A one-attribute flag test (IS_*, LIKE_*) as a function of the lexeme, None for any other test."""
    if len(test) != 1:
        return None
    ((name, value),) = test.items()
    if name in _LEXEME_FLAGS and isinstance(value, bool):
        flag = name.lower()
        return lambda lexeme: bool(getattr(lexeme, flag)) is value
    return None


def key_of(kind: str, test: Token) -> str:
    """A name for a word test (kind: need, repeat)."""
    return f"{kind}:" + json.dumps(test, sort_keys=True)


# A regular expression that is one negative lookahead at the start ("^(?![CTLS]\d)": not a level) is
# passed by nearly every word: as a need it would mark them all and prune no window.
_NEGATIVE_REGEX = re.compile(r"\^\(\?![^()]*\)")


def _selective(token: Token) -> bool:
    """True when the token's word tests include one few words pass: a word or word list, a regular
    expression other than a lone negative lookahead, a number."""
    for name, value in word_tests(token).items():
        if name in ("ORTH", "TEXT", "LOWER"):
            if isinstance(value, str) or (isinstance(value, dict) and "IN" in value):
                return True
            if isinstance(value, dict) and "REGEX" in value and not _NEGATIVE_REGEX.fullmatch(value["REGEX"]):
                return True
        elif name in ("LIKE_NUM", "IS_DIGIT") and value is True:
            return True
    return False
