"""AnchoredMatcher finds what one spaCy Matcher over the whole span finds, for every pattern shape."""

import pytest
import spacy
from spacy.matcher import Matcher

from notecheck.pipeline.anchored import AnchoredMatcher
from notecheck.pipeline.anchored_plan import plan

WORDS = {"LOWER": {"IN": ["lumbar", "neck", "back"]}}
PATTERNS = {
    "fixed": [WORDS, {"LOWER": "pain"}],
    "optional-before-anchor": [{"LOWER": {"IN": ["is", "was"]}, "OP": "?"}, {"LOWER": "not"}, {"LOWER": "done"}],
    "open-first-token": [{"LOWER": {"NOT_IN": ["mr", "."]}, "IS_SPACE": False}, {"LOWER": "myelogram"}],
    "anchor-with-sentence-test": [{"IS_SENT_START": True, "LOWER": "myelogram"}],
    "repeated-word-list": [WORDS, {"LOWER": {"IN": ["spine", "soft", "tissue"]}, "OP": "*"}, {"LOWER": "sprain"}],
    "one-or-more-after-gap": [WORDS, {"IS_PUNCT": True, "OP": "?"}, {"IS_ALPHA": True, "OP": "+"}, {"LOWER": "strain"}],
    "repeated-anything": [{"LOWER": "since"}, {"OP": "*"}, {"LIKE_NUM": True}],
    "exact-word": [{"ORTH": "MRI"}, {"LOWER": "scan"}],
    "text-list": [{"TEXT": {"IN": ["PT", "Pt"]}}],
    "lower-written-upper": [{"LOWER": "Pain"}],
    "regex-and-flags": [{"TEXT": {"REGEX": "^\\d{1,2}/\\d{4}$"}}, {"IS_PUNCT": True, "OP": "?"}, {"LIKE_NUM": True}],
    "lower-regex": [{"LOWER": {"REGEX": "^s[a-z]+$"}}, {"IS_DIGIT": False}],
    "common-word-first": [{"LOWER": {"IN": ["a", "an", "the"]}}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": "sprain"}],
    "number-first": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["weeks", "days"]}, "OP": "?"}, {"LOWER": "ago"}],
    "two-repeats": [WORDS, {"LOWER": "spine", "OP": "*"}, {"LOWER": "soft", "OP": "*"}, {"LOWER": "sprain"}],
    "bounded-range-after": [WORDS, {"ORTH": {"NOT_IN": ["."]}, "OP": "{0,3}"}, {"LOWER": {"IN": ["sprain", "strain"]}}],
    "bounded-range-before": [{"IS_ALPHA": True, "OP": "{1,2}"}, {"LOWER": "sprain"}, {"LIKE_NUM": True, "OP": "{,2}"}],
    "bounded-range-with-repeat": [{"LOWER": "since"}, {"IS_PUNCT": False, "OP": "{2}"}, {"OP": "*"}, {"LIKE_NUM": True}],
    "open-range": [WORDS, {"IS_ALPHA": True, "OP": "{1,}"}, {"LOWER": "sprain"}],
}
TEXTS = [
    "Lumbar spine soft tissue sprain. Neck sprain, back soft soft spine sprain.",
    "Myelogram was not done. An MR myelogram and a CT myelogram. It was not done; it is not done.",
    "Back, mild strain and neck strain. Lumbar pain since 3 weeks, since the fall 2 days ago.",
    "back sprain", "A sprain, the - sprain and a, sprain. An sprain 2 days ago, 2 ago, ten weeks ago.",
    "Seen 3/2019, 4/2020 - 12 and 05/2021 ten; since Spring 2 since 3.",
    "MRI scan, mri Scan, MRI SCAN. PT and pt and Pt. Pain, pain.",
]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize("name", [pytest.param(name, id=name) for name in PATTERNS])
@pytest.mark.parametrize("text", [pytest.param(text, id=f"text{i}") for i, text in enumerate(TEXTS)])
def test_when_pattern_shape_then_matches_as_one_matcher(nlp, name, text):
    doc = nlp(text)
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    plain.add(name, [PATTERNS[name]])
    anchored.add(name, [PATTERNS[name]])
    expected = sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))
    assert anchored(doc) == expected
    for start, end in [(1, len(doc) - 1), (3, 9)]:
        inner = sorted({(k, s + start, e + start) for k, s, e in plain(doc[start:end])}, key=lambda m: (m[1], m[2], m[0]))
        assert anchored(doc, start, end) == inner


@pytest.mark.parametrize(
    ("name", "anchored"),
    [
        pytest.param("fixed", True, id="fixed"),
        pytest.param("open-first-token", True, id="open-first-token"),
        pytest.param("repeated-word-list", True, id="repeat"),
        pytest.param("two-repeats", False, id="two-repeats-run-anywhere"),
        pytest.param("bounded-range-after", True, id="bounded-range-after-anchor"),
        pytest.param("bounded-range-before", True, id="bounded-range-before-anchor"),
        pytest.param("bounded-range-with-repeat", True, id="bounded-range-then-repeat"),
        pytest.param("open-range", False, id="open-range-runs-anywhere"),
    ],
)
def test_when_pattern_shape_then_anchored_or_anywhere(name, anchored):
    assert (plan(PATTERNS[name]) is not None) == anchored


@pytest.mark.parametrize(
    ("pattern", "before"),
    [
        pytest.param([{"LOWER": {"IN": ["a", "an"]}}, {"LIKE_NUM": True, "OP": "?"}, {"LOWER": "weeks"}], 2, id="stop-word-first"),
        pytest.param([{"LIKE_NUM": True}, {"LOWER": "weeks"}], 1, id="number-first"),
        pytest.param([{"LIKE_NUM": True}, {"TEXT": {"REGEX": "^x$"}}, {"LOWER": "a"}], 1, id="regex-before-stop-word"),
        pytest.param([{"LOWER": "a"}, {"OP": "*"}, {"LOWER": "weeks"}], 0, id="no-anchor-after-repeat"),
        pytest.param([{"LOWER": "back"}, {"LOWER": "pain"}], 1, id="rare-over-common-word"),
        pytest.param([{"LOWER": "lumbar"}, {"LOWER": "pain"}], 0, id="earliest-of-equals"),
    ],
)
def test_when_first_word_is_common_then_rarer_anchor(nlp, pattern, before):
    common = {"a", "an", "back"}.__contains__
    shape = plan(pattern, common=lambda word: common(word) or word.isdigit())
    assert shape is not None
    assert shape.before == before


REGEX_PATTERNS = {
    "year": [{"TEXT": {"REGEX": "^(19|20)\\d\\d$"}}],
    "month-year": [{"TEXT": {"REGEX": "^\\d{1,2}/\\d{4}$"}}, {"IS_PUNCT": True, "OP": "?"}, {"LIKE_NUM": True}],
    "any-case-spring": [{"TEXT": {"REGEX": "(?i)^spring$"}}],
    "doubled-letter": [{"LOWER": {"REGEX": "^([a-z])\\1"}}],
    "s-word": [{"LOWER": {"REGEX": "^s[a-z]+$"}}, {"IS_DIGIT": False}],
}
ALTERNATION = ("year", "month-year", "s-word")  # one alternation per attribute can stand for these


@pytest.mark.parametrize("regexes", [pytest.param(ALTERNATION, id="alternation"), pytest.param(tuple(REGEX_PATTERNS), id="flag-and-reference")])
@pytest.mark.parametrize("text", [pytest.param(text, id=f"text{i}") for i, text in enumerate(TEXTS)])
def test_when_many_patterns_in_one_matcher_then_matches_as_one_matcher(nlp, text, regexes):
    """All shapes in one matcher: word tests shared between patterns, and regular expressions of one
    attribute tested together (as one alternation, or one by one where a global flag or a group
    reference cannot stand in an alternation)."""
    doc = nlp(text + " Seen in 2019 and SPRING 1999; a ssprain, sooner 12.")
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for name, pattern in {**PATTERNS, **{name: REGEX_PATTERNS[name] for name in regexes}}.items():
        plain.add(name, [pattern])
        anchored.add(name, [pattern])
    assert anchored(doc) == sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))


def test_when_matchers_share_a_vocab_then_each_matches_every_doc():
    """The matchers of one vocab share the log of the words its Docs held: a matcher made, called or
    given a pattern after the others have read Docs still matches the words of those Docs, and of each
    new one."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    docs = [nlp(text) for text in TEXTS]
    plain, early = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for name, pattern in PATTERNS.items():
        plain.add(name, [pattern])
        early.add(name, [pattern])

    def expected(doc):
        return sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))

    for doc in docs[:3]:
        assert early(doc) == expected(doc)
    late = AnchoredMatcher(nlp.vocab)
    for name, pattern in PATTERNS.items():
        late.add(name, [pattern])
    for doc in [*docs[3:], nlp("A new note: neck sprain, MRI scan, myelogram."), *docs[:3]]:
        assert early(doc) == late(doc) == expected(doc)
    extra = [{"LOWER": "tissue"}, {"LOWER": "sprain"}]
    plain.add("added-after-use", [extra])
    early.add("added-after-use", [extra])
    for doc in docs:
        assert early(doc) == expected(doc)


def test_when_the_shipped_rules_load_then_every_token_pattern_is_anchored(checker):
    """A pattern no plan bounds runs over every token of every note (one such pattern doubled the facts
    stage's time): each shipped pattern must have an anchor."""
    nlp = checker.nlp
    matchers = {
        "facts": nlp.get_pipe("facts").tokens,
        "durations": nlp.get_pipe("durations").matcher,
        "context": nlp.get_pipe("context").tokens,
    }
    assert {name: len(matcher.anywhere) for name, matcher in matchers.items()} == dict.fromkeys(matchers, 0)


def test_when_the_shipped_context_rules_load_then_they_run_in_the_sentences_of_facts_only(checker):
    """ConText runs only around the sentences that hold facts while every rule has a longest match; one
    rule repeating a token without bound ("OP": "*") sent every note's whole text through it again
    (context stage 0.50 -> 0.87 ms a note). A bounded range ("{0,3}") keeps a bound."""
    assert checker.nlp.get_pipe("context").margin is not None


@pytest.mark.parametrize(
    ("pattern", "longest"),
    [
        pytest.param([{"LOWER": "on"}, {"LOWER": "the", "OP": "{0,3}"}, {"LOWER": "mri"}], 5, id="range-upper-bound"),
        pytest.param([{"LOWER": "on"}, {"LOWER": "the", "OP": "?"}, {"LOWER": "mri"}], 3, id="optional-one"),
        pytest.param([{"LOWER": "on"}, {"LOWER": "the", "OP": "*"}, {"LOWER": "mri"}], None, id="unbounded"),
        pytest.param([{"LOWER": "on"}, {"LOWER": "the", "OP": "{1,}"}, {"LOWER": "mri"}], None, id="open-range"),
    ],
)
def test_when_a_context_rule_has_a_range_then_its_longest_match_counts_the_upper_bound(nlp, pattern, longest):
    from medspacy.context import ConTextRule

    from notecheck.pipeline.scoped_context import _longest

    rule = ConTextRule(literal="on the mri", category="NEGATED_EXISTENCE", pattern=pattern)
    assert _longest(nlp, [rule]) == longest


def test_when_a_token_tests_only_a_negative_lookahead_then_it_is_not_a_need():
    """'^(?![CTLS]\\d)' (not a level) passes nearly every word: as a need it marked all of them and pruned no
    window (facts stage 0.65 -> 0.80 ms a note with three such rules). A positive regex stays a need."""
    level = {"TEXT": {"REGEX": "^[CTLS]\\d{1,2}$"}}
    not_level = {"TEXT": {"REGEX": "^(?![CTLSctls]\\d)"}}
    found = plan([{"LOWER": "lumbar"}, {"LOWER": "esi"}, not_level])
    assert found is not None and found.needs == ({"LOWER": "esi"},)
    found = plan([{"LOWER": "lumbar"}, {"LOWER": "esi"}, level])
    assert found is not None and level in found.needs
