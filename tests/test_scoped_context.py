"""ConText matched in the sentences of the facts, with the pairwise work cut to pairs that can meet, gives
what medSpaCy's ConText gives over the whole note: the same modifiers on every fact, in the same order,
plus the history cues that open or close a fact (``context_rules.dates_from_edge``), which medSpaCy leaves
out."""

import pytest

from conftest import SAMPLES
from notecheck.pipeline.context_rules import dates_from_edge
from notecheck.pipeline.scoped_context import SentenceScopedContext
from notecheck.pipeline.spans import GROUP, make_doc

# Many facts and cues in few sentences: scopes that cut each other, pseudo-negation, terminations.
DENSE = (
    "No fracture, no dislocation, but there is a compression deformity at L1 without retropulsion.\n"
    "She denies numbness or weakness, though reports tingling; no history of trauma or fall, no prior MRI.\n"
    "Rule out cauda equina.  If the pain worsens after physical therapy, consider an epidural injection.\n"
    "Family history of ankylosing spondylitis.  Not only low back pain but also neck pain since the accident."
)


def _modifiers(doc, *, from_edges=True):
    return [
        (span.start, span.end, span.label_, [
            (m.category, m.modifier_span, m.scope_span)
            for m in span._.modifiers
            if from_edges or not dates_from_edge(m, span)
        ])
        for span in doc.spans[GROUP]
    ]


@pytest.mark.parametrize(
    "text", [DENSE] + [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
)
def test_when_facts_then_modifiers_as_whole_note_context(checker, text):
    nlp = checker.nlp
    scoped = nlp.get_pipe("context")
    assert isinstance(scoped, SentenceScopedContext)

    def before_context():
        doc = make_doc(nlp, text)
        for name, component in nlp.pipeline:
            if name != "context":
                doc = component(doc)
        return doc

    ours = scoped(before_context())
    theirs = scoped.context(before_context())  # medSpaCy's ConText.__call__ over the whole Doc
    assert _modifiers(ours), "the note has facts with modifiers"
    assert _modifiers(ours, from_edges=False) == _modifiers(theirs)
    assert _modifiers(theirs, from_edges=False) == _modifiers(theirs)  # medSpaCy links none of those
    # Version 2 (no edge dating) is medSpaCy's ConText exactly.
    version_2 = SentenceScopedContext(nlp, scoped.context, name="context_v2")
    assert _modifiers(version_2(before_context())) == _modifiers(theirs)


@pytest.mark.parametrize(
    ("text", "kind", "value", "assertion"),
    [
        pytest.param("REVIEW OF SYSTEMS: Negative for tremors, dizzy spells, numbness, tingling in the legs. Low back "
                     "pain for 3 weeks.", "neuro_deficit", "numbness", "negated", id="header-then-negative-for"),
        pytest.param("REVIEW OF SYSTEMS: Negative for tremors, headaches, back pain, fevers.", "complaint",
                     "spinal_pain", "negated", id="review-of-systems-denies-back-pain"),
        pytest.param("IMPRESSION: Negative cervical spine.", "region", "cervical", "negated", id="header-then-negative"),
        pytest.param("X-RAYS: None.\n\nSPECIMENS: none.", "imaging", "xray", "negated", id="header-that-is-a-fact"),
        pytest.param("Radiculopathy: normal.", "neuro_deficit", "radiculopathy", "negated", id="label-then-normal"),
    ],
)
def test_when_a_section_header_ends_in_a_colon_then_no_cue_runs_from_it_into_the_body(
    checker, text, kind, value, assertion
):
    """': negative' is a cue of its own ('Lumbar spine: negative'); made of a header's colon and its body's first
    word it hid the body's own cue ('Negative for ...'), and the body's facts were left present."""
    facts = [f for f in checker.extract(text) if f.kind == kind and f.value == value]
    assert facts and {f.assertion for f in facts} == {assertion}
