"""Assertion: medSpaCy's ConText over the facts span group, with the rules of patterns/context.yaml."""

from pathlib import Path

from medspacy.context import ConText
from spacy.language import Language

from notecheck.paths import patterns_dir as default_patterns_dir
from notecheck.pipeline.context_rules import load_context_rules
from notecheck.pipeline.spans import GROUP


@Language.factory("notecheck_context_v1", default_config={"patterns_dir": None})
def make_context(nlp: Language, name: str, patterns_dir: str | None) -> ConText:
    """Factory: medSpaCy ConText reading targets from the facts group."""
    context = ConText(
        nlp,
        name=name,
        rules=None,
        input_span_type="group",
        span_group_name=GROUP,
        span_attrs=None,
    )
    root = Path(patterns_dir) if patterns_dir else default_patterns_dir()
    context.add(load_context_rules(root / "context.yaml", nlp.tokenizer))
    return context
