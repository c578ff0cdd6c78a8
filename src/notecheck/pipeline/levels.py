"""Region from vertebral levels: a small grammar of levels and ranges mapped onto ICD-10-CM's region axis.

Grammar (tables in patterns/facts/levels.yaml):
    level   := COLUMN NUMBER            C1..C7, T1..T12, L1..L5, S1..S5 ("L 4" and "L-4" too)
    (a segment run together, "L45", "L5S1", "C56", is read as L4-5, L5-S1, C5-6)
    segment := level SEP [COLUMN] NUMBER   L4-5, L4-L5, L5-S1, C7/T1, L3 through S1
    list    := level (JOIN level)+         L4, L5 and S1; L4/L5/S1; L5 over S1 (consecutive vertebrae)
A single level takes its vertebra's region. Two adjacent vertebrae form a motion segment, which takes the
junction region where the tables give one (L5-S1 lumbosacral) and else its vertebrae's region. A longer
range is the motion segments it spans (L3 through S1: L3-4, L4-5, L5-S1), or, in a sentence that places the
condition in the vertebrae (fractures T12-L2), every vertebra's region and every junction crossed; a list of
consecutive vertebrae reads as the range between its ends. A single vertebra named as a part of a segment that
the note names ("S1 nerve root" beside L5-S1) takes that segment's region (C18).
"""

import re
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from notecheck.pipeline.spans import (
    EXTENT_RULE,
    GROUP,
    SentenceStarts,
    add_fact,
    doc_text,
    facts,
    holds_phrase,
    lower_of,
    phrase_ids,
    words_of,
)
from notecheck.ruleset import Ruleset, load_ruleset
from notecheck.ruleset.models import LevelGrammar

_COLUMNS = "CTLS"
_RANGE_WORD = re.compile(r"\s(?:through|thru|to)\s", re.I)
_CONTEXT_WINDOW = 40  # characters around an S-level (heart sounds) or T3/T4 (thyroid words) searched
_LANDMARK_WINDOW = 60  # characters before a level, in its sentence, searched for a landmark's words
_PART_WINDOW = 60  # characters before a level, in its sentence, searched for a segment part ("lamina of L4, L5 and")


# The words between two vertebrae each named by a part of it: "L3 to the superior half of S1". The part's words come
# before the first ("from the inferior half of L3"): LevelGrammarComponent.part_of_before.
_PART_OF = r"(?:superior|inferior|upper|lower|cephalad|caudal)\s+(?:half|aspect|portion|part|edge|border|third|end)\s+of"
_WORDED_RANGE = re.compile(rf"\s+(?:down\s+|up\s+)?(?:to|through)\s+(?:the\s+)?{_PART_OF}\s+(?:the\s+)?", re.I)
_CLAUSE_END = re.compile(r"\.(?:\s|$)|\n")  # a sentence's full stop or a line's end


class _Place(NamedTuple):
    """Where a level, a range or a list of levels stands in the text (read like a regex match's start and end)."""

    first: int
    final: int
    listed: bool = False  # a list of single vertebrae ("L4, L5 and S1"), not a level, a range or segments

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.final


class LevelTable:
    """Vertebrae in order, with the region of each and of each junction."""

    def __init__(self, grammar: LevelGrammar) -> None:
        self.order: list[str] = [f"{c}{n}" for c in _COLUMNS for n in range(1, grammar.vertebrae[c] + 1)]  # type: ignore[index]
        self.index = {name: i for i, name in enumerate(self.order)}
        self.region: dict[str, str] = {}
        for block in grammar.vertebra_regions:
            for name in self.order[self.index[block.start] : self.index[block.end] + 1]:
                self.region[name] = block.region
        self.junction = {(j.upper, j.lower): j.region for j in grammar.junctions}
        # A junction segment's region (L5-S1 lumbosacral) -> its vertebrae's regions (lumbar, sacral).
        self.junction_holds: dict[str, set[str]] = {}
        for (upper, lower), region in self.junction.items():
            held = {self.region[upper], self.region[lower]}
            if region not in held:
                self.junction_holds.setdefault(region, set()).update(held)

    def regions(self, first: str, last: str, *, by_vertebra: bool = False) -> list[str]:
        """Regions of a level (first == last), a motion segment or a longer range, in spinal order: a range's
        segments, or with `by_vertebra` (a condition in the vertebrae themselves) every vertebra's region and
        every junction it crosses."""
        lo, hi = sorted((self.index[first], self.index[last]))
        names = self.order[lo : hi + 1]
        if len(names) == 1:
            return [self.region[first]]
        pairs = list(zip(names, names[1:]))
        if by_vertebra:  # each vertebra's region, after the junction crossed to reach it
            found = [self.region[names[0]]]
            for upper, lower in pairs:
                found += [r for r in (self.junction.get((upper, lower)), self.region[lower]) if r]
        else:
            found = [self.junction.get((upper, lower), self.region[upper]) for upper, lower in pairs]
        return list(dict.fromkeys(found))  # each region once, in spinal order

    def segments_holding(self, vertebra: str, segments: dict[tuple[str, str], None]) -> list[str]:
        """Regions of the motion segments (upper, lower) among `segments` (in note order) that hold `vertebra`."""
        held = [self.regions(upper, lower) for upper, lower in segments if vertebra in (upper, lower)]
        return list(dict.fromkeys(region for regions in held for region in regions))

    def bordering(self, vertebra: str, ranges: dict[tuple[str, str], None]) -> list[str]:
        """Regions of the motion segments that join `vertebra` to the end of a segment or range among `ranges` it lies
        just outside of ('the C2 lamina' beside a C3-C7 laminectomy is at C2-3); none if a range holds it."""
        at = self.index[vertebra]
        spans = [sorted((self.index[first], self.index[last])) for first, last in ranges]
        if any(lo <= at <= hi for lo, hi in spans):
            return []
        joined: list[str] = []
        for lo, hi in spans:
            if lo == at + 1:
                joined += self.regions(vertebra, self.order[lo])
            elif hi == at - 1:
                joined += self.regions(self.order[hi], vertebra)
        return list(dict.fromkeys(joined))


class LevelGrammarComponent:
    """Finds vertebral levels and ranges in the text and writes one region fact per region."""

    def __init__(self, ruleset: Ruleset, *, name: str = "levels") -> None:
        self.name = name
        grammar = ruleset.levels
        self.table = LevelTable(grammar)
        seps = "|".join(re.escape(w) for w in sorted(grammar.range_words, key=len, reverse=True))
        self.pattern = re.compile(
            # no leading zero: "C02" is CO2. A lower-case c or l right before its number is a level typed so ("bilateral
            # l5 spondylolysis", "C3-c4"); not s or t, nor after an apostrophe ("Gleason's 3", "the patient's 3.5 tube").
            rf"(?<![A-Za-z0-9'’])(?P<c1>[{_COLUMNS}]|[cl](?=[1-9]))[- ]?(?P<n1>[1-9]\d?)"
            rf"(?:(?:\s*(?:{seps})\s*|(?=[{_COLUMNS}][1-9]))(?P<c2>[{_COLUMNS}]|[cl](?=[1-9]))?[- ]?(?P<n2>[1-9]\d?))?"
            # nor a code or a measure with a decimal part: "S23.3XXA" (an ICD-10-CM code), "T36.6" (a temperature)
            r"(?![A-Za-z0-9])(?!\.\d)"
        )
        # "T1 and T2 weighted", "T1, T2 and STIR", "T1- and T2-weighted": levels listed together before the disqualifying
        # word; "T3/Nx/Mx" a
        # tumour's stage.
        self.not_followed = re.compile(
            rf"(?:\s*-?\s*(?:and|or|/|,)\s*[{_COLUMNS}]\d{{1,2}})*\s*(?:and|or|,|/)?\s*-?\s*(?:"
            + "|".join(re.escape(w) for w in grammar.not_followed_by)
            + r")\b",
            re.I,
        )
        self.heart = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in grammar.heart_sound_words) + r")\b", re.I)
        # Around a range only the words, not the sounds' own names: "S2-S3 ... the healed S2 fracture" is sacral.
        self.heart_words = _any_word([w for w in grammar.heart_sound_words if not re.fullmatch(r"S\d", w)])
        self.aliases = dict(grammar.root_aliases)
        self.weightings = set(grammar.weighting_levels)
        self.weighting_lead = _words_right_before(grammar.weighting_leads, listed=grammar.weighting_levels)
        self.analytes = set(grammar.analyte_levels)
        self.analyte = _any_word(grammar.analyte_words)
        self.sensory_lead = _words_at_end(grammar.sensory_leads, hedges=grammar.level_hedges)
        self.sensory = _any_word(grammar.sensory_words)
        self.hedged_lead = _words_at_end(grammar.extent_leads, hedges=grammar.level_hedges, hedged=True)
        self.range_lead = _words_at_end(grammar.sensory_range_leads)
        self.range_words = _any_word([w for w in grammar.range_words if w.isalpha()])
        self.sensory_level = _any_word(grammar.sensory_level_words)
        self.landmark = _any_word(grammar.landmark_words)
        self.reflex = _any_word(grammar.reflex_words)
        grades = "|".join(f"(?:{g})" for g in grammar.reflex_grades)
        self.reflex_grade = re.compile(rf"\s*[:=]?\s*(?:{grades})") if grades else None
        self.skin = _any_word(grammar.skin_words)
        nouns = "|".join(re.escape(w) for w in grammar.coverage_nouns)
        verbs = "|".join(re.escape(w) for w in grammar.coverage_verbs)
        # "<scan noun> ... <verb> from" and at most a few words (no sentence or clause end) up to the level
        self.coverage = (
            re.compile(
                # "images from the skull base through T2", "axial images from T12 through S1": the noun right before
                rf"(?:\b(?:{nouns})\b.*\b(?:{verbs})\s+from\b[^.;:]{{0,30}}"
                rf"|\b(?:{nouns})\s+from\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}(?:(?:through|thru|to)\s+)?"
                # ... and the levels of the same coverage after its first ("images from C2-C3 through T1 and from
                # T11-T12 through S1"): only levels and the words that join them stand between
                rf"|\b(?:{nouns})\s+from\s+(?:(?:[{_COLUMNS}]\d{{1,2}}(?:-[{_COLUMNS}]?\d{{1,2}})?|through|thru|to|and|from),?\s+){{1,8}})$",
                re.I | re.S,
            )
            if nouns and verbs
            else None
        )
        self.study = _any_word(grammar.coverage_nouns)
        # "axial images T8 through L2": the range's first level right after the noun (a range word after it), or its
        # last level after the noun, a level and a range word
        runs = "|".join(re.escape(w) for w in grammar.coverage_run_nouns)
        level = rf"[{_COLUMNS}]\d{{1,2}}(?:-[{_COLUMNS}]?\d{{1,2}})?"
        self.run_first = re.compile(rf"\b(?:{runs})\s+$", re.I) if runs else None
        self.run_last = re.compile(rf"\b(?:{runs})\s+{level}\s+(?:through|thru|to)\s+$", re.I) if runs else None
        self.run_after = re.compile(rf"\s+(?:through|thru|to)\s+{level}\b", re.I)
        self.part_of_before = re.compile(rf"\bfrom\s+(?:the\s+)?(?:level\s+of\s+the\s+)?{_PART_OF}\s+(?:the\s+)?$", re.I)
        # the procedures as LOWER ids of their words, looked up in the Doc's (a regex over the whole note costs more)
        self.procedures = [phrase_ids(p) for p in grammar.landmark_procedures]
        # ... and each word's spellings as ORTH ids (lower, Title, UPPER), tested first against the matchers' word set
        self.procedure_spellings = [
            [{get_string_id(w), get_string_id(w.title()), get_string_id(w.upper())} for w in p.lower().split()]
            for p in grammar.landmark_procedures
        ]
        self.placement = _any_word(grammar.placement_words)
        self.procedure_words = _any_word(grammar.landmark_procedures) if grammar.procedure_access else None
        self.grade_marks = tuple(grammar.grade_marks)
        self.vertebra_words = _any_word(grammar.vertebra_words)
        self.body_words = _any_word(grammar.body_words)
        self.disc_words = _any_word(grammar.disc_words)
        self.work_words = _any_word(grammar.segment_work_words)
        self.junction_heads = {w.lower() for w in grammar.junction_adjective_heads}
        # The spine's own conditions, operations and parts: a sentence naming one is about the spine, not a vessel.
        self.spinal_words = _any_word(grammar.junction_adjective_heads + grammar.segment_parts)
        joins = "|".join(re.escape(w) for w in sorted(grammar.list_words, key=len, reverse=True))
        self.joiner = re.compile(rf"\s*(?:,\s*(?:(?:{joins})\s*)?|(?:{joins})\s*)" if joins else r"\s*,\s*")
        listed = rf"[{_COLUMNS}]-?\d{{1,2}}"
        joined = r"\s*(?:,\s*(?:and\s+|or\s+|&\s*)?|and\s+|or\s+|&\s*)"  # ", ", " and ", ", and "
        dermatomes = "|".join(re.escape(w) for w in grammar.dermatome_words)  # "L4 and S1 dermatomes" too
        self.dermatome = re.compile(rf"(?:{joined}{listed})*\s*(?:{dermatomes})\b", re.I) if dermatomes else None
        maps = "|".join(re.escape(w) for w in grammar.map_words)
        # "dermatomes C5-T1", "myotomes L2, L3 and S1": the map's word, then any levels before this one (a range, a list)
        level_run = rf"(?:{listed}(?:-[{_COLUMNS}]?\d{{1,2}})?(?:{joined}|\s*(?:-|to|through|thru)\s*))*"
        fillers = "".join(rf"(?:{re.escape(w)}\s+)?" for w in grammar.map_fillers)  # in the list's order
        self.map_before = re.compile(rf"\b(?:{maps})\s+(?:of\s+)?{fillers}{level_run}$", re.I) if maps else None
        self.part_after, self.part_before = _part_patterns(grammar.segment_parts, listed, joined)
        # "At the T12-L1 and L1-2 levels, there is no ...", "T12-L1, L1-2: There is normal disc height ...": the levels
        # (a list too), a level noun, a colon or a comma, then a negative or normal opener.
        openers = "|".join(re.escape(w) for w in grammar.negative_clause_openers)
        nouns = "|".join(re.escape(w) for w in ["levels", "level", *grammar.disc_words])
        # ... or a clause with no mark before its denial: "From C2-3 through C7-T1 there is no disc herniation".
        self.negative_clause = (
            re.compile(rf"(?:(?:{joined}|\s+(?:to|through|thru)\s+){listed}(?:-[{_COLUMNS}]?\d{{1,2}})?)*\s*(?:(?:{nouns})\s*)?"
                       rf"(?:[:,]\s*(?:{openers})|\s+there\s+(?:is|are|was|were)\s+no)\b", re.I)
            if openers
            else None
        )
        self.clause_contrast = _any_word(grammar.negative_clause_contrasts)
        self.edge_after, self.edge_before = _part_patterns(grammar.edge_parts, listed, joined)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        guided: bool | None = None  # the note names a landmark procedure: decided at its first level
        levels = []  # read first: a vertebra named as a segment's part needs the note's segments
        for match in self.pattern.finditer(text):
            column = match["c1"].upper()
            first = f"{column}{int(match['n1'])}"
            last = f"{(match['c2'] or column).upper()}{int(match['n2'])}" if match["n2"] else first
            if first == last and first not in self.table.index:
                first, last = _run_together(column, match["n1"], first)  # "L45" is L4-5, "C56" C5-6
            if self.aliases and not match[0][1:2].isspace():  # "C8 root" as C7; not a "circle-C 8-inch catheter"
                first, last = self.aliases.get(first, first), self.aliases.get(last, last)
            if first in self.table.index and last in self.table.index and not self._not_a_level(text, match, first, last):
                levels.append((match, first, last))
        index = self.table.index
        # In note order (a dict, not a set), so a vertebra's segment regions come out in the same order every run.
        segments = dict.fromkeys((first, last) for _, first, last in levels if abs(index[first] - index[last]) == 1)
        ranges = dict.fromkeys((first, last) for _, first, last in levels if first != last)
        found: dict[int, set[str]] = {}  # sentence start -> the regions its levels gave
        vessel_end = -1  # the end of the last sentence whose level placed a vessel
        for where, first, last in self._lists(text, levels):
            span = doc.char_span(where.start(), where.end(), alignment_mode="expand")
            if span is None:
                continue
            sentence = span.sent  # spaCy walks the tokens for it on every read
            if self._places_vessel(text, sentence.start_char, where):
                vessel_end = sentence.end_char
                continue
            if self._continues_vessel(text, vessel_end, sentence.start_char, sentence.end_char):
                continue  # "... the vertebral artery from C2. There is narrowing of its horizontal portion above C1."
            if self._sensory_extent(text, text[sentence.start_char : where.start()], where):
                for region in self.table.regions(first, last):  # the deficit's spinal type, not its place (C5)
                    add_fact(doc, span.start, span.end, kind="region", value=region, rule_id=f"{EXTENT_RULE}.{region}")
                continue
            if self._not_the_condition(text, sentence.start_char, sentence.end_char, where):
                continue
            if guided is None:
                guided = self._names_landmark_procedure(doc)
            if guided and self.placement.search(text, sentence.start_char, sentence.end_char):  # type: ignore[union-attr]
                continue  # the needle's landmark in a sympathetic block or a lumbar puncture
            if guided and self._procedure_access(text, sentence.start_char, sentence.end_char, where):
                continue  # "Lumbar puncture at L3-4", "under spinal anesthesia (single shot at L3-4)"
            # A range over more than a segment, or a list of vertebrae, may name the vertebrae themselves; not
            # in the work of an operation ("screws in the bodies of C5 and C6", "a fractured plate from T11 to S1").
            spans_range = abs(index[first] - index[last]) > 1 or where.listed
            in_vertebrae = spans_range and self._in_vertebrae(text, sentence.start_char, sentence.end_char)
            regions = self.table.regions(first, last, by_vertebra=in_vertebrae)
            if first == last and ranges and self._segment_part(text, sentence.start_char, sentence.end_char, where):
                held = self.table.segments_holding(first, segments)
                if not held and _names_part(self.edge_after, self.edge_before, text, sentence.start_char, where):
                    held = self.table.bordering(first, ranges)
                if held and regions[0] not in held:
                    regions = held  # "S1 nerve root" beside L5-S1: the segment's, not the sacrum's; "C2 lamina" at C2-3
            for region in regions:
                add_fact(doc, span.start, span.end, kind="region", value=region, rule_id=f"levels.{region}")
            found.setdefault(sentence.start, set()).update(regions)
        self._drop_region_words(doc, found)
        if guided is None:
            guided = self._names_landmark_procedure(doc)
        if guided:
            self._drop_placement_words(doc, text)
        return doc

    def _drop_placement_words(self, doc: Doc, text: str) -> None:
        """Drop a region word's fact ('the cervical spine in a slightly extended position on a fluoroscopy table',
        'contrast flows over the cervical vertebral bodies') in a sentence about the needle's placement, in a note that
        names a procedure aimed beside the spine: a landmark, like the levels there (C4, C6)."""
        sentences = SentenceStarts(doc)
        group = facts(doc)
        kept = []
        for span in group:
            if span.label_ == "region" and not span.id_.startswith("levels."):
                sentence = doc[slice(*sentences.bounds(span.start))]
                first, last = sentence.start_char, sentence.end_char
                placed = self.placement and self.placement.search(text, first, last)
                if placed and not (self.study and self.study.search(text, first, last)):
                    continue  # not a study's report ("the MRI of the lumbar spine with and without contrast")
            kept.append(span)
        if len(kept) < len(group):
            doc.spans[GROUP] = kept

    def _drop_region_words(self, doc: Doc, found: dict[int, set[str]]) -> None:
        """Drop the region words that a sentence's levels say name no place of the condition (`_junction_adjective`,
        `_covering_junction`, and a study's region word its levels leave empty: `_placed`), in one pass over the
        facts."""
        if not found:
            return
        sentences = SentenceStarts(doc)
        spans = list(facts(doc))
        words = [  # (index, sentence start) of each region word's fact
            (i, sentences.of(span))
            for i, span in enumerate(spans)
            if span.label_ == "region" and not span.id_.startswith("levels.")
        ]
        if not words:
            return
        studies = {sentences.of(span) for span in spans if span.label_ == "imaging"}
        named: dict[int, set[str]] = {}
        for i, start in words:
            named.setdefault(start, set()).add(spans[i].kb_id_)
        dropped = {
            i
            for i, start in words
            if start in found
            and (
                self._junction_adjective(spans[i], found[start])
                or self._covering_junction(spans[i], found[start])
                or (start in studies and len(named[start]) > 1 and not self._placed(spans[i].kb_id_, found[start]))
            )
        }
        if dropped:
            doc.spans[GROUP] = [span for i, span in enumerate(spans) if i not in dropped]

    def _junction_adjective(self, span: Span, levels: set[str]) -> bool:
        """A region adjective ('lumbar discectomy') in a sentence whose levels are all junction segments holding its
        region ('L5-S1'): the adjective names that segment (C18)."""
        holds = self.table.junction_holds
        if not levels <= holds.keys() or not self.junction_heads or span[-1].lower_ not in self.junction_heads:
            return False
        return span.kb_id_ in set().union(*(holds[region] for region in levels))

    def _covering_junction(self, span: Span, levels: set[str]) -> bool:
        """A junction spine ('x-ray of the lumbosacral spine shows an L1 compression fracture', 'spondylolisthesis of
        the lumbosacral spine at L4-L5') in a sentence whose levels all lie in the regions the junction joins, none at
        the junction: the words name the stretch studied or the spine as a whole, the levels place the condition
        (C28). Not the junction's own parts ('the lumbosacral disc space', 'a cervicothoracic syrinx')."""
        holds = self.table.junction_holds
        if span.kb_id_ not in holds or not levels or not levels.isdisjoint(holds):
            return False
        return span[-1].lower_ in ("spine", "spines") and levels <= holds[span.kb_id_]

    def _placed(self, region: str, levels: set[str]) -> bool:
        """Whether a study's region word holds one of its sentence's levels, or joins one at a junction: else the
        region was only looked at ('CT of the thoracic and lumbar spine showed an acute T12 compression fracture':
        the lumbar spine, C6)."""
        holds = self.table.junction_holds
        joined = {held for level in levels for held in holds.get(level, ())}
        return region in levels or region in joined or bool(holds.get(region, set()) & levels)

    def _lists(self, text: str, levels: list[tuple[re.Match[str], str, str]]) -> list[tuple[_Place, str, str]]:
        """The levels with each list of consecutive vertebrae made one range: "L4, L5 and S1", "L4/L5/S1",
        "S1 and L5", "L5 over S1" (a listhesis) span the motion segments between their ends, like "L4 through
        S1" (C18). A list that skips a vertebra ("C5 and C7") stays separate levels, and so do segments
        ("L4-5 and L5-S1": each is its own already)."""
        merged: list[tuple[_Place, str, str]] = []
        index = self.table.index
        for match, first, last in levels:
            if merged and first == last:
                previous, start, end = merged[-1]
                step, next_step = index[end] - index[start], index[first] - index[end]
                joined = self.joiner.fullmatch(text, previous.end(), match.start())
                if abs(next_step) == 1 and step * next_step >= 0 and joined:
                    merged[-1] = (_Place(previous.start(), match.end(), listed=True), start, last)
                    continue
                if start == end and index[first] > index[end] and self._worded_range(text, previous, match.start()):
                    merged[-1] = (_Place(previous.start(), match.end()), start, last)
                    continue
            merged.append((_Place(match.start(), match.end()), first, last))
        return merged

    def _worded_range(self, text: str, previous: _Place, next_start: int) -> bool:
        """Whether two vertebrae, each named by a part of it, make a range: 'from the inferior half of L3 to the
        superior half of S1' is L3 through S1, the operation's work on the segments between (C18)."""
        return bool(
            self.part_of_before
            and self.part_of_before.search(text, max(0, previous.start() - _PART_WINDOW), previous.start())
            and _WORDED_RANGE.fullmatch(text, previous.end(), next_start)
        )

    def _names_work(self, text: str, sentence_start: int, sentence_end: int) -> bool:
        """Whether the sentence names an operation's work on a segment (screws, plate, fusion, dissection)."""
        return bool(self.work_words and self.work_words.search(text, sentence_start, sentence_end))

    def _in_vertebrae(self, text: str, sentence_start: int, sentence_end: int) -> bool:
        """Whether a sentence places its condition in the vertebrae themselves, not in an operation's work."""
        named = bool(self.vertebra_words and self.vertebra_words.search(text, sentence_start, sentence_end))
        if not named and self.body_words and self.body_words.search(text, sentence_start, sentence_end):
            named = not (self.disc_words and self.disc_words.search(text, sentence_start, sentence_end))
        if not named:
            return False
        return not self._names_work(text, sentence_start, sentence_end)

    def _segment_part(self, text: str, sentence_start: int, sentence_end: int, match: _Place) -> bool:
        """Whether the level names a part of a motion segment ('S1 nerve root', 'lamina at L5 and S1') or stands
        in a sentence about an operation's work on one ('two screws in the body of T1')."""
        if self._names_work(text, sentence_start, sentence_end):
            return True
        return _names_part(self.part_after, self.part_before, text, sentence_start, match)

    def _procedure_access(self, text: str, sentence_start: int, sentence_end: int, match: _Place) -> bool:
        """Whether the level follows a landmark procedure's name in a sentence that names no part, condition or
        operation of the spine: the procedure's access route (C4)."""
        if self.procedure_words is None or not self.procedure_words.search(text, sentence_start, match.start()):
            return False
        work = self.work_words and self.work_words.search(text, sentence_start, sentence_end)
        return not (work or self._names_spine(text, sentence_start, sentence_end))

    def _names_landmark_procedure(self, doc: Doc) -> bool:
        """Whether the note names a procedure aimed beside the spine (its words in a row, in any case)."""
        if not self.procedures or self.placement is None:
            return False
        present = words_of(doc)[1]
        return any(
            all(not spellings.isdisjoint(present) for spellings in words) and holds_phrase(lower_of(doc), phrase)
            for words, phrase in zip(self.procedure_spellings, self.procedures, strict=True)
        )

    def _not_a_level(self, text: str, match: re.Match[str], first: str, last: str) -> bool:
        if self.not_followed.match(text, match.end()) or text.startswith(self.grade_marks, match.end()):
            return True  # "T2 signal", "reflexes R 1+, L 2+"
        if first in self.weightings and last in self.weightings and self.weighting_lead:
            if self.weighting_lead.search(text, max(0, match.start() - _CONTEXT_WINDOW), match.start()):
                return True  # "decreased T1 and increased T2 signal": an MRI weighting
        if first != last:  # heart sounds and analytes come as a range too: "normal S1-S2", "low C3/C4"
            if first[0] == last[0] == "S":
                words = self.heart_words
            else:
                words = self.analyte if first in self.analytes and last in self.analytes else None
        else:
            words = self.heart if first[0] == "S" else self.analyte if first in self.analytes else None
        if words is None:
            return False
        window = text[max(0, match.start() - _CONTEXT_WINDOW) : match.end() + _CONTEXT_WINDOW]
        return bool(words.search(window))

    def _places_vessel(self, text: str, sentence_start: int, match: _Place) -> bool:
        """Whether a vessel's word stands shortly before the level in its sentence ('vertebral artery ... from C2')."""
        return bool(self.landmark and self.landmark.search(text, max(sentence_start, match.start() - _LANDMARK_WINDOW),
                                                           match.start()))

    def _continues_vessel(self, text: str, vessel_end: int, sentence_start: int, sentence_end: int) -> bool:
        """Whether the sentence follows right on one whose level placed a vessel and names no part, condition or
        operation of the spine itself (disc, vertebra, fracture, stenosis, root, fusion): it goes on describing the
        vessel (C6)."""
        if vessel_end < 0 or vessel_end > sentence_start or text[vessel_end:sentence_start].strip():
            return False
        return not self._names_spine(text, sentence_start, sentence_end)

    def _names_spine(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] names a part or condition of the spine itself (a disc, a vertebra or its body, a
        fracture, stenosis, a root, a fusion)."""
        spinal = (self.vertebra_words, self.disc_words, self.body_words, self.spinal_words)
        return any(words and words.search(text, start, end) for words in spinal)

    def _not_the_condition(self, text: str, sentence_start: int, sentence_end: int, match: _Place) -> bool:
        """A clause that finds nothing at the level ('L1-2: There is no ...'), a reflex graded normal, a study's
        coverage ('scans were performed from L1 to S2') or a skin landmark ('a healed scar from T12 to L1'); a vessel's
        and a sensory extent are read before it."""
        before = text[sentence_start : match.start()]
        if self._negative_clause(text, match):
            return True
        if self.reflex and self.reflex_grade and self.reflex_grade.match(text, match.end()) and self.reflex.search(before):
            return True  # "Reflexes: ... S1 +2/2": a reflex graded normal
        if self.coverage and self.coverage.search(before):
            return True  # "CT was performed from T12-L1 to the S1 level": the study's coverage
        if self.run_first and self.run_first.search(before):
            if _RANGE_WORD.search(text, match.start(), match.end()) or self.run_after.match(text, match.end()):
                return True  # "axial images T8 through L2": the images' range (read whole, or its first level)
        if self.run_last and self.run_last.search(before):
            return True  # ... and its last level
        return bool(
            self.skin
            and self.skin.search(before[-_LANDMARK_WINDOW:])
            and not self._names_work(text, sentence_start, sentence_end)
        )

    def _negative_clause(self, text: str, match: _Place) -> bool:
        """Whether the level opens a clause that finds nothing there ('At the T12-L1 and L1-2 levels, there is no
        evidence of herniation', 'L1-2, L2-3: There is normal disc height with no bulging'): a negative study of the
        level (C6). Not when the clause turns to a finding ('there is no stenosis, but a small protrusion')."""
        opened = self.negative_clause and self.negative_clause.match(text, match.end())
        if not opened:
            return False
        found = _CLAUSE_END.search(text, opened.end())
        end = found.start() if found else len(text)
        return not (self.clause_contrast and self.clause_contrast.search(text, opened.end(), end))

    def _sensory_extent(self, text: str, before: str, match: _Place) -> bool:
        """Whether the level gives the extent of a sensory finding, not the lesion's segment (C5): a dermatome ('S1
        dermatome', 'decreased in the L4-L5 distribution'), a sensory level ('a sensory level to light touch at
        approximately T7 and T9') or a sensory boundary ('reduced pinprick below T8', 'sensory loss from L4 to S1',
        'below approximately T6')."""
        if self.dermatome and self.dermatome.match(text, match.end()):
            return True
        if self.map_before and self.map_before.search(before):
            return True  # "dermatomes C5-T1 intact", "Myotomes L2-S1 5/5"
        if self.hedged_lead and self.hedged_lead.search(before):
            return True
        if not (self.sensory and self.sensory.search(before)):
            return False
        if self.sensory_lead and self.sensory_lead.search(before):
            return True
        if self.range_lead and self.range_words and self.range_lead.search(before):
            if self.range_words.search(text, match.start(), match.end()):
                return True  # "sensory loss from L4 to S1": a range told in words, not "numbness from L4-5 stenosis"
        levels = self.sensory_level and list(self.sensory_level.finditer(before))
        if not levels:
            return False
        between = before[levels[-1].end() :]  # nothing of the spine itself between "sensory level" and the level
        spinal = (self.vertebra_words, self.disc_words, self.spinal_words)
        return not any(words and words.search(between) for words in spinal)


def _run_together(column: str, number: str, level: str) -> tuple[str, str]:
    """A segment written with no separator ('L45', 'C56': two consecutive digits that name no vertebra) as its two
    vertebrae; any other number stays as it is (and names no level)."""
    if len(number) == 2 and int(number[1]) == int(number[0]) + 1:
        return f"{column}{number[0]}", f"{column}{number[1]}"
    return level, level


def _part_patterns(parts: list[str], listed: str, joined: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The part word right after a level or a list of levels ('L5 and S1 nerve roots'), and right before one with 'of'
    or 'at' ('lamina at L5 and S1'), as two regular expressions; None without parts."""
    if not parts:
        return None, None
    words = "|".join(re.escape(w) for w in sorted(parts, key=len, reverse=True))
    after = re.compile(rf"(?:{joined}{listed})*\s+(?:{words})\b", re.I)
    before = re.compile(
        rf"\b(?:{words})\s+(?:of|at)\s+(?:the\s+)?(?:(?:left|right|bilateral)\s+)?(?:{listed}{joined})*$", re.I
    )
    return after, before


def _names_part(
    after: re.Pattern[str] | None, before: re.Pattern[str] | None, text: str, sentence_start: int, match: _Place
) -> bool:
    """Whether a part word stands right after the level or right before it (within its sentence)."""
    if after is None or before is None:
        return False
    if after.match(text, match.end()):
        return True
    return bool(before.search(text[max(sentence_start, match.start() - _PART_WINDOW) : match.start()]))


def _any_word(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _words_at_end(words: list[str], *, hedges: list[str] | None = None, hedged: bool = False) -> re.Pattern[str] | None:
    """One of the words right before the level (an article between is allowed, and one of `hedges`: 'below
    approximately'); with `hedged`, only when a hedge stands between."""
    if not words:
        return None
    hedge = "|".join(re.escape(w) for w in hedges or [])
    between = rf"(?:(?:{hedge})\s+)" + ("" if hedged else "?") if hedge else ("(?!)" if hedged else "")
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + rf")\s+(?:the\s+)?{between}$", re.I)


def _words_right_before(words: list[str], *, listed: list[str]) -> re.Pattern[str] | None:
    """One of the words right before the level, or before a list of `listed` levels ending at it ('on T1 and T2'),
    searched up to the level's start."""
    if not words:
        return None
    levels = "|".join(re.escape(w) for w in listed) or r"(?!)"
    return re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in words) + rf")\s+(?:(?:{levels})\s*(?:,|and|or|/)\s*)*$", re.I
    )


@Language.factory("notecheck_level_grammar_v1", default_config={"patterns_dir": None})
def make_level_grammar(nlp: Language, name: str, patterns_dir: str | None) -> LevelGrammarComponent:
    """Factory: the vertebral level grammar."""
    return LevelGrammarComponent(load_ruleset(Path(patterns_dir) if patterns_dir else None), name=name)
