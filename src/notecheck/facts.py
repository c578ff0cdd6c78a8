"""The one boundary from spaCy to the contract: spans of the facts group -> Fact objects.

Assertion comes from ConText's modifiers; a fact without a cue of its own takes its section's assertion
(plan -> hypothetical, family history -> family) and historical flag (past history). Negated facts of the
kinds listed in patterns/facts/exclusion.yaml also yield an `exclusion` fact ("no fracture").
"""

from collections.abc import Callable, Set
from operator import itemgetter
from typing import Any, NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from notecheck.pipeline.context_rules import (
    NEGATED_CATEGORY,
    NORMAL_EXAM_CATEGORY,
    ONGOING_CATEGORY,
    RESULT_CATEGORY,
    assertion_from_categories,
    fact_modifiers,
)
from notecheck.pipeline.model_facts import confidence_of, is_model_fact
from notecheck.pipeline.sections import section_at
from notecheck.pipeline.spans import (
    EXTENT_RULE,
    SentenceStarts,
    doc_text,
    holds_phrase,
    holds_words,
    lower_of,
    phrase_ids,
)
from notecheck.pipeline.spans import facts as fact_spans
from notecheck.pipeline.studies import negative_studies, openers_pattern
from notecheck.report import Assertion, Fact, validated
from notecheck.ruleset import Ruleset
from notecheck.ruleset.models import SectionCategory

_UNRESOLVED = "unspecified"
_NONE: frozenset[str] = frozenset()
_NONE_SPANS: frozenset[tuple[int, str]] = frozenset()
_MODIFIERS = "modifiers"  # medSpaCy's Span extension: the ConText modifiers of a target


def _lower_ids(words: list[str]) -> set[int]:
    """The LOWER ids of the words (a string's id is its hash: no vocab needed)."""
    return {get_string_id(w.lower()) for w in words}


_OWN_COMPLAINT = frozenset({"complaint", "region"})  # kinds that name a spinal complaint in a sentence


class _Spanned(NamedTuple):
    """A fact span's attributes, read once: each Span property goes back to the Doc on every read."""

    start_char: int
    end_char: int
    kind: str
    value: str
    rule_id: str
    sentence: int  # the token where its sentence starts
    section: str | None
    cued: bool  # False when no ConText modifier touches the span
    span: Span


class FactBuilder:
    """Turns a processed Doc into the report's facts."""

    def __init__(self, ruleset: Ruleset) -> None:
        self.sections: dict[str, SectionCategory] = {s.id: s for s in ruleset.sections.sections}
        self.exclusion = ruleset.exclusion
        self.dropped = {s.id for s in ruleset.sections.sections if s.drop}
        self.asserts = {r.id: r.asserts for f in ruleset.facts.values() for r in f.rules if r.asserts}
        self.historical_with = {k: set(f.historical_with) for k, f in ruleset.facts.items() if f.historical_with}
        self.historical_in_note = {
            k: {tuple(pair.split("=", 1)) for pair in f.historical_in_note_with}
            for k, f in ruleset.facts.items()
            if f.historical_in_note_with
        }
        self.fallbacks = {r.id for f in ruleset.facts.values() for r in f.rules if r.fallback}
        self.separate_in = {
            r.id: frozenset(r.separate_in_sections)
            for f in ruleset.facts.values()
            for r in f.rules
            if r.separate_in_sections
        }
        self.told_apart = {  # rule id -> (its separate_with_words words, heads) as LOWER ids
            r.id: (_lower_ids(r.separate_with_words.words), _lower_ids(r.separate_with_words.heads))
            for f in ruleset.facts.values()
            for r in f.rules
            if r.separate_with_words
        }
        self.recent_cues = {  # rule id -> its current_only_when: sentence words, note words (LOWER ids), note facts
            r.id: (
                _lower_ids(r.current_only_when.sentence_words),
                _lower_ids(r.current_only_when.note_words),
                {tuple(pair.split("=", 1)) for pair in r.current_only_when.note_facts},
            )
            for f in ruleset.facts.values()
            for r in f.rules
            if r.current_only_when
        }
        self.negative_studies = {k: f.negative_study for k, f in ruleset.facts.items() if f.negative_study}
        self.peripheral = {  # kind -> (lesion phrases as tuples of LOWER ids, its peripheral_cause)
            k: ([phrase_ids(p) for p in f.peripheral_cause.phrases], f.peripheral_cause)
            for k, f in ruleset.facts.items()
            if f.peripheral_cause
        }
        self.study_openers = {  # kind -> its negative_openers as one regular expression, compiled once
            k: pattern for k, study in self.negative_studies.items() if (pattern := openers_pattern(study.negative_openers))
        }
        self.note_needs = {
            r.id: set(needs)
            for f in ruleset.facts.values()
            for r in f.rules
            if (needs := r.needs_stated_in_note if r.needs_stated_in_note is not None else f.needs_stated_in_note)
        }
        # A fact no rule file writes (a stated duration's acuity.duration) takes its kind's file-level condition.
        self.file_rules = {r.id for f in ruleset.facts.values() for r in f.rules}
        self.kind_needs = {k: set(f.needs_stated_in_note) for k, f in ruleset.facts.items() if f.needs_stated_in_note}
        # assertion_from_categories of each set of categories met so far: a few sets recur across facts.
        self.verdicts: dict[frozenset[str], tuple[Assertion, bool]] = {}

    def __call__(self, doc: Doc) -> list[Fact]:
        spans = self._spans(doc)
        kinds_in: dict[int, set[str]] = {}
        for s in spans:
            kinds_in.setdefault(s.sentence, set()).add(s.kind)
        asserted = [(s, *self._assert(s)) for s in spans]
        # Only a phase the note states dates its facts: "a fracture which has not healed" is no healed one.
        stated = {(s.kind, s.value) for s, assertion, _ in asserted if assertion != "negated"}
        dated_by_note = {kind for kind, pairs in self.historical_in_note.items() if stated & pairs}
        judged = []
        for s, assertion, historical in asserted:
            with_kinds = self.historical_with.get(s.kind, _NONE)
            dated = s.kind in dated_by_note or not kinds_in[s.sentence].isdisjoint(with_kinds)
            judged.append((s, assertion, historical or dated))
        if self.recent_cues:
            judged = self._dated_unless_recent(doc, judged)
        if self.peripheral:
            judged = self._without_peripheral_deficits(doc, judged)
        if self.negative_studies:
            judged = self._without_negative_studies(judged)
            judged = self._outside_negative_reports(doc, judged)
        dropped = self._unsupported(judged) if self.fallbacks or self.note_needs or self.kind_needs else _NONE
        separate = self._separate(judged, dropped) if self.separate_in or self.told_apart else _NONE_SPANS
        made: list[Fact] = []
        sentences: list[int] = []  # the sentence start of each fact in made, for _link_failures
        text = doc_text(doc)
        seen: set[tuple[int, int, str, str]] = set()  # two rules of one value may match the same words (fact_matcher)
        for s, assertion, historical in judged:
            if s.rule_id in dropped and (s.start_char, s.rule_id) not in separate:
                continue
            if (key := (s.start_char, s.end_char, s.kind, s.value)) in seen:
                continue
            seen.add(key)
            fact = self._make(s, len(made), text, assertion, historical)
            made.append(fact)
            sentences.append(s.sentence)
            if fact.assertion == "negated" and fact.kind in self.exclusion.derive_from:
                made.append(self._exclusion(fact, len(made)))
                sentences.append(s.sentence)
        return self._link_failures(made, sentences)

    def _dated_unless_recent(
        self, doc: Doc, judged: list[tuple[_Spanned, Assertion, bool]]
    ) -> list[tuple[_Spanned, Assertion, bool]]:
        """Date the facts of `current_only_when` rules that nothing presents as recent: no recent word in their
        sentence ('a new compression fracture'), no acute management in their note ('kyphoplasty'), no present,
        undated event fact of the listed values in their note ('fell down the stairs'). A fracture of unstated age
        named in the history or as a standing diagnosis is no current injury (C30)."""
        if not any(s.rule_id in self.recent_cues for s, _, _ in judged):
            return judged
        events = {(s.kind, s.value) for s, assertion, historical in judged if assertion == "present" and not historical}
        note_words = set(lower_of(doc))
        sentences = SentenceStarts(doc)
        dated = []
        for s, assertion, historical in judged:
            cues = self.recent_cues.get(s.rule_id)
            if cues is not None and assertion == "present" and not historical:
                words, managed, facts = cues
                historical = not (
                    events & facts
                    or not note_words.isdisjoint(managed)
                    or holds_words(doc, sentences.bounds(s.sentence), words)
                )
            dated.append((s, assertion, historical))
        return dated

    def _without_peripheral_deficits(
        self, doc: Doc, judged: list[tuple[_Spanned, Assertion, bool]]
    ) -> list[tuple[_Spanned, Assertion, bool]]:
        """Leave out the limb deficits of a note whose diagnosis section names a peripheral nerve lesion ('CLINICAL
        IMPRESSION: Left carpal tunnel syndrome', 'ASSESSMENT: ... right suprascapular neuropathy') and that states no
        deficit of spinal type beside it (a radiculopathy): the note attributes them to a cause outside the spine (C3).
        A radiculopathy only not ruled out in the history ('EMG showed a suprascapular neuropathy, although a C5
        radiculopathy could not be ruled out') does not keep them."""
        bodies: list[list[int]] | None = None
        left_out: set[str] = set()
        for kind, (lesions, cause) in self.peripheral.items():
            # A spinal-type deficit stated in the note, or offered beside the lesion in the diagnosis ('seemingly has a
            # peroneal neuropathy with a superimposed lumbosacral radiculopathy'), keeps them all.
            if any(
                s.kind == kind
                and s.value in cause.spinal_values
                and (a == "present" or (a == "possible" and s.section in cause.sections))
                for s, a, _ in judged
            ):
                continue
            if not any(s.kind == kind and s.value in cause.values for s, _, _ in judged):
                continue
            if bodies is None:
                lower = lower_of(doc)
                bodies = [lower[x.body_start : x.body_end] for x in doc._.sections if x.category in cause.sections]
            if any(holds_phrase(body, lesion) for body in bodies for lesion in lesions):
                left_out.add(kind)
        if not left_out:
            return judged
        gone = {i for i, (s, _, _) in enumerate(judged) if s.kind in left_out and s.value in self.peripheral[s.kind][1].values}
        # A stated duration that only a left-out deficit made a complaint's ('a one month history of numbness of the
        # left middle finger') goes with it, unless its sentence names a spinal complaint or region of its own.
        dated_by = {dated for kind in left_out for dated in self.peripheral[kind][1].dates}
        spinal = {s.sentence for s, _, _ in judged if s.kind in _OWN_COMPLAINT}
        deficit_sentences = {judged[i][0].sentence for i in gone} - spinal
        return [
            (s, a, h)
            for i, (s, a, h) in enumerate(judged)
            if i not in gone
            and not (s.kind in dated_by and s.rule_id not in self.file_rules and s.sentence in deficit_sentences)
        ]

    def _unsupported(self, judged: list[tuple[_Spanned, Assertion, bool]]) -> frozenset[str]:
        """The rules whose note-level condition fails, decided before any Fact is made (renumbering made
        Facts cost a model copy each): a `fallback` rule in a note that holds a present fact of its kind
        from another rule; one with `needs_stated_in_note` in a note whose facts of those kinds are all
        negated or a relative's (a past, possible or hypothetical one counts: "ibuprofen as needed for back
        pain"). Their facts, and the exclusions derived from them, are left out."""
        named = {s.kind for s, assertion, _ in judged if assertion == "present" and s.rule_id not in self.fallbacks}
        stated = {s.kind for s, assertion, _ in judged if assertion not in ("negated", "family")}
        if any(a == "negated" and s.kind in self.exclusion.derive_from for s, a, _ in judged):
            named.add("exclusion")  # the exclusion facts the negated ones yield are present
            stated.add("exclusion")
        rules = {s.rule_id: s.kind for s, _, _ in judged}
        return frozenset(
            rule_id
            for rule_id, kind in rules.items()
            if (rule_id in self.fallbacks and kind in named)
            or ((needs := self._needs(rule_id, kind)) is not None and stated.isdisjoint(needs))
        )

    def _needs(self, rule_id: str, kind: str) -> Set[str] | None:
        """The kinds a fact of this rule needs stated in its note: its rule's or its file's `needs_stated_in_note`;
        a fact no rule of a file writes (a stated duration's acuity) takes its kind's file-level list."""
        if rule_id in self.note_needs:
            return self.note_needs[rule_id]
        return None if rule_id in self.file_rules else self.kind_needs.get(kind)

    def _separate(
        self, judged: list[tuple[_Spanned, Assertion, bool]], dropped: frozenset[str]
    ) -> frozenset[tuple[int, str]]:
        """The facts of dropped fallback rules that stand as events of their own: in one of their rule's
        `separate_in_sections` or in a sentence with one of its `separate_with_words`, and in a sentence with no
        present fact of their kind from a rule that is no fallback ('PAST SURGICAL HISTORY: a hip fracture from a
        fall in 2005' is the fall's own fracture). Keyed by start and rule id."""
        named_in = {
            (s.sentence, s.kind)
            for s, assertion, _ in judged
            if assertion == "present" and s.rule_id not in self.fallbacks
        }
        return frozenset(
            (s.start_char, s.rule_id)
            for s, _, _ in judged
            if s.rule_id in dropped
            and self._needs(s.rule_id, s.kind) is None
            and (s.sentence, s.kind) not in named_in
            and (self._separate_in(s) or self._told_apart(s, named_in))
        )

    def _separate_in(self, s: _Spanned) -> bool:
        """Whether the fact stands in one of its rule's separate_in_sections ('*': any section)."""
        sections = self.separate_in.get(s.rule_id, _NONE)
        return s.section in sections or "*" in sections

    def _told_apart(self, s: _Spanned, named_in: set[tuple[int, str]]) -> bool:
        """Whether the fact's sentence dates it apart (its rule's `separate_with_words`: 'a previous repair of a
        pelvic fracture') and no sentence naming a mechanism of its kind names its part ('fractured his femur in a
        fall', then 'his prior femoral fracture')."""
        told = self.told_apart.get(s.rule_id)
        if told is None:
            return False
        words, heads = told
        doc = s.span.doc
        sentences = SentenceStarts(doc)
        if not holds_words(doc, sentences.bounds(s.sentence), words):
            return False
        part = {token.lower for token in s.span if token.is_alpha and token.lower not in heads}
        return not part or not any(
            kind == s.kind and holds_words(doc, sentences.bounds(sentence), part) for sentence, kind in named_in
        )

    def _without_negative_studies(
        self, judged: list[tuple[_Spanned, Assertion, bool]]
    ) -> list[tuple[_Spanned, Assertion, bool]]:
        """Drop the present facts of a value that the report's conclusion calls normal or negative where the report
        names it: its title, findings, conclusion. A negative study locates no region (C6); the note's other
        sections (history, exam) still do. A NORMAL_EXAM cue ('IMPRESSION: Negative cervical spine.') decides alone;
        a negation ('IMPRESSION: No acute disease in the lumbar spine.') only where the conclusion states the value
        nowhere as present ('IMPRESSION: C-spine lesion. No fracture of the C-spine.' is a positive study)."""
        normal, denied, stated = set(), set(), set()
        for s, assertion, _ in judged:
            study = self.negative_studies.get(s.kind)
            if study is None or s.section not in study.concluded_in:
                continue
            if assertion == "present":
                stated.add((s.kind, s.value))
            elif assertion == "negated" and s.cued:
                categories = {m.category for m in fact_modifiers(s.span)}
                if NORMAL_EXAM_CATEGORY in categories:
                    normal.add((s.kind, s.value))
                elif NEGATED_CATEGORY in categories:
                    denied.add((s.kind, s.value))
        concluded = normal | (denied - stated)
        if not concluded:
            return judged
        return [
            (s, assertion, historical)
            for s, assertion, historical in judged
            if assertion != "present"
            or (s.kind, s.value) not in concluded
            or s.section not in self.negative_studies[s.kind].reported_in
        ]

    def _outside_negative_reports(
        self, doc: Doc, judged: list[tuple[_Spanned, Assertion, bool]]
    ) -> list[tuple[_Spanned, Assertion, bool]]:
        """Drop the present facts that a study whose conclusion is negative as a whole ('IMPRESSION: Negative.')
        reports in its title, findings or conclusion (C6), for the kinds whose negative_study has openers."""
        for kind, opens in self.study_openers.items():
            study = self.negative_studies[kind]
            ranges = negative_studies(doc, study.concluded_in, opens)
            if ranges:
                judged = [
                    (s, assertion, historical)
                    for s, assertion, historical in judged
                    if s.kind != kind
                    or assertion != "present"
                    or s.section not in study.reported_in
                    or not any(start <= s.start_char < end for start, end in ranges)
                ]
        return judged

    def _spans(self, doc: Doc) -> list[_Spanned]:
        """The group's spans in note order (start, end, kind), without repeats and dropped sections; a span two rules
        matched stays once per rule until their note-level conditions are read (`__call__` makes one Fact)."""
        read = [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_, s.start, s) for s in fact_spans(doc)]
        read.sort(key=itemgetter(0, 1, 2))  # stable: spans of one offset and kind keep the group's order
        sentences = SentenceStarts(doc)
        cued = _modifiers_reader(doc)
        seen: set[tuple[str, str, int, int, str]] = set()
        kept = []
        for start_char, end_char, kind, value, rule_id, start, span in read:
            key = (kind, value, start_char, end_char, rule_id)  # each rule's, for its note-level condition
            if key in seen:
                continue
            section = section_at(doc, start, start_char)  # section_category(span), from what was read
            category = section.category if section is not None else None
            if category not in self.dropped:
                seen.add(key)
                sentence, has_cue = sentences.of(span), cued(start_char, end_char)
                kept.append(_Spanned(start_char, end_char, kind, value, rule_id, sentence, category, has_cue, span))
        return kept

    def _fact(self, span: Span, index: int, section_id: str | None, text: str) -> Fact:
        """The Fact of a span in its section (`section_category`) of the note's text (`doc_text`)."""
        s = _Spanned(span.start_char, span.end_char, span.label_, span.kb_id_, span.id_, -1, section_id, True, span)
        return self._make(s, index, text, *self._assert(s))

    def _assert(self, s: _Spanned) -> tuple[Assertion, bool]:
        """A span's assertion and historical flag, from its ConText modifiers, its rule and its section."""
        categories = frozenset(m.category for m in fact_modifiers(s.span)) if s.cued else _NONE
        verdict = self.verdicts.get(categories)
        if verdict is None:
            verdict = self.verdicts[categories] = assertion_from_categories(categories)
        assertion, historical = verdict
        stated = self.asserts.get(s.rule_id) or ("negated" if s.rule_id.startswith(EXTENT_RULE) else None)
        if stated and assertion == "present":
            assertion = stated
        section = self.sections.get(s.section) if s.section else None
        if section is not None:
            applies = section.assertion_kinds is None or s.kind in section.assertion_kinds
            under_way = ONGOING_CATEGORY in categories or RESULT_CATEGORY in categories
            if assertion == "present" and section.assertion and applies and not under_way:
                assertion = section.assertion
            historical = historical or section.historical
        return assertion, historical

    def _make(self, s: _Spanned, index: int, text: str, assertion: Assertion, historical: bool) -> Fact:
        model = is_model_fact(s.span)
        return validated(
            Fact,
            {
                "id": index,
                "kind": s.kind,
                "value": s.value,
                "text": text[s.start_char : s.end_char],  # span.text, without joining its tokens again
                "start": s.start_char,
                "end": s.end_char,
                "assertion": assertion,
                "historical": historical,
                "section": s.section,
                "rule_id": s.rule_id or None,
                "source": "model" if model else "rule",
                "confidence": confidence_of(s.span) if model else None,
            },
        )

    def _exclusion(self, fact: Fact, index: int) -> Fact:
        return fact.model_copy(
            update={
                "id": index,
                "kind": "exclusion",
                "value": f"{self.exclusion.prefix} {fact.value}",
                "assertion": "present",
                "historical": False,
                "rule_id": f"exclusion.from.{fact.rule_id}",
            }
        )

    @staticmethod
    def _link_failures(made: list[Fact], sentences: list[int]) -> list[Fact]:
        """A treatment failure takes the value of the nearest treatment in its sentence (`sentences`: the
        sentence start of each fact)."""
        if not any(f.kind == "treatment_failure" for f in made):
            return made
        pairs = list(zip(made, sentences, strict=True))
        treatments = [(f, i) for f, i in pairs if f.kind == "treatment" and f.assertion == "present"]
        linked = []
        for fact, sentence in pairs:
            if fact.kind == "treatment_failure" and fact.value == _UNRESOLVED:
                near = [t for t, i in treatments if i == sentence]
                if near:
                    closest = min(near, key=lambda t: abs(t.start - fact.start))
                    fact = fact.model_copy(update={"value": closest.value})
            linked.append(fact)
        return linked


def _modifiers_reader(doc: Doc) -> Callable[[int, int], bool]:
    """A test of a span's character offsets for "ConText may have modifiers for it": most facts have none,
    and `span._.modifiers` builds an Underscore object on each read (2 us). While medSpaCy's extension is
    a plain value (no getter or method, an empty default) it lives in doc.user_data, read here directly."""
    extension = Span.get_extension(_MODIFIERS)
    if extension is None or extension[1] is not None or extension[2] is not None or extension[0]:
        return lambda start, end: True  # fact_modifiers reads it as it is
    user_data: dict[Any, Any] = doc.user_data
    return lambda start, end: bool(user_data.get(("._.", _MODIFIERS, start, end)))
