"""spaCy's English tokenizer with its chunk cache kept in use (spaCy#13950).

spaCy caches how it split each whitespace-delimited chunk ("pain.", "L4-5,") and reuses that split the
next time it meets the chunk. But once a note holds a tokenizer exception ("Dr.", "can't", "a.m."), spaCy
3.7 caches no further chunk of that note (its `has_special` flag is never reset), so a note seen a
hundred times is split a hundred times. This wrapper first tokenizes each chunk it has not met before on
its own, which lets spaCy cache it, then tokenizes the note: the tokens are spaCy's own, from spaCy's own
cache.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

# Chunks remembered as cached. Past this many the memory is cleared (the next notes fill it again); the
# bound keeps a long-running server's memory flat, at the price of one extra pass over new chunks.
MAX_CHUNKS = 200_000


class ChunkCachingTokenizer:
    """Calls `tokenizer` on every new chunk alone before the whole text; anything else is the tokenizer's."""

    def __init__(self, tokenizer: Tokenizer, *, max_chunks: int = MAX_CHUNKS) -> None:
        self.tokenizer = tokenizer
        self.max_chunks = max_chunks
        self.seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        new = set(text.split())  # str.split and spaCy cut chunks at the same characters (str.isspace)
        new.difference_update(self.seen)
        if new:
            if len(self.seen) + len(new) > self.max_chunks:
                self.seen.clear()
            tokenize = self.tokenizer
            for chunk in new:
                tokenize(chunk)
            if len(new) <= self.max_chunks:
                self.seen.update(new)
        doc: Doc = self.tokenizer(text)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # Rules, explain, to_disk ...: the wrapped tokenizer's.
        return getattr(self.__dict__["tokenizer"], name)


@registry.tokenizers("notecheck_tokenizer_v1")  # type: ignore[untyped-decorator]  # catalogue's registry is untyped
def make_tokenizer() -> Callable[[Language], ChunkCachingTokenizer]:
    """spaCy's default tokenizer for the language, wrapped in ChunkCachingTokenizer."""
    default = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> ChunkCachingTokenizer:
        return ChunkCachingTokenizer(default(nlp))

    return create
