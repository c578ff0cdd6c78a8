"""Keep a fact only where its rule file says it stands: in a sentence with a related fact, or, for
imaging, where a result is reported (a result word in the sentence, or a findings/impression section)."""

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span

from notecheck.pipeline.sections import section_category
from notecheck.pipeline.spans import (
    GROUP,
    SEPARATORS,
    SentenceFacts,
    SentenceStarts,
    doc_text,
    facts,
    holds_words,
    lower_of,
    words_near,
)
from notecheck.ruleset import Ruleset, load_ruleset
from notecheck.ruleset.models import FactRule, NormalSentence, OtherSites, SeenOn


def _closed_normal(span: Span, sentence: tuple[int, int], lowered: list[int], words: "_NormalWords", semicolon: int) -> bool:
    """Whether the span's clause (its sentence, cut at semicolons) ends on one of the closers after it, with no
    contrast and no word of `not_closed_after` ('otherwise') right before: 'Sacrum and pelvis intact.', 'Visualized
    sacroiliac joints normal.'."""
    closers, contrasts = words.closers, words.contrasts
    doc = span.doc
    start = max((i + 1 for i in range(sentence[0], span.start) if lowered[i] == semicolon), default=sentence[0])
    end = next((i for i in range(span.end, sentence[1]) if lowered[i] == semicolon), sentence[1])
    last = next((i for i in range(end - 1, span.end - 1, -1) if doc[i].is_alpha), None)
    if last is None or last < span.end or lowered[last] not in closers:
        return False
    return lowered[last - 1] not in words.not_closed_after and contrasts.isdisjoint(lowered[start:end])


# How many tokens after a fact a heading's colon may stand ("C-spine and T-spine:", "C-spine AROM:").
_HEADING_TAIL = 6


class FactFilters:
    """Drops facts whose file-level conditions do not hold."""

    def __init__(self, ruleset: Ruleset, strings: StringStore, *, name: str = "fact_filters") -> None:
        self.name = name
        self.needs: dict[str, set[str]] = {}
        for fact_file in ruleset.facts.values():
            for rule in fact_file.rules:
                needs = rule.needs_sentence_with if rule.needs_sentence_with is not None else fact_file.needs_sentence_with
                if needs:
                    self.needs[rule.id] = set(needs)
        self.cues = {k: _lower_ids(strings, f.result_cues) for k, f in ruleset.facts.items() if f.result_cues}
        # the cues that report a result, not a plan: what a next sentence needs ('This revealed ...')
        self.told_cues = {
            k: _lower_ids(strings, [c for c in f.result_cues if c not in f.plan_cues])
            for k, f in ruleset.facts.items()
            if f.result_cues
        }
        self.result_sections = {k: set(f.result_sections) for k, f in ruleset.facts.items()}
        self.result_kinds = {k: set(f.result_with_kinds) for k, f in ruleset.facts.items()}
        self.openers = {k: [o.lower().split() for o in f.result_openers] for k, f in ruleset.facts.items()}
        self.note_needs = {k: set(f.needs_note_with) for k, f in ruleset.facts.items() if f.needs_note_with}
        self.rule_note_needs = {  # a rule's own needs_note_with, [] included
            r.id: set(r.needs_note_with) for f in ruleset.facts.values() for r in f.rules if r.needs_note_with is not None
        }
        self.needs_words = {
            k: _lower_ids(strings, f.needs_sentence_with_words)
            for k, f in ruleset.facts.items()
            if f.needs_sentence_with_words
        }
        self.continued_by = {
            k: _lower_ids(strings, f.continued_by) for k, f in ruleset.facts.items() if f.continued_by
        }
        self.apart = {k: f.max_items_apart for k, f in ruleset.facts.items() if f.max_items_apart is not None}
        self.barriers = {
            k: frozenset(strings.add(w.lower()) for w in f.contrast_words) for k, f in ruleset.facts.items() if f.contrast_words
        }
        self.other_sites = {k: _OtherSites.of(f.other_sites, strings) for k, f in ruleset.facts.items() if f.other_sites}
        self.normal_sentence = {
            k: _NormalWords.of(normal, strings) for k, f in ruleset.facts.items() if (normal := f.normal_sentence) is not None
        }
        self.colon, self.semicolon = strings.add(":"), strings.add(";")
        # rule id -> the LOWER ids of one of its word lists, for the rules that have one
        rule_words = partial(_rule_words, ruleset, strings)
        self.unless_words = rule_words(lambda r: r.unless_sentence_with_words)
        self.referring = rule_words(lambda r: r.unless_referred_with)
        self.unless_note_words = rule_words(lambda r: r.unless_note_with_words)
        self.only_note_words = rule_words(lambda r: r.only_note_with_words)
        self.only_words = rule_words(lambda r: r.only_sentence_with_words)
        self.given_for = rule_words(lambda r: r.unless_given_for)
        self.heading_words = {k: {w.lower() for w in f.heading_other_words} for k, f in ruleset.facts.items()
                              if f.heading_other_words}
        self.title_headers = {k: {h.lower() for h in f.title_headers} for k, f in ruleset.facts.items()
                              if f.title_headers}
        self.title_not_before = {k: _lower_ids(strings, f.title_not_before) for k, f in ruleset.facts.items()}
        self.title_first_line = {k for k, f in ruleset.facts.items() if f.title_first_line}
        self.seen_on = {k: _SeenOnWords.of(seen, strings) for k, f in ruleset.facts.items() if (seen := f.seen_on) is not None}

    def __call__(self, doc: Doc) -> Doc:
        spans = list(facts(doc))  # a SpanGroup makes its Spans again on every pass
        if not spans:
            return doc
        sentences = SentenceStarts(doc)
        near = SentenceFacts(spans, sentences)
        kinds_in = near.kinds()
        # A fact its own sentence's words rule out ('sacral decubitus', 'upper back pain located in the ribs') names
        # nothing in the note, so it does not meet another kind's needs_note_with either.
        worded_out = [self._worded_out(s, sentences) or self._in_normal_sentence(s, sentences) for s in spans]
        in_note = {s.label_ for s, out in zip(spans, worded_out) if not out}
        # A heading answered negatively ('MRI L-SPINE: Normal.') locates nothing, yet the note still names the spine it
        # studied, as a negated 'C-spine nontender' does: another kind's needs_note_with still holds.
        worded_out = [
            out or self._answered_negatively(s, sentences)
            for s, out in zip(spans, worded_out)
        ]
        ruled_out = self._ruled_out_by_note(doc, spans)
        if self.heading_words:
            kept = [s for s, out in zip(spans, worded_out) if not out]
            worded_out = [out or self._heading_only(s, kept) for s, out in zip(spans, worded_out)]
        doc.spans[GROUP] = [
            s
            for s, out in zip(spans, worded_out)
            if not out
            and s.id_ not in ruled_out
            and self._keep(s, self._kinds_near(s, near, kinds_in, sentences), in_note, sentences, kinds_in)
        ]
        return doc

    def _heading_only(self, span: Span, spans: list[Span]) -> bool:
        """Whether the span stands in a heading in capitals that names a kind of material, not a study
        (`heading_other_words`)."""
        words = self.heading_words.get(span.label_)
        if not words:
            return False
        text = doc_text(span.doc)
        heading = _heading_around(text, span.start_char, span.end_char)
        if heading is None:
            return False
        start, colon = heading
        same = [s for s in spans if s.label_ == span.label_ and s is not span]
        if not words.isdisjoint(_WORD.findall(text[start:colon].lower())):
            return True
        if any(start <= s.start_char < colon and s.kb_id_ != span.kb_id_ for s in same):
            return True
        found = _FIRST_SENTENCE_END.search(text, colon + 1)
        end = found.start() if found else len(text)
        values = {s.kb_id_ for s in same if colon < s.start_char < end}
        return bool(values) and span.kb_id_ not in values

    def _ruled_out_by_note(self, doc: Doc, spans: list[Span]) -> set[str]:
        """The rules of these spans whose `unless_note_with_words` the note holds, or whose `only_note_with_words` it
        lacks (its words read once)."""
        unless = {s.id_ for s in spans if s.id_ in self.unless_note_words}
        only = {s.id_ for s in spans if s.id_ in self.only_note_words}
        if not unless and not only:
            return set()
        words = set(lower_of(doc))
        return {rule for rule in unless if not words.isdisjoint(self.unless_note_words[rule])} | {
            rule for rule in only if words.isdisjoint(self.only_note_words[rule])
        }

    def _kinds_near(
        self, span: Span, near: SentenceFacts, kinds_in: dict[int, set[str]], sentences: SentenceStarts
    ) -> set[str]:
        """The kinds of the span's sentence, or, with max_items_apart, of its facts few list items away."""
        apart = self.apart.get(span.label_)
        if apart is None:
            return kinds_in[sentences.of(span)]
        return near.kinds_near(span, apart, barriers=self.barriers.get(span.label_, frozenset()))

    def _referred_to(self, span: Span, sentence: tuple[int, int], words: set[int], sentences: SentenceStarts) -> bool:
        """Whether the span's sentence opens with a referring word of its rule (`unless_referred_with`: 'This was
        well healed.') and the sentence before holds one of `words`."""
        referring = self.referring.get(span.id_)
        if not referring or sentence[0] == 0 or lower_of(span.doc)[sentence[0]] not in referring:
            return False
        return holds_words(span.doc, sentences.bounds(sentence[0] - 1), words)

    def _worded_out(self, span: Span, sentences: SentenceStarts) -> bool:
        """Whether the span's rule rules it out by its sentence's words (unless_/only_sentence_with_words)."""
        unless = self.unless_words.get(span.id_)
        only = self.only_words.get(span.id_)
        if not unless and not only:
            return False
        sentence = sentences.bounds(span.start)
        if unless and (holds_words(span.doc, sentence, unless) or self._referred_to(span, sentence, unless, sentences)):
            return True
        return bool(only and not holds_words(span.doc, sentence, only))

    def _in_normal_sentence(self, span: Span, sentences: SentenceStarts) -> bool:
        """Whether the span stands in a sentence that opens by calling what it names normal ('Normal anterior
        atlantoaxial articulation.') or that reports a study of it with a negative result right after it ('X-rays of
        the C spine show no fracture'), and holds no contrast ('but', 'mild') (normal_sentence)."""
        words = self.normal_sentence.get(span.label_)
        if words is None:
            return False
        start, end = sentences.bounds(span.start)
        lowered = lower_of(span.doc)
        first = next((i for i in range(start, end) if span.doc[i].is_alpha), None)
        opened = first is not None and first < span.start and lowered[first] in words.openers
        shown = span.end + 1 < end and lowered[span.end] in words.verbs and lowered[span.end + 1] in words.results
        if (opened or shown) and words.contrasts.isdisjoint(lowered[start:end]):
            return True
        return bool(words.closers) and _closed_normal(span, (start, end), lowered, words, self.semicolon)

    def _answered_negatively(self, span: Span, sentences: SentenceStarts) -> bool:
        """Whether the span stands in a heading ('CT cervical spine:', 'C-spine and T-spine:') whose answer opens with
        one of its kind's heading_answers and holds no contrast ('CT cervical spine: No fracture.', 'C-spine AROM:
        WNL')."""
        words = self.normal_sentence.get(span.label_)
        if words is None or not words.answers:
            return False
        contrasts, answers = words.contrasts, words.answers
        doc = span.doc
        lowered = lower_of(doc)
        colon = next((i for i in range(span.end, min(span.end + _HEADING_TAIL, len(doc))) if lowered[i] == self.colon), None)
        if colon is None or any(doc[i].is_punct and doc[i].text not in "-/&" for i in range(span.end, colon)):
            return False
        answer = next((i for i in range(colon + 1, min(colon + 4, len(doc))) if not doc[i].is_space), None)
        if answer is None or lowered[answer] not in answers:
            return False
        return contrasts.isdisjoint(lowered[answer : sentences.bounds(answer)[1]])

    def _keep(
        self, span: Span, kinds: set[str], in_note: set[str], sentences: SentenceStarts, kinds_in: dict[int, set[str]]
    ) -> bool:
        kind = span.label_
        doc = span.doc
        sentence = sentences.bounds(span.start)
        problems = self.given_for.get(span.id_)
        if problems:
            spinal = self.other_sites[kind].spinal if kind in self.other_sites else set()
            if _given_for(span, sentence, problems, spinal):
                return False
        note_needs = self.rule_note_needs.get(span.id_, self.note_needs.get(kind))
        if note_needs and not in_note & note_needs:
            return False
        if kind in self.other_sites and self._told_elsewhere(span, sentence, sentences):
            return False
        needs = self.needs.get(span.id_)
        if needs and not kinds & needs:
            words = self.needs_words.get(kind)
            barriers = self.barriers.get(kind, frozenset())
            if not words or not words_near(doc, span, sentence, words, self.apart.get(kind), barriers=barriers):
                if not self._continued(kind, doc, sentence[1], needs, sentences, kinds_in):
                    return False
        if kind in self.cues:
            section = section_category(span)
            if section in self.result_sections[kind] or kinds & self.result_kinds[kind]:
                return True
            if (kind in self.title_headers or kind in self.title_first_line) and self._titles_report(span):
                return True
            if holds_words(doc, sentence, self.cues[kind]) or self._result_follows(kind, doc, sentence[1], sentences):
                return True
            return kind in self.seen_on and _seen_on(span, sentence, self.seen_on[kind])
        return True

    def _told_elsewhere(self, span: Span, sentence: tuple[int, int], sentences: SentenceStarts) -> bool:
        """Whether a non-spinal site, and no spinal one, stands beside the span (`_aimed_elsewhere`) or, for the values
        of `whole_sentences_for`, one of `whole_sentence_words` anywhere in its sentence and the sentence before."""
        other = self.other_sites[span.label_]
        if _aimed_elsewhere(span, sentence, other):
            return True
        if span.kb_id_ not in other.whole_sentences_for:
            return False
        start = sentences.bounds(sentence[0] - 1)[0] if sentence[0] > 0 else sentence[0]
        lower = lower_of(span.doc)
        if not other.spinal.isdisjoint(lower[start : sentence[1]]):
            return False
        sites, not_after = other.whole_sentence_words, other.whole_sentence_not_after
        return any(
            lower[i] in sites and not_after.isdisjoint(lower[max(start, i - 3) : i]) for i in range(start, sentence[1])
        )

    def _titles_report(self, span: Span) -> bool:
        """'EXAM: MRI RIGHT SHOULDER' ... 'FINDINGS: ...': the span stands on a title header's line, before any
        full stop (`title_headers`), or on the note's first line written in capitals with no colon ('TESTICULAR
        ULTRASOUND', with `title_first_line`), in a note with a result section: the title names the study reported
        below."""
        text = doc_text(span.doc)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        if not (span.label_ in self.title_first_line and _first_line_title(text, line_start, span.end_char)):
            title = _TITLE.match(text, line_start, span.start_char)
            if title is None or title.group(1).lower() not in self.title_headers.get(span.label_, set()):
                return False
        lower = lower_of(span.doc)
        after = span.end + 1 if span.end < len(lower) and span.doc[span.end].text == "-" else span.end
        if after < len(lower) and lower[after] in self.title_not_before[span.label_]:
            return False
        results = self.result_sections[span.label_]
        return any(other.category in results for other in span.doc._.sections)

    def _continued(
        self, kind: str, doc: Doc, end: int, needs: set[str], sentences: SentenceStarts, kinds_in: dict[int, set[str]]
    ) -> bool:
        """'History of schwannoma resection. It was resected from T12 to L1.': the next sentence (from token `end`)
        opens with a referring subject of the kind (`continued_by`) and holds a needed fact or word."""
        subjects = self.continued_by.get(kind)
        if not subjects or end >= len(doc) or lower_of(doc)[end] not in subjects:
            return False
        following = sentences.bounds(end)
        words = self.needs_words.get(kind)
        return bool(kinds_in.get(end, set()) & needs) or bool(words and holds_words(doc, following, words))

    def _result_follows(self, kind: str, doc: Doc, end: int, sentences: SentenceStarts) -> bool:
        """'She underwent a CT of the head. This revealed ...': the next sentence (from token `end`) reports the
        result; or the one after it, where the next only refers back to the study in words of an opener ('... MRI scan
        of the brain. I reviewed the scan in the office today. This shows moderate atrophy')."""
        if not self.openers[kind] or end >= len(doc):
            return False
        following = sentences.bounds(end)
        if self._reports_result(kind, doc, following):
            return True
        if following[1] >= len(doc) or not self._refers_back(kind, doc, following):
            return False
        return self._reports_result(kind, doc, sentences.bounds(following[1]))

    def _reports_result(self, kind: str, doc: Doc, bounds: tuple[int, int]) -> bool:
        """Whether the sentence opens with one of the kind's openers and holds a cue of a result told, not of a plan
        ('She had an MRI. The results are pending.' reports none)."""
        words = [t.lower_ for t in doc[bounds[0] : min(bounds[0] + 3, bounds[1])]]
        opened = [len(opener) for opener in self.openers[kind] if words[: len(opener)] == opener]
        # the cue after the opener: "Results are pending" holds no result word but its opener
        return bool(opened) and holds_words(doc, (bounds[0] + min(opened), bounds[1]), self.told_cues[kind])

    def _refers_back(self, kind: str, doc: Doc, bounds: tuple[int, int]) -> bool:
        """Whether the sentence names the study by an opener of two words or more ('the scan', 'the films')."""
        words = [t.lower_ for t in doc[bounds[0] : bounds[1]]]
        return any(
            words[i : i + len(opener)] == opener
            for opener in self.openers[kind]
            if len(opener) > 1
            for i in range(len(words) - len(opener) + 1)
        )


_WORD = re.compile(r"[a-z]+")
_FIRST_SENTENCE_END = re.compile(r"(?<=[.;])\s|\n")
_TITLE = re.compile(r"[ \t]*([A-Za-z]+)[ \t]*:[^.:;\n]*$")  # a header, its colon, then the title's first words


def _first_line_title(text: str, line_start: int, end_char: int) -> bool:
    """Whether the line from line_start, which holds text up to end_char, is the note's first and is written in
    capitals with no colon: a report's title ('LEFT LOWER EXTREMITY VENOUS DOPPLER ULTRASOUND')."""
    if line_start and not text[:line_start].isspace():
        return False
    line_end = text.find("\n", end_char)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return ":" not in line and line.isupper()


def _heading_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, colon) of the heading in capitals that holds text[start:end] ("TEST & X-RAY RESULTS:" from a line's
    start or an earlier heading's colon, in capitals up to its own colon), or None."""
    line_start = max(text.rfind("\n", 0, start), text.rfind(":", 0, start)) + 1  # "PAST X-RAYS: MRI: ..."
    line_end = text.find("\n", end)
    colon = text.find(":", end, line_end if line_end >= 0 else len(text))
    if colon < 0:
        return None
    heading = text[line_start:colon]
    if any(c.islower() for c in heading):
        return None
    return line_start, colon


_ITEM_ENDS = {get_string_id(word) for word in (*SEPARATORS, "and", "or")}  # what closes a list item


class _NormalWords(NamedTuple):
    """A kind's `normal_sentence` word lists as LOWER ids (see ruleset.models.NormalSentence)."""

    openers: set[int]
    contrasts: set[int]
    verbs: set[int]
    results: set[int]
    answers: set[int]  # heading_answers
    closers: set[int]
    not_closed_after: set[int]

    @classmethod
    def of(cls, normal: NormalSentence, strings: StringStore) -> "_NormalWords":
        return cls(*(
            _lower_ids(strings, words)
            for words in (normal.openers, normal.contrasts, normal.verbs, normal.results, normal.heading_answers,
                          normal.closers, normal.not_closed_after)
        ))


class _OtherSites(NamedTuple):
    """A kind's `other_sites` settings with their words as LOWER ids (see ruleset.models.OtherSites)."""

    words: set[int]
    spinal: set[int]
    window: int
    across_items: bool
    targets: set[int]
    target_window: int
    inside: bool
    whole_sentences_for: set[str]
    whole_sentence_words: set[int]
    whole_sentence_not_after: set[int]

    @classmethod
    def of(cls, settings: OtherSites, strings: StringStore) -> "_OtherSites":
        return cls(
            _lower_ids(strings, settings.words),
            _lower_ids(strings, settings.spinal),
            settings.window,
            settings.across_items,
            _lower_ids(strings, settings.targets),
            settings.target_window,
            settings.inside,
            set(settings.whole_sentences_for),
            _lower_ids(strings, settings.whole_sentence_words),
            _lower_ids(strings, settings.whole_sentence_not_after),
        )


class _SeenOnWords(NamedTuple):
    """A kind's `seen_on` words as LOWER ids."""

    words: set[int]
    fillers: set[int]
    not_after: set[int]
    not_before: set[int]

    @classmethod
    def of(cls, settings: SeenOn, strings: StringStore) -> "_SeenOnWords":
        lists = (settings.words, settings.fillers, settings.not_after, settings.not_before)
        return cls(*(_lower_ids(strings, words) for words in lists))


def _seen_on(span: Span, sentence: tuple[int, int], seen: _SeenOnWords) -> bool:
    """'a mass on ultrasound', 'gallstones on the CT': the span follows a word of `seen.words` (up to two fillers
    between), which follows a word of the sentence that is not one of `seen.not_after`; no word of `seen.not_before`
    follows the span."""
    lower = lower_of(span.doc)
    if span.end < sentence[1] and lower[span.end] in seen.not_before:
        return False
    i = span.start - 1
    while i > sentence[0] and span.start - i <= 2 and lower[i] in seen.fillers:
        i -= 1
    return i > sentence[0] and lower[i] in seen.words and lower[i - 1] not in seen.not_after


def _aimed_elsewhere(span: Span, sentence: tuple[int, int], other: _OtherSites) -> bool:
    """Whether a non-spinal body site, and no spinal one, stands within `window` tokens of the span in its
    sentence and (unless `across_items`) its list item: "a brace in her right hand", not "home therapy, stretching,
    hand weights". A spinal site in the span itself keeps it too ("retired secondary to his back and knees").
    A target site counts only as the span's modifier or the place it is put (`_aimed_at_target`)."""
    window, spinal = other.window, other.spinal
    lower = lower_of(span.doc)
    before = lower[max(sentence[0], span.start - window) : span.start]
    after = lower[span.end : min(sentence[1], span.end + window)]
    if not other.across_items:
        ends = [i for i, word in enumerate(before) if word in _ITEM_ENDS]
        before = before[ends[-1] + 1 :] if ends else before
        after = _to_item_end(after)
    near = set(before).union(after)
    if other.inside:  # a site inside the span too: "difficulty with toe walking" (an exam test)
        near.update(lower[span.start : span.end])
    if not near.isdisjoint(spinal) or not spinal.isdisjoint(lower[span.start : span.end]):
        return False
    return not near.isdisjoint(other.words) or _aimed_at_target(span, sentence, lower, other.targets, other.target_window)


def _to_item_end(words: list[int]) -> list[int]:
    """The words up to the first that closes a list item."""
    return next((words[:i] for i, word in enumerate(words) if word in _ITEM_ENDS), words)


_PLACED_AT = {get_string_id(word) for word in ("in", "on", "to", "into")}  # "placed in the left leg"


def _aimed_at_target(span: Span, sentence: tuple[int, int], lower: list[int], targets: set[int], window: int) -> bool:
    """A target site in the span or right before it ("leg brace", "doing leg exercises"), or after it in its list
    item behind a place's preposition ("a brace placed in the left leg")."""
    if not targets:
        return False
    if not targets.isdisjoint(lower[max(sentence[0], span.start - 1) : span.end]):
        return True
    after = _to_item_end(lower[span.end : min(sentence[1], span.end + window)])
    placed = next((i for i, word in enumerate(after) if word in _PLACED_AT), None)
    return placed is not None and not targets.isdisjoint(after[placed + 1 : placed + 4])


_FOR = get_string_id("for")
# Tokens from the fact to its "for": a dose and a frequency may stand between ("Mobic 7.5 mg one daily for").
_FOR_REACH = 12
_PROBLEM_REACH = 5  # words after "for" that name the problem ("for her chest pain", "for treatment of her migraines")


def _given_for(span: Span, sentence: tuple[int, int], problems: set[int], spinal: set[int]) -> bool:
    """Whether the first "for" after the span in its sentence names one of `problems` and no spinal site in
    the words after it: "Mobic 7.5 mg one daily for arthritis", not "Tylenol for arthritis of the lumbar spine"."""
    lower = lower_of(span.doc)
    end = min(sentence[1], span.end + _FOR_REACH)
    at = next((i for i in range(span.end, end) if lower[i] == _FOR), None)
    if at is None:
        return False
    named = lower[at + 1 : min(sentence[1], at + 1 + _PROBLEM_REACH)]
    reason = lower[at + 1 : min(sentence[1], at + 1 + _PROBLEM_REACH + 4)]
    return not problems.isdisjoint(named) and spinal.isdisjoint(reason)


def _lower_ids(strings: StringStore, words: list[str]) -> set[int]:
    """The words as LOWER ids, added to the vocabulary's strings."""
    return {strings.add(word.lower()) for word in words}


def _rule_words(ruleset: Ruleset, strings: StringStore, field: Callable[[FactRule], list[str]]) -> dict[str, set[int]]:
    """Rule id -> the LOWER ids of the rule's `field` word list, for the rules whose list is not empty."""
    return {
        r.id: _lower_ids(strings, field(r)) for f in ruleset.facts.values() for r in f.rules if field(r)
    }


@Language.factory("notecheck_fact_filters_v1", default_config={"patterns_dir": None})
def make_fact_filters(nlp: Language, name: str, patterns_dir: str | None) -> FactFilters:
    """Factory: the file-level fact filters."""
    return FactFilters(load_ruleset(Path(patterns_dir) if patterns_dir else None), nlp.vocab.strings, name=name)
