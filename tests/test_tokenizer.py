"""The pipeline's tokenizer gives spaCy's own tokens (words, whitespace, norms), note after note, and its
memory stays bounded."""

import unicodedata

import pytest
import spacy
from spacy.attrs import IDX, NORM, SPACY

from conftest import SAMPLES
from notecheck.pipeline import lexeme_attrs
from notecheck.pipeline.tokenizer import ChunkCachingTokenizer

# Tokenizer exceptions ("Dr.", "can't", "a.m.", "e.g.") early in a note: after one, spaCy 3.7 caches no chunk.
NOTES = [
    "Dr. Lee saw her at 9 a.m. She can't bend; pain at L4-5, L5-S1 (worse).\n\nPLAN: PT, e.g. core work.",
    "I'm seeing him for neck pain.  He fell 2/3/2024 -- 'slipped' on ice:(\tNo numbness/tingling.",
    "Pt. c/o LBP x3 wks.\nMRI L-spine 03/2024: disc bulge @ L4/5 w/o stenosis.\r\nF/u in 2-3 weeks...",
    "Text with a NUL \x00 char\x00 and \x00\x00 more, then cannot\x00.",
    "  Dont lift.\u00a0He cannot;  Gonna try 10mg at 5pm, 2x daily:\n\n\tPain 7/10 \n \u00a0L5 \u2009S1\x0b",
]


def _tokens(doc):
    return [t.text for t in doc], doc.to_array([IDX, SPACY, NORM]).tolist()


@pytest.mark.parametrize(
    "text", NOTES + [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))[:6]]
)
def test_when_note_tokenized_twice_then_spacy_tokens_both_times(checker, text):
    spacy_doc = spacy.blank("en").make_doc(text)
    assert _tokens(checker.nlp.make_doc(text)) == _tokens(spacy_doc)
    assert _tokens(checker.nlp.make_doc(text)) == _tokens(spacy_doc)  # now from spaCy's chunk cache


def test_when_chunks_exceed_the_bound_then_memory_cleared_and_tokens_unchanged():
    tokenizer = ChunkCachingTokenizer(spacy.blank("en").tokenizer, max_chunks=5)
    text = NOTES[0]
    for _ in range(3):
        doc = tokenizer(text)
        assert len(tokenizer.seen) <= 5
    assert _tokens(doc) == _tokens(spacy.blank("en").make_doc(text))


# Pieces a word alone makes, split without asking spaCy, and their neighbours that must go to spaCy:
# exceptions ("Cannot" -> "Can", "not"), units after a number ("10mg"), letters with digits, a full stop.
_WORDS = ["low-back", "Allegra-D", "II-A", "T-MRI", "Xa-B", "x-ray", "X-Ray", "non-tender", "well-healed", "up-to-date", "e-mail", "o-kay", "2.5", "0.75", "10.5", "pain", "Pain", "PAIN", "pH", "MRI", "A", "Mr", "Mrs", "St", "Jan", "etc", "vs", "No", "no", "Fig", "Inc", "USA", "aB", "Ab", "L", "2024", "07", "cannot", "Cannot", "Dont", "gonna", "Im", "10mg", "5pm",
          "x3", "L5", "a", "e", "Dr", "pt", "mg", "am", "ive", "Shes", "nt", "n", "Its", "id"]
_MARKS = ["", ",", ":", ";", ".", ",,", ")"]
_SPACES = ["", " ", "  ", "\n", " \n", "\n\n", "\t", "\u00a0", " \u00a0", "\r\n", "\u2009"]


@pytest.mark.parametrize("space", _SPACES)
def test_when_piece_is_a_word_then_split_as_spacy_splits_it(space):
    texts = [word + mark + space for word in _WORDS for mark in _MARKS]
    tokenizer = ChunkCachingTokenizer(spacy.blank("en").tokenizer)
    spacy_tokenizer = spacy.blank("en").tokenizer
    for text in texts + ["".join(texts), "x " + " ".join(texts) + " y"]:
        assert _tokens(tokenizer(text)) == _tokens(spacy_tokenizer(text)), repr(text)


def test_when_pipeline_loaded_then_tokenizer_keeps_spacy_rules(checker):
    assert isinstance(checker.nlp.tokenizer, ChunkCachingTokenizer)
    assert checker.nlp.tokenizer.rules == spacy.blank("en").tokenizer.rules


@pytest.mark.parametrize("text", NOTES)
def test_when_note_seen_before_then_no_chunk_is_split_again(text):
    """Every chunk of a note is cached after its first reading, exceptions ("Dr.", "can't") or not: the
    second reading runs no suffix search (spaCy runs one for every chunk it splits)."""
    spacy_tokenizer = spacy.blank("en").tokenizer
    searched: list[str] = []
    search = spacy_tokenizer.suffix_search

    def counting(chunk):
        searched.append(chunk)
        return search(chunk)

    spacy_tokenizer.suffix_search = counting
    tokenizer = ChunkCachingTokenizer(spacy_tokenizer)
    first = _tokens(tokenizer(text))
    assert searched, "the first reading splits the note's chunks"
    searched.clear()
    assert _tokens(tokenizer(text)) == first
    assert searched == []


# Strings where spaCy's getters take each branch: URLs with and without a dot, number words, ordinals,
# fractions, signed and grouped numbers, quotes, brackets, currency, non-ASCII letters and digits.
_EDGE_WORDS = [
    "x", "http://localhost", "https://a", "www.a.b", "a.b", "hello.com", "mail@x.org", "1/2", "3rd", "21st",
    "twenty", "Twenty", "thirty-one", "±5", "-2", "1,000.5", "«", "»", "''", "``", "(", ">", "$", "€€", "½",
    "ⅷ", "٣", "é", "Ünïcode", "--", "...", "…", "\n\n", " ", "L4-5", "C5-C6", "x3", "wks.", "q.i.d.",
    "A", "Ab", "AbC", "ABCDEFG", "abcdefgh", "Lumbosacral", "12345", "a1", "x" * 120, "Éa", "ǅemal",
]


# Every punctuation and currency character: the quote, bracket and punctuation stand-ins hold sets copied from
# spaCy's getters, and a character spaCy lists that the copy lacks (or the reverse) shows here.
_SYMBOLS = [
    c for c in map(chr, range(0x110000)) if unicodedata.category(c)[0] == "P" or unicodedata.category(c) == "Sc"
]


@pytest.mark.parametrize("attr", sorted(lexeme_attrs._STAND_INS))
def test_when_word_new_then_stand_in_getter_gives_spacys_value(attr):
    """The faster getters must not change any attribute a matcher or rule reads: each gives spaCy's value
    for every word of the sample notes and for strings that reach each branch of spaCy's getter."""
    original, stand_in = lexeme_attrs._STAND_INS[attr]
    words = {word for path in SAMPLES.glob("*.txt") for word in path.read_text(encoding="utf-8").split()}
    words.update(_EDGE_WORDS)
    words.update(_SYMBOLS)
    tokenizer = spacy.blank("en").tokenizer
    words.update(token.text for word in list(words) for token in tokenizer(word))
    assert {w: stand_in(w) for w in words} == {w: original(w) for w in words}


def test_when_pipeline_loaded_then_its_vocab_uses_the_stand_ins(checker):
    getters = checker.nlp.vocab.lex_attr_getters
    assert all(getters[attr] is stand_in for attr, (_, stand_in) in lexeme_attrs._STAND_INS.items())
    lexeme = checker.nlp.vocab["twenty-first."]
    assert not lexeme.like_num and not lexeme.like_url and not lexeme.is_punct
