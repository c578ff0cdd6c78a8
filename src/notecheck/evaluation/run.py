"""`notecheck eval`: run the checker over gold notes and report the scores."""

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from notecheck.evaluation.gold import load_gold
from notecheck.evaluation.scoring import Scores, score


def evaluate(gold: Path, corpus: Path | None, split: str, show_text: bool = False) -> dict[str, Any]:
    """Scores as a JSON-able dict (note text only with show_text)."""
    import notecheck

    items = [a for a in load_gold(gold, corpus) if split == "all" or a.gold.split == split]
    checker = notecheck.load()
    pairs = [(a, checker.check(a.text, codes=list(a.gold.codes), note_id=a.gold.note_id)) for a in items]
    return as_dict(score(pairs), show_text)


def as_dict(scores: Scores, show_text: bool) -> dict[str, Any]:
    misses = []
    for miss in scores.misses:
        row: dict[str, Any] = {"note_id": miss.note_id, "element": miss.element, "kind": miss.kind,
                               "value": miss.value, "offsets": miss.offsets}
        if show_text:
            row["text"] = miss.text
        misses.append(row)
    return {
        "notes": scores.notes,
        "elements": {k: t.as_dict() for k, t in scores.elements.items()},
        "spans": {k: t.as_dict() for k, t in scores.spans.items()},
        "verdicts": {k: {"right": c["right"], "wrong": c["wrong"],
                         "accuracy": round(c["right"] / max(1, c["right"] + c["wrong"]), 3)}
                     for k, c in scores.verdicts.items()},
        "misses": misses,
    }


def render(result: dict[str, Any], console: Console, *, max_misses: int = 40) -> None:
    """Print the tables."""
    console.print(f"[bold]notecheck eval[/]: {result['notes']} notes")
    for title, rows in (("Elements (note level)", result["elements"]), ("Spans", result["spans"])):
        if not rows:
            continue
        table = Table(title=title, title_justify="left")
        for column in ("element", "tp", "fp", "fn", "precision", "recall", "f1"):
            table.add_column(column, justify="left" if column == "element" else "right")
        for name, row in rows.items():
            table.add_row(name, *(str(row[c]) for c in ("tp", "fp", "fn", "precision", "recall", "f1")))
        console.print(table)
    if result["verdicts"]:
        table = Table(title="Verdicts (per requirement)", title_justify="left")
        for column in ("requirement", "right", "wrong", "accuracy"):
            table.add_column(column, justify="left" if column == "requirement" else "right")
        for name, row in result["verdicts"].items():
            table.add_row(name, str(row["right"]), str(row["wrong"]), str(row["accuracy"]))
        console.print(table)
    misses = result["misses"]
    if misses:
        console.print(f"[bold]Misses[/] ({len(misses)}; first {min(len(misses), max_misses)}):")
        for miss in misses[:max_misses]:
            text = f" {miss['text']}" if "text" in miss else ""
            console.print(f"  {miss['note_id']}  {miss['element']}  {miss['kind']}  {miss['value']}  {miss['offsets']}{text}",
                          markup=False, highlight=False)
