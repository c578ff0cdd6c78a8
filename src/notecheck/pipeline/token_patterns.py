"""spaCy's token-pattern validation, run once per distinct token.

spaCy's Matcher validates every pattern it is given against its pydantic schema, token by token. The rule
files repeat the same tokens (a shared word list, "no", a punctuation mark) across hundreds of patterns, so
the matchers are made with ``validate=False`` and each pattern is checked here first: a token already
found valid is not checked again. The schema checks each token on its own, so a pattern is valid when each
of its tokens is; an invalid one is checked whole, giving spaCy's own message and error positions.
"""

import json
from functools import lru_cache
from typing import Any

from spacy.errors import MatchPatternError
from spacy.schemas import validate_token_pattern


def check_patterns(key: str, patterns: list[list[dict[str, Any]]]) -> None:
    """Raise spaCy's MatchPatternError, as a validating Matcher's add would, for any invalid pattern."""
    errors = {i: [] if _valid(pattern) else validate_token_pattern(pattern) for i, pattern in enumerate(patterns)}
    if any(errors.values()):
        raise MatchPatternError(key, errors)  # type: ignore[no-untyped-call]


def _valid(pattern: list[dict[str, Any]]) -> bool:
    if not isinstance(pattern, list):
        return False
    for token in pattern:
        if not isinstance(token, dict) or not all(isinstance(name, str) for name in token):
            return False  # let the schema say what is wrong
        try:
            text = json.dumps(token, sort_keys=True)
        except TypeError:  # a key or value JSON cannot hold: let the schema say what is wrong
            return False
        if not _valid_token(text):
            return False
    return True


@lru_cache(maxsize=None)
def _valid_token(text: str) -> bool:
    return not validate_token_pattern([json.loads(text)])
