"""Sections: medSpaCy's Sectionizer with clinical headers from patterns/sections.yaml.

Headers are matched with their colon, anywhere in a line, so that the run-together dictation style of real
transcripts ("...pain.  ASSESSMENT:,  Sacral ...") is split as well as a templated note.
"""

import re
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medspacy.section_detection import Section, Sectionizer, SectionRule
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from notecheck.pipeline.anchored import AnchoredMatcher
from notecheck.pipeline.spans import doc_text
from notecheck.ruleset import Ruleset, load_ruleset

_BOUNDS = ("notecheck", "sections")  # doc.user_data key: (first token of each section, the sections)
_UNSET = object()


def section_rules(ruleset: Ruleset) -> list[SectionRule]:
    """One medSpaCy SectionRule per header literal, matched with its colon (a qualified header: with its
    qualifier, then the colon); with line_headers, one more per header alone on its line in capitals."""
    rules = []
    line_headers = ruleset.sections.line_headers
    for section in ruleset.sections.sections:
        if line_headers:
            for header in section.headers:
                alone = [_LINE_BREAK, *_upper_words(header), _LINE_BREAK]
                rules.append(SectionRule(f"{header} (own line)", section.id, pattern=alone, max_scope=section.max_scope))
        guard = {"LOWER": {"NOT_IN": [w.lower() for w in section.not_after]}}
        for header in section.headers:
            literal = f"{header}:"
            pattern = None
            if header in section.guarded_headers:
                pattern = [guard, *_header_words(header), {"ORTH": ":"}]
            rules.append(SectionRule(literal, section.id, pattern=pattern, max_scope=section.max_scope))
        qualifier = {"LOWER": {"IN": _qualifier_words(section.qualifier_words)}, "OP": "*"}
        for header in section.qualified_headers:
            pattern = [*_header_words(header), qualifier, {"ORTH": {"IN": [":", "):"]}}]  # spaCy keeps "):" whole
            rules.append(SectionRule(f"{header} ...:", section.id, pattern=pattern, max_scope=section.max_scope))
    return rules


# A header's words as spaCy splits them: "short-term goals" is short, -, term, goals.
_HEADER_TOKENS = re.compile(r"[^\W_]+|[^\w\s]")


# The line break before and after a header alone on its line: a whitespace token holding a newline.
_LINE_BREAK: dict[str, Any] = {"IS_SPACE": True, "TEXT": {"REGEX": "\n"}}


def _upper_words(header: str) -> list[dict[str, Any]]:
    """Token tests for a header's words in capitals, as a heading alone on its line is written ("PLAN")."""
    return [{"ORTH": word} for word in _HEADER_TOKENS.findall(header.upper())]


def _header_words(header: str) -> list[dict[str, Any]]:
    """Token tests for a header's words, lower-cased, split as spaCy splits them."""
    return [{"LOWER": word} for word in _HEADER_TOKENS.findall(header.lower())]


def _qualifier_words(words: list[str]) -> list[str]:
    """The words of a qualifier: the section's, numbers up to 30 and brackets, slashes and hyphens (a word list,
    which the AnchoredMatcher tests by lookup)."""
    return [*(word.lower() for word in words), *(str(n) for n in range(1, 31)), "(", ")", "/", "-"]


# A line that may be a header alone on its line: no lower-case letter, no colon, a capital, at most 60 characters.
_CAPITAL_LINE = re.compile(r"^(?=[^\n]*[A-Z])[^a-z:\n]{1,60}$", re.MULTILINE)


class LineHeaderMatcher:
    """The header patterns' matches: the headers with their colon by an AnchoredMatcher over the whole note; the
    headers alone on their line ([line break, the header's words in capitals, line break]) by looking up the words
    of each line written in capitals (a regular expression finds them) among the headers' words.

    The same matches as a Matcher of the line patterns over the whole note, which opened a window at each header
    word in capitals ("PLAN", "HISTORY"), most of them at a "PLAN:" with its colon.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.strings = vocab.strings
        self.anchored = AnchoredMatcher(vocab)
        self.lines: dict[tuple[str, ...], int] = {}  # a header's words in capitals -> its rule's key

    def add(self, key: str, patterns: list[list[dict[str, Any]]], on_match: Callable[..., Any] | None = None) -> None:
        """Take a rule's token patterns as spaCy's Matcher would (medSpaCy's matcher hands them here)."""
        for pattern in patterns:
            if pattern and pattern[0] == _LINE_BREAK:
                self.lines[tuple(token["ORTH"] for token in pattern[1:-1])] = self.strings.add(key)
            else:
                self.anchored.add(key, [pattern], on_match)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        matches = self.anchored(doc)
        if not self.lines:
            return matches
        text = doc_text(doc)
        for line in _CAPITAL_LINE.finditer(text):
            if line.start() == 0 or line.end() == len(text):
                continue  # a line pattern needs the line breaks on both sides
            span = doc.char_span(line.start() - 1, line.end() + 1, alignment_mode="expand")
            if span is None or len(span) < 3 or not (_breaks(span[0]) and _breaks(span[-1])):
                continue
            key = self.lines.get(tuple(token.orth_ for token in span[1:-1]))
            if key is not None:
                matches.append((key, span.start, span.end))
        return matches


def _breaks(token: Token) -> bool:
    """A whitespace token holding a line break: _LINE_BREAK's test."""
    return token.is_space and "\n" in token.text


class HeaderSectionizer(Sectionizer):  # type: ignore[misc]  # medSpaCy ships no type hints
    """medSpaCy's Sectionizer with its work proportional to the headers, not to the tokens.

    medSpaCy sets `token._.section` through one Underscore object per token, most of a tokenizer pass per
    note. Here the Doc keeps where each section starts and `token._.section` finds a token's section by
    bisection (`section_at`), so `doc._.sections`, `token._.section`, `span._.section_category` and the
    rest read as before. Options
    notecheck never sets (line filters, parent sections, scopes, span attributes) keep medSpaCy's own path.
    """

    # section id -> tokens within which a paragraph's end closes it (SectionSpec.paragraph_scope)
    paragraph_scopes: dict[str, int] = {}

    def add(self, rules: list[SectionRule]) -> None:
        """medSpaCy's add, with the rules' token patterns handed to a LineHeaderMatcher instead of spaCy's Matcher:
        a guarded header ("no family history:" is not the family history section) opens with a NOT_IN test, which
        spaCy's Matcher tries at every token of the note (90% of the sectionizer's time); anchored on the header's
        words, it runs only where they stand, with the same matches. Each pattern is built once, there."""
        rules_matcher = self._Sectionizer__matcher  # medSpaCy keeps its matchers private
        if not isinstance(rules_matcher._MedspacyMatcher__matcher, LineHeaderMatcher):
            matcher = LineHeaderMatcher(self.nlp.vocab)
            for rule_id, rule in rules_matcher._rule_map.items():  # any rule added before this matcher
                if isinstance(rule.pattern, list):
                    matcher.add(rule_id, [rule.pattern])
            rules_matcher._MedspacyMatcher__matcher = matcher
        super().add(rules)

    def __call__(self, doc: Doc) -> Doc:
        if not self._headers_only():
            return super().__call__(doc)  # type: ignore[no-any-return]
        matcher = self._Sectionizer__matcher  # medSpaCy keeps its matcher private
        matches = matcher(doc)
        if not matches:
            doc._.sections = [Section(None, 0, 0, 0, len(doc))]
            return doc
        sections = [Section(None, 0, 0, 0, matches[0][1])] if matches[0][1] != 0 else []
        for i, (match_id, start, end) in enumerate(matches):
            rule = matcher.rule_map[self.nlp.vocab.strings[match_id]]
            next_start = matches[i + 1][1] if i + 1 < len(matches) else len(doc)
            # A rule's max_scope ends its body early, as in medSpaCy; the tokens after it have no section.
            body_end = next_start if rule.max_scope is None else min(end + self._scope(doc, rule, end), next_start)
            sections.append(Section(rule.category, start, end, end, body_end, None, rule))
        if self._apply_sentence_boundary:
            _start_sentences(doc, [i for _, start, end in matches for i in (start, end) if i < len(doc)])
        doc._.sections = sections
        # A token's section is the last one starting at or before it; a gap a max_scope leaves has None.
        starts: list[int] = []
        owners: list[Section | None] = []
        for section, following in zip(sections, [*sections[1:], None], strict=True):
            first, last = section.section_span
            starts.append(first)
            owners.append(section)
            if last < (following.section_span[0] if following is not None else len(doc)):
                starts.append(last)
                owners.append(None)
        user_data: dict[Any, Any] = doc.user_data  # spaCy types its keys as str; they are tuples
        user_data[_BOUNDS] = (starts, owners)
        return doc

    def _scope(self, doc: Doc, rule: SectionRule, end: int) -> int:
        """A bounded section's length: to its paragraph's end (a blank line) where that comes within the
        section's paragraph_scope (a long allergy list in a paragraph of its own), else its max_scope."""
        limit = self.paragraph_scopes.get(rule.category)
        if limit:
            for i in range(end, min(end + limit, len(doc))):
                if doc[i].is_space and doc[i].text.count("\n") >= 2:
                    return i - end
        return int(rule.max_scope)

    def _headers_only(self) -> bool:
        """True when sections are found by their headers alone (a rule's max_scope included), as notecheck's
        rules make them; line filters, a maximum section length and parent sections take medSpaCy's path."""
        options = (self.require_start_line, self.require_end_line, self.max_section_length)
        return not (any(options) or self._parent_sections or self.assertion_attributes_mapping)


def _start_sentences(doc: Doc, starts: list[int]) -> None:
    """A header starts a sentence, and so does its body: `token.is_sent_start = True` for each, written in
    one array update (the setter scans the Doc for a parse on every call)."""
    values = doc.to_array("SENT_START").astype("int64")  # -1 (not a start), 0 (unknown), 1
    values[starts] = 1
    # spaCy's hints ask for thinc's Ints2d, which is a numpy array of integers at run time.
    doc.from_array(["SENT_START"], values.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]


def section_category(span: Span) -> str | None:
    """The category of the section a span starts in: `span[0]._.section_category` without the Underscore
    objects."""
    section = section_at(span.doc, span.start, span.start_char)
    return section.category if section is not None else None


def section_at(doc: Doc, i: int, idx: int) -> Section | None:
    """The section of token i (its character offset idx): one set on the token itself (medSpaCy's own
    path, or by hand), else the one HeaderSectionizer's bounds give, else None."""
    user_data: dict[Any, Any] = doc.user_data
    section = user_data.get(("._.", "section", idx, None), _UNSET)  # where medSpaCy's default reads it
    if section is not _UNSET:
        return section
    bounds = user_data.get(_BOUNDS)
    if bounds is None:
        return None
    starts, sections = bounds
    j = bisect_right(starts, i) - 1
    return sections[j] if j >= 0 else None


def _get_section(token: Token) -> Section | None:
    return section_at(token.doc, token.i, token.idx)


def _set_section(token: Token, section: Section | None) -> None:
    user_data: dict[Any, Any] = token.doc.user_data
    user_data[("._.", "section", token.idx, None)] = section  # as the default extension stores it


# medSpaCy declares token._.section with a default (one user_data entry per token); the same attribute
# with a getter reads HeaderSectionizer's bounds too, and its setter stores what medSpaCy's own path sets.
Token.set_extension("section", getter=_get_section, setter=_set_section, force=True)


@Language.factory("notecheck_sections_v1", default_config={"patterns_dir": None})
def make_sections(nlp: Language, name: str, patterns_dir: str | None) -> Sectionizer:
    """Factory: medSpaCy's Sectionizer (proportional to headers) loaded with notecheck's header rules."""
    sectionizer = HeaderSectionizer(
        nlp,
        name=name,
        rules=None,
        input_span_type=None,
        span_attrs=None,
        apply_sentence_boundary=True,
    )
    ruleset = load_ruleset(Path(patterns_dir) if patterns_dir else None)
    sectionizer.add(section_rules(ruleset))
    sectionizer.paragraph_scopes = {s.id: s.paragraph_scope for s in ruleset.sections.sections if s.paragraph_scope}
    return sectionizer
