"""The Python API of the contract: load() -> Checker with check, pipe and assertion."""

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from notecheck import pipeline
from notecheck.assertion import SpanAssertion
from notecheck.checker import check_codes
from notecheck.errors import InputError
from notecheck.facts import FactBuilder
from notecheck.notes import validate_text
from notecheck.pipeline.context_rules import assertion_from_categories, fact_modifiers
from notecheck.pipeline.sections import section_category
from notecheck.pipeline.spans import GROUP, make_doc
from notecheck.report import Fact, Report
from notecheck.ruleset import Ruleset, load_ruleset

Item = tuple[str, str, Sequence[str]]
_ASSERTION_PIPES = ("sentences", "sections", "context")


class Checker:
    """A loaded pipeline and ruleset. Thread-compatible for reads; one per process."""

    def __init__(self, nlp: Language, ruleset: Ruleset) -> None:
        self.nlp = nlp
        self.ruleset = ruleset
        self.facts_of = FactBuilder(ruleset)

    @property
    def ruleset_version(self) -> str:
        """A hash of patterns/: results made with another ruleset are not reused."""
        return self.ruleset.version

    def extract(self, text: str) -> list[Fact]:
        """The facts of one note."""
        return self.facts_of(self.nlp(make_doc(self.nlp, text)))

    def check(self, text: str, codes: Sequence[str] = (), note_id: str = "note") -> Report:
        """The report for one note and its proposed codes (one code may be given as a plain string)."""
        _require_str(text, note_id)
        validate_text(text, note_id)
        with _collector_paused():
            return self._report(note_id, self.nlp(make_doc(self.nlp, text)), _as_codes(codes))

    def pipe(self, items: Iterable[Item], *, n_process: int = 1, batch_size: int = 32) -> Iterator[Report]:
        """Reports for many (note_id, text, codes) items, in order; n_process > 1 forks worker processes.

        Workers return finished reports (as JSON, rebuilt here), never Docs: a Doc's ConText modifiers and
        span groups do not survive spaCy's own multiprocessing. An item's error is raised in its place, after
        the reports before it, as with one process. Where fork is unavailable, one process is used.
        """
        if n_process <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            for note_id, text, codes in items:
                yield self.check(text, codes, note_id)
            return
        global _WORKER_CHECKER
        _WORKER_CHECKER = self  # forked workers inherit the loaded pipeline instead of loading their own
        notes = iter(items)
        size = max(1, batch_size // 4)  # small chunks keep every worker busy to the end
        with ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork")) as pool:
            running: deque[Future[list[str | Exception]]] = deque()

            def submit() -> None:
                if chunk := list(islice(notes, size)):
                    running.append(pool.submit(_check_chunk, chunk))

            for _ in range(n_process * 4):  # a bounded queue: notes are read as results are yielded
                submit()
            while running:
                results = running.popleft().result()
                submit()
                for result in results:
                    if isinstance(result, Exception):
                        raise result  # an item's error, in its place: after the reports before it
                    # JSON crosses the process boundary: unpickling a Report took ~1.1 ms in this process,
                    # validating its JSON takes ~0.4 (pydantic-core), and the values are equal.
                    yield Report.model_validate_json(result)

    def _report(self, note_id: str, doc: Doc, codes: Sequence[str]) -> Report:
        facts = self.facts_of(doc)
        checks = check_codes(codes, facts, self.ruleset)
        return Report(note_id=note_id, facts=facts, checks=checks)

    def assertion(self, text: str, start: int, end: int) -> SpanAssertion:
        """The assertion of text[start:end] under the pipeline's own context rules and sections."""
        _require_str(text, "assertion")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            detail = f"the span {start!r}-{end!r} is not inside the text; give 0 <= start < end <= {len(text)}"
            raise InputError(note="assertion", detail=detail)
        doc = self.nlp.make_doc(text)
        for name in _ASSERTION_PIPES:
            if name == "context":
                span = doc.char_span(start, end, alignment_mode="expand") or doc[:]
                doc.spans[GROUP] = [Span(doc, span.start, span.end, label="diagnosis")]
            doc = self.nlp.get_pipe(name)(doc)
        target = doc.spans[GROUP][0]
        categories = {m.category for m in fact_modifiers(target)}
        assertion, historical = assertion_from_categories(categories)
        fact = self.facts_of._fact(target, 0, section_category(target), doc.text)
        section_assertion = fact.assertion if assertion == "present" else assertion
        return SpanAssertion(
            assertion=section_assertion,
            historical=historical or fact.historical,
            negated=section_assertion == "negated" or bool(categories & {"NEGATED_EXISTENCE", "NORMAL_EXAM"}),
            possible="POSSIBLE_EXISTENCE" in categories,
            hypothetical=section_assertion == "hypothetical" or "HYPOTHETICAL" in categories,
            family=section_assertion == "family" or "FAMILY" in categories,
            section=fact.section,
        )


_WORKER_CHECKER: "Checker | None" = None


def _require_str(text: object, note_id: str) -> None:
    """A coded error for text that is not a str (bytes, None), instead of a TypeError from deep inside."""
    if not isinstance(text, str):
        detail = f"the text is {type(text).__name__}, not str; decode bytes first (notecheck.notes.decode reads any common encoding)"
        raise InputError(note=note_id, detail=detail)


def _as_codes(codes: Sequence[str] | str | None) -> list[str]:
    """codes as the contract lists them; a lone string is one code, None is none, other items are str()."""
    if codes is None:
        return []
    if isinstance(codes, str):
        return [codes]
    return [code if isinstance(code, str) else str(code) for code in codes]


def _check_chunk(chunk: list[Item]) -> list[str | Exception]:
    """Some pipe() items in a forked worker: each one's report as JSON, or the error checking it raised."""
    if _WORKER_CHECKER is None:
        raise RuntimeError("pipe() worker started without a checker")
    results: list[str | Exception] = []
    for note_id, text, codes in chunk:
        try:
            results.append(_WORKER_CHECKER.check(text, codes, note_id).model_dump_json())
        except Exception as error:  # raised by pipe() in the item's place, after the reports before it
            results.append(error)
    return results


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one note is checked; one young-generation pass may follow it.

    A check allocates tens of thousands of objects that reference counting frees as it goes; the collector
    still ran a pass every 700 of them, walking the Doc and the facts alive at that moment (with the reports
    kept, about 0.4 ms a note). Paused, the note's garbage cycles wait for the first pass after the check.
    A collector the caller had disabled stays disabled."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(patterns_dir: str | Path | None = None, *, models: bool = True, freeze: bool = True) -> Checker:
    """Build the pipeline and load the ruleset (once per process); models=False: rules only.

    With freeze (the default) load() ends with gc.freeze(): what the imports and the load built (about
    120,000 objects: spaCy, the vocab, the matchers, the rules) moves out of the cyclic garbage
    collector's generations, so its full collections stop walking it again while notes are checked (with
    the reports kept, those walks took 13% of a run over the corpus). The frozen objects are still freed by
    reference counting, but a reference cycle among them is not collected until gc.unfreeze(): a process
    that loads many checkers and drops them should pass freeze=False.
    """
    root = Path(patterns_dir) if patterns_dir else None
    overrides = None if models else {"model_facts": {"enabled": False}}
    checker = Checker(pipeline.build(root, components=overrides), load_ruleset(root))
    if freeze:
        gc.collect()
        gc.freeze()
    return checker
