"""AnchoredMatcher: spaCy's Matcher, run only around the words a pattern cannot match without."""

from bisect import bisect_left
from collections.abc import Callable
from itertools import compress
from typing import Any

from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from notecheck.pipeline.anchored_plan import Plan, key_of, lexeme_test, plan, word_list
from notecheck.pipeline.spans import words_of

Match = tuple[int, int, int]


class AnchoredMatcher:
    """spaCy's Matcher, run only where a pattern can match.

    A pattern with a required token whose word test few words pass (LOWER, TEXT, REGEX, LIKE_NUM ...)
    can only match around a word passing that test (its anchor: the rarest such test, see
    anchored_plan.plan): up to `before` tokens earlier and up to `after` tokens from it, plus the run of words passing the test of its one repeated token (OP * or +),
    if any; and only where the words there pass the tests of its other required tokens. Patterns of one
    shape form one Matcher, run on those windows; each word is tested once per process. Other patterns
    run over the whole span. The matches are those of one Matcher over the span, once each, ordered by
    (start, end, key).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.anywhere = Matcher(vocab, validate=True)
        self.tests = Matcher(vocab, validate=True)  # test key -> that word test on one token
        self.words: dict[tuple[str, str], list[str]] = {}  # (ORTH or LOWER, word) -> tests it passes
        self.lexeme_tests: dict[str, Callable[[Lexeme], bool]] = {}  # test key -> REGEX or flag test
        self.groups: dict[str, tuple[Matcher, Plan, int, list[frozenset[str]]]] = {}
        self.opens: dict[int, tuple[str, ...]] = {}  # word (ORTH) -> groups it may anchor
        self.passes: dict[int, frozenset[str]] = {}  # word (ORTH) -> need and repeat tests it passes
        self.known: set[int] = set()  # the words that pass any test
        self.tested: set[int] | None = None  # the words of the last Doc, all tested

    def add(self, key: str, patterns: list[list[dict[str, Any]]], on_match: Callable[..., Any] | None = None) -> None:
        if on_match is not None:
            raise ValueError("AnchoredMatcher has no on_match callbacks")
        for pattern in patterns:
            shape = plan(pattern, common=self._common)
            if shape is None:
                self.anywhere.add(key, [pattern])
                continue
            group = shape.group
            if group not in self.groups:
                self.groups[group] = (Matcher(self.vocab, validate=True), shape, 0, [])
                self._test(group, shape.anchor)
                if shape.repeat is not None:
                    self._test(key_of("repeat", shape.repeat), shape.repeat)
            for test in shape.needs:
                self._test(key_of("need", test), test)
            needs = frozenset(key_of("need", test) for test in shape.needs)
            self.opens.clear()  # a new test: every word is tested again
            self.passes.clear()
            self.known.clear()
            self.tested = None
            matcher, _, after, options = self.groups[group]
            matcher.add(key, [pattern])
            self.groups[group] = (matcher, shape, max(after, shape.after), [*options, needs])

    def _common(self, word: str) -> bool:
        """A word many notes hold: a poor anchor (a stop word, punctuation or a number)."""
        lexeme = self.vocab[word]
        return bool(lexeme.is_stop or lexeme.is_punct or lexeme.like_num)

    def _test(self, key: str, test: dict[str, Any]) -> None:
        """Add a word test: a word or word list by a lookup, any other test by a one-token Matcher."""
        words = word_list(test)
        if words is None:
            function = lexeme_test(test)
            if function is not None:
                self.lexeme_tests[key] = function
            elif key not in self.tests:
                self.tests.add(key, [[test]])
            return
        for word in words:
            if key not in self.words.setdefault(word, []):
                self.words[word].append(key)

    def __call__(self, doc: Doc, start: int = 0, end: int | None = None) -> list[Match]:
        """Matches (key, start, end) in doc[start:end], in Doc offsets."""
        end = len(doc) if end is None else end
        matches = []
        if len(self.anywhere):
            matches = [(k, s + start, e + start) for k, s, e in self.anywhere(doc[start:end])]
        doc_words, distinct = words_of(doc)
        words = doc_words[start:end]
        if distinct is not self.tested:  # the whole Doc's words, once: ConText calls once per window
            self._test_words(distinct)
            self.tested = distinct
        anchors: dict[str, list[int]] = {}
        marked: list[int] = []  # where a word passes a required or repeated token's test
        opens, passes, known = self.opens, self.passes, self.known
        # Most words pass no test: find the others with C loops (compress, map), not a comprehension.
        for i in compress(range(len(words)), map(known.__contains__, words)):
            word = words[i]
            for group in opens[word]:
                anchors.setdefault(group, []).append(i)
            if passes[word]:
                marked.append(i)
        for group, positions in anchors.items():
            matcher = self.groups[group][0]
            for w_start, w_end in self._windows(group, positions, words, marked):
                window = doc[start + w_start : start + w_end]
                matches += [(k, s + window.start, e + window.start) for k, s, e in matcher(window)]
        # Two patterns of one rule may find the same span; the Matcher reports it once.
        return sorted(set(matches), key=lambda m: (m[1], m[2], m[0]))

    def _windows(self, group: str, anchors: list[int], words: list[int], marked: list[int]) -> list[tuple[int, int]]:
        """Where a pattern of the group may match around each anchor (offsets in the span): from
        `before` tokens before it to `after` tokens and the longest run of the repeated token after it,
        kept where its words pass the tests of some pattern's other required tokens; merged where they
        touch."""
        _, shape, after, options = self.groups[group]
        repeat = key_of("repeat", shape.repeat) if shape.repeat is not None else None
        always = frozenset() in options
        windows: list[tuple[int, int]] = []
        for p in anchors:
            reach = after
            if repeat is not None:
                reach += max(self._run(repeat, words, p + 1 + g) for g in range(shape.gap + 1))
            w_start, w_end = max(0, p - shape.before), min(len(words), p + reach)
            if not always:
                inside = marked[bisect_left(marked, w_start) : bisect_left(marked, w_end)]
                if not inside:
                    continue  # every pattern of the group needs another word here
                passed = frozenset().union(*(self.passes[words[i]] for i in inside))
                if not any(needs <= passed for needs in options):
                    continue
            if windows and w_start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(w_end, windows[-1][1]))
            else:
                windows.append((w_start, w_end))
        return windows

    def _run(self, test: str, words: list[int], i: int) -> int:
        """How many words from position i pass a repeated token's test."""
        n = 0
        while i + n < len(words) and test in self.passes[words[i + n]]:
            n += 1
        return n

    def _test_words(self, words: set[int]) -> None:
        """The tests each new word passes, matched against the words themselves."""
        new = list(words.difference(self.opens))
        if not new:
            return
        passed: dict[int, list[str]] = {}
        for word in new:
            lexeme = self.vocab[word]
            found = self.words.get(("ORTH", lexeme.orth_), []) + self.words.get(("LOWER", lexeme.lower_), [])
            found += [key for key, function in self.lexeme_tests.items() if function(lexeme)]
            if found:
                passed[word] = found
        if len(self.tests):
            probe = Doc(self.vocab, words=[self.vocab.strings[word] for word in new], spaces=[False] * len(new))
            for key, i, _ in self.tests(probe):
                passed.setdefault(new[i], []).append(self.vocab.strings[key])
        nothing: frozenset[str] = frozenset()
        for word in new:
            tests = passed.get(word)
            if tests is None:
                self.opens[word], self.passes[word] = (), nothing
                continue
            self.opens[word] = tuple(t for t in tests if t in self.groups)
            self.passes[word] = frozenset(t for t in tests if t not in self.groups)
            self.known.add(word)
