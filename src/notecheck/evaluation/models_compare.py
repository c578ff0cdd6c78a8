"""Rules alone vs rules + trained models on gold notes, per element (`notecheck eval --compare-models`).

Every model task is switched on at its threshold for the comparison; a task should stay on in
notecheck.cfg only where it raises its element's F1 on held-out notes.
"""

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from notecheck.evaluation.gold import load_gold
from notecheck.evaluation.scoring import score

# The gold element each model task is scored by; a task without one cannot be measured on gold notes.
ELEMENT_OF = {"functional_impact": "functional_impact", "phase": "acuity", "treatment_failure": None}


def configured_elements() -> dict[str, dict[str, Any]]:
    """The model_facts elements of notecheck.cfg: {task: {"on": bool, "threshold": float}}."""
    from spacy.util import load_config

    from notecheck.pipeline import CONFIG

    elements = load_config(CONFIG)["components"]["model_facts"]["elements"]
    return {k: {**v, "threshold": round(float(v["threshold"]), 3)} for k, v in elements.items()}


GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


def _checkers(model_options: dict[str, Any]) -> dict[str, Any]:
    from notecheck import pipeline
    from notecheck.api import Checker
    from notecheck.ruleset import load_ruleset

    ruleset = load_ruleset()
    return {label: Checker(pipeline.build(components={"model_facts": options}), ruleset)
            for label, options in (("rules", {"enabled": False}), ("rules+model", model_options))}


def _model_options(thresholds: dict[str, float], model_dir: Path | None) -> dict[str, Any]:
    options: dict[str, Any] = {"enabled": True, "elements": {t: {"on": True, "threshold": v} for t, v in thresholds.items()}}
    if model_dir is not None:
        options |= {"models_dir": str(model_dir.parent), "model": model_dir.name}
    return options


def sweep(gold: Path, corpus: Path | None, split: str, *, model_dir: Path | None = None,
          fallback: dict[str, float] | None = None) -> dict[str, Any]:
    """Per task, the element's F1 change at each threshold of GRID (one run, facts filtered by confidence),
    and the chosen threshold: the best change above zero (the higher threshold on a tie), else `fallback`."""
    from notecheck.evaluation.scoring import score

    items = [a for a in load_gold(gold, corpus) if split == "all" or a.gold.split == split]
    checkers = _checkers(_model_options({task: 0.0 for task in ELEMENT_OF}, model_dir))
    rules = score([(a, checkers["rules"].check(a.text, codes=[], note_id=a.gold.note_id)) for a in items]).elements
    reports = [(a, checkers["rules+model"].check(a.text, codes=[], note_id=a.gold.note_id)) for a in items]
    result: dict[str, Any] = {"gold": gold.name, "split": split, "notes": len(items), "tasks": {}}
    for task, element in ELEMENT_OF.items():
        if element is None:
            continue
        deltas = {}
        for threshold in GRID:
            kept = [(a, r.model_copy(update={"facts": [f for f in r.facts if f.source == "rule" or (
                f.rule_id == f"model.{task}" and (f.confidence or 0.0) >= threshold)]})) for a, r in reports]
            deltas[str(threshold)] = round(score(kept).elements[element].f1 - rules[element].f1, 3)
        best = max(GRID, key=lambda t: (deltas[str(t)], t))
        chosen = best if deltas[str(best)] > 0 else (fallback or {}).get(task)
        result["tasks"][task] = {"element": element, "delta_f1": deltas, "threshold": chosen}
    return result


def compare(gold: Path, corpus: Path | None, split: str, *, model_dir: Path | None = None,
            thresholds: dict[str, float] | None = None) -> dict[str, Any]:
    """Per element P/R/F1 of both pipelines, the F1 change, and the on/off decision per model task."""
    items = [a for a in load_gold(gold, corpus) if split == "all" or a.gold.split == split]
    elements = configured_elements()
    chosen = {task: (thresholds or {}).get(task, float(opts["threshold"])) for task, opts in elements.items()}
    scores = {}
    for label, checker in _checkers(_model_options(chosen, model_dir)).items():
        pairs = [(a, checker.check(a.text, codes=list(a.gold.codes), note_id=a.gold.note_id)) for a in items]
        scores[label] = score(pairs).elements
    rows: dict[str, dict[str, Any]] = {}
    for element, before in scores["rules"].items():
        after = scores["rules+model"][element]
        rows[element] = {"rules": before.as_dict(), "rules+model": after.as_dict(), "delta_f1": round(after.f1 - before.f1, 3)}
    decisions = {}
    for task, measured in ELEMENT_OF.items():
        delta: float | None = rows[measured]["delta_f1"] if measured in rows else None
        decisions[task] = {"element": measured, "threshold": chosen.get(task), "delta_f1": delta,
                           "on": bool(delta is not None and delta > 0)}
    return {"gold": gold.name, "split": split, "notes": len(items), "elements": rows, "decisions": decisions}


def render(result: dict[str, Any], console: Console) -> None:
    """The per-element table and the decisions."""
    console.print(f"[bold]rules vs rules+model[/]: {result['notes']} notes ({result['gold']}, split {result['split']})")
    table = Table(title="Elements (note level)", title_justify="left")
    for column in ("element", "rules P/R/F1", "rules+model P/R/F1", "ΔF1"):
        table.add_column(column, justify="left" if column == "element" else "right")
    for element, row in result["elements"].items():
        cells = [f"{row[k]['precision']:.2f}/{row[k]['recall']:.2f}/{row[k]['f1']:.2f}" for k in ("rules", "rules+model")]
        table.add_row(element, *cells, f"{row['delta_f1']:+.3f}")
    console.print(table)
    table = Table(title="Model tasks", title_justify="left")
    for column in ("task", "element", "threshold", "ΔF1", "keep on"):
        table.add_column(column)
    for task, d in result["decisions"].items():
        delta = "n/a (no gold element)" if d["delta_f1"] is None else f"{d['delta_f1']:+.3f}"
        table.add_row(task, str(d["element"]), str(d["threshold"]), delta, "yes" if d["on"] else "no")
    console.print(table)
