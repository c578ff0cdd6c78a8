"""Facts from the trained sentence classifiers, for the sentences the rules left without one.

Rules stay first: a task only looks at sentences where the rules found no fact of its `rules_first`
kinds, vectorises them once per Doc, and adds one fact span per sentence whose probability reaches the
task's threshold. A model fact is marked by its span id (`model.<task>`) and carries its probability in
`span._.model_confidence`; facts.py turns both into `source="model"` and `confidence`.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from notecheck.errors import ModelError
from notecheck.paths import models_dir as default_models_dir
from notecheck.pipeline.spans import facts

PREFIX = "model."
EXTENSION = "model_confidence"
_MIN_WORDS = 3

if not Span.has_extension(EXTENSION):
    Span.set_extension(EXTENSION, default=None)


def is_model_fact(span: Span) -> bool:
    """True for a span a trained model made."""
    return span.id_.startswith(PREFIX)


def confidence_of(span: Span) -> float | None:
    """The model's probability for a model fact, None for a rule fact."""
    value = span._.get(EXTENSION)
    return None if value is None else float(value)


class ModelFacts:
    """Adds model facts to the facts group where the rules found none of that kind."""

    def __init__(self, *, name: str, directory: Path | None, elements: Mapping[str, Mapping[str, Any]]) -> None:
        from notecheck.training.tasks import TASK_BY_NAME

        self.name = name
        unknown = set(elements) - set(TASK_BY_NAME)
        if unknown:
            raise ModelError(path="notecheck.cfg", detail=f"model_facts.elements: unknown task {sorted(unknown)[0]!r}; tasks: {sorted(TASK_BY_NAME)}")
        self.thresholds = {task: float(opts["threshold"]) for task, opts in elements.items() if opts.get("on")}
        self.tasks = [TASK_BY_NAME[task] for task in self.thresholds]
        self.payload: dict[str, Any] = {}
        if self.tasks and directory is not None:
            from notecheck.training.artifact import load

            self.payload, _ = load(directory)

    def __call__(self, doc: Doc) -> Doc:
        if not self.tasks or not self.payload:
            return doc
        from notecheck.training.features import found_in, matrix

        rule_facts: dict[int, list[tuple[str, str]]] = {}
        for span in facts(doc):
            rule_facts.setdefault(span.sent.start, []).append((span.label_, span.kb_id_))
        sentences = [s for s in doc.sents if sum(1 for t in s if t.is_alpha) >= _MIN_WORDS]
        if not sentences:
            return doc
        found = [found_in(rule_facts.get(s.start, [])) for s in sentences]
        features = matrix(self.payload["vectorizer"], [s.text for s in sentences], found)
        for task in self.tasks:
            classifier = self.payload["classifiers"][task.name]
            probabilities = classifier.predict_proba(features)
            positive = [i for i, c in enumerate(classifier.classes_) if str(c) in task.emit]
            for row, (sentence, kinds) in enumerate(zip(sentences, found, strict=True)):
                if kinds & set(task.rules_first):
                    continue
                best = max(positive, key=lambda i: probabilities[row, i])
                if probabilities[row, best] >= self.thresholds[task.name]:
                    self._add(doc, sentence, task.kind, task.emit[str(classifier.classes_[best])], task.name, float(probabilities[row, best]))
        return doc

    @staticmethod
    def _add(doc: Doc, sentence: Span, kind: str, value: str, task: str, confidence: float) -> None:
        tokens = [t for t in sentence if not t.is_space]
        span = Span(doc, tokens[0].i, tokens[-1].i + 1, label=kind, kb_id=value, span_id=f"{PREFIX}{task}")
        span._.set(EXTENSION, round(confidence, 3))
        facts(doc).append(span)


@Language.factory(
    "notecheck_model_facts_v1",
    default_config={"enabled": True, "model": "sentence_facts/v1", "models_dir": None, "elements": {}},
)
def make_model_facts(
    nlp: Language, name: str, enabled: bool, model: str, models_dir: str | None, elements: dict[str, dict[str, Any]]
) -> ModelFacts:
    """Factory: the trained sentence classifiers; `enabled = false` or no element on loads nothing."""
    root = Path(models_dir) if models_dir else default_models_dir()
    return ModelFacts(name=name, directory=root / model if enabled else None, elements=elements if enabled else {})
