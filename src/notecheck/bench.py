"""`notecheck bench`: notes/s, words/s and peak RSS of notecheck against medSpaCy and spaCy, same notes.

Each contender runs in its own interpreter (this file run as a script) so that its
peak RSS (``ru_maxrss``) is its own and no import or cache of one contender warms another.
"""

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

SEED_CODES = ("M53.88", "M49.88", "M53.87", "M53.80", "M48.38")
CONTENDERS = ("notecheck", "pipe1", "pipe2", "medspacy", "spacy")
LABELS = {
    "notecheck": "notecheck check() end to end",
    "pipe1": "notecheck pipe(), n_process=1",
    "pipe2": "notecheck pipe(), n_process=2",
    "medspacy": "medspaCy default pipeline + TargetMatcher",
    "spacy": 'spaCy bare tokenizer, spacy.blank("en")',
}


@dataclass(frozen=True)
class Result:
    """One contender's run over the notes."""

    contender: str
    notes: int
    words: int
    seconds: float
    load_seconds: float
    peak_rss_mb: float

    @property
    def notes_per_s(self) -> float:
        return self.notes / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds


def read_corpus(corpus: Path, *, spine: bool = False, limit: int | None = None) -> list[tuple[str, str]]:
    """(note_id, text) pairs: *.txt of a folder, or the records of a JSONL corpus (only spine ones with spine).

    A .txt file that cannot be read as a note (empty, binary, too large) is left out; `unreadable` names them.
    """
    if corpus.is_dir():
        notes = [(path.name, text) for path, text in _read_folder(corpus) if text is not None]
    else:
        with corpus.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines if line.strip()]
        notes = [(r["id"], r["text"]) for r in records if r.get("spine") or not spine]
    return notes[:limit] if limit else notes


def _read_folder(corpus: Path) -> list[tuple[Path, str | None]]:
    from notecheck.errors import InputError
    from notecheck.notes import read_note

    read: list[tuple[Path, str | None]] = []
    for path in sorted(corpus.glob("*.txt")):
        try:
            read.append((path, read_note(path)))
        except InputError:
            read.append((path, None))
    return read


def unreadable(corpus: Path) -> list[str]:
    """The .txt files of a corpus folder that cannot be read as notes (the benchmark leaves them out)."""
    return [path.name for path, text in _read_folder(corpus) if text is None] if corpus.is_dir() else []


def _peak_rss_mb() -> float:
    # Linux reports kilobytes; the children term covers pipe()'s worker processes.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _load(contender: str) -> Callable[[list[tuple[str, str]]], object]:
    """Build the contender and return the function that processes all notes."""
    if contender == "spacy":
        import spacy

        nlp = spacy.blank("en")
        return lambda notes: [nlp(text) for _, text in notes]
    if contender == "medspacy":
        return _medspacy()
    import notecheck

    checker = notecheck.load()
    if contender == "notecheck":
        return lambda notes: [checker.check(text, codes=SEED_CODES, note_id=i) for i, text in notes]
    n_process = 2 if contender == "pipe2" else 1
    return lambda notes: list(checker.pipe([(i, t, SEED_CODES) for i, t in notes], n_process=n_process))


def _medspacy() -> Callable[[list[tuple[str, str]]], object]:
    """medspacy.load() (PyRuSH, TargetMatcher, ConText) with target rules from patterns/facts/*.yaml phrases."""
    import medspacy
    from medspacy.target_matcher import TargetRule

    from notecheck.ruleset import load_ruleset

    nlp = medspacy.load()
    rules = [
        TargetRule(literal=phrase, category=kind)
        for kind, fact_file in load_ruleset().facts.items()
        for rule in fact_file.rules
        for phrase in (*rule.phrases, *rule.exact)
    ]
    nlp.get_pipe("medspacy_target_matcher").add(rules)
    return lambda notes: [nlp(text) for _, text in notes]


def measure(contender: str, corpus: Path, *, spine: bool, limit: int | None) -> Result:
    """Run one contender in this process (the child side of `run`)."""
    started = time.perf_counter()
    process = _load(contender)  # imports included: a fresh interpreter pays them once
    load_seconds = time.perf_counter() - started
    notes = read_corpus(corpus, spine=spine, limit=limit)
    loaded = time.perf_counter()
    process(notes)
    done = time.perf_counter()
    return Result(
        contender=contender,
        notes=len(notes),
        words=sum(len(text.split()) for _, text in notes),
        seconds=done - loaded,
        load_seconds=load_seconds,
        peak_rss_mb=_peak_rss_mb(),
    )


def run(corpus: Path, *, spine: bool = False, limit: int | None = None, contenders: tuple[str, ...] = CONTENDERS) -> list[Result]:
    """Each contender in its own subprocess, one after the other, on the same notes."""
    from notecheck.errors import BenchError

    skipped = unreadable(corpus)
    if skipped:
        sys.stderr.write(f"notecheck bench: left out {len(skipped)} file(s) that cannot be read as notes: {', '.join(skipped[:5])}\n")
    if not read_corpus(corpus, spine=spine, limit=1):
        raise BenchError(corpus=str(corpus), detail="no note to measure")
    results = []
    for contender in contenders:
        # run_path, not -m: `-m notecheck.bench` would import notecheck before the clock starts.
        args = [contender, str(corpus), str(int(spine)), str(limit or 0)]
        code = f"import runpy, sys; sys.argv = {['bench', *args]!r}; runpy.run_path({__file__!r}, run_name='__main__')"
        argv = [sys.executable, "-c", code]
        done = subprocess.run(argv, check=False, capture_output=True, text=True)
        if done.returncode:
            failure = (done.stderr.strip().splitlines() or ["no output"])[-1]
            sys.stderr.write(f"notecheck bench: {contender} failed: {failure}\n")
            continue
        results.append(Result(**json.loads(done.stdout.strip().splitlines()[-1])))
    if not results:
        raise BenchError(corpus=str(corpus), detail="every contender failed (see the lines above)")
    return results


def ratios(results: list[Result]) -> dict[str, float]:
    """notecheck against medSpaCy and spaCy's tokenizer, and two processes against one (notes/s)."""
    by = {r.contender: r.notes_per_s for r in results}
    pairs = {
        "notecheck / medspacy": ("notecheck", "medspacy"),
        "notecheck / spacy tokenizer": ("notecheck", "spacy"),
        "pipe n_process=2 / n_process=1": ("pipe2", "pipe1"),
    }
    return {name: by[a] / by[b] for name, (a, b) in pairs.items() if a in by and b in by}


def render(results: list[Result]) -> str:
    """A Markdown table of the results and their ratios."""
    lines = [
        "| contender | notes/s | words/s | peak RSS (MB) | import + load (s) |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {LABELS[r.contender]} | {r.notes_per_s:,.1f} | {r.words_per_s:,.0f} | "
            f"{r.peak_rss_mb:,.0f} | {r.load_seconds:.2f} |"
        )
    lines.append("")
    lines += [f"- {name}: {value:.2f}x" for name, value in ratios(results).items()]
    return "\n".join(lines)


def _child(argv: list[str]) -> None:
    contender, corpus, spine, limit = argv
    result = measure(contender, Path(corpus), spine=spine == "1", limit=int(limit) or None)
    sys.stdout.write(json.dumps(asdict(result)) + "\n")


if __name__ == "__main__":
    _child(sys.argv[1:])
