"""MODEL_CARD.md, written by the training command from the manifest (never by hand)."""

from pathlib import Path

from notecheck.training.artifact import Manifest

_INTENDED = """\
## Intended use

Sentence-level detectors for three documentation elements whose wording varies without end: functional
impact ("can't sit through Mass"), treatment failure ("PT didn't touch it") and phase of care (chronic or
residual vs acute, emitted as an `acuity` fact). They run inside the notecheck pipeline after the rules
and only on sentences where the rules found no fact of that kind; a positive sentence becomes one fact
(`source: "model"`, `confidence` = the probability) that ConText then asserts like any other. They are
switched per element in `src/notecheck/pipeline/notecheck.cfg` and stay on only where they raised F1 on
held-out gold notes. `notecheck.load(models=False)` runs the rules alone.

## Limits

- Small training set, mostly sentences written for notecheck plus the 31 synthetic sample notes; real
  dictation differs. Cross-validated scores are optimistic: they are measured on the same kind of text.
- A fact spans the whole sentence; its value is coarse (`functional limitation`, `unspecified` treatment
  resolved to the nearest treatment in the sentence, `acute`/`chronic`).
- Negation, hypotheticals and family mentions are left to ConText and to the training labels; a model
  fact in a plan section is hypothetical by its section.
- The held-out gold has no treatment_failure element, so that model cannot be shown to help there.
- English clinical notes about the spine only. Not for diagnosis or any decision about a patient; it
  drafts documentation checks for a human reviewer.
"""


def _metrics_table(manifest: Manifest) -> list[str]:
    lines = ["| task | class | sentences | P | R | F1 | rule-missed P | rule-missed R | CV threshold |",
             "|---|---|---|---|---|---|---|---|---|"]
    for task, metrics in manifest.cv.items():
        missed = metrics["rules_missed"]
        for cls, row in metrics["argmax"].items():
            m = missed[cls]
            lines.append(f"| {task} | {cls} | {manifest.examples[task].get(cls, 0)} | {row['precision']} | {row['recall']} | "
                         f"{row['f1']} | {m['precision']} | {m['recall']} | {missed['threshold']} |")
    return lines


def _tuning_table(manifest: Manifest) -> list[str]:
    if not manifest.tuning:
        return ["Not tuned (train with `--tune gold/dev/gold.jsonl`); thresholds come from cross-validation."]
    result = manifest.tuning
    grid = list(next(iter(result["tasks"].values()))["delta_f1"])
    lines = [f"{result['notes']} real notes of split `{result['split']}` of `{result['gold']}`: the element's F1 change over",
             "rules alone when the task is on at each threshold (the best change above zero is kept, else the",
             "cross-validated threshold).", "",
             "| task | element | " + " | ".join(grid) + " | threshold |", "|---|---|" + "---|" * len(grid) + "---|"]
    for task, row in result["tasks"].items():
        lines.append(f"| {task} | {row['element']} | " + " | ".join(f"{row['delta_f1'][t]:+}" for t in grid)
                     + f" | {manifest.thresholds[task]} |")
    return lines


def _heldout_table(manifest: Manifest) -> list[str]:
    if not manifest.heldout:
        return ["Not measured (train with `--heldout gold/dev/gold.jsonl --corpus ...`)."]
    result = manifest.heldout
    lines = [f"{result['notes']} notes, split `{result['split']}` of `{result['gold']}`; every task on at its threshold.", "",
             "| element | rules P/R/F1 | rules+model P/R/F1 | ΔF1 |", "|---|---|---|---|"]
    for element, row in result["elements"].items():
        a, b = row["rules"], row["rules+model"]
        lines.append(f"| {element} | {a['precision']}/{a['recall']}/{a['f1']} | {b['precision']}/{b['recall']}/{b['f1']} | {row['delta_f1']:+} |")
    lines += ["", "| task | element | ΔF1 | decision |", "|---|---|---|---|"]
    for task, d in result["decisions"].items():
        delta = "n/a" if d["delta_f1"] is None else f"{d['delta_f1']:+}"
        lines.append(f"| {task} | {d['element'] or '(none in gold)'} | {delta} | {'on' if d['on'] else 'off'} |")
    return lines


def render_card(manifest: Manifest, data_dir: Path) -> str:
    """The model card as Markdown."""
    counts = "\n".join(f"- `{task}`: " + ", ".join(f"{cls} {n}" for cls, n in classes.items())
                       for task, classes in manifest.examples.items())
    questions = "\n".join(f"- `{task}` -> fact `{spec['kind']}` {spec['emit']}: {spec['question']}" for task, spec in manifest.tasks.items())
    libraries = ", ".join(f"{k} {v}" for k, v in manifest.libraries.items())
    parts = [
        f"# {manifest.name} v{manifest.version}", "",
        f"Written by `notecheck train` on {manifest.created} (seed {manifest.seed}; {libraries}).",
        f"Model file `{manifest.model_file}`, sha256 `{manifest.sha256}`.", "",
        "## Classes", "", questions, "",
        "## Data", "",
        f"`models/{data_dir.name}/` (sha256 of all files `{manifest.data['all'][:16]}...`): sentences written for notecheck",
        "(`written.jsonl`) and every sentence of `sample_notes/*.txt` labelled by hand with the help of their",
        "gold sidecars (`sample_notes.jsonl`, note + offsets kept); null labels leave a sentence out of a task.",
        "No corpus text is stored; no held-out note is used for training or for choosing thresholds.", "",
        counts, "",
        "## Model", "",
        "One TF-IDF vectorizer shared by the tasks (word 1-2-grams, character 2-5-grams within words,",
        "sublinear tf) plus one 0/1 column per rule feature (the kind, or kind=value, of each rule fact the",
        "pipeline found in the sentence); one L2-regularised logistic regression per task, fitted by seeded",
        "SGD (log loss, alpha 1e-4, 30 epochs, balanced class weights; one-vs-rest for `phase`).", "",
        "## Cross-validated metrics (stratified 5-fold, out-of-fold)", "",
        "P/R/F1 by the most probable class over all sentences of the task; rule-missed P/R over the sentences",
        "where the rules found no fact of that kind (the only ones the model acts on) at the threshold chosen",
        "there (lowest with precision >= 0.9; the threshold in use may be re-chosen on dev notes below).", "",
        *_metrics_table(manifest), "",
        "## Thresholds on dev gold notes", "",
        *_tuning_table(manifest), "",
        "## Rules vs rules + model on held-out gold notes", "",
        *_heldout_table(manifest), "",
        _INTENDED,
    ]
    return "\n".join(parts)
