"""The NegEx/ConText peer benchmark: score any span-assertion callable on annotated items.

Each item is a (concept, sentence) pair labelled for negation, temporality and experiencer
(``benchmarks/negex/README.md``). ``score`` is pure Python and takes any callable
``(text, start, end) -> object`` with ``.assertion`` and ``.historical`` (``checker.assertion`` in
the contract); when the object also has ``.negated``/``.possible``/``.hypothetical``/``.family``
booleans they are used, so co-occurring labels (negated AND historical) are scored on their own.
``context_assertion`` builds such a callable on medspaCy ConText for a list of rules, so the shipped
rules and medspaCy's defaults run the same way and print side by side.

    python -m notecheck.evaluation.negex ../shared/benchmarks/negex/dev.jsonl [--checker]
"""

import argparse
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from notecheck.assertion import SpanAssertion

AssertionFn = Callable[[str, int, int], Any]
TARGET_LABEL = "diagnosis"
SPAN_GROUP = "facts"


class Item(BaseModel):
    """One annotated (concept, sentence) item of the benchmark."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Item id, e.g. negex-rs-1.")
    concept: str = Field(description="The target phrase; it appears upper-cased in the sentence.")
    sentence: str = Field(description="The sentence (sometimes a whole report header).")
    negation: Literal["Affirmed", "Negated"] = Field(description="Gold negation.")
    temporality: Literal["Recent", "Historical", "Not particular"] = Field(
        description="Gold temporality; Not particular means hypothetical."
    )
    experiencer: str = Field(description="Patient, or someone else (Other, Family member).")

    def concept_span(self) -> tuple[int, int] | None:
        """Character offsets of the concept: its upper-cased mark first, else any case."""
        start = self.sentence.find(self.concept.upper())
        if start < 0:
            start = self.sentence.lower().find(self.concept.lower())
        return None if start < 0 else (start, start + len(self.concept))

    def has_context(self) -> bool:
        """False when the sentence is the concept alone ('HYPERTENSION.'): a section decides."""
        span = self.concept_span()
        if span is None:
            return False
        rest = self.sentence[: span[0]] + self.sentence[span[1] :]
        return any(char.isalnum() for char in rest)


@dataclass(frozen=True)
class Metric:
    """Precision, recall and F1 of one binary label."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class BenchmarkResult:
    """Scores of one assertion callable.

    ``metrics`` covers every scored item; ``metrics_in_context`` leaves out the items whose
    sentence is the concept alone (``Item.has_context``), which no sentence-level rule can decide.
    ``errors`` lists the misses as (item id, label, gold, predicted).
    """

    n_items: int
    n_in_context: int
    skipped: tuple[str, ...]
    metrics: dict[str, Metric]
    metrics_in_context: dict[str, Metric]
    errors: tuple[tuple[str, str, bool, bool], ...]

LABELS = ("negated", "historical", "hypothetical", "other_experiencer")


def load_items(path: str | Path) -> list[Item]:
    """Read the benchmark's JSON lines."""
    with Path(path).open(encoding="utf-8") as lines:
        return [Item.model_validate_json(line) for line in lines if line.strip()]


def _gold(item: Item) -> dict[str, bool]:
    return {
        "negated": item.negation == "Negated",
        "historical": item.temporality == "Historical",
        "hypothetical": item.temporality == "Not particular",
        "other_experiencer": item.experiencer != "Patient",
    }


def _predicted(result: Any) -> dict[str, bool]:
    assertion = result.assertion
    return {
        "negated": getattr(result, "negated", assertion == "negated"),
        "historical": bool(result.historical),
        "hypothetical": getattr(result, "hypothetical", assertion == "hypothetical"),
        "other_experiencer": getattr(result, "family", assertion == "family"),
    }


def score(items: Iterable[Item], assertion: AssertionFn) -> BenchmarkResult:
    """Score ``assertion`` on the items; items whose concept is not in the sentence are skipped."""
    counts = {label: [0, 0, 0] for label in LABELS}
    in_context = {label: [0, 0, 0] for label in LABELS}
    errors, skipped, n_items, n_in_context = [], [], 0, 0
    for item in items:
        span = item.concept_span()
        if span is None:
            skipped.append(item.id)
            continue
        n_items += 1
        tallies = [counts]
        if item.has_context():
            n_in_context += 1
            tallies.append(in_context)
        gold, predicted = _gold(item), _predicted(assertion(item.sentence, *span))
        for label in LABELS:
            g, p = gold[label], bool(predicted[label])
            for tally in tallies:
                tally[label][0] += g and p
                tally[label][1] += p and not g
                tally[label][2] += g and not p
            if g != p:
                errors.append((item.id, label, g, p))
    return BenchmarkResult(
        n_items=n_items,
        n_in_context=n_in_context,
        skipped=tuple(skipped),
        metrics={label: Metric(*values) for label, values in counts.items()},
        metrics_in_context={label: Metric(*values) for label, values in in_context.items()},
        errors=tuple(errors),
    )


def context_assertion(rules: list[Any]) -> AssertionFn:
    """An assertion callable on ConText with ``rules``: blank English, the text one sentence."""
    import spacy
    from medspacy.context import ConText

    from notecheck.pipeline.context_rules import assertion_from_categories, fact_modifiers

    nlp = spacy.blank("en")
    context = ConText(
        nlp, rules=None, input_span_type="group", span_group_name=SPAN_GROUP, span_attrs=None
    )
    context.add(rules)

    def assertion(text: str, start: int, end: int) -> SpanAssertion:
        doc = nlp.make_doc(text)
        for token in doc:
            token.is_sent_start = token.i == 0
        span = doc.char_span(start, end, label=TARGET_LABEL, alignment_mode="expand")
        doc.spans[SPAN_GROUP] = [span] if span is not None else []
        context(doc)
        modifiers = fact_modifiers(span) if span is not None else []
        categories = {modifier.category for modifier in modifiers}
        value, historical = assertion_from_categories(categories)
        return SpanAssertion(
            assertion=value,
            historical=historical,
            negated=bool(categories & {"NEGATED_EXISTENCE", "NORMAL_EXAM"}),
            possible="POSSIBLE_EXISTENCE" in categories,
            hypothetical="HYPOTHETICAL" in categories,
            family="FAMILY" in categories,
            rule_ids=tuple((m.rule.metadata or {}).get("id", m.rule.literal) for m in modifiers),
        )

    return assertion


def medspacy_default_assertion() -> AssertionFn:
    """The baseline: medspaCy's own default English ConText rules, run the same way."""
    import spacy
    from medspacy.context import ConText, ConTextRule

    default_rules = ConText(spacy.blank("en"), rules=None).DEFAULT_RULES_FILEPATH
    return context_assertion(ConTextRule.from_json(default_rules))


def notecheck_assertion(rules_path: str | Path | None = None) -> AssertionFn:
    """notecheck's rules (``patterns/context.yaml`` by default), run like the baseline."""
    from notecheck.paths import patterns_dir
    from notecheck.pipeline.context_rules import load_context_rules

    return context_assertion(load_context_rules(rules_path or patterns_dir() / "context.yaml"))


def format_results(results: dict[str, BenchmarkResult]) -> str:
    """Side by side: per label, P/R/F1 and gold positives per system; all items, then in context."""
    names = list(results)
    first = results[names[0]]
    rows = [f"{'label':<18}" + "".join(f"{name + ' P/R/F1':>30}" for name in names)]
    for title, attribute, n in (
        ("all items", "metrics", first.n_items),
        ("items with context (more than the concept)", "metrics_in_context", first.n_in_context),
    ):
        rows.append(f"-- {title}: {n}")
        for label in LABELS:
            cells = []
            for name in names:
                m = getattr(results[name], attribute)[label]
                cell = f"{m.precision:.3f}/{m.recall:.3f}/{m.f1:.3f} ({m.tp + m.fn})"
                cells.append(cell.rjust(30))
            rows.append(f"{label:<18}" + "".join(cells))
    rows.append(f"skipped (concept not found in its sentence): {len(first.skipped)}")
    return "\n".join(rows)


def format_misses(
    result: BenchmarkResult, data: str | Path, *, label: str | None = None
) -> str:
    """One line per miss: item id, label, gold, predicted, whether the item has context, sentence.

    The benchmark is public, so its sentences may be shown; on a terminal, never in the repository.
    """
    items = {item.id: item for item in load_items(data)}
    rows = [f"{'id':<16}{'label':<18}{'gold':<6}{'pred':<6}{'ctx':<5}sentence"]
    for item_id, name, gold, predicted in result.errors:
        if label is not None and name != label:
            continue
        item = items[item_id]
        context = "yes" if item.has_context() else "no"
        sentence = " ".join(item.sentence.split())
        cells = f"{item_id:<16}{name:<18}{gold!s:<6}{predicted!s:<6}{context:<5}"
        rows.append(cells + sentence[:160])
    rows.append(f"misses: {len(rows) - 1}")
    return "\n".join(rows)


def run(
    data: str | Path, *, rules_path: str | Path | None = None, with_checker: bool = False
) -> dict[str, BenchmarkResult]:
    """Score notecheck's rules and medspaCy's defaults (and the whole checker) on one data file."""
    items = load_items(data)
    results = {
        "notecheck-rules": score(items, notecheck_assertion(rules_path)),
        "medspacy-default": score(items, medspacy_default_assertion()),
    }
    if with_checker:
        import notecheck

        results["notecheck-checker"] = score(items, notecheck.load().assertion)
    return results


def main(argv: list[str] | None = None) -> None:
    """Print the side-by-side table; ``--errors FILE`` writes the rules' misses as JSON lines."""
    parser = argparse.ArgumentParser(description="NegEx/ConText peer benchmark")
    parser.add_argument("data", type=Path, help="benchmark JSON lines (benchmarks/negex/dev.jsonl)")
    parser.add_argument("--rules", type=Path, help="a ConText rules file (patterns/context.yaml)")
    parser.add_argument("--checker", action="store_true", help="also score notecheck.load()")
    parser.add_argument("--errors", type=Path, help="write the rules' misses here")
    args = parser.parse_args(argv)
    results = run(args.data, rules_path=args.rules, with_checker=args.checker)
    print(format_results(results))
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for item_id, label, gold, predicted in results["notecheck-rules"].errors:
                row = {"id": item_id, "label": label, "gold": gold, "predicted": predicted}
                out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
