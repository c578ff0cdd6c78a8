"""spaCy's English tokenizer with its chunk cache kept in use (spaCy#13950).

spaCy caches how it split each whitespace-delimited chunk ("pain.", "L4-5,") and reuses that split the
next time it meets the chunk. But once a note holds a tokenizer exception ("Dr.", "can't", "a.m."), spaCy
3.7 caches no further chunk of that note (its `has_special` flag is never reset), so a note seen a
hundred times is split a hundred times. This wrapper first tokenizes each chunk it has not met before on
its own, which lets spaCy cache it, then tokenizes the note: the tokens are spaCy's own, from spaCy's own
cache. New chunks that cannot meet an exception (a word or number, with or without one closing comma,
period, colon or semicolon: about four in five) are tokenized together, in one call, which caches each
of them as well; the others one by one.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from notecheck.pipeline.lexeme_attrs import speed_up

# Chunks remembered as cached. Past this many the memory is cleared (the next notes fill it again); the
# bound keeps a long-running server's memory flat, at the price of one extra pass over new chunks.
MAX_CHUNKS = 200_000

# A chunk spaCy splits at most into a word and one closing mark, neither a tokenizer exception when the
# chunk itself and its word are not (checked against the tokenizer's rules).
_PLAIN = re.compile(r"[A-Za-z0-9]+[,.;:]?")


class ChunkCachingTokenizer:
    """Calls `tokenizer` on every new chunk alone before the whole text; anything else is the tokenizer's."""

    def __init__(self, tokenizer: Tokenizer, *, max_chunks: int = MAX_CHUNKS) -> None:
        self.tokenizer = tokenizer
        self.max_chunks = max_chunks
        self.seen: set[str] = set()
        self.exceptions = set(tokenizer.rules or ())
        self.seen_spaces: set[int] = set()  # whitespace tokens (ORTH) cached

    def __call__(self, text: str) -> Doc:
        new = set(text.split())  # str.split and spaCy cut chunks at the same characters (str.isspace)
        new.difference_update(self.seen)
        if new:
            if len(self.seen) + len(new) > self.max_chunks:
                self.seen.clear()
                self.seen_spaces.clear()
            tokenize, plain, exceptions = self.tokenizer, _PLAIN.fullmatch, self.exceptions
            together = [c for c in new if plain(c) and c not in exceptions and c[:-1] not in exceptions]
            if together:
                tokenize(" ".join(together))  # no exception among them, so spaCy caches every one
            for chunk in new.difference(together):
                tokenize(chunk)
            if len(new) <= self.max_chunks:
                self.seen.update(new)
        doc: Doc = self.tokenizer(text)
        self._learn_spaces(doc)
        return doc

    def _learn_spaces(self, doc: Doc) -> None:
        """Cache the whitespace tokens ("\n\n", "  ") met for the first time, read from the Doc: finding them
        in the text with a regular expression costs more than splitting them again."""
        values = doc.to_array([ORTH, IS_SPACE])
        spaces = set(values[values[:, 1] == 1, 0].tolist())
        spaces.difference_update(self.seen_spaces)
        for orth in spaces:
            self.tokenizer(self.tokenizer.vocab.strings[orth])
        self.seen_spaces.update(spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # Rules, explain, to_disk ...: the wrapped tokenizer's.
        return getattr(self.__dict__["tokenizer"], name)


@registry.tokenizers("notecheck_tokenizer_v1")  # type: ignore[untyped-decorator]  # catalogue's registry is untyped
def make_tokenizer() -> Callable[[Language], ChunkCachingTokenizer]:
    """spaCy's default tokenizer for the language, wrapped in ChunkCachingTokenizer; the vocabulary's
    lexical-attribute getters are replaced by their faster stand-ins (same values, see lexeme_attrs)."""
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> ChunkCachingTokenizer:
        speed_up(nlp.vocab)
        return ChunkCachingTokenizer(default(nlp))

    return create
