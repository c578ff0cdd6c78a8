"""The clinical sentence splitter: where a sentence starts, on text written for the purpose."""

import pytest
import spacy

from notecheck.pipeline.sentences import NoteSentences


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("notecheck_sentences_v1")
    return nlp


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Back pain. Fell on ice.", ["Back pain.", "Fell on ice."], id="capital-after-stop"),
        pytest.param("No recent illness. s/p hip arthroplasty. h/o rib fractures.",
                     ["No recent illness.", "s/p hip arthroplasty.", "h/o rib fractures."], id="lower-after-a-word"),
        pytest.param("Takes 1 tab q.i.d. for pain.", ["Takes 1 tab q.i.d. for pain."], id="abbreviation-stop"),
        pytest.param("Given 10 mg p.o. daily.", ["Given 10 mg p.o. daily."], id="short-abbreviation"),
    ],
)
def test_when_a_stop_ends_a_whole_word_then_a_lower_case_start_opens_a_sentence(nlp, text, sentences):
    assert isinstance(nlp.get_pipe("notecheck_sentences_v1"), NoteSentences)
    assert [s.text.strip() for s in nlp(text).sents] == sentences
