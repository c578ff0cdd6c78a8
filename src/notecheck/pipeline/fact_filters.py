"""Keep a fact only where its rule file says it stands: in a sentence with a related fact, or, for
imaging, where a result is reported (a result word in the sentence, or a findings/impression section)."""

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from notecheck.pipeline.sections import section_category
from notecheck.pipeline.spans import GROUP, SentenceStarts, facts, kinds_by_sentence
from notecheck.ruleset import Ruleset, load_ruleset


class FactFilters:
    """Drops facts whose file-level conditions do not hold."""

    def __init__(self, ruleset: Ruleset, *, name: str = "fact_filters") -> None:
        self.name = name
        self.needs: dict[str, set[str]] = {}
        for fact_file in ruleset.facts.values():
            for rule in fact_file.rules:
                needs = rule.needs_sentence_with if rule.needs_sentence_with is not None else fact_file.needs_sentence_with
                if needs:
                    self.needs[rule.id] = set(needs)
        self.cues = {k: {c.lower() for c in f.result_cues} for k, f in ruleset.facts.items() if f.result_cues}
        self.result_sections = {k: set(f.result_sections) for k, f in ruleset.facts.items()}
        self.result_kinds = {k: set(f.result_with_kinds) for k, f in ruleset.facts.items()}
        self.note_needs = {k: set(f.needs_note_with) for k, f in ruleset.facts.items() if f.needs_note_with}

    def __call__(self, doc: Doc) -> Doc:
        spans = facts(doc)
        if not spans:
            return doc
        sentences = SentenceStarts(doc)
        kinds_in = kinds_by_sentence(spans, sentences)
        in_note = {s.label_ for s in spans}
        doc.spans[GROUP] = [s for s in spans if self._keep(s, kinds_in[sentences.of(s)], in_note)]
        return doc

    def _keep(self, span: Span, kinds: set[str], in_note: set[str]) -> bool:
        kind = span.label_
        if kind in self.note_needs and not in_note & self.note_needs[kind]:
            return False
        needs = self.needs.get(span.id_)
        if needs and not kinds & needs:
            return False
        if kind in self.cues:
            section = section_category(span)
            if section in self.result_sections[kind] or kinds & self.result_kinds[kind]:
                return True
            return any(t.lower_ in self.cues[kind] for t in span.sent)
        return True


@Language.factory("notecheck_fact_filters_v1", default_config={"patterns_dir": None})
def make_fact_filters(nlp: Language, name: str, patterns_dir: str | None) -> FactFilters:
    """Factory: the file-level fact filters."""
    return FactFilters(load_ruleset(Path(patterns_dir) if patterns_dir else None), name=name)
