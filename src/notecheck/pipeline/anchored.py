"""AnchoredMatcher: spaCy's Matcher, run only around the words a pattern cannot match without."""

import re
import weakref
from collections.abc import Callable
from itertools import compress
from typing import Any

from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from notecheck.pipeline.anchored_plan import Plan, key_of, lexeme_test, plan, regex_test, word_list
from notecheck.pipeline.spans import words_of
from notecheck.pipeline.token_patterns import check_patterns

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
        self.anywhere = Matcher(vocab, validate=False)
        self.tests = Matcher(vocab, validate=False)  # test key -> that word test on one token
        self.words: dict[tuple[str, str], list[str]] = {}  # (ORTH or LOWER, word) -> tests it passes
        self.lexeme_tests: dict[str, Callable[[Lexeme], bool]] = {}  # test key -> flag test
        self.regex_tests: dict[str, dict[str, re.Pattern[str]]] = {"ORTH": {}, "LOWER": {}}  # attr -> key -> REGEX
        self.lookup: _Lookup | None = None  # the tests as the words are tested, made on first use
        self.groups: dict[str, tuple[Matcher, Plan, int, list[frozenset[str]]]] = {}
        self.repeats: dict[str, str | None] = {}  # group -> its repeated token's test key, if it has one
        self.opens: dict[int, tuple[str, ...]] = {}  # word (ORTH) -> groups it may anchor
        self.passes: dict[int, frozenset[str]] = {}  # word (ORTH) -> need and repeat tests it passes
        self.opening: set[int] = set()  # the words that may anchor a group
        self.marking: set[int] = set()  # the words that pass a required or repeated token's test
        self.log = _log_of(vocab)  # the words the vocab's Docs have held, shared with its other matchers
        self.tested = 0  # how many words of the log this matcher has tested

    def add(self, key: str, patterns: list[list[dict[str, Any]]], on_match: Callable[..., Any] | None = None) -> None:
        if on_match is not None:
            raise ValueError("AnchoredMatcher has no on_match callbacks")
        check_patterns(key, patterns)  # the Matchers below do not validate: this does, once per token
        for pattern in patterns:
            shape = plan(pattern, common=self._common)
            if shape is None:
                self.anywhere.add(key, [pattern])
                continue
            group = shape.group
            if group not in self.groups:
                self.groups[group] = (Matcher(self.vocab, validate=False), shape, 0, [])
                self._test(group, shape.anchor)
                self.repeats[group] = None
                if shape.repeat is not None:
                    self.repeats[group] = repeat = key_of("repeat", shape.repeat)
                    self._test(repeat, shape.repeat)
            for test in shape.needs:
                self._test(key_of("need", test), test)
            needs = frozenset(key_of("need", test) for test in shape.needs)
            self.opens.clear()  # a new test: every word is tested again
            self.passes.clear()
            self.opening.clear()
            self.marking.clear()
            self.tested = 0
            self.lookup = None
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
            regex = regex_test(test)
            if regex is not None:
                attr, pattern = regex
                self.regex_tests[attr][key] = pattern
                return
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
        log = self.log.read(distinct)
        if self.tested < len(log):  # words no earlier call of this matcher met, this Doc's among them
            self._test_words(self.tested, len(log))
            self.tested = len(log)
        anchors: dict[str, list[int]] = {}
        opens, passes = self.opens, self.passes
        # Most words open no group: find the others with C loops (compress, map), not a comprehension.
        for i in compress(range(len(words)), map(self.opening.__contains__, words)):
            for group in opens[words[i]]:
                anchors.setdefault(group, []).append(i)
        # The tests the span's words pass: a group none of whose patterns finds all its other required
        # tokens' words anywhere in the span has no window to look at.
        span_words = distinct if len(words) == len(doc_words) else set(words)
        passed = frozenset().union(*map(passes.__getitem__, self.marking.intersection(span_words)))
        for group, positions in anchors.items():
            matcher, _, _, options = self.groups[group]
            if not any(map(passed.issuperset, options)):
                continue
            for w_start, w_end in self._windows(group, positions, words):
                window = doc[start + w_start : start + w_end]
                matches += [(k, s + window.start, e + window.start) for k, s, e in matcher(window)]
        # Two patterns of one rule may find the same span; the Matcher reports it once.
        return sorted(set(matches), key=lambda m: (m[1], m[2], m[0]))

    def _windows(self, group: str, anchors: list[int], words: list[int]) -> list[tuple[int, int]]:
        """Where a pattern of the group may match around each anchor (offsets in the span): from
        `before` tokens before it to `after` tokens and the longest run of the repeated token after it,
        kept where its words pass the tests of some pattern's other required tokens; merged where they
        touch."""
        _, shape, after, options = self.groups[group]
        repeat = self.repeats[group]
        always = frozenset() in options
        passes = self.passes
        windows: list[tuple[int, int]] = []
        for p in anchors:
            reach = after
            if repeat is not None:
                reach += max([self._run(repeat, words, p + 1 + g) for g in range(shape.gap + 1)])
            w_start, w_end = max(0, p - shape.before), min(len(words), p + reach)
            if not always:  # some pattern of the group must find the words of its other required tokens here
                passed = frozenset().union(*map(passes.__getitem__, words[w_start:w_end]))
                if not any(map(passed.issuperset, options)):
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

    def _test_words(self, start: int, end: int) -> None:
        """The tests each new word (the log's from start to end) passes, matched against the words themselves."""
        if self.lookup is None:
            self.lookup = _Lookup(self)
        lookup, log = self.lookup, self.log
        new = log.words[start:end]
        passed: dict[int, list[str]] = {}
        for word, lexeme, lower, orth in zip(new, log.lexemes[start:end], log.lowers[start:end], log.texts[start:end]):
            found = lookup.orth.get(word, ()) + lookup.lower.get(lower, ())
            if lookup.orth_any is not None and lookup.orth_any.search(orth):
                found += tuple(key for key, regex in lookup.orth_regexes if regex.search(orth))
            if lookup.lower_any is not None and lookup.lower_any.search(lower_text := lexeme.lower_):
                found += tuple(key for key, regex in lookup.lower_regexes if regex.search(lower_text))
            if self.lexeme_tests:
                found += tuple(key for key, function in self.lexeme_tests.items() if function(lexeme))
            if found:
                passed[word] = list(found)
        if len(self.tests):
            probe = Doc(self.vocab, words=log.texts[start:end], spaces=[False] * len(new))
            for key, i, _ in self.tests(probe):
                passed.setdefault(new[i], []).append(self.vocab.strings[key])
        # Most words pass no test.
        self.opens.update(dict.fromkeys(new, ()))
        self.passes.update(dict.fromkeys(new, frozenset()))
        for word, tests in passed.items():
            self.opens[word] = tuple(t for t in tests if t in self.groups)
            self.passes[word] = frozenset(t for t in tests if t not in self.groups)
            if self.opens[word]:
                self.opening.add(word)
            if self.passes[word]:
                self.marking.add(word)


class _WordLog:
    """The distinct words (ORTH ids) the Docs of one vocab have held, in the order first met, with each
    word's lexeme, LOWER id and text (read once here for every matcher's tests).

    The AnchoredMatchers of a pipeline share one, so a Doc's words are compared with the words met before
    once, not once per matcher; each matcher then tests the words of the log it has not tested yet.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.seen: set[int] = set()
        self.words: list[int] = []
        self.lexemes: list[Lexeme] = []
        self.lowers: list[int] = []
        self.texts: list[str] = []
        self.last: set[int] | None = None  # the last Doc's words, read already

    def read(self, distinct: set[int]) -> list[int]:
        """Add a Doc's words not met before; the log."""
        if distinct is not self.last:
            fresh = list(distinct.difference(self.seen))
            if fresh:
                self.seen.update(fresh)
                self.words += fresh
                lexemes = list(map(self.vocab.__getitem__, fresh))
                self.lexemes += lexemes
                self.lowers += [lexeme.lower for lexeme in lexemes]
                self.texts += map(self.vocab.strings.__getitem__, fresh)
            self.last = distinct
        return self.words


# One log per live vocab. A log lives as long as a matcher holding it, and each matcher holds its vocab,
# so the id of a vocab with a log is never reused while the log lives.
_LOGS: "weakref.WeakValueDictionary[int, _WordLog]" = weakref.WeakValueDictionary()


def _log_of(vocab: Vocab) -> _WordLog:
    log = _LOGS.get(id(vocab))
    if log is None:
        log = _LOGS[id(vocab)] = _WordLog(vocab)
    return log


class _Lookup:
    """An AnchoredMatcher's word tests keyed for testing words by their ids.

    Word lists are looked up by the word's ORTH and LOWER ids; the regular expressions of one attribute
    are searched only in a word that their union finds something in (most words pass none).
    """

    def __init__(self, matcher: AnchoredMatcher) -> None:
        strings = matcher.vocab.strings
        self.orth: dict[int, tuple[str, ...]] = {}
        self.lower: dict[int, tuple[str, ...]] = {}
        for (attr, word), keys in matcher.words.items():
            table = self.orth if attr == "ORTH" else self.lower
            table[strings.add(word)] = tuple(keys)
        self.orth_regexes = list(matcher.regex_tests["ORTH"].items())
        self.lower_regexes = list(matcher.regex_tests["LOWER"].items())
        self.orth_any = _union([regex for _, regex in self.orth_regexes])
        self.lower_any = _union([regex for _, regex in self.lower_regexes])


def _union(regexes: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex that finds something where any of `regexes` does: their alternation. Where it cannot
    stand for them (a global flag, a group reference), a search that always succeeds: each regex is then
    searched on its own."""
    if not regexes:
        return None
    if len(regexes) == 1:
        return regexes[0]
    if any(regex.flags & ~re.UNICODE or _GROUP_REFERENCE.search(regex.pattern) for regex in regexes):
        return re.compile("")
    return re.compile("|".join(f"(?:{regex.pattern})" for regex in regexes))


_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # \1, (?P=name), (?(1)yes|no)
