"""Sections: medSpaCy's Sectionizer with clinical headers from patterns/sections.yaml.

Headers are matched with their colon, anywhere in a line, so that the run-together dictation style of real
transcripts ("...pain.  ASSESSMENT:,  Sacral ...") is split as well as a templated note.
"""

from pathlib import Path

from medspacy.section_detection import Sectionizer, SectionRule
from spacy.language import Language

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


@Language.factory("notecheck_sections_v1", default_config={"patterns_dir": None})
def make_sections(nlp: Language, name: str, patterns_dir: str | None) -> Sectionizer:
    """Factory: medSpaCy's Sectionizer loaded with notecheck's header rules."""
    sectionizer = Sectionizer(
        nlp,
        name=name,
        rules=None,
        input_span_type=None,
        span_attrs=None,
        apply_sentence_boundary=True,
    )
    sectionizer.add(section_rules(load_ruleset(Path(patterns_dir) if patterns_dir else None)))
    return sectionizer
