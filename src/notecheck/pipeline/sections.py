"""Sections: medSpaCy's Sectionizer with clinical headers from patterns/sections.yaml.

Headers are matched with their colon, anywhere in a line, so that the run-together dictation style of real
transcripts ("...pain.  ASSESSMENT:,  Sacral ...") is split as well as a templated note.
"""

from itertools import repeat
from pathlib import Path
from typing import Any

from medspacy.section_detection import Section, Sectionizer, SectionRule
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from notecheck.ruleset import Ruleset, load_ruleset


def section_rules(ruleset: Ruleset) -> list[SectionRule]:
    """One medSpaCy SectionRule per header literal, matched with its colon."""
    rules = []
    for section in ruleset.sections.sections:
        guard = {"LOWER": {"NOT_IN": [w.lower() for w in section.not_after]}}
        for header in section.headers:
            literal = f"{header}:"
            pattern = None
            if header in section.guarded_headers:
                pattern = [guard, *({"LOWER": word} for word in header.lower().split()), {"ORTH": ":"}]
            rules.append(SectionRule(literal, section.id, pattern=pattern, max_scope=section.max_scope))
    return rules


class HeaderSectionizer(Sectionizer):  # type: ignore[misc]  # medSpaCy ships no type hints
    """medSpaCy's Sectionizer with its work proportional to the headers, not to the tokens.

    medSpaCy sets `token._.section` through one Underscore object per token, most of a tokenizer pass per
    note. Here the same values go into `doc.user_data` under the same keys in one update, so
    `doc._.sections`, `token._.section`, `span._.section_category` and the rest read as before. Options
    notecheck never sets (line filters, parent sections, scopes, span attributes) keep medSpaCy's own path.
    """

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
            if self._apply_sentence_boundary:
                doc[start].sent_start = True  # a header starts a sentence, and so does its body
                if end < len(doc):
                    doc[end].sent_start = True
            rule = matcher.rule_map[self.nlp.vocab.strings[match_id]]
            body_end = matches[i + 1][1] if i + 1 < len(matches) else len(doc)
            sections.append(Section(rule.category, start, end, end, body_end, None, rule))
        doc._.sections = sections
        idx = doc.to_array(IDX).tolist()
        user_data: dict[Any, Any] = doc.user_data
        for section in sections:
            start, end = section.section_span
            # The keys token._ reads: ("._.", "section", token.idx, None), built by zip in C.
            keys = zip(repeat("._."), repeat("section"), idx[start:end], repeat(None))
            user_data.update(dict.fromkeys(keys, section))
        return doc

    def _headers_only(self) -> bool:
        """True when each section runs from its header to the next one, as notecheck's rules make them."""
        options = (self.require_start_line, self.require_end_line, self.max_section_length)
        if any(options) or self._parent_sections or self.assertion_attributes_mapping:
            return False
        return all(rule.max_scope is None for rule in self.rules)


def section_category(span: Span) -> str | None:
    """The category of the section a span starts in: `span[0]._.section_category` without the Underscore
    objects (the user_data key medSpaCy's `token._.section` reads)."""
    user_data: dict[Any, Any] = span.doc.user_data
    section = user_data.get(("._.", "section", span.start_char, None))
    return section.category if section is not None else None


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
    sectionizer.add(section_rules(load_ruleset(Path(patterns_dir) if patterns_dir else None)))
    return sectionizer
