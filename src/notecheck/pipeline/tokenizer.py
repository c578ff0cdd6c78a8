"""spaCy's English tokenizer, read from a cache of how it split each piece of a note.

spaCy splits a text at whitespace into chunks and each chunk on its own ("pain." -> "pain", "."), so a
chunk with the whitespace after it ("pain.  ") always gives the same tokens, wherever it stands. This
tokenizer remembers those tokens for every such piece it meets, asking spaCy's own tokenizer only about
pieces it has not met, and builds the Doc from the remembered words. spaCy's tokenizer cannot do this
itself: it rescans every character, and once a note holds a tokenizer exception ("Dr.", "can't") spaCy
3.7 stops caching that note's chunks (spaCy#13950). The tokens, their whitespace and their norms are
spaCy's own: identical on all 2,377 corpus notes. One quirk of spaCy's is not kept: it can split an
emoticon-like run differently by what stands before it across a space (": (;" gives "(", ";", while
"(;" alone is one token); here the piece always splits as it does alone.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, chain
from operator import itemgetter
from typing import Any, NamedTuple

import numpy
from spacy.attrs import IDX, NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from notecheck.pipeline.lexeme_attrs import speed_up
from notecheck.pipeline.spans import keep_words

# Pieces remembered. Past this many the memory is cleared (the next notes fill it again); the bound keeps
# a long-running server's memory flat, at the price of asking spaCy again about the pieces of a few notes.
MAX_CHUNKS = 200_000

# A piece: a chunk with the whitespace after it, or the whitespace a text opens with. Python's \s and
# spaCy's chunking both take str.isspace's characters as whitespace.
_PIECE = re.compile(r"\S+\s*|\s+")

# A piece spaCy's English rules split without looking: letters only or digits only (no prefix, suffix or
# infix rule matches inside either, and the units "10mg" splits off need both), perhaps a closing comma,
# colon, semicolon or full stop (suffixes), then whitespace. A full stop is a suffix only after a digit, a
# lower-case letter or two capitals ("pain." and "MRI." split; "pH." and "A." do not: see _word_split).
_WORD = re.compile(r"([A-Za-z]+|[0-9]+)([,:;.]?)(\s*)")
_TWO_CAPITALS = re.compile("[A-Z]{2}$")

# Between pieces learned together: a control character (no rule, exception or emoticon holds one) and a
# space, its own token, so that the piece before it ends where it would end alone.
_SEPARATOR = "\x00 "


class _Split(NamedTuple):
    """How spaCy tokenized one piece: its words (string ids), which are followed by a space, and the norms
    that differ from the word's own (a tokenizer exception's: "nt" -> "not"), by position in the piece."""

    words: tuple[int, ...]
    spaces: tuple[bool, ...]
    norms: tuple[tuple[int, str], ...]


_WORDS, _SPACES = itemgetter(0), itemgetter(1)


class ChunkCachingTokenizer:
    """Builds each Doc from the remembered splits of its pieces; anything else is the tokenizer's."""

    def __init__(self, tokenizer: Tokenizer, *, max_chunks: int = MAX_CHUNKS) -> None:
        self.tokenizer = tokenizer
        self.max_chunks = max_chunks
        self.seen: dict[str, _Split] = {}
        self.normed: set[str] = set()  # the pieces of `seen` with a norm of their own
        self.exceptions = frozenset(tokenizer.rules or ())  # the tokenizer's exceptions ("Dr.", "cannot")
        self.spaces: dict[str, _Split] = {}  # whitespace after a word's first space ("\n", "\n\n  ")
        self.separator = tokenizer.vocab.strings.add(_SEPARATOR[0])

    def __call__(self, text: str) -> Doc:
        pieces = _PIECE.findall(text)
        splits = list(map(self.seen.get, pieces))
        if None in splits:
            split_list, normed = self._learn(pieces, splits)
        else:
            split_list, normed = splits, bool(self.normed) and not self.normed.isdisjoint(pieces)  # type: ignore[assignment]  # no None
        words = list(chain.from_iterable(map(_WORDS, split_list)))
        doc = Doc(self.tokenizer.vocab, words=words, spaces=list(chain.from_iterable(map(_SPACES, split_list))))
        keep_words(doc, words)  # the matchers and filters read them; a norm set below leaves them as they are
        if normed:
            starts = accumulate((len(split.words) for split in split_list), initial=0)
            for start, split in zip(starts, split_list):
                for position, norm in split.norms:
                    doc[start + position].norm_ = norm
        return doc

    def _learn(self, pieces: list[str], splits: list[_Split | None]) -> tuple[list[_Split], bool]:
        """Split the pieces not met before and remember how; the note's splits, and whether one has norms of
        its own. A word piece needs no tokenizer; the others go to spaCy in one call: joined, pieces that
        end in whitespace and start with a word split as they do apart."""
        new = list(dict.fromkeys(piece for piece, split in zip(pieces, splits) if split is None))
        own_norms = not self.normed.isdisjoint(pieces)  # before a clear forgets the remembered ones
        if len(self.seen) + len(new) > self.max_chunks:
            self.seen.clear()
            self.normed.clear()
            self.spaces.clear()
        learned: dict[str, _Split] = {}
        for piece in new:
            split = self._word_split(piece)
            if split is not None:
                learned[piece] = split
        joinable = [
            p for p in new if p not in learned and p[-1].isspace() and not p[0].isspace() and _SEPARATOR[0] not in p
        ]
        if joinable:
            learned.update(zip(joinable, self._splits(joinable)))
        for piece in new:
            if piece not in learned:
                learned[piece] = self._splits([piece])[0]
        if len(new) <= self.max_chunks:
            self.seen.update(learned)
            self.normed.update(piece for piece, split in learned.items() if split.norms)
        filled = [learned[piece] if split is None else split for piece, split in zip(pieces, splits)]
        return filled, own_norms or any(split.norms for split in learned.values())

    def _word_split(self, piece: str) -> _Split | None:
        """spaCy's split of a piece that is letters only or digits only, perhaps with a closing comma, colon,
        semicolon or full stop, and no tokenizer exception: the word, the mark, then the whitespace as spaCy has it
        (a first space is the word's trailing space; any more is one token). None for any other piece."""
        match = _WORD.fullmatch(piece)
        if match is None:
            return None
        word, mark, space = match.groups()
        if word in self.exceptions or word + mark in self.exceptions:
            return None
        if mark == "." and not (word[-1].islower() or word[-1].isdigit() or _TWO_CAPITALS.search(word)):
            return None  # spaCy keeps this full stop on the word ("pH.", "A.")
        strings = self.tokenizer.vocab.strings
        words = [strings.add(word), strings.add(mark)] if mark else [strings.add(word)]
        spaces = [False] * len(words)
        if space[:1] == " ":
            spaces[-1] = True
            space = space[1:]
        if not space:
            return _Split(tuple(words), tuple(spaces), ())
        rest = self.spaces.get(space)
        if rest is None:  # whitespace alone: one token, with spaCy's norm for it
            rest = self.spaces[space] = self._splits([space])[0]
        if len(rest.words) != 1:
            return None
        norms = tuple((len(words) + position, norm) for position, norm in rest.norms)
        return _Split((*words, *rest.words), (*spaces, False), norms)

    def _splits(self, pieces: list[str]) -> list[_Split]:
        """spaCy's split of each piece, from one tokenizer call over the pieces joined by a separator that
        is a token of its own, so that no rule sees two pieces side by side."""
        text = _SEPARATOR.join(pieces)
        doc = self.tokenizer(text)
        values = doc.to_array([IDX, ORTH, SPACY, NORM])
        own = numpy.flatnonzero(values[:, 3] != Doc(doc.vocab, words=values[:, 1].tolist()).to_array(NORM))
        norms = {int(i): doc[int(i)].norm_ for i in own}  # a word's norm where it is not the word's own
        kept = values[:, 1] != self.separator if len(pieces) > 1 else numpy.full(len(values), True)
        if norms:
            position = numpy.cumsum(kept) - 1
            norms = {int(position[i]): norm for i, norm in norms.items()}
        values = values[kept]
        bounds = accumulate((len(piece) + len(_SEPARATOR) for piece in pieces), initial=0)
        starts = numpy.searchsorted(values[:, 0], list(bounds)).tolist()
        orths, spaces = values[:, 1].tolist(), values[:, 2].astype(bool).tolist()
        return [
            _Split(
                tuple(orths[start:end]),
                tuple(spaces[start:end]),
                tuple((i - start, norms[i]) for i in range(start, end) if i in norms) if norms else (),
            )
            for start, end in zip(starts, starts[1:])
        ]

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
