"""`notecheck train`: fit the sentence classifiers and write models/<name>/v<N>/ (model, manifest, card).

Deterministic: the same dataset and seed give the same coefficients and predictions (SGD is
seeded, the folds are shuffled with the seed, nothing runs in parallel).
"""

import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from notecheck.errors import ModelError
from notecheck.training import artifact
from notecheck.training.card import render_card
from notecheck.training.dataset import Example, data_hash, load_examples
from notecheck.training.features import found_in, make_vectorizer, matrix
from notecheck.training.tasks import RULE_FEATURES, TASKS, Task

_ALPHA = 1e-4
_EPOCHS = 30
_FOLDS = 5
_TARGET_PRECISION = 0.9
_GRID = [round(0.3 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95


@dataclass(frozen=True)
class Fitted:
    """A trained payload (what goes into the model file) and what the manifest says about it."""

    payload: dict[str, Any]
    manifest: dict[str, Any]


def classifier(seed: int) -> Any:
    """The one classifier of every task: L2 logistic regression fitted by seeded SGD (one-vs-rest over 3+
    classes), classes balanced. SGD keeps a full training run well under a minute on 2 cores."""
    from sklearn.linear_model import SGDClassifier

    return SGDClassifier(loss="log_loss", penalty="l2", alpha=_ALPHA, class_weight="balanced", max_iter=_EPOCHS,
                         tol=None, random_state=seed)


def rule_features(texts: list[str]) -> list[frozenset[str]]:
    """What the rule pipeline (up to fact_filters, models off) finds in each text on its own."""
    from notecheck import pipeline
    from notecheck.pipeline.spans import facts

    nlp = pipeline.build(components={"model_facts": {"enabled": False}})
    rules = nlp.pipe_names[: nlp.pipe_names.index("model_facts")]
    with nlp.select_pipes(enable=rules):
        return [found_in((s.label_, s.kb_id_) for s in facts(doc)) for doc in nlp.pipe(texts, batch_size=256)]


def fit(examples: list[Example], found: list[frozenset[str]], *, seed: int, folds: int = _FOLDS) -> Fitted:
    """Fit the shared vectorizer (no labels) once on every sentence, then cross-validate and fit each task."""
    texts = [e.text for e in examples]
    vectorizer = make_vectorizer().fit(texts)
    for _, part in vectorizer.transformer_list:
        part.stop_words_ = None  # the n-grams min_df pruned: introspection only, and most of the file size
    features = matrix(vectorizer, texts, found)
    cv, thresholds, counts, classifiers = {}, {}, {}, {}
    for task in TASKS:
        rows = [i for i, e in enumerate(examples) if task.name in e.labels]
        labels = [examples[i].labels[task.name] for i in rows]
        counts[task.name] = dict(sorted(Counter(labels).items()))
        cv[task.name], thresholds[task.name] = cross_validate(task, features[rows], [found[i] for i in rows], labels, seed=seed, folds=folds)
        classifiers[task.name] = classifier(seed).fit(features[rows], labels)
    payload = {"vectorizer": vectorizer, "classifiers": classifiers, "rule_features": list(RULE_FEATURES)}
    tasks = {t.name: {"kind": t.kind, "emit": t.emit, "rules_first": list(t.rules_first), "question": t.question} for t in TASKS}
    return Fitted(payload, {"seed": seed, "examples": counts, "tasks": tasks, "cv": cv, "thresholds": thresholds})


def cross_validate(task: Task, features: Any, found: list[frozenset[str]], labels: list[str], *, seed: int, folds: int) -> tuple[dict[str, Any], float]:
    """Out-of-fold probabilities -> per-class P/R/F1, and the threshold for the rule-missed sentences."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    n_splits = min(folds, min(Counter(labels).values()))
    if n_splits < 2:
        raise ModelError(path=task.name, detail="fewer than 2 examples of a class; label more sentences")
    y = np.array(labels)
    oof = np.zeros((len(labels), len(task.classes)))
    for train, test in StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed).split(features, y):
        model = classifier(seed).fit(features[train], y[train])
        probabilities = model.predict_proba(features[test])
        for column, cls in enumerate(model.classes_):
            oof[test, task.classes.index(str(cls))] = probabilities[:, column]
    missed = np.array([not (f & set(task.rules_first)) for f in found])
    metrics = {"folds": n_splits, "argmax": _scores(task, y, _decide(task, oof, 0.0))}
    threshold = _threshold(task, y[missed], oof[missed])
    metrics["rules_missed"] = {"sentences": int(missed.sum()), "threshold": threshold,
                               **_scores(task, y[missed], _decide(task, oof[missed], threshold))}
    return metrics, threshold


def _decide(task: Task, probabilities: Any, threshold: float) -> list[str]:
    """A positive class when its probability is the highest positive one and reaches the threshold."""
    positive = [task.classes.index(c) for c in task.emit]
    decided = []
    for row in probabilities:
        best = max(positive, key=lambda i: row[i])
        argmax = int(row.argmax())
        decided.append(task.classes[best] if row[best] >= threshold and (threshold > 0 or argmax == best) else task.negative)
    return decided


def _scores(task: Task, gold: Any, predicted: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for cls in task.emit:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == cls and p != cls)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[cls] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
    return out


def _threshold(task: Task, gold: Any, probabilities: Any) -> float:
    """The lowest threshold whose precision on rule-missed sentences reaches the target, else the best."""
    best, best_precision = _GRID[-1], -1.0
    for threshold in _GRID:
        scores = _scores(task, gold, _decide(task, probabilities, threshold))
        tp = sum(s["tp"] for s in scores.values())
        fp = sum(s["fp"] for s in scores.values())
        precision = tp / (tp + fp) if tp + fp else 0.0
        if precision >= _TARGET_PRECISION and tp:
            return threshold
        if precision > best_precision:
            best, best_precision = threshold, precision
    return best


def train(data_dir: Path, models_dir: Path, *, name: str = "sentence_facts", version: int = 1, seed: int = 0,
          force: bool = False, corpus: Path | None = None, gold: Path | None = None,
          tune: Path | None = None, heldout: Path | None = None) -> artifact.Manifest:
    """Train, write models_dir/name/v<version>/; with `tune`, choose thresholds on the dev notes of that
    gold file; with `heldout`, record rules vs rules+model on its held-out notes."""
    target = models_dir / name / f"v{version}"
    if target.exists() and not force:
        raise ModelError(path=str(target), detail=f"exists; a new model goes beside it (--version {version + 1}) or pass --force")
    examples = load_examples(data_dir, corpus=corpus, gold=gold)
    fitted = fit(examples, rule_features([e.text for e in examples]), seed=seed)
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    manifest = artifact.save(staging, fitted.payload, {
        **fitted.manifest, "name": name, "version": version,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "data": data_hash(data_dir),
    })
    if tune is not None:
        from notecheck.evaluation.models_compare import sweep

        tuning = sweep(tune, corpus, "dev", model_dir=staging, fallback=manifest.thresholds)
        tuned = {**manifest.thresholds, **{t: v["threshold"] for t, v in tuning["tasks"].items()}}
        manifest = manifest.model_copy(update={"tuning": tuning, "thresholds": tuned})
    if heldout is not None:
        from notecheck.evaluation.models_compare import compare

        comparison = compare(heldout, corpus, "heldout", model_dir=staging, thresholds=manifest.thresholds)
        manifest = manifest.model_copy(update={"heldout": comparison})
    (staging / artifact.MANIFEST_FILE).write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
    (staging / artifact.CARD_FILE).write_text(render_card(manifest, data_dir), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return manifest
