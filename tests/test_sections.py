"""The sectionizer gives what medSpaCy's own Sectionizer gives, on notes written for the purpose."""

import pytest
from medspacy.section_detection import Sectionizer
from spacy.matcher import Matcher

from conftest import SAMPLES, SPINAL_COMPLAINT
from notecheck.pipeline.sections import section_category


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Back pain for two weeks.", id="no-header"),
        pytest.param("HISTORY: fell from a ladder.\nASSESSMENT: sacral fracture.\nPLAN: PT.", id="templated"),
        pytest.param("Seen today for pain.  IMPRESSION:  sacral fracture.  PLAN:  physical therapy.", id="run-together"),
        pytest.param("PLAN:", id="header-alone"),
        pytest.param(
            "ALLERGIES: " + ", ".join(["penicillin", "codeine", "latex", "sulfa", "shellfish"] * 4)
            + ". She has had low back pain since a fall.\nPLAN: PT.",
            id="max-scope-leaves-a-gap",
        ),
        pytest.param("HISTORY: back pain.\n\nSHORT-TERM GOALS TO BE COMPLETED IN THREE WEEKS:\n1. Independent HEP.\n"
                     "LONG-TERM GOALS (6 WEEKS): return to work.", id="qualified-headers"),
    ],
)
def test_when_headers_then_sections_as_medspacy(checker, text):
    nlp = checker.nlp
    sections = nlp.get_pipe("sections")
    ours = sections(nlp.get_pipe("sentences")(nlp.make_doc(text)))
    theirs = Sectionizer.__call__(sections, nlp.get_pipe("sentences")(nlp.make_doc(text)))
    assert [vars(s) for s in ours._.sections] == [vars(s) for s in theirs._.sections]
    assert [t._.section_category for t in ours] == [t._.section_category for t in theirs]
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Back pain.\nASSESSMENT: sacral fracture.\nPLAN: physical therapy.", id="headers"),
        pytest.param("Back pain for two weeks.", id="no-header"),
    ],
)
def test_when_span_then_section_category_as_medspacy(checker, text):
    doc = checker.nlp(text)
    assert [section_category(doc[i : i + 1]) for i in range(len(doc))] == [t._.section_category for t in doc]


def test_when_token_section_set_by_hand_then_read_back(checker):
    doc = checker.nlp("Back pain.\nASSESSMENT: sacral fracture.\nPLAN: physical therapy.")
    plan = doc._.sections[-1]
    doc[0]._.section = plan
    assert doc[0]._.section is plan
    assert doc[1]._.section is doc._.sections[0]
    assert section_category(doc[0:2]) == plan.category


def test_when_the_shipped_rules_are_loaded_then_sections_take_the_header_only_path(checker):
    # medSpaCy's own path writes every token (a tokenizer pass per note); a rule option that sends the
    # shipped rules down it again is a slowdown no report would show.
    assert checker.nlp.get_pipe("sections")._headers_only()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("BACK: tender at L4.\nLUMBAR SPINE: normal.\nX-RAY L-SPINE: no fracture.", id="guarded-after-guard-word"),
        pytest.param("EXAM:\nBack: no tenderness.\nSpine: straight.\nCT EXAM: negative.", id="guarded-headers"),
        pytest.param("exam: back: spine: examination:", id="guarded-run-together"),
    ]
    + [pytest.param(path.read_text(encoding="utf-8"), id=path.stem) for path in sorted(SAMPLES.glob("*.txt"))[:8]],
)
def test_when_guarded_headers_then_matches_as_spacy_matcher(checker, text):
    """The header token patterns, anchored on their words, match exactly where spaCy's Matcher does."""
    nlp = checker.nlp
    rules = nlp.get_pipe("sections")._Sectionizer__matcher
    plain = Matcher(nlp.vocab)
    for rule_id, rule in rules._rule_map.items():
        if isinstance(rule.pattern, list):
            plain.add(rule_id, [rule.pattern])
    assert len(plain), "the shipped rules have guarded headers"
    doc = nlp.get_pipe("sentences")(nlp.make_doc(text))
    assert rules._MedspacyMatcher__matcher(doc) == sorted(plain(doc), key=lambda m: (m[1], m[2], m[0]))


@pytest.mark.parametrize(
    ("text", "section"),
    [
        pytest.param("SHORT-TERM GOALS TO BE COMPLETED IN THREE WEEKS:\n1. Independent with a home exercise program.",
                     "plan", id="goals-with-a-time-frame"),
        pytest.param("LONG-TERM GOALS (6 WEEKS):\nIndependent with a home exercise program.", "plan", id="goals-in-brackets"),
        pytest.param("PROGNOSIS: Good, with compliance with a home exercise program.", "plan", id="prognosis"),
        pytest.param("DIAGNOSIS: Lumbar strain.\n\nRECOMMENDATIONS - TREATMENT: Bracing. Physical therapy.", "plan",
                     id="recommendations-dash-subject"),
        pytest.param("Impression: disc bulge.\n\nRecommendations (therapy): a home exercise program.", "plan",
                     id="recommendations-subject-in-brackets"),
        pytest.param("HPI: His goals in therapy were met: he does a home exercise program.", "history_of_present_illness",
                     id="goals-in-a-sentence"),
    ],
)
def test_when_a_therapy_goal_or_prognosis_then_its_treatment_is_planned(checker, text, section):
    """A therapy evaluation's goals and prognosis name what the plan aims at, not treatment had (C8)."""
    note = SPINAL_COMPLAINT + text
    fact = next(f for f in checker.check(note).facts if f.kind == "treatment")
    assert fact.section == section
    assert (fact.assertion == "hypothetical") == (section == "plan")


@pytest.mark.parametrize(
    ("text", "section", "historical"),
    [
        pytest.param("OPERATIONS:\n1. Anterior discectomy and fusion at C5-6.", "procedure", False,
                     id="operative-note-operations"),
        pytest.param("PREVIOUS OPERATIONS: Fusion at C5-6 in 2001.", "past_surgical_history", True,
                     id="previous-operations"),
        pytest.param("PAST SURGICAL HISTORY: Fusion at C5-6 in 2001.", "past_surgical_history", True,
                     id="past-surgical-history"),
    ],
)
def test_when_operations_are_listed_then_a_bare_header_is_the_visits_procedure(checker, text, section, historical):
    """A bare 'OPERATIONS:' heads what an operative note did at the visit; 'PREVIOUS OPERATIONS:' is past history."""
    fact = next(f for f in checker.check(text).facts if f.kind == "region")
    assert (fact.section, fact.historical) == (section, historical)


@pytest.mark.parametrize(
    ("text", "section", "historical"),
    [
        pytest.param("Seen for follow-up.\n\nPAST MEDICAL HISTORY\nLumbar fusion at L4-5 in 2010.\n",
                     "past_medical_history", True, id="history-heading-alone"),
        pytest.param("Seen for follow-up.\n\nPLAN\n1. Lumbar MRI.\n", "plan", False, id="plan-heading-alone"),
        pytest.param("Seen for follow-up.\nThe PLAN is a lumbar MRI.\n", None, False, id="capitals-inside-a-line"),
        pytest.param("Seen for follow-up.\n\nPlan\nLumbar MRI.\n", None, False, id="heading-not-in-capitals"),
    ],
)
def test_when_a_heading_stands_alone_on_its_line_in_capitals_then_it_opens_its_section(checker, text, section,
                                                                                         historical):
    """'PLAN' alone on its line, without a colon, heads the plan as 'PLAN:' would; capitals inside a line do not."""
    fact = next(f for f in checker.check(text).facts if f.kind == "region")
    assert (fact.section, fact.historical) == (section, historical)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Seen today.\nPLAN\n1. MRI.\n", id="plan"),
        pytest.param("Seen today.\r\nPAST MEDICAL HISTORY\r\nFusion.\r\n", id="crlf"),
        pytest.param("Seen today.\n\n  ASSESSMENT  \nSprain.\n\nA/P\nRest.\n", id="spaces-and-slash"),
        pytest.param("PLAN\nMRI.\nIMPRESSION", id="at-the-edges"),
        pytest.param("Seen.\nPLAN:\nMRI.\nTHE PLAN\nPT.\nPLAN PT\nx\n", id="not-alone"),
        pytest.param("Seen.\nSHORT-TERM GOALS\nWalk.\nREVIEW OF SYSTEMS\nNone.\n", id="hyphen-and-stop-word"),
    ],
)
def test_when_headers_stand_alone_then_the_lookup_finds_what_a_matcher_of_their_patterns_finds(checker, text):
    """Headers alone on their line are found by looking up the capital lines' words: the same matches as spaCy's
    Matcher with the line patterns over the whole note."""
    from notecheck.pipeline.sections import section_rules

    nlp = checker.nlp
    doc = nlp.make_doc(text)
    matcher = Matcher(nlp.vocab)
    for rule in section_rules(checker.ruleset):
        if rule.literal.endswith("(own line)"):
            matcher.add(rule.literal, [rule.pattern])
    expected = sorted((nlp.vocab.strings[k], s, e) for k, s, e in matcher(doc))
    rules = nlp.get_pipe("sections")._Sectionizer__matcher  # medSpaCy keeps its matchers private
    literals = {key: rules.rule_map[nlp.vocab.strings[key]].literal for key, _, _ in rules._MedspacyMatcher__matcher(doc)}
    found = sorted(
        (literals[key], start, end)
        for key, start, end in rules._MedspacyMatcher__matcher(doc)
        if literals[key].endswith("(own line)")
    )
    assert found == expected
