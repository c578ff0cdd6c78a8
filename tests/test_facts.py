"""The fact builder's shortcuts give what the spaCy attributes they stand for give."""

import pytest

from conftest import SAMPLES
from notecheck.facts import _modifiers_reader
from notecheck.pipeline.spans import facts, make_doc


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("m5388_complete_soap.txt", id="soap"),
        pytest.param("m4988_gap-family_soap.txt", id="family-history"),
        pytest.param("m5380_gap-possible_dictation.txt", id="possible"),
        pytest.param("m5388_acute-fracture_ed.txt", id="negations"),
    ],
)
def test_when_a_fact_span_is_read_from_user_data_then_it_has_modifiers_as_span_underscore_says(checker, name):
    doc = checker.nlp(make_doc(checker.nlp, (SAMPLES / name).read_text(encoding="utf-8")))
    cued = _modifiers_reader(doc)
    spans = list(facts(doc))
    assert any(span._.modifiers for span in spans)  # the note tests both answers
    assert [cued(span.start_char, span.end_char) for span in spans] == [bool(span._.modifiers) for span in spans]
