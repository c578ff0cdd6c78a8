"""Token patterns are validated once per distinct token, with spaCy's own verdicts and messages."""

import pytest
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from notecheck.pipeline.anchored import AnchoredMatcher
from notecheck.pipeline.token_patterns import check_patterns

VALID = {"LOWER": {"IN": ["lumbar", "neck"]}}
INVALID_PATTERNS = {
    "unknown-attribute": [VALID, {"LOWR": "pain"}],
    "unknown-predicate": [{"LOWER": {"INN": ["a"]}}],
    "wrong-value-type": [VALID, {"LENGTH": "long"}],
    "bad-operator": [{"LOWER": "pain", "OP": "often"}],
    "token-not-a-dict": [VALID, "pain"],
    "integer-key": [{1: "pain"}],
}


def _spacy_error(patterns):
    try:
        Matcher(Vocab(), validate=True).add("rule", patterns)
    except MatchPatternError as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("name", list(INVALID_PATTERNS))
def test_when_a_token_is_invalid_then_the_error_is_spacys_own(name):
    patterns = [[VALID, {"LOWER": "pain"}], INVALID_PATTERNS[name]]
    check_patterns("rule", [[VALID, {"LOWER": "pain"}]])  # its tokens are now known valid
    expected = _spacy_error(patterns)
    with pytest.raises(MatchPatternError) as caught:
        check_patterns("rule", patterns)
    assert str(caught.value) == expected


def test_when_a_valid_token_is_seen_again_in_another_place_then_the_pattern_is_still_valid():
    patterns = [[VALID], [{"ORTH": "MRI"}, VALID, {"IS_PUNCT": True, "OP": "?"}]]
    assert _spacy_error(patterns) is None  # spaCy's own verdict: valid
    check_patterns("rule", patterns)  # and ours: raises MatchPatternError otherwise


def test_when_an_anchored_matcher_gets_an_invalid_pattern_then_it_refuses_it_before_any_match():
    matcher = AnchoredMatcher(Vocab())
    matcher.add("good", [[VALID, {"LOWER": "pain"}]])
    with pytest.raises(MatchPatternError, match="LOWR"):
        matcher.add("bad", [[VALID, {"LOWR": "pain"}]])
