"""Time expressions: acuity from stated durations, and the date of an injury.

"back pain for 3 weeks" -> acuity acute (under 6 weeks), "2-year history of neck pain" -> chronic; the
thresholds, number words and units are data (patterns/facts/durations.yaml). A date phrase becomes an
injury_date fact only in a sentence that holds a trauma or injury fact (patterns/facts/injury_date.yaml).
"""

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from notecheck.pipeline.anchored import AnchoredMatcher
from notecheck.pipeline.date_interval import parse_date, visit_interval_weeks
from notecheck.pipeline.sections import section_category
from notecheck.pipeline.spans import (
    GROUP,
    SEPARATORS,
    SentenceFacts,
    SentenceStarts,
    add_fact,
    facts,
    lower_of,
    words_near,
)
from notecheck.ruleset import Ruleset, load_ruleset
from notecheck.ruleset.models import DurationTable


def _number(text: str, words: dict[str, float]) -> float | None:
    text = text.lower()
    if text in words:
        return words[text]
    if text[:1] == "x" and text[1:].isdigit():  # "x3"
        text = text[1:]
    text = text.lstrip("~+±")  # "~8 wks ago": spaCy's LIKE_NUM reads past the same signs
    if _FRACTION.match(text):  # "2 1/2 months": the half after its whole
        top, bottom = text.split("/")
        return int(top) / int(bottom)
    try:
        return float(text.replace(",", "").split("-")[-1])
    except ValueError:
        return None


_FRACTION = re.compile(r"^[1-3]/[234]$")  # a half, a third or a quarter; "5/10" is a pain score
_FULL_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$|^\d{4}-\d{2}-\d{2}$")


def _is_label(doc: Doc, i: int) -> bool:
    """Whether doc[i] is a template field's label: ':', '-' or a leader of dots follows it."""
    if i + 1 >= len(doc):
        return False
    mark = doc[i + 1].text
    return mark in (":", "-") or (len(mark) > 1 and set(mark) == {"."})


_RANGE_WORDS = frozenset({"-", "to", "or"})  # between a range's two ends


def _duration_patterns(table: DurationTable, tokenizer: Callable[[str], Doc]) -> list[list[dict[str, Any]]]:
    units = {"LOWER": {"IN": list(table.units)}}
    number = {"LOWER": {"IN": list(table.numbers)}}
    digits = {"LIKE_NUM": True}
    glued = {"TEXT": {"REGEX": "^[xX]\\d{1,2}$"}}  # "x3 weeks": the lead glued to its number
    of = {"LOWER": "of", "OP": "?"}  # "a couple of weeks"
    lead = {"LOWER": {"IN": table.lead_words}}
    det = {"LOWER": {"IN": ["the", "a", "an"]}, "OP": "?"}
    past = {"LOWER": {"IN": ["past", "last", "previous", "prior"]}, "OP": "?"}
    approx = {"LOWER": {"IN": table.lead_words}, "OP": "?"}
    dash = {"ORTH": "-", "OP": "?"}
    # A trail word the tokenizer splits ("h/o": h, /, o) is matched as its tokens.
    trail_tokens = [[t.lower_ for t in tokenizer(w)] for w in table.trail_words]
    trail_words = [w[0] for w in trail_tokens if len(w) == 1]
    trails: list[list[dict[str, Any]]] = [[{"LOWER": {"IN": trail_words}}]]
    trails += [[{"LOWER": t} for t in w] for w in trail_tokens if len(w) > 1]
    comparative = {"LOWER": {"IN": list(table.comparative_words)}, "OP": "?"}
    than = {"LOWER": {"IN": ["than", "least"]}, "OP": "?"}
    # A range ("2-3 weeks", "six to eight weeks"): its middle is the duration (_duration).
    to = {"LOWER": {"IN": sorted(_RANGE_WORDS)}}
    upper = {"LIKE_NUM": True}
    fraction = {"TEXT": {"REGEX": _FRACTION.pattern}, "OP": "?"}  # "2 1/2 months"
    patterns: list[list[dict[str, Any]]] = []
    patterns.append([glued, dash, units])
    # Template fields: "Duration: 4 months", "Low back pain, 7 weeks" (the label or complaint, then the duration).
    label = {"LOWER": {"IN": [w.lower() for w in table.field_labels]}}
    head = {"LOWER": {"IN": [w.lower() for w in table.field_heads]}}
    lead_ins: list[list[dict[str, Any]]] = [[label, {"ORTH": ":"}], [head, {"ORTH": ","}]]
    for lead_in in lead_ins:
        for num in (number, digits):
            patterns.append([*lead_in, approx, det, num, fraction, of, dash, units])
    for num in (number, digits):
        patterns.append([lead, det, past, approx, comparative, than, num, fraction, of, dash, units])
        patterns.append([lead, det, past, approx, comparative, than, num, to, upper, dash, units])
        for trail in trails:  # "3 weeks ago", "a couple of weeks ago", "2 1/2 months' duration"
            patterns.append([num, fraction, of, dash, units, *trail])
            patterns.append([num, to, upper, dash, units, *trail])
    # "3 weeks of tailbone pain", "six months of worsening low back pain": "of" then the complaint's own word.
    of_heads = {"LOWER": {"IN": [w.lower() for w in table.of_heads]}}
    modifier = {"LOWER": {"NOT_IN": [w.lower() for w in table.status_words] + [".", ",", ";", ":"]}, "OP": "?"}
    if table.of_heads:
        for num in (number, digits):
            patterns.append([num, dash, units, {"LOWER": "of"}, modifier, modifier, of_heads])
            patterns.append([num, to, upper, dash, units, {"LOWER": "of"}, modifier, modifier, of_heads])
    # "over the past year"; "in the last year or so" ("in" leads only here: "in 3 months" is a time ahead).
    within = {"LOWER": {"IN": [*table.lead_words, "in", "during", "within"]}}
    patterns.append([within, {"LOWER": "the"}, {"LOWER": {"IN": ["past", "last"]}}, units])
    # "for one and a half years": the whole, then its half.
    half = [{"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}]
    for num in (number, digits):
        patterns.append([lead, det, past, approx, comparative, than, num, *half, units])
        patterns += [[num, *half, units, *trail] for trail in trails]
    if table.visit_words:  # "2 weeks prior to presentation", "3 days before his current admission"
        before: list[dict[str, Any]] = [
            {"LOWER": {"IN": ["prior", "before"]}},
            {"LOWER": "to", "OP": "?"},
            {"LOWER": {"IN": ["this", "his", "her", "their", "the"]}, "OP": "?"},
            {"LOWER": {"IN": ["current", "present", "initial"]}, "OP": "?"},
            {"LOWER": {"IN": [w.lower() for w in table.visit_words]}},
        ]
        for num in (number, digits):
            patterns.append([num, dash, units, *before])
            patterns.append([num, to, upper, dash, units, *before])
    return patterns


class TimeExpressions:
    """Writes acuity facts for durations and injury_date facts for dates near injuries."""

    def __init__(self, nlp: Language, ruleset: Ruleset, *, name: str = "durations") -> None:
        self.name = name
        self.table = ruleset.durations
        self.dates = ruleset.injury_date
        self.matcher = AnchoredMatcher(nlp.vocab)
        self.matcher.add("duration", _duration_patterns(self.table, nlp.tokenizer))
        self.matcher.add("date", self.dates.patterns)
        # A span matched as both: the duration is tried first, as the labels were added.
        self.label_order = {nlp.vocab.strings.add("duration"): 0, nlp.vocab.strings.add("date"): 1}
        self.sentence_words = {nlp.vocab.strings.add(w.lower()) for w in self.table.sentence_words}
        self.trail_words = {nlp.vocab.strings.add(w.lower()) for w in self.table.trail_words}
        self.date_needs = set(self.dates.needs_sentence_with)
        self.not_dating = frozenset(self.dates.not_from_rules)
        self.duration_needs = set(self.table.needs_sentence_with)
        self.not_after = {w.lower() for w in self.table.not_after}
        self.frequency_leads = {w.lower() for w in self.table.frequency_leads}
        self.status_words = {w.lower() for w in self.table.status_words}
        self.lead_fillers = {w.lower() for w in (*self.table.lead_words, *self.table.status_fillers)}
        self.ago_words = {w.lower() for w in self.table.ago_words}
        self.not_before = {w.lower() for w in self.table.not_before}
        self.point_words = {w.lower() for w in self.table.point_words}
        self.referring = {nlp.vocab.strings.add(w.lower()) for w in self.table.referring_words}
        self.determiners = {nlp.vocab.strings.add(w.lower()) for w in self.table.referring_determiners}
        self.other_senses = {
            nlp.vocab.strings.add(word.lower()): {nlp.vocab.strings.add(w.lower()) for w in before}
            for word, before in self.table.other_senses.items()
        }
        self.label_words = {nlp.vocab.strings.add(w.lower()) for w in self.table.label_words}
        # The acuity rules of words ("acute strain"), which _drop_past_acute reads against a dated injury.
        self.word_rules = {r.id for r in ruleset.facts["acuity"].rules} if "acuity" in ruleset.facts else set()
        skin = self.table.skin_sites
        self.skin_sites = {nlp.vocab.strings.add(w.lower()) for w in skin.sites} if skin else set()
        self.skin_findings = {nlp.vocab.strings.add(w.lower()) for w in skin.findings} if skin else set()
        self.skin_pains = {nlp.vocab.strings.add(w.lower()) for w in skin.pain_words} if skin else set()
        self.aside_words = {w.lower() for w in self.table.aside_words}
        self.aside_ends = {w.lower() for w in self.table.aside_end_words}
        self.visit_words = {w.lower() for w in self.table.visit_date_words}
        self.other_visit = {w.lower() for w in self.table.other_visit_words}
        self.event_sections = set(self.table.event_sections)
        self.recent_words = {w.lower() for w in self.table.recent_injury_words}
        self.result_verbs = {w.lower() for w in self.table.result_verbs}
        # the complaint's own words, whose age a parenthesis may give ("low back pain (onset 6 weeks ago)")
        self.heads = {w.lower() for w in (*self.table.sentence_words, *self.table.field_heads)}
        self.harmless = {w.lower() for w in self.table.harmless_injury_words}
        self.same_day_words = {w.lower() for w in self.table.same_day_injury_words}
        self.same_day_visit = {w.lower() for w in self.table.same_day_visit_words}
        self.recent_units = {w.lower() for w in self.table.recent_injury_units}
        self.not_scene = self.visit_words | self.other_visit | {w.lower() for w in self.table.not_scene_words}
        self.onset_leads = {w.lower() for w in self.table.onset_leads}

    def __call__(self, doc: Doc) -> Doc:
        found = sorted(self.matcher(doc), key=lambda m: (m[1], m[2], self.label_order[m[0]]))
        matches = [Span(doc, start, end, label=key) for key, start, end in found]
        if not matches:
            return doc
        sentences = SentenceStarts(doc)
        near = SentenceFacts(facts(doc), sentences)  # kept up to date with the facts written here
        kinds_in = near.kinds()  # the kinds before any duration or date is written
        dating_in = self._dating_kinds(doc, sentences, kinds_in)
        taken: list[Span] = []
        injuries: list[Span] = []
        for span in sorted(matches, key=lambda s: (s.start, -len(s))):
            if taken and span.start < taken[-1].end:
                continue
            kinds = kinds_in.get(sentences.of(span), set())
            if span.label_ == "duration":
                if self._duration(doc, span, kinds, near):
                    taken.append(span)
            elif dating_in.get(sentences.of(span), set()) & self.date_needs or self._sets_the_scene(
                doc, span, matches, sentences, dating_in
            ):
                near.add(add_fact(doc, span.start, span.end, kind="injury_date", value=span.text, rule_id="injury_date.phrase"))
                taken.append(span)
                injuries.append(span)
        for span in injuries:  # an injury of yesterday or three days ago: the complaint since is acute (C10)
            weeks = self._weeks_ago(span)
            if weeks is None or weeks >= self.table.acute_below_weeks:
                continue
            if not (self._visit_day(doc, span, sentences) or self._harmless(doc, span, sentences)):
                add_fact(doc, span.start, span.end, kind="acuity", value="acute", rule_id="acuity.recent_injury")
        dates = [span for span in matches if span.label_ == "date"]
        for span in dates:  # "radiculopathy, onset 01/30/2026": the complaint's own start against the visit
            if self._dates_onset(doc, span, kinds_in.get(sentences.of(span), set()), near):
                visit = visit_interval_weeks(doc, [span], dates, self.table, self.visit_words, self.other_visit)
                if visit:
                    add_fact(doc, span.start, span.end, kind="acuity", value=self._acuity(visit[1]), rule_id="acuity.onset_date")
        if injuries:  # the dates read only in a note with a dated injury
            if visit := visit_interval_weeks(doc, injuries, dates, self.table, self.visit_words, self.other_visit):
                span, weeks = visit
                add_fact(doc, span.start, span.end, kind="acuity", value=self._acuity(weeks), rule_id="acuity.date_interval")
                self._drop_past_acute(doc, injuries, span, sentences)
        return doc

    def _dates_onset(self, doc: Doc, span: Span, kinds: set[str], near: SentenceFacts) -> bool:
        """Whether a full date right after an onset lead ('onset', 'since') dates the onset of a spinal complaint its
        sentence names (a complaint word, or a fact of needs_sentence_with)."""
        if span.start == 0 or doc[span.start - 1].lower_ not in self.onset_leads:
            return False
        if any(t.lower_ in self.status_words for t in doc[max(span.start - 6, 0) : span.start - 1]):
            return False  # "off work on your advice since 08/28/2025": a status's start, as for durations
        if parse_date(span.text, self.table.months) is None:
            return False
        bounds = near.sentences.bounds(span.start)
        if kinds & self.duration_needs:
            return True
        return words_near(doc, span, bounds, self.sentence_words, None, skip=self._other_senses(doc, bounds))

    def _visit_day(self, doc: Doc, span: Span, sentences: SentenceStarts) -> bool:
        """Whether a same-day date ('today', 'this morning') dates the visit: a visit word stands before it in its
        sentence ('presents today after a fall', 'as of today')."""
        if span.text.lower() not in self.same_day_words:
            return False
        start = max(sentences.bounds(span.start)[0], span.start - self.table.same_day_window)
        return any(t.lower_ in self.same_day_visit for t in doc[start : span.start])

    def _harmless(self, doc: Doc, span: Span, sentences: SentenceStarts) -> bool:
        """'He reports a mild fall in the parking lot last week without new symptoms': the sentence says the injury
        did no harm, so its date gives the complaint no acuity."""
        start, end = sentences.bounds(span.start)
        words = [t.lower_ for t in doc[start:end]]
        return any(w == "without" and self.harmless & set(words[i + 1 : i + 4]) for i, w in enumerate(words))

    def _weeks_ago(self, span: Span) -> float | None:
        """How long ago a relative injury date lies, in weeks ('last night' 0, '3 days ago' 3/7, '3 weeks post
        injury' 3); None for a full date or a vaguer phrase ('last year', 'this spring')."""
        words = [t.lower_ for t in span]
        phrase = " ".join(words)
        if phrase in self.recent_words or phrase in self.same_day_words:
            return 0.0
        if len(words) < 3 or words[2] not in self.ago_words:
            return None  # a full date, or "last year"
        if words[1] in self.recent_units:
            return 0.0  # "about 3 hours ago"
        if words[1] not in self.table.units:
            return None
        count = _number(words[0], self.table.numbers)
        return None if count is None else count * self.table.units[words[1]]

    def _drop_past_acute(self, doc: Doc, injuries: list[Span], visit: Span, sentences: SentenceStarts) -> None:
        """'DIAGNOSES: Acute thoracic spine strain due to the accident occurring on <a date years before the visit>':
        an acute word in a sentence that dates its injury at least `acute_below_weeks` before the visit's date names
        the injury's state then, not the complaint's now (C10: an acuity word for a past event gives none)."""
        seen = parse_date(visit.text, self.table.months)
        if seen is None:
            return
        old = set()
        for injury in injuries:
            when = parse_date(injury.text, self.table.months)
            if when is not None and (seen - when).days / 7 >= self.table.acute_below_weeks:
                old.add(sentences.of(injury))
        if old:
            doc.spans[GROUP] = [
                s
                for s in facts(doc)
                if not (s.label_ == "acuity" and s.kb_id_ == "acute" and s.id_ in self.word_rules and sentences.of(s) in old)
            ]

    def _dating_kinds(self, doc: Doc, sentences: SentenceStarts, kinds_in: dict[int, set[str]]) -> dict[int, set[str]]:
        """The kinds per sentence that may date an injury: without the facts of `not_from_rules`."""
        if not self.not_dating or not any(span.id_ in self.not_dating for span in facts(doc)):
            return kinds_in
        return SentenceFacts([s for s in facts(doc) if s.id_ not in self.not_dating], sentences).kinds()

    def _sets_the_scene(
        self, doc: Doc, span: Span, matches: list[Span], sentences: SentenceStarts, kinds_in: dict[int, set[str]]
    ) -> bool:
        """'On November 16, 2004, she was walking to her car and stepped into a pothole. She fell backwards.': a full
        date in the sentence right before one that tells the traumatic event and holds no date of its own dates the
        event, unless its own sentence holds a word of a visit or a diagnosis ('He presented to my office the morning of
        April 3, 2007', 'December 11, 2000: He was seen at the clinic', 'diagnosed with Parkinson's disease in 9/1/95')."""
        if span.label_ != "date" or parse_date(span.text, self.table.months) is None:
            return False
        start, end = sentences.bounds(span.start)
        if end >= len(doc) or not kinds_in.get(end, set()) & self.date_needs:
            return False
        following = sentences.bounds(end)
        if any(following[0] <= m.start < following[1] for m in matches if m.label_ == "date"):
            return False
        return {t.lower_ for t in doc[start:end]}.isdisjoint(self.not_scene)

    def _acuity(self, weeks: float) -> str:
        if weeks < self.table.acute_below_weeks:
            return "acute"
        return "chronic" if weeks > self.table.chronic_above_weeks else "subacute"

    def _duration(self, doc: Doc, span: Span, kinds: set[str], near: SentenceFacts) -> bool:
        if self._ahead_or_age(doc, span) or self._past_event(doc, span) or self._dates_result(doc, span):
            return False
        apart = self.table.max_items_apart
        bounds = near.sentences.bounds(span.start)
        aside = self._asides(doc, span, bounds)  # neither its words nor its facts name the complaint
        if apart is not None or aside:
            kinds = near.kinds_near(span, sys.maxsize if apart is None else apart, skip=aside)
        skip = self._other_senses(doc, bounds)
        skip.update(aside)
        # Nor the duration's own trail word: "diabetes of 15 years duration" names no complaint ("Duration: 4
        # months", a template's label, still does).
        if lower_of(doc)[span.end - 1] in self.trail_words:
            skip.add(span.end - 1)
        if not (kinds & self.duration_needs) and not words_near(doc, span, bounds, self.sentence_words, apart, skip=skip):
            if not self._refers_back(doc, span, bounds, near):
                return False
        unit = next(t for t in reversed(span) if t.lower_ in self.table.units)
        count = 1.0
        ends: list[float] = []  # the numbers read so far: a range's lower end ("2-3 weeks", "two or three months")
        for token in span:
            value = _number(token.text, self.table.numbers)
            if value is None or token.i >= unit.i:
                continue
            # A duration may open the note: no word before its number ("3 weeks history of ...").
            previous = doc[token.i - 1].lower_ if token.i > 0 else ""
            if previous == "and":
                continue  # "one and a half years": the "a" of "and a half" is no count of its own
            # ... and the half adds to the whole before it ("one and a half", "2 1/2").
            halved = (previous == "a" and token.i >= 2 and doc[token.i - 2].lower_ == "and") or (
                bool(ends) and value < 1 and _FRACTION.match(token.text) is not None
            )
            # A range reads as its middle: "two or three months" is about ten weeks.
            ranged = previous in _RANGE_WORDS and bool(ends) and ends[-1] < value
            count = (ends[-1] + value) / 2 if ranged else count + value if halved else value
            ends.append(value)
        weeks = count * self.table.units[unit.lower_]
        # "more than 3 months" is past the 12-week edge, "less than 6 weeks" short of it.
        weeks += 0.01 * sum(self.table.comparative_words.get(t.lower_, 0) for t in span)
        value_name = self._acuity(weeks)
        near.add(add_fact(doc, span.start, span.end, kind="acuity", value=value_name, rule_id="acuity.duration"))
        return True

    def _refers_back(self, doc: Doc, span: Span, bounds: tuple[int, int], near: SentenceFacts) -> bool:
        """'She has been dealing with these symptoms for greater than three months': the sentence names its
        complaint by a referring phrase, and the sentence before it holds the complaint's words or facts."""
        if bounds[0] == 0 or not self.referring:
            return False
        lower = lower_of(doc)
        if not any(
            lower[i] in self.referring and lower[i - 1] in self.determiners for i in range(bounds[0] + 1, bounds[1])
        ):
            return False
        before = near.sentences.bounds(bounds[0] - 1)
        if near.kinds_at(before[0]) & self.duration_needs:
            return True
        return words_near(doc, span, before, self.sentence_words, None, skip=self._other_senses(doc, before))

    def _other_senses(self, doc: Doc, bounds: tuple[int, int]) -> set[int]:
        """The sentence words of doc[bounds] that name no spinal complaint there: those the word before gives
        another sense ('history dates back to six months', 'femoral neck'), label words in running text
        ('sudden onset of chest pain' against 'Onset: 3 weeks ago'), and skin sites in a sentence about a skin
        finding with no pain word ('a rash on her face, back and arms')."""
        lower = lower_of(doc)
        other = {
            i
            for i in range(max(bounds[0], 1), bounds[1])
            if lower[i] in self.other_senses and lower[i - 1] in self.other_senses[lower[i]]
        }
        other |= {i for i in range(*bounds) if lower[i] in self.label_words and not _is_label(doc, i)}
        words = set(lower[bounds[0] : bounds[1]])
        if not words.isdisjoint(self.skin_findings) and words.isdisjoint(self.skin_pains):
            other |= {i for i in range(*bounds) if lower[i] in self.skin_sites}
        return other

    def _asides(self, doc: Doc, span: Span, bounds: tuple[int, int]) -> range:
        """The tokens of a past-history aside after the duration, from 'history of' to the end of its list item:
        'dysphagia to solids over the past several years with a history of a bone spur in her cervical spine'
        dates the dysphagia, not the spine (C10). Right after the duration, 'history of' is its own trail ('for a 3
        week history of back pain'). Before the duration, a 'with (a) history of' aside on the subject runs to the
        predicate's verb (`aside_end_words`): 'a lady with history of chronic back pain and heart failure was
        diagnosed with pneumonia for 10 days' dates the pneumonia."""
        lower = [t.lower_ for t in doc[bounds[0] : span.start]]
        for i in range(1, len(lower) - 1):
            opened = lower[i - 1] == "with" or (i >= 2 and lower[i - 2 : i] == ["with", "a"])
            if lower[i] in self.aside_words and lower[i + 1] == "of" and opened:
                end = next((j for j in range(i + 2, len(lower)) if lower[j] in self.aside_ends), None)
                if end is not None:
                    return range(bounds[0] + i, bounds[0] + end)
        for i in range(span.end + 1, bounds[1] - 1):
            if doc[i].lower_ in self.aside_words and doc[i + 1].lower_ == "of":
                end = next((j for j in range(i + 2, bounds[1]) if doc[j].text in SEPARATORS), bounds[1])
                return range(i, end)
        return range(0)

    def _ahead_or_age(self, doc: Doc, span: Span) -> bool:
        """A time ahead ('see her back in 3 months'), an age ('for a 41-year-old'), a time from another event
        ('two weeks later') or the time of a status ('retired 7 years ago')."""
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        if after[:1] and after[0] in self.point_words and span[0].lower_ != "for" and span[-1].lower_ not in self.ago_words:
            return True  # "1 month after her stroke": a time from another event; "10 weeks ago after a move" is from now
        if self._after_status(doc, span.start):
            return True
        if span[0].lower_ in self.frequency_leads and span.start > 0 and doc[span.start - 1].like_num:
            return True  # "three times a day": how often, not how long
        if before == "(" and span.start > 1 and _FULL_DATE.match(doc[span.start - 2].text):
            return True  # "an SI joint injection on 03/11/2025 (6 weeks ago)": the date's age, dating what the date does
        if before == "(" and span.start > 1 and self._ago(doc, span) and doc[span.start - 2].lower_ not in self.heads:
            return True  # "s/p C5-6 ACDF (6 weeks ago)": the age of the operation or study before it, not a course
        return before in self.not_after or any(word in self.not_before for word in after)

    def _ago(self, doc: Doc, span: Span) -> bool:
        """Whether the duration is a time 'ago' (the word in the span or right after it)."""
        return span[-1].lower_ in self.ago_words or (span.end < len(doc) and doc[span.end].lower_ in self.ago_words)

    def _past_event(self, doc: Doc, span: Span) -> bool:
        """'PAST SURGICAL HISTORY: ... bypass about eight years ago': a time 'ago' in a past history section dates
        an event of that history, not the complaint's course."""
        return self._ago(doc, span) and section_category(span) in self.event_sections

    def _dates_result(self, doc: Doc, span: Span) -> bool:
        """'CT-guided biopsy of the sacral lesion 3 weeks ago confirmed metastatic carcinoma': a time 'ago' right
        before a result verb dates the study or the procedure that found it."""
        if not self._ago(doc, span):
            return False
        end = span.end if span[-1].lower_ in self.ago_words else span.end + 1  # past the "ago"
        return end < len(doc) and doc[end].lower_ in self.result_verbs

    def _after_status(self, doc: Doc, start: int) -> bool:
        """'retired 7 years ago', 'on medical leave for the last 2 months': the duration, with its lead words
        ('for the last', 'about'), follows a status word and dates the status, not the complaint."""
        i = start - 1
        while i >= 0 and doc[i].lower_ in self.lead_fillers:
            i -= 1
        return i >= 0 and doc[i].lower_ in self.status_words


@Language.factory("notecheck_durations_v1", default_config={"patterns_dir": None})
def make_durations(nlp: Language, name: str, patterns_dir: str | None) -> TimeExpressions:
    """Factory: durations and injury dates."""
    return TimeExpressions(nlp, load_ruleset(Path(patterns_dir) if patterns_dir else None), name=name)
