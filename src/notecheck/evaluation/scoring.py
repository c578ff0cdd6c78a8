"""Scores of reports against gold: per element P/R/F1, span P/R/F1, per requirement verdict accuracy."""

from collections import Counter
from dataclasses import dataclass, field

from notecheck.evaluation.gold import BOOL_KINDS, LIST_KINDS, Annotated
from notecheck.report import Fact, Report


def predicted_labels(facts: list[Fact]) -> dict[str, set[str] | bool]:
    """Note-level labels from a report's facts, by the rules of docs/annotation.md."""
    present = [f for f in facts if f.assertion == "present"]
    labels: dict[str, set[str] | bool] = {k: {f.value for f in present if f.kind == k} for k in LIST_KINDS}
    for kind in BOOL_KINDS:
        found = [f for f in present if f.kind == kind]
        if kind == "current_injury":
            found = [f for f in found if not f.historical]
        labels[kind] = bool(found)
    return labels


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Miss:
    note_id: str
    element: str
    kind: str  # "false_positive" | "false_negative" | "verdict"
    value: str
    offsets: list[tuple[int, int]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


@dataclass
class Scores:
    elements: dict[str, Tally] = field(default_factory=dict)
    spans: dict[str, Tally] = field(default_factory=dict)
    verdicts: dict[str, Counter[str]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    notes: int = 0


def _score_labels(scores: Scores, item: Annotated, report: Report) -> None:
    predicted = predicted_labels(report.facts)
    gold = item.gold.facts.model_dump()
    for kind in (*LIST_KINDS, *BOOL_KINDS):
        tally = scores.elements.setdefault(kind, Tally())
        want = set(gold[kind]) if kind in LIST_KINDS else ({"true"} if gold[kind] else set())
        got_raw = predicted[kind]
        got = set(got_raw) if isinstance(got_raw, set) else ({"true"} if got_raw else set())
        tally.tp += len(want & got)
        for value in sorted(got - want):
            tally.fp += 1
            evidence = [f for f in report.facts if f.kind == kind and f.assertion == "present" and (kind in BOOL_KINDS or f.value == value)]
            scores.misses.append(Miss(item.gold.note_id, kind, "false_positive", value,
                                      [(f.start, f.end) for f in evidence], [f.text for f in evidence]))
        for value in sorted(want - got):
            tally.fn += 1
            scores.misses.append(Miss(item.gold.note_id, kind, "false_negative", value))


def _score_spans(scores: Scores, item: Annotated, report: Report) -> None:
    by_kind: dict[str, list[tuple[str, int, int]]] = {}
    for span in item.gold.spans:
        # A span of a true/false kind matches any value of that kind.
        value = "*" if isinstance(span.value, bool) else span.value
        by_kind.setdefault(span.kind, []).append((value, span.start, span.end))
    for kind, gold_spans in by_kind.items():
        tally = scores.spans.setdefault(kind, Tally())
        any_value = all(g[0] == "*" for g in gold_spans)
        found = [("*" if any_value else f.value, f.start, f.end)
                 for f in report.facts if f.kind == kind and f.assertion == "present"]
        # A predicted span overlapping a gold span of the same value counts (boundaries differ by style).
        matched = {g for g in gold_spans if any(v == g[0] and s < g[2] and g[1] < e for v, s, e in found)}
        tally.tp += len(matched)
        tally.fn += len(gold_spans) - len(matched)
        tally.fp += sum(1 for v, s, e in found if not any(v == g[0] and s < g[2] and g[1] < e for g in gold_spans))


def _score_verdicts(scores: Scores, item: Annotated, report: Report) -> None:
    checks = {c.code: c for c in report.checks}
    for code, gold in item.gold.codes.items():
        check = checks.get(code)
        if check is None:
            continue
        status = scores.verdicts.setdefault("status", Counter())
        status["right" if check.status == gold.status else "wrong"] += 1
        if check.status != gold.status:
            scores.misses.append(Miss(item.gold.note_id, f"{code} status", "verdict", f"{check.status} != {gold.status}"))
        got = {r.id: r for r in check.requirements}
        for requirement, want in gold.requirements.items():
            counter = scores.verdicts.setdefault(requirement, Counter())
            have = got.get(requirement)
            ok = have is not None and have.status == want
            counter["right" if ok else "wrong"] += 1
            if not ok:
                scores.misses.append(Miss(item.gold.note_id, f"{code} {requirement}", "verdict",
                                          f"{have.status if have else 'absent'} != {want}"))
        kinds = {f.kind for f in check.findings}
        counter = scores.verdicts.setdefault("findings", Counter())
        ok = kinds == set(gold.findings)
        counter["right" if ok else "wrong"] += 1
        if not ok:
            scores.misses.append(Miss(item.gold.note_id, f"{code} findings", "verdict",
                                      f"{sorted(kinds)} != {sorted(gold.findings)}"))


def score(items: list[tuple[Annotated, Report]]) -> Scores:
    """Score every (gold, report) pair."""
    scores = Scores()
    for item, report in items:
        scores.notes += 1
        _score_labels(scores, item, report)
        _score_spans(scores, item, report)
        _score_verdicts(scores, item, report)
    return scores
