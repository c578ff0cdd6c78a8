"""ConText only where it can act: the sentences that hold a fact.

medSpaCy's ConText matches its modifier rules over the whole Doc, then compares every modifier with
every other. A modifier's scope never leaves its sentence, so a modifier in a sentence without a fact
can neither modify a fact nor cut the scope of a modifier that could. This component runs the same rules
(built by ``notecheck_context_v1`` from patterns/context.yaml) on the sentences that hold facts, and
then the same graph steps as ``medspacy.context.ConText.__call__`` (medspacy 1.3.1). Version 3 (the
shipped one) adds one more: a history cue that opens or closes a fact dates it
(``context_rules.dates_from_edge``). And no cue runs from a section header that holds no fact into the
section's body ("IMPRESSION: Negative ...": ``_header_ends``), where medSpaCy would match one.
"""

from bisect import bisect_left, bisect_right

import numpy
from medspacy.common.util import prune_overlapping_matches
from medspacy.context import ConText, ConTextGraph, ConTextModifier, ConTextRule
from medspacy.util import tuple_overlaps
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from notecheck.pipeline.anchored import AnchoredMatcher
from notecheck.pipeline.anchored_plan import width
from notecheck.pipeline.context import make_context
from notecheck.pipeline.context_rules import EDGE_CATEGORIES, dates_from_edge
from notecheck.pipeline.spans import SentenceStarts


class SentenceScopedContext:
    """Matches ConText rules in the sentences of the targets only; the graph is ConText's own."""

    def __init__(self, nlp: Language, context: ConText, *, name: str = "context", edge_dating: bool = False) -> None:
        self.name = name
        self.context = context
        self.edge_dating = edge_dating  # v3: a history cue that opens or closes a fact dates it
        self.tokens = AnchoredMatcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rules: dict[int, ConTextRule] = {}
        for i, rule in enumerate(context.rules):
            # ConText's own match id ("TERMINATE_12"): matchers order a tie between rules on one span by it.
            key = getattr(rule, "_rule_id", None) or f"notecheck_context_{i}"
            self.rules[nlp.vocab.strings.add(key)] = rule
            if rule.on_match is not None:
                raise ValueError(f"ConText rule {rule.literal!r}: on_match callbacks are not supported here")
            if isinstance(rule.pattern, list):
                self.tokens.add(key, [rule.pattern])
            elif rule.pattern is None:
                self.phrases.add(key, [nlp.tokenizer(rule.literal.lower())])
            else:
                raise ValueError(f"ConText rule {rule.literal!r}: regular-expression patterns are not supported here")
        longest = _longest(nlp, context.rules)
        # Twice the longest rule: a match crossing the edge may itself be pruned by one further out.
        self.margin = None if longest is None else 2 * longest

    def __call__(self, doc: Doc) -> Doc:
        context = self.context
        targets = list(doc.spans[context.span_group_name])  # a SpanGroup makes its Spans again on every pass
        windows = self._windows(doc, targets)
        in_window: list[list[Span]] = [[] for _ in windows]
        starts = [start for start, _ in windows]
        for target in targets:
            in_window[bisect_right(starts, target.start) - 1].append(target)
        graph = ConTextGraph(targets=targets, prune_on_modifier_overlap=context.prune_on_target_overlap)
        sentences = SentenceStarts(doc)
        bodies = _header_ends(doc, targets)
        # Windows share no sentence, so no modifier of one can reach a target or a modifier of another:
        # one small graph per window does ConText's pairwise work on far fewer pairs.
        for (start, end), window_targets in zip(windows, in_window, strict=True):
            part = ConTextGraph(targets=window_targets, prune_on_modifier_overlap=context.prune_on_target_overlap)
            part.modifiers = [
                self._modifier(doc, self.rules[key], m_start, m_end, sentences)
                for key, m_start, m_end in self._matches(doc, start, end, bodies)
            ]
            _update_scopes(part.modifiers)
            _apply_modifiers(part)
            if self.edge_dating:
                part.edges += _dated_from_their_edges(window_targets, part.modifiers)
            graph.modifiers += part.modifiers
            graph.edges += part.edges
        for target, modifier in graph.edges:
            target._.modifiers += (modifier,)
        if context.context_attributes_mapping:
            context.set_context_attributes(graph.edges)
        doc._.context_graph = graph
        return doc

    def _modifier(self, doc: Doc, rule: ConTextRule, start: int, end: int, sentences: SentenceStarts) -> ConTextModifier:
        """ConText's modifier for a match, its scope found in the match's sentence by bisection (medSpaCy
        walks the sentence's tokens for each modifier); with ConText's own max_scope, medSpaCy's window."""
        max_scope = self.context.max_scope
        if max_scope:
            return ConTextModifier(rule, start, end, doc, max_scope=max_scope)
        scope_start, scope_end = _scope(rule, start, end, sentences.bounds(start))
        return ConTextModifier(rule, start, end, doc, scope_start=scope_start, scope_end=scope_end)

    def _matches(self, doc: Doc, start: int, end: int, bodies: frozenset[int]) -> list[tuple[int, int, int]]:
        """Modifier matches (Doc offsets) in doc[start:end], pruned as medSpaCy prunes; none that runs into one
        of `bodies` from its header (`_header_ends`)."""
        matches = self.tokens(doc, start, end)
        matches += self.phrases(doc[start:end])  # the PhraseMatcher answers in Doc offsets (spaCy 3.7)
        if bodies:
            matches = [m for m in matches if not any(b in bodies for b in range(m[1] + 1, m[2]))]
        # ConText keeps only the longest of overlapping modifiers (prune_on_modifier_overlap, its default).
        return prune_overlapping_matches(matches) if self.context.prune_on_modifier_overlap else matches

    def _windows(self, doc: Doc, targets: list[Span]) -> list[tuple[int, int]]:
        """Token ranges to match in: every sentence a target touches, widened by the longest rule so that
        a match crossing the sentence edge (and pruning a shorter one inside) is found as in the whole Doc."""
        if not len(targets):
            return []
        if self.margin is None:
            return [(0, len(doc))]
        bounds = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        if not bounds or bounds[0] != 0:
            bounds.insert(0, 0)
        bounds.append(len(doc))
        sentences: set[int] = set()
        for target in targets:
            first, last = (bisect_right(bounds, i) - 1 for i in (target.start, target.end - 1))
            sentences.update(range(first, last + 1))
        windows: list[tuple[int, int]] = []
        for i in sorted(sentences):
            start, end = max(0, bounds[i] - self.margin), min(len(doc), bounds[i + 1] + self.margin)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
        return windows


def _header_ends(doc: Doc, targets: list[Span]) -> frozenset[int]:
    """Where the bodies of the sections whose header holds no target start. A cue does not run from such a
    header into its body: in "IMPRESSION: Negative cervical spine." the header's colon and the body's first word
    are not the ": negative" of "Lumbar spine: negative". A header that is itself a fact keeps its cue ("X-RAYS:
    None.")."""
    starts = sorted(t.start for t in targets)
    return frozenset(
        s.body_start
        for s in doc._.sections
        if s.title_end > s.title_start and bisect_left(starts, s.title_start) == bisect_left(starts, s.title_end)
    )


def _scope(rule: ConTextRule, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """A modifier's scope in its sentence, as medSpaCy 1.3.1's ConTextModifier sets it: after the cue
    (forward), before it (backward) or both sides (any other direction), cut to the rule's max_scope."""
    first, last = sentence
    direction, most = rule.direction.lower(), rule.max_scope
    if direction == "forward":
        return end, (end + most if most is not None and last - end > most else last)
    if direction == "backward":
        return (start - most if most is not None and start - first > most else first), start
    if most is not None and start - first > most:
        first = start - most
    if most is not None and last - end > most:
        last = end + most
    return first, last


# Two token ranges (a, b) and (c, d) "meet" when a <= d and c <= b: they share a point, edges included.
# That is true of every pair medSpaCy's `tuple_overlaps` is true of, and of more; and since a scope only
# shrinks, ranges that do not meet now never will. The tests below are written out in the loops: these
# run over every pair of a window (a function call per pair was a tenth of ConText's time).


def _update_scopes(modifiers: list[ConTextModifier]) -> None:
    """`ConTextGraph.update_scopes`: the same `limit_scope` calls in the same order, but only for the pairs
    of modifiers whose scopes meet (`limit_scope` does nothing to the others)."""
    scopes = [m.scope_span for m in modifiers]
    for i, first in enumerate(modifiers):
        start, end = scopes[i]
        for j in range(i + 1, len(modifiers)):
            other_start, other_end = scopes[j]
            if start <= other_end and other_start <= end:
                second = modifiers[j]
                first.limit_scope(second)
                second.limit_scope(first)


def _apply_modifiers(graph: ConTextGraph) -> None:
    """`ConTextGraph.apply_modifiers`: the same pruning, `modifies` and `modify` calls in the same order,
    but only for the pairs where the modifier's span or scope meets the target (the others are False)."""
    targets = [(target, target.start, target.end) for target in graph.targets]
    modifiers = graph.modifiers
    if graph.prune_on_modifier_overlap:
        for i in range(len(modifiers) - 1, -1, -1):
            span = modifiers[i].modifier_span
            first, last = span
            if any(t_start <= last and first <= t_end and tuple_overlaps((t_start, t_end), span) for _, t_start, t_end in targets):
                modifiers.pop(i)
    scopes = [(m, *m.scope_span) for m in modifiers]
    for target, t_start, t_end in targets:
        for modifier, first, last in scopes:
            if first <= t_end and t_start <= last and modifier.modifies(target):
                modifier.modify(target)
    edges = []
    for modifier in modifiers:
        modifier.reduce_targets()
        edges += [(target, modifier) for target in modifier._targets]
    graph.edges = edges


def _dated_from_their_edges(
    targets: list[Span], modifiers: list[ConTextModifier]
) -> list[tuple[Span, ConTextModifier]]:
    """The (target, modifier) edges of the history cues that open or close their target
    (``dates_from_edge``, which asks the cue to start inside the target); medSpaCy links no modifier to
    a target it overlaps."""
    cues = [(m, m.modifier_span[0]) for m in modifiers if m.category in EDGE_CATEGORIES]
    if not cues:
        return []
    return [
        (target, cue)
        for target in targets
        for cue, start in cues
        if target.start <= start < target.end and dates_from_edge(cue, target)
    ]


def _longest(nlp: Language, rules: list[ConTextRule]) -> int | None:
    """Tokens in the longest rule match (a bounded range "{0,3}" counts its upper bound), or None when a
    pattern repeats a token without bound (OP + or *, "{n,}"): then every match is run over the whole Doc."""
    longest = 1
    for rule in rules:
        if isinstance(rule.pattern, list):
            widths = [width(token.get("OP")) for token in rule.pattern]
            if None in widths:
                return None
            longest = max(longest, sum(w for w in widths if w is not None))
        else:
            longest = max(longest, len(nlp.tokenizer(rule.literal)))
    return longest


@Language.factory("notecheck_context_v2", default_config={"patterns_dir": None})
def make_scoped_context(nlp: Language, name: str, patterns_dir: str | None) -> SentenceScopedContext:
    """Factory: the rules of notecheck_context_v1, matched only in sentences that hold facts."""
    return SentenceScopedContext(nlp, make_context(nlp, name, patterns_dir), name=name)


@Language.factory("notecheck_context_v3", default_config={"patterns_dir": None})
def make_edge_dating_context(nlp: Language, name: str, patterns_dir: str | None) -> SentenceScopedContext:
    """Factory: notecheck_context_v2, and a history cue that opens or closes a fact dates that fact
    (``context_rules.dates_from_edge``), which medSpaCy's ConText leaves out."""
    return SentenceScopedContext(nlp, make_context(nlp, name, patterns_dir), name=name, edge_dating=True)
