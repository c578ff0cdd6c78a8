"""The facts group's helpers: a span's sentence found by bisection is the one span.sent gives."""

import pytest
import spacy

from notecheck.pipeline.spans import SentenceStarts


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Back pain. Fell on ice. MRI of the lumbar spine.", id="three-sentences"),
        pytest.param("Back pain for two weeks", id="one-sentence"),
        pytest.param("Pain. . . Again!", id="short-sentences"),
    ],
)
def test_when_span_then_sentence_start_as_span_sent(nlp, text):
    doc = nlp(text)
    sentences = SentenceStarts(doc)
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, len(doc) + 1)]
    assert [sentences.of(span) for span in spans] == [span.sent.start for span in spans]
    # A span crossing a sentence edge has the sentence of its first token, as spaCy gives it.
    assert [sentences.bounds(span.start) for span in spans] == [(span.sent.start, span.sent.end) for span in spans]


def test_when_no_sentence_boundaries_then_span_sent_decides(nlp):
    doc = nlp.make_doc("Back pain for two weeks")
    with pytest.raises(ValueError, match="E030"):
        SentenceStarts(doc).of(doc[1:3])
